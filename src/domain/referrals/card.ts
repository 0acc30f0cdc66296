/**
 * What a referral card in Slack shows, read in one place, and where the card lives: the
 * referral with both organisations, who filed it, the client and coach, the receiving
 * organisation's contact and backup, the latest appointment.
 */
import type { Database, Db, Tx } from "../../db/client.js";
import { audit } from "../audit.js";
import type { Member } from "../members.js";
import { stateOf } from "./lifecycle.js";

/** What a card shows of the referral itself, and where the card is. */
export interface CardReferral {
  id: string;
  direction: "OUT" | "IN";
  /** The FHIR status. */
  status: string;
  personName: string | null;
  personContact: string | null;
  lifeDomain: string | null;
  need: string;
  wish: string | null;
  summary: string | null;
  urgency: string;
  coachJoins: boolean;
  wishedDate: Date | null;
  consentedItems: string[];
  consentWithdrawnAt: Date | null;
  slackChannel: string | null;
  slackTs: string | null;
  updatedAt: Date;
}

/** An organisation on a card: its name, and the channel its cards go to. */
export interface CardOrganisation {
  id: string;
  name: string;
  referralChannel: string | null;
}

/** The card's data: plain values, no database row types, for the Slack edge to render. */
export interface CardData {
  referral: CardReferral;
  /** The business state (`stateOf`). */
  state: string;
  toOrg: CardOrganisation;
  fromOrg: CardOrganisation;
  filedBy: Member;
  /** The referral's client, only as far as the card shows it: the coach. */
  client: { id: string; coach: Member } | null;
  contact: Member | null;
  backup: Member | null;
  appointment: { at: Date; place: string | null } | null;
}

const organisation = (o: CardOrganisation): CardOrganisation => ({ id: o.id, name: o.name, referralChannel: o.referralChannel });

export async function loadCard(db: Db | Tx, referralId: string): Promise<CardData> {
  const referral = await db.referral.findUniqueOrThrow({ where: { id: referralId }, include: { toOrg: true, fromOrg: true } });
  const { toOrg, fromOrg, ...plain } = referral;
  const member = (id: string | null) => (id ? db.member.findUnique({ where: { id } }) : null);
  const client = referral.clientId ? await db.client.findUnique({ where: { id: referral.clientId }, include: { coach: true } }) : null;
  const appointment = await db.appointment.findFirst({ where: { referralId }, orderBy: { createdAt: "desc" } });
  return {
    referral: {
      id: plain.id,
      direction: plain.direction,
      status: plain.status,
      personName: plain.personName,
      personContact: plain.personContact,
      lifeDomain: plain.lifeDomain,
      need: plain.need,
      wish: plain.wish,
      summary: plain.summary,
      urgency: plain.urgency,
      coachJoins: plain.coachJoins,
      wishedDate: plain.wishedDate,
      consentedItems: plain.consentedItems,
      consentWithdrawnAt: plain.consentWithdrawnAt,
      slackChannel: plain.slackChannel,
      slackTs: plain.slackTs,
      updatedAt: plain.updatedAt,
    },
    state: stateOf(plain),
    toOrg: organisation(toOrg),
    fromOrg: organisation(fromOrg),
    filedBy: await db.member.findUniqueOrThrow({ where: { id: referral.filedByMemberId } }),
    client: client ? { id: client.id, coach: client.coach } : null,
    contact: await member(toOrg.contactMemberId),
    backup: await member(toOrg.backupMemberId),
    appointment: appointment ? { at: appointment.at, place: appointment.place } : null,
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
