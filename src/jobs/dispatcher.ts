import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { COACH_NUDGE, TELEGRAM_SEND, enqueueNudge, type CoachNudgePayload, type TelegramSendPayload } from "./outbox.js";

/** A send that failed; the sender says whether trying again can help. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly opts: { permanent?: boolean; blocked?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "SendError";
  }
}

/** Renders and sends one message of an outbox job. */
export interface MessageSender {
  send(payload: TelegramSendPayload, index: number): Promise<void>;
}

/** Delivers a nudge to a coach (Slack later; a log line until then). */
export interface NudgeSink {
  notify(nudge: CoachNudgePayload): Promise<void>;
}

export interface DispatcherDeps {
  db: Database;
  sender: MessageSender;
  nudges: NudgeSink;
  logger: Logger;
  clock?: () => Date;
  /** How long to sleep when nothing is due (ms). */
  idleMs?: number;
  batchSize?: number;
}

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  clientId: string | null;
}

const LEASE_SECONDS = 60;

/**
 * The durable job dispatcher. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several instances
 * can share one PostgreSQL; a job of a client waits for that client's earlier jobs of the same
 * kind, so messages arrive in order. A crashed instance's jobs come back after their lease.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const clock = deps.clock ?? (() => new Date());
  const worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const idleMs = deps.idleMs ?? 1000;
  const batchSize = deps.batchSize ?? 20;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let pendingWake = false;

  async function claim(): Promise<ClaimedJob[]> {
    const now = clock();
    return deps.db.sql.query<ClaimedJob>(
      `WITH picked AS (
         SELECT j.id FROM "Job" j
         WHERE (j.status = 'PENDING' OR (j.status = 'RUNNING' AND j."lockedUntil" < $3))
           AND j."dueAt" <= $3
           AND NOT EXISTS (
             SELECT 1 FROM "Job" e
             WHERE e."clientId" = j."clientId" AND e.kind = j.kind AND e.id < j.id
               AND e.status IN ('PENDING', 'RUNNING') AND e."dueAt" <= $3)
         ORDER BY j."dueAt", j.id
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       UPDATE "Job" SET status = 'RUNNING', "lockedBy" = $2,
         "lockedUntil" = $3::timestamptz + interval '${LEASE_SECONDS} seconds', attempts = "Job".attempts + 1
       FROM picked WHERE "Job".id = picked.id
       RETURNING "Job".id::text AS id, "Job".kind, "Job".payload, "Job".attempts, "Job"."maxAttempts", "Job"."clientId"`,
      [batchSize, worker, now],
    );
  }

  async function runTelegram(job: ClaimedJob): Promise<void> {
    const payload = job.payload as TelegramSendPayload;
    for (let i = payload.sent; i < payload.messages.length; i++) {
      await deps.sender.send(payload, i);
      payload.sent = i + 1;
      // Progress is saved after every message, so a retry never repeats a delivered one.
      await deps.db.prisma.job.update({
        where: { id: BigInt(job.id) },
        data: { payload: payload as unknown as Prisma.InputJsonValue },
      });
    }
  }

  async function markUnreachable(clientId: string): Promise<void> {
    await deps.db.prisma.$transaction(async (tx) => {
      const client = await tx.client.update({ where: { id: clientId }, data: { status: "UNREACHABLE" } });
      await tx.job.updateMany({ where: { clientId, status: "PENDING", kind: TELEGRAM_SEND }, data: { status: "CANCELLED" } });
      await enqueueNudge(tx, { clientId, coachId: client.coachId, cause: "unreachable" }, `${clientId}:unreachable:${clock().toISOString().slice(0, 10)}`);
    });
  }

  async function fail(job: ClaimedJob, err: unknown): Promise<void> {
    const e = err instanceof SendError ? err : null;
    const message = err instanceof Error ? err.message : String(err);
    const dead = e?.opts.permanent || job.attempts >= job.maxAttempts;
    if (e?.opts.blocked && job.clientId) await markUnreachable(job.clientId);
    const backoff = e?.opts.retryAfterSeconds ?? Math.min(3600, 2 ** job.attempts);
    await deps.db.prisma.job.update({
      where: { id: BigInt(job.id) },
      data: dead
        ? { status: "DEAD", lastError: message.slice(0, 1000), lockedBy: null, lockedUntil: null }
        : { status: "PENDING", lastError: message.slice(0, 1000), dueAt: new Date(clock().getTime() + backoff * 1000), lockedBy: null, lockedUntil: null },
    });
    deps.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, dead, err: message }, dead ? "job dead" : "job will be retried");
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    try {
      if (job.kind === TELEGRAM_SEND) await runTelegram(job);
      else if (job.kind === COACH_NUDGE) await deps.nudges.notify(job.payload as CoachNudgePayload);
      else throw new SendError(`No handler for job kind "${job.kind}"`, { permanent: true });
      await deps.db.prisma.job.update({
        where: { id: BigInt(job.id) },
        data: { status: "DONE", doneAt: clock(), lockedBy: null, lockedUntil: null },
      });
    } catch (err) {
      await fail(job, err);
    }
  }

  /** Runs every job that is due now; returns how many ran. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claim();
      if (!jobs.length) return total;
      await Promise.all(jobs.map(runOne));
      total += jobs.length;
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(t);
        wake = null;
        resolve();
      };
    });
  }

  return {
    drain,
    /** Starts the background loop. */
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await drain();
          } catch (err) {
            deps.logger.error({ err }, "dispatcher could not claim jobs");
          }
          if (!running) break;
          if (pendingWake) {
            pendingWake = false;
            continue;
          }
          await sleep(idleMs);
        }
      })();
    },
    /** Wakes the loop now (after a commit that queued messages). */
    poke() {
      pendingWake = true;
      wake?.();
    },
    /** Stops after the jobs in hand are finished; nothing is lost (unclaimed jobs stay pending). */
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
