/**
 * Dispatcher benchmarks on PostgreSQL, sending stubbed (no Telegram, no limits):
 * 1. throughput: 20,000 due outbox jobs (2,000 clients, 10 each, so per-client ordering is in
 *    play), drained by one and by two dispatchers;
 * 2. lateness at a steady 100 due jobs a second, measured in the handler (run time - due time);
 * 3. memory and claim time with 100,000 jobs scheduled in the future.
 * Numbers are printed, never asserted.
 */
import { randomUUID } from "node:crypto";
import { openDatabase, type Database } from "../src/db/client.js";
import { newKeySpec } from "../src/db/sealed.js";
import { createDispatcher } from "../src/jobs/dispatcher.js";
import { unlimited } from "../src/jobs/rate-limit.js";
import { telegramSendHandler } from "../src/jobs/telegram-send.js";
import type { JobHandlers } from "../src/jobs/types.js";
import { silentLogger } from "../src/log.js";
import { createDatabase } from "../scripts/pg-server.js";

const logger = silentLogger();
const stubSender = { send: async () => undefined };
const outbox: JobHandlers = {
  "telegram.send": telegramSendHandler({ sender: stubSender, limiter: unlimited, onBlocked: async () => undefined }),
};

async function fresh(serverUrl: string): Promise<Database> {
  const db = await openDatabase({ kind: "postgres", url: await createDatabase(serverUrl, `bench_${randomUUID().slice(0, 8)}`), dataKey: newKeySpec() });
  await db.migrate();
  return db;
}

/** Clients (with a coach) to hang jobs on; returns their ids. */
async function clients(db: Database, n: number): Promise<void> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `bench ${randomUUID()}` } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Bench", role: "COACH" } });
  await db.sql.query(
    `INSERT INTO "Client" (id, name, "coachId", status, "telegramChatId", "updatedAt")
     SELECT gen_random_uuid(), 'c' || i, $1, 'ACTIVE', 1000000 + i, now() FROM generate_series(1, $2) AS i`,
    [coach.id, n],
  );
}

async function queueOutbox(db: Database, perClient: number, dueAt: string): Promise<number> {
  const rows = await db.sql.query<{ n: number }>(
    `WITH made AS (
       INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId", "dueAt")
       SELECT 'telegram.send',
         jsonb_build_object('chatId', c."telegramChatId"::text, 'language', 'nl', 'sent', 0,
           'messages', jsonb_build_array(jsonb_build_object('key', 'bench.hello'))),
         'bench:' || gen_random_uuid(), c.id, ${dueAt}
       FROM "Client" c, generate_series(1, $1) AS k
       RETURNING 1)
     SELECT count(*)::int AS n FROM made`,
    [perClient],
  );
  return rows[0]?.n ?? 0;
}

async function throughput(serverUrl: string, instances: number): Promise<string> {
  const db = await fresh(serverUrl);
  try {
    await clients(db, 2000);
    const total = await queueOutbox(db, 10, "now() - interval '1 minute'");
    const dispatchers = Array.from({ length: instances }, () => createDispatcher({ db, handlers: outbox, logger, batchSize: 100 }));
    const start = performance.now();
    const counts = await Promise.all(dispatchers.map((d) => d.drain()));
    const seconds = (performance.now() - start) / 1000;
    const ran = counts.reduce((a, b) => a + b, 0);
    return `throughput, ${instances} dispatcher${instances > 1 ? "s" : ""} on one pool: ${ran}/${total} outbox jobs in ${seconds.toFixed(2)} s = ${Math.round(ran / seconds)} jobs/s`;
  } finally {
    await db.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function lateness(serverUrl: string, seconds: number): Promise<string> {
  const db = await fresh(serverUrl);
  const late: number[] = [];
  const dispatcher = createDispatcher({
    db,
    logger,
    handlers: { "bench.tick": async (job) => void late.push(Date.now() - job.dueAt.getTime()) },
  });
  try {
    dispatcher.start();
    const start = Date.now();
    let queued = 0;
    // Every 100 ms, ten jobs due 10 ms apart, half a second ahead: a steady 100 due jobs a second.
    while (Date.now() - start < seconds * 1000) {
      const base = Date.now() + 500;
      const values = Array.from({ length: 10 }, (_, i) => `('bench.tick', '{}'::jsonb, 'tick:${queued + i}', to_timestamp(${(base + i * 10) / 1000}))`);
      await db.sql.exec(`INSERT INTO "Job" (kind, payload, "idempotencyKey", "dueAt") VALUES ${values.join(",")}`);
      queued += 10;
      await new Promise((r) => setTimeout(r, Math.max(0, start + (queued / 10) * 100 - Date.now())));
    }
    while (late.length < queued) await new Promise((r) => setTimeout(r, 50));
    const sorted = [...late].sort((a, b) => a - b);
    return `lateness at 100 due jobs/s for ${seconds} s (${queued} jobs): p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`;
  } finally {
    await dispatcher.stop();
    await db.close();
  }
}

async function scheduled(serverUrl: string): Promise<string> {
  const db = await fresh(serverUrl);
  try {
    await clients(db, 10_000);
    const total = await queueOutbox(db, 10, "now() + interval '1 day'");
    global.gc?.();
    const before = process.memoryUsage();
    const dispatcher = createDispatcher({ db, handlers: outbox, logger });
    const claims: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await dispatcher.drain();
      claims.push(performance.now() - t);
    }
    global.gc?.();
    const after = process.memoryUsage();
    const [size] = await db.sql.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('"Job"')) AS size`);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const sorted = claims.sort((a, b) => a - b);
    return [
      `${total} jobs scheduled a day ahead: "Job" table ${size?.size} in PostgreSQL;`,
      `  an idle claim over them takes p50 ${percentile(sorted, 50).toFixed(2)} ms; this process: heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, rss ${mb(after.rss)}`,
      `  (the dispatcher holds only the jobs it claimed, never the schedule)`,
    ].join("\n");
  } finally {
    await db.close();
  }
}

/** Runs the dispatcher benchmarks against a PostgreSQL server and prints the numbers. */
export async function benchDispatcher(serverUrl: string, print: (line: string) => void): Promise<void> {
  print(await throughput(serverUrl, 1));
  print(await throughput(serverUrl, 2));
  print(await lateness(serverUrl, Number(process.env.BENCH_LATENESS_SECONDS ?? 20)));
  print(await scheduled(serverUrl));
}
