/**
 * What a referral card shows and where it lives (src/domain/referrals/card.ts), on the embedded
 * database: the card's data read in one place, its Slack place saved once, the names of a receipt,
 * and "not in channel" recorded once per channel.
 */
import { describe, expect, it } from "vitest";
import { cardData, cardPlace, firstNotInChannel, loadCard, referralNames, saveCardPlace } from "../../../src/domain/referrals/card.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { consentedOut, inDraft, referralWorld } from "../referrals-world.js";

const file = dbForFile(freshEmbeddedDb);

describe("the referral card's data", () => {
  it("an OUT referral: both organisations, the filer, the client's coach, the partner's contact and backup", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const card = await cardData(file.db, id);
    expect(card.state).toBe("sent");
    expect(card.referral).toMatchObject({ id, direction: "OUT", status: "requested", lifeDomain: "financien", need: "Samira heeft schulden en wil er rust in.", urgency: "soon", coachJoins: true, consentedItems: ["name", "phone", "goal"], slackChannel: null, slackTs: null, consentWithdrawnAt: null });
    expect(card.referral.wishedDate?.toISOString().slice(0, 10)).toBe("2027-03-20");
    expect(card.toOrg).toEqual({ id: w.partner.id, name: w.partner.name, referralChannel: "CPARTNER" });
    expect(card.fromOrg).toEqual({ id: w.team.id, name: w.team.name, referralChannel: "CTEAM" });
    expect(card.filedBy.id).toBe(w.coach.id);
    expect(card.client?.id).toBe(w.client.id);
    expect(card.client?.coach.id).toBe(w.coach.id);
    expect([card.contact?.id, card.backup?.id]).toEqual([w.partnerMember.id, w.partnerBackup.id]);
    expect(card.appointment).toBeNull();
  });

  it("holds only what the card shows: plain values, no other columns of the row", async () => {
    const w = await referralWorld(file.db);
    const card = await cardData(file.db, await consentedOut(w));
    expect(Object.keys(card.referral).sort()).toEqual(
      ["id", "direction", "status", "personName", "personContact", "lifeDomain", "need", "wish", "summary", "urgency", "coachJoins", "wishedDate", "consentedItems", "consentWithdrawnAt", "slackChannel", "slackTs", "updatedAt"].sort(),
    );
    expect(Object.keys(card.toOrg).sort()).toEqual(["id", "name", "referralChannel"]);
  });

  it("shows the latest appointment, once planned and after it is moved", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await w.service.act(w.partnerMember, id, { type: "partner.accepted" });
    await w.service.act(w.partnerMember, id, { type: "partner.planned", at: "2027-03-20T13:30:00.000Z", place: "Buurthuis" });
    expect((await cardData(file.db, id)).appointment).toEqual({ at: new Date("2027-03-20T13:30:00.000Z"), place: "Buurthuis" });
    await w.service.act(w.partnerMember, id, { type: "partner.planned", at: "2027-03-22T08:00:00.000Z", place: "Kantoor" });
    const card = await cardData(file.db, id);
    expect(card.appointment).toEqual({ at: new Date("2027-03-22T08:00:00.000Z"), place: "Kantoor" });
    expect(card.state).toBe("appointmentPlanned");
  });

  it("an IN referral: no client yet, the partner who filed it, and a team without contact or backup", async () => {
    const w = await referralWorld(file.db);
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    const card = await loadCard(file.db.prisma, referral.id);
    expect([card.state, card.referral.direction, card.referral.personName]).toEqual(["filed", "IN", "Jan de Vries"]);
    expect(card.client).toBeNull();
    expect(card.filedBy.id).toBe(w.partnerMember.id);
    expect(card.toOrg.id).toBe(w.team.id);
    expect([card.contact, card.backup]).toEqual([null, null]);
  });

  it("a referral that does not exist is an error, not an empty card", async () => {
    await expect(cardData(file.db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow();
  });
});

describe("where the card lives", () => {
  it("has no place until it is posted; the first job to save one wins", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    expect(await cardPlace(file.db, id)).toMatchObject({ channel: null, ts: null });
    expect(await saveCardPlace(file.db, id, { channel: "CPARTNER", ts: "1700000000.0001" })).toBe(true);
    expect(await saveCardPlace(file.db, id, { channel: "COTHER", ts: "1700000000.0002" })).toBe(false);
    const place = await cardPlace(file.db, id);
    expect([place.channel, place.ts]).toEqual(["CPARTNER", "1700000000.0001"]);
    expect(place.updatedAt).toBeInstanceOf(Date);
  });

  it("saving the place of a referral that does not exist saves nothing", async () => {
    expect(await saveCardPlace(file.db, "00000000-0000-4000-8000-000000000001", { channel: "C1", ts: "1" })).toBe(false);
  });
});

describe("referralNames", () => {
  it("names the client and the receiving organisation; an IN referral has no client yet", async () => {
    const w = await referralWorld(file.db);
    expect(await referralNames(file.db, await consentedOut(w))).toEqual({ client: "Samira", toOrg: w.partner.name });
    const filedIn = await w.service.fileIn(w.partnerMember, inDraft(w));
    expect(await referralNames(file.db, filedIn.id)).toEqual({ client: null, toOrg: w.team.name });
  });
});

describe("firstNotInChannel", () => {
  it("records once per channel that Koers may not post there", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const channel = `CNOTIN${Date.now()}`;
    expect(await firstNotInChannel(file.db, { channel, orgId: w.partner.id, referralId: id })).toBe(true);
    expect(await firstNotInChannel(file.db, { channel, orgId: w.partner.id, referralId: id })).toBe(false);
    expect(await firstNotInChannel(file.db, { channel: `${channel}X`, orgId: w.partner.id, referralId: id })).toBe(true);
    const rows = await file.db.prisma.auditEvent.findMany({ where: { action: "slack.notInChannel", referralId: id } });
    expect(rows.map((r) => [r.actorKind, r.detail])).toEqual(
      expect.arrayContaining([
        ["SYSTEM", { orgId: w.partner.id, channel }],
        ["SYSTEM", { orgId: w.partner.id, channel: `${channel}X` }],
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});
