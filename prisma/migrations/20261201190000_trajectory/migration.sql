-- CreateEnum
CREATE TYPE "TrajectoryPhase" AS ENUM ('REFERRED', 'FIRST_CONTACT', 'CLARIFYING', 'GOAL_AND_PLAN', 'DOING', 'EVALUATION', 'CLOSING', 'AFTERCARE', 'CLOSED');

-- CreateEnum
CREATE TYPE "LadderSource" AS ENUM ('COACH', 'CLIENT');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "phase" "TrajectoryPhase" NOT NULL DEFAULT 'REFERRED',
ADD COLUMN     "phaseSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PhaseChange" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "from" "TrajectoryPhase",
    "phase" "TrajectoryPhase" NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhaseChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LadderRung" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "rung" INTEGER NOT NULL,
    "source" "LadderSource" NOT NULL,
    "memberId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LadderRung_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhaseChange_clientId_at_idx" ON "PhaseChange"("clientId", "at");

-- CreateIndex
CREATE INDEX "PhaseChange_at_idx" ON "PhaseChange"("at");

-- CreateIndex
CREATE INDEX "LadderRung_clientId_at_idx" ON "LadderRung"("clientId", "at");

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LadderRung" ADD CONSTRAINT "LadderRung_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing clients: their phase from what is known of them.
UPDATE "Client" SET "phase" = CASE
    WHEN "status" = 'INVITED' THEN 'REFERRED'::"TrajectoryPhase"
    WHEN "status" = 'ONBOARDING' THEN 'FIRST_CONTACT'::"TrajectoryPhase"
    WHEN "status" IN ('CLOSED', 'REFUSED', 'FORGOTTEN') THEN 'CLOSED'::"TrajectoryPhase"
    WHEN EXISTS (SELECT 1 FROM "Goal" g WHERE g."clientId" = "Client"."id") THEN 'DOING'::"TrajectoryPhase"
    ELSE 'GOAL_AND_PLAN'::"TrajectoryPhase"
  END;
