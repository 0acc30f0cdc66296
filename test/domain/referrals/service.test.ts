/**
 * The referral service the Slack app calls (src/domain/referrals/service.ts), on the embedded
 * database, one for the file: who counts as a member, the pick lists (own clients only, audited;
 * receivers with a channel; a team's active coaches), which refusals are audited (forged choices
 * and access, not a field left empty), a client who cannot be asked now, and the check before a
 * modal opens. The referral journeys are in out.test.ts and in.test.ts.
 */
import { describe, expect, it } from "vitest";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { consentedOut, outDraft, referralWorld } from "../referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;

async function refusal(promise: Promise<unknown>): Promise<ReferralRefused> {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof ReferralRefused)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}
const refusals = (actorId: string) => p().auditEvent.findMany({ where: { action: "referral.refused", actorId }, orderBy: { id: "asc" } });

describe("member", () => {
  it("is the active member behind a well-formed Slack user id, else null", async () => {
    const w = await referralWorld(file.db);
    expect((await w.service.member(w.coach.slackUserId ?? ""))?.id).toBe(w.coach.id);
    await p().member.update({ where: { id: w.colleague.id }, data: { active: false } });
    expect(await w.service.member(w.colleague.slackUserId ?? "")).toBeNull();
    for (const forged of ["", "ucoach", "U' OR 1=1", "U".repeat(33), 42 as unknown as string, "UNOBODY"]) expect(await w.service.member(forged)).toBeNull();
  });
});

describe("caseload", () => {
  it("lists the coach's own active, linked clients by name, capped, filtered, and audits the listing", async () => {
    const w = await referralWorld(file.db);
    const c = w.coach.id;
    await p().client.create({ data: { name: "Bram", coachId: c, status: "ACTIVE", telegramChatId: 810_001n } });
    await p().client.create({ data: { name: "Anna", coachId: c, status: "ACTIVE", telegramChatId: 810_002n } });
    await p().client.create({ data: { name: "Niet gekoppeld", coachId: c, status: "ACTIVE" } });
    await p().client.create({ data: { name: "Gestopt", coachId: c, status: "STOPPED", telegramChatId: 810_003n } });
    await p().client.create({ data: { name: "Van Fleur", coachId: w.colleague.id, status: "ACTIVE", telegramChatId: 810_004n } });
    expect((await w.service.caseload(w.coach)).map((x) => x.name)).toEqual(["Anna", "Bram", "Samira"]);
    expect((await w.service.caseload(w.coach, "  BR ")).map((x) => x.name)).toEqual(["Bram"]);
    expect((await w.service.caseload(w.coach, "", 2)).map((x) => x.name)).toEqual(["Anna", "Bram"]);
    const audits = await p().auditEvent.findMany({ where: { actorId: c, action: "clients.listed" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.detail)).toEqual([3, 1, 2].map((count) => ({ count, for: "referral", why: "caseload" })));
  });

  it("a partner or an inactive coach gets an empty list, and nothing is audited", async () => {
    const w = await referralWorld(file.db);
    expect(await w.service.caseload(w.partnerMember)).toEqual([]);
    expect(await w.service.caseload({ ...w.coach, active: false })).toEqual([]);
    expect(await p().auditEvent.count({ where: { actorId: { in: [w.partnerMember.id, w.coach.id] }, action: "clients.listed" } })).toBe(0);
  });
});

describe("receivers and coachesOf", () => {
  it("receivers are organisations of the kind with a channel; a team's coaches are its active coaches", async () => {
    const w = await referralWorld(file.db);
    await p().organisation.create({ data: { kind: "PARTNER", name: `Zonder kanaal ${w.partner.id}` } });
    const partners = (await w.service.receivers("PARTNER")).map((o) => o.id);
    expect(partners).toEqual(expect.arrayContaining([w.partner.id, w.otherPartner.id]));
    expect((await w.service.receivers("PARTNER", "zonder kanaal")).map((o) => o.name)).toEqual([]);
    expect((await w.service.receivers("COACH_TEAM", w.team.name)).map((o) => o.id)).toEqual([w.team.id]);
    await p().member.create({ data: { organisationId: w.team.id, name: "Oud", role: "COACH", active: false } });
    await p().member.create({ data: { organisationId: w.team.id, name: "Beheer", role: "ADMIN" } });
    expect((await w.service.coachesOf(w.team.id)).map((m) => m.name)).toEqual(["Ahmed", "Fleur"]);
    expect((await w.service.coachesOf(w.team.id, "fl")).map((m) => m.name)).toEqual(["Fleur"]);
    expect(await w.service.coachesOf(w.partner.id)).toEqual([]);
  });
});

describe("refusals", () => {
  it("a field left empty is refused without an audit row; another coach's client (a forged choice) is audited", async () => {
    const w = await referralWorld(file.db);
    const empty = await refusal(w.service.fileOut(w.coach, outDraft(w, { need: "" })));
    expect(empty.reason).toBe("invalid");
    expect(await refusals(w.coach.id)).toEqual([]);
    const forged = await refusal(w.service.fileOut(w.colleague, outDraft(w)));
    expect(forged.problems.map((x) => x.key)).toContain("referral.error.unknownClient");
    const [row] = await refusals(w.colleague.id);
    expect(row?.detail).toMatchObject({ what: "fileOut", reason: "invalid:client" });
    expect(await p().referral.count({ where: { clientId: w.client.id } })).toBe(0);
  });

  it("acting on a referral of another organisation is refused and audited, also for a malformed id", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await refusal(w.service.act(w.otherMember, id, { type: "partner.accepted" }));
    await refusal(w.service.act(w.otherMember, "not-a-uuid", { type: "partner.accepted" }));
    const rows = await refusals(w.otherMember.id);
    expect(rows.map((r) => [r.referralId, (r.detail as { what: string }).what])).toEqual([
      [id, "partner.accepted"],
      [null, "partner.accepted"],
    ]);
    expect((rows[1]?.detail as { givenId?: string }).givenId).toBe("not-a-uuid");
    expect(stateOf(await p().referral.findUniqueOrThrow({ where: { id } }))).toBe("sent");
  });
});

describe("check", () => {
  it("allows what could happen now, refuses what could not, before any modal opens", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await expect(w.service.check(w.partnerMember, id, "partner.rejected")).resolves.toMatchObject({ id });
    const notNow = await refusal(w.service.check(w.partnerMember, id, "partner.completed"));
    expect(notNow.reason).toBe("notNow");
    expect((await refusals(w.partnerMember.id)).map((r) => r.detail)).toEqual([{ what: "partner.completed", reason: "notNow" }]);
    // Nothing changed by checking.
    expect(stateOf(await p().referral.findUniqueOrThrow({ where: { id } }))).toBe("sent");
  });
});

describe("askConsent", () => {
  it("a client who cannot be asked any more (stopped after the referral was filed) leaves it on hold, unasked", async () => {
    const w = await referralWorld(file.db);
    const referral = await w.service.fileOutOnly(w.coach, outDraft(w));
    await p().client.update({ where: { id: w.client.id }, data: { status: "STOPPED" } });
    expect(await w.service.askConsent(referral.id, w.coach.id)).toBe(false);
    const row = await p().referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([stateOf(row), row.status]).toEqual(["filed", "on-hold"]);
    expect(await p().job.count({ where: { clientId: w.client.id, kind: "telegram.send" } })).toBe(0);
  });

  it("the coach may ask again only while the referral waits for the client", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    expect((await refusal(w.service.askAgain(w.coach, id))).reason).toBe("notNow");
  });
});
