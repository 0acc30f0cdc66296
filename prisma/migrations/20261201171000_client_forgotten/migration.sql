-- AlterEnum
ALTER TYPE "ClientStatus" ADD VALUE 'FORGOTTEN';

