/**
 * Consent per purpose (/toestemming): keeping conversation answers ("data", asked in onboarding),
 * sharing with the coach ("coach"), reminders ("reminders") and each referral that shares
 * something ("referral:<id>"). The state of a purpose is its last ConsentRecord; a change goes
 * through the same paths as before (a flow's `consent` effect, the reminders' stop, a referral's
 * `withdrawConsent`), so it stops that use at once, and it is audited.
 */
import type { Tx } from "../db/client.js";
import type { Client, ConsentDecision, ConsentRecord } from "../generated/prisma/client.js";
import { stopReminders } from "./reminders/buttons.js";
import { audit } from "./audit.js";
import { applyEffects } from "./effects.js";
import { isClosed } from "./referrals/lifecycle.js";

export const COACH_CONSENT = "coach";
/** The text the client saw when they changed a purpose in /toestemming. */
export const PURPOSE_TEXT_VERSION = "consent.purpose@1";

export type PurposeKind = "data" | "coach" | "reminders" | "referral";

export interface PurposeState {
  /** The ConsentRecord subject: "data", "coach", "reminders", "referral:<id>". */
  subject: string;
  kind: PurposeKind;
  /** True when this use is on now. */
  on: boolean;
  /** When it was last decided (null: never asked, the default holds). */
  at: Date | null;
  /** The partner, for a referral. */
  partner?: string;
}

/** A consent record as the client reads it: the purpose's kind, and the partner of a referral. */
export interface ConsentLine {
  kind: PurposeKind | "other";
  decision: ConsentDecision;
  at: Date;
  partner: string;
}

function kindOf(subject: string): PurposeKind | "other" {
  if (subject === "data" || subject === COACH_CONSENT || subject === "reminders") return subject;
  return subject.startsWith("referral:") ? "referral" : "other";
}

/** Every consent decision of the client, oldest first, with partner names for referrals. */
export async function consentStates(tx: Tx, client: Client): Promise<ConsentLine[]> {
  const rows = await tx.consentRecord.findMany({ where: { clientId: client.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const partners = await partnerNames(tx, client.id);
  return rows.map((r) => ({ kind: kindOf(r.subject), decision: r.decision, at: r.at, partner: partners.get(r.subject.slice("referral:".length)) ?? "" }));
}

async function partnerNames(tx: Tx, clientId: string): Promise<Map<string, string>> {
  const referrals = await tx.referral.findMany({ where: { clientId }, include: { toOrg: true } });
  return new Map(referrals.map((r) => [r.id, r.toOrg.name]));
}

function lastOf(rows: ConsentRecord[], subject: string): ConsentRecord | undefined {
  return rows.filter((r) => r.subject === subject).at(-1);
}

/** True unless the client took back sharing with their coach (onboarding's yes covers it). */
export async function sharesWithCoach(tx: Tx, clientId: string): Promise<boolean> {
  const last = await tx.consentRecord.findFirst({ where: { clientId, subject: COACH_CONSENT }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  return last?.decision !== "WITHDRAWN";
}

/** Of these clients, those who took back sharing with their coach (for lists: their scores are not shown). */
export async function notSharingWithCoach(tx: Tx, clientIds: string[]): Promise<Set<string>> {
  if (!clientIds.length) return new Set();
  const last = await tx.consentRecord.findMany({ where: { clientId: { in: clientIds }, subject: COACH_CONSENT }, orderBy: [{ clientId: "asc" }, { at: "desc" }, { id: "desc" }], distinct: ["clientId"] });
  return new Set(last.filter((r) => r.decision === "WITHDRAWN").map((r) => r.clientId));
}

/** The purposes the client can change now, each with its state. */
export async function purposeStates(tx: Tx, client: Client): Promise<PurposeState[]> {
  const rows = await tx.consentRecord.findMany({ where: { clientId: client.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const data = lastOf(rows, "data");
  const coach = lastOf(rows, COACH_CONSENT);
  const reminders = lastOf(rows, "reminders");
  const out: PurposeState[] = [
    { subject: "data", kind: "data", on: data?.decision === "GIVEN", at: data?.at ?? null },
    { subject: COACH_CONSENT, kind: "coach", on: coach?.decision !== "WITHDRAWN", at: coach?.at ?? null },
    { subject: "reminders", kind: "reminders", on: client.remindersWanted === true, at: reminders?.at ?? null },
  ];
  const referrals = await tx.referral.findMany({ where: { clientId: client.id, direction: "OUT", consentWithdrawnAt: null }, include: { toOrg: true }, orderBy: { createdAt: "asc" } });
  for (const r of referrals) {
    if (!r.consentedItems.length || isClosed(r)) continue;
    const last = lastOf(rows, `referral:${r.id}`);
    out.push({ subject: `referral:${r.id}`, kind: "referral", on: true, at: last?.at ?? r.createdAt, partner: r.toOrg.name });
  }
  return out;
}

export type PurposeChange = "withdrawn" | "given" | "unchanged" | "unknown";

/**
 * Takes one purpose back, at once: answers are no longer kept, the coach's views say the client
 * no longer shares, reminders are cancelled, a referral's share is withdrawn (the partner is
 * told). Recorded as a ConsentRecord and audited.
 */
export async function withdrawPurpose(tx: Tx, client: Client, subject: string, now: Date): Promise<PurposeChange> {
  const state = (await purposeStates(tx, client)).find((p) => p.subject === subject);
  if (!state) return "unknown";
  if (!state.on) return "unchanged";
  const ctx = { now, key: `consent:${subject}:${now.getTime()}` };
  if (state.kind === "reminders") await stopReminders(tx, client, now, PURPOSE_TEXT_VERSION);
  else if (state.kind === "referral") await applyEffects(tx, client, [{ kind: "referralWithdraw", referralId: subject.slice("referral:".length) }], ctx);
  else await applyEffects(tx, client, [{ kind: "consent", subject, textVersion: PURPOSE_TEXT_VERSION, decision: "WITHDRAWN" }], ctx);
  await audit(tx, { actorKind: "CLIENT", actorId: client.id, action: "consent.withdrawn", clientId: client.id, detail: { purpose: state.kind, via: "telegram" } });
  return "withdrawn";
}

/**
 * Gives a purpose (again). Only keeping answers and sharing with the coach are given with one
 * tap; reminders need a time of day (the reminders conversation asks it), and a referral that was
 * withdrawn is over (the coach can ask again).
 */
export async function givePurpose(tx: Tx, client: Client, subject: string, now: Date): Promise<PurposeChange> {
  const state = (await purposeStates(tx, client)).find((p) => p.subject === subject);
  if (!state || (state.kind !== "data" && state.kind !== "coach")) return "unknown";
  if (state.on) return "unchanged";
  await applyEffects(tx, client, [{ kind: "consent", subject, textVersion: PURPOSE_TEXT_VERSION, decision: "GIVEN" }], { now, key: `consent:${subject}:${now.getTime()}` });
  await audit(tx, { actorKind: "CLIENT", actorId: client.id, action: "consent.given", clientId: client.id, detail: { purpose: state.kind, via: "telegram" } });
  return "given";
}
