/**
 * Start-up of `npm start` on an existing embedded PGlite folder: the time to the first 200 of
 * `/healthz`, split into its parts. `npm run bench` runs it (`BENCH_ONLY=startup` alone).
 *
 * 1. A folder with BENCH_STARTUP_CLIENTS clients in a conversation and as many jobs scheduled a
 *    day ahead (default 1,000) is made once and migrated (BENCH_DATA_DIR keeps it).
 * 2. `npm start` runs on it BENCH_STARTUP_RUNS times (default 5), with the environment the README
 *    gives for the embedded database (`DATA_DIR`, `PORT`, `HOST`) and a Telegram bot token whose Bot
 *    API (`TELEGRAM_API_ROOT`) is answered on loopback here; `/healthz` is polled every 20 ms.
 *    After its 200 the service runs on until it logged "Koers started", then gets SIGTERM.
 * 3. Printed: the median and the worst of each part. "before main.js" is npm, its shell and
 *    `node scripts/build.mjs` (also timed alone, before the starts); the service's own parts are
 *    the `startup` of its "Koers started" line (ms since its process began): modules imported,
 *    database opened, migrations checked, data key checked, port listening, start finished.
 *
 * BENCH_AGAINST=<a copy of dist/ inside the checkout> alternates its starts with this build's
 * (both then as `sh -c "node scripts/build.mjs && exec node …/src/main.js"`, without npm).
 * BENCH_CPU_PROF=<folder> writes a CPU profile of each start's service process (`node --cpu-prof`,
 * started as with BENCH_AGAINST).
 */
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchDataDir, fakeTelegram, untilHealthy, removeUnlessKept, seedUnlessKept } from "./service-setup.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One start: ms from spawning, per part. */
export type StartTimes = Record<string, number>;

/** The service's own parts, in the order they happen (src/app.ts, `startup`). */
const SERVICE_PARTS = ["imported", "opened", "migrated", "keyChecked", "listening", "started"] as const;

async function startOnce(dataDir: string, apiRoot: string, main: string | undefined, cpuProf: string | undefined): Promise<StartTimes> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const spawnedAt = Date.now();
  const t0 = performance.now();
  // --cpu-prof is not allowed in NODE_OPTIONS: with a profile, main.js is started the way npm start does.
  const flags = cpuProf ? `--cpu-prof --cpu-prof-dir=${JSON.stringify(cpuProf)} ` : "";
  const [cmd, args] =
    main || cpuProf
      ? ["sh", ["-c", `node scripts/build.mjs && exec node ${flags}${JSON.stringify(main ?? "dist/src/main.js")}`]]
      : ["npm", ["start", "--silent"]];
  const child = spawn(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      TELEGRAM_BOT_TOKEN: "123456:bench-token-abcdefghijklmnopqrstuvwxyz",
      TELEGRAM_API_ROOT: apiRoot,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const times: StartTimes = {};
  let origin = NaN; // epoch ms at which the service's process began
  let buffered = "";
  const onData = (chunk: Buffer) => {
    times.firstOutput ??= performance.now() - t0;
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; time?: number; msg?: string; startup?: Record<string, number> };
        if (entry.msg === "Koers started" && entry.startup && entry.time) {
          origin = entry.time - (entry.startup.started ?? 0);
          for (const part of SERVICE_PARTS) if (entry.startup[part] !== undefined) times[part] = origin - spawnedAt + entry.startup[part];
        } else if ((entry.level ?? 0) >= 50) process.stderr.write(`${line}\n`);
      } catch {
        // not a log line
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await untilHealthy(child, port, t0, "the service");
    times.healthz = performance.now() - t0;
    while (Number.isNaN(origin) && performance.now() - t0 < 120_000 && child.exitCode === null) await sleep(20);
    if (Number.isNaN(origin)) throw new Error('no "Koers started" line');
    times.mainBegan = origin - spawnedAt;
  } finally {
    // npm start `exec`s node: the child is the service itself (or its shell, which execs it).
    child.kill("SIGTERM");
    await exited;
  }
  return times;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The table: each part as the time from the part before it, and the total to `/healthz`. */
