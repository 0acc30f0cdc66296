/**
 * Referral out (warme overdracht): a coach files it for one of their own clients; the client is
 * asked in Telegram first (flows/referral-consent.ts) and answers; only then does the partner see
 * a card, with only the items the client agreed to. The client can withdraw consent at any time.
 */
import type { Tx } from "../../db/client.js";
import { lockReferral } from "../../db/locks.js";
import type { Client, Member, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { deliverChange } from "./deliveries.js";
import { initialReferral, isClosed, noteReferral, stateOf, stepReferral } from "./lifecycle.js";
import { enqueueSlack } from "./deliveries.js";
import { memberLabel } from "./labels.js";
import { checked, isLifeDomain, isShareItem, isUrgency, isUuid, LIMITS, Problems, ReferralRefused, type LifeDomain, type ShareItem, type Urgency } from "./types.js";
import { TIME_ZONE } from "../reminders/schedule.js";
import { isRealDay } from "../../../flows/lib/calendar.js";

export const CONSENT_TEXT_VERSION = "referralConsent@1";

export interface OutDraft {
  clientId: string;
  partnerOrgId: string;
  lifeDomain: string;
  need: string;
  items: string[];
  phone?: string | undefined;
  summary?: string | undefined;
  urgency: string;
  coachJoins: boolean;
  /** yyyy-mm-dd, as Slack's date picker gives it. */
  wishedDate?: string | undefined;
}

const invalid = (field: string, key: string, vars?: Record<string, number>) => new ReferralRefused("invalid", key, field, vars);
const fail = (field: string, key: string): never => {
  throw invalid(field, key);
};

function text(value: string | undefined, field: string, max: number, required: boolean): string | null {
  const v = (value ?? "").trim();
  if (!v) {
    if (required) throw invalid(field, "referral.error.required");
    return null;
  }
  if (v.length > max) throw invalid(field, "referral.error.tooLong", { max });
  return v;
}

/** The Amsterdam calendar day of an instant, as yyyy-mm-dd. */
export function amsterdamDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A wished date or appointment day: a real yyyy-mm-dd, not before today. */
export function futureDay(value: string, field: string, now: Date): string {
  // Date.parse takes "2027-02-30" (V8 accepts any day up to 31) and means 2 March: check the day itself.
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDay(y, m, d)) throw invalid(field, "referral.error.date");
  if (value < amsterdamDay(now)) throw invalid(field, "referral.error.pastDate");
  return value;
}

interface CheckedOut {
  client: Client;
  lifeDomain: LifeDomain;
  items: ShareItem[];
  urgency: Urgency;
  need: string;
  phone: string | null;
  summary: string | null;
  goal: string | null;
  wishedDate: Date | null;
}

/** Checks a draft as the modal should have (all fields at once); a forged submission gets the same refusals. */
async function checkOut(tx: Tx, coach: Member, d: OutDraft, now: Date): Promise<CheckedOut> {
  if (coach.role !== "COACH" || !coach.active) throw new ReferralRefused("forbidden", "referral.refused.notCoach");
  const p = new Problems();
  const client = await p.field(async () => {
    // Someone else's client looks exactly like a client that does not exist.
    const c = isUuid(d.clientId) ? await tx.client.findFirst({ where: { id: d.clientId, coachId: coach.id } }) : null;
    if (!c) throw invalid("client", "referral.error.unknownClient");
    if (c.telegramChatId === null || c.status !== "ACTIVE") throw invalid("client", "referral.error.clientNotReachable");
    // One question about sharing at a time: a second one would break off the first.
    const open = await tx.referral.findMany({ where: { clientId: c.id, direction: "OUT", consentedItems: { isEmpty: true }, consentWithdrawnAt: null } });
    if (open.some((r) => stateOf(r) === "awaitingConsent")) throw invalid("client", "referral.error.pendingConsent");
    return c;
  });
  await p.field(async () => {
    const partner = isUuid(d.partnerOrgId) ? await tx.organisation.findUnique({ where: { id: d.partnerOrgId } }) : null;
    if (!partner || partner.kind !== "PARTNER") throw invalid("partner", "referral.error.unknownPartner");
    if (!partner.referralChannel) throw invalid("partner", "referral.error.partnerNoChannel");
  });
  const lifeDomain = await p.field(() => (isLifeDomain(d.lifeDomain) ? d.lifeDomain : fail("domain", "referral.error.required")));
  const urgency = await p.field(() => (isUrgency(d.urgency) ? d.urgency : fail("urgency", "referral.error.required")));
  const items = [...new Set(Array.isArray(d.items) ? d.items : [])].filter(isShareItem);
  if (!items.length) await p.field(() => fail("items", "referral.error.noItems"));
  const need = await p.field(() => text(d.need, "need", LIMITS.need, true) ?? "");
  const phone = await p.field(() => {
    const v = text(d.phone, "phone", 20, items.includes("phone"));
    return v && !/^\+?[0-9][0-9 -]{5,18}$/.test(v) ? fail("phone", "referral.error.phone") : v;
  });
  const summary = await p.field(() => text(d.summary, "summary", LIMITS.summary, items.includes("summary")));
  const goal = await p.field(async () => {
    if (!client || !items.includes("goal")) return null;
    const g = await tx.goal.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, orderBy: { createdAt: "desc" } });
    return g?.text ?? fail("items", "referral.error.noGoal");
  });
  const wishedDate = await p.field(() => (d.wishedDate ? new Date(`${futureDay(d.wishedDate, "date", now)}T12:00:00Z`) : null));
  p.done();
  return {
    client: checked(client),
    lifeDomain: checked(lifeDomain),
    items,
    urgency: checked(urgency),
    need: checked(need),
    phone: items.includes("phone") ? (phone ?? null) : null,
    summary: items.includes("summary") ? (summary ?? null) : null,
    goal: goal ?? null,
    wishedDate: wishedDate ?? null,
  };
}

