/**
 * Crisis alerts: a person follows up every crisis signal. A signal opens an alert (or, while one
 * is open, adds to it), pauses the client's automated reminders and non-crisis nudges, and queues
 * two durable jobs: the alert to the coach now (`crisis.notify`) and the check whether anyone
 * confirmed after CRISIS_ESCALATE_MINUTES (`crisis.escalate`). The jobs carry no client id, so
 * /stop (which cancels a client's jobs) never cancels them. Everything is recorded as
 * CrisisAlertEvents and in the audit log; the client's text lives only in the alert tables.
 */
import { insertOnce } from "../../db/queue.js";
import type { Tx } from "../../db/client.js";
import { lockClient, lockCrisisAlert } from "../../db/locks.js";
import type { Client, CrisisAlert, Member, Prisma } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { actorKindOf } from "../members.js";
import { queueNudgeDelivery } from "../nudges.js";
import type { CrisisSignal } from "./types.js";

export const CRISIS_NOTIFY = "crisis.notify";
export const CRISIS_ESCALATE = "crisis.escalate";
export const DEFAULT_ESCALATE_MINUTES = 30;

/** Payload of `crisis.notify`: a new alert, a new signal on an open one. `done` lists steps already sent. */
export interface CrisisNotifyPayload {
  alertId: string;
  reason: "new" | "signal";
  /** The CrisisAlertEvent of the new signal (reason "signal"). */
  eventId?: string;
  done?: string[];
}

/** Payload of `crisis.escalate`: to the team unless someone confirmed. */
export interface CrisisEscalatePayload {
  alertId: string;
  /** "timer" (nobody confirmed in time) or "noSlack" (the coach cannot be reached in Slack). */
  why: "timer" | "noSlack";
  done?: string[];
}

/** An alert is open until someone had contact with the client. */
export const OPEN_STATUSES = ["OPEN", "ACKNOWLEDGED"] as const;

async function queueJob(tx: Tx, kind: string, payload: object, key: string, dueAt: Date): Promise<void> {
  await insertOnce(tx, { kind, payload, idempotencyKey: key, dueAt, priority: 1 });
}

export async function openAlertOf(tx: Tx, clientId: string): Promise<CrisisAlert | null> {
  return tx.crisisAlert.findFirst({ where: { clientId, status: { in: [...OPEN_STATUSES] } }, orderBy: { createdAt: "desc" } });
}

export interface RaiseArgs {
  client: Client;
  signal: CrisisSignal;
  /** The client's message as they wrote it. */
  text: string;
  now: Date;
  escalateMinutes: number;
  /** The conversation the signal paused, if any. */
  parkedRunId: string | null;
  /** What the message was: text, caption, edited. */
  source: string;
}

/**
 * Records a signal in the client's open alert, or opens one; in the caller's transaction (the
 * client row is locked by the engine). Returns the alert and whether it is new.
 */
export async function raiseCrisisAlert(tx: Tx, a: RaiseArgs): Promise<{ alert: CrisisAlert; fresh: boolean }> {
  const { client, signal, now } = a;
  const open = await openAlertOf(tx, client.id);
  const signalEvent = (alertId: string) =>
    tx.crisisAlertEvent.create({
      data: {
        alertId,
        type: "signal",
        category: signal.category,
        rule: signal.rule,
        acute: signal.acute,
        messageText: a.text,
        actorKind: "CLIENT",
        actorId: client.id,
        detail: { categories: signal.categories, matched: signal.matched, source: a.source } as Prisma.InputJsonValue,
        at: now,
      },
    });
  if (!client.crisisHoldSince) await tx.client.update({ where: { id: client.id }, data: { crisisHoldSince: now } });
  if (open) {
    const alert = await tx.crisisAlert.update({
      where: { id: open.id },
      data: { followUp: "pending", ...(a.parkedRunId ? { parkedRunId: a.parkedRunId } : {}) },
    });
    const event = await signalEvent(open.id);
    await audit(tx, { actorKind: "SYSTEM", action: "crisis.signal", clientId: client.id, detail: { alertId: open.id, eventId: event.id.toString(), category: signal.category, rule: signal.rule, acute: signal.acute, repeat: true } });
    const payload: CrisisNotifyPayload = { alertId: open.id, reason: "signal", eventId: event.id.toString() };
    await queueJob(tx, CRISIS_NOTIFY, payload, `${CRISIS_NOTIFY}:${open.id}:${event.id}`, now);
    return { alert, fresh: false };
  }
  const alert = await tx.crisisAlert.create({
    data: {
      clientId: client.id,
      coachId: client.coachId,
      category: signal.category,
      rule: signal.rule,
      acute: signal.acute,
      messageText: a.text,
      parkedRunId: a.parkedRunId,
      createdAt: now,
    },
  });
  const event = await signalEvent(alert.id);
  await audit(tx, { actorKind: "SYSTEM", action: "crisis.signal", clientId: client.id, detail: { alertId: alert.id, eventId: event.id.toString(), category: signal.category, rule: signal.rule, acute: signal.acute, repeat: false } });
  await queueJob(tx, CRISIS_NOTIFY, { alertId: alert.id, reason: "new" } satisfies CrisisNotifyPayload, `${CRISIS_NOTIFY}:${alert.id}:new`, now);
  const escalation: CrisisEscalatePayload = { alertId: alert.id, why: "timer" };
  await queueJob(tx, CRISIS_ESCALATE, escalation, `${CRISIS_ESCALATE}:${alert.id}:timer`, new Date(now.getTime() + a.escalateMinutes * 60_000));
  return { alert, fresh: true };
}

