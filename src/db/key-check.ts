/**
 * The start check on the data key: which keys the sealed values in the database were sealed with
 * that `KOERS_DATA_KEY` (or the embedded folder's `data-key`) does not hold. With such a key
 * missing, every read of those rows fails: the service would answer every client "Sorry, er ging
 * iets mis" and give their messages up, while `/healthz` says all is well. So the service refuses
 * to start instead, naming the key.
 */
import type { Database } from "./client.js";
import { SEALED_FIELDS, type FieldSeal } from "./sealed.js";

/** What `isSealed` matches (src/db/sealed.ts), as a PostgreSQL regular expression: only such a value is opened. */
const SEALED_PATTERN = "^[A-Za-z0-9_-]{1,32}:(v1|j1):[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$";

/** The text expressions (with the condition that they are strings) a field's sealed values sit in. */
function sealedTexts(field: string, how: FieldSeal): { value: string; where: string }[] {
  const col = `"${field}"`;
  if (how === "text") return [{ value: col, where: `${col} IS NOT NULL` }];
  if (how === "json") return [{ value: `(${col} #>> '{}')`, where: `jsonb_typeof(${col}) = 'string'` }];
  return how.keys.map((key) => ({ value: `(${col} ->> '${key}')`, where: `jsonb_typeof(${col}) = 'object' AND jsonb_typeof(${col} -> '${key}') = 'string'` }));
}

/** How many rows of each table with sealed fields are looked at. */
const SAMPLE = 200;

/**
 * Key ids found in sealed values that the database's keyring cannot open (none: all is readable).
 *
 * It looks at the sealed fields of the first `SAMPLE` rows of each table (in storage order, which
 * starts with the oldest rows, the ones an old key sealed), in one statement, not at every row: at
 * start, on 100,000 clients, reading every sealed column took seconds. A database sealed with another key (an
 * embedded folder started with a new `KOERS_DATA_KEY`, PostgreSQL with the wrong key) shows it in
 * its first rows. A key that sealed only rows further in is not seen here; reading such a row fails
 * with an error that names the key (`open` in src/db/sealed.ts).
 */
export async function unknownSealingKeys(db: Database): Promise<string[]> {
  // Key ids are letters, digits, - and _ (parseKeyring checks that), so they can be quoted as they are.
  const known = [...db.keyring.keys.keys()].map((id) => `'${id}'`).join(", ");
  const samples: string[] = [];
  for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
    for (const [field, how] of Object.entries(fields)) {
      for (const { value, where } of sealedTexts(field, how)) {
        // A bounded read: the first rows, not the first non-null values (a column that is mostly null would be read whole).
        const firstRows = `SELECT "${field}" FROM "${model}" LIMIT ${SAMPLE}`;
        samples.push(`(SELECT v FROM (SELECT ${value} AS v FROM (${firstRows}) r WHERE ${where}) s WHERE v ~ '${SEALED_PATTERN}')`);
      }
    }
  }
  const rows = await db.sql.query<{ id: string }>(
    `SELECT DISTINCT split_part(v, ':', 1) AS id FROM (${samples.join(" UNION ALL ")}) sampled WHERE split_part(v, ':', 1) NOT IN (${known}) LIMIT 10`,
  );
  return rows.map((r) => r.id).sort();
}
