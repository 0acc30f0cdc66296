/**
 * Referral in (aanmelding): a partner refers a person to a coach team. The team accepts and
 * assigns a coach (who gets a one-time invite link), asks for more information, or declines with
 * a reason. The referrer hears each step and nothing else. When the person starts the bot, the
 * engine calls `referralClientLinked`; when they turn out to be a client already,
 * `referralKnownClientStarted` links the referral to that client instead of keeping a duplicate.
 */
import type { Tx } from "../../db/client.js";
import { lockReferral } from "../../db/locks.js";
import type { Client, Member, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { createClientInvite, hashInviteCode, issueInvite, looksLikeInviteCode, type CreatedInvite } from "../invites.js";
import { act, lockFor, memberLabel } from "./access.js";
import { deliverChange, enqueueSlack } from "./deliveries.js";
import { initialReferral, noteReferral, stateOf, stepReferral, type Applied } from "./lifecycle.js";
import { checked, isUrgency, isUuid, LIMITS, Problems, ReferralRefused, SYSTEM } from "./types.js";

export interface InDraft {
  teamOrgId: string;
  personName: string;
  personContact: string;
  need: string;
  wish?: string | undefined;
  urgency: string;
  /** "The person knows about this and agrees": required. */
  personAgrees: boolean;
}

const invalid = (field: string, key: string, vars?: Record<string, number>) => new ReferralRefused("invalid", key, field, vars);

function required(value: string | undefined, field: string, max: number): string {
  const v = (value ?? "").trim();
  if (!v) throw invalid(field, "referral.error.required");
  if (v.length > max) throw invalid(field, "referral.error.tooLong", { max });
  return v;
}

/** Files a referral in from a partner member: a card in the team's channel, a receipt to the referrer. */
export async function fileInReferral(tx: Tx, member: Member, d: InDraft, now: Date): Promise<Referral> {
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
  if (!member.active || org.kind !== "PARTNER") throw new ReferralRefused("forbidden", "referral.refused.notPartner");
  const p = new Problems();
  const team = await p.field(async () => {
    const found = isUuid(d.teamOrgId) ? await tx.organisation.findUnique({ where: { id: d.teamOrgId } }) : null;
    if (!found || found.kind !== "COACH_TEAM") throw invalid("team", "referral.error.unknownTeam");
    if (!found.referralChannel) throw invalid("team", "referral.error.teamNoChannel");
    return found;
  });
  const personName = await p.field(() => required(d.personName, "name", LIMITS.name));
  const personContact = await p.field(() => required(d.personContact, "contact", LIMITS.contact));
  const need = await p.field(() => required(d.need, "need", LIMITS.need));
  const wish = (d.wish ?? "").trim();
  if (wish.length > LIMITS.wish) await p.field(() => Promise.reject(invalid("wish", "referral.error.tooLong", { max: LIMITS.wish })));
  if (!isUrgency(d.urgency)) await p.field(() => Promise.reject(invalid("urgency", "referral.error.required")));
  if (!d.personAgrees) await p.field(() => Promise.reject(invalid("agrees", "referral.error.mustAgree")));
  p.done();
  const referral = await tx.referral.create({
    data: {
      direction: "IN",
      fromOrgId: org.id,
      toOrgId: checked(team).id,
      filedByMemberId: member.id,
      personName: checked(personName),
      personContact: checked(personContact),
      need: checked(need),
      wish: wish || null,
      urgency: d.urgency,
      ...initialReferral("IN"),
    },
  });
  const eventId = await noteReferral(tx, referral, "partner.filed", { kind: "PARTNER", id: member.id }, now, { personAgrees: true });
  await audit(tx, { actorKind: "PARTNER", actorId: member.id, action: "referral.filed", referralId: referral.id });
  const vars = { team: checked(team).name, from: org.name, actor: memberLabel(member), name: referral.personName ?? "" };
  await enqueueSlack(
    tx,
    { referralId: referral.id, card: true, dms: [{ memberId: member.id, line: { key: "referral.dm.in.received", vars } }] },
    null,
    `${referral.id}:${eventId}`,
    now,
  );
  return referral;
}

export interface Accepted {
  applied: Applied;
  invite: CreatedInvite;
  coach: Member;
}

/**
 * A team member accepts and assigns a coach of the same team: the person becomes an invited
 * client of that coach. The invite code is returned, never stored: the caller sends the link to
 * the coach directly (only the code's hash is kept, as for every invite).
 */
export async function acceptInReferral(tx: Tx, member: Member, referralId: string, coachId: string, opts: { now: Date; inviteDays: number }): Promise<Accepted> {
  const { referral } = await lockFor(tx, member, referralId, "team.accepted");
  const coach = isUuid(coachId) ? await tx.member.findUnique({ where: { id: coachId } }) : null;
  if (!coach || coach.organisationId !== referral.toOrgId || coach.role !== "COACH" || !coach.active) throw invalid("coach", "referral.error.unknownCoach");
  const accepted = await stepReferral(tx, referral, { type: "team.accepted", coachId }, { kind: "COACH", id: member.id }, opts.now);
  await deliverChange(tx, accepted, memberLabel(member), opts.now);
  const invite = await createClientInvite(tx, { coachId, clientName: referral.personName ?? "", days: opts.inviteDays, now: opts.now });
  const linked = await tx.referral.update({ where: { id: referral.id }, data: { clientId: invite.clientId } });
  const applied = await stepReferral(tx, linked, { type: "system.invited" }, SYSTEM, opts.now);
  await deliverChange(tx, applied, memberLabel(coach), opts.now);
  return { applied, invite, coach };
}

/** The assigned coach asks for a new link (the person lost it or it expired); older links stop working. */
export async function reinvite(tx: Tx, member: Member, referralId: string, opts: { now: Date; inviteDays: number }): Promise<Accepted> {
  const applied = await act(tx, member, referralId, { type: "team.reinvited" }, opts.now);
  const clientId = applied.referral.clientId ?? "";
  const invite = await issueInvite(tx, { clientId, coachId: member.id, days: opts.inviteDays, now: opts.now });
  return { applied, invite, coach: member };
}

async function openInReferral(tx: Tx, clientId: string): Promise<Referral | null> {
  const found = await tx.referral.findFirst({ where: { clientId, direction: "IN" }, orderBy: { createdAt: "desc" } });
  const referral = found ? await lockReferral(tx, found.id) : null;
  return referral && stateOf(referral) === "invited" ? referral : null;
}

/** The engine linked a chat to a client: when the client came from a referral in, that is the first contact. */
export async function referralClientLinked(tx: Tx, client: Client, now: Date): Promise<void> {
  const referral = await openInReferral(tx, client.id);
  if (!referral) return;
  const applied = await stepReferral(tx, referral, { type: "system.contactMade" }, SYSTEM, now);
  await deliverChange(tx, applied, "", now);
}

/**
 * Someone who already is a client opened the invite link of a referral in. No second client: the
 * referral now points at the existing client, the unused invited client is removed, and the team
 * hears that the person was already known (with the coach's name only within the same team).
 */
export async function referralKnownClientStarted(tx: Tx, existing: Client, code: string, now: Date): Promise<boolean> {
  if (!looksLikeInviteCode(code)) return false;
  const invite = await tx.invite.findUnique({ where: { codeHash: hashInviteCode(code) }, include: { client: true } });
  if (!invite || invite.usedAt || invite.expiresAt <= now || invite.client.telegramChatId !== null || invite.clientId === existing.id) return false;
  const referral = await openInReferral(tx, invite.clientId);
  if (!referral) return false;
  const repointed = await tx.referral.update({ where: { id: referral.id }, data: { clientId: existing.id } });
  await tx.client.delete({ where: { id: invite.clientId } });
  await audit(tx, { actorKind: "SYSTEM", action: "client.duplicateRemoved", clientId: existing.id, referralId: referral.id, detail: { removedClientId: invite.clientId } });
  const applied = await stepReferral(tx, repointed, { type: "system.contactMade" }, SYSTEM, now);
  await deliverChange(tx, applied, "", now);
  const coach = await tx.member.findUniqueOrThrow({ where: { id: existing.coachId } });
  const sameTeam = coach.organisationId === referral.toOrgId;
  const vars = { coach: sameTeam ? memberLabel(coach) : "", team: "", from: "", partner: "", client: "", actor: "" };
  const eventId = await noteReferral(tx, repointed, "system.alreadyClient", SYSTEM, now, { sameTeam });
  await enqueueSlack(
    tx,
    { referralId: referral.id, card: true, thread: { key: sameTeam ? "referral.thread.alreadyClient" : "referral.thread.alreadyClientOtherTeam", vars }, dms: [] },
    null,
    `${referral.id}:${eventId}`,
    now,
  );
  return true;
}
