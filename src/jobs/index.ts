/**
 * All of Koers's durable jobs in one place: the dispatcher with every handler, the hook for jobs
 * that fail for the last time, and the recurring jobs. The composition root calls `createJobs`.
 */
import type { Logger } from "pino";
import type { Engine } from "../conversation/engine.js";
import { deleteOldJobs } from "./retention.js";
import type { Database } from "../db/client.js";
import { openNudge, resurfaceSnoozed } from "../domain/nudges.js";
import { detectNudges, detectOpenPromises } from "./detectors.js";
import { createDispatcher, type Dispatcher } from "./dispatcher.js";
import { SendError } from "./errors.js";
import { COACH_NUDGE, DIGEST_SEND, coachNudgeHandler, digestHandler, planDigests, type NudgeSink } from "./nudge-jobs.js";
import { CONVERSATION_REASK, CONVERSATION_RESUME, TELEGRAM_SEND, enqueueReask, type ReaskPayload } from "../outbox/messages.js";
import { createSendLimiter, TELEGRAM_LIMITS, type SendLimiter } from "./rate-limit.js";
import { resealBatch } from "./reseal.js";
import { clearOldShares, DEFAULT_SHARE_MONTHS, DEFAULT_TEXT_MONTHS, deleteOldTexts } from "./retention.js";
import { ensureRecurring, everyMinutes, dailyAt, recurringHandlers, type Recurring } from "./recurring.js";
import { reminderHandlers } from "./reminder-jobs.js";
import { REMINDER_KINDS, planReminders } from "../domain/reminders/plan.js";
import { resumeHandler } from "./resume.js";
import { trajectoryHandlers } from "./trajectory-jobs.js";
import { messageToReask, telegramSendHandler, type MessageSender } from "./telegram-send.js";
import type { ClaimedJob, JobHandlers } from "./types.js";
import { lockClient } from "../db/locks.js";
import { cancelPending } from "../db/queue.js";

export interface JobsDeps {
  db: Database;
  engine: Pick<Engine, "withClient" | "resumeParked" | "reask">;
  sender: MessageSender;
  nudges: NudgeSink;
  logger: Logger;
  clock?: () => Date;
  /** Telegram's limits (default); `unlimited` for the terminal chat and benchmarks. */
  limiter?: SendLimiter;
  /** NUDGE_SILENT_DAYS. */
  silentDays: number;
  /** TEXT_RETENTION_MONTHS: conversation texts are deleted this long after the client stopped (default 12). */
  textRetentionMonths?: number;
  /** SHARE_RETENTION_MONTHS: what a referral shared is erased this long after it ended, unless the partner's own term says otherwise (default 12). */
  shareRetentionMonths?: number;
  idleMs?: number;
  batchSize?: number;
  leaseSeconds?: number;
  /** Extra handlers (tests). */
  handlers?: JobHandlers;
}

export interface Jobs {
  dispatcher: Dispatcher;
  /** Queues the recurring jobs that are not queued yet; call once at start. */
  ensureRecurring(): Promise<void>;
}

/** Recurring jobs: what runs, and how often. */
export function recurringJobs(silentDays: number, textRetentionMonths = DEFAULT_TEXT_MONTHS, shareRetentionMonths = DEFAULT_SHARE_MONTHS): Recurring[] {
  return [
    { kind: "reminders.plan", next: everyMinutes(10), run: (ctx) => planReminders(ctx.db, ctx.now()) },
    { kind: "nudges.detect", next: everyMinutes(60, 5), run: async (ctx) => ({ ...(await detectNudges(ctx.db, ctx.now(), { silentDays })), ...(await detectOpenPromises(ctx.db, ctx.now())) }) },
    {
      kind: "nudges.resurface",
      next: everyMinutes(10, 2),
      run: (ctx) => ctx.db.prisma.$transaction((tx) => resurfaceSnoozed(tx, ctx.now())),
    },
    // Coaches who want one message a day get it at 08:30, before their working day.
    { kind: "coach.digest", next: dailyAt(8 * 60 + 30), run: (ctx) => planDigests(ctx.db, ctx.now()) },
    // Finished jobs (sent messages among them) are deleted after their retention, at night.
    { kind: "jobs.cleanup", next: dailyAt(3 * 60 + 15), run: (ctx) => deleteOldJobs(ctx.db, ctx.now()) },
    // Conversation texts of clients who stopped or closed, after TEXT_RETENTION_MONTHS.
    { kind: "texts.cleanup", next: dailyAt(3 * 60 + 35), run: (ctx) => deleteOldTexts(ctx.db, ctx.now(), textRetentionMonths) },
    // What referrals shared, at the end of each partner agreement's term (Organisation.shareRetentionMonths).
    { kind: "shares.cleanup", next: dailyAt(3 * 60 + 45), run: (ctx) => clearOldShares(ctx.db, ctx.now(), shareRetentionMonths) },
    // Client words still plain or sealed with an older key are sealed with the current one, a batch at a time.
    { kind: "data.reseal", next: everyMinutes(10, 7), run: (ctx) => resealBatch(ctx.db) },
  ];
}

