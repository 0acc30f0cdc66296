/**
 * What a professional sees of referrals in the App Home (src/domain/referrals/overview.ts), on
 * the embedded database: a coach their own clients' referrals; a partner only what was sent to
 * their organisation after the client's consent, named only while the client shares the name;
 * a referrer the referrals its organisation filed; another organisation nothing. Each referral
 * shown is audited with why it was shown.
 */
import { describe, expect, it } from "vitest";
import { referralOverview } from "../../../src/domain/referrals/overview.js";
import type { Member } from "../../../src/generated/prisma/client.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { consentedOut, inDraft, outDraft, referralWorld } from "../referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const overviewOf = (member: Member) => file.db.prisma.$transaction((tx) => referralOverview(tx, member));
const whats = (lines: { what: string }[]) => lines.map((l) => l.what);
const viewed = (member: Member) => file.db.prisma.auditEvent.findMany({ where: { actorId: member.id, action: "referral.viewed" }, orderBy: { id: "asc" } });

describe("referralOverview", () => {
  it("a referral out the client agreed to: the coach sees it as their client's (a colleague does not), the partner by the shared name, another partner nothing", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const coach = await overviewOf(w.coach);
    expect(coach.mine).toEqual([expect.objectContaining({ referralId: id, direction: "OUT", what: `Samira → ${w.partner.name}`, state: "sent" })]);
    expect([coach.incoming, coach.filed, coach.org]).toEqual([[], [], w.team.name]);
    expect((await overviewOf(w.colleague)).mine).toEqual([]);
    const partner = await overviewOf(w.partnerMember);
    expect(partner.incoming).toEqual([expect.objectContaining({ referralId: id, what: "Samira", state: "sent" })]);
    expect([partner.mine, partner.filed]).toEqual([[], []]);
    const other = await overviewOf(w.otherMember);
    expect([other.mine, other.incoming, other.filed]).toEqual([[], [], []]);
    expect(await viewed(w.otherMember)).toEqual([]);
  });

  it("the partner sees nothing while the client has not agreed, and a number instead of the name when the name was not shared", async () => {
    const w = await referralWorld(file.db);
    await w.service.fileOut(w.coach, outDraft(w));
    expect((await overviewOf(w.partnerMember)).incoming).toEqual([]);
    expect(whats((await overviewOf(w.coach)).mine)).toEqual([`Samira → ${w.partner.name}`]);
    const w2 = await referralWorld(file.db);
    const id = await consentedOut(w2, { items: ["phone", "goal"] });
    expect(whats((await overviewOf(w2.partnerMember)).incoming)).toEqual([`#${id.slice(0, 8)}`]);
  });

  it("once the client takes consent back the partner keeps the line, without the name", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await file.db.prisma.referral.update({ where: { id }, data: { consentWithdrawnAt: new Date() } });
    expect(whats((await overviewOf(w.partnerMember)).incoming)).toEqual([`#${id.slice(0, 8)}`]);
  });

  it("a referral in: the team's coaches see the person, the referring partner sees it as filed, the other partner nothing", async () => {
    const w = await referralWorld(file.db);
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    expect((await overviewOf(w.colleague)).incoming).toEqual([expect.objectContaining({ referralId: referral.id, direction: "IN", what: "Jan de Vries" })]);
    const referrer = await overviewOf(w.partnerBackup);
    expect([whats(referrer.filed), referrer.incoming]).toEqual([[`Jan de Vries → ${w.team.name}`], []]);
    const other = await overviewOf(w.otherMember);
    expect([other.filed, other.incoming]).toEqual([[], []]);
  });

  it("each referral shown is audited once, with why: the coach's own client, consented, referred in, filed", async () => {
    const w = await referralWorld(file.db);
    const out = await consentedOut(w);
    const filedIn = await w.service.fileIn(w.partnerMember, inDraft(w));
    await overviewOf(w.coach);
    await overviewOf(w.partnerMember);
    const why = async (m: Member) => (await viewed(m)).map((r) => [r.referralId, (r.detail as { why: string }).why, r.actorKind]);
    expect(await why(w.coach)).toEqual([[filedIn.id, "referredIn", "COACH"], [out, "caseload", "COACH"]]);
    expect(await why(w.partnerMember)).toEqual([[filedIn.id, "filed", "PARTNER"], [out, "consented", "PARTNER"]]);
  });
});
