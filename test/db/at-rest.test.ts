/**
 * Client words at rest: a realistic conversation through the bot (grammY's real update handling
 * offline, the real engine, outbox and dispatcher) on PostgreSQL, then `pg_dump` of the whole
 * database: no sentence and no name the client typed may be in it. Then a key rotation: the
 * re-seal job moves every sealed value to the new key, in batches, while the data stays readable.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataStatus } from "../../src/cli/data.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { newKeySpec, sealedWith, SEALED_FIELDS } from "../../src/db/sealed.js";
import { resealBatch, staleWhere } from "../../src/jobs/reseal.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { freshPostgresDb, pgAvailable, pgSkipReason, testDataKey, type PostgresTestDb } from "../support/db.js";
import { offlineBot, texts, type OfflineBot } from "../support/offline-bot.js";
import { inviteClient } from "../support/world.js";

const run = promisify(execFile);
const PG_BIN = process.env.KOERS_PG_BIN?.trim() || "/usr/lib/postgresql/15/bin";

async function pgDump(url: string): Promise<string> {
  const { stdout } = await run(path.join(PG_BIN, "pg_dump"), ["--no-owner", "--data-only", url], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** What the client types: every sentence, and the name they want to be called. */
const CALL_NAME = "Jolanda";
const SAID = [
  "Ik wil mijn schulden bij de Belastingdienst op orde krijgen",
  "Het gaat eigenlijk best slecht, ik durf de post niet open te maken",
  "Mijn zus Mirjam helpt me soms met de brieven",
  "Bellen met de schuldhulp of een afspraak bij het wijkteam maken",
  "Het wijkteam, daar ken ik iemand",
  "Ze kennen daar de regels goed",
  "Ik schaam me ervoor dat het zo ver is gekomen",
  "De blauwe enveloppen van deze maand sorteren op datum",
  "Als Mirjam de eerste keer naast me zit",
  "ik wil echt niet meer leven zo met al die rekeningen",
];

