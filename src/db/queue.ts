/**
 * The one writer of Job rows: every module that queues, moves, cancels or deletes a job does it
 * here, and the dispatcher claims and finishes jobs with the statements below. Reads stay free.
 * ESLint (eslint.config.js) fails on a Prisma write of `job` anywhere else.
 *
 * Two ways to queue a job once per idempotency key, kept apart on purpose:
 * - `enqueueOnce` goes through Prisma, so the sealing extension (src/db/sealed.ts) seals what the
 *   payload holds of the client's words (a message to send, a referral's thread);
 * - `insertOnce` is one `INSERT ... ON CONFLICT DO NOTHING`, safe when two transactions queue the
 *   same key at once, for payloads that hold no client words (ids, times).
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "./client.js";
import type { SqlRunner } from "./migrate.js";

export interface NewJob {
  kind: string;
  payload: object;
  idempotencyKey: string;
  clientId?: string | null;
  /** Default: now (the database's). */
  dueAt?: Date;
  /** 1 runs before (and holds back) a client's other jobs of its kind: the crisis answer, alerts. */
  priority?: number;
}

function createData(job: NewJob): Prisma.JobUncheckedCreateInput {
  return {
    kind: job.kind,
    payload: job.payload as Prisma.InputJsonValue,
    idempotencyKey: job.idempotencyKey,
    ...(job.clientId !== undefined ? { clientId: job.clientId } : {}),
    ...(job.dueAt ? { dueAt: job.dueAt } : {}),
    ...(job.priority ? { priority: job.priority } : {}),
  };
}

/** Queues a job whose key is new (a second one with the same key is an error, as a bug should be). */
export async function enqueue(tx: Pick<Tx, "job">, job: NewJob): Promise<void> {
  await tx.job.create({ data: createData(job) });
}

/** Queues a job unless one with its key exists (whatever its status); through Prisma, so sealed. */
export async function enqueueOnce(tx: Pick<Tx, "job">, job: NewJob): Promise<void> {
  await tx.job.upsert({ where: { idempotencyKey: job.idempotencyKey }, update: {}, create: createData(job) });
}

/** Queues a job unless one with its key exists, in one statement (plain payloads only: not sealed). */
export async function insertOnce(tx: Pick<Tx, "$executeRaw">, job: NewJob & { dueAt: Date }): Promise<void> {
  await tx.$executeRaw`INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId", "dueAt", priority)
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.idempotencyKey}, ${job.clientId ?? null}::uuid, ${job.dueAt}, ${job.priority ?? 0})
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/**
 * Queues a job, or brings back one with the same key that was cancelled (and is planned again),
 * with the new due time and payload and its attempts reset. A key that ran already is left alone.
 */
export async function enqueueOrRevive(tx: Pick<Tx, "$executeRaw">, job: NewJob & { dueAt: Date; clientId: string }): Promise<void> {
  await tx.$executeRaw`INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId", "dueAt")
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.idempotencyKey}, ${job.clientId}::uuid, ${job.dueAt})
    ON CONFLICT ("idempotencyKey") DO UPDATE SET status = 'PENDING', "dueAt" = EXCLUDED."dueAt", payload = EXCLUDED.payload,
      attempts = 0, "lastError" = NULL
    WHERE "Job".status = 'CANCELLED'`;
}

/**
 * The fast path's outbox row, as the last part of its one statement (src/conversation/fast-path.ts):
 * `INSERT ... SELECT` of a job of `kind` from the statement's parameters, none when the payload
 * parameter is NULL, once per key. Each argument names a parameter (`$10`).
 */
export function insertOnceSql(kind: string, params: { payload: string; clientId: string; key: string; priority: string }): string {
  return `INSERT INTO "Job" (kind, payload, "clientId", "idempotencyKey", priority)
  SELECT '${kind}', ${params.payload}::jsonb, ${params.clientId}::uuid, ${params.key}, ${params.priority} WHERE ${params.payload}::jsonb IS NOT NULL
  ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/** Moves a job to another due time with a new payload (a reminder re-planned). */
export async function reschedule(tx: Pick<Tx, "job">, id: bigint, dueAt: Date, payload: object): Promise<void> {
  await tx.job.update({ where: { id }, data: { dueAt, payload: payload as Prisma.InputJsonValue } });
}

/** Replaces a job's payload (a reminder's answer, under the job's lock). */
export async function setPayload(tx: Pick<Tx, "job">, id: bigint, payload: object): Promise<void> {
  await tx.job.update({ where: { id }, data: { payload: payload as Prisma.InputJsonValue } });
}

/** Marks a job's payload `started` in the handler's own transaction: a retry after a crash finds it and stops. */
export async function markStarted(tx: Pick<Tx, "$executeRaw">, id: string | bigint): Promise<void> {
  await tx.$executeRaw`UPDATE "Job" SET payload = payload || '{"started": true}'::jsonb WHERE id = ${BigInt(id)}`;
}

