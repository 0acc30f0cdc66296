/**
 * Vitest global setup, run once per test run before any worker starts:
 * - builds the embedded (PGlite) template databases that tests copy instead of migrating;
 * - starts a throwaway PostgreSQL server, or uses DATABASE_TEST_URL, for the PostgreSQL suite.
 *
 * Tests read what is provided here through test/support/db.ts.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder for this run's temporary databases; removed in teardown. */
    testTmpDir: string;
    /** Embedded data directory of a new database with nothing in it. Copy it, never open it. */
    embeddedEmptyDir: string;
    /** Embedded data directory with every migration applied. Copy it, never open it. */
    embeddedTemplateDir: string;
    /** URL of the test PostgreSQL server's maintenance database; absent when there is none. */
    pgBaseUrl?: string;
    /** Why the PostgreSQL suite is skipped, when it is. */
    pgSkipReason?: string;
  }
}

const DEFAULT_PG_BIN = "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);

/**
 * Where this run's databases live: KOERS_TEST_TMPDIR, else /dev/shm when it has room, else the
 * system temp folder. Every fresh embedded database is a 40 MB copy of the template: on tmpfs
 * that takes ~45 ms, on the virtual disk of our build machines 0.4-1 s.
 */
function tempBase(): string {
  const chosen = process.env.KOERS_TEST_TMPDIR?.trim();
  if (chosen) return chosen;
  try {
    const shm = fs.statfsSync("/dev/shm");
    if (shm.bavail * shm.bsize >= 2 * 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm: fall through
  }
  return os.tmpdir();
}

function log(message: string): void {
  console.log(`[test setup] ${message}`);
}

function since(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}

async function buildEmbeddedTemplates(root: string): Promise<{ empty: string; migrated: string }> {
  const empty = path.join(root, "template-empty");
  const migrated = path.join(root, "template-migrated");
  let start = performance.now();
  // Creating an embedded database runs initdb in WebAssembly (seconds); do it once per run.
  await (await openDatabase({ kind: "embedded", dataDir: empty })).close();
  log(`embedded empty template created in ${since(start)}`);
  start = performance.now();
  fs.cpSync(empty, migrated, { recursive: true });
  const db = await openDatabase({ kind: "embedded", dataDir: migrated });
  try {
    const { applied } = await db.migrate();
    log(`embedded template migrated (${applied.length} migrations) in ${since(start)}`);
  } finally {
    await db.close();
  }
  return { empty, migrated };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port found"))));
    });
  });
}

