/**
 * /mijngegevens through the offline bot: what is kept about the client in plain words, one part
 * per message and each within Telegram's 4096 characters, who looked at it (from the audit log,
 * in sentences, without ids), and "Alles als bestand": the whole file as a JSON document through
 * sendDocument, checked against the database (opened, not sealed). Each look is audited.
 */
import { InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { openClientFile } from "../../src/domain/client-file.js";
import { formatDate } from "../../src/i18n-format.js";
import { callbackUpdate, commandUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type ApiCall, type OfflineBot } from "../support/offline-bot.js";
import { halfwayGrow, onboarded } from "../support/offline-journeys.js";
import { nlText } from "../support/service.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

let chatSeq = 74_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x))) as unknown;

async function coachOpensFile(clientId: string) {
  const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  const coach = await db.prisma.member.findUniqueOrThrow({ where: { id: client.coachId } });
  await db.prisma.$transaction((tx) => openClientFile(tx, { member: coach, clientId, via: "slack.file" }));
}

async function documentOf(calls: ApiCall[]): Promise<{ caption: unknown; filename: string | undefined; json: Record<string, unknown> }> {
  const doc = calls.find((c) => c.method === "sendDocument");
  if (!doc) throw new Error(`no sendDocument in ${calls.map((c) => c.method).join(", ")}`);
  const file = doc.payload.document as InputFile;
  expect(file).toBeInstanceOf(InputFile);
  const raw = (await file.toRaw()) as Uint8Array;
  return { caption: doc.payload.caption, filename: file.filename, json: JSON.parse(Buffer.from(raw).toString("utf8")) as Record<string, unknown> };
}

describe("/mijngegevens", () => {
  it("shows each kind of data in its own message, in plain words with dates, and who looked, without ids", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Ik wil mijn rijbewijs halen", steps: { create: [{ what: "Theorieboek lenen bij de bieb" }] } } });
    await db.prisma.scaleScore.create({ data: { clientId: c.clientId, kind: "CONFIDENCE", score: 6 } });
    await coachOpensFile(c.clientId);
    const today = formatDate(new Date(), "dayMonth", "nl");

    const calls = await ob.deliver(commandUpdate(c.chat, "/mijngegevens"));
    const said = texts(calls);
    expect(said[0]).toBe(nlText("myData.intro"));
    expect(said.length).toBeGreaterThanOrEqual(8);
    for (const t of said) {
      expect(t.length).toBeLessThanOrEqual(4096);
      expect(t).not.toMatch(UUID);
      expect(t).not.toContain("$t(");
      expect(t).not.toContain("{{");
    }
    const all = said.join("\n");
    expect(all).toContain("• Je coach Ahmed kent je als Samira.");
    expect(all).toContain("• Ik noem je Sam.");
    expect(all).toContain(`• ${today}: ja tegen het bewaren van je antwoorden.`);
    expect(all).toContain(`• ${today}: nee tegen herinneringen.`);
    expect(all).toContain("Ik wil mijn rijbewijs halen");
    expect(all).toContain("   – Theorieboek lenen bij de bieb");
    expect(all).toContain("Vertrouwen: 6");
    expect(all).toContain(`Ik bewaar ${await db.prisma.flowAnswer.count({ where: { clientId: c.clientId } })} antwoorden van jou.`);
    expect(all).toContain(`• Je coach Ahmed keek op ${today} naar je doel en je gesprekken.`);
    expect(all).toContain("• Ik deelde niets met anderen.");
    expect(keyboard(calls.at(-1))).toEqual([[[nlText("myData.fileButton"), "d:file"]]]);
    expect(await db.prisma.auditEvent.count({ where: { clientId: c.clientId, action: "client.ownDataViewed", actorKind: "CLIENT" } })).toBe(1);
  });

  it("'Alles als bestand' sends the whole file as JSON, opened, row for row as in the database", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Minder schulden, meer rust", steps: { create: [{ what: "Alle brieven in een map" }] } } });
    await db.prisma.scaleScore.create({ data: { clientId: c.clientId, kind: "WELLBEING", score: 4, note: "slecht geslapen" } });
    await coachOpensFile(c.clientId);
    await ob.deliver(commandUpdate(c.chat, "/mijngegevens"));
    const calls = await ob.deliver(callbackUpdate(c.chat, "d:file"));
    const { caption, filename, json } = await documentOf(calls);
    expect(caption).toBe(nlText("myData.file.caption"));
    expect(filename).toMatch(/^koers-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);

    const p = db.prisma;
    const id = c.clientId;
    expect(json.client).toEqual(plain(await p.client.findUniqueOrThrow({ where: { id } })));
    expect(json.consents).toEqual(plain(await p.consentRecord.findMany({ where: { clientId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] })));
    expect(json.goals).toEqual(plain(await p.goal.findMany({ where: { clientId: id }, orderBy: { createdAt: "asc" }, include: { steps: { orderBy: { createdAt: "asc" } } } })));
    expect(json.scores).toEqual(plain(await p.scaleScore.findMany({ where: { clientId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] })));
    expect(json.answers).toEqual(plain(await p.flowAnswer.findMany({ where: { clientId: id }, orderBy: { id: "asc" } })));
    expect(json.conversations).toEqual(plain(await p.flowRun.findMany({ where: { clientId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })));
    // Opened: what the database holds sealed reads as the client wrote it.
    const text = JSON.stringify(json);
    for (const words of ["Sam", "Minder schulden, meer rust", "Alle brieven in een map", "slecht geslapen", "Ik wil werk", "voor de zomer"]) expect(text).toContain(words);
    const raw = await db.sql.query<{ text: string }>(`SELECT text FROM "Goal" WHERE "clientId" = $1`, [id]);
    expect(raw[0]?.text).not.toContain("schulden");
    // Who looked is in the file too, as the audit log has it.
    expect((json.whoLooked as { action: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(["clientFile.viewed", "client.ownDataViewed"]));
    expect(await p.auditEvent.count({ where: { clientId: id, action: "client.ownDataExported" } })).toBe(1);
  });

  it("a long goal list arrives as several messages, each within 4096 characters, nothing lost", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    const steps = Array.from({ length: 50 }, (_, i) => ({ what: `Stap ${i + 1}: ${"even bellen met de woningbouw over de kapotte verwarming ".repeat(2)}`.trim(), createdAt: new Date(Date.now() - 100_000 + i * 1000) }));
    await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Een warm huis", steps: { create: steps } } });
    const said = texts(await ob.deliver(commandUpdate(c.chat, "/mijngegevens")));
    const parts = said.filter((t) => t.includes("Stap "));
    expect(parts.length).toBeGreaterThan(1);
    for (const t of parts) expect(t.length).toBeLessThanOrEqual(4096);
    for (const s of steps) expect(parts.join("\n")).toContain(s.what);
  });

  it("in English for a client whose chat is in English", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await db.prisma.client.update({ where: { id: c.clientId }, data: { language: "en" } });
    await coachOpensFile(c.clientId);
    const all = texts(await ob.deliver(commandUpdate(c.chat, "/mydata"))).join("\n");
    expect(all).toContain("This is what I keep about you.");
    expect(all).toContain(`• Your coach Ahmed looked at your goal and conversations on ${formatDate(new Date(), "dayMonth", "en")}.`);
  });
});
