/**
 * Reminder planning. Only for clients who want reminders (client.remindersWanted), are active
 * and have Telegram. Three kinds of reminder jobs, each at the client's slot in their part of
 * the day:
 * - `reminder.checkin`: the agreed rhythm (checkinEveryDays) starts the check-in conversation;
 * - `reminder.step`: on the day a step is due;
 * - `reminder.appointment`: the day before an appointment.
 * The recurring `reminders.plan` job plans what is coming; `reconcileReminders` re-times a
 * client's pending reminders at once when they change their settings. Idempotency keys name
 * what a reminder is about, so planning twice (or on two instances) queues it once.
 */
import { cancelPending, enqueueOrRevive, reschedule } from "../../db/queue.js";
import type { Database, Tx } from "../../db/client.js";
import type { Client, Job } from "../../generated/prisma/client.js";
import {
  appointmentReminderDue,
  checkinDue,
  isoDay,
  localTime,
  stepReminderDue,
  toDaypart,
  type Daypart,
} from "./schedule.js";
import { lockClientById } from "../../db/locks.js";

export const REMINDER_CHECKIN = "reminder.checkin";
export const REMINDER_STEP = "reminder.step";
export const REMINDER_APPOINTMENT = "reminder.appointment";
export const REMINDER_KINDS = [REMINDER_CHECKIN, REMINDER_STEP, REMINDER_APPOINTMENT] as const;

export interface ReminderPayload {
  daypart: Daypart;
  everyDays?: number;
  stepId?: string;
  appointmentId?: string;
  /** The moment the step or appointment is due (ISO), to notice it moved. */
  at?: string;
  /** A "later" of an earlier reminder: no deadline of its own. */
  snoozeOf?: string;
  /** The client's answer to this reminder's buttons (done, later, stop): one answer per reminder. */
  answer?: string;
  /** The check-in was started (saved in the same transaction), so a retried job never starts it twice. */
  started?: boolean;
  skipped?: string;
}

type Db = Tx | Database["prisma"];

export function wantsReminders(c: Pick<Client, "remindersWanted" | "status" | "telegramChatId">): boolean {
  return c.remindersWanted === true && c.status === "ACTIVE" && c.telegramChatId !== null;
}

/**
 * Queues a reminder job, or brings back one with the same key that was cancelled (by /stop or by
 * turning reminders off) and is planned again. A key that ran already is left alone.
 */
export async function queueReminder(db: Db, args: { kind: string; key: string; clientId: string; dueAt: Date; payload: ReminderPayload }): Promise<void> {
  await enqueueOrRevive(db, { kind: args.kind, payload: args.payload, idempotencyKey: args.key, clientId: args.clientId, dueAt: args.dueAt });
}