/**
 * Files a referral out. The referral stays `filed` until the consent question reached the client
 * (the caller starts that conversation after this transaction commits).
 */
export async function fileOutReferral(tx: Tx, coach: Member, draft: OutDraft, now: Date): Promise<Referral> {
  const c = await checkOut(tx, coach, draft, now);
  const referral = await tx.referral.create({
    data: {
      direction: "OUT",
      clientId: c.client.id,
      fromOrgId: coach.organisationId,
      toOrgId: draft.partnerOrgId,
      filedByMemberId: coach.id,
      personName: c.items.includes("name") ? c.client.name : null,
      personContact: c.phone,
      lifeDomain: c.lifeDomain,
      need: c.need,
      // OUT: the client's goal in their own words, copied now so they consent to exactly this text.
      wish: c.goal,
      summary: c.summary,
      urgency: c.urgency,
      proposedItems: c.items,
      coachJoins: draft.coachJoins,
      wishedDate: c.wishedDate,
      ...initialReferral("OUT"),
    },
  });
  await noteReferral(tx, referral, "coach.filed", { kind: "COACH", id: coach.id }, now, { items: c.items });
  await audit(tx, { actorKind: "COACH", actorId: coach.id, action: "referral.filed", clientId: c.client.id, referralId: referral.id });
  return referral;
}

/** The consent question has been queued for the client. */
export async function markConsentAsked(tx: Tx, referralId: string, now: Date): Promise<void> {
  const referral = await lockReferral(tx, referralId);
  if (!referral) return;
  const state = stateOf(referral);
  if (state === "filed" || state === "clientQuestion") await stepReferral(tx, referral, { type: "system.consentAsked" }, { kind: "SYSTEM", id: null }, now);
}

export type ConsentAnswer = "consented" | "declined" | "askedCoach";

/**
 * The client's answer from the consent conversation, in the engine's transaction. The referral id
 * came from the flow's start data, yet the referral must still belong to this client.
 */
export async function recordConsentAnswer(
  tx: Tx,
  client: Client,
  args: { referralId: string; answer: ConsentAnswer; items: string[]; textVersion: string },
  now: Date,
): Promise<void> {
  let referral = await lockReferral(tx, args.referralId);
  if (!referral || referral.clientId !== client.id || referral.direction !== "OUT") return;
  const actor = { kind: "CLIENT" as const, id: client.id };
  // The answer may arrive before the step that marks the question as asked has committed.
  if (stateOf(referral) === "filed") referral = (await stepReferral(tx, referral, { type: "system.consentAsked" }, { kind: "SYSTEM", id: null }, now)).referral;
  if (stateOf(referral) !== "awaitingConsent") return;
  const proposed = referral.proposedItems;
  const items = args.items.filter((i) => proposed.includes(i));
  if (args.answer !== "askedCoach") {
    const decision = args.answer === "consented" && items.length ? "GIVEN" : "REFUSED";
    await tx.consentRecord.create({
      data: { clientId: client.id, subject: `referral:${referral.id}`, textVersion: args.textVersion, decision, items: decision === "GIVEN" ? items : [], at: now },
    });
    if (decision === "GIVEN") referral = await tx.referral.update({ where: { id: referral.id }, data: { consentedItems: items } });
  }
  const event =
    args.answer === "consented" && items.length
      ? ({ type: "client.consented", items } as const)
      : args.answer === "askedCoach"
        ? ({ type: "client.askedCoach" } as const)
        : ({ type: "client.declined" } as const);
  const applied = await stepReferral(tx, referral, event, actor, now);
  await deliverChange(tx, applied, "", now);
}

/**
 * The client takes back consent. Always honoured: an open referral is cancelled; a closed one
 * keeps its outcome, but the card hides the shared items from then on.
 */
export async function withdrawConsent(tx: Tx, client: Client, referralId: string, now: Date): Promise<boolean> {
  const referral = await lockReferral(tx, referralId);
  if (!referral || referral.clientId !== client.id || referral.direction !== "OUT" || referral.consentWithdrawnAt) return false;
  await tx.consentRecord.create({
    data: { clientId: client.id, subject: `referral:${referral.id}`, textVersion: CONSENT_TEXT_VERSION, decision: "WITHDRAWN", at: now },
  });
  const updated = await tx.referral.update({ where: { id: referral.id }, data: { consentWithdrawnAt: now } });
  const actor = { kind: "CLIENT" as const, id: client.id };
  if (!isClosed(updated)) {
    const applied = await stepReferral(tx, updated, { type: "client.withdrewConsent" }, actor, now);
    await deliverChange(tx, applied, "", now);
    return true;
  }
  const eventId = await noteReferral(tx, updated, "client.withdrewConsent", actor, now, { closed: true });
  const coach = await tx.client.findUniqueOrThrow({ where: { id: client.id }, include: { coach: true } });
  const partner = await tx.organisation.findUniqueOrThrow({ where: { id: referral.toOrgId } });
  const vars = { client: client.name, partner: partner.name, team: partner.name, from: "", coach: memberLabel(coach.coach), actor: "" };
  await enqueueSlack(
    tx,
    {
      referralId: referral.id,
      card: updated.consentedItems.length > 0,
      ...(updated.consentedItems.length > 0 ? { thread: { key: "referral.thread.client.withdrewConsent", vars } } : {}),
      dms: [{ memberId: client.coachId, line: { key: "referral.dm.out.withdrawn", vars } }],
    },
    client.id,
    `${referral.id}:${eventId}`,
    now,
  );
  return true;
}