describe.skipIf(!pgAvailable())(`client words at rest on PostgreSQL ${pgSkipReason()}`, () => {
  let t: PostgresTestDb;
  let db: Database;
  let ob: OfflineBot;
  let clientId = "";
  const chat = 77_001;

  beforeAll(async () => {
    t = await freshPostgresDb();
    db = t.db;
    ob = offlineBot(db);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const activeRun = () => db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
  const press = async (choice: string) => ob.deliver(callbackUpdate(chat, `k:${(await activeRun()).turn}:${choice}`));
  const say = (text: string) => ob.deliver(textUpdate(chat, text));

  it("after onboarding, a whole GROW and a crisis signal, pg_dump holds none of the client's words", { timeout: 120_000 }, async () => {
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
    clientId = invited.clientId;
    await ob.deliver(commandUpdate(chat, `/start ${invited.code}`));
    await ob.deliver(callbackUpdate(chat, "k:1:yes"));
    expect(texts(await say(CALL_NAME)).join("\n")).toContain(CALL_NAME);
    await press("no");
    await say("hoi");
    await press("grow");
    await say(SAID[0]!);
    await say("voor de zomer");
    // GROW picks its questions from the answers: answer whatever it asks, in the client's words,
    // until it sums the plan up ("Klopt dat?").
    const sentences = [SAID[1]!, SAID[2]!, SAID[3]!, SAID[4]!, SAID[5]!, SAID[6]!, SAID[7]!, SAID[8]!, "mn zus Mirjam"];
    const typed = [SAID[0]!];
    let summary = false;
    let asked = "";
    for (let turn = 0; turn < 16 && !summary; turn++) {
      const answer = /dag|Wanneer/.test(asked) ? "vrijdag" : /zeker|cijfer/.test(asked) ? "zeven" : (sentences.shift() ?? "ja");
      asked = texts(await say(answer)).join("\n");
      typed.push(answer);
      summary = asked.includes("Klopt dat?");
    }
    expect(summary).toBe(true);
    // The summary repeats the client's words: they are in the outbox, sealed.
    await press("yes");
    // Read back through the database edge, the words are all there.
    const goal = await db.prisma.goal.findFirstOrThrow({ where: { clientId }, include: { steps: true } });
    expect(goal.text).toBe(SAID[0]);
    expect(goal.steps.length).toBeGreaterThan(0);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).callName).toBe(CALL_NAME);

    const crisis = await say(SAID[9]!);
    expect(texts(crisis).join("\n")).toContain("113");
    const alert = await db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId }, include: { events: true } });
    expect(alert.messageText).toBe(SAID[9]);

    const dump = await pgDump(t.url);
    expect(dump).toContain("Samira"); // the name the coach gave stays plain, so the dump did work
    for (const words of [...typed, SAID[9]!, CALL_NAME, "Mirjam", "Belastingdienst", "rekeningen"]) expect(dump, words).not.toContain(words);
    // The client's words are there, sealed.
    expect(dump).toMatch(/test:v1:[A-Za-z0-9+/]{16}:/);
    expect(dump).toMatch(/test:j1:[A-Za-z0-9+/]{16}:/);
  });

  it("a new first key: the re-seal job moves everything to it in batches; the old key can then go", { timeout: 120_000 }, async () => {
    // Also an old row in plain text, as before sealing existed: it is read as it is and sealed.
    await db.sql.query(`UPDATE "ScaleScore" SET note = 'oude notitie van vorig jaar' WHERE "clientId" = $1::uuid`, [clientId]);
    await db.sql.query(
      `INSERT INTO "ScaleScore" (id, "clientId", kind, score, note) SELECT gen_random_uuid(), id, 'WELLBEING', 5, 'een oude notitie in platte tekst' FROM "Client" WHERE id = $1::uuid`,
      [clientId],
    );
    const k2 = newKeySpec("k2");
    const rotated = await openDatabase({ kind: "postgres", url: t.url, dataKey: `${k2},${testDataKey()}` });
    try {
      const staleRows = async () => {
        let n = 0;
        for (const model of Object.keys(SEALED_FIELDS)) n += Number((await rotated.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${model}" WHERE ${staleWhere(model, "k2")}`))[0]?.n);
        return n;
      };
      const before = await staleRows();
      expect(before).toBeGreaterThan(10);
      expect(await dataStatus(rotated)).toMatch(new RegExp(`^${before} row\\(s\\) still to encrypt with key "k2"`));
      // Readable with the new ring before anything moved: old key and plain rows.
      expect((await rotated.prisma.goal.findFirstOrThrow({ where: { clientId } })).text).toBe(SAID[0]);
      expect((await rotated.prisma.scaleScore.findFirstOrThrow({ where: { clientId, kind: "WELLBEING" } })).note).toBe("een oude notitie in platte tekst");

      let rounds = 0;
      for (;;) {
        const done = await resealBatch(rotated, 3);
        rounds++;
        if (!Object.keys(done).length) break;
        expect(Math.max(...Object.values(done))).toBeLessThanOrEqual(3);
      }
      expect(rounds).toBeGreaterThan(2);
      expect(await staleRows()).toBe(0);
      expect(await dataStatus(rotated)).toMatch(/^All client texts are encrypted with key "k2"/);
      const dump = await pgDump(t.url);
      expect(dump).not.toMatch(/test:[vj]1:/);
      expect(dump).not.toContain("platte tekst");
      expect(sealedWith((await rotated.sql.query<{ text: string }>(`SELECT text FROM "Goal" WHERE "clientId" = $1::uuid`, [clientId]))[0]?.text)).toBe("k2");
    } finally {
      await rotated.close();
    }
    // Only the new key now: everything opens.
    const onlyNew = await openDatabase({ kind: "postgres", url: t.url, dataKey: k2 });
    try {
      expect((await onlyNew.prisma.goal.findFirstOrThrow({ where: { clientId }, include: { steps: true } })).steps[0]?.what).toBe(SAID[3]);
      expect((await onlyNew.prisma.crisisAlert.findFirstOrThrow({ where: { clientId } })).messageText).toBe(SAID[9]);
      expect((await onlyNew.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).callName).toBe(CALL_NAME);
      const runs = await onlyNew.prisma.flowRun.findMany({ where: { clientId } });
      expect(runs.length).toBeGreaterThan(1);
      for (const r of runs) expect(r.snapshot).toMatchObject({ status: expect.any(String) });
    } finally {
      await onlyNew.close();
    }
    // PostgreSQL without a key is refused.
    await expect(openDatabase({ kind: "postgres", url: t.url })).rejects.toThrow(/KOERS_DATA_KEY is not set/);
  });
});
