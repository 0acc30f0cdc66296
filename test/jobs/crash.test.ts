/**
 * Crash safety of the outbox: a dispatcher process is killed with SIGKILL in the middle of
 * sending, twice, and started again. At the fake Bot API every message arrived at most once
 * (never twice), and every message that did not arrive is one the outbox recorded as
 * `uncertain`: it was in flight at a kill and not sent again on purpose (src/jobs/telegram-send.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, type EmbeddedTestDb, type PostgresTestDb } from "../support/db.js";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.js";
import { spawnWorker, until } from "./processes.js";

const CLIENTS = 60;
const JOBS_PER_CLIENT = 4;
const MESSAGES_PER_JOB = 2;
const KILLS = 2;

async function queue(db: Database): Promise<string[]> {
  const texts: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const chatId = 800_000 + c;
    for (let j = 0; j < JOBS_PER_CLIENT; j++) {
      // A key without a translation renders as itself: a unique text per message.
      const messages = Array.from({ length: MESSAGES_PER_JOB }, (_, m) => ({ key: `crash.c${c}.j${j}.m${m}` }));
      texts.push(...messages.map((m) => m.key));
      const payload: TelegramSendPayload = { chatId: String(chatId), language: "nl", messages, sent: 0 };
      await db.prisma.job.create({ data: { kind: "telegram.send", payload: payload as object, idempotencyKey: `crash:${c}:${j}`, dueAt: new Date(0) } });
    }
  }
  return texts;
}

async function check(db: Database, telegram: FakeTelegram, texts: string[]): Promise<void> {
  const seen = new Map<string, number>();
  for (const d of telegram.deliveries) seen.set(d.text, (seen.get(d.text) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const jobs = await db.prisma.job.findMany({ where: { kind: "telegram.send" } });
  expect(jobs.filter((j) => j.status !== "DONE")).toEqual([]);
  const uncertain = new Set(
    jobs.flatMap((j) => {
      const p = j.payload as unknown as TelegramSendPayload;
      return (p.uncertain ?? []).map((i) => p.messages[i]?.key ?? "");
    }),
  );
  const lost = texts.filter((t) => !seen.has(t));
  expect(lost.filter((t) => !uncertain.has(t))).toEqual([]);
  // At most one message per job can be in flight at a kill, and a batch holds at most 20 jobs.
  expect(uncertain.size).toBeLessThanOrEqual(KILLS * 20);
  expect(seen.size + lost.length).toBe(texts.length);
}

async function killTwiceAndFinish(env: Record<string, string>, telegram: FakeTelegram, total: number): Promise<void> {
  for (let kill = 1; kill <= KILLS; kill++) {
    const w = spawnWorker(env);
    await w.ready;
    const target = Math.floor((total * kill) / (KILLS + 1));
    await until(`${target} deliveries`, () => telegram.deliveries.length >= target);
    w.child.kill("SIGKILL");
    expect(await w.exited).toBe("SIGKILL");
  }
  const last = spawnWorker({ ...env, EXIT_WHEN_IDLE: "1" });
  await last.ready;
  expect(await last.exited, last.stderr()).toBe(0);
}

describe("a dispatcher killed mid-send", () => {
  let telegram: FakeTelegram | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await telegram?.close();
    await cleanup?.();
  });

  it.runIf(pgAvailable())("on PostgreSQL: nothing is sent twice and nothing is lost unnoticed", { timeout: 120_000 }, async () => {
    telegram = await startFakeTelegram({ latencyMs: 15 });
    const t: PostgresTestDb = await freshPostgresDb();
    cleanup = t.cleanup;
    const texts = await queue(t.db);
    await killTwiceAndFinish({ DATABASE_URL: t.url, TELEGRAM_API_ROOT: telegram.apiRoot, LEASE_SECONDS: "1" }, telegram, texts.length);
    await check(t.db, telegram, texts);
  });

  it("on the embedded database: the same", { timeout: 180_000 }, async () => {
    telegram = await startFakeTelegram({ latencyMs: 15 });
    const t: EmbeddedTestDb = await freshEmbeddedDb();
    const texts = await queue(t.db);
    await t.db.close(); // one process at a time on an embedded folder
    cleanup = t.cleanup;
    await killTwiceAndFinish({ DATA_DIR: t.dataDir, TELEGRAM_API_ROOT: telegram.apiRoot, LEASE_SECONDS: "1" }, telegram, texts.length);
    const db = await openDatabase({ kind: "embedded", dataDir: t.dataDir });
    try {
      await check(db, telegram, texts);
    } finally {
      await db.close();
    }
  });
});
