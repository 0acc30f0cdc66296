/**
 * Running a reminder job: check at that moment that the client still wants it and that it is
 * still true (the step is open, the appointment did not move), respect the hours, then queue the
 * message with its buttons, or start the check-in conversation. The message is queued with the
 * job's own key, so a job retried after a crash queues it once.
 */
import type { Engine } from "../conversation/engine.js";
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import { onCrisisHold } from "../domain/safety/alerts.js";
import { reminderButtons, type ReminderAction } from "../domain/reminders/buttons.js";
import {
  REMINDER_APPOINTMENT,
  REMINDER_CHECKIN,
  REMINDER_STEP,
  wantsReminders,
  type ReminderPayload,
} from "../domain/reminders/plan.js";
import { enqueueTelegram, type OutMessage } from "../outbox/messages.js";
import { addDays, atLocal, decideAtRun, isoDay, localTime, snoozeUntil, toDaypart } from "../domain/reminders/schedule.js";
import type { ClaimedJob, JobContext, JobHandler, JobHandlers, JobOutcome } from "./types.js";
import { lockClientById, lockJobPayload } from "../db/locks.js";
import { markStarted } from "../db/queue.js";

/** The engine's way to start a conversation, with a hook that runs inside its transaction. */
export type WithClient = Engine["withClient"];

function name(client: Client): string {
  return client.callName ?? client.name;
}

/** The end of a day in Amsterdam (the start of its quiet hours): a step's reminder is useless after. */
function endOfDay(at: Date): Date {
  return atLocal(localTime(at).day, 21 * 60);
}

/** Runs `fn` with the client locked; skips (and says why) when reminders no longer apply. */
async function withClient(ctx: JobContext, job: ClaimedJob, fn: (tx: Tx, client: Client) => Promise<JobOutcome>): Promise<JobOutcome> {
  return ctx.db.prisma.$transaction(async (tx) => {
    if (!job.clientId) return;
    const client = await lockClientById(tx, job.clientId);
    if (!client || !wantsReminders(client)) return { patch: { skipped: "reminders off or client not active" } };
    if (onCrisisHold(client)) return crisisHold(ctx);
    return fn(tx, client);
  });
}

function timing(client: Client, now: Date, deadline: Date | undefined): JobOutcome | "send" {
  const decision = decideAtRun(now, toDaypart(client.reminderDaypart), client.id, deadline);
  if (decision.kind === "reschedule") return { retryAt: decision.at, reason: "outside the client's part of the day" };
  if (decision.kind === "drop") return { patch: { skipped: "too late" } };
  return "send";
}

async function queueMessage(tx: Tx, job: ClaimedJob, client: Client, msg: OutMessage): Promise<void> {
  await enqueueTelegram(tx, {
    clientId: client.id,
    chatId: client.telegramChatId ?? 0n,
    language: client.language,
    messages: [msg],
    key: job.idempotencyKey,
    proactive: true,
  });
}

function stepHandler(): JobHandler {
  return (job, ctx) =>
    withClient(ctx, job, async (tx, client) => {
      const p = job.payload as ReminderPayload;
      const step = await tx.step.findFirst({ where: { id: p.stepId ?? "", goal: { clientId: client.id } } });
      if (!step?.dueAt || step.status !== "OPEN" || step.dueAt.toISOString() !== p.at) return { patch: { skipped: "step changed" } };
      const when = timing(client, ctx.now(), p.snoozeOf ? undefined : endOfDay(step.dueAt));
      if (when !== "send") return when;
      const buttons = reminderButtons(job.id, ["done", "later", "stop"], "step");
      await queueMessage(tx, job, client, { key: "reminders.step.text", vars: { name: name(client), what: step.what }, buttons });
    });
}

