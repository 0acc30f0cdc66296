-- AlterTable
ALTER TABLE "FlowRun" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "outcome" JSONB;

-- CreateTable
CREATE TABLE "FlowAnswer" (
    "id" BIGSERIAL NOT NULL,
    "flowRunId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "promptKey" TEXT,
    "promptVars" JSONB,
    "text" TEXT,
    "choice" TEXT,
    "choiceLabel" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlowAnswer_flowRunId_at_idx" ON "FlowAnswer"("flowRunId", "at");

-- CreateIndex
CREATE INDEX "FlowAnswer_clientId_at_idx" ON "FlowAnswer"("clientId", "at");

-- AddForeignKey
ALTER TABLE "FlowAnswer" ADD CONSTRAINT "FlowAnswer_flowRunId_fkey" FOREIGN KEY ("flowRunId") REFERENCES "FlowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowAnswer" ADD CONSTRAINT "FlowAnswer_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

