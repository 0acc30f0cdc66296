-- AlterTable
ALTER TABLE "FlowRun" ADD COLUMN     "resumeFrom" JSONB;