export function summarise(runs: StartTimes[], print: (line: string) => void): { median: number; worst: number } {
  const steps: [string, string, string | null][] = [
    ["before main.js (npm, sh, scripts/build.mjs)", "mainBegan", null],
    ["modules imported", "imported", "mainBegan"],
    ["database opened (PGlite)", "opened", "imported"],
    ["migrations checked", "migrated", "opened"],
    ["data key checked", "keyChecked", "migrated"],
    ["bot, jobs and routes set up, listening", "listening", "keyChecked"],
    ["/healthz 200 (from spawning)", "healthz", null],
    ["start finished (Telegram, recurring jobs; from spawning)", "started", null],
  ];
  print("| part | median ms | worst ms |");
  print("|---|---|---|");
  for (const [label, key, from] of steps) {
    const xs = runs.map((r) => (r[key] ?? NaN) - (from ? (r[from] ?? NaN) : 0)).filter((x) => !Number.isNaN(x));
    if (xs.length) print(`| ${label} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`);
  }
  const totals = runs.map((r) => r.healthz!);
  return { median: median(totals), worst: Math.max(...totals) };
}

export async function benchStartup(print: (line: string) => void): Promise<{ median: number; worst: number }> {
  const clients = Number(process.env.BENCH_STARTUP_CLIENTS ?? 1_000);
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
  const against = process.env.BENCH_AGAINST ? path.resolve(process.env.BENCH_AGAINST, "src/main.js") : undefined;
  const cpuProf = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
  const data = benchDataDir("koers-startup-");
  const { dataDir } = data;
  const telegram = await fakeTelegram();
  try {
    await seedUnlessKept(data, clients, clients, print);
    // The build check alone (also the first build, when dist/ is stale: not counted).
    spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
      checks.push(performance.now() - t);
    }
    print(`node scripts/build.mjs with nothing to do: median ${median(checks).toFixed(0)} ms, worst ${Math.max(...checks).toFixed(0)} ms`);
    const mine: StartTimes[] = [];
    const theirs: StartTimes[] = [];
    const line = (what: string, r: StartTimes) =>
      `${what}: /healthz ${r.healthz!.toFixed(0)} ms; ${["mainBegan", "firstOutput", ...SERVICE_PARTS].map((k) => `${k} ${r[k]?.toFixed(0) ?? "-"}`).join(", ")} (load ${os.loadavg()[0]!.toFixed(1)})`;
    for (let i = 0; i < runs; i++) {
      if (against) {
        const r = await startOnce(dataDir, telegram.url, against, cpuProf);
        theirs.push(r);
        print(line(`${path.relative(root, against)} #${i + 1}`, r));
      }
      const r = await startOnce(dataDir, telegram.url, against ? path.join(root, "dist/src/main.js") : undefined, cpuProf);
      mine.push(r);
      print(line(`${against ? "dist/src/main.js" : "npm start"} #${i + 1}`, r));
    }
    if (against) {
      print(`\n${path.relative(root, against)}, ${runs} starts (ms from spawning):`);
      const o = summarise(theirs, print);
      print(`median ${(o.median / 1000).toFixed(2)} s, worst ${(o.worst / 1000).toFixed(2)} s to /healthz`);
    }
    print(`\n${against ? "dist/src/main.js" : "npm start"}, ${runs} starts (ms from spawning):`);
    const result = summarise(mine, print);
    print(`median ${(result.median / 1000).toFixed(2)} s, worst ${(result.worst / 1000).toFixed(2)} s to /healthz (target 2.5 s)`);
    return result;
  } finally {
    await telegram.close();
    removeUnlessKept(data);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchStartup((l) => process.stdout.write(`${l}\n`)).catch((err: unknown) => {
    process.stderr.write(`start-up benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
