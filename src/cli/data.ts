/**
 * `npm run koers -- data status`: how far the re-seal job is (rows whose client texts are still
 * plain or encrypted with an older key), so an operator knows when an old key may go.
 */
import type { Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";
import { SEALED_FIELDS } from "../db/sealed.js";
import { staleWhere } from "../jobs/reseal.js";
import { usageError } from "./run.js";

export const DATA_USAGE = `  data status                              rows not yet encrypted with the first key of KOERS_DATA_KEY`;

/** Rows per table still to be (re)encrypted with the current key. */
export async function staleCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const model of Object.keys(SEALED_FIELDS)) {
    const [row] = await db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${model}" WHERE ${staleWhere(model, db.keyring.current)}`);
    const n = Number(row?.n ?? 0);
    if (n) out[model] = n;
  }
  return out;
}

export async function dataStatus(db: Database): Promise<string> {
  const stale = await staleCounts(db);
  const total = Object.values(stale).reduce((a, b) => a + b, 0);
  if (!total) return `All client texts are encrypted with key "${db.keyring.current}". Keys no longer needed can be removed from KOERS_DATA_KEY.`;
  const list = Object.entries(stale).map(([m, n]) => `  ${m}: ${n}`).join("\n");
  return `${total} row(s) still to encrypt with key "${db.keyring.current}" (the data.reseal job does this every 10 minutes, while Koers runs):\n${list}\nKeep the older keys in KOERS_DATA_KEY until this says none are left.`;
}

/** Runs `data …`; returns the process exit code. */
export async function runData(config: Config, args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub] = args;
  if (sub !== "status") {
    return usageError(err, sub ? `Unknown command "data ${sub}".` : "Give a data command.", DATA_USAGE);
  }
  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    out.write(`${await dataStatus(db)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
