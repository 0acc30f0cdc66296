/**
 * Referral shares follow the partner agreement's term: what was shared with a partner (name,
 * contact, need, summary) is erased by the recurring `shares.cleanup` job that many months after
 * the referral ended (Organisation.shareRetentionMonths, else SHARE_RETENTION_MONTHS); a fake
 * clock moves time on. Open referrals and referrals still in their term keep it.
 */
import { describe, expect, it } from "vitest";
import { withdrawConsent } from "../../src/domain/referrals/out.js";
import { recurringJobs } from "../../src/jobs/index.js";
import { silentLogger } from "../../src/log.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";
import { buttonData, message, outDraft, referralWorld, telegramFor } from "../domain/referrals-world.js";

describe("retention of referral shares", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("erases what was shared at the end of each partner's term after the referral ended, and nothing still open", async () => {
    const db = await freshDb();
    let now = new Date("2027-03-10T09:00:00.000Z");
    const w = await referralWorld(db, () => now);
    const share = async (partnerOrgId: string) => {
      const { referral } = await w.service.fileOut(w.coach, outDraft(w, { partnerOrgId, items: ["name", "phone", "summary"], summary: "Samira heeft drie aanmaningen van de energie" }));
      await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(db, w.client.id), "yes") }));
      return referral.id;
    };
    // The first partner's agreement says 3 months; the second has none (the default, 12 here).
    await db.prisma.organisation.update({ where: { id: w.partner.id }, data: { shareRetentionMonths: 3 } });
    const short = await share(w.partner.id);
    const open = await share(w.partner.id);
    const long = await share(w.otherPartner.id);
    // The client takes back two of them (the referral ends); the third stays open.
    for (const id of [short, long]) await db.prisma.$transaction(async (tx) => {
      const client = await tx.client.findUniqueOrThrow({ where: { id: w.client.id } });
      expect(await withdrawConsent(tx, client, id, now)).toBe(true);
    });
    const run = () => recurringJobs(14, 12, 12).find((r) => r.kind === "shares.cleanup")!.run({ db, now: () => now, logger: silentLogger(), savePayload: () => Promise.resolve() });
    const row = (id: string) => db.prisma.referral.findUniqueOrThrow({ where: { id } });

    now = new Date("2027-06-09T09:00:00.000Z"); // just under 3 months
    expect(await run()).toBe(0);
    now = new Date("2027-06-11T09:00:00.000Z"); // 3 months and a day
    expect(await run()).toBe(1);
    const cleared = await row(short);
    expect([cleared.personName, cleared.personContact, cleared.summary, cleared.wish, cleared.need]).toEqual([null, null, null, null, ""]);
    expect(cleared.sharesClearedAt?.toISOString()).toBe(now.toISOString());
    for (const e of await db.prisma.referralEvent.findMany({ where: { referralId: short } })) expect(e.data).toEqual({});
    expect((await row(long)).summary).toBe("Samira heeft drie aanmaningen van de energie");
    expect((await row(open)).personContact).toBe("06 1234 5678");
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "referral.sharesCleared", referralId: short } })).toMatchObject({ actorKind: "SYSTEM", detail: { months: 3 } });

    now = new Date("2028-03-11T09:00:00.000Z"); // the default 12 months for the second partner
    expect(await run()).toBe(1);
    expect((await row(long)).summary).toBeNull();
    // The open referral keeps what it shares, however long it runs; a second run changes nothing.
    expect((await row(open)).personContact).toBe("06 1234 5678");
    expect(await run()).toBe(0);
  });
});
