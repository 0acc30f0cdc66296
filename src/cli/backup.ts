/**
 * Backup and restore of the embedded database (PGlite in DATA_DIR):
 * `npm run koers -- backup [--to <file>]` and `npm run koers -- restore <file> [--data-dir <folder>]`.
 *
 * The embedded database belongs to one process at a time (the pid file in DATA_DIR, see
 * src/db/data-dir-lock.ts), so a backup runs while the service is stopped: it takes the same lock, so it
 * cannot run next to the service, writes every change to the data files (CHECKPOINT) and packs
 * the whole folder with PGlite's `dumpDataDir()` into a .tar.gz. The file is then opened in
 * memory to check it before it is called done. With PostgreSQL use pg_dump (docs/operations.md).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { Config } from "../config.js";
import { lockDataDir, PID_FILE } from "../db/data-dir-lock.js";

export const BACKUP_USAGE = `  backup [--to <file.tar.gz>]              back up the embedded database (stop the service first)
  restore <file.tar.gz> [--data-dir <dir>] restore a backup into an empty or new data folder`;

/** A problem the operator can fix; printed without a stack, exit code 2. */
export class BackupError extends Error {}

export interface BackupSummary {
  file: string;
  bytes: number;
  /** Applied migrations, oldest first. */
  migrations: string[];
  clients: number;
}

/** What the backup holds, read from an open database. */
async function contents(db: PGlite): Promise<Pick<BackupSummary, "migrations" | "clients">> {
  const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
  const has = (t: string) => tables.rows.some((r) => r.name === t);
  const migrations = has("_prisma_migrations")
    ? (await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)).rows.map((r) => r.migration_name)
    : [];
  const clients = has("Client") ? Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Client"`)).rows[0]?.n ?? 0) : 0;
  return { migrations, clients };
}

