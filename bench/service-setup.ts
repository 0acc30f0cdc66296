/**
 * What bench/service.ts and bench/startup.ts share: an embedded PGlite folder with clients in a
 * conversation and jobs scheduled ahead, a Bot API on loopback, and reading a process's memory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChildProcess } from "node:child_process";
import { openDatabase } from "../src/db/client.js";

/** A GROW halfway, as the engine saves it (about 1 kB). */
const SNAPSHOT = JSON.stringify({
  status: "active", value: "reality", historyValue: {}, children: {},
  context: { name: "Samira", coach: "Ahmed", goal: "Ik wil werk vinden voor de zomer, iets met mensen", whenText: "voor de zomer", signText: "dat ik een contract heb", goalHelped: false, step: "", whenKind: "none", whenSaid: "", dueAt: null, helper: "", confidence: null, higher: "", fixing: false },
});

export async function seed(dataDir: string, clients: number, jobs: number): Promise<void> {
  const db = await openDatabase({ kind: "embedded", dataDir });
  try {
    await db.migrate();
    const [team] = await db.sql.query<{ id: string }>(`INSERT INTO "Organisation" (id, kind, name) VALUES (gen_random_uuid(), 'COACH_TEAM', 'bench') RETURNING id::text`);
    const [coach] = await db.sql.query<{ id: string }>(`INSERT INTO "Member" (id, "organisationId", name, role) VALUES (gen_random_uuid(), $1::uuid, 'Ahmed', 'COACH') RETURNING id::text`, [team!.id]);
    for (let from = 1; from <= clients; from += 10_000) {
      const to = Math.min(clients, from + 9_999);
      await db.sql.query(
        `INSERT INTO "Client" (id, name, "coachId", status, "telegramChatId", "lastClientMessageAt", "updatedAt")
         SELECT gen_random_uuid(), 'Client ' || i, $1::uuid, 'ACTIVE', 1000000 + i, now() - (i % 30) * interval '1 day', now() FROM generate_series($2::int, $3::int) AS i`,
        [coach!.id, from, to],
      );
    }
    await db.sql.query(
      `INSERT INTO "FlowRun" (id, "clientId", "flowId", "machineVersion", snapshot, status, turn, prompt, "updatedAt")
       SELECT gen_random_uuid(), id, 'grow', 1, $1::jsonb, 'ACTIVE', 3, '[{"key":"grow.reality.now"}]'::jsonb, now() FROM "Client"`,
      [SNAPSHOT],
    );
    await db.sql.query(
      `INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId", "dueAt")
       SELECT 'telegram.send', jsonb_build_object('chatId', c."telegramChatId"::text, 'language', 'nl', 'sent', 0, 'proactive', true,
           'messages', jsonb_build_array(jsonb_build_object('key', 'grow.reality.now'))),
         'bench:' || gen_random_uuid(), c.id, now() + interval '1 day' + (row_number() OVER ()) * interval '1 second'
       FROM "Client" c LIMIT $1`,
      [jobs],
    );
  } finally {
    await db.close();
  }
}

/** The PGlite folder a benchmark starts from: BENCH_DATA_DIR when set (kept afterwards), else a new one in the temporary folder. */
export function benchDataDir(prefix: string): { dataDir: string; keep: boolean } {
  const keep = process.env.BENCH_DATA_DIR;
  return { dataDir: keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), prefix)), keep: Boolean(keep) };
}

/** Seeds the folder, unless it is a kept one that already holds a database. */
export async function seedUnlessKept(data: { dataDir: string; keep: boolean }, clients: number, jobs: number, print: (line: string) => void): Promise<void> {
  if (data.keep && fs.existsSync(path.join(data.dataDir, "PG_VERSION"))) {
    print(`PGlite folder ${data.dataDir} used as it is`);
    return;
  }
  const t = performance.now();
  await seed(data.dataDir, clients, jobs);
  print(`PGlite folder with ${clients} clients in a conversation and ${jobs} jobs scheduled ahead, made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Removes the folder, unless it is BENCH_DATA_DIR. */
export function removeUnlessKept(data: { dataDir: string; keep: boolean }): void {
  if (!data.keep) fs.rmSync(data.dataDir, { recursive: true, force: true });
}

/** Waits until the service on `port` answers /healthz, at most 120 s from `since` (a performance.now()); throws when `child` (named `name`) exits first. */
export async function untilHealthy(child: ChildProcess, port: number, since: number, name: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (performance.now() - since > 120_000) throw new Error("no /healthz within 120 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A Bot API on loopback: getMe, long polling that holds a second, and ok for the rest. */
export async function fakeTelegram(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res): void => {
    req.resume();
    const method = req.url?.split("/").pop() ?? "";
    const answer = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    if (method === "getMe") return void answer({ id: 42, is_bot: true, first_name: "Koers", username: "koers_bench_bot" });
    if (method === "getUpdates") return void setTimeout(() => answer([]), 1000);
    answer(true);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** The process `npm start` ends up as: its shell `exec`s node, so it is npm's child. */
export function serviceOf(npm: ChildProcess): number | null {
  try {
    if (fs.readFileSync(`/proc/${npm.pid}/cmdline`, "utf8").includes("src/main.js")) return npm.pid ?? null;
    const kids = fs.readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.find((k) => fs.readFileSync(`/proc/${k}/cmdline`, "utf8").includes("src/main.js")) ?? null;
  } catch {
    return null;
  }
}
