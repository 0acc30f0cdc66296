/**
 * /mijngegevens (src/domain/my-data.ts) on the embedded database, one for the file: who looked,
 * one line per person, act and day, professionals only, the client's own coach told apart from
 * others; what went to a partner item by item (nothing before consent); the latest scores; and
 * an export that holds this client's rows and no one else's. The chat texts are checked in
 * test/conversation/my-data.test.ts.
 */
import { describe, expect, it } from "vitest";
import { myDataExport, myDataFile, myDataMessages } from "../../src/domain/my-data.js";
import type { OutMessage } from "../../src/outbox/messages.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { referralWorld } from "./referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;
const NOW = new Date("2027-03-10T09:00:00.000Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function messages(clientId: string): Promise<OutMessage[]> {
  const client = await p().client.findUniqueOrThrow({ where: { id: clientId } });
  return p().$transaction((tx) => myDataMessages(tx, client));
}
const part = (all: OutMessage[], key: string) => all.find((m) => m.key === key)?.lines ?? [];

describe("myDataMessages", () => {
  it("who looked: professionals only, once per person, act and day; the own coach, others with their organisation, the CLI", async () => {
    const w = await referralWorld(file.db);
    const id = w.client.id;
    const look = (actorKind: "COACH" | "PARTNER" | "ADMIN" | "CLIENT" | "SYSTEM", actorId: string | null, action: string, minutes: number) =>
      p().auditEvent.create({ data: { actorKind, actorId, action, clientId: id, at: at(minutes) } });
    await look("COACH", w.coach.id, "clientFile.viewed", 0);
    await look("COACH", w.coach.id, "clientFile.viewed", 5);
    await look("COACH", w.colleague.id, "clientFile.viewed", 10);
    await look("ADMIN", null, "client.exported", 20);
    await look("CLIENT", id, "client.ownDataViewed", 30);
    await look("SYSTEM", null, "retention.deleted", 40);
    await look("COACH", w.coach.id, "clientFile.viewed", 24 * 60);
    const lines = part(await messages(id), "myData.looked.title");
    expect(lines).toEqual([
      { key: "myData.looked.file", vars: { kind: "coach", who: "Ahmed", org: w.team.name, date: at(0).toISOString() } },
      { key: "myData.looked.file", vars: { kind: "other", who: "Fleur", org: w.team.name, date: at(10).toISOString() } },
      { key: "myData.looked.other", vars: { kind: "admin", who: "", org: "", date: at(20).toISOString() } },
      { key: "myData.looked.file", vars: { kind: "coach", who: "Ahmed", org: w.team.name, date: at(24 * 60).toISOString() } },
    ]);
  });

  it("a look at one of the client's referrals counts too; only the fifteen latest lines are shown", async () => {
    const w = await referralWorld(file.db);
    const referral = await p().referral.create({
      data: { direction: "OUT", clientId: w.client.id, fromOrgId: w.team.id, toOrgId: w.partner.id, filedByMemberId: w.coach.id, status: "on-hold", machineVersion: 1, snapshot: {}, need: "Schulden" },
    });
    for (let day = 0; day < 20; day++) {
      await p().auditEvent.create({ data: { actorKind: "PARTNER", actorId: w.partnerMember.id, action: "referral.viewed", referralId: referral.id, at: at(day * 24 * 60) } });
    }
    const lines = part(await messages(w.client.id), "myData.looked.title");
    expect(lines).toHaveLength(15);
    expect(lines[0]).toEqual({ key: "myData.looked.referralViewed", vars: { kind: "other", who: "Petra", org: w.partner.name, date: at(5 * 24 * 60).toISOString() } });
    expect(lines.at(-1)?.vars?.date).toBe(at(19 * 24 * 60).toISOString());
  });

  it("what was shared: nothing before consent, each agreed item with its value, the withdrawal, and who referred the client in", async () => {
    const w = await referralWorld(file.db);
    const base = { clientId: w.client.id, filedByMemberId: w.coach.id, status: "requested", machineVersion: 1, snapshot: {}, need: "Schulden" };
    await p().referral.create({ data: { ...base, direction: "IN", fromOrgId: w.otherPartner.id, toOrgId: w.team.id, createdAt: at(0) } });
    await p().referral.create({ data: { ...base, direction: "OUT", fromOrgId: w.team.id, toOrgId: w.otherPartner.id, proposedItems: ["name"], createdAt: at(1) } });
    await p().referral.create({
      data: { ...base, direction: "OUT", fromOrgId: w.team.id, toOrgId: w.partner.id, personName: "Samira", personContact: "06 1234 5678", wish: "Rust", proposedItems: ["name", "phone", "goal", "summary"], consentedItems: ["name", "phone"], consentWithdrawnAt: at(60), createdAt: at(2) },
    });
    expect(part(await messages(w.client.id), "myData.shared.title")).toEqual([
      { key: "myData.shared.in", vars: { partner: w.otherPartner.name, date: at(0).toISOString() } },
      { key: "myData.shared.nothing", vars: { partner: w.otherPartner.name, date: at(1).toISOString() } },
      { key: "myData.shared.out", vars: { partner: w.partner.name, date: at(2).toISOString() } },
      { key: "myData.shared.item", vars: { item: "name", value: "Samira", coach: "Ahmed" } },
      { key: "myData.shared.item", vars: { item: "phone", value: "06 1234 5678", coach: "Ahmed" } },
      { key: "myData.shared.withdrawn", vars: { date: at(60).toISOString() } },
    ]);
  });

  it("the ten latest scores of each kind, in the order of the kinds; the audit row is the client's own", async () => {
    const w = await referralWorld(file.db);
    const id = w.client.id;
    for (let i = 0; i < 12; i++) await p().scaleScore.create({ data: { clientId: id, kind: "WELLBEING", score: i % 11, at: at(i) } });
    await p().scaleScore.create({ data: { clientId: id, kind: "MOTIVATION", score: 8, at: at(100) } });
    const all = await messages(id);
    expect(part(all, "myData.scores.title")).toEqual([
      { key: "overview.score.MOTIVATION", vars: { scores: "8" } },
      { key: "overview.score.WELLBEING", vars: { scores: "2 → 3 → 4 → 5 → 6 → 7 → 8 → 9 → 10 → 0" } },
    ]);
    expect(all.at(-1)).toEqual({ key: "myData.end", buttons: [[{ label: "myData.fileButton", data: "d:file" }]] });
    const audit = await p().auditEvent.findFirstOrThrow({ where: { clientId: id, action: "client.ownDataViewed" } });
    expect(audit).toMatchObject({ actorKind: "CLIENT", actorId: id, detail: { via: "telegram" } });
  });

  it("a client with nothing yet is told so per subject", async () => {
    const w = await referralWorld(file.db);
    const client = await p().client.create({ data: { name: "Noor", coachId: w.coach.id, status: "ACTIVE", telegramChatId: 820_001n } });
    const all = await messages(client.id);
    for (const [title, empty] of [
      ["myData.consents.title", "myData.consents.none"],
      ["myData.goals.title", "myData.goals.none"],
      ["myData.scores.title", "myData.scores.none"],
      ["myData.reminders.title", "myData.reminders.none"],
      ["myData.shared.title", "myData.shared.none"],
      ["myData.looked.title", "myData.looked.none"],
    ]) {
      expect(part(all, title ?? "")).toEqual([{ key: empty }]);
    }
    expect(part(all, "myData.profile.title").map((l) => l.key)).toEqual(["myData.profile.name", "myData.profile.since", "myData.profile.noReminders"]);
  });
});

