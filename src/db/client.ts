import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import { pgliteAdapterFactory } from "./adapters.js";
import { lockDataDir, type LockOwner } from "./data-dir-lock.js";
import { applyMigrations, type MigrationResult, type SqlRunner } from "./migrate.js";

export type Db = PrismaClient;
/** The client handed to code running inside one of our transactions. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: Db;
  /** Plain SQL access, for migrations and the job queue's claim query. */
  sql: SqlRunner;
  /** Applies pending migrations. */
  migrate(): Promise<MigrationResult>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

function pgliteRunner(db: Pick<PGlite, "exec" | "query"> & { transaction?: PGlite["transaction"] }): SqlRunner {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      if (!db.transaction) return fn(pgliteRunner(db));
      return db.transaction((tx) => fn(pgliteRunner(tx)));
    },
  };
}

function pgRunner(pool: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      if (!(pool instanceof pg.Pool)) return fn(pgRunner(pool));
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(pgRunner(client));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout")), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export interface OpenOptions {
  /** Told when the embedded folder's stale pid file (of a process that is gone) is taken over. */
  onStaleLock?: (previous: LockOwner | { raw: string }, reason: string) => void;
}

/**
 * Opens the configured database: embedded PGlite in `dataDir`, or a PostgreSQL server.
 * Nothing is migrated here; call `migrate()` (the service does at start).
 */
export async function openDatabase(config: DatabaseConfig, opts: OpenOptions = {}): Promise<Database> {
  let sql: SqlRunner;
  let prisma: Db;
  let closeDriver: () => Promise<void>;
  if (config.kind === "embedded") {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const unlock = lockDataDir(config.dataDir, opts.onStaleLock ? { onTakeover: opts.onStaleLock } : {});
    const pglite = await PGlite.create(config.dataDir).catch((err: unknown) => {
      unlock();
      throw err;
    });
    sql = pgliteRunner(pglite);
    prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite), transactionOptions: { timeout: 30_000, maxWait: 30_000 }, errorFormat: "minimal" });
    closeDriver = async () => {
      await pglite.close();
      unlock();
    };
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    pool.on("error", () => undefined); // an idle client losing its server must not crash us
    sql = pgRunner(pool);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { timeout: 30_000, maxWait: 30_000 }, errorFormat: "minimal" });
    closeDriver = () => pool.end();
  }
  let closed = false;
  return {
    kind: config.kind,
    prisma,
    sql,
    migrate: () => applyMigrations(sql),
    async ping(timeoutMs = 2000) {
      if (closed) return false;
      try {
        await withTimeout(sql.query("SELECT 1"), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