/** Telegram 403: the client blocked the bot. Mark them, cancel what waits for them, tell the coach. */
async function markUnreachable(db: Database, clientId: string, now: Date): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await lockClient(tx, clientId);
    const client = await tx.client.update({ where: { id: clientId }, data: { status: "UNREACHABLE" } });
    await cancelPending(tx, { clientId, kinds: [TELEGRAM_SEND, CONVERSATION_RESUME, ...REMINDER_KINDS] });
    await openNudge(tx, { clientId, coachId: client.coachId, cause: "unreachable", now });
  });
}

/**
 * A job about a client failed for good: the coach hears of it. Not for messages to professionals
 * (nudges, Slack deliveries): those failed on Slack, which the nudge would need too, and the
 * "job failed" text speaks of a message to the client.
 */
async function nudgeOnDead(db: Database, job: ClaimedJob, err: unknown, now: Date): Promise<void> {
  if (!job.clientId || job.kind.startsWith("coach.") || job.kind.startsWith("slack.")) return;
  if (err instanceof SendError && err.opts.blocked) return;
  await db.prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: job.clientId ?? "" } });
    if (!client) return;
    await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "job_failed", now, detail: { kind: job.kind, jobId: job.id } });
  });
}

export function createJobs(deps: JobsDeps): Jobs {
  const clock = deps.clock ?? (() => new Date());
  const recurring = recurringJobs(deps.silentDays, deps.textRetentionMonths, deps.shareRetentionMonths);
  const handlers: JobHandlers = {
    [TELEGRAM_SEND]: telegramSendHandler({
      sender: deps.sender,
      limiter: deps.limiter ?? createSendLimiter(TELEGRAM_LIMITS, () => clock().getTime()),
      onBlocked: (clientId) => markUnreachable(deps.db, clientId, clock()),
      // Messages in doubt after a crash: one marked re-ask of the last one (telegram-send.ts).
      onUncertain: async (job, p) => {
        const missed = messageToReask(p);
        if (!missed) return;
        await enqueueReask(deps.db.prisma, {
          clientId: job.clientId ?? "",
          sendJobId: job.id,
          since: p.uncertainSince ?? clock().toISOString(),
          missed,
          ...(p.proactive ? { proactive: true } : {}),
        });
      },
    }),
    [CONVERSATION_REASK]: async (job) => {
      await deps.engine.reask(job.payload as ReaskPayload);
    },
    [COACH_NUDGE]: coachNudgeHandler(deps.nudges),
    [DIGEST_SEND]: digestHandler(deps.nudges),
    [CONVERSATION_RESUME]: resumeHandler(deps.engine),
    ...reminderHandlers(deps.engine.withClient),
    // The trajectory's planned talks: evaluation, closing, check-ins after closing (src/domain/trajectory.ts).
    ...trajectoryHandlers(deps.engine.withClient),
    ...recurringHandlers(recurring),
    ...deps.handlers,
  };
  const dispatcher = createDispatcher({
    db: deps.db,
    handlers,
    logger: deps.logger,
    clock,
    onDead: (job, err) => nudgeOnDead(deps.db, job, err, clock()),
    ...(deps.idleMs !== undefined ? { idleMs: deps.idleMs } : {}),
    ...(deps.batchSize !== undefined ? { batchSize: deps.batchSize } : {}),
    ...(deps.leaseSeconds !== undefined ? { leaseSeconds: deps.leaseSeconds } : {}),
  });
  return { dispatcher, ensureRecurring: () => ensureRecurring(deps.db, recurring, clock()) };
}

export type { MessageSender, NudgeSink };