describe("myDataExport", () => {
  it("holds this client's rows and no one else's, big integers as strings, the coach by name only", async () => {
    const w = await referralWorld(file.db);
    const other = await p().client.create({ data: { name: "Joost", coachId: w.coach.id, status: "ACTIVE", telegramChatId: 820_002n } });
    for (const clientId of [w.client.id, other.id]) {
      await p().scaleScore.create({ data: { clientId, kind: "COPING", score: 5, note: `notitie ${clientId}` } });
      await p().auditEvent.create({ data: { actorKind: "COACH", actorId: w.coach.id, action: "clientFile.viewed", clientId } });
    }
    const data = await p().$transaction((tx) => myDataExport(tx, w.client.id));
    const text = JSON.stringify(data);
    expect(text).toContain(`notitie ${w.client.id}`);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain("Joost");
    expect(data.coach).toEqual({ name: "Ahmed", team: w.team.name });
    expect((data.client as { telegramChatId: unknown }).telegramChatId).toBe(String(w.chatId));
    expect((data.whoLooked as { id: unknown }[]).every((e) => typeof e.id === "string")).toBe(true);
  });

  it("as a file: named after the day, its caption, and an audit row of the export", async () => {
    const w = await referralWorld(file.db);
    const out = await p().$transaction((tx) => myDataFile(tx, w.client, NOW));
    expect(out.key).toBe("myData.file.caption");
    expect(out.document?.filename).toBe("koers-mijn-gegevens-2027-03-10.json");
    expect(JSON.parse(out.document?.content ?? "{}").client.id).toBe(w.client.id);
    expect(await p().auditEvent.count({ where: { clientId: w.client.id, action: "client.ownDataExported", actorKind: "CLIENT" } })).toBe(1);
  });
});
