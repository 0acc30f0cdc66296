/**
 * Consent per purpose (src/domain/consent.ts) on the embedded database: the state of each purpose
 * is its last record (sharing with the coach is on until taken back), a referral is a purpose
 * only while it shares something and is open; taking a purpose back stops that use, is recorded
 * and audited; only keeping answers and sharing with the coach can be given again with one tap.
 */
import { describe, expect, it } from "vitest";
import type { Tx } from "../../src/db/client.js";
import { consentStates, givePurpose, notSharingWithCoach, purposeStates, sharesWithCoach, withdrawPurpose, PURPOSE_TEXT_VERSION } from "../../src/domain/consent.js";
import type { Client } from "../../src/generated/prisma/client.js";
import { onboardedClient } from "../support/coaching.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { buttonData, consentedOut, message, outDraft, referralWorld, slackJobs, telegramFor } from "./referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const NOW = new Date("2027-03-12T10:00:00.000Z");
let chat = 910_000;

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => file.db.prisma.$transaction(fn);
const clientRow = (id: string) => file.db.prisma.client.findUniqueOrThrow({ where: { id } });
const states = async (id: string) => (await inTx(async (tx) => purposeStates(tx, await tx.client.findUniqueOrThrow({ where: { id } })))).map((p) => [p.subject, p.on]);
const change = (fn: typeof withdrawPurpose, client: Client, subject: string, now = NOW) => inTx((tx) => fn(tx, client, subject, now));

describe("purposeStates", () => {
  it("after onboarding: answers kept, shared with the coach (never asked: no date), reminders as the client chose", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat, reminders: { daypart: "morning", everyDays: 7 } });
    const client = await clientRow(c.clientId);
    const got = await inTx((tx) => purposeStates(tx, client));
    expect(got.map((p) => [p.subject, p.kind, p.on])).toEqual([
      ["data", "data", true],
      ["coach", "coach", true],
      ["reminders", "reminders", true],
    ]);
    expect(got[1]?.at).toBeNull();
    expect(got[0]?.at).toBeInstanceOf(Date);
  });

  it("a client who never agreed to keep answers has that purpose off; reminders off when not wanted", async () => {
    const w = await referralWorld(file.db);
    expect(await states(w.client.id)).toEqual([["data", false], ["coach", true], ["reminders", false]]);
  });

  it("a referral is a purpose once the client shared something with the partner, with the partner's name; not while it only waits for consent", async () => {
    const w = await referralWorld(file.db);
    const { referral } = await w.service.fileOut(w.coach, outDraft(w));
    expect((await states(w.client.id)).map(([s]) => s)).toEqual(["data", "coach", "reminders"]);
    await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(file.db, w.client.id), "yes") }));
    const id = referral.id;
    const got = await inTx((tx) => purposeStates(tx, w.client));
    expect(got.find((p) => p.subject === `referral:${id}`)).toMatchObject({ kind: "referral", on: true, partner: w.partner.name });
  });
});

