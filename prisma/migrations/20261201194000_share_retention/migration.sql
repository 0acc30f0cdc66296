-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "shareRetentionMonths" INTEGER;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "sharesClearedAt" TIMESTAMPTZ(3);

