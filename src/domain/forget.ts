/**
 * The right to be forgotten (/vergeet in Telegram, `forget` in the CLI): the client's personal
 * data and every text they wrote are erased, or anonymised where a row must stay (a referral's
 * history, a crisis alert's steps). What stays is who did what and when: the audit log (it never
 * holds the client's words), consent refusals, the ids. Open referrals are withdrawn, which tells
 * the partner in Slack; the coach gets a Slack nudge; the Telegram chat is unlinked.
 */
import type { Database, Tx } from "../db/client.js";
import { lockClientById } from "../db/locks.js";
import { firstName } from "./clients.js";
import type { ActorKind } from "../generated/prisma/client.js";
import { enqueueTelegram, type OutMessage } from "../outbox/messages.js";
import { audit } from "./audit.js";
import { actorKindOf } from "./members.js";
import { forgetClient } from "./effects.js";
import { openNudge } from "./nudges.js";
import { withdrawConsent } from "./referrals/out.js";

/** The name a forgotten client keeps: no name, only that they were a client. */
export const FORGOTTEN_NAME = "(vergeten)";

export interface ForgetRequest {
  clientId: string;
  /** Who started it: the client in Telegram, or a coach (on the client's request) from Slack or the CLI. */
  by: { kind: Extract<ActorKind, "CLIENT" | "COACH" | "ADMIN">; id: string | null };
  via: "telegram" | "cli" | "slack";
  now: Date;
  /** The last message to the client's chat, sent before the chat is unlinked. */
  goodbye?: OutMessage[];
}

export interface ForgetResult {
  forgotten: boolean;
  /** Referrals withdrawn (each partner is told in Slack). */
  referralsWithdrawn: number;
}

/** Forgets the client in the caller's transaction (lock the client first). */
export async function forgetOnRequest(tx: Tx, req: ForgetRequest): Promise<ForgetResult> {
  const client = await tx.client.findUnique({ where: { id: req.clientId } });
  if (!client || client.status === "FORGOTTEN") return { forgotten: false, referralsWithdrawn: 0 };

  // Open referrals the client agreed to: withdrawn, so the partner hears it and sees nothing more.
  let referralsWithdrawn = 0;
  const referrals = await tx.referral.findMany({ where: { clientId: client.id } });
  for (const r of referrals) {
    if (r.direction === "OUT" && !r.consentWithdrawnAt && (await withdrawConsent(tx, client, r.id, req.now))) referralsWithdrawn++;
  }
  const ids = referrals.map((r) => r.id);
  await tx.referral.updateMany({ where: { id: { in: ids } }, data: { personName: null, personContact: null, need: "", wish: null, summary: null } });
  await tx.referralEvent.updateMany({ where: { referralId: { in: ids } }, data: { data: {} } });

  // Crisis alerts stay (who was alerted, who had contact), without the client's words.
  const alerts = await tx.crisisAlert.findMany({ where: { clientId: client.id }, select: { id: true } });
  await tx.crisisAlert.updateMany({ where: { clientId: client.id }, data: { messageText: "" } });
  await tx.crisisAlertEvent.updateMany({ where: { alertId: { in: alerts.map((a) => a.id) }, messageText: { not: null } }, data: { messageText: null, detail: {} } });

  // The coach is told (Slack); the nudge carries the name, since the client row no longer does.
  await tx.nudge.updateMany({ where: { clientId: client.id, status: { not: "DONE" } }, data: { status: "DONE", closedAt: req.now } });
  const nudge = await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "forgotten", now: req.now, detail: { via: req.via } });
  if (nudge.kind === "opened") {
    await tx.nudge.update({ where: { id: nudge.id }, data: { detail: { since: req.now.toISOString(), via: req.via, name: client.callName ?? client.name } } });
  }

  if (req.goodbye?.length && client.telegramChatId !== null) {
    await enqueueTelegram(tx, { clientId: client.id, chatId: client.telegramChatId, language: client.language, messages: req.goodbye, key: `forget:${client.id}` });
  }
  await forgetClient(tx, client.id);
  await tx.consentRecord.deleteMany({ where: { clientId: client.id } });
  await tx.invite.deleteMany({ where: { clientId: client.id } });
  await tx.client.update({ where: { id: client.id }, data: { name: FORGOTTEN_NAME, status: "FORGOTTEN", floodTimes: [], crisisHoldSince: null } });
  await audit(tx, { actorKind: req.by.kind, actorId: req.by.id, action: "client.forgotten", clientId: client.id, detail: { via: req.via, referralsWithdrawn } });
  return { forgotten: true, referralsWithdrawn };
}

/** May this member forget this client? Only their own coach; a refusal is audited. The client's first name, or null. */
export async function ownClientToForget(db: Database, member: { id: string; role: "COACH" | "PARTNER" | "ADMIN" }, clientId: string, what: string): Promise<{ name: string } | null> {
  return db.prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId } });
    if (client && client.coachId === member.id && client.status !== "FORGOTTEN") return { name: firstName(client) };
    await audit(tx, { actorKind: actorKindOf(member), actorId: member.id, action: "client.forgetRefused", clientId: client ? clientId : null, detail: { via: "slack", what } });
    return null;
  });
}

/** `forgetOnRequest` under the client's row lock, in a transaction of its own. */
export async function forgetLocked(db: Database, req: ForgetRequest): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await lockClientById(tx, req.clientId);
    await forgetOnRequest(tx, req);
  });
}
