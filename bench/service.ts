/**
 * `npm run bench:service`: start-up and memory of the real service (`npm start`) on an existing
 * embedded PGlite folder.
 *
 * 1. A folder with BENCH_CLIENTS clients (default 100,000), each in a conversation with a saved
 *    snapshot, and BENCH_JOBS jobs scheduled a day ahead (default 100,000) is made once.
 * 2. `npm start` runs on it twice (the first start may still build dist/): the time from spawning
 *    to the first 200 of /healthz, then the process's resident memory (VmRSS, and its peak VmHWM)
 *    over BENCH_SERVICE_SECONDS (default 30) of running, with the dispatcher and the recurring
 *    jobs doing what they do. Telegram is a Bot API answered on loopback here.
 * Prints the numbers and exits 1 when a start took more than 2.5 s or the peak was 200 MB or more.
 *
 * BENCH_STARTS (default 2) starts. BENCH_DATA_DIR keeps the folder (made there when empty, used as
 * it is when it holds a database). BENCH_AGAINST=<folder with src/main.js> (another build, e.g. a
 * copy of dist/ from before a change) alternates its starts with this build's; both then run as
 * `npm start` does (`node scripts/build.mjs && exec node .../src/main.js`, without npm itself).
 * The service logs how long its own parts took ("Koers started", `startup`); they are printed too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/client.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A GROW halfway, as the engine saves it (about 1 kB). */
const SNAPSHOT = JSON.stringify({
  status: "active", value: "reality", historyValue: {}, children: {},
  context: { name: "Samira", coach: "Ahmed", goal: "Ik wil werk vinden voor de zomer, iets met mensen", whenText: "voor de zomer", signText: "dat ik een contract heb", goalHelped: false, step: "", whenKind: "none", whenSaid: "", dueAt: null, helper: "", confidence: null, higher: "", fixing: false },
});

async function seed(dataDir: string, clients: number, jobs: number): Promise<void> {
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

/** A Bot API on loopback: getMe, long polling that holds a second, and ok for the rest. */
async function fakeTelegram(): Promise<{ url: string; close: () => Promise<void> }> {
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

function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** The process `npm start` ends up as: its shell `exec`s node, so it is npm's child. */
function serviceOf(npm: ChildProcess): number | null {
  try {
    if (fs.readFileSync(`/proc/${npm.pid}/cmdline`, "utf8").includes("src/main.js")) return npm.pid ?? null;
    const kids = fs.readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.find((k) => fs.readFileSync(`/proc/${k}/cmdline`, "utf8").includes("src/main.js")) ?? null;
  } catch {
    return null;
  }
}

interface Start {
  startMs: number;
  rss: number;
  peak: number;
  /** What the service logged of its own start: ms since its process began, per part. */
  parts: Record<string, number> | null;
}

/** `npm start`, or with `main` that build's main.js the way `npm start` runs it. */
async function startOnce(dataDir: string, apiRoot: string, seconds: number, main?: string): Promise<Start> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const [cmd, args] = main ? ["sh", ["-c", `node scripts/build.mjs && exec node ${JSON.stringify(main)}`]] : ["npm", ["start", "--silent"]];
  const npm = spawn(cmd, args, {
    cwd: root,
    // Info level for the "Koers started" line with the start's parts; warnings and errors are shown.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", TELEGRAM_BOT_TOKEN: "123456:bench-token-abcdefghijklmnopqrstuvwxyz", TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let parts: Record<string, number> | null = null;
  const lineReader = () => {
    let buffered = "";
    return (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) {
          if (line.trim()) process.stderr.write(`${line}\n`);
          continue;
        }
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string; startup?: Record<string, number> };
          if (entry.msg === "Koers started" && entry.startup) parts = entry.startup;
          else if ((entry.level ?? 0) >= 40) process.stderr.write(`${line}\n`);
        } catch {
          process.stderr.write(`${line}\n`);
        }
      }
    };
  };
  npm.stdout?.on("data", lineReader());
  npm.stderr?.on("data", lineReader());
  let startMs = NaN;
  try {
    for (;;) {
      if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error("no /healthz within 120 s");
      await sleep(20);
    }
    startMs = performance.now() - started;
    const pid = serviceOf(npm);
    if (!pid) throw new Error("could not find the service's process");
    let last = memoryOf(pid);
    for (let t = 0; t < seconds; t++) {
      await sleep(1000);
      last = memoryOf(pid) ?? last;
    }
    process.kill(pid, "SIGTERM");
    await new Promise((r) => npm.once("exit", r));
    return { startMs, rss: last?.rss ?? NaN, peak: last?.peak ?? NaN, parts };
  } finally {
    if (npm.exitCode === null) npm.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);
  const jobs = Number(process.env.BENCH_JOBS ?? 100_000);
  const seconds = Number(process.env.BENCH_SERVICE_SECONDS ?? 30);
  const starts = Number(process.env.BENCH_STARTS ?? 2);
  const against = process.env.BENCH_AGAINST ? path.resolve(process.env.BENCH_AGAINST, "src/main.js") : undefined;
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "koers-service-"));
  const telegram = await fakeTelegram();
  try {
    if (keep && fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      print(`PGlite folder ${dataDir} used as it is`);
    } else {
      const t = performance.now();
      await seed(dataDir, clients, jobs);
      print(`PGlite folder with ${clients} clients in a conversation and ${jobs} jobs scheduled ahead, made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const runs: Start[] = [];
    const others: Start[] = [];
    const show = (what: string, r: Start) => {
      const parts = r.parts ? `; parts (ms since the process began): ${Object.entries(r.parts).map(([k, v]) => `${k} ${v}`).join(", ")}` : "";
      print(`${what}: /healthz after ${(r.startMs / 1000).toFixed(2)} s; after ${seconds} s running: RSS ${r.rss.toFixed(0)} MB, peak ${r.peak.toFixed(0)} MB${parts} (load ${os.loadavg()[0]!.toFixed(1)})`);
    };
    for (let i = 0; i < starts; i++) {
      if (against) {
        const o = await startOnce(dataDir, telegram.url, seconds, against);
        others.push(o);
        show(`${against} #${i + 1}`, o);
      }
      const r = await startOnce(dataDir, telegram.url, seconds, against ? path.join(root, "dist/src/main.js") : undefined);
      runs.push(r);
      show(`${against ? "dist/src/main.js" : "npm start"} #${i + 1}`, r);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
    const summary = (rs: Start[]) => `median /healthz ${(median(rs.map((r) => r.startMs)) / 1000).toFixed(2)} s, RSS ${median(rs.map((r) => r.rss)).toFixed(0)} MB, peak ${median(rs.map((r) => r.peak)).toFixed(0)} MB`;
    print(`this build: ${summary(runs)}`);
    if (against) print(`${against}: ${summary(others)}`);
    const last = runs[runs.length - 1]!;
    const bad = [last.startMs > 2500 && "start-up over 2.5 s", Math.max(...runs.map((r) => r.peak)) >= 200 && "peak RSS 200 MB or more"].filter(Boolean);
    if (bad.length) {
      print(`not within target: ${bad.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await telegram.close();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`service benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
