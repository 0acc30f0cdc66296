import fs from "node:fs";
import v8 from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import { pgliteAdapterFactory } from "./adapters.js";
import { lockDataDir, type LockOwner } from "./data-dir-lock.js";
import { applyMigrations, type MigrationResult, type SqlRunner } from "./migrate.js";
import { DataKeyError, embeddedKeyring, parseKeyring, sealedExtension, type Keyring } from "./sealed.js";

export type Db = PrismaClient;
/** The client handed to code running inside one of our transactions. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: Db;
  /** The keys that seal and open client words (src/db/sealed.ts); plain SQL must use them too. */
  keyring: Keyring;
  /** Plain SQL access, for migrations and the job queue's claim query. */
  sql: SqlRunner;
  /** Applies pending migrations. */
  migrate(): Promise<MigrationResult>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

function pgliteRunner(db: Pick<PGlite, "exec" | "query"> & { transaction?: PGlite["transaction"] }, tx?: { open: boolean }): SqlRunner {
  const open = () => {
    if (tx && !tx.open) throw new Error("this transaction was committed by queryAndCommit; no statement can follow it");
  };
  const query = async <T>(sql: string, params: unknown[] = []) => {
    open();
    return (await db.query<T>(sql, params)).rows;
  };
  return {
    async exec(sql) {
      open();
      await db.exec(sql);
    },
    query,
    async queryAndCommit<T>(sql: string, params: unknown[] = []) {
      // PGlite's transaction commits when `fn` returns; nothing may run in it after this one.
      const rows = await query<T>(sql, params);
      if (tx) tx.open = false;
      return rows;
    },
    async transaction(fn) {
      if (!db.transaction) return fn(pgliteRunner(db, tx));
      const state = { open: true };
      // As on PostgreSQL, a failure after queryAndCommit no longer undoes the transaction.
      const out = await db.transaction(async (t) => {
        try {
          return { ok: true as const, value: await fn(pgliteRunner(t, state)) };
        } catch (err) {
          if (state.open) throw err;
          return { ok: false as const, err };
        }
      });
      if (!out.ok) throw out.err;
      return out.value;
    },
  };
}

function queryConfig(sql: string, params: unknown[], name?: string): pg.QueryConfig {
  return name ? { name, text: sql, values: params } : { text: sql, values: params };
}

function poolRunner(pool: pg.Pool): SqlRunner {
  const query = async <T>(sql: string, params: unknown[] = [], name?: string) => (await pool.query(queryConfig(sql, params, name))).rows as T[];
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    query,
    // No transaction: the statement commits on its own.
    queryAndCommit: query,
    transaction: (fn) => pipelinedTransaction(pool, fn),
  };
}

/** A pool's connection as pg has it: `pipeline` is its option of that name, `connection.stream` its socket. */
type PipedClient = pg.PoolClient & { pipeline: boolean; connection: { stream: { cork?: () => void; uncork?: () => void } } };

/**
 * Hands everything `send` queues to the socket in one write. pg already writes one statement's
 * protocol messages together; this does the same for BEGIN with the first statement, and for the
 * last statement with COMMIT.
 */
function together<T>(client: PipedClient, send: () => T): T {
  const stream = client.connection.stream;
  stream.cork?.();
  try {
    return send();
  } finally {
    stream.uncork?.();
  }
}

/**
 * A transaction on one pooled connection, in pg's pipeline mode while it lasts: a statement is
 * written without waiting for the answer to the one before, and the answers come back in order.
 * Only two places use that: BEGIN goes out with the transaction's first statement (one write, one
 * round trip instead of two), and COMMIT with the statement given to `queryAndCommit`. Every other
 * statement is sent when `fn` asks for it, after the answers it awaited, as before. The
 * transaction is the same: the same statements in the same order on one connection, rolled back
 * when `fn` throws or a statement fails (a failed statement aborts it, so a COMMIT already sent
 * behind it ends it as a ROLLBACK). BEGIN cannot fail on a working connection; if it did, only the
 * first statement would have run outside a transaction, and nothing after it runs.
 */
