-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "crisisCheckStep" TEXT;
