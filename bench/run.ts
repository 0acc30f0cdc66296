/**
 * `npm run bench`: every benchmark, against a throwaway PostgreSQL server started here (or
 * BENCH_DATABASE_URL, a server whose maintenance database we may create databases from).
 *
 * `npm run bench -- --check`: the 120-step talk only, failing when a Koers / peer ratio is more
 * than 20% below the one in the README's benchmark table.
 * BENCH_RUNS (alternating runs, default 3), BENCH_CHATS (default 50), BENCH_WARMUP=0 (no warm-up
 * block of each before the talk's runs), BENCH_ONLY=talk, crisis,
 * dispatcher or startup (`npm start` on an embedded folder, bench/startup.ts; needs no PostgreSQL).
 */
import fs from "node:fs";
import os from "node:os";
import { startPostgres, waitForConnections, type PgServer } from "../scripts/pg-server.js";
import { benchCrisis } from "./crisis.js";
import { benchDispatcher } from "./dispatcher.js";
import { benchStartup } from "./startup.js";
import { benchTalk, readmeRatios } from "./talk.js";

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const only = check ? "talk" : process.env.BENCH_ONLY?.trim();
  if (only === "startup") {
    print(`Koers benchmarks: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
    print("\n# start-up: npm start on an existing embedded (PGlite) folder");
    await benchStartup(print);
    return;
  }
  let server: PgServer | undefined;
  let url = process.env.BENCH_DATABASE_URL?.trim();
  if (url) {
    await waitForConnections(url, 5000);
  } else {
    server = await startPostgres();
    url = server.url;
    process.once("exit", () => server?.stopNow());
  }
  print(`Koers benchmarks: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), PostgreSQL at ${url.replace(/\/\/[^@]*@/, "//")}`);
  let failed = false;
  try {
    if (!only || only === "talk") {
      print("\n# the 120-step talk: Koers and @grammyjs/conversations v2 side by side");
      const result = await benchTalk(url, print, {
        runs: Number(process.env.BENCH_RUNS ?? 3),
        chats: Number(process.env.BENCH_CHATS ?? 50),
        pglite: !check,
        warmUp: process.env.BENCH_WARMUP !== "0",
      });
      if (check) {
        const expected = readmeRatios(fs.readFileSync(new URL("../README.md", import.meta.url), "utf8"));
        if (!expected.size) throw new Error("README.md has no benchmark table to check against");
        for (const { steps, ratio } of result.ratios) {
          const want = expected.get(steps);
          if (want === undefined) continue;
          const ok = ratio >= want * 0.8;
          if (!ok) failed = true;
          print(`check ${steps}: Koers / peer ${ratio.toFixed(2)}, README ${want.toFixed(2)}: ${ok ? "ok" : "more than 20% below"}`);
        }
      }
    }
    if (!only || only === "crisis") {
      print("\n# crisis detector (pure, one core)");
      benchCrisis(print);
    }
    if (!only || only === "dispatcher") {
      print("\n# dispatcher (sending stubbed)");
      await benchDispatcher(url, print);
    }
    if (!only) {
      print("\n# start-up: npm start on an existing embedded (PGlite) folder");
      await benchStartup(print);
    }
  } finally {
    await server?.stop();
  }
  if (failed) {
    process.stderr.write("benchmark check failed: a Koers / peer ratio fell more than 20% below the README's\n");
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
