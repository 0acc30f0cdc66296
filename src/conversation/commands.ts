import type { Tx } from "../db/client.js";
import { goalOverview } from "../domain/overview.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../jobs/outbox.js";

export type GlobalCommand = "start" | "stop" | "pause" | "help" | "goal";

/** Commands that work in every conversation, in Dutch and English. */
export const COMMAND_ALIASES: Record<string, GlobalCommand> = {
  start: "start",
  stop: "stop",
  stoppen: "stop",
  pauze: "pause",
  pause: "pause",
  hulp: "help",
  help: "help",
  doel: "goal",
  goal: "goal",
};

/**
 * A global command of a linked client, in the update's transaction: /stop (no more messages until
 * /start), /start (back, with the last question again), /pauze, /hulp, /doel. Unknown commands
 * get a calm pointer to /hulp.
 */
export async function globalCommand(
  tx: Tx,
  client: Client,
  command: GlobalCommand | undefined,
  ctx: { resumedStatus: Client["status"]; repeat: OutMessage[] },
): Promise<OutMessage[]> {
  switch (command) {
    case "stop":
      await tx.client.update({ where: { id: client.id }, data: { status: "STOPPED" } });
      await tx.job.updateMany({ where: { clientId: client.id, status: "PENDING" }, data: { status: "CANCELLED" } });
      return [{ key: "stop.done" }];
    case "start":
      if (client.status === "STOPPED" || client.status === "PAUSED") {
        await tx.client.update({ where: { id: client.id }, data: { status: ctx.resumedStatus } });
        return [{ key: "start.welcomeBack", vars: { name: client.callName ?? client.name } }, ...ctx.repeat];
      }
      return [{ key: "start.alreadyLinked" }, ...ctx.repeat];
    case "pause":
      await tx.client.update({ where: { id: client.id }, data: { status: "PAUSED" } });
      return [{ key: "pause.done" }];
    case "help":
      return [{ key: "help.text" }];
    case "goal":
      return [await goalOverview(tx, client)];
    default:
      return [{ key: "common.unknownCommand" }];
  }
}