/** Takes the data folder's lock, with what to do when the service holds it. */
function lockFor(what: "back up" | "restore", dataDir: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Held on another host (a shared folder): the lock's own sentence says what to do.
    if (!/in use by another Koers process/.test(message)) throw new BackupError(message);
    const pid = /pid (\d+)/.exec(message)?.[1] ?? "?";
    throw new BackupError(
      `Cannot ${what} ${dataDir} now: the running Koers service (pid ${pid}) uses it, and the embedded database is one process's. ` +
        `Stop the service first (systemctl stop koers, or docker stop <container>), run this again, then start the service: a backup takes seconds.`,
    );
  }
}

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** Writes a checked .tar.gz of the embedded database in `dataDir` to `file`. */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupSummary> {
  const dir = path.resolve(dataDir);
  const target = path.resolve(file);
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw new BackupError(`There is no embedded database in ${dir} (no PG_VERSION). Check DATA_DIR.`);
  if (inside(dir, target)) throw new BackupError(`Write the backup outside the data folder ${dir}: a backup inside it would be part of the next one, and a restore needs an empty folder.`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; a backup never overwrites a file. Choose another name with --to.`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);

  const unlock = lockFor("back up", dir);
  let archive: Blob;
  try {
    const db = await PGlite.create(dir);
    try {
      // Every committed change into the data files, so the copy does not depend on replaying WAL.
      await db.exec("CHECKPOINT");
      archive = await db.dumpDataDir("gzip");
    } finally {
      await db.close();
    }
  } finally {
    unlock();
  }

  // Check the archive opens and holds the database before it takes its final name.
  const bytes = Buffer.from(await archive.arrayBuffer());
  const check = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  let summary: Pick<BackupSummary, "migrations" | "clients">;
  try {
    summary = await contents(check);
  } finally {
    await check.close();
  }
  const partial = `${target}.partial`;
  // Personal data: readable by the owner only.
  const fd = fs.openSync(partial, "wx", 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, target);
  return { file: target, bytes: bytes.length, ...summary };
}

/** Unpacks a backup made by `backupEmbedded` into `dataDir`, which must be empty or new. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<BackupSummary> {
  const source = path.resolve(file);
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupError(`There is no backup file ${source}.`);
  const existed = fs.existsSync(dir);
  if (existed && fs.readdirSync(dir).length > 0) {
    throw new BackupError(
      `${dir} is not empty: a restore never writes over a database. Move it aside first (for example: mv ${dir} ${dir}.old), or give another folder with --data-dir.`,
    );
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unlock = lockFor("restore", dir);
  let ok = false;
  try {
    const bytes = fs.readFileSync(source);
    // The archive holds the pid file of the backup that made it: unpacked straight into `dir` it
    // would replace this restore's lock. So it is unpacked into a folder inside `dir` and moved
    // up entry by entry without that file, all while the lock is held.
    const staging = path.join(dir, `.restore-${randomUUID()}`);
    try {
      const unpacked = await PGlite.create(staging, { loadDataDir: new Blob([bytes]) });
      await unpacked.close();
    } catch (err) {
      throw new BackupError(`${source} is not a Koers backup that this version can read (${err instanceof Error ? err.message : String(err)}).`);
    }
    for (const entry of fs.readdirSync(staging)) {
      if (entry === PID_FILE || entry.startsWith(`${PID_FILE}.`)) continue;
      fs.renameSync(path.join(staging, entry), path.join(dir, entry));
    }
    fs.rmSync(staging, { recursive: true, force: true });
    const db = await PGlite.create(dir);
    let summary: Pick<BackupSummary, "migrations" | "clients">;
    try {
      summary = await contents(db);
    } finally {
      await db.close();
    }
    if (!summary.migrations.length) throw new BackupError(`${source} holds a database without Koers' tables: not a Koers backup.`);
    ok = true;
    return { file: source, bytes: bytes.length, ...summary };
  } finally {
    // Leave the folder as it was found: empty (or absent), so the next try can start over. The
    // lock goes last, so nothing else opens the half-restored folder.
    if (!ok) for (const entry of fs.readdirSync(dir)) if (entry !== PID_FILE) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    unlock();
    if (!ok && !existed) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

const describe = (s: BackupSummary) =>
  `${s.migrations.length} migration(s), the last ${s.migrations[s.migrations.length - 1] ?? "-"}; ${s.clients} client(s)`;

/** Runs `backup …` or `restore …`; returns the process exit code. */
export async function runBackup(
  config: Config,
  command: "backup" | "restore",
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  now = new Date(),
): Promise<number> {
  if (config.database.kind !== "embedded") {
    err.write(
      `${command === "backup" ? "Backups" : "Restores"} of a PostgreSQL database are done with PostgreSQL's own tools: ` +
        `${command === "backup" ? 'pg_dump -Fc --no-owner -f koers.dump "$DATABASE_URL"' : 'pg_restore --no-owner --exit-on-error -d "$DATABASE_URL" koers.dump'} (see docs/operations.md).\n`,
    );
    return 2;
  }
  try {
    if (command === "backup") {
      const { values, positionals } = parseArgs({ args, options: { to: { type: "string" } }, allowPositionals: true, strict: true });
      if (positionals.length) throw new BackupError(`Give the file with --to <file>, not "${positionals.join(" ")}".`);
      const file = values.to?.trim() || `koers-backup-${stamp(now)}.tar.gz`;
      const s = await backupEmbedded(config.database.dataDir, file);
      out.write(`Backup written: ${s.file} (${size(s.bytes)}): ${describe(s)}. It holds personal data: keep it as safe as the server.\n`);
    } else {
      const { values, positionals } = parseArgs({ args, options: { "data-dir": { type: "string" } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new BackupError("Give one backup file: restore <file.tar.gz> [--data-dir <folder>].");
      const dir = values["data-dir"]?.trim() || config.database.dataDir;
      const s = await restoreEmbedded(positionals[0]!, dir);
      out.write(`Restored ${s.file} into ${path.resolve(dir)}: ${describe(s)}. Start the service with DATA_DIR=${path.resolve(dir)}; newer migrations are applied at start.\n`);
    }
    return 0;
  } catch (e) {
    const parseError = e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS");
    if (!(e instanceof BackupError) && !parseError) throw e;
    err.write(`${e.message}\n${parseError ? `\nUsage: npm run koers -- ...\n${BACKUP_USAGE}\n` : ""}`);
    return 2;
  }
}