function appointmentHandler(): JobHandler {
  return (job, ctx) =>
    withClient(ctx, job, async (tx, client) => {
      const p = job.payload as ReminderPayload;
      const appt = await tx.appointment.findFirst({ where: { id: p.appointmentId ?? "", clientId: client.id } });
      if (!appt || appt.at.toISOString() !== p.at) return { patch: { skipped: "appointment changed" } };
      const now = ctx.now();
      const when = timing(client, now, appt.at);
      if (when !== "send") return when;
      // "Later" only when the next reminder would still come before the appointment.
      const canSnooze = snoozeUntil(now, toDaypart(client.reminderDaypart), client.id) < appt.at;
      const actions: ReminderAction[] = canSnooze ? ["done", "later", "stop"] : ["done", "stop"];
      const tomorrow = isoDay(localTime(appt.at).day) === isoDay(addDays(localTime(now).day, 1));
      const vars = { name: name(client), time: appt.at.toISOString(), ...(appt.place ? { place: appt.place } : {}) };
      const key = `reminders.appointment.${tomorrow ? "tomorrow" : "today"}${appt.place ? "At" : ""}`;
      await queueMessage(tx, job, client, { key, vars, buttons: reminderButtons(job.id, actions, "appointment") });
    });
}

/** The check-in's start data: the open step whose day has come (the check-in asks how it went). */
async function checkinData(ctx: JobContext, clientId: string, jobId: string): Promise<Record<string, unknown>> {
  const step = await ctx.db.prisma.step.findFirst({
    where: { status: "OPEN", dueAt: { lte: ctx.now() }, goal: { clientId, status: "ACTIVE" } },
    orderBy: { dueAt: "desc" },
  });
  return { trigger: "reminder", reminderJobId: jobId, ...(step ? { step: { id: step.id, what: step.what } } : {}) };
}

/** After a crisis signal reminders wait until a coach resumes them; they are looked at again every hour. */
const HOLD_RETRY_MS = 3_600_000;

function crisisHold(ctx: JobContext): JobOutcome {
  return { retryAt: new Date(ctx.now().getTime() + HOLD_RETRY_MS), reason: "crisis hold: waiting for the coach" };
}

/** A conversation is going on when the client's active run changed in the last two hours. */
const BUSY_MS = 2 * 3_600_000;

function checkinHandler(withClient: WithClient): JobHandler {
  return async (job, ctx) => {
    const now = ctx.now();
    const found = job.clientId ? await ctx.db.prisma.client.findUnique({ where: { id: job.clientId } }) : null;
    if (!found || !wantsReminders(found)) return { patch: { skipped: "reminders off or client not active" } };
    if (onCrisisHold(found)) return crisisHold(ctx);
    const data = await checkinData(ctx, found.id, job.id);
    // Decided again with the client locked: what they did since the job was claimed counts.
    return withClient(found.id, async ({ tx, client, start }): Promise<JobOutcome> => {
      const p = await lockJobPayload<ReminderPayload>(tx, job.id);
      if (!p || p.started) return undefined;
      if (!wantsReminders(client) || !client.checkinEveryDays) return { patch: { skipped: "reminders off or client not active" } };
      if (onCrisisHold(client)) return crisisHold(ctx);
      const when = timing(client, now, undefined);
      if (when !== "send") return when;
      const busy = await tx.flowRun.findFirst({ where: { clientId: client.id, status: "ACTIVE", updatedAt: { gt: new Date(now.getTime() - BUSY_MS) } } });
      if (busy) return { retryAt: new Date(now.getTime() + BUSY_MS), reason: "the client is in another conversation" };
      // Saved with the conversation's start: a retry of this job after a crash finds it and stops.
      // The next check-in is planned by `reminders.plan` once this job is done, counted from this one.
      await markStarted(tx, job.id);
      await start("checkin", data, [{ key: "reminders.checkin.intro", buttons: reminderButtons(job.id, ["later", "stop"], "checkin") }]);
      return undefined;
    });
  };
}

/** The handlers of the three reminder kinds. */
export function reminderHandlers(withClient: WithClient): JobHandlers {
  return {
    [REMINDER_CHECKIN]: checkinHandler(withClient),
    [REMINDER_STEP]: stepHandler(),
    [REMINDER_APPOINTMENT]: appointmentHandler(),
  };
}
