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
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchDataDir, fakeTelegram, untilHealthy, memoryOf, removeUnlessKept, seedUnlessKept, serviceOf } from "./service-setup.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    await untilHealthy(npm, port, started, "npm start");
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
  const data = benchDataDir("koers-service-");
  const { dataDir } = data;
  const telegram = await fakeTelegram();
  try {
    await seedUnlessKept(data, clients, jobs, print);
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
    removeUnlessKept(data);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`service benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
