/**
 * Several instances on one PostgreSQL: three dispatcher processes share 10,000 due jobs. Claims
 * with FOR UPDATE SKIP LOCKED must give every job to exactly one of them, once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { freshPostgresDb, pgAvailable, pgSkipReason, type PostgresTestDb } from "../support/db.js";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.js";
import { spawnWorker } from "./processes.js";

const JOBS = 10_000;

describe.skipIf(!pgAvailable())(`three instances on one PostgreSQL${pgAvailable() ? "" : ` (skipped: ${pgSkipReason()})`}`, () => {
  let t: PostgresTestDb | undefined;
  let telegram: FakeTelegram | undefined;
  afterEach(async () => {
    await telegram?.close();
    await t?.cleanup();
  });

  it("run each of 10,000 due jobs exactly once", { timeout: 180_000 }, async () => {
    t = await freshPostgresDb();
    telegram = await startFakeTelegram();
    const { db } = t;
    await db.sql.exec(`CREATE TABLE exec_log (job_id bigint NOT NULL, worker text NOT NULL)`);
    await db.sql.query(
      `INSERT INTO "Job" (kind, payload, "idempotencyKey", "dueAt")
       SELECT 'test.count', '{}'::jsonb, 'multi:' || i, now() - interval '1 minute' FROM generate_series(1, $1) AS i`,
      [JOBS],
    );
    const env = { DATABASE_URL: t.url, TELEGRAM_API_ROOT: telegram.apiRoot, BATCH: "50", EXIT_WHEN_IDLE: "1" };
    const workers = [spawnWorker(env), spawnWorker(env), spawnWorker(env)];
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.stderr()).join("\n")).toEqual([0, 0, 0]);

    const [runs] = await db.sql.query<{ total: number; distinct: number; workers: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT job_id)::int AS distinct, count(DISTINCT worker)::int AS workers FROM exec_log`,
    );
    expect(runs).toEqual({ total: JOBS, distinct: JOBS, workers: 3 });
    const [jobs] = await db.sql.query<{ done: number; once: number }>(
      `SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE attempts = 1)::int AS once FROM "Job" WHERE kind = 'test.count'`,
    );
    expect(jobs).toEqual({ done: JOBS, once: JOBS });
  });
});
