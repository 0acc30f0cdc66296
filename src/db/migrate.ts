import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A minimal SQL runner: the embedded database and a pg pool both offer this. */
export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs one parameterised query and returns its rows. `name` (PostgreSQL only) makes it a
   * prepared statement of the connection, parsed and planned once: for the hot path's statements.
   */
  query<T>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  /**
   * The last statement of a transaction, committed with it: on PostgreSQL COMMIT goes out right
   * behind it, one round trip for both. When it returns, the transaction is committed (when it
   * throws, rolled back); no statement can follow it, and what `fn` does after it can no longer
   * undo it. Outside a transaction it is `query`.
   */
  queryAndCommit<T>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  /** Runs `fn` inside one transaction on one connection. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/**
 * prisma/migrations of this checkout: two folders up from src/db/ when run through tsx, three
 * from dist/src/db/ when run from the build.
 */
export const MIGRATIONS_DIR = [2, 3]
  .map((up) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), ...Array<string>(up).fill(".."), "prisma/migrations"))
  .find((dir) => fs.existsSync(dir)) ?? path.resolve("prisma/migrations");

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Arbitrary but fixed key for the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 72_657_110;

/**
 * Applies the SQL migrations in prisma/migrations (written by `prisma migrate diff`) that the
 * database has not seen yet, each in its own transaction, and records them in Prisma's own
 * `_prisma_migrations` table with the same checksum, so `prisma migrate status` agrees.
 *
 * Each migration commits before the next begins, so a migration may use what an earlier one made
 * (an enum value added by `ALTER TYPE ... ADD VALUE` cannot be used in the transaction that added
 * it). Every transaction first takes the same advisory lock and reads which migrations are done,
 * so several instances starting together apply each migration once. A failing migration is rolled
 * back alone: the ones before it stay applied, and the error names it.
 *
 * Why not `prisma migrate deploy` at start: through the PGlite driver adapter it waits forever on
 * its own lock (one connection), and through @prisma/adapter-pg it needs a workaround for
 * prisma/orm#27403. This runner works the same on both.
 */
export async function applyMigrations(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  /** Takes the lock in `tx` and returns the migrations already applied, with their checksums. */
  async function lockAndRead(tx: SqlRunner): Promise<Map<string, string>> {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const done = await tx.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Map(done.map((r) => [r.migration_name, r.checksum]));
  }
  const seen = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    return lockAndRead(tx);
  });
  const files = names.map((name) => {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
  for (const f of files) {
    const previous = seen.get(f.name);
    if (previous !== undefined && previous !== f.checksum) {
      throw new Error(`Migration ${f.name} was changed after it was applied. Add a new migration instead.`);
    }
  }
  const applied: string[] = [];
  for (const f of files) {
    if (seen.has(f.name)) continue;
    const didApply = await db
      .transaction(async (tx) => {
        // Another instance may have applied it while this one waited for the lock.
        if ((await lockAndRead(tx)).has(f.name)) return false;
        await tx.exec(f.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), f.checksum, f.name],
        );
        return true;
      })
      .catch((err: unknown) => {
        const applyNote = applied.length ? ` (applied before it: ${applied.join(", ")})` : "";
        throw new Error(`Migration ${f.name} failed and was rolled back${applyNote}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
    if (didApply) applied.push(f.name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
}