async function pipelinedTransaction<T>(pool: pg.Pool, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const client = (await pool.connect()) as PipedClient;
  const tx = { open: true };
  let begun: Promise<unknown> = Promise.resolve();
  let first = true;
  const begin = () => {
    begun = client.query("BEGIN");
    // Awaited before the next statement and at the end; never left unhandled meanwhile.
    begun.catch(() => undefined);
  };
  /** Sends a statement of the transaction; the first one goes out with BEGIN. */
  const send = async (sql: string, params: unknown[] = [], name?: string): Promise<pg.QueryResult> => {
    if (!tx.open) throw new Error("this transaction was committed by queryAndCommit; no statement can follow it");
    if (first) {
      first = false;
      return together(client, () => {
        begin();
        return client.query(queryConfig(sql, params, name));
      });
    }
    await begun;
    return client.query(queryConfig(sql, params, name));
  };
  const runner: SqlRunner = {
    async exec(sql) {
      await send(sql);
    },
    async query<R>(sql: string, params: unknown[] = [], name?: string) {
      return (await send(sql, params, name)).rows as R[];
    },
    async queryAndCommit<R>(sql: string, params: unknown[] = [], name?: string) {
      if (!tx.open) throw new Error("this transaction was committed by queryAndCommit; no statement can follow it");
      // When nothing ran yet, BEGIN, the statement and COMMIT go out in one write.
      const opening = first;
      first = false;
      if (!opening) await begun;
      tx.open = false;
      const [rows, commit] = together(client, () => {
        if (opening) begin();
        return [client.query(queryConfig(sql, params, name)), client.query("COMMIT")] as const;
      });
      commit.catch(() => undefined);
      let result: pg.QueryResult;
      try {
        result = await rows;
      } finally {
        // Its answer comes after the statement's; the connection is only given back after both.
        await commit.catch(() => undefined);
      }
      const committed = await commit;
      // A transaction aborted earlier (a failure `fn` caught) answers COMMIT with ROLLBACK.
      if (committed.command !== "COMMIT") throw new Error("the transaction was rolled back, not committed");
      return result.rows as R[];
    },
    transaction: (inner) => inner(runner),
  };
  client.pipeline = true;
  try {
    const out = await fn(runner);
    await begun;
    if (tx.open) {
      tx.open = false;
      if (!first) await client.query("COMMIT");
    }
    return out;
  } catch (err) {
    // Unless COMMIT went out already (then the failed statement before it rolled back).
    if (tx.open && !first) {
      tx.open = false;
      await begun.catch(() => undefined);
      await client.query("ROLLBACK").catch(() => undefined);
    }
    throw err;
  } finally {
    client.pipeline = false;
    client.release();
  }
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

/**
 * How the service starts PGlite: its own defaults (single-user mode, fsync off, no parallel
 * workers) and smaller buffers than the folder's postgresql.conf asks for. initdb writes
 * shared_buffers = 128MB there, sized for a server with many connections; in one Node process that
 * is most of the resident memory, as WebAssembly memory that is never given back. 16 MB holds the
 * hot pages (clients, runs and due jobs being worked on); the rest is read from the files, which
 * the operating system caches. Given as start parameters, so the folder's own files stay as they are.
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  "-c", "shared_buffers=16MB",
  // One session in one process: PostgreSQL sizes its shared memory by the connections it may get.
  "-c", "max_connections=5",
];

/**
 * V8 runs PGlite's WebAssembly (9 MB of PostgreSQL) with its baseline compiler only, Liftoff. By
 * default V8 also recompiles the functions that get hot with its optimising compiler, TurboFan, on
 * background threads: at start, opening the folder and the first queries run thousands of functions
 * once each, so the start waited on compiling it never needed; on 2 cores that nearly doubled the start,
 * and the optimised code stayed resident. Measured in "Start-up and memory" in the README: the start to
 * `/healthz` about 2 s shorter, PGlite's process about 50 MB smaller, and queries no slower in a
 * run of 12,000 transactions. A V8 flag is per process, so it also applies to WebAssembly compiled
 * after it (Prisma's query compiler); it is set only when the embedded database opens, never with
 * PostgreSQL. It changes how the code is compiled, never what it does.
 */
export const PGLITE_V8_FLAGS = "--liftoff-only";

export interface OpenOptions {
  /** Told when the embedded folder's stale pid file (of a process that is gone) is taken over. */
  onStaleLock?: (previous: LockOwner | { raw: string }, reason: string) => void;
  /** Told when an embedded database without `KOERS_DATA_KEY` got a new key file. */
  onKeyCreated?: (file: string) => void;
}

/**
 * The data key: `config.dataKey` (from `KOERS_DATA_KEY`), else for the embedded database the key
 * file in its folder. PostgreSQL without a key is refused: its data would otherwise sit next to its key.
 */
function keyringFor(config: DatabaseConfig, opts: OpenOptions): Keyring {
  const spec = config.dataKey;
  if (spec) return parseKeyring(spec);
  if (config.kind === "postgres") {
    throw new DataKeyError(
      "KOERS_DATA_KEY is not set. With PostgreSQL it is required: client texts are encrypted with it. Make one with: echo \"k1:$(openssl rand -base64 32)\" (see README, Data at rest).",
    );
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const { keyring, file, created } = embeddedKeyring(config.dataDir);
  if (created) opts.onKeyCreated?.(file);
  return keyring;
}

/**
 * Opens the configured database: embedded PGlite in `dataDir`, or a PostgreSQL server.
 * Nothing is migrated here; call `migrate()` (the service does at start).
 */
export async function openDatabase(config: DatabaseConfig, opts: OpenOptions = {}): Promise<Database> {
  const keyring = keyringFor(config, opts);
  let sql: SqlRunner;
  let prisma: Db;
  let closeDriver: () => Promise<void>;
  if (config.kind === "embedded") {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const unlock = lockDataDir(config.dataDir, opts.onStaleLock ? { onTakeover: opts.onStaleLock } : {});
    v8.setFlagsFromString(PGLITE_V8_FLAGS);
    const pglite = await PGlite.create(config.dataDir, { startParams: PGLITE_START_PARAMS }).catch((err: unknown) => {
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
    sql = poolRunner(pool);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { timeout: 30_000, maxWait: 30_000 }, errorFormat: "minimal" });
    closeDriver = () => pool.end();
  }
  // Query extensions keep the client's type: seal on write, open on read.
  prisma = prisma.$extends(sealedExtension(keyring)) as unknown as Db;
  let closed = false;
  return {
    kind: config.kind,
    prisma,
    keyring,
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
