import type { Client } from "../generated/prisma/client.js";

/** The name a coach or partner reads for a client: the call name, or the first word of the name. */
export function firstName(client: Pick<Client, "name" | "callName">): string {
  return client.callName ?? client.name.trim().split(/\s+/)[0] ?? client.name;
}
