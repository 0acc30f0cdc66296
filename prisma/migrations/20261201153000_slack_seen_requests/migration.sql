-- CreateTable
CREATE TABLE "SlackSeenRequest" (
    "signature" TEXT NOT NULL,
    "requestTs" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlackSeenRequest_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "SlackSeenRequest_requestTs_idx" ON "SlackSeenRequest"("requestTs");