/** Which pending jobs to cancel; every field given must hold. */
export interface PendingFilter {
  clientId?: string;
  kinds?: readonly string[];
  /** Every kind but this one. */
  exceptKind?: string;
  idempotencyKey?: string;
  priority?: number;
}

/** Cancels the pending jobs the filter names; returns how many. */
export async function cancelPending(tx: Pick<Tx, "job">, filter: PendingFilter): Promise<number> {
  const kind = filter.kinds ? { in: [...filter.kinds] } : filter.exceptKind !== undefined ? { not: filter.exceptKind } : undefined;
  const where: Prisma.JobWhereInput = {
    status: "PENDING",
    ...(filter.clientId !== undefined ? { clientId: filter.clientId } : {}),
    ...(kind ? { kind } : {}),
    ...(filter.idempotencyKey !== undefined ? { idempotencyKey: filter.idempotencyKey } : {}),
    ...(filter.priority !== undefined ? { priority: filter.priority } : {}),
  };
  const { count } = await tx.job.updateMany({ where, data: { status: "CANCELLED" } });
  return count;
}

/**
 * Cancelled jobs of these keys wait again: those due after `dueAfter`, and those of `anyTime`
 * whatever their due time (/start after /stop brings back parked topics).
 */
export async function revivePending(tx: Pick<Tx, "job">, keys: string[], opts: { dueAfter: Date; anyTime: string[] }): Promise<void> {
  await tx.job.updateMany({
    where: { idempotencyKey: { in: keys }, status: "CANCELLED", OR: [{ dueAt: { gt: opts.dueAfter } }, { idempotencyKey: { in: opts.anyTime } }] },
    data: { status: "PENDING" },
  });
}

/** Deletes a client's finished (done or cancelled) jobs: what was sent to them goes with them. */
export async function deleteFinished(tx: Pick<Tx, "job">, clientId: string): Promise<void> {
  await tx.job.deleteMany({ where: { clientId, status: { in: ["DONE", "CANCELLED"] } } });
}

/** Deletes jobs finished (done, cancelled) before `finishedBefore` and dead ones due before `deadBefore`; returns how many. */
export async function deleteFinishedBefore(sql: SqlRunner, finishedBefore: Date, deadBefore: Date): Promise<number> {
  const rows = await sql.query<{ n: string }>(
    `WITH gone AS (
       DELETE FROM "Job"
       WHERE (status IN ('DONE', 'CANCELLED') AND COALESCE("doneAt", "dueAt") < $1)
          OR (status = 'DEAD' AND "dueAt" < $2)
       RETURNING 1)
     SELECT count(*)::text AS n FROM gone`,
    [finishedBefore, deadBefore],
  );
  return Number(rows[0]?.n ?? 0);
}

/** A claimed job's row as the claim statement returns it (dates as the driver gives them). */
export interface ClaimedRow {
  id: string;
  kind: string;
  payload: unknown;
  /** Attempts including this one. */
  attempts: number;
  maxAttempts: number;
  clientId: string | null;
  idempotencyKey: string;
  /** True when a previous holder's lease ran out (it crashed or hung) and this is a takeover. */
  recovered: boolean;
  /** When the job was due (for lateness measurements and logs). */
  dueAt: Date | string;
}

const CLAIM = (leaseSeconds: number) => `
  WITH picked AS (
    SELECT j.id, j.status AS was FROM "Job" j
    WHERE ((j.status = 'PENDING' AND j."dueAt" <= $3) OR (j.status = 'RUNNING' AND j."lockedUntil" < $3))
      -- A client's jobs of one kind run in order; one waiting for a retry holds the later ones back.
      -- A job of higher priority (the crisis answer) is not held back and holds back the others.
      AND NOT EXISTS (
        SELECT 1 FROM "Job" e
        WHERE e."clientId" = j."clientId" AND e.kind = j.kind AND e.id <> j.id
          AND e.status IN ('PENDING', 'RUNNING') AND (e."dueAt" <= $3 OR e.attempts > 0)
          AND ((e.id < j.id AND e.priority >= j.priority) OR e.priority > j.priority))
    ORDER BY j.priority DESC, j."dueAt", j.id
    LIMIT $1
    FOR UPDATE SKIP LOCKED)
  UPDATE "Job" SET status = 'RUNNING', "lockedBy" = $2,
    "lockedUntil" = $3::timestamptz + interval '${leaseSeconds} seconds', attempts = "Job".attempts + 1
  FROM picked WHERE "Job".id = picked.id
  RETURNING "Job".id::text AS id, "Job".kind, "Job".payload, "Job".attempts, "Job"."maxAttempts" AS "maxAttempts",
    "Job"."clientId" AS "clientId", "Job"."idempotencyKey" AS "idempotencyKey", picked.was = 'RUNNING' AS recovered,
    "Job"."dueAt" AS "dueAt"`;

