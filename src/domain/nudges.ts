/**
 * Nudges: short notes to a coach that a client needs attention (silent, missed check-in, score
 * dropped, step overdue, unreachable, crisis, a message that could not be sent). The database
 * keeps at most one OPEN or SNOOZED nudge per client and cause (a partial unique index), so
 * detectors may run as often as they like on as many instances as there are.
 */
import { insertOnce } from "../db/queue.js";
import { randomUUID } from "node:crypto";
import type { Vars } from "../../flows/types.js";
import type { Database, Tx } from "../db/client.js";
import { lockNudge } from "../db/locks.js";
import { firstName } from "./clients.js";
import type { Client, Prisma } from "../generated/prisma/client.js";

export const NUDGE_DELIVERY = "coach.nudge";
export const SNOOZE_DAYS = 3;

export type NudgeCause =
  | "silent"
  | "missed_checkin"
  | "score_drop"
  | "step_overdue"
  | "unreachable"
  | "crisis"
  | "job_failed"
  // the client file: what a coach must hear about the client's own choices
  | "client_stopped"
  | "client_paused"
  | "consent_refused"
  | "consent_withdrawn"
  | "parked_often"
  | "step_done"
  // a step still open two weeks after its day (src/jobs/detectors.ts)
  | "open_promise"
  // the trajectory: planned talks due, their results, and a relapse after closing
  | "evaluation_due"
  | "evaluation_done"
  | "closing_due"
  | "closing_handover"
  | "aftercare_due"
  | "aftercare_relapse";

export interface OpenNudgeArgs {
  clientId: string;
  coachId: string;
  /** One of `NudgeCause`, or a cause a flow asked for (`notifyCoach`). */
  cause: string;
  /** `since` (ISO) says since when; `ref` names what it is about, so a closed nudge is not reopened for it. */
  detail?: Vars;
  now: Date;
  /** A new signal brings back a nudge the coach put off (for a crisis, never wait). */
  reopenSnoozed?: boolean;
}

/** What a nudge is about, as the engine and the flows ask for one (`notifyCoach`). */
export interface NudgeRequest {
  clientId: string;
  coachId: string;
  cause: string;
  detail?: Vars;
}

export type OpenNudgeResult = { kind: "opened" | "reopened"; id: string } | { kind: "alreadyOpen"; id: string | null };

/** Queues the delivery of a nudge to its coach; `round` makes a re-delivery (after a snooze) a job of its own. */
export async function queueNudgeDelivery(tx: Tx, nudgeId: string, round: string, dueAt: Date): Promise<void> {
  const idempotencyKey = `${NUDGE_DELIVERY}:${nudgeId}:${round}`;
  // No clientId on purpose: /stop cancels a client's jobs, and must never cancel a nudge about them.
  await insertOnce(tx, { kind: NUDGE_DELIVERY, payload: { nudgeId }, idempotencyKey, dueAt });
}

/** Opens a nudge unless one for this client and cause is open already, and queues its delivery. */
export async function openNudge(tx: Tx, args: OpenNudgeArgs): Promise<OpenNudgeResult> {
  const detail = { since: args.now.toISOString(), ...args.detail };
  const id = randomUUID();
  const inserted = await tx.$executeRaw`INSERT INTO "Nudge" (id, "coachId", "clientId", cause, detail, status, "openedAt")
    VALUES (${id}::uuid, ${args.coachId}::uuid, ${args.clientId}::uuid, ${args.cause}, ${JSON.stringify(detail)}::jsonb, 'OPEN', ${args.now})
    ON CONFLICT ("clientId", cause) WHERE status <> 'DONE' DO NOTHING`;
  if (inserted === 1) {
    await queueNudgeDelivery(tx, id, "0", args.now);
    return { kind: "opened", id };
  }
  const open = await tx.nudge.findFirst({ where: { clientId: args.clientId, cause: args.cause, status: { not: "DONE" } } });
  if (open && open.status === "SNOOZED" && args.reopenSnoozed) {
    await tx.nudge.update({ where: { id: open.id }, data: { status: "OPEN", snoozedUntil: null, notifiedAt: null } });
    await queueNudgeDelivery(tx, open.id, String(args.now.getTime()), args.now);
    return { kind: "reopened", id: open.id };
  }
  return { kind: "alreadyOpen", id: open?.id ?? null };
}

/**
 * Opens the nudge a flow or the engine asked for, as `openNudge` does; a crisis signal also brings
 * back a nudge the coach had put off.
 */
export async function openRequestedNudge(tx: Tx, nudge: NudgeRequest, now: Date): Promise<OpenNudgeResult> {
  return openNudge(tx, { ...nudge, now, reopenSnoozed: nudge.cause === "crisis" });
}

/**
 * Called when a scale score is recorded, before it is saved: a drop of 2 or more against the
 * previous score of the same scale, or a score of 3 or lower, is something the coach should know.
 */
export async function checkScoreDrop(tx: Tx, client: Client, kind: string, score: number, now: Date): Promise<void> {
  const previous = await tx.scaleScore.findFirst({
    where: { clientId: client.id, kind: kind as Prisma.ScaleScoreWhereInput["kind"] },
    orderBy: { at: "desc" },
  });
  const dropped = previous !== null && previous.score - score >= 2;
  if (!dropped && score > 3) return;
  await openNudge(tx, {
    clientId: client.id,
    coachId: client.coachId,
    cause: "score_drop",
    detail: { scale: kind, to: score, ...(previous ? { from: previous.score } : {}) },
    now,
  });
}

