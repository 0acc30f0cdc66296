/**
 * For tests of `npm run koers -- …` commands run in-process: a stream that keeps what the command
 * wrote, and a short-lived database connection between commands (the embedded database has one
 * opener at a time, and the command opens it itself).
 */
import { Writable } from "node:stream";
import type { Config } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/client.js";

/** A writable stream for `out`/`err`; `text()` is all that was written to it. */
export function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join("") });
}

/** Opens the command's database for `fn` and closes it again. */
export async function withDb<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.database);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Runs a command's `run` in-process with `args`: its exit code and what it wrote to out and err. */
export async function runIn(
  run: (config: Config, args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>,
  config: Config,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await run(config, args, out, err);
  return { code, out: out.text(), err: err.text() };
}
