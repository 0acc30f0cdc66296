import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  isDriverAdapterError,
  type Error as AdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "../config.js";

/** OID of PostgreSQL's `name` type and of `text`. */
const NAME_OID = 19;
const TEXT_OID = 25;

type QueryCallback = (err: Error | null, res?: pg.QueryResult) => void;

function renameNameFields<T>(res: T): T {
  const results = Array.isArray(res) ? res : [res];
  for (const r of results as (pg.QueryResult | undefined)[]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
  }
  return res;
}

/**
 * A pg client that reports columns of type `name` as `text`. Works around prisma/orm#27403:
 * @prisma/adapter-pg 6.19 cannot deserialise `name` columns, which Prisma's migrate reads from
 * the catalog. `pool.query` calls the client with a callback, so both forms are handled.
 */
class NameAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as QueryCallback;
      const wrapped: QueryCallback = (err, res) => cb(err, res === undefined ? res : renameNameFields(res));
      return (super.query as (...a: unknown[]) => never)(...args.slice(0, -1), wrapped);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(renameNameFields) as never;
    }
    return out as never;
  }
}

/**
 * The PGlite adapter factory, typed as the driver-adapter interface of our Prisma version.
 * pglite-prisma-adapter 0.6 declares its types against @prisma/driver-adapter-utils 6.10, whose
 * `ArgType` differs from 6.19's only in type-level detail; at run time the shapes agree (the
 * engine and migration tests prove it). This is the one cast between the two.
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withSqlState(await inner.connect()),
    connectToShadowDb: async () => withSqlState(await inner.connectToShadowDb()),
  };
}

/**
 * The error Prisma should see for a PostgreSQL error from PGlite. pglite-prisma-adapter 0.6
 * reports every database error as the generic kind "postgres" without `originalCode` and
 * `originalMessage`, so Prisma says "Code: N/A" and a unique violation is no P2002. This maps
 * the SQLSTATE the way @prisma/adapter-pg does, so both databases give the same Prisma errors.
 */
export function pgliteErrorForPrisma(cause: AdapterError): AdapterError {
  if (cause.kind !== "postgres") return cause;
  const { code, message, detail, column } = cause;
  const keyFields = detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(", ");
  const base = { originalCode: code, originalMessage: message };
  switch (code) {
    case "22001":
      return { ...base, kind: "LengthMismatch", column };
    case "22003":
      return { ...base, kind: "ValueOutOfRange", cause: message };
    case "23505":
      return { ...base, kind: "UniqueConstraintViolation", constraint: keyFields ? { fields: keyFields } : undefined };
    case "23502":
      return { ...base, kind: "NullConstraintViolation", constraint: column ? { fields: [column] } : undefined };
    case "23503":
      return { ...base, kind: "ForeignKeyConstraintViolation", constraint: column ? { fields: [column] } : undefined };
    case "40001":
    case "40P01":
      return { ...base, kind: "TransactionWriteConflict" };
    case "42P01":
      return { ...base, kind: "TableDoesNotExist", table: message.split(" ").at(1)?.split('"').at(1) };
    case "42703":
      return { ...base, kind: "ColumnNotFound", column: message.split(" ").at(1)?.split('"').at(1) };
    default:
      return { ...cause, ...base };
  }
}

async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isDriverAdapterError(err) && err.cause.kind === "postgres") throw new DriverAdapterError(pgliteErrorForPrisma(err.cause));
    throw err;
  }
}

function queryable<Q extends SqlQueryable>(inner: Q): SqlQueryable {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => mapped(() => inner.queryRaw(query)),
    executeRaw: (query) => mapped(() => inner.executeRaw(query)),
  };
}

function withSqlState(inner: SqlDriverAdapter): SqlDriverAdapter {
  return {
    ...queryable(inner),
    executeScript: (script) => mapped(() => inner.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const tx: Transaction = await mapped(() => inner.startTransaction(isolationLevel));
      return {
        ...queryable(tx),
        options: tx.options,
        commit: () => mapped(() => tx.commit()),
        rollback: () => mapped(() => tx.rollback()),
      };
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  };
}

export interface AdapterHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the database connection(s) behind the adapter. */
  close(): Promise<void>;
  /** The embedded database, when there is one (for raw access in tests and benchmarks). */
  pglite?: PGlite;
}

/**
 * Builds the Prisma driver adapter for the configured database: embedded PGlite in a folder,
 * or a PostgreSQL server. Used by the service and by prisma.config.ts for migrations.
 */
export async function createAdapter(db: DatabaseConfig, opts: { forMigrations?: boolean } = {}): Promise<AdapterHandle> {
  if (db.kind === "embedded") {
    fs.mkdirSync(db.dataDir, { recursive: true });
    const pglite = await PGlite.create(db.dataDir);
    return { factory: pgliteAdapterFactory(pglite), pglite, close: () => pglite.close() };
  }
  const pool = new pg.Pool({
    connectionString: db.url,
    max: opts.forMigrations ? 2 : 10,
    Client: opts.forMigrations ? NameAsTextClient : pg.Client,
    // Nobody closes the pool prisma.config.ts hands to the CLI: let the process exit once its
    // connections are idle instead of waiting out the idle timeout (10 s).
    allowExitOnIdle: opts.forMigrations === true,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  return { factory: new PrismaPg(pool), close: () => pool.end() };
}
