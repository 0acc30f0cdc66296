/**
 * /vergeet in Telegram: a calm explanation of what it means, with two buttons; only "Ja" erases
 * (src/domain/forget.ts). Buttons are `f:yes` and `f:no`; a "Ja" pressed a second time (the
 * client is gone by then) changes nothing.
 */
import type { Tx } from "../db/client.js";
import { forgetOnRequest } from "../domain/forget.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";

const COMMANDS = new Set(["vergeet", "vergeetmij", "forget", "forgetme"]);
const BUTTON = /^f:(yes|no)$/;

export function isForgetCommand(command: string): boolean {
  return COMMANDS.has(command);
}

export function isForgetButton(data: string): boolean {
  return BUTTON.test(data);
}

/** The explanation and the question. */
export function forgetAsk(): OutMessage[] {
  return [
    { key: "forget.explain" },
    { key: "forget.ask", buttons: [[{ label: "forget.yes", data: "f:yes" }], [{ label: "forget.no", data: "f:no" }]] },
  ];
}

/** The answer to the question: erase and say goodbye, or keep everything as it is. */
export async function forgetAnswer(tx: Tx, client: Client, data: string, now: Date): Promise<OutMessage[]> {
  if (BUTTON.exec(data)?.[1] !== "yes") return [{ key: "forget.kept" }];
  await forgetOnRequest(tx, { clientId: client.id, by: { kind: "CLIENT", id: client.id }, via: "telegram", now });
  return [{ key: "forget.done" }];
}
