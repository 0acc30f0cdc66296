/**
 * The client's side of reminders, called by the engine inside the update's transaction:
 * - the buttons under a reminder, `r:<jobId>:<action>` (flow buttons are `k:<turn>:<choice>`);
 * - the command /herinneringen, which starts the reminders conversation (flows/reminders.ts).
 * Each reminder takes one answer, done or later (stop always works): a second press, or a press on
 * a reminder that is gone, gets a calm answer and creates or cancels nothing.
 */
import { setPayload } from "../../db/queue.js";
import type { Tx } from "../../db/client.js";
import { lockJob } from "../../db/locks.js";
import type { Client, Job } from "../../generated/prisma/client.js";
import type { OutButton, OutMessage } from "../../outbox/messages.js";
import { REMINDER_CHECKIN, REMINDER_KINDS, REMINDER_STEP, REMINDER_APPOINTMENT, queueReminder, reconcileReminders, type ReminderPayload } from "./plan.js";
import { snoozeUntil, toDaypart } from "./schedule.js";

export type ReminderAction = "done" | "later" | "stop";

/** What the engine does with a hook's answer: send these messages, and maybe start a conversation. */
export interface HookReply {
  messages: OutMessage[];
  startFlow?: { flowId: string; data: Record<string, unknown> };
}

const ACTION_CODES: Record<ReminderAction, string> = { done: "d", later: "l", stop: "s" };
const CODE_ACTIONS: Record<string, ReminderAction> = { d: "done", l: "later", s: "stop" };
const PATTERN = /^r:(\d{1,19}):([dls])$/;
/** Job ids are PostgreSQL bigints: a forged button with a larger number names no job. */
const MAX_JOB_ID = 9_223_372_036_854_775_807n;

export const REMINDERS_FLOW = "reminders";
const COMMANDS = new Set(["herinneringen", "herinnering", "reminders"]);

/** The buttons under a reminder; labels depend on what it reminds of. */
export function reminderButtons(jobId: string, actions: ReminderAction[], about: "step" | "appointment" | "checkin"): OutButton[][] {
  return actions.map((a) => [{ label: `reminders.button.${about}.${a}`, data: `r:${jobId}:${ACTION_CODES[a]}` }]);
}

export function isReminderButton(data: string): boolean {
  return data.startsWith("r:");
}

export function isRemindersCommand(command: string): boolean {
  return COMMANDS.has(command);
}

const say = (key: string, vars?: Record<string, string>): HookReply => ({ messages: [{ key, ...(vars ? { vars } : {}) }] });

async function done(tx: Tx, client: Client, job: Job, p: ReminderPayload, now: Date): Promise<HookReply> {
  if (job.kind === REMINDER_APPOINTMENT) return say("reminders.answer.appointmentOk");
  if (job.kind !== REMINDER_STEP) return say("reminders.answer.noted");
  const step = await tx.step.findFirst({ where: { id: p.stepId ?? "", goal: { clientId: client.id } } });
  if (!step || step.status === "DONE") return say("reminders.answer.stepAlready");
  await tx.step.update({ where: { id: step.id }, data: { status: "DONE", doneAt: now } });
  return say("reminders.answer.stepDone");
}

async function later(tx: Tx, client: Client, job: Job, p: ReminderPayload, now: Date): Promise<HookReply> {
  const at = snoozeUntil(now, toDaypart(client.reminderDaypart), client.id);
  if (job.kind === REMINDER_APPOINTMENT && p.at && at >= new Date(p.at)) return say("reminders.answer.tooLate");
  const { answer: _a, started: _s, skipped: _k, ...rest } = p;
  await queueReminder(tx, {
    kind: job.kind,
    key: `${job.idempotencyKey}:later`,
    clientId: client.id,
    dueAt: at,
    payload: { ...rest, daypart: toDaypart(client.reminderDaypart), snoozeOf: job.id.toString() },
  });
  if (job.kind === REMINDER_CHECKIN) {
    // The check-in this reminder started waits; the "later" reminder starts it again.
    await tx.flowRun.updateMany({ where: { clientId: client.id, flowId: "checkin", status: "ACTIVE" }, data: { status: "PARKED", resumeAt: at } });
  }
  return say("reminders.answer.later");
}

/** Reminders off, at once: recorded as a withdrawal and every pending reminder cancelled. `textVersion` says where the client said it. */
export async function stopReminders(tx: Tx, client: Client, now: Date, textVersion = "reminders.stop@1"): Promise<void> {
  await tx.client.update({ where: { id: client.id }, data: { remindersWanted: false } });
  await tx.consentRecord.create({ data: { clientId: client.id, subject: "reminders", textVersion, decision: "WITHDRAWN", at: now } });
  await reconcileReminders(tx, client.id, now);
}

async function stop(tx: Tx, client: Client, now: Date): Promise<HookReply> {
  await stopReminders(tx, client, now);
  return say("reminders.answer.stopped");
}

/** A press on a reminder's button. */
export async function handleReminderButton(tx: Tx, client: Client, data: string, now: Date): Promise<HookReply> {
  const m = PATTERN.exec(data);
  const action = m ? CODE_ACTIONS[m[2] ?? ""] : undefined;
  if (!m || !action) return say("common.unknownButton");
  if (BigInt(m[1] ?? "0") > MAX_JOB_ID) return say("reminders.answer.gone");
  const job = await lockJob(tx, m[1] ?? "0");
  if (!job || job.clientId !== client.id || !(REMINDER_KINDS as readonly string[]).includes(job.kind)) return say("reminders.answer.gone");
  const p = job.payload as unknown as ReminderPayload;
  if (client.remindersWanted !== true) return say("reminders.answer.off");
  // "Stop" always works; "done" and "later" are one answer per reminder.
  if (action === "stop") return stop(tx, client, now);
  if (p.answer) return say("reminders.answer.already");
  await setPayload(tx, job.id, { ...p, answer: action });
  return action === "done" ? done(tx, client, job, p, now) : later(tx, client, job, p, now);
}

/** /herinneringen: the reminders conversation, with the current settings as its input. */
export async function remindersCommand(tx: Tx, client: Client): Promise<HookReply> {
  if (client.status === "STOPPED") return say("stop.stopped");
  if (client.status !== "ACTIVE") return say("reminders.notYet");
  // A conversation in progress waits instead of being thrown away.
  await tx.flowRun.updateMany({
    where: { clientId: client.id, status: "ACTIVE", flowId: { not: REMINDERS_FLOW } },
    // Marked, so it comes back at its question when the reminders conversation ends.
    data: { status: "PARKED", resumeAt: null, resumeFrom: { interrupted: true } },
  });
  return {
    messages: [],
    startFlow: {
      flowId: REMINDERS_FLOW,
      data: { wanted: client.remindersWanted === true, daypart: client.reminderDaypart, everyDays: client.checkinEveryDays },
    },
  };
}
