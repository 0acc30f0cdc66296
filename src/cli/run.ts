/**
 * What every `npm run koers -- <command>` shares: a usage error (the message, then the command's
 * usage, exit code 2), option parsing that answers with such an error, and one run against the
 * migrated database that prints what the command returns.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";

/** Writes `message` and the command's usage to `err`; returns exit code 2. */
export function usageError(err: NodeJS.WritableStream, message: string, usage: string): 2 {
  err.write(`${message}\n\nUsage: npm run koers -- ...\n${usage}\n`);
  return 2;
}

/** `parseArgs`, strict; on wrong options the error is written with the usage and it returns undefined. */
export function parseOptions<T extends Omit<ParseArgsConfig, "strict">>(
  config: T,
  err: NodeJS.WritableStream,
  usage: string,
): ReturnType<typeof parseArgs<T & { strict: true }>> | undefined {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (e) {
    usageError(err, e instanceof Error ? e.message : String(e), usage);
    return undefined;
  }
}

/**
 * Opens and migrates the database, writes the line `command` returns to `out` (exit code 0) and
 * closes it again. An error of the class `usage.error` is the user's: its message goes to `err`
 * with exit code `usage.code` (default 2); any other error is thrown on.
 */
export async function runOnDatabase(
  config: Config,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  usage: { error: abstract new (...args: never[]) => Error; code?: number },
  command: (db: Database) => Promise<string>,
): Promise<number> {
  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    out.write(`${await command(db)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof usage.error)) throw e;
    err.write(`${e.message}\n`);
    return usage.code ?? 2;
  } finally {
    await db.close();
  }
}
