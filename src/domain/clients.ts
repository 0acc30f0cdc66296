import type { Database } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";

/** The name a coach or partner reads for a client: the call name, or the first word of the name. */
export function firstName(client: Pick<Client, "name" | "callName">): string {
  return client.callName ?? client.name.trim().split(/\s+/)[0] ?? client.name;
}

/** A client by id, or null. */
export async function clientById(db: Database, clientId: string) {
  return db.prisma.client.findUnique({ where: { id: clientId } });
}

/** A client by id with their coach, or null. */
export async function clientWithCoach(db: Database, clientId: string) {
  return db.prisma.client.findUnique({ where: { id: clientId }, include: { coach: true } });
}
