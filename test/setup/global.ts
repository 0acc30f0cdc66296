/**
 * Vitest global setup, run once per test run before any worker starts:
 * - builds the embedded (PGlite) template databases that tests copy instead of migrating;
 * - starts a throwaway PostgreSQL server, or uses DATABASE_TEST_URL, for the PostgreSQL suite;
 * - rebuilds dist/ when stale (scripts/build.mjs): tests that start the service as a process run
 *   the compiled build, as production does (test/support/dist.ts).
 *
 * Tests read what is provided here through test/support/db.ts.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { DEFAULT_PG_BIN, errorText, startPostgres, waitForConnections, type PgServer } from "../../scripts/pg-server.js";
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

/**
 * `node scripts/build.mjs`: its ensureBuild() compiles dist/ when a source is newer than the last
 * build (about a minute of tsc on a clean clone), else only compares file times. In a child
 * process, so that the templates and PostgreSQL are made meanwhile.
 */
async function ensureDist(): Promise<void> {
  const start = performance.now();
  const { stderr } = await promisify(execFile)(process.execPath, ["scripts/build.mjs"], { cwd: path.resolve(import.meta.dirname, "../..") });
  if (stderr.trim()) log(`${stderr.trim()} (${since(start)})`);
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
    const server = await startPostgres({ bin, baseDir: base, log });
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
    // All three at once; wait for all, so a started server is never left behind.
    const [built, found, dist] = await Promise.allSettled([buildEmbeddedTemplates(root), findPostgres(base), ensureDist()]);
    if (found.status === "fulfilled" && "server" in found.value) server = found.value.server;
    if (built.status === "rejected") throw built.reason;
    if (found.status === "rejected") throw found.reason;
    if (dist.status === "rejected") throw dist.reason;
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
