-- Issue 4: coach nudges and reminders.

-- Where a nudge was delivered (Slack DM or the daily digest), so its buttons can update it later.
ALTER TABLE "Nudge" ADD COLUMN "notifiedAt" TIMESTAMPTZ(3),
ADD COLUMN "slackChannel" TEXT,
ADD COLUMN "slackTs" TEXT;

-- At most one nudge per client and cause that is not DONE (OPEN or SNOOZED). The database
-- enforces it, so two instances detecting the same silence at once still make one nudge.
-- Prisma's schema language has no partial indexes: this index lives only in migrations
-- (`prisma migrate diff` from the schema would offer to drop it; keep it).
CREATE UNIQUE INDEX "Nudge_clientId_cause_open_key" ON "Nudge"("clientId", "cause") WHERE "status" <> 'DONE';

-- The overdue-step detector and the reminder planner look for open steps by due date.
CREATE INDEX "Step_status_dueAt_idx" ON "Step"("status", "dueAt");

-- The silence detector looks for active clients by their last message.
CREATE INDEX "Client_status_lastClientMessageAt_idx" ON "Client"("status", "lastClientMessageAt");
