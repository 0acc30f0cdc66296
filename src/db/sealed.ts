/**
 * Client words at rest: AES-256-GCM with keys from `KOERS_DATA_KEY` ("k2:<base64>,k1:<base64>";
 * the first key seals, all of them open). A sealed value names its key and says what it holds:
 *
 *   <key id>:v1:<iv>:<tag>:<ciphertext>   a text
 *   <key id>:j1:<iv>:<tag>:<ciphertext>   a JSON value (opened and parsed back)
 *
 * iv, tag and ciphertext in base64. A value not in this format is plain (a row from before
 * sealing): it is read as it is, and the re-seal job (`resealBatch`) seals it.
 *
 * `sealedExtension` applies this at the edge: the Prisma client seals the fields listed in
 * `SEALED_FIELDS` on every write and opens every sealed string in every result (also in
 * included relations). Ids, states and timestamps stay plain, so queries keep working; a sealed
 * field cannot be searched or compared (only `null` / not `null`).
 */
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Keyring {
  /** The key that seals: the first one given. */
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** The shortest sealed value (a one-letter key id, nothing sealed): shorter strings are plain. */
const SEALED_MIN = "k:v1:".length + 16 + 1 + 24 + 1;
const SEALED = /^([A-Za-z0-9_-]{1,32}):(v1|j1):([A-Za-z0-9+/]{16}):([A-Za-z0-9+/]{22}==):([A-Za-z0-9+/]*={0,2})$/;

export class DataKeyError extends Error {}

/** Reads `id:base64key,id2:base64key2`; each key must be 32 bytes (AES-256). */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current = "";
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf(":");
    const id = at > 0 ? part.slice(0, at) : "";
    const key = Buffer.from(part.slice(at + 1), "base64");
    if (!KEY_ID.test(id)) throw new DataKeyError(`KOERS_DATA_KEY: "${id || part.slice(0, 8)}..." needs a key id first (letters, digits, - or _), as in k1:<base64 key>.`);
    if (key.length !== 32) throw new DataKeyError(`KOERS_DATA_KEY: key "${id}" must be 32 random bytes in base64 (openssl rand -base64 32), not ${key.length} bytes.`);
    if (keys.has(id)) throw new DataKeyError(`KOERS_DATA_KEY: key id "${id}" appears twice.`);
    keys.set(id, key);
    if (!current) current = id;
  }
  if (!current) throw new DataKeyError("KOERS_DATA_KEY is empty: give at least one key, as in k1:<base64 of 32 random bytes>.");
  return { current, keys };
}

/** A new key spec with one fresh key, e.g. for a new embedded data folder. */
export function newKeySpec(id = "k1"): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/**
 * The embedded database's key when `KOERS_DATA_KEY` is not set: `<dataDir>/data-key`, made on
 * first start (readable by this user only). `created` is true when it was just made.
 */
export function embeddedKeyring(dataDir: string): { keyring: Keyring; file: string; created: boolean } {
  const file = path.join(dataDir, "data-key");
  let created = false;
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, `${newKeySpec()}\n`, { mode: 0o600, flag: "wx" });
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return { keyring: parseKeyring(fs.readFileSync(file, "utf8").trim()), file, created };
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.length >= SEALED_MIN && SEALED.test(value);
}

/** The id of the key a sealed value was sealed with; null for a plain value. */
export function sealedWith(value: unknown): string | null {
  return typeof value === "string" ? (SEALED.exec(value)?.[1] ?? null) : null;
}

/**
 * IVs come from the system's random generator, 12 bytes each as before, taken from a buffer
 * filled 4 KiB at a time (one call into it per 341 seals instead of one per seal). Each IV is
 * copied out and its bytes are never handed out again.
 */
const IV_POOL = Buffer.alloc(12 * 341);
let ivAt = IV_POOL.length;
function freshIv(): Buffer {
  if (ivAt + 12 > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivAt = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivAt, ivAt + 12));
  ivAt += 12;
  return iv;
}

/** The additional authenticated data of a key id and kind, made once. */
const AADS = new Map<string, Buffer>();
function aad(id: string, kind: string): Buffer {
  const k = `${id}:${kind}`;
  let b = AADS.get(k);
  if (!b) AADS.set(k, (b = Buffer.from(k)));
  return b;
}

