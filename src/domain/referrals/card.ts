/**
 * What a referral card in Slack shows, read in one place, and where the card lives: the
 * referral with both organisations, who filed it, the client and coach, the receiving
 * organisation's contact and backup, the latest appointment.
 */
import type { Database, Db, Tx } from "../../db/client.js";
import type { Appointment, Client, Organisation, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import type { Member } from "../members.js";
import { stateOf } from "./lifecycle.js";

export interface CardData {
  referral: Referral;
  state: string;
  toOrg: Organisation;
  fromOrg: Organisation;
  filedBy: Member;
  client: (Client & { coach: Member }) | null;
  contact: Member | null;
  backup: Member | null;
  appointment: Appointment | null;
}

export async function loadCard(db: Db | Tx, referralId: string): Promise<CardData> {
  const referral = await db.referral.findUniqueOrThrow({ where: { id: referralId }, include: { toOrg: true, fromOrg: true } });
  const { toOrg, fromOrg, ...plain } = referral;
  const member = (id: string | null) => (id ? db.member.findUnique({ where: { id } }) : null);
  return {
    referral: plain,
    state: stateOf(plain),
    toOrg,
    fromOrg,
    filedBy: await db.member.findUniqueOrThrow({ where: { id: referral.filedByMemberId } }),
    client: referral.clientId ? await db.client.findUnique({ where: { id: referral.clientId }, include: { coach: true } }) : null,
    contact: await member(toOrg.contactMemberId),
    backup: await member(toOrg.backupMemberId),
    appointment: await db.appointment.findFirst({ where: { referralId }, orderBy: { createdAt: "desc" } }),
  };
}

/** The card's data, read outside any transaction. */
export function cardData(db: Database, referralId: string): Promise<CardData> {
  return loadCard(db.prisma, referralId);
}

/** Where the referral's card is in Slack (null until it is posted) and when the referral last changed. */
export async function cardPlace(db: Database, referralId: string): Promise<{ channel: string | null; ts: string | null; updatedAt: Date }> {
  const r = await db.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
  return { channel: r.slackChannel, ts: r.slackTs, updatedAt: r.updatedAt };
}

/** Saves where the card was posted, unless another job saved one first: false then. */
export async function saveCardPlace(db: Database, referralId: string, where: { channel: string; ts: string | null }): Promise<boolean> {
  const saved = await db.prisma.referral.updateMany({ where: { id: referralId, slackTs: null }, data: { slackChannel: where.channel, slackTs: where.ts } });
  return saved.count > 0;
}

/** The names a receipt in Slack shows: the client (when there is one) and the receiving organisation. */
export async function referralNames(db: Database, referralId: string): Promise<{ client: string | null; toOrg: string }> {
  const r = await db.prisma.referral.findUniqueOrThrow({ where: { id: referralId }, include: { client: true, toOrg: true } });
  return { client: r.client?.name ?? null, toOrg: r.toOrg.name };
}

/**
 * Records once per channel that Koers may not post in an organisation's referral channel:
 * true when it was recorded now, false when someone was told before.
 */
export async function firstNotInChannel(db: Database, args: { channel: string; orgId: string; referralId: string }): Promise<boolean> {
  const told = await db.prisma.auditEvent.findFirst({ where: { action: "slack.notInChannel", detail: { path: ["channel"], equals: args.channel } } });
  if (told) return false;
  await db.prisma.$transaction((tx) => audit(tx, { actorKind: "SYSTEM", action: "slack.notInChannel", referralId: args.referralId, detail: { orgId: args.orgId, channel: args.channel } }));
  return true;
}
