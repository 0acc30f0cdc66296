/**
 * What the crisis alert's delivery and buttons read and write, each step a named function with
 * the caller's database handle: the alert with its client and coach, its events, the thread it
 * lives in, the team to escalate to, and the buttons' answers (`actOnCrisisAlert`).
 */
import type { Database } from "../../db/client.js";
import type { CrisisAlertEvent } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import type { Member } from "../members.js";
import { actOnCrisisAlert, queueEscalationNow, type CrisisAction, type CrisisActionResult } from "./alerts.js";

/** A crisis alert as the edges handle it: the same fields as the row, no Prisma type. */
export interface CrisisAlert {
  id: string;
  clientId: string;
  coachId: string;
  category: string;
  rule: string;
  acute: boolean;
  messageText: string;
  status: "OPEN" | "ACKNOWLEDGED" | "CONTACTED";
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  contactedAt: Date | null;
  contactedBy: string | null;
  escalatedAt: Date | null;
  parkedRunId: string | null;
  followUp: string;
  resumedAt: Date | null;
  resumedBy: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  createdAt: Date;
}

/** The coach's organisation, as far as an alert needs it: the team to escalate to. */
export interface AlertTeam {
  id: string;
  name: string;
  referralChannel: string | null;
  contactMemberId: string | null;
  backupMemberId: string | null;
}

/** An alert with its client (what the alert shows of them) and the client's coach (and the coach's organisation). */
export interface AlertView {
  alert: CrisisAlert;
  client: { id: string; name: string; callName: string | null; crisisHoldSince: Date | null };
  coach: Member & { organisation: AlertTeam };
}

export type { CrisisAlertEvent };

export async function loadAlertView(db: Database, alertId: string): Promise<AlertView | null> {
  const alert = await db.prisma.crisisAlert.findUnique({ where: { id: alertId }, include: { client: true } });
  if (!alert) return null;
  const coach = await db.prisma.member.findUniqueOrThrow({ where: { id: alert.client.coachId }, include: { organisation: true } });
  const { client, ...row } = alert;
  const org = coach.organisation;
  return {
    alert: row,
    client: { id: client.id, name: client.name, callName: client.callName, crisisHoldSince: client.crisisHoldSince },
    coach: { ...coach, organisation: { id: org.id, name: org.name, referralChannel: org.referralChannel, contactMemberId: org.contactMemberId, backupMemberId: org.backupMemberId } },
  };
}

/** An event of an alert (a new signal), or null. */
export async function alertEvent(db: Database, eventId: string): Promise<CrisisAlertEvent | null> {
  return db.prisma.crisisAlertEvent.findUnique({ where: { id: BigInt(eventId) } });
}

/** An event by the system on the alert, and its audit row, in one transaction. */
export async function recordAlertEvent(db: Database, alert: CrisisAlert, type: string, detail: Record<string, string | number | boolean | null>, now: Date): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.crisisAlertEvent.create({ data: { alertId: alert.id, type, actorKind: "SYSTEM", detail, at: now } });
    await audit(tx, { actorKind: "SYSTEM", action: `crisis.${type}`, clientId: alert.clientId, detail: { alertId: alert.id, ...detail } });
  });
}

/** Where the alert's thread is in Slack; `replace` false keeps a thread saved before. */
export async function saveAlertThread(db: Database, alertId: string, where: { channel: string; ts: string | null }, replace: boolean): Promise<void> {
  if (!where.ts) return;
  await db.prisma.crisisAlert.updateMany({ where: { id: alertId, ...(replace ? {} : { slackTs: null }) }, data: { slackChannel: where.channel, slackTs: where.ts } });
}

/** The organisation's contact and backup who are active, in that order. */
export async function teamMembers(db: Database, org: Pick<AlertTeam, "contactMemberId" | "backupMemberId">): Promise<Member[]> {
  const ids = [org.contactMemberId, org.backupMemberId].filter((x): x is string => x !== null);
  const found = await db.prisma.member.findMany({ where: { id: { in: ids }, active: true } });
  return ids.map((id) => found.find((m) => m.id === id)).filter((m): m is Member => m !== undefined);
}

/** The team hears of the alert at once (a coach who cannot be reached). */
export async function escalateNow(db: Database, alertId: string, now: Date): Promise<void> {
  await db.prisma.$transaction((tx) => queueEscalationNow(tx, alertId, now));
}

export async function markEscalated(db: Database, alertId: string, now: Date): Promise<void> {
  await db.prisma.crisisAlert.update({ where: { id: alertId }, data: { escalatedAt: now } });
}

/** A button pressed by someone who is no member: audited on the client's file when the alert exists. */
export async function auditStrangerPress(db: Database, args: { alertId: string; action: CrisisAction; slackUser: string }): Promise<void> {
  const alert = await db.prisma.crisisAlert.findUnique({ where: { id: args.alertId } });
  if (!alert) return;
  await db.prisma.$transaction((tx) =>
    audit(tx, { actorKind: "SYSTEM", action: "crisis.refused", clientId: alert.clientId, detail: { alertId: args.alertId, action: args.action, slackUser: args.slackUser, reason: "notMember" } }),
  );
}

/** A member's answer on the alert ("ack", "contacted", "resume"), in one transaction. */
export async function answerAlert(db: Database, args: { alertId: string; member: Member; action: CrisisAction; now: Date }): Promise<CrisisActionResult> {
  return db.prisma.$transaction((tx) => actOnCrisisAlert(tx, args));
}
