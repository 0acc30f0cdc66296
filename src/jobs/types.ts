import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { ClaimedRow } from "../db/queue.js";

/** A job as the dispatcher hands it to a handler, after claiming it: its row, the due time a Date. */
export interface ClaimedJob extends Omit<ClaimedRow, "dueAt"> {
  dueAt: Date;
}

export interface JobContext {
  db: Database;
  now: () => Date;
  logger: Logger;
  /**
   * Merges `patch` into the job's payload, committed before it returns, but only while this
   * instance still holds the job (throws `LeaseLost` otherwise). The outbox uses it to record a
   * send before making it.
   */
  savePayload(patch: Record<string, unknown>): Promise<void>;
}

/**
 * What a handler returns: nothing when the job is done; `retryAt` to come back later without
 * counting an attempt (a rate limit, a reminder outside its hours); `patch` to merge into the
 * payload when the job is marked done (one write instead of two).
 * `holdBack`: the client's later jobs of this kind wait for this one (a half-sent turn must
 * finish first); without it they may pass (a reminder moved to the morning).
 */
export type JobOutcome =
  | void
  | { retryAt: Date; reason: string; holdBack?: boolean }
  | { patch: Record<string, unknown> };

export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<JobOutcome>;

export type JobHandlers = Record<string, JobHandler>;
