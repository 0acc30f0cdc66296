import { cancelPending, revivePending } from "../db/queue.js";
import type { Tx } from "../db/client.js";
import { openNudge } from "../domain/nudges.js";
import { goalOverview, storyOverview } from "../domain/overview.js";
import type { Client } from "../generated/prisma/client.js";
import { CONVERSATION_RESUME, type OutMessage } from "../outbox/messages.js";
import { isWaitingTalk } from "../domain/flow-runs.js";

export type GlobalCommand = "start" | "stop" | "pause" | "help" | "goal" | "story";

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
  mijnverhaal: "story",
  verhaal: "story",
  story: "story",
  mystory: "story",
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
  ctx: { resumedStatus: Client["status"]; repeat: OutMessage[]; now: Date },
): Promise<OutMessage[]> {
  switch (command) {
    case "stop":
      await tx.client.update({ where: { id: client.id }, data: { status: "STOPPED" } });
      await cancelPending(tx, { clientId: client.id });
      // The coach hears of it (a stop is no message to the client, so it is not cancelled with them).
      if (client.status !== "STOPPED") await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "client_stopped", now: ctx.now, detail: { ref: ctx.now.toISOString() } });
      return [{ key: "stop.done" }];
    case "start":
      if (client.status === "STOPPED" || client.status === "PAUSED") {
        await tx.client.update({ where: { id: client.id }, data: { status: ctx.resumedStatus } });
        const parked = client.status === "STOPPED" ? await parkedAfterStop(tx, client, ctx.now, ctx.repeat.length > 0) : [];
        return [{ key: "start.welcomeBack", vars: { name: client.callName ?? client.name } }, ...ctx.repeat, ...parked];
      }
      return [{ key: "start.alreadyLinked" }, ...ctx.repeat];
    case "pause":
      await tx.client.update({ where: { id: client.id }, data: { status: "PAUSED" } });
      return [{ key: "pause.done" }];
    case "help":
      return [{ key: "help.text" }];
    case "goal":
      return [await goalOverview(tx, client)];
    case "story":
      return [await storyOverview(tx, client)];
    default:
      return [{ key: "common.unknownCommand" }];
  }
}

/**
 * /start after /stop: the parked topics' jobs that /stop cancelled and whose agreed time is still
 * to come wait again; when the last parked topic has no such time (the client would say it
 * themselves, or the day went by), the client is offered to pick it up ("verder").
 */
async function parkedAfterStop(tx: Tx, client: Client, now: Date, busy: boolean): Promise<OutMessage[]> {
  const parked = await tx.flowRun.findMany({ where: { clientId: client.id, status: "PARKED" }, orderBy: { updatedAt: "desc" } });
  if (!parked.length) return [];
  const keys = parked.map((r) => `${CONVERSATION_RESUME}:${r.id}`);
  // A coach's conversation that was waiting waits again too (its job retries), whatever its time.
  const talks = parked.filter(isWaitingTalk).map((r) => `${CONVERSATION_RESUME}:${r.id}`);
  await revivePending(tx, keys, { dueAfter: now, anyTime: talks });
  const last = parked.find((r) => !isWaitingTalk(r));
  if (busy || !last) return [];
  const waiting = await tx.job.count({ where: { idempotencyKey: `${CONVERSATION_RESUME}:${last.id}`, status: "PENDING" } });
  return waiting ? [] : [{ key: "start.parkedOffer" }];
}
