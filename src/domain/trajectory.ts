/**
 * The later phases of the trajectory (METHOD.md section 2) at the edges: a coach plans the
 * evaluation talk or announces the closing talk on a date (Slack's client file, or the CLI), a
 * job starts that talk on the day and tells the coach (nudges `evaluation_due`, `closing_due`);
 * the closing talk ends with `closeTrajectory`, which plans the check-ins after closing when the
 * client gave permission (jobs `trajectory.aftercare`, nudge `aftercare_due`), or closes. Every
 * phase change goes through `movePhase`. Phase words never reach the client.
 */
import { cancelPending, enqueue } from "../db/queue.js";
import { amsterdamDateTime, amsterdamDay, daysBetween } from "../../flows/lib/calendar.js";
import { DEFAULT_AFTERCARE_WEEKS } from "../../flows/closing.js";

export { parseAftercareWeeks } from "../../flows/closing.js";
import type { Database, Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import { enqueueTelegram } from "../outbox/messages.js";
import { reconcileReminders } from "./reminders/plan.js";
import { audit } from "./audit.js";
import { movePhase } from "./phase.js";
import { lockClient } from "../db/locks.js";

export const EVALUATION_DUE = "trajectory.evaluation";
export const CLOSING_DUE = "trajectory.closing";
export const AFTERCARE_DUE = "trajectory.aftercare";
export const TRAJECTORY_JOBS = [EVALUATION_DUE, CLOSING_DUE, AFTERCARE_DUE] as const;

/** The talk starts at this hour (Amsterdam) on the chosen day. */
export const TALK_HOUR = 10;
export const AFTERCARE_CONSENT = "aftercare";

export class TrajectoryError extends Error {
  override name = "TrajectoryError";
}

export interface TrajectoryJobPayload {
  coachId?: string;
  /** The check-ins after closing the closing talk asks permission for (weeks after closing). */
  aftercareWeeks?: number[];
  /** For an aftercare check-in: weeks since closing, and whether it is the last one. */
  weeks?: number;
  last?: boolean;
  started?: boolean;
  skipped?: string;
}

/** A day (YYYY-MM-DD) still to come, or today. */
function talkMoment(isoDate: string, now: Date): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new TrajectoryError(`"${isoDate}" is not a date (YYYY-MM-DD)`);
  const today = amsterdamDay(now.toISOString());
  const day = amsterdamDay(`${isoDate}T12:00:00Z`);
  if (daysBetween(today, day) < 0) throw new TrajectoryError(`${isoDate} has already gone by`);
  const at = new Date(amsterdamDateTime(isoDate, TALK_HOUR));
  return at < now ? now : at;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownClient(tx: Tx, clientId: string, coachId: string): Promise<Client> {
  // A forged or empty id is no client (the database would refuse it as no uuid, ending the transaction).
  if (!UUID.test(clientId)) throw new TrajectoryError("unknown client");
  if (!UUID.test(coachId)) throw new TrajectoryError("not your client");
  await lockClient(tx, clientId);
  const client = await tx.client.findUnique({ where: { id: clientId } });
  if (!client) throw new TrajectoryError("unknown client");
  const coach = await tx.member.findUnique({ where: { id: coachId } });
  const own = await tx.member.findUnique({ where: { id: client.coachId } });
  // The client's coach, or a colleague of the same coach team (as for the client file).
  if (!coach || !own || !(coach.id === own.id || (coach.organisationId === own.organisationId && coach.role !== "PARTNER" && coach.active))) throw new TrajectoryError("not your client");
  if (client.telegramChatId === null) throw new TrajectoryError("this client has not opened the invite link yet");
  if (client.status !== "ACTIVE" && client.status !== "PAUSED") throw new TrajectoryError(`this client cannot get a conversation now (${client.status.toLowerCase()})`);
  return client;
}

async function replaceJob(tx: Tx, kind: string, client: Client, dueAt: Date, payload: TrajectoryJobPayload): Promise<void> {
  await cancelPending(tx, { clientId: client.id, kinds: [kind] });
  await enqueue(tx, { kind, clientId: client.id, dueAt, payload, idempotencyKey: `${kind}:${client.id}:${dueAt.getTime()}:${Date.now()}` });
}

/** The coach plans the evaluation talk on a day; it starts then (or now, for today). */
/** The coach plans the evaluation talk or announces the closing talk, in one transaction: the day it is planned for. */
export async function planTalk(
  db: Database,
  kind: "evaluation" | "closing",
  args: { clientId: string; coachId: string; on: string; now: Date; aftercareWeeks?: number[] | undefined },
): Promise<Date> {
  const { aftercareWeeks, ...rest } = args;
  return db.prisma.$transaction((tx) =>
    kind === "evaluation" ? planEvaluation(tx, rest) : announceClosing(tx, { ...rest, ...(aftercareWeeks?.length ? { aftercareWeeks } : {}) }),
  );
}

export async function planEvaluation(tx: Tx, args: { clientId: string; coachId: string; on: string; now: Date }): Promise<Date> {
  const client = await ownClient(tx, args.clientId, args.coachId);
  const at = talkMoment(args.on, args.now);
  await replaceJob(tx, EVALUATION_DUE, client, at, { coachId: args.coachId });
  await audit(tx, { actorKind: "COACH", actorId: args.coachId, action: "trajectory.evaluationPlanned", clientId: client.id, detail: { at: at.toISOString() } });
  return at;
}

/** The announcement's words for the real period: "over 3 dagen", "over een week", "over 2 weken". */
export function announceKey(now: Date, at: Date): { key: string; n: number } {
  const days = daysBetween(amsterdamDay(now.toISOString()), amsterdamDay(at.toISOString()));
  if (days <= 1) return { key: "closing.announce.soon", n: days };
  if (days === 7) return { key: "closing.announce.week", n: 1 };
  if (days % 7 === 0) return { key: "closing.announce.weeks", n: days / 7 };
  return { key: "closing.announce.days", n: days };
}

/**
 * The coach announces the closing talk ahead: the client moves to CLOSING, hears when the talks
 * stop ("Over 2 weken stoppen onze gesprekken. Op vrijdag 26 maart praten we nog één keer."),
 * and the closing talk starts that day.
 */
export async function announceClosing(tx: Tx, args: { clientId: string; coachId: string; on: string; now: Date; aftercareWeeks?: number[] }): Promise<Date> {
  const client = await ownClient(tx, args.clientId, args.coachId);
  const at = talkMoment(args.on, args.now);
  await replaceJob(tx, CLOSING_DUE, client, at, { coachId: args.coachId, aftercareWeeks: args.aftercareWeeks ?? DEFAULT_AFTERCARE_WEEKS });
  await movePhase(tx, { clientId: client.id, to: "CLOSING", actor: { kind: "COACH", id: args.coachId }, now: args.now });
  const { key, n } = announceKey(args.now, at);
  await enqueueTelegram(tx, {
    clientId: client.id,
    chatId: client.telegramChatId ?? 0n,
    language: client.language,
    messages: [{ key, vars: { name: client.callName ?? client.name, n, date: at.toISOString() } }],
    key: `closing.announce:${client.id}:${at.getTime()}`,
    proactive: true,
  });
  await audit(tx, { actorKind: "COACH", actorId: args.coachId, action: "trajectory.closingAnnounced", clientId: client.id, detail: { at: at.toISOString() } });
  return at;
}

/**
 * The closing talk ended (`closeTrajectory`): with permission the check-ins after closing are
 * planned and the client is in AFTERCARE; without, CLOSED. Reminders stop either way: the
 * check-ins after closing are the only messages that still come.
 */
export async function closeTrajectory(tx: Tx, client: Client, args: { aftercare: boolean; weeks: number[]; now: Date }): Promise<void> {
  await tx.client.update({ where: { id: client.id }, data: { remindersWanted: false } });
  await reconcileReminders(tx, client.id, args.now);
  await cancelPending(tx, { clientId: client.id, kinds: [EVALUATION_DUE, CLOSING_DUE] });
  const weeks = args.aftercare ? args.weeks.slice(0, 2) : [];
  if (!weeks.length) {
    await endTrajectory(tx, client.id, args.now);
    return;
  }
  await movePhase(tx, { clientId: client.id, to: "AFTERCARE", actor: { kind: "CLIENT", id: client.id }, now: args.now });
  for (const [i, w] of weeks.entries()) {
    const dueAt = new Date(args.now.getTime() + w * 7 * 86_400_000);
    const payload: TrajectoryJobPayload = { weeks: w, last: i === weeks.length - 1 };
    await enqueue(tx, { kind: AFTERCARE_DUE, clientId: client.id, dueAt, payload, idempotencyKey: `${AFTERCARE_DUE}:${client.id}:${args.now.getTime()}:${w}` });
  }
}

/** The trajectory is over: phase and status CLOSED (texts are then deleted after their retention). */
export async function endTrajectory(tx: Tx, clientId: string, now: Date): Promise<void> {
  await movePhase(tx, { clientId, to: "CLOSED", actor: { kind: "SYSTEM" }, now });
  await tx.client.updateMany({ where: { id: clientId, status: { in: ["ACTIVE", "PAUSED"] } }, data: { status: "CLOSED" } });
  await cancelPending(tx, { clientId, kinds: [AFTERCARE_DUE] });
}

/** The last answer about aftercare is a yes. */
export async function hasAftercareConsent(tx: Tx | Database["prisma"], clientId: string): Promise<boolean> {
  const last = await tx.consentRecord.findFirst({ where: { clientId, subject: AFTERCARE_CONSENT }, orderBy: { at: "desc" } });
  return last?.decision === "GIVEN";
}

/** What the client file shows of the trajectory: the phase, and what is planned. */
export async function plannedTalks(tx: Tx, clientId: string): Promise<{ kind: string; dueAt: Date; weeks?: number }[]> {
  const jobs = await tx.job.findMany({ where: { clientId, status: "PENDING", kind: { in: [...TRAJECTORY_JOBS] } }, orderBy: { dueAt: "asc" } });
  return jobs.map((j) => {
    const p = j.payload as TrajectoryJobPayload;
    return { kind: j.kind, dueAt: j.dueAt, ...(typeof p.weeks === "number" ? { weeks: p.weeks } : {}) };
  });
}