function encrypt(ring: Keyring, kind: "v1" | "j1", text: string): string {
  const key = ring.keys.get(ring.current) as Buffer;
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(ring.current, kind));
  const ct = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${ring.current}:${kind}:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${ct.toString("base64")}`;
}

/** Seals a text (an already sealed text is left as it is). */
export function seal(ring: Keyring, text: string): string {
  return isSealed(text) ? text : encrypt(ring, "v1", text);
}

/** Seals any JSON value into one string. */
export function sealJson(ring: Keyring, value: unknown): string {
  return isSealed(value) ? value : encrypt(ring, "j1", JSON.stringify(value));
}

/** Opens a sealed value (a text, or the JSON value it holds); anything else comes back as it is. */
export function open(ring: Keyring, value: unknown): unknown {
  if (typeof value !== "string" || value.length < SEALED_MIN) return value;
  const m = SEALED.exec(value);
  if (!m) return value;
  const [, id, kind, iv, tag, ct] = m as unknown as [string, string, string, string, string, string];
  const key = ring.keys.get(id);
  if (!key) throw new DataKeyError(`A value in the database was sealed with key "${id}", which is not in KOERS_DATA_KEY (keep old keys listed until the re-seal job is done).`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(aad(id, kind));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const text = Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
  return kind === "j1" ? JSON.parse(text) : text;
}

/** Opens every sealed string in a result: objects, arrays, JSON values, included relations. */
export function openDeep(ring: Keyring, value: unknown): unknown {
  if (typeof value === "string") return open(ring, value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = openDeep(ring, value[i]);
    return value;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = openDeep(ring, o[k]);
  }
  return value;
}

/**
 * How a field is sealed: "text" (a String column), "json" (a Json column sealed whole, stored as
 * one JSON string), or `{ keys }` (a Json object whose listed top-level keys are sealed one by
 * one, so the rest stays readable to SQL, e.g. a job's counters).
 */
export type FieldSeal = "text" | "json" | { keys: readonly string[] };

/**
 * Where client words are stored. Keep this in step with prisma/schema.prisma: every column that
 * can hold what a client typed, or a text that repeats it.
 */
export const SEALED_FIELDS: Record<string, Record<string, FieldSeal>> = {
  Client: { callName: "text", crisisCheckText: "text" },
  Goal: { text: "text", whenText: "text", signText: "text" },
  Step: { what: "text", helper: "text" },
  ScaleScore: { note: "text" },
  FlowRun: { snapshot: "json", data: "json", prompt: "json", resumeFrom: "json", outcome: "json" },
  // The client file: each answer as typed, and the question's vars (which can repeat earlier answers).
  FlowAnswer: { text: "text", promptVars: "json" },
  // Outbox payloads: the messages of a turn (their vars repeat the client's goal, name, steps)
  // and Slack lines about a referral; counters such as `sent` stay plain for the dispatcher.
  Job: { payload: { keys: ["messages", "thread", "dms"] } },
  Referral: { personName: "text", personContact: "text", need: "text", wish: "text", summary: "text", snapshot: "json" },
  ReferralEvent: { data: "json" },
  Appointment: { place: "text" },
  CrisisAlert: { messageText: "text" },
  // A nudge that a client was forgotten carries their name (the client row no longer does).
  Nudge: { detail: { keys: ["name"] } },
  // The detector's `matched` are the client's own words.
  CrisisAlertEvent: { messageText: "text", detail: { keys: ["matched"] } },
};

/**
 * Relation fields through which a sealed model can be written nested (`goal.create({ data: {
 * steps: { create: [...] } } })`), with the model they write. A test checks this against the
 * schema.
 */
export const NESTED: Record<string, Record<string, string>> = {
  Organisation: { referralsFrom: "Referral", referralsTo: "Referral" },
  Member: { clients: "Client", nudges: "Nudge" },
  Client: { goals: "Goal", scores: "ScaleScore", flowRuns: "FlowRun", jobs: "Job", referrals: "Referral", appointments: "Appointment", crisisAlerts: "CrisisAlert", nudges: "Nudge", answers: "FlowAnswer" },
  Invite: { client: "Client" },
  ConsentRecord: { client: "Client" },
  Goal: { client: "Client", steps: "Step", scores: "ScaleScore" },
  Step: { goal: "Goal" },
  ScaleScore: { client: "Client", goal: "Goal" },
  FlowRun: { client: "Client", answers: "FlowAnswer" },
  FlowAnswer: { flowRun: "FlowRun", client: "Client" },
  Job: { client: "Client" },
  Referral: { client: "Client", events: "ReferralEvent", appointments: "Appointment" },
  ReferralEvent: { referral: "Referral" },
  Appointment: { client: "Client", referral: "Referral" },
  Nudge: { client: "Client" },
  CrisisAlert: { client: "Client", events: "CrisisAlertEvent" },
  CrisisAlertEvent: { alert: "CrisisAlert" },
  PhaseChange: { client: "Client" },
  LadderRung: { client: "Client" },
};

function isPlainJson(v: unknown): boolean {
  // Prisma.JsonNull / DbNull are class instances: they stay as they are.
  return v !== null && v !== undefined && (typeof v !== "object" || Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);
}

/** Seals one field's value as written (also `{ set: value }`). */
export function sealField(ring: Keyring, how: FieldSeal, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "set" in value && how === "text") {
    return { set: sealField(ring, how, (value as { set: unknown }).set) };
  }
  if (how === "text") return typeof value === "string" ? seal(ring, value) : value;
  if (!isPlainJson(value)) return value;
  if (how === "json") return sealJson(ring, value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of how.keys) if (out[k] !== undefined && out[k] !== null) out[k] = sealJson(ring, out[k]);
  return out;
}

/** Seals the listed fields of one model's write data (a row, or a list of rows). */
export function sealData(ring: Keyring, model: string, data: unknown): unknown {
  const fields = SEALED_FIELDS[model] ?? {};
  if (data === null || typeof data !== "object") return data;
  if (Array.isArray(data)) return data.map((d) => sealData(ring, model, d));
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [field, how] of Object.entries(fields)) if (field in out) out[field] = sealField(ring, how, out[field]);
  for (const [relation, target] of Object.entries(NESTED[model] ?? {})) {
    const nested = out[relation];
    if (nested && typeof nested === "object") out[relation] = sealNested(ring, target, nested as Record<string, unknown>);
  }
  return out;
}

/** Seals the rows of a nested write: create, createMany, connectOrCreate, update(Many), upsert. */
function sealNested(ring: Keyring, model: string, w: Record<string, unknown>): Record<string, unknown> {
  const out = { ...w };
  const each = (v: unknown, fn: (x: Record<string, unknown>) => unknown) => (Array.isArray(v) ? v.map((x) => fn(x as Record<string, unknown>)) : fn(v as Record<string, unknown>));
  if (out.create) out.create = sealData(ring, model, out.create);
  if (out.createMany) out.createMany = { ...(out.createMany as object), data: sealData(ring, model, (out.createMany as { data: unknown }).data) };
  if (out.connectOrCreate) out.connectOrCreate = each(out.connectOrCreate, (x) => ({ ...x, create: sealData(ring, model, x.create) }));
  if (out.update) out.update = each(out.update, (x) => ("data" in x ? { ...x, data: sealData(ring, model, x.data) } : sealData(ring, model, x)));
  if (out.updateMany) out.updateMany = each(out.updateMany, (x) => ({ ...x, data: sealData(ring, model, x.data) }));
  if (out.upsert) out.upsert = each(out.upsert, (x) => ({ ...x, create: sealData(ring, model, x.create), update: sealData(ring, model, x.update) }));
  return out;
}

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);

/**
 * The Prisma client extension: seals on write (also nested writes through `NESTED`), opens on
 * read. Plain SQL bypasses it: a raw query that writes a sealed field must seal it itself.
 */
export function sealedExtension(ring: Keyring) {
  return {
    name: "sealed",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }: { model: string; operation: string; args: unknown; query: (args: unknown) => Promise<unknown> }) {
          let a = args;
          if (WRITES.has(operation) && (SEALED_FIELDS[model] || NESTED[model]) && a && typeof a === "object") {
            const w = { ...(a as Record<string, unknown>) };
            if ("data" in w) w.data = sealData(ring, model, w.data);
            if ("create" in w) w.create = sealData(ring, model, w.create);
            if ("update" in w) w.update = sealData(ring, model, w.update);
            a = w;
          }
          return openDeep(ring, await query(a));
        },
      },
    },
  };
}