/**
 * A run that does not count as an attempt. A job that holds back the client's later jobs keeps
 * `attempts > 0` (the claim query's sign of a job in progress) and gets one more attempt instead.
 */
function notCounted(holdBack: boolean): string {
  return holdBack ? `"maxAttempts" = "maxAttempts" + 1` : `attempts = attempts - 1`;
}

/** Every update of a claimed job is fenced: it only applies while this worker holds the job. */
const FENCE = `WHERE id = $1::bigint AND "lockedBy" = $2 AND status = 'RUNNING'`;
const UNLOCK = `"lockedBy" = NULL, "lockedUntil" = NULL`;

/**
 * The two fenced writes of the common run, for many jobs in one statement: a payload patch (the
 * outbox's "in flight" mark before a Bot API call) and "done" with its patch. Each row is fenced
 * as FENCE fences one; RETURNING names the rows that were still ours.
 */
const WRITE_MANY = `
  UPDATE "Job" j SET payload = j.payload || v.patch,
    status = CASE WHEN v.done THEN 'DONE'::"JobStatus" ELSE j.status END,
    "doneAt" = CASE WHEN v.done THEN v.at ELSE j."doneAt" END,
    "lockedBy" = CASE WHEN v.done THEN NULL ELSE j."lockedBy" END,
    "lockedUntil" = CASE WHEN v.done THEN NULL ELSE j."lockedUntil" END
  FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, patch jsonb, done boolean, at timestamptz)
  WHERE j.id = v.id AND j."lockedBy" = $2 AND j.status = 'RUNNING'
  RETURNING j.id::text AS id`;

/** One write of `writeMany`: a payload patch, and "done" at `at` when `done`. */
export interface JobWrite {
  id: string;
  patch: Record<string, unknown>;
  done: boolean;
  at: Date;
}

/**
 * The dispatcher's statements for one worker. Jobs are claimed with FOR UPDATE SKIP LOCKED (several
 * instances share one database; each job runs on one), held for `leaseSeconds` (a crashed
 * instance's jobs come back after it), and every later write of a claimed job is fenced by the
 * worker's lease: each returns false when the job is no longer this worker's.
 */
export function leaseQueue(sql: SqlRunner, worker: string, leaseSeconds: number) {
  const claimSql = CLAIM(leaseSeconds);
  async function fenced(jobId: string, set: string, params: unknown[]): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(`UPDATE "Job" SET ${set} ${FENCE} RETURNING id::text AS id`, [jobId, worker, ...params]);
    return rows.length === 1;
  }
  return {
    /** Claims up to `limit` jobs due at `now`, higher priority first, a client's jobs of one kind in order. */
    claim: (limit: number, now: Date) => sql.query<ClaimedRow>(claimSql, [limit, worker, now]),
    /** Merges `patch` into the payload of a job this worker holds. */
    savePayload: (jobId: string, patch: Record<string, unknown>) => fenced(jobId, `payload = payload || $3::jsonb`, [JSON.stringify(patch)]),
    /** Done at `now`, with `patch` merged into the payload. */
    done: (jobId: string, now: Date, patch: Record<string, unknown> = {}) =>
      fenced(jobId, `status = 'DONE', "doneAt" = $3, payload = payload || $4::jsonb, ${UNLOCK}`, [now, JSON.stringify(patch)]),
    /** Back to pending until `at`, not counted as an attempt (see `notCounted`). */
    later: (jobId: string, at: Date, holdBack = false) => fenced(jobId, `status = 'PENDING', "dueAt" = $3, ${notCounted(holdBack)}, ${UNLOCK}`, [at]),
    /** Failed: back to pending until `at` with the error; a rate limit (`notCountedHoldingBack`) keeps its attempt. */
    retry: (jobId: string, at: Date, message: string, opts: { notCountedHoldingBack?: boolean } = {}) =>
      fenced(jobId, `status = 'PENDING', "dueAt" = $3, "lastError" = $4, ${opts.notCountedHoldingBack ? `${notCounted(true)}, ` : ""}${UNLOCK}`, [at, message]),
    /** Several `savePayload`s and `done`s in one statement (one per job); returns the ids still ours. */
    writeMany: async (writes: readonly JobWrite[]): Promise<Set<string>> => {
      const rows = JSON.stringify(writes.map((w) => ({ id: w.id, patch: w.patch, done: w.done, at: w.at })));
      return new Set((await sql.query<{ id: string }>(WRITE_MANY, [rows, worker])).map((r) => r.id));
    },
    /** Failed for the last time. */
    dead: (jobId: string, message: string) => fenced(jobId, `status = 'DEAD', "lastError" = $3, ${UNLOCK}`, [message]),
  };
}

export type LeaseQueue = ReturnType<typeof leaseQueue>;
