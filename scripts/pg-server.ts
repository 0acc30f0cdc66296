/**
 * A throwaway PostgreSQL server in a temporary folder, for benchmarks and the test suite's global
 * setup (test/setup/global.ts): `initdb`, `pg_ctl start` on a free loopback port, and a stop that
 * removes the folder. PostgreSQL refuses to run as root, so as root its programs run as the
 * `postgres` user.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../src/http/ports.js";

export const DEFAULT_PG_BIN = "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);

export interface PgServer {
  /** URL of the maintenance database `postgres`. */
  url: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** The same, synchronously and without mercy: for a process that exits without cleaning up. */
  stopNow(): void;
}

export interface StartOptions {
  /** Folder with `initdb` and `pg_ctl`: KOERS_PG_BIN, else PostgreSQL 15's. */
  bin?: string;
  /** Where the server's own temporary folder is made: the system temp folder unless given. */
  baseDir?: string;
  /** Extra `-c` settings, e.g. `work_mem=64MB`. */
  settings?: string[];
  /** Progress (timings) and a failed stop are reported here when given. */
  log?: (message: string) => void;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A failed command's stderr when it wrote any, else the error's message. */
export function errorText(err: unknown): string {
  if (err && typeof err === "object" && "stderr" in err && typeof err.stderr === "string" && err.stderr.trim()) {
    return err.stderr.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

function since(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}

export async function waitForConnections(url: string, timeoutMs: number): Promise<void> {
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

/** How to run the server's programs: as ourselves, or as `postgres` when we are root. */
function serverUser(): { owner?: { uid: number; gid: number }; wrap: (cmd: string, args: string[]) => [string, string[]] } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) throw new Error("we run as root and there is no postgres user to run the server as");
  const owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  const hasRunuser = spawnSync("runuser", ["--help"], { stdio: "ignore" }).error === undefined;
  return {
    owner,
    wrap: hasRunuser
      ? (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]]
      : (cmd, args) => ["su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map(shellQuote).join(" ")]],
  };
}

/**
 * Starts a server in a new temporary folder (the defaults trade durability for speed, which is
 * right for a server that is thrown away).
 */
export async function startPostgres(opts: StartOptions = {}): Promise<PgServer> {
  const bin = opts.bin ?? (process.env.KOERS_PG_BIN?.trim() || DEFAULT_PG_BIN);
  const log = opts.log ?? (() => undefined);
  if (!fs.existsSync(path.join(bin, "initdb"))) throw new Error(`no PostgreSQL server programs in ${bin} (install postgresql-15 or set KOERS_PG_BIN)`);
  const { owner, wrap } = serverUser();
  // A folder of its own: as root, the server user must own it.
  const dir = fs.mkdtempSync(path.join(opts.baseDir ?? os.tmpdir(), "koers-pg-"));
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
    const [cmd, args] = wrap(pgCtl, stopArgs("immediate"));
    spawnSync(cmd, args, { stdio: "ignore" });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    let start = performance.now();
    const [initCmd, initArgs] = wrap(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await run(initCmd, initArgs, { cwd: dir });
    log(`PostgreSQL initdb in ${since(start)}`);
    for (let attempt = 1; ; attempt++) {
      start = performance.now();
      const port = await freePort();
      const options = [`-p ${port}`, `-k ${shellQuote(dir)}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off",
        "-c full_page_writes=off", "-c max_connections=200", ...(opts.settings ?? []).map((s) => `-c ${s}`)].join(" ");
      const [cmd, args] = wrap(pgCtl, ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options]);
      try {
        await run(cmd, args, { cwd: dir });
      } catch (err) {
        // Another process may take the free port before the server binds it: then try another.
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
          const [stopCmd, stopArgv] = wrap(pgCtl, stopArgs("fast"));
          await run(stopCmd, stopArgv).catch((e: unknown) => log(`pg_ctl stop failed: ${errorText(e)}`));
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (err) {
    stopNow();
    throw err;
  }
}

/** Creates a new database on a server and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
