/**
 * Databases for tests. Each call gives a database of its own, so tests never see each other's
 * rows and may run in parallel:
 * - `freshEmbeddedDb()` copies the migrated template that test/setup/global.ts built (about
 *   0.1 s to copy 40 MB and 0.2-0.4 s to open, where creating one from nothing takes ~6 s);
 * - `freshPostgresDb()` creates a new database on the test PostgreSQL server.
 * Call `cleanup()` when done (in `afterEach`/`afterAll`, or `onTestFinished`).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";

export interface TestDb {
  db: Database;
  /** Closes the database and removes it. Safe to call twice. */
  cleanup(): Promise<void>;
}

export interface EmbeddedTestDb extends TestDb {
  dataDir: string;
}

export interface PostgresTestDb extends TestDb {
  /** Connection URL of the new database, e.g. for a second `openDatabase` or the Prisma CLI. */
  url: string;
  name: string;
}

export interface FreshDbOptions {
  /** false: an empty database without even the migrations table. Default true. */
  migrated?: boolean;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

/** A new embedded database, copied from the template (migrated unless asked otherwise). */
export async function freshEmbeddedDb(options: FreshDbOptions = {}): Promise<EmbeddedTestDb> {
  const template = options.migrated === false ? inject("embeddedEmptyDir") : inject("embeddedTemplateDir");
  const dataDir = fs.mkdtempSync(path.join(inject("testTmpDir"), "embedded-"));
  fs.cpSync(template, dataDir, { recursive: true });
  const db = await openDatabase({ kind: "embedded", dataDir });
  return {
    db,
    dataDir,
    cleanup: once(async () => {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}

/** The tests' data key (vitest.config.ts puts it in the environment), for databases opened by hand. */
export function testDataKey(): string {
  const key = process.env.KOERS_DATA_KEY;
  if (!key) throw new Error("KOERS_DATA_KEY is not set: run the tests through vitest (vitest.config.ts sets it).");
  return key;
}

/** True when the PostgreSQL suite can run: use with `describe.skipIf(!pgAvailable())`. */
export function pgAvailable(): boolean {
  return inject("pgBaseUrl") !== undefined;
}

/** Why the PostgreSQL suite does not run; empty when it does. */
export function pgSkipReason(): string {
  return inject("pgSkipReason") ?? "";
}

function pgBaseUrl(): string {
  const url = inject("pgBaseUrl");
  if (url === undefined) throw new Error(`No test PostgreSQL server: ${pgSkipReason()}`);
  return url;
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgBaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database on the test PostgreSQL server, migrated unless asked otherwise. */
export async function freshPostgresDb(options: FreshDbOptions = {}): Promise<PostgresTestDb> {
  const name = `koers_test_${randomBytes(6).toString("hex")}`;
  await asAdmin(`CREATE DATABASE "${name}"`);
  const u = new URL(pgBaseUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  let db: Database | undefined;
  const cleanup = once(async () => {
    await db?.close();
    await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  try {
    db = await openDatabase({ kind: "postgres", url, dataKey: testDataKey() });
    if (options.migrated !== false) await db.migrate();
    return { db, url, name, cleanup };
  } catch (err) {
    await cleanup().catch(() => undefined);
    throw err;
  }
}

/** The two databases a suite runs on: `describe.each(backends)("… on %s", (_name, fresh, available) => …)`. */
export type Backend = [name: string, fresh: () => Promise<TestDb>, available: boolean];

export const backends: Backend[] = [
  ["embedded PGlite", freshEmbeddedDb, true],
  ["PostgreSQL", freshPostgresDb, pgAvailable()],
];

/** A fresh database per test, removed afterwards: call inside a describe, then `await db()` in each test. */
export function useDb(fresh: () => Promise<TestDb>): () => Promise<Database> {
  let current: TestDb | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return async () => {
    current = await fresh();
    return current.db;
  };
}

/** One database for all the tests of a file (call at its top): created before them, removed after. */
export function dbForFile(fresh: () => Promise<TestDb>): { readonly db: Database } {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await fresh();
  });
  afterAll(async () => {
    await current?.cleanup();
  });
  return {
    get db(): Database {
      if (!current) throw new Error("the file's database is made in beforeAll");
      return current.db;
    },
  };
}
