/**
 * Who may do what to a referral (src/domain/referrals/access.ts), on the embedded database: the
 * receiving partner acts on a referral out, only the client's own coach cancels it, the
 * receiving team on a referral in and the referring organisation answers for its own; an
 * unknown id, an inactive member or an event no professional sends is refused. An action is
 * saved with its history and audit row, a planned appointment becomes the client's own, and a
 * refused attempt is audited without trusting a forged id.
 */
import { describe, expect, it } from "vitest";
import type { ReferralEventType } from "../../../flows/referral/index.js";
import { act, actorOf, auditRefusal, lockFor } from "../../../src/domain/referrals/access.js";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import type { Member } from "../../../src/generated/prisma/client.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { consentedOut, inDraft, referralWorld, type ReferralWorld } from "../referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const NOW = new Date("2027-03-10T09:00:00.000Z");

/** Why `lockFor` refuses this member this event, or "allowed". */
async function may(member: Member, referralId: string, type: ReferralEventType): Promise<string> {
  try {
    await file.db.prisma.$transaction((tx) => lockFor(tx, member, referralId, type));
    return "allowed";
  } catch (err) {
    if (err instanceof ReferralRefused) return err.reason;
    throw err;
  }
}

/** Of everyone in the world (and an admin of the team, and a coach of another team), who may send each of these events. */
async function allowed(w: ReferralWorld, referralId: string, types: ReferralEventType[]): Promise<Record<string, string[]>> {
  const p = file.db.prisma;
  const admin = await p.member.create({ data: { organisationId: w.team.id, name: "Beheer", role: "ADMIN" } });
  const elsewhere = await p.organisation.create({ data: { kind: "COACH_TEAM", name: `Coachteam Zuid ${w.team.id}` } });
  const stranger = await p.member.create({ data: { organisationId: elsewhere.id, name: "Karim", role: "COACH" } });
  const everyone = [w.coach, w.colleague, admin, stranger, w.partnerMember, w.partnerBackup, w.otherMember];
  const out: Record<string, string[]> = {};
  for (const type of types) {
    out[type] = [];
    for (const m of everyone) if ((await may(m, referralId, type)) === "allowed") out[type].push(m.name);
  }
  return out;
}

describe("lockFor", () => {
  it("a referral out: its partner's members act on it, only the client's own coach cancels it", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    expect(await allowed(w, id, ["partner.accepted", "partner.received", "coach.cancelled", "system.consentAsked", "team.accepted"])).toEqual({
      "partner.accepted": ["Petra", "Bas"],
      "partner.received": ["Petra", "Bas"],
      "coach.cancelled": ["Ahmed"],
      "system.consentAsked": ["Ahmed"],
      "team.accepted": [],
    });
  });

  it("an inactive member may not act", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const inactive = await file.db.prisma.member.update({ where: { id: w.partnerBackup.id }, data: { active: false } });
    expect(await may(inactive, id, "partner.accepted")).toBe("forbidden");
  });

  it("events only the client or the system sends, and names that are no event, are nobody's", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const types = ["client.consented", "client.withdrewConsent", "system.sent", "constructor", "toString"] as ReferralEventType[];
    expect(await allowed(w, id, types)).toEqual(Object.fromEntries(types.map((t) => [t, []])));
  });

  it("a referral in: the receiving team's coaches accept it, the referring organisation answers and withdraws it, only the filer enters it in error", async () => {
    const w = await referralWorld(file.db);
    const { id } = await w.service.fileIn(w.partnerMember, inDraft(w));
    // Before a coach accepted it there is no client, so nobody is "the client's coach" yet.
    expect(await allowed(w, id, ["team.accepted", "partner.withdrew", "partner.answeredInfo", "filer.enteredInError", "team.noContact"])).toEqual({
      "team.accepted": ["Ahmed", "Fleur"],
      "partner.withdrew": ["Petra", "Bas"],
      "partner.answeredInfo": ["Petra", "Bas"],
      "filer.enteredInError": ["Petra"],
      "team.noContact": [],
    });
  });

  it("an id that is no referral is unknown", async () => {
    const w = await referralWorld(file.db);
    expect(await may(w.coach, "00000000-0000-4000-8000-000000000000", "coach.cancelled")).toBe("unknown");
  });
});

describe("act", () => {
  it("the partner accepts, then plans: the state moves on, the history and audit name the member, the appointment is the client's", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const accepted = await file.db.prisma.$transaction((tx) => act(tx, w.partnerMember, id, { type: "partner.accepted" }, NOW));
    expect([accepted.from, accepted.to]).toEqual(["sent", "accepted"]);
    const at = "2027-03-20T13:00:00.000Z";
    await file.db.prisma.$transaction((tx) => act(tx, w.partnerBackup, id, { type: "partner.planned", at, place: "Kantoor Oost" }, NOW));
    expect(stateOf(await file.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).toBe("appointmentPlanned");
    const appointment = await file.db.prisma.appointment.findFirstOrThrow({ where: { referralId: id } });
    expect([appointment.clientId, appointment.at.toISOString(), appointment.place]).toEqual([w.client.id, at, "Kantoor Oost"]);
    const events = await file.db.prisma.referralEvent.findMany({ where: { referralId: id, type: { startsWith: "partner." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorKind, e.actorId])).toEqual([
      ["partner.accepted", "PARTNER", w.partnerMember.id],
      ["partner.planned", "PARTNER", w.partnerBackup.id],
    ]);
    expect(actorOf(w.partnerBackup)).toEqual({ kind: "PARTNER", id: w.partnerBackup.id });
  });

  it("a refused action changes nothing", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await expect(file.db.prisma.$transaction((tx) => act(tx, w.otherMember, id, { type: "partner.accepted" }, NOW))).rejects.toBeInstanceOf(ReferralRefused);
    expect(stateOf(await file.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).toBe("sent");
    expect(await file.db.prisma.referralEvent.count({ where: { referralId: id, type: "partner.accepted" } })).toBe(0);
  });
});

describe("auditRefusal", () => {
  it("a refusal names the member, the referral, what was tried and why", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await file.db.prisma.$transaction((tx) => auditRefusal(tx, w.otherMember, id, "partner.accepted", "forbidden"));
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "referral.refused", actorId: w.otherMember.id } });
    expect(row).toMatchObject({ actorKind: "PARTNER", referralId: id, detail: { what: "partner.accepted", reason: "forbidden" } });
  });

  it("a forged id is kept only as given text, cut short, and a stranger is the system", async () => {
    const forged = `x'; DROP TABLE "Referral"; --${"a".repeat(100)}`;
    await file.db.prisma.$transaction((tx) => auditRefusal(tx, null, forged, "partner.accepted", "unknown"));
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "referral.refused", actorId: null }, orderBy: { id: "desc" } });
    expect([row.actorKind, row.referralId]).toEqual(["SYSTEM", null]);
    expect(row.detail).toEqual({ what: "partner.accepted", reason: "unknown", givenId: forged.slice(0, 64) });
  });
});
