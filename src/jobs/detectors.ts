/**
 * Periodic detectors (run by the recurring `nudges.detect` job): clients who went silent, who
 * did not finish a check-in, and steps that are overdue. Each finding opens a nudge with a `ref`
 * (what it is about), so a nudge the coach closed is not opened again for the same thing; the
 * unique index keeps a second one from opening while one is open.
 */
import type { Database } from "../db/client.js";
import { openNudge } from "../domain/nudges.js";

export interface DetectorOptions {
  /** A client who has not written for this many days is "silent" (NUDGE_SILENT_DAYS). */
  silentDays: number;
  /** A check-in not finished this many hours after it started counts as missed. */
  missedCheckinHours?: number;
  /** A step this many hours past its due date counts as overdue. */
  overdueGraceHours?: number;
  /** A client on /pauze for this many days: the coach hears of it (default 14). */
  pausedDays?: number;
  /** Most findings per detector per run; the next run takes the rest. */
  limit?: number;
}

interface Finding {
  clientId: string;
  coachId: string;
  since: Date;
  ref: string;
}

const NOT_NUDGED = (cause: string) => `NOT EXISTS (
  SELECT 1 FROM "Nudge" n WHERE n."clientId" = c.id AND n.cause = '${cause}'
    AND (n.status <> 'DONE' OR n.detail->>'ref' = f.ref))`;

const SILENT = `
  SELECT * FROM (
    SELECT c.id AS "clientId", c."coachId", coalesce(c."lastClientMessageAt", c."createdAt") AS since,
      to_char(coalesce(c."lastClientMessageAt", c."createdAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ref
    FROM "Client" c WHERE c.status = 'ACTIVE' AND c.phase <> 'AFTERCARE' AND coalesce(c."lastClientMessageAt", c."createdAt") < $1) f
  JOIN "Client" c ON c.id = f."clientId"
  WHERE ${NOT_NUDGED("silent")} LIMIT $2`;

const MISSED_CHECKIN = `
  SELECT f."clientId", f."coachId", f.since, f.ref FROM (
    SELECT DISTINCT ON (r."clientId") r."clientId", c."coachId", r.status, r.id::text AS ref,
      coalesce(r."resumeAt", r."createdAt") AS since
    FROM "FlowRun" r JOIN "Client" c ON c.id = r."clientId"
    WHERE r."flowId" = 'checkin' AND c.status = 'ACTIVE'
    ORDER BY r."clientId", r."createdAt" DESC) f
  JOIN "Client" c ON c.id = f."clientId"
  WHERE f.status <> 'DONE' AND f.since < $1 AND ${NOT_NUDGED("missed_checkin")} LIMIT $2`;

const OVERDUE_STEP = `
  SELECT f."clientId", f."coachId", f.since, f.ref FROM (
    SELECT DISTINCT ON (g."clientId") g."clientId", c."coachId", s."dueAt" AS since, s.id::text AS ref
    FROM "Step" s JOIN "Goal" g ON g.id = s."goalId" JOIN "Client" c ON c.id = g."clientId"
    WHERE s.status = 'OPEN' AND s."dueAt" < $1 AND g.status = 'ACTIVE' AND c.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM "Nudge" n WHERE n."clientId" = c.id AND n.cause = 'step_overdue' AND n.detail->>'ref' = s.id::text)
    ORDER BY g."clientId", s."dueAt") f
  JOIN "Client" c ON c.id = f."clientId"
  WHERE ${NOT_NUDGED("step_overdue")} LIMIT $2`;

/** On /pauze for long: the pause began with the client's last message (the /pauze itself). */
const LONG_PAUSE = `
  SELECT * FROM (
    SELECT c.id AS "clientId", c."coachId", coalesce(c."lastClientMessageAt", c."updatedAt") AS since,
      to_char(coalesce(c."lastClientMessageAt", c."updatedAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ref
    FROM "Client" c WHERE c.status = 'PAUSED' AND coalesce(c."lastClientMessageAt", c."updatedAt") < $1) f
  JOIN "Client" c ON c.id = f."clientId"
  WHERE ${NOT_NUDGED("client_paused")} LIMIT $2`;

async function openAll(db: Database, cause: string, findings: Finding[], now: Date): Promise<number> {
  let opened = 0;
  for (const f of findings) {
    const result = await db.prisma.$transaction((tx) =>
      openNudge(tx, { clientId: f.clientId, coachId: f.coachId, cause, now, detail: { since: new Date(f.since).toISOString(), ref: f.ref } }),
    );
    if (result.kind === "opened") opened++;
  }
  return opened;
}

/** Runs the three detectors once; returns how many nudges each opened. */
export async function detectNudges(db: Database, now: Date, opts: DetectorOptions): Promise<Record<string, number>> {
  const limit = opts.limit ?? 500;
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const silent = await db.sql.query<Finding>(SILENT, [hoursAgo(opts.silentDays * 24), limit]);
  const missed = await db.sql.query<Finding>(MISSED_CHECKIN, [hoursAgo(opts.missedCheckinHours ?? 48), limit]);
  const overdue = await db.sql.query<Finding>(OVERDUE_STEP, [hoursAgo(opts.overdueGraceHours ?? 24), limit]);
  const paused = await db.sql.query<Finding>(LONG_PAUSE, [hoursAgo((opts.pausedDays ?? 14) * 24), limit]);
  return {
    silent: await openAll(db, "silent", silent, now),
    missed_checkin: await openAll(db, "missed_checkin", missed, now),
    step_overdue: await openAll(db, "step_overdue", overdue, now),
    client_paused: await openAll(db, "client_paused", paused, now),
  };
}

/**
 * Open promises: a step still open (or partly done) two weeks after the day it was agreed for.
 * The coach hears of each such step once (`ref` is the step), whatever they did with the nudge,
 * and at most one is open per client; the next overdue step comes after that one is closed.
 */
const OPEN_PROMISE = `
  SELECT f."clientId", f."coachId", f.since, f.ref FROM (
    SELECT DISTINCT ON (g."clientId") g."clientId", c."coachId", s."dueAt" AS since, s.id::text AS ref
    FROM "Step" s JOIN "Goal" g ON g.id = s."goalId" JOIN "Client" c ON c.id = g."clientId"
    WHERE s.status IN ('OPEN', 'PARTLY') AND s."dueAt" < $1 AND g.status = 'ACTIVE' AND c.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM "Nudge" n WHERE n."clientId" = c.id AND n.cause = 'open_promise' AND n.detail->>'ref' = s.id::text)
    ORDER BY g."clientId", s."dueAt") f
  JOIN "Client" c ON c.id = f."clientId"
  WHERE ${NOT_NUDGED("open_promise")} LIMIT $2`;

export const OPEN_PROMISE_DAYS = 14;

/** Runs the open-promises detector once; returns how many nudges it opened. */
export async function detectOpenPromises(db: Database, now: Date, opts: { days?: number; limit?: number } = {}): Promise<{ open_promise: number }> {
  const before = new Date(now.getTime() - (opts.days ?? OPEN_PROMISE_DAYS) * 86_400_000);
  const found = await db.sql.query<Finding>(OPEN_PROMISE, [before, opts.limit ?? 500]);
  // The step's words stay out of the nudge (they are the client's, sealed at rest): the coach finds the step in the file.
  return { open_promise: await openAll(db, "open_promise", found, now) };
}
