/**
 * Recurring jobs: the reminder planner, the nudge detectors, snoozed nudges coming back and the
 * daily digest. Each occurrence is an ordinary job whose key names its time slot
 * (`nudges.detect@2026-03-01T10:05:00.000Z`), so two instances queue one occurrence, and the
 * next occurrence is queued before the current one runs, so a failing run never ends the chain.
 */
import type { Database } from "../db/client.js";
import { insertOnce } from "../db/queue.js";
import { atLocal, addDays, localTime } from "../domain/reminders/schedule.js";
import type { JobContext, JobHandler, JobHandlers } from "./types.js";

export interface Recurring {
  kind: string;
  /** The first slot strictly after `now`. */
  next(now: Date): Date;
  run(ctx: JobContext): Promise<unknown>;
}

/** Every `minutes`, on the clock (10:00, 10:10, ...), plus `offset` minutes. */
export function everyMinutes(minutes: number, offset = 0): (now: Date) => Date {
  const period = minutes * 60_000;
  return (now) => new Date(Math.floor((now.getTime() - offset * 60_000) / period) * period + period + offset * 60_000);
}

/** Every day at a wall-clock time in Amsterdam. */
export function dailyAt(minutesAfterMidnight: number): (now: Date) => Date {
  return (now) => {
    const today = atLocal(localTime(now).day, minutesAfterMidnight);
    return today > now ? today : atLocal(addDays(localTime(now).day, 1), minutesAfterMidnight);
  };
}

async function queueAt(db: Database, kind: string, at: Date): Promise<void> {
  await insertOnce(db.prisma, { kind, payload: {}, idempotencyKey: `${kind}@${at.toISOString()}`, dueAt: at });
}

function handlerOf(r: Recurring): JobHandler {
  return async (_job, ctx) => {
    await queueAt(ctx.db, r.kind, r.next(ctx.now()));
    const result = await r.run(ctx);
    ctx.logger.debug({ kind: r.kind, result }, "recurring job ran");
  };
}

export function recurringHandlers(list: Recurring[]): JobHandlers {
  return Object.fromEntries(list.map((r) => [r.kind, handlerOf(r)]));
}

/**
 * At start: queue each recurring job that has nothing waiting, at its next slot, with the key the
 * chain itself uses, so instances starting together queue it once. Nothing runs at start itself:
 * a restart changes no data until the first slot (at most ten minutes for the planner).
 */
export async function ensureRecurring(db: Database, list: Recurring[], now: Date): Promise<void> {
  for (const r of list) {
    const waiting = await db.sql.query(`SELECT 1 FROM "Job" WHERE kind = $1 AND status IN ('PENDING', 'RUNNING') LIMIT 1`, [r.kind]);
    if (!waiting.length) await queueAt(db, r.kind, r.next(now));
  }
}
