/**
 * Every row of every table, before and after a fuzz run, and what changed between them: rows
 * added, removed, and the columns changed in rows kept (by primary key). The fuzz test decides
 * which of these changes a valid event could have made.
 */
import type { Database } from "../../src/db/client.js";

export type Row = Record<string, unknown>;
export type Snapshot = Map<string, Map<string, Row>>;

export interface Change {
  table: string;
  op: "insert" | "update" | "delete";
  /** The row after the change (before, for a delete). */
  row: Row;
  /** For an update: the row before. */
  before?: Row;
  /** For an update: the columns whose values differ. */
  columns: string[];
}

/** All rows of all tables in the public schema (Prisma's migration table left out), by primary key. */
export async function snapshot(db: Database): Promise<Snapshot> {
  const tables = await db.sql.query<{ table: string; keys: string[] }>(`
    SELECT c.relname AS "table", array_agg(a.attname::text ORDER BY a.attnum) AS keys
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
    WHERE i.indisprimary AND c.relname <> '_prisma_migrations'
    GROUP BY c.relname ORDER BY c.relname`);
  const out: Snapshot = new Map();
  for (const { table, keys } of tables) {
    const rows = await db.sql.query<{ row: Row }>(`SELECT to_jsonb(t) AS row FROM "${table}" t`);
    const byKey = new Map<string, Row>();
    for (const { row } of rows) byKey.set(JSON.stringify(keys.map((k) => row[k])), row);
    out.set(table, byKey);
  }
  return out;
}

export function diff(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, Row>();
    for (const [key, row] of rows) {
      const was = old.get(key);
      if (!was) {
        changes.push({ table, op: "insert", row, columns: Object.keys(row) });
        continue;
      }
      const columns = Object.keys({ ...was, ...row }).filter((c) => JSON.stringify(was[c]) !== JSON.stringify(row[c]));
      if (columns.length) changes.push({ table, op: "update", row, before: was, columns });
    }
    for (const [key, row] of old) if (!rows.has(key)) changes.push({ table, op: "delete", row, columns: [] });
  }
  return changes;
}

/** A short line for a failure message. */
export function describeChange(c: Change): string {
  const id = JSON.stringify(c.row.id ?? c.row.updateId ?? c.row.signature ?? "?");
  if (c.op !== "update") return `${c.op} ${c.table} ${id} ${JSON.stringify(c.row).slice(0, 300)}`;
  const cols = c.columns.map((k) => `${k}: ${JSON.stringify(c.before?.[k]).slice(0, 80)} -> ${JSON.stringify(c.row[k]).slice(0, 80)}`);
  return `update ${c.table} ${id} ${cols.join("; ")}`;
}