async function waitForConnections(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

interface PgServer {
  url: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** The same, synchronously and without mercy: for a process that exits without teardown. */
  stopNow(): void;
}

/**
 * Starts a PostgreSQL server in a new temporary folder. PostgreSQL refuses to run as root, so
 * as root its programs run as the `postgres` user, who then owns the folder.
 */
async function startPostgres(bin: string, base: string): Promise<PgServer> {
  const isRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  let asServerUser = (cmd: string, args: string[]): [string, string[]] => [cmd, args];
  if (isRoot) {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) {
      throw new Error("we run as root and there is no postgres user to run the server as");
    }
    owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    const hasRunuser = spawnSync("runuser", ["--help"], { stdio: "ignore" }).error === undefined;
    asServerUser = hasRunuser
      ? (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]]
      : (cmd, args) => ["su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map(shellQuote).join(" ")]];
  }

  // Its own folder, not inside the run's folder: the server user must own it.
  const dir = fs.mkdtempSync(path.join(base, "koers-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const pgCtl = path.join(bin, "pg_ctl");
  const logTail = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "");
  const stopArgs = (mode: string) => ["stop", "-D", dataDir, "-m", mode, "-w", "-t", "30"];
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const [cmd, args] = asServerUser(pgCtl, stopArgs("immediate"));
    spawnSync(cmd, args, { stdio: "ignore" });
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    let start = performance.now();
    const [initCmd, initArgs] = asServerUser(path.join(bin, "initdb"), [
      "-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
    ]);
    await run(initCmd, initArgs, { cwd: dir });
    log(`PostgreSQL initdb in ${since(start)}`);

    // Another process may take the free port before the server binds it: then try another.
    for (let attempt = 1; ; attempt++) {
      start = performance.now();
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${shellQuote(dir)}`,
        "-c listen_addresses=127.0.0.1",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      const [cmd, args] = asServerUser(pgCtl, ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options]);
      try {
        await run(cmd, args, { cwd: dir });
      } catch (err) {
        if (attempt < 3 && /could not bind|already in use/i.test(logTail())) continue;
        throw new Error(`pg_ctl start failed: ${errorText(err)}\n${logTail()}`);
      }
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await waitForConnections(url, 30_000);
      log(`PostgreSQL server started on port ${port} in ${since(start)}`);
      return {
        url,
        stopNow,
        async stop() {
          if (stopped) return;
          stopped = true;
          const [stopCmd, args] = asServerUser(pgCtl, stopArgs("fast"));
          await run(stopCmd, args).catch((e: unknown) => log(`pg_ctl stop failed: ${errorText(e)}`));
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (err) {
    stopNow();
    throw err;
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "stderr" in err && typeof err.stderr === "string" && err.stderr.trim()) {
    return err.stderr.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

/** Finds or starts the PostgreSQL server for the suite; a reason instead when there is none. */
async function findPostgres(base: string): Promise<{ url: string; server?: PgServer } | { reason: string }> {
  const given = process.env.DATABASE_TEST_URL?.trim();
  if (given) {
    try {
      await waitForConnections(given, 5_000);
    } catch (err) {
      // Asked for by name: a server that does not answer is an error, not a reason to skip.
      throw new Error(`DATABASE_TEST_URL does not accept connections: ${errorText(err)}`);
    }
    log("PostgreSQL suite uses DATABASE_TEST_URL");
    return { url: given };
  }
  const bin = process.env.KOERS_PG_BIN?.trim() || DEFAULT_PG_BIN;
  if (!fs.existsSync(path.join(bin, "initdb"))) {
    return { reason: `no PostgreSQL server programs in ${bin} (install postgresql-15, or set KOERS_PG_BIN or DATABASE_TEST_URL)` };
  }
  try {
    const server = await startPostgres(bin, base);
    return { url: server.url, server };
  } catch (err) {
    return { reason: `PostgreSQL from ${bin} did not start: ${errorText(err)}` };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = tempBase();
  const root = fs.mkdtempSync(path.join(base, "koers-test-"));
  let server: PgServer | undefined;
  const onExit = () => {
    server?.stopNow();
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  try {
    // Both take a few seconds; wait for both, so a started server is never left behind.
    const [built, found] = await Promise.allSettled([buildEmbeddedTemplates(root), findPostgres(base)]);
    if (found.status === "fulfilled" && "server" in found.value) server = found.value.server;
    if (built.status === "rejected") throw built.reason;
    if (found.status === "rejected") throw found.reason;
    const templates = built.value;
    const postgres = found.value;
    project.provide("testTmpDir", root);
    project.provide("embeddedEmptyDir", templates.empty);
    project.provide("embeddedTemplateDir", templates.migrated);
    if ("url" in postgres) {
      project.provide("pgBaseUrl", postgres.url);
    } else if (process.env.KOERS_REQUIRE_PG === "1") {
      throw new Error(`KOERS_REQUIRE_PG=1, but there is no PostgreSQL for the tests: ${postgres.reason}.`);
    } else {
      project.provide("pgSkipReason", postgres.reason);
      console.warn(`\n[test setup] PostgreSQL tests are SKIPPED: ${postgres.reason}.\n`);
    }
  } catch (err) {
    process.off("exit", onExit);
    onExit();
    throw err;
  }

  return async () => {
    process.off("exit", onExit);
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