/** The same topic parked this often (since it was last finished) tells the coach. */
export const PARKED_OFTEN = 3;

/**
 * Called when a conversation is parked ("niet nu"), after its outcome was saved: how often was
 * this topic parked since a conversation of it was last finished? The third time, the coach hears
 * (and the sixth, the ninth: each `ref` once, also when the coach closed the nudge before).
 */
export async function checkParkedOften(tx: Tx, client: Client, flowId: string, now: Date): Promise<void> {
  const runs = await tx.flowRun.findMany({ where: { clientId: client.id, flowId }, orderBy: { createdAt: "desc" }, take: 50, select: { status: true, outcome: true } });
  let parks = 0;
  for (const r of runs) {
    const o = r.outcome as { state?: unknown; parks?: unknown } | null;
    if (r.status === "DONE" && o?.state !== "parked" && o !== null) break;
    parks += typeof o?.parks === "number" ? o.parks : 0;
  }
  if (parks < PARKED_OFTEN) return;
  // Every third park is news once: a nudge the coach closed at the third is not opened again at the fourth.
  const ref = `${flowId}:${Math.floor(parks / PARKED_OFTEN)}`;
  if (await tx.nudge.count({ where: { clientId: client.id, cause: "parked_often", detail: { path: ["ref"], equals: ref } } })) return;
  await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "parked_often", now, detail: { flow: flowId, count: parks, ref } });
}

export type NudgeAction = "contact" | "snooze" | "done";

export type NudgeActionResult =
  | { kind: "ok"; status: "SNOOZED" | "DONE"; snoozedUntil?: Date }
  | { kind: "notFound" }
  | { kind: "notYours" }
  | { kind: "alreadyDone" };

/**
 * A coach's answer to a nudge (the Slack buttons): "ik neem contact op" (contact: the coach
 * takes it from here, the nudge is done), "over 3 dagen weer" (snooze: it comes back in three
 * days unless it is done by then) or "klaar" (done). Only the nudge's own coach may answer.
 * Every answer is audited, because it is a professional acting on a client's file.
 */
export async function actOnNudge(
  tx: Tx,
  args: { nudgeId: string; memberId: string; action: NudgeAction; now: Date },
): Promise<NudgeActionResult> {
  const nudge = await lockNudge(tx, args.nudgeId);
  if (!nudge) return { kind: "notFound" };
  if (nudge.coachId !== args.memberId) return { kind: "notYours" };
  if (nudge.status === "DONE") return { kind: "alreadyDone" };
  let result: NudgeActionResult;
  if (args.action === "snooze") {
    const snoozedUntil = new Date(args.now.getTime() + SNOOZE_DAYS * 86_400_000);
    await tx.nudge.update({ where: { id: nudge.id }, data: { status: "SNOOZED", snoozedUntil } });
    result = { kind: "ok", status: "SNOOZED", snoozedUntil };
  } else {
    const detail = { ...(nudge.detail as Record<string, unknown>), resolution: args.action };
    await tx.nudge.update({
      where: { id: nudge.id },
      data: { status: "DONE", closedAt: args.now, snoozedUntil: null, detail: detail as Prisma.InputJsonValue },
    });
    result = { kind: "ok", status: "DONE" };
  }
  await tx.auditEvent.create({
    data: {
      actorKind: "COACH",
      actorId: args.memberId,
      action: `nudge.${args.action}`,
      clientId: nudge.clientId,
      detail: { nudgeId: nudge.id, cause: nudge.cause },
      at: args.now,
    },
  });
  return result;
}

/** Brings back nudges whose snooze has run out: open again and delivered again. Returns how many. */
export async function resurfaceSnoozed(tx: Tx, now: Date): Promise<number> {
  const due = await tx.nudge.findMany({ where: { status: "SNOOZED", snoozedUntil: { lte: now } }, take: 500 });
  for (const n of due) {
    await tx.nudge.update({ where: { id: n.id }, data: { status: "OPEN", snoozedUntil: null, notifiedAt: null } });
    await queueNudgeDelivery(tx, n.id, `resurface:${n.snoozedUntil?.getTime() ?? now.getTime()}`, now);
  }
  return due.length;
}

/** Clients who left: no one acts on their file through a nudge any more. */
const LEFT = new Set(["CLOSED", "REFUSED", "STOPPED"]);

export type NudgeAnswer = { kind: "ok"; name: string } | { kind: "notFound" | "notYours" | "alreadyDone" | "clientLeft" };

/** A coach's answer to a nudge from Slack, in one transaction: refused for another coach's nudge or a client who left. */
export async function answerNudge(db: Database, args: { nudgeId: string; memberId: string; action: NudgeAction; now: Date }): Promise<NudgeAnswer> {
  return db.prisma.$transaction(async (tx): Promise<NudgeAnswer> => {
    const nudge = await tx.nudge.findUnique({ where: { id: args.nudgeId }, include: { client: true } });
    if (!nudge) return { kind: "notFound" };
    if (nudge.coachId !== args.memberId) return { kind: "notYours" };
    if (LEFT.has(nudge.client.status)) return { kind: "clientLeft" };
    const result = await actOnNudge(tx, args);
    return result.kind === "ok" ? { kind: "ok", name: firstName(nudge.client) } : result;
  });
}
