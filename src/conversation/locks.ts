import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";

/** Locks the client of a Telegram chat (FOR UPDATE): their updates never interleave, across instances. */
export async function lockClientByChat(tx: Tx, chatId: number): Promise<Client | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Client" WHERE "telegramChatId" = ${BigInt(chatId)} FOR UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.client.findUnique({ where: { id } }) : null;
}

export async function lockClientById(tx: Tx, id: string): Promise<Client | null> {
  await tx.$queryRaw`SELECT id FROM "Client" WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.client.findUnique({ where: { id } });
}

/** True the first time an update id is seen in a committed transaction. */
export async function firstDelivery(tx: Tx, updateId: number | undefined): Promise<boolean> {
  if (updateId === undefined) return true;
  const n = await tx.$executeRaw`INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(updateId)}) ON CONFLICT DO NOTHING`;
  return n === 1;
}
