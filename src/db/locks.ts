import type { Tx } from "./client.js";
import type { Client } from "../generated/prisma/client.js";

/** Locks the client of a Telegram chat (FOR UPDATE): their updates never interleave, across instances. */
export async function lockClientByChat(tx: Tx, chatId: number): Promise<Client | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Client" WHERE "telegramChatId" = ${BigInt(chatId)} FOR UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.client.findUnique({ where: { id } }) : null;
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

/** True the first time an update id is seen in a committed transaction. */
export async function firstDelivery(tx: Tx, updateId: number | undefined): Promise<boolean> {
  if (updateId === undefined) return true;
  const n = await tx.$executeRaw`INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(updateId)}) ON CONFLICT DO NOTHING`;
  return n === 1;
}
