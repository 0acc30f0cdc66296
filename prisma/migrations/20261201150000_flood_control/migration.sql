-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "floodSince" TIMESTAMPTZ(3),
ADD COLUMN     "floodTimes" JSONB NOT NULL DEFAULT '[]';
