-- CreateEnum
CREATE TYPE "CrisisAlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'CONTACTED');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "crisisHoldSince" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CrisisAlert" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "coachId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "acute" BOOLEAN NOT NULL,
    "messageText" TEXT NOT NULL,
    "status" "CrisisAlertStatus" NOT NULL DEFAULT 'OPEN',
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedBy" UUID,
    "contactedAt" TIMESTAMPTZ(3),
    "contactedBy" UUID,
    "escalatedAt" TIMESTAMPTZ(3),
    "parkedRunId" UUID,
    "followUp" TEXT NOT NULL DEFAULT 'pending',
    "resumedAt" TIMESTAMPTZ(3),
    "resumedBy" UUID,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrisisAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrisisAlertEvent" (
    "id" BIGSERIAL NOT NULL,
    "alertId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "category" TEXT,
    "rule" TEXT,
    "acute" BOOLEAN,
    "messageText" TEXT,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrisisAlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CrisisAlert_clientId_status_idx" ON "CrisisAlert"("clientId", "status");

-- CreateIndex
CREATE INDEX "CrisisAlert_status_createdAt_idx" ON "CrisisAlert"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CrisisAlertEvent_alertId_at_idx" ON "CrisisAlertEvent"("alertId", "at");

-- AddForeignKey
ALTER TABLE "CrisisAlert" ADD CONSTRAINT "CrisisAlert_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrisisAlertEvent" ADD CONSTRAINT "CrisisAlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "CrisisAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

