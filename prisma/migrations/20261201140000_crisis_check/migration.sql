-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "crisisCheckAt" TIMESTAMPTZ(3),
ADD COLUMN     "crisisCheckText" TEXT;

