/**
 * The re-seal job: seals client words that are still plain (rows from before sealing) and
 * re-seals what an older key sealed, with the current key (the first of `KOERS_DATA_KEY`). It runs
 * as a recurring job in small batches while the service works: each row is locked, read (opened)
 * and written back (sealed) in a transaction of its own, so nothing waits long and no write of
 * the service is lost. When it finds nothing left, an old key may be removed from `KOERS_DATA_KEY`.
 */
import type { Database } from "../db/client.js";
import { lockRow } from "../db/locks.js";
import { SEALED_FIELDS, type FieldSeal } from "../db/sealed.js";

/** Rows per model and run. */
export const RESEAL_BATCH = 200;

function quoteLike(s: string): string {
  return s.replace(/[\\%_']/g, (c) => (c === "'" ? "''" : `\\${c}`));
}

/** SQL that is true when this field of the row still needs (re)sealing with key `current`. */
function stale(field: string, how: FieldSeal, current: string): string {
  const col = `"${field}"`;
  const k = quoteLike(current);
  if (how === "text") return `(${col} IS NOT NULL AND ${col} NOT LIKE '${k}:v1:%')`;
  if (how === "json") return `(${col} IS NOT NULL AND jsonb_typeof(${col}) <> 'null' AND NOT (jsonb_typeof(${col}) = 'string' AND ${col} #>> '{}' LIKE '${k}:j1:%'))`;
  return `(${col} IS NOT NULL AND jsonb_typeof(${col}) = 'object' AND (${how.keys
    .map((key) => `(${col} ? '${key}' AND jsonb_typeof(${col} -> '${key}') <> 'null' AND NOT (jsonb_typeof(${col} -> '${key}') = 'string' AND ${col} ->> '${key}' LIKE '${k}:j1:%'))`)
    .join(" OR ")}))`;
}

/** The condition the re-seal job uses for a model (exported for the tests' and the CLI's counts). */
export function staleWhere(model: string, current: string): string {
  return Object.entries(SEALED_FIELDS[model] ?? {})
    .map(([field, how]) => stale(field, how, current))
    .join(" OR ");
}

type Delegate = {
  findUnique(args: { where: { id: unknown } }): Promise<Record<string, unknown> | null>;
  update(args: { where: { id: unknown }; data: Record<string, unknown> }): Promise<unknown>;
};

const BIGINT_IDS = new Set(["Job", "ReferralEvent", "CrisisAlertEvent", "AuditEvent", "FlowAnswer"]);

/**
 * Re-seals up to `limit` rows of each model; returns how many rows were written per model (an
 * empty object when everything is sealed with the current key).
 */
export async function resealBatch(db: Database, limit = RESEAL_BATCH): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
    const rows = await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "${model}" WHERE ${staleWhere(model, db.keyring.current)} ORDER BY id LIMIT $1`, [limit]);
    for (const { id } of rows) {
      const key = BIGINT_IDS.has(model) ? BigInt(id) : id;
      const wrote = await db.prisma.$transaction(async (tx) => {
        await lockRow(tx, model, id, BIGINT_IDS.has(model) ? "bigint" : "uuid");
        const delegate = (tx as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)] as Delegate;
        const row = await delegate.findUnique({ where: { id: key } });
        if (!row) return false;
        const data: Record<string, unknown> = {};
        for (const field of Object.keys(fields)) if (row[field] !== null && row[field] !== undefined) data[field] = row[field];
        await delegate.update({ where: { id: key }, data });
        return true;
      });
      if (wrote) done[model] = (done[model] ?? 0) + 1;
    }
  }
  return done;
}
