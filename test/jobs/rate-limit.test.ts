import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createSendLimiter, databaseSendLimiter, SHARED_TELEGRAM_LIMITS, TELEGRAM_LIMITS, type LocalSendLimiter } from "../../src/jobs/rate-limit.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, pgSkipReason, type PostgresTestDb, type TestDb, testDataKey } from "../support/db.js";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Sends `n` messages to a chat as fast as the limiter allows; returns when each went (ms after start). */
function drive(limiter: LocalSendLimiter, clock: ReturnType<typeof fakeClock>, chat: string, n: number): number[] {
  const start = clock.now();
  const times: number[] = [];
  while (times.length < n) {
    const wait = limiter.tryTake(chat);
    if (wait === 0) times.push(clock.now() - start);
    else clock.advance(wait);
  }
  return times.map((t) => Math.round(t));
}

describe("the send limiter", () => {
  it("lets a short burst into one chat through, then one message a second", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    expect(drive(limiter, clock, "chat", 6)).toEqual([0, 0, 0, 1000, 2000, 3000]);
    clock.advance(10_000);
    expect(limiter.tryTake("chat")).toBe(0);
  });

  it("keeps the whole bot at 30 messages a second", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    const first = Array.from({ length: 30 }, (_, i) => limiter.tryTake(`chat${i}`));
    expect(first.every((w) => w === 0)).toBe(true);
    expect(Math.round(limiter.tryTake("chat30"))).toBe(33);
    clock.advance(1000);
    const next = Array.from({ length: 31 }, (_, i) => limiter.tryTake(`later${i}`)).filter((w) => w === 0);
    expect(next).toHaveLength(30);
  });

  it("never exceeds either limit over a long run with a fake clock", () => {
    const clock = fakeClock(0);
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    const sends: { t: number; chat: string }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      clock.advance(random() * 10);
      const chat = `c${Math.floor(random() * 40)}`;
      if (limiter.tryTake(chat) === 0) sends.push({ t: clock.now(), chat });
    }
    const countIn = (list: number[], from: number, ms: number) => list.filter((t) => t >= from && t < from + ms).length;
    const all = sends.map((s) => s.t);
    expect(all.length).toBeGreaterThan(1000);
    for (const t of all) expect(countIn(all, t, 1000)).toBeLessThanOrEqual(30 + 29);
    for (const t of all) expect(countIn(all, t, 10_000)).toBeLessThanOrEqual(30 + 300);
    for (const chat of new Set(sends.map((s) => s.chat))) {
      const ts = sends.filter((s) => s.chat === chat).map((s) => s.t);
      for (const t of ts) expect(countIn(ts, t, 999)).toBeLessThanOrEqual(3);
      for (const t of ts) expect(countIn(ts, t, 10_000)).toBeLessThanOrEqual(3 + 10);
    }
  });

  it("waits Telegram's retry_after after a 429, for that chat only", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    limiter.penalise("chat", 7000);
    expect(limiter.tryTake("chat")).toBe(7000);
    expect(limiter.tryTake("other")).toBe(0);
    clock.advance(7000);
    expect(limiter.tryTake("chat")).toBe(0);
  });
});

