/**
 * Flood control per client. A client who sends more than `messages` messages within `seconds`
 * gets one calm message, and the messages after it are recorded (the update counts as handled
 * and the client's last message time is set) but not answered one by one. Normal answering
 * comes back once the client slows down: when the last `seconds` hold at most half of
 * `messages` (a short quiet pause does that). The window is exact: the times of the client's
 * latest `messages + 1` messages are kept on the client row, which the engine has locked, so
 * this holds across instances too.
 *
 * The engine calls this after the crisis detector and the crisis check (src/conversation/crisis.ts):
 * a crisis message, the question "Ben je in gevaar?" and the client's answer to it are always
 * answered at once, flood or not, and are not counted here. `/stop` is never held back either.
 */
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";
import type { ClientInput } from "./input.js";
import { COMMAND_ALIASES } from "./commands.js";

export interface FloodLimits {
  /** More messages than this within `seconds` is a flood. */
  messages: number;
  seconds: number;
}

export const DEFAULT_FLOOD: FloodLimits = { messages: 20, seconds: 10 };

export type FloodVerdict =
  /** Answer as usual. */
  | { kind: "answer" }
  /** Do not answer this message; send these messages instead (the calm message once, then nothing). */
  | { kind: "hold"; messages: OutMessage[] };

/** Counts this message and says whether to answer it. Runs in the engine's transaction, client locked. */
export async function checkFlood(tx: Tx, client: Client, input: ClientInput, now: Date, limits: FloodLimits = DEFAULT_FLOOD): Promise<FloodVerdict> {
  const from = now.getTime() - limits.seconds * 1000;
  const stored = Array.isArray(client.floodTimes) ? client.floodTimes.filter((t): t is number => typeof t === "number") : [];
  const times = [...stored.filter((t) => t > from), now.getTime()].slice(-(limits.messages + 1));
  const flooding = client.floodSince !== null;
  const stop = input.kind === "command" && COMMAND_ALIASES[input.command] === "stop";
  let since = client.floodSince;
  let verdict: FloodVerdict = { kind: "answer" };
  if (stop) {
    // Always answered, and it neither starts nor ends a flood.
  } else if (!flooding && times.length > limits.messages) {
    since = now;
    verdict = { kind: "hold", messages: [{ key: "common.flood" }] };
  } else if (flooding && times.length > Math.floor(limits.messages / 2)) {
    verdict = { kind: "hold", messages: [] };
  } else {
    since = null;
  }
  await tx.client.update({ where: { id: client.id }, data: { floodTimes: times, floodSince: since } });
  return verdict;
}
