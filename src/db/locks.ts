/**
 * Every row lock Koers takes (SELECT ... FOR UPDATE), one function each: a lock holds until the
 * transaction that took it ends, so two writers of the same row are served one after the other,
 * across instances. Where two locks are taken in one transaction, the client's comes first (the
 * engine's order), so they never deadlock. The job dispatcher's claim (FOR UPDATE SKIP LOCKED, in
 * src/jobs/dispatcher.ts) is not a lock to wait on and stays with the queue's reader.
 */
import type { Tx } from "./client.js";
import type { SqlRunner } from "./migrate.js";
import type { Client, Invite, Job, Nudge, Referral } from "../generated/prisma/client.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks the client of a Telegram chat (FOR UPDATE): their updates never interleave, across instances. */
export async function lockClientByChat(tx: Tx, chatId: number): Promise<Client | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Client" WHERE "telegramChatId" = ${BigInt(chatId)} FOR UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.client.findUnique({ where: { id } }) : null;
}

/** What the fast path reads of the client it locks, in the same statement. */
export interface ChatClientRow {
  id: string;
  status: string;
  language: string;
  floodTimes: unknown;
  flooding: boolean;
  checkPending: boolean;
}

const LOCK_CHAT_CLIENT_ROW = `
  SELECT id::text AS id, status::text AS status, language, "floodTimes", "floodSince" IS NOT NULL AS flooding,
    "crisisCheckText" IS NOT NULL AS "checkPending"
  FROM "Client" WHERE "telegramChatId" = $1 FOR UPDATE`;

/**
 * The lock of `lockClientByChat` in plain SQL (the fast path's one round trip): locks the client of
 * a Telegram chat and reads what the fast path decides on; undefined when the chat has no client.
 */
export async function lockChatClientRow(sql: SqlRunner, chatId: number): Promise<ChatClientRow | undefined> {
  const [row] = await sql.query<ChatClientRow>(LOCK_CHAT_CLIENT_ROW, [chatId], "koers_fast_lock");
  return row;
}

/**
 * Locks a client's row (FOR UPDATE) until the transaction ends: the one lock every writer of a
 * client's conversation, reminders or data takes first, so they never interleave, across instances.
 */
export async function lockClient(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Client" WHERE id = ${id}::uuid FOR UPDATE`;
}

/** Locks a client's row (see `lockClient`) and reads it; null when there is no such client. */
export async function lockClientById(tx: Tx, id: string): Promise<Client | null> {
  await lockClient(tx, id);
  return tx.client.findUnique({ where: { id } });
}

/** Locks an invite by the hash of its code and reads it: two chats using one link are served in turn. */
export async function lockInviteByCode(tx: Tx, codeHash: string): Promise<Invite | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invite" WHERE "codeHash" = ${codeHash} FOR UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.invite.findUniqueOrThrow({ where: { id } }) : null;
}

/** Locks a job's row and reads it; null when there is no such job (a reminder's button, for one). */
export async function lockJob(tx: Tx, id: string | bigint): Promise<Job | null> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM "Job" WHERE id = ${BigInt(id)} FOR UPDATE`;
  return rows.length ? tx.job.findUnique({ where: { id: BigInt(id) } }) : null;
}

/** Locks a job's row and reads its payload as it is now (a handler's own job, before it acts on it). */
export async function lockJobPayload<P>(tx: Tx, id: string | bigint): Promise<P | null> {
  const rows = await tx.$queryRaw<{ payload: P }[]>`SELECT payload FROM "Job" WHERE id = ${BigInt(id)} FOR UPDATE`;
  return rows[0]?.payload ?? null;
}

/**
 * Locks the referral row and reads it: two people pressing "accept" at once are served one after
 * the other, and the second sees the state the first left. Null for an id that is no uuid.
 */
export async function lockReferral(tx: Tx, id: string): Promise<Referral | null> {
  if (!UUID.test(id)) return null;
  await tx.$queryRaw`SELECT id FROM "Referral" WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.referral.findUnique({ where: { id } });
}

/** Locks a crisis alert's row (after its client's: `lockClient` first). */
export async function lockCrisisAlert(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "CrisisAlert" WHERE id = ${id}::uuid FOR UPDATE`;
}

/** Locks a nudge's row and reads it: a coach's two presses are served in turn. Null when there is none. */
export async function lockNudge(tx: Tx, id: string): Promise<Nudge | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Nudge" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length ? tx.nudge.findUniqueOrThrow({ where: { id } }) : null;
}

/**
 * Locks one row of any table by id (the re-sealing job walks every sealed table). `table` must be
 * a model name of ours, never input; `idType` is the type of the table's id column.
 */
export async function lockRow(tx: Tx, table: string, id: string, idType: "uuid" | "bigint"): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1::${idType} FOR UPDATE`, id);
}

/** True the first time an update id is seen in a committed transaction. */
export async function firstDelivery(tx: Tx, updateId: number | undefined): Promise<boolean> {
  if (updateId === undefined) return true;
  const n = await tx.$executeRaw`INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(updateId)}) ON CONFLICT DO NOTHING`;
  return n === 1;
}