describe.each([
  ["PGlite", false],
  ["PostgreSQL", true],
] as const)("the send limiter in the database, on %s", (_name, postgres) => {
  const skip = postgres && !pgAvailable();
  /** The time between two of the bot's messages (ms). */
  const STEP = 1000 / SHARED_TELEGRAM_LIMITS.global.perSecond;
  let t: TestDb | undefined;
  const extra: Database[] = [];
  afterEach(async () => {
    for (const db of extra.splice(0)) await db.close();
    await t?.cleanup();
    t = undefined;
  });
  async function fresh(): Promise<TestDb> {
    t = postgres ? await freshPostgresDb() : await freshEmbeddedDb();
    return t;
  }
  /** A limiter whose waits are recorded instead of slept. */
  function recorded(sql: Database["sql"], maxWaitMs = 2000) {
    const waits: number[] = [];
    const limiter = databaseSendLimiter(sql, { maxWaitMs, sleep: async (ms) => void waits.push(ms) });
    return { limiter, waits };
  }

  it.skipIf(skip)(`lets a short burst into one chat through, then asks for a wait of about a second${skip ? ` (skipped: ${pgSkipReason()})` : ""}`, async () => {
    const { db } = await fresh();
    const { limiter, waits } = recorded(db.sql);
    const started = Date.now();
    expect([await limiter.tryTake("8101"), await limiter.tryTake("8101"), await limiter.tryTake("8101")]).toEqual([0, 0, 0]);
    // The bot's bucket has no burst: a take that came sooner than one step after the one
    // reserved before it waits for its turn (nothing is slept here, so the third may wait two).
    expect(waits.length).toBeLessThanOrEqual(2);
    for (const w of waits) expect(w).toBeLessThanOrEqual(2 * STEP + 0.001);
    const reservedWaits = waits.length;
    const fourth = await limiter.tryTake("8101");
    const elapsed = Date.now() - started;
    expect(fourth).toBeGreaterThan(1000 - elapsed - 2 * STEP);
    expect(fourth).toBeLessThanOrEqual(1000);
    expect(waits).toHaveLength(reservedWaits); // nothing reserved for the chat that must wait
    // Another chat is not held up; the crisis answer skips the chat's pacing.
    expect(await limiter.tryTake("8102")).toBe(0);
    expect(await limiter.tryTake("8101", true)).toBe(0);
    const [bucket] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "TelegramSendBucket"`);
    expect(bucket?.n).toBe(3);
  });

  it.skipIf(skip)("gives a reserved slot up when it woke up too late, and takes the next free one", async () => {
    const { db } = await fresh();
    const waits: number[] = [];
    // A process short of CPU: every sleep ends 150 ms after it should.
    const late = databaseSendLimiter(db.sql, { sleep: (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, ms + 150))) });
    expect(await late.tryTake("first")).toBe(0);
    expect(await late.tryTake("second")).toBe(0);
    // Either the second take waited for its step, woke up late and took a new slot (its chat
    // counts both), or it came a step after the first and did not wait at all.
    const [row] = await db.sql.query<{ ahead: number }>(
      `SELECT tat - extract(epoch FROM clock_timestamp()) * 1000 AS ahead FROM "TelegramSendBucket" WHERE key = 'second'`,
    );
    if (waits.length) expect(row?.ahead).toBeGreaterThan(1500);
    else expect(row?.ahead).toBeLessThanOrEqual(1000);
  });

  it.skipIf(skip)("waits Telegram's retry_after after a 429, for that chat only", async () => {
    const { db } = await fresh();
    const { limiter } = recorded(db.sql);
    await limiter.penalise("8101", 7000);
    expect(await limiter.tryTake("8101")).toBeGreaterThan(6000);
    expect(await limiter.tryTake("8102")).toBe(0);
  });

  it.skipIf(skip)("shares the bot's queue between instances: each send gets its own step, and a long queue takes nothing", async () => {
    const { db } = await fresh();
    // On PostgreSQL a second connection pool, as a second instance has.
    const other = postgres ? await openDatabase({ kind: "postgres", url: (t as PostgresTestDb).url, dataKey: testDataKey() }) : db;
    if (other !== db) extra.push(other);
    const a = recorded(db.sql, 10_000);
    const b = recorded(other.sql, 10_000);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 30 }, async (_, i) => (i % 2 ? a : b).limiter.tryTake(`chat${i}`)));
    const elapsed = Date.now() - started;
    expect(answers.every((w) => w === 0)).toBe(true);
    // 30 sends, one a step: the last one is reserved 29 steps after the first, less the
    // time the takes themselves took. Two limiters that each kept their own queue would reach
    // half of that.
    const longest = Math.max(...a.waits, ...b.waits);
    expect(longest).toBeGreaterThanOrEqual(29 * STEP - elapsed - 1);
    expect(longest).toBeLessThanOrEqual(29 * STEP + 1);
    // With a queue longer than the limiter may wait, nothing is taken.
    const c = recorded(db.sql, 100);
    const wait = await c.limiter.tryTake("late");
    expect(wait).toBeGreaterThan(100);
    expect(c.waits).toEqual([]);
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "TelegramSendBucket" WHERE key = 'late'`);
    expect(row?.n).toBe(0);
  });
});
