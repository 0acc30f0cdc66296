import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import { type JobWrite, leaseQueue } from "../db/queue.js";
import { openDeep } from "../db/sealed.js";
import { LeaseLost, SendError } from "./errors.js";
import type { ClaimedJob, JobContext, JobHandlers, JobOutcome } from "./types.js";

export { SendError } from "./errors.js";
export type { MessageSender } from "./telegram-send.js";
export type { NudgeSink } from "./nudge-jobs.js";

export interface DispatcherDeps {
  db: Database;
  handlers: JobHandlers;
  logger: Logger;
  clock?: () => Date;
  /** Called once when a job has failed for the last time (it is DEAD), after that is saved. */
  onDead?: (job: ClaimedJob, err: unknown) => Promise<void>;
  /**
   * Longest sleep when nothing is due (ms, default 250); the loop wakes earlier for the next due
   * job it knows of. It bounds the delay of a job queued by another instance (or a planner) that
   * is due sooner than anything this loop knew of.
   */
  idleMs?: number;
  batchSize?: number;
  /** How long a claimed job stays ours; a crashed instance's jobs come back after it. */
  leaseSeconds?: number;
}

/** Seconds to wait before attempt `attempts + 1`: 30 s doubling to an hour, with ±20 % jitter. */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A write waiting for the next `queue.writeMany`. */
interface QueuedWrite extends JobWrite {
  settle: (ours: boolean | Error) => void;
}

/**
 * The durable job dispatcher. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several instances
 * can share one PostgreSQL and each job runs on one of them; a client's jobs of one kind run in
 * order; a crashed instance's jobs come back when their lease runs out. Failures are retried with
 * exponential backoff; after the last attempt a job is DEAD and `onDead` is told.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const clock = deps.clock ?? (() => new Date());
  const worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const idleMs = deps.idleMs ?? 250;
  const batchSize = deps.batchSize ?? 20;
  const sql = deps.db.sql;
  const queue = leaseQueue(sql, worker, deps.leaseSeconds ?? 60);
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let pendingWake = false;

  async function claim(): Promise<ClaimedJob[]> {
    const rows = await queue.claim(batchSize, clock());
    return rows.map((r) => ({ ...r, payload: openDeep(deps.db.keyring, r.payload), dueAt: new Date(r.dueAt) }));
  }

  /**
   * Group commit of the common writes: a write asked for while another is on its way waits for it
   * and goes with every other one asked for meanwhile, in one statement. A claimed batch's jobs
   * mark their messages in flight together, and their "done" marks go together as the Bot API
   * answers come back. Each write is still committed before its promise resolves, and only while
   * this worker holds its job (false otherwise).
   */
  const queued: QueuedWrite[] = [];
  let writing = false;

  function write(job: ClaimedJob, patch: Record<string, unknown>, done: boolean): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      queued.push({ id: job.id, patch, done, at: clock(), settle: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      if (!writing) {
        writing = true;
        // writeQueued settles every write itself and never rejects.
        setImmediate(() => {
          writeQueued().catch(() => undefined);
        });
      }
    });
  }

  async function writeQueued(): Promise<void> {
    while (queued.length) {
      // One row once per statement (a job writes again only after its last write returned).
      const ids = new Set<string>();
      const batch: QueuedWrite[] = [];
      for (let i = 0; i < queued.length; ) {
        const w = queued[i]!;
        if (ids.has(w.id)) {
          i++;
          continue;
        }
        ids.add(w.id);
        batch.push(w);
        queued.splice(i, 1);
      }
      try {
        const ours = await queue.writeMany(batch);
        for (const w of batch) w.settle(ours.has(w.id));
      } catch (err) {
        for (const w of batch) w.settle(err instanceof Error ? err : new Error(String(err)));
      }
    }
    writing = false;
  }

  function context(job: ClaimedJob): JobContext {
    return {
      db: deps.db,
      now: clock,
      logger: deps.logger,
      async savePayload(patch) {
        if (!(await write(job, patch, false))) throw new LeaseLost(job.id);
      },
    };
  }

  async function complete(job: ClaimedJob, outcome: JobOutcome): Promise<void> {
    let ours: boolean;
    if (outcome && "retryAt" in outcome) {
      // Not a failure: the job asked to come back later, so this run does not count as an attempt.
      ours = await queue.later(job.id, outcome.retryAt, outcome.holdBack);
    } else {
      ours = await write(job, outcome && "patch" in outcome ? outcome.patch : {}, true);
    }
    if (!ours) deps.logger.warn({ jobId: job.id, kind: job.kind }, "job finished after its lease ran out; another instance has it");
  }

  async function fail(job: ClaimedJob, err: unknown): Promise<void> {
    const e = err instanceof SendError ? err : null;
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    if (e?.opts.retryAfterSeconds !== undefined && !e.opts.permanent) {
      const at = new Date(clock().getTime() + e.opts.retryAfterSeconds * 1000);
      await queue.retry(job.id, at, message, { notCountedHoldingBack: true });
      deps.logger.info({ jobId: job.id, kind: job.kind, retryAfter: e.opts.retryAfterSeconds }, "rate limited; job waits");
      return;
    }
    const dead = Boolean(e?.opts.permanent) || job.attempts >= job.maxAttempts;
    if (dead) {
      const ours = await queue.dead(job.id, message);
      deps.logger.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, "job failed for the last time");
      if (ours) await deps.onDead?.(job, err);
      return;
    }
    const at = new Date(clock().getTime() + backoffSeconds(job.attempts) * 1000);
    await queue.retry(job.id, at, message);
    deps.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryAt: at, err: message }, "job will be retried");
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    try {
      const handler = deps.handlers[job.kind];
      if (!handler) throw new SendError(`No handler for job kind "${job.kind}"`, { permanent: true });
      await complete(job, await handler(job, context(job)));
    } catch (err) {
      if (err instanceof LeaseLost) {
        deps.logger.warn({ jobId: job.id, kind: job.kind }, err.message);
        return;
      }
      await fail(job, err).catch((e: unknown) => deps.logger.error({ err: e, jobId: job.id }, "could not record a job failure"));
    }
  }

  /**
   * Runs every job that is due now; returns how many ran. `untilShort` (the loop's): stops after a
   * batch that was not full instead of claiming once more to find nothing; whatever was queued
   * meanwhile pokes the loop, or is found by `untilNextDue`, so it waits no longer than before.
   */
  async function drain(opts: { untilShort?: boolean } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claim();
      if (!jobs.length) return total;
      await Promise.all(jobs.map(runOne));
      total += jobs.length;
      if (opts.untilShort && jobs.length < batchSize) return total;
    }
  }

  /** Milliseconds until the next pending job is due, at most `idleMs`. */
  async function untilNextDue(): Promise<number> {
    const rows = await sql.query<{ due: Date | null }>(`SELECT min("dueAt") AS due FROM "Job" WHERE status = 'PENDING'`);
    const due = rows[0]?.due;
    if (!due) return idleMs;
    return Math.max(0, Math.min(idleMs, new Date(due).getTime() - clock().getTime()));
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

  async function cycle(): Promise<void> {
    let wait = idleMs;
    try {
      await drain({ untilShort: true });
      // Poked meanwhile: the next cycle starts at once, so when the next job is due does not matter.
      if (!pendingWake) wait = await untilNextDue();
    } catch (err) {
      deps.logger.error({ err }, "dispatcher could not claim jobs");
    }
    if (!running) return;
    if (pendingWake) {
      pendingWake = false;
      return;
    }
    await sleep(Math.max(wait, 5));
  }

  return {
    drain,
    worker,
    /** Starts the background loop. */
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) await cycle();
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
