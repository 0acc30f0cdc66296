/**
 * /mijngegevens in Telegram: what is kept about the client and who looked at it
 * (src/domain/my-data.ts), with a button `d:file` for the whole file as a JSON document.
 */
import type { Tx } from "../db/client.js";
import { myDataFile, myDataMessages } from "../domain/my-data.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";

const COMMANDS = new Set(["mijngegevens", "gegevens", "mydata"]);
export const MY_DATA_FILE_BUTTON = "d:file";

export function isMyDataCommand(command: string): boolean {
  return COMMANDS.has(command);
}

export function isMyDataButton(data: string): boolean {
  return data === MY_DATA_FILE_BUTTON;
}

export function myDataCommand(tx: Tx, client: Client): Promise<OutMessage[]> {
  return myDataMessages(tx, client);
}

export async function myDataButton(tx: Tx, client: Client, now: Date): Promise<OutMessage[]> {
  return [await myDataFile(tx, client, now)];
}