/** The coach cannot be reached in Slack: the team gets the alert at once (queued by the notify job). */
export async function queueEscalationNow(tx: Tx, alertId: string, now: Date): Promise<void> {
  await queueJob(tx, CRISIS_ESCALATE, { alertId, why: "noSlack" } satisfies CrisisEscalatePayload, `${CRISIS_ESCALATE}:${alertId}:noSlack`, now);
}

export type CrisisAction = "ack" | "contacted" | "resume";

export type CrisisActionResult =
  | { kind: "ok"; alert: CrisisAlert; client: Client; previous: CrisisAlert["status"] }
  | { kind: "notFound" }
  | { kind: "notAllowed" }
  | { kind: "already"; alert: CrisisAlert; client: Client };

/** The client's own coach, or an active member of the coach's team. */
export async function mayFollowUp(tx: Tx, member: Member, client: Client): Promise<boolean> {
  if (!member.active) return false;
  if (member.id === client.coachId) return true;
  const coach = await tx.member.findUnique({ where: { id: client.coachId }, include: { organisation: true } });
  return coach !== null && coach.organisation.kind === "COACH_TEAM" && member.organisationId === coach.organisationId && member.role !== "PARTNER";
}

/** Brings back what the crisis hold kept back: open nudges that never reached the coach. */
async function releaseHold(tx: Tx, client: Client, now: Date): Promise<void> {
  await tx.client.update({ where: { id: client.id }, data: { crisisHoldSince: null } });
  const held = await tx.nudge.findMany({ where: { clientId: client.id, status: "OPEN", notifiedAt: null, cause: { not: "crisis" } } });
  for (const n of held) await queueNudgeDelivery(tx, n.id, `resume:${now.getTime()}`, now);
}

/**
 * A professional's answer to an alert: "ik neem contact op" (ack), "contact gehad" (contacted,
 * closes the alert) or "hervat herinneringen" (resume). Only the client's coach or a member of
 * the coach's team; a refusal is recorded and audited too.
 */
export async function actOnCrisisAlert(tx: Tx, args: { alertId: string; member: Member; action: CrisisAction; now: Date }): Promise<CrisisActionResult> {
  const { member, now } = args;
  const rows = await tx.$queryRaw<{ clientId: string }[]>`SELECT "clientId"::text AS "clientId" FROM "CrisisAlert" WHERE id = ${args.alertId}::uuid`;
  const clientId = rows[0]?.clientId;
  if (!clientId) return { kind: "notFound" };
  // The client first, then the alert: the same order as the engine, so the two never deadlock.
  await lockClient(tx, clientId);
  await lockCrisisAlert(tx, args.alertId);
  const alert = await tx.crisisAlert.findUniqueOrThrow({ where: { id: args.alertId } });
  const client = await tx.client.findUniqueOrThrow({ where: { id: clientId } });
  const actorKind = actorKindOf(member);
  if (!(await mayFollowUp(tx, member, client))) {
    await tx.crisisAlertEvent.create({ data: { alertId: alert.id, type: "refused", actorKind, actorId: member.id, detail: { action: args.action }, at: now } });
    await audit(tx, { actorKind, actorId: member.id, action: "crisis.refused", clientId, detail: { alertId: alert.id, action: args.action } });
    return { kind: "notAllowed" };
  }
  const previous = alert.status;
  let updated: CrisisAlert;
  if (args.action === "ack") {
    if (alert.status !== "OPEN") return { kind: "already", alert, client };
    updated = await tx.crisisAlert.update({ where: { id: alert.id }, data: { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedBy: member.id } });
  } else if (args.action === "contacted") {
    if (alert.status === "CONTACTED") return { kind: "already", alert, client };
    updated = await tx.crisisAlert.update({
      where: { id: alert.id },
      data: { status: "CONTACTED", contactedAt: now, contactedBy: member.id, ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: member.id }) },
    });
  } else {
    if (!client.crisisHoldSince) return { kind: "already", alert, client };
    await releaseHold(tx, client, now);
    updated = await tx.crisisAlert.update({ where: { id: alert.id }, data: { resumedAt: now, resumedBy: member.id } });
  }
  const type = { ack: "acknowledged", contacted: "contacted", resume: "resumed" }[args.action];
  await tx.crisisAlertEvent.create({ data: { alertId: alert.id, type, actorKind, actorId: member.id, at: now } });
  await audit(tx, { actorKind, actorId: member.id, action: `crisis.${type}`, clientId, detail: { alertId: alert.id } });
  return { kind: "ok", alert: updated, client, previous };
}

/** `crisis resume` on the command line: an administrator lifts the hold of one client. */
export async function resumeClientByAdmin(tx: Tx, clientId: string, now: Date): Promise<"resumed" | "notHeld"> {
  await lockClient(tx, clientId);
  const client = await tx.client.findUniqueOrThrow({ where: { id: clientId } });
  if (!client.crisisHoldSince) return "notHeld";
  await releaseHold(tx, client, now);
  const alert = await tx.crisisAlert.findFirst({ where: { clientId }, orderBy: { createdAt: "desc" } });
  if (alert) {
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { resumedAt: now, resumedBy: null } });
    await tx.crisisAlertEvent.create({ data: { alertId: alert.id, type: "resumed", actorKind: "ADMIN", detail: { via: "cli" }, at: now } });
  }
  await audit(tx, { actorKind: "ADMIN", action: "crisis.resumed", clientId, detail: { alertId: alert?.id ?? null, via: "cli" } });
  return "resumed";
}

/** True while automated messages and nudges about this client wait for a coach. */
export function onCrisisHold(client: Pick<Client, "crisisHoldSince">): boolean {
  return client.crisisHoldSince !== null;
}