/** When the last check-in was: the last check-in conversation, or the last check-in reminder that ran. */
async function lastCheckin(db: Db, clientId: string): Promise<Date | null> {
  const run = await db.flowRun.findFirst({ where: { clientId, flowId: "checkin" }, orderBy: { createdAt: "desc" } });
  const job = await db.job.findFirst({ where: { clientId, kind: REMINDER_CHECKIN, status: "DONE" }, orderBy: { dueAt: "desc" } });
  const times = [run?.createdAt, job?.dueAt].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/** Makes sure an eligible client has their next check-in queued, at their current settings. */
export async function planCheckin(db: Db, client: Client, now: Date): Promise<void> {
  if (!wantsReminders(client) || !client.checkinEveryDays) return;
  const daypart = toDaypart(client.reminderDaypart);
  const everyDays = client.checkinEveryDays;
  const pending = await db.job.findFirst({ where: { clientId: client.id, kind: REMINDER_CHECKIN, status: { in: ["PENDING", "RUNNING"] } } });
  const p = pending?.payload as unknown as ReminderPayload | undefined;
  // A running one, one at the current settings, or a "later" the client asked for: leave it.
  if (pending && (pending.status !== "PENDING" || (p?.daypart === daypart && p.everyDays === everyDays) || p?.snoozeOf)) return;
  const due = checkinDue((await lastCheckin(db, client.id)) ?? now, everyDays, daypart, client.id, now);
  if (pending) {
    await reschedule(db, pending.id, due, { ...p, daypart, everyDays });
    return;
  }
  await queueReminder(db, {
    kind: REMINDER_CHECKIN,
    key: `${REMINDER_CHECKIN}:${client.id}:${isoDay(localTime(due).day)}`,
    clientId: client.id,
    dueAt: due,
    payload: { daypart, everyDays },
  });
}

/** New due time of a pending step or appointment reminder after the part of the day changed. */
function retimed(job: Job, daypart: Daypart, now: Date): Date | null {
  const p = job.payload as unknown as ReminderPayload;
  if (!p.at) return null;
  const at = new Date(p.at);
  if (p.snoozeOf) return null;
  return job.kind === REMINDER_STEP ? stepReminderDue(at, daypart, job.clientId ?? "", now) : appointmentReminderDue(at, daypart, job.clientId ?? "", now);
}

/**
 * After a client changed their reminder settings (inside that transaction): off cancels what is
 * pending; a new part of the day moves pending reminders; a new rhythm re-plans the check-in.
 */
export async function reconcileReminders(tx: Tx, clientId: string, now: Date): Promise<void> {
  const client = await tx.client.findUnique({ where: { id: clientId } });
  if (!client) return;
  if (!wantsReminders(client)) {
    await cancelPending(tx, { clientId, kinds: REMINDER_KINDS });
    return;
  }
  const daypart = toDaypart(client.reminderDaypart);
  const pending = await tx.job.findMany({ where: { clientId, kind: { in: [REMINDER_STEP, REMINDER_APPOINTMENT] }, status: "PENDING" } });
  for (const job of pending) {
    const p = job.payload as unknown as ReminderPayload;
    if (p.daypart === daypart) continue;
    const due = retimed(job, daypart, now);
    if (due) await reschedule(tx, job.id, due, { ...p, daypart });
  }
  await planCheckin(tx, client, now);
}

interface DueThing {
  id: string;
  at: Date;
  clientId: string;
  daypart: string | null;
}

const ELIGIBLE = `c.status = 'ACTIVE' AND c."remindersWanted" = true AND c."telegramChatId" IS NOT NULL`;
const NOT_QUEUED = (kind: string, idCol: string, atCol: string) => `NOT EXISTS (
  SELECT 1 FROM "Job" j WHERE j.status <> 'CANCELLED'
    AND j."idempotencyKey" = '${kind}:' || ${idCol}::text || ':' || (extract(epoch from ${atCol}) * 1000)::bigint::text)`;

const STEPS_DUE = `
  SELECT s.id::text AS id, s."dueAt" AS at, c.id::text AS "clientId", c."reminderDaypart" AS daypart
  FROM "Step" s JOIN "Goal" g ON g.id = s."goalId" JOIN "Client" c ON c.id = g."clientId"
  WHERE s.status = 'OPEN' AND s."dueAt" >= $1 AND s."dueAt" < $2 AND g.status = 'ACTIVE' AND ${ELIGIBLE}
    AND ${NOT_QUEUED(REMINDER_STEP, "s.id", 's."dueAt"')}
  LIMIT $3`;

const APPOINTMENTS_DUE = `
  SELECT a.id::text AS id, a.at AS at, c.id::text AS "clientId", c."reminderDaypart" AS daypart
  FROM "Appointment" a JOIN "Client" c ON c.id = a."clientId"
  WHERE a.at >= $1 AND a.at < $2 AND ${ELIGIBLE} AND ${NOT_QUEUED(REMINDER_APPOINTMENT, "a.id", "a.at")}
  LIMIT $3`;

const CHECKINS_TO_PLAN = `
  SELECT c.id::text AS id FROM "Client" c
  WHERE ${ELIGIBLE} AND c."checkinEveryDays" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."clientId" = c.id AND j.kind = '${REMINDER_CHECKIN}'
      AND j.status IN ('PENDING', 'RUNNING'))
  LIMIT $1`;

/** Reminder key of a step or appointment at a due moment (a moved date is a new reminder). */
export function reminderKey(kind: string, id: string, at: Date): string {
  return `${kind}:${id}:${at.getTime()}`;
}

async function planDue(db: Database, kind: string, rows: DueThing[], now: Date): Promise<number> {
  let queued = 0;
  for (const r of rows) {
    const at = new Date(r.at);
    const daypart = toDaypart(r.daypart);
    const due = kind === REMINDER_STEP ? stepReminderDue(at, daypart, r.clientId, now) : appointmentReminderDue(at, daypart, r.clientId, now);
    if (!due) continue;
    const payload: ReminderPayload = { daypart, at: at.toISOString(), ...(kind === REMINDER_STEP ? { stepId: r.id } : { appointmentId: r.id }) };
    await queueReminder(db.prisma, { kind, key: reminderKey(kind, r.id, at), clientId: r.clientId, dueAt: due, payload });
    queued++;
  }
  return queued;
}

/** The recurring planning round: check-ins of clients without one queued, steps and appointments coming up. */
export async function planReminders(db: Database, now: Date, limit = 1000): Promise<Record<string, number>> {
  const soon = new Date(now.getTime() + 3 * 86_400_000);
  const since = new Date(now.getTime() - 86_400_000);
  const steps = await db.sql.query<DueThing>(STEPS_DUE, [since, soon, limit]);
  const appointments = await db.sql.query<DueThing>(APPOINTMENTS_DUE, [now, soon, limit]);
  const checkinIds = await db.sql.query<{ id: string }>(CHECKINS_TO_PLAN, [limit]);
  let checkins = 0;
  for (const { id } of checkinIds) {
    await db.prisma.$transaction(async (tx) => {
      // The client's row lock keeps this from racing a settings change in the engine.
      const client = await lockClientById(tx, id);
      if (client) await planCheckin(tx, client, now);
    });
    checkins++;
  }
  return {
    checkin: checkins,
    step: await planDue(db, REMINDER_STEP, steps, now),
    appointment: await planDue(db, REMINDER_APPOINTMENT, appointments, now),
  };
}
