/**
 * Who may do what to a referral (METHOD.md section 7: partners see only their own slice).
 * - The receiving partner organisation's members act on an OUT referral's card.
 * - The receiving coach team's coaches act on an IN referral's card.
 * - Only the client's own coach cancels, asks again, makes a new invite or reports no contact.
 * - The referring organisation answers questions about, or withdraws, its own IN referral.
 * `act` checks this under the referral's row lock, then applies the change and queues who hears it.
 */
import type { ReferralEvent, ReferralEventType } from "../../../flows/referral/index.js";
import type { Tx } from "../../db/client.js";
import { lockReferral } from "../../db/locks.js";
import type { Member, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { actorKindOf } from "../members.js";
import { deliverChange } from "./deliveries.js";
import { memberLabel } from "./labels.js";
import { stepReferral, type Applied } from "./lifecycle.js";
import { ReferralRefused, type Actor } from "./types.js";

interface Subject {
  member: Member;
  referral: Referral;
  clientCoachId: string | null;
}

type Rule = (s: Subject) => boolean;

const receivingPartner: Rule = ({ member, referral }) => referral.direction === "OUT" && member.organisationId === referral.toOrgId;
const receivingTeam: Rule = ({ member, referral }) => referral.direction === "IN" && member.organisationId === referral.toOrgId && member.role === "COACH";
const clientsCoach: Rule = ({ member, clientCoachId }) => clientCoachId !== null && member.id === clientCoachId;
const referringOrg: Rule = ({ member, referral }) => referral.direction === "IN" && member.organisationId === referral.fromOrgId;

/** Events a professional may send, and who. Events missing here (client.*, system.*) never come from Slack. */
const RULES: Partial<Record<ReferralEventType, Rule>> = {
  "partner.received": receivingPartner,
  "partner.accepted": receivingPartner,
  "partner.rejected": receivingPartner,
  "partner.redirected": receivingPartner,
  "partner.planned": receivingPartner,
  "partner.contactMade": receivingPartner,
  "partner.noShow": receivingPartner,
  "partner.completed": receivingPartner,
  "partner.closed": receivingPartner,
  "coach.cancelled": (s) => s.referral.direction === "OUT" && clientsCoach(s),
  "system.consentAsked": (s) => s.referral.direction === "OUT" && clientsCoach(s),
  "team.accepted": receivingTeam,
  "team.askedInfo": receivingTeam,
  "team.declined": receivingTeam,
  "team.reinvited": (s) => s.referral.direction === "IN" && clientsCoach(s),
  "team.noContact": (s) => s.referral.direction === "IN" && clientsCoach(s),
  "partner.answeredInfo": referringOrg,
  "partner.withdrew": referringOrg,
  "filer.enteredInError": ({ member, referral }) => member.id === referral.filedByMemberId,
};

export function actorOf(member: Member): Actor {
  return { kind: actorKindOf(member), id: member.id };
}

export { memberLabel } from "./labels.js";

/**
 * Locks the referral and checks that this member may send this event. Throws `ReferralRefused`:
 * "unknown" for an id that does not exist, "forbidden" for the wrong person.
 */
export async function lockFor(tx: Tx, member: Member, referralId: string, type: ReferralEventType): Promise<Subject> {
  const referral = await lockReferral(tx, referralId);
  if (!referral) throw new ReferralRefused("unknown", "referral.refused.unknown");
  const client = referral.clientId ? await tx.client.findUnique({ where: { id: referral.clientId } }) : null;
  const subject: Subject = { member, referral, clientCoachId: client?.coachId ?? null };
  const rule = Object.hasOwn(RULES, type) ? RULES[type] : undefined;
  if (!member.active || !rule || !rule(subject)) throw new ReferralRefused("forbidden", "referral.refused.forbidden");
  return subject;
}

/** One professional's action on a referral: checked, applied, audited and delivered, or refused. */
export async function act(tx: Tx, member: Member, referralId: string, event: ReferralEvent, now: Date): Promise<Applied> {
  const { referral } = await lockFor(tx, member, referralId, event.type);
  const applied = await stepReferral(tx, referral, event, actorOf(member), now);
  if (event.type === "partner.planned" && referral.clientId) {
    // The client's own appointment, so reminders and /doel can find it like any other.
    await tx.appointment.create({ data: { clientId: referral.clientId, referralId: referral.id, at: new Date(event.at), place: event.place } });
  }
  await deliverChange(tx, applied, memberLabel(member), now);
  return applied;
}

/** Records a refused attempt. Call it in a transaction of its own: the refused one was rolled back. */
export async function auditRefusal(tx: Tx, member: Member | null, referralId: string | null, what: string, reason: string): Promise<void> {
  const validId = referralId && /^[0-9a-f-]{36}$/i.test(referralId) ? referralId : null;
  await audit(tx, {
    actorKind: member ? actorOf(member).kind : "SYSTEM",
    actorId: member?.id ?? null,
    action: "referral.refused",
    referralId: validId,
    detail: { what, reason, ...(validId ? {} : { givenId: (referralId ?? "").slice(0, 64) }) },
  });
}
