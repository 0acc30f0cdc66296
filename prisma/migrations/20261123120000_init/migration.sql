-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COACH_TEAM', 'PARTNER');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('COACH', 'PARTNER', 'ADMIN');

-- CreateEnum
CREATE TYPE "NudgeMode" AS ENUM ('SINGLE', 'DAILY_DIGEST');

-- CreateEnum
CREATE TYPE "ClientStatus" AS ENUM ('INVITED', 'ONBOARDING', 'ACTIVE', 'PAUSED', 'STOPPED', 'REFUSED', 'UNREACHABLE', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConsentDecision" AS ENUM ('GIVEN', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'REACHED', 'DROPPED');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('OPEN', 'DONE', 'PARTLY', 'DROPPED');

-- CreateEnum
CREATE TYPE "ScaleKind" AS ENUM ('PROGRESS', 'MOTIVATION', 'CONFIDENCE', 'COPING', 'WELLBEING');

-- CreateEnum
CREATE TYPE "FlowRunStatus" AS ENUM ('ACTIVE', 'DONE', 'PARKED', 'ABORTED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'DEAD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReferralDirection" AS ENUM ('IN', 'OUT');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('CLIENT', 'COACH', 'PARTNER', 'ADMIN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "NudgeStatus" AS ENUM ('OPEN', 'SNOOZED', 'DONE');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "referralChannel" TEXT,
    "contactMemberId" UUID,
    "backupMemberId" UUID,
    "domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slackUserId" TEXT,
    "role" "MemberRole" NOT NULL,
    "nudgeMode" "NudgeMode" NOT NULL DEFAULT 'SINGLE',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "telegramChatId" BIGINT,
    "name" TEXT NOT NULL,
    "callName" TEXT,
    "language" TEXT NOT NULL DEFAULT 'nl',
    "coachId" UUID NOT NULL,
    "status" "ClientStatus" NOT NULL DEFAULT 'INVITED',
    "remindersWanted" BOOLEAN,
    "reminderDaypart" TEXT,
    "checkinEveryDays" INTEGER,
    "lastClientMessageAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "coachId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "decision" "ConsentDecision" NOT NULL,
    "items" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "whenText" TEXT,
    "signText" TEXT,
    "confidence" INTEGER,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Step" (
    "id" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "helper" TEXT,
    "status" "StepStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "Step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScaleScore" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "goalId" UUID,
    "kind" "ScaleKind" NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScaleScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowRun" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "flowId" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "data" JSONB,
    "status" "FlowRunStatus" NOT NULL DEFAULT 'ACTIVE',
    "turn" INTEGER NOT NULL DEFAULT 0,
    "prompt" JSONB,
    "resumeAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FlowRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "lastError" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "clientId" UUID,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "direction" "ReferralDirection" NOT NULL,
    "clientId" UUID,
    "fromOrgId" UUID NOT NULL,
    "toOrgId" UUID NOT NULL,
    "filedByMemberId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "personName" TEXT,
    "personContact" TEXT,
    "lifeDomain" TEXT,
    "need" TEXT NOT NULL,
    "wish" TEXT,
    "urgency" TEXT NOT NULL DEFAULT 'normal',
    "proposedItems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "consentedItems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "consentWithdrawnAt" TIMESTAMPTZ(3),
    "summary" TEXT,
    "coachJoins" BOOLEAN NOT NULL DEFAULT false,
    "wishedDate" TIMESTAMPTZ(3),
    "machineVersion" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" BIGSERIAL NOT NULL,
    "referralId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "referralId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nudge" (
    "id" UUID NOT NULL,
    "coachId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "cause" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "status" "NudgeStatus" NOT NULL DEFAULT 'OPEN',
    "snoozedUntil" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Nudge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "clientId" UUID,
    "referralId" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Member_slackUserId_key" ON "Member"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_organisationId_name_key" ON "Member"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Client_telegramChatId_key" ON "Client"("telegramChatId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_codeHash_key" ON "Invite"("codeHash");

-- CreateIndex
CREATE INDEX "ConsentRecord_clientId_subject_at_idx" ON "ConsentRecord"("clientId", "subject", "at");

-- CreateIndex
CREATE INDEX "ScaleScore_clientId_kind_at_idx" ON "ScaleScore"("clientId", "kind", "at");

-- CreateIndex
CREATE INDEX "FlowRun_clientId_status_idx" ON "FlowRun"("clientId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Job_idempotencyKey_key" ON "Job"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Job_status_dueAt_idx" ON "Job"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Job_clientId_status_idx" ON "Job"("clientId", "status");

-- CreateIndex
CREATE INDEX "ReferralEvent_referralId_at_idx" ON "ReferralEvent"("referralId", "at");

-- CreateIndex
CREATE INDEX "Nudge_coachId_status_idx" ON "Nudge"("coachId", "status");

-- CreateIndex
CREATE INDEX "AuditEvent_clientId_at_idx" ON "AuditEvent"("clientId", "at");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Step" ADD CONSTRAINT "Step_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScaleScore" ADD CONSTRAINT "ScaleScore_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScaleScore" ADD CONSTRAINT "ScaleScore_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowRun" ADD CONSTRAINT "FlowRun_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_fromOrgId_fkey" FOREIGN KEY ("fromOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_toOrgId_fkey" FOREIGN KEY ("toOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nudge" ADD CONSTRAINT "Nudge_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nudge" ADD CONSTRAINT "Nudge_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