describe("withdrawPurpose", () => {
  it("sharing with the coach: recorded as WITHDRAWN with the /toestemming text, audited, and the coach's lists hide it", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat });
    const other = await onboardedClient(file.db, { chatId: ++chat });
    const client = await clientRow(c.clientId);
    expect(await change(withdrawPurpose, client, "coach")).toBe("withdrawn");
    const last = await file.db.prisma.consentRecord.findFirstOrThrow({ where: { clientId: c.clientId, subject: "coach" }, orderBy: { at: "desc" } });
    expect([last.decision, last.textVersion, last.at.toISOString()]).toEqual(["WITHDRAWN", PURPOSE_TEXT_VERSION, NOW.toISOString()]);
    const audited = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { clientId: c.clientId, action: "consent.withdrawn" } });
    expect(audited).toMatchObject({ actorKind: "CLIENT", actorId: c.clientId, detail: { purpose: "coach", via: "telegram" } });
    expect(await inTx((tx) => sharesWithCoach(tx, c.clientId))).toBe(false);
    expect(await inTx((tx) => sharesWithCoach(tx, other.clientId))).toBe(true);
    expect([...(await inTx((tx) => notSharingWithCoach(tx, [c.clientId, other.clientId])))]).toEqual([c.clientId]);
    expect((await inTx((tx) => notSharingWithCoach(tx, []))).size).toBe(0);
  });

  it("a purpose already off is unchanged, a subject that is no purpose is unknown: nothing recorded, nothing audited", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat });
    const client = await clientRow(c.clientId);
    const before = await file.db.prisma.consentRecord.count({ where: { clientId: c.clientId } });
    expect(await change(withdrawPurpose, client, "reminders")).toBe("unchanged");
    expect(await change(withdrawPurpose, client, "referral:00000000-0000-4000-8000-000000000000")).toBe("unknown");
    expect(await change(withdrawPurpose, client, "aftercare")).toBe("unknown");
    expect(await file.db.prisma.consentRecord.count({ where: { clientId: c.clientId } })).toBe(before);
    expect(await file.db.prisma.auditEvent.count({ where: { clientId: c.clientId, action: "consent.withdrawn" } })).toBe(0);
  });

  it("reminders: turned off on the client, and planned reminders cancelled", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat, reminders: { daypart: "evening", everyDays: 7 } });
    const client = await clientRow(c.clientId);
    expect(await change(withdrawPurpose, client, "reminders")).toBe("withdrawn");
    expect((await clientRow(c.clientId)).remindersWanted).toBe(false);
    expect(await file.db.prisma.job.count({ where: { clientId: c.clientId, kind: { startsWith: "reminder" }, status: "PENDING" } })).toBe(0);
    expect(await states(c.clientId)).toContainEqual(["reminders", false]);
  });

  it("a referral: its share is withdrawn, the partner is told in Slack, and it is no longer a purpose", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    const before = (await slackJobs(file.db, id)).length;
    expect(await change(withdrawPurpose, w.client, `referral:${id}`)).toBe("withdrawn");
    expect((await file.db.prisma.referral.findUniqueOrThrow({ where: { id } })).consentWithdrawnAt).not.toBeNull();
    expect((await slackJobs(file.db, id)).length).toBeGreaterThan(before);
    expect((await states(w.client.id)).map(([s]) => s)).not.toContain(`referral:${id}`);
    expect(await file.db.prisma.auditEvent.findFirst({ where: { clientId: w.client.id, action: "consent.withdrawn" } })).toMatchObject({ detail: { purpose: "referral" } });
  });
});

describe("givePurpose", () => {
  it("sharing with the coach given again after it was taken back, and audited; a second give is unchanged", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat });
    const client = await clientRow(c.clientId);
    await change(withdrawPurpose, client, "coach");
    expect(await change(givePurpose, client, "coach", new Date(NOW.getTime() + 60_000))).toBe("given");
    expect(await inTx((tx) => sharesWithCoach(tx, c.clientId))).toBe(true);
    expect(await file.db.prisma.auditEvent.count({ where: { clientId: c.clientId, action: "consent.given" } })).toBe(1);
    expect(await change(givePurpose, client, "coach", new Date(NOW.getTime() + 120_000))).toBe("unchanged");
  });

  it("reminders and referrals are never given with one tap", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    expect(await change(givePurpose, w.client, "reminders")).toBe("unknown");
    expect(await change(givePurpose, w.client, `referral:${id}`)).toBe("unknown");
    expect((await clientRow(w.client.id)).remindersWanted).not.toBe(true);
  });
});

describe("consentStates", () => {
  it("every decision oldest first, with its kind, and the partner's name on a referral's", async () => {
    const w = await referralWorld(file.db);
    const id = await consentedOut(w);
    await change(withdrawPurpose, w.client, `referral:${id}`, new Date("2030-01-01T00:00:00.000Z"));
    await file.db.prisma.consentRecord.create({ data: { clientId: w.client.id, subject: "aftercare", textVersion: "x@1", decision: "GIVEN", at: new Date("2030-02-01T00:00:00.000Z") } });
    const lines = await inTx((tx) => consentStates(tx, w.client));
    expect(lines.map((l) => [l.kind, l.decision, l.partner])).toEqual([
      ["referral", "GIVEN", w.partner.name],
      ["referral", "WITHDRAWN", w.partner.name],
      ["other", "GIVEN", ""],
    ]);
  });
});
