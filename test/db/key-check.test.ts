/**
 * The service refuses to start when client texts in its database are sealed with a key it does
 * not hold (src/db/key-check.ts). Before, it started, `/healthz` said 200, and every message of
 * every client failed on reading their row: three tries, "Sorry, er ging iets mis", and the
 * update let go. That is what an embedded folder sealed with its own `data-key` does when the
 * service is then started with `KOERS_DATA_KEY`, and a PostgreSQL database with a wrong key.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { startKoers } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { unknownSealingKeys } from "../../src/db/key-check.js";
import { newKeySpec } from "../../src/db/sealed.js";
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from "../jobs/fake-telegram.js";
import { spawnService } from "../jobs/processes.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, testDataKey } from "../support/db.js";
import { memoryLogger } from "../support/service.js";

/** A client with a chosen name, a conversation's state and a queued message: a text, a JSON and a keyed JSON field. */
async function seedSealed(db: Database): Promise<void> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team Zuid" } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Fatima", role: "COACH" } });
  const client = await db.prisma.client.create({ data: { coachId: coach.id, name: "Karin de Vries", callName: "Kaatje", status: "ACTIVE", telegramChatId: 66_001n } });
  await db.prisma.flowRun.create({ data: { clientId: client.id, flowId: "grow", machineVersion: 1, snapshot: { value: "goal" }, data: { goal: "mijn post openmaken" } } });
  await db.prisma.job.create({ data: { kind: "telegram.send", idempotencyKey: "key-check:1", clientId: client.id, payload: { messages: [{ key: "x", vars: { name: "Kaatje" } }], sent: 0 } } });
}

let telegram: FakeTelegram | undefined;
afterAll(async () => {
  await telegram?.close();
});

/** The service's configuration: webhook mode against the fake Bot API. */
async function config(env: Record<string, string>) {
  telegram ??= await startFakeTelegram();
  return parseConfig({ PORT: "0", HOST: "127.0.0.1", TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, PUBLIC_URL: "https://koers.example", TELEGRAM_WEBHOOK_SECRET: "key-check-webhook-secret", ...env });
}

describe("a database sealed with a key the service does not hold", () => {
  it("an embedded folder sealed with its own data-key, started with KOERS_DATA_KEY: refused, naming the key and the file", async () => {
    const t = await freshEmbeddedDb();
    onTestFinished(t.cleanup);
    const folderKey = t.db.keyring.current;
    await seedSealed(t.db);
    expect(await unknownSealingKeys(t.db)).toEqual([]);
    await t.db.close();

    const start = startKoers(await config({ DATA_DIR: t.dataDir, KOERS_DATA_KEY: testDataKey() }), { logger: memoryLogger().logger });
    await expect(start).rejects.toThrow(new RegExp(`encrypted with key "${folderKey}", which KOERS_DATA_KEY \\(which has "test"\\) does not hold`));
    await expect(start).rejects.toThrow(`add the line in ${path.join(t.dataDir, "data-key")} after your key`);
    // The refusal let go of the folder: the next start may take it.
    expect(fs.existsSync(path.join(t.dataDir, "koers.pid"))).toBe(false);

    // With the folder's key listed after the new one, it starts (and the re-seal job moves the rows over).
    const both = `${testDataKey()},${fs.readFileSync(path.join(t.dataDir, "data-key"), "utf8").trim()}`;
    const koers = await startKoers(await config({ DATA_DIR: t.dataDir, KOERS_DATA_KEY: both }), { logger: memoryLogger().logger });
    expect(await unknownSealingKeys(koers.db)).toEqual([]);
    await koers.stop();
  });

  it("the service process says why it does not start, and exits", { timeout: 60_000 }, async () => {
    const t = await freshEmbeddedDb();
    onTestFinished(t.cleanup);
    await seedSealed(t.db);
    await t.db.close();
    const svc = spawnService({ DATA_DIR: t.dataDir, KOERS_DATA_KEY: testDataKey(), NODE_ENV: "production" });
    await expect(svc.port).rejects.toThrow(/the service exited \(1\)/);
    expect(svc.output()).toMatch(/Koers could not start: client texts in the database are encrypted with key "k1"/);
  });

  it("plain rows from before sealing and an empty database are fine", async () => {
    const t = await freshEmbeddedDb();
    onTestFinished(t.cleanup);
    expect(await unknownSealingKeys(t.db)).toEqual([]);
    const team = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team West" } });
    const coach = await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
    // Written with plain SQL, as a row from before sealing: a text that only starts like a sealed one is plain.
    await t.db.sql.query(`INSERT INTO "Client" (id, "coachId", name, "callName", status, "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'Piet', 'k9:v1:nee', 'ACTIVE', now())`, [coach.id]);
    expect(await unknownSealingKeys(t.db)).toEqual([]);
  });

  it.runIf(pgAvailable())("PostgreSQL with the wrong key: refused; with the old key after the new one: starts", async () => {
    const t = await freshPostgresDb();
    onTestFinished(t.cleanup);
    const k1 = newKeySpec("k1");
    const db = await openDatabase({ kind: "postgres", url: t.url, dataKey: k1 });
    await seedSealed(db);
    await db.close();

    const k2 = newKeySpec("k2");
    const wrong = await openDatabase({ kind: "postgres", url: t.url, dataKey: k2 });
    expect(await unknownSealingKeys(wrong)).toEqual(["k1"]);
    await wrong.close();
    await expect(startKoers(await config({ DATABASE_URL: t.url, KOERS_DATA_KEY: k2 }), { logger: memoryLogger().logger })).rejects.toThrow(
      /encrypted with key "k1", which KOERS_DATA_KEY \(which has "k2"\) does not hold.*KOERS_DATA_KEY=k2:<new>,k1:<old>/,
    );
    const koers = await startKoers(await config({ DATABASE_URL: t.url, KOERS_DATA_KEY: `${k2},${k1}` }), { logger: memoryLogger().logger });
    await koers.stop();
  });
});
