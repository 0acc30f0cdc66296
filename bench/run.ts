/**
 * `npm run bench`: every benchmark, against a throwaway PostgreSQL server started here (or
 * BENCH_DATABASE_URL, a server whose maintenance database we may create databases from).
 */
import os from "node:os";
import { startPostgres, waitForConnections, type PgServer } from "../scripts/pg-server.js";
import { benchCrisis } from "./crisis.js";
import { benchDispatcher } from "./dispatcher.js";

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  let server: PgServer | undefined;
  let url = process.env.BENCH_DATABASE_URL?.trim();
  if (url) {
    await waitForConnections(url, 5000);
  } else {
    server = await startPostgres();
    url = server.url;
    process.once("exit", () => server?.stopNow());
  }
  print(`Koers benchmarks: node ${process.version}, ${os.cpus().length} cores, PostgreSQL at ${url.replace(/\/\/[^@]*@/, "//")}`);
  try {
    print("\n# crisis detector (pure, one core)");
    benchCrisis(print);
    print("\n# dispatcher (sending stubbed)");
    await benchDispatcher(url, print);
  } finally {
    await server?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
