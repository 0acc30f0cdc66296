import { randomUUID } from "node:crypto";
import type { Choice, Say, Vars } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import { openNudge } from "../domain/nudges.js";
import type { Prisma } from "../generated/prisma/client.js";

export const TELEGRAM_SEND = "telegram.send";
export const COACH_NUDGE = "coach.nudge";
/** A parked conversation comes back (payload `{ flowRunId }`). */
export const CONVERSATION_RESUME = "conversation.resume";

/** A button as stored in the outbox: translation key, vars and the callback data to send back. */
export interface OutButton {
  label: string;
  vars?: Vars;
  data: string;
}

export interface OutMessage {
  key: string;
  vars?: Vars;
  /** More lines of the same message (a list), each its own translation key. */
  lines?: OutMessage[];
  buttons?: OutButton[][];
}

/** Payload of a `telegram.send` job: one turn's messages, sent in order. */
export interface TelegramSendPayload {
  chatId: string;
  language: string;
  messages: OutMessage[];
  /** How many messages were already delivered: a retry continues from here. */
  sent: number;
  /**
   * The message whose send was started and not yet confirmed. It is saved before the Bot API
   * call, so after a crash the outbox knows that this one may have gone out (see telegram-send.ts).
   */
  inFlight?: number | null;
  /** Messages skipped after a crash because they may already have been delivered. */
  uncertain?: number[];
  /** Sent without the client asking (a reminder): never during quiet hours. */
  proactive?: boolean;
  /** The crisis answer: claimed first, not held back by earlier sends, not paced per chat. */
  urgent?: boolean;
}

/** Payload of a `coach.nudge` job: deliver this Nudge row to its coach. */
export interface CoachNudgePayload {
  nudgeId: string;
}

/** What a nudge is about, as the engine and the flows ask for one. */
export interface NudgeRequest {
  clientId: string;
  coachId: string;
  cause: string;
  detail?: Vars;
}

const CALLBACK_PREFIX = "k";

/** Callback data of a button: the turn it belongs to and the choice, e.g. `k:4:yes` (max 64 bytes). */
export function callbackData(turn: number, choice: Choice): string {
  return `${CALLBACK_PREFIX}:${turn}:${choice.id}`;
}

export function parseCallbackData(data: string): { turn: number; choice: string } | null {
  const m = /^k:(\d{1,9}):([A-Za-z0-9_.-]{1,40})$/.exec(data);
  if (!m) return null;
  return { turn: Number(m[1]), choice: m[2] as string };
}

/** Turns a flow's `say` into an outbox message; buttons carry the turn they belong to. */
export function toOutMessage(say: Say, turn: number): OutMessage {
  const msg: OutMessage = { key: say.key };
  if (say.vars) msg.vars = say.vars;
  if (say.choices?.length) {
    msg.buttons = say.choices.map((row) =>
      row.map((c) => ({ label: c.label, data: callbackData(turn, c), ...(c.vars ? { vars: c.vars } : {}) })),
    );
  }
  return msg;
}

/**
 * Writes one turn's messages to the outbox in the caller's transaction. With a `key` the same
 * turn is queued once, however often the caller runs (a retried reminder job).
 */
export async function enqueueTelegram(
  tx: Tx,
  args: { clientId: string; chatId: bigint; language: string; messages: OutMessage[]; key?: string; proactive?: boolean; urgent?: boolean },
): Promise<void> {
  if (!args.messages.length) return;
  const payload: TelegramSendPayload = {
    chatId: args.chatId.toString(),
    language: args.language,
    messages: args.messages,
    sent: 0,
    ...(args.proactive ? { proactive: true } : {}),
    ...(args.urgent ? { urgent: true } : {}),
  };
  const idempotencyKey = `${TELEGRAM_SEND}:${args.key ?? randomUUID()}`;
  await tx.job.upsert({
    where: { idempotencyKey },
    update: {},
    create: {
      kind: TELEGRAM_SEND,
      payload: payload as unknown as Prisma.InputJsonValue,
      clientId: args.clientId,
      idempotencyKey,
      ...(args.urgent ? { priority: 1 } : {}),
    },
  });
}

/**
 * Opens a nudge for the client's coach (at most one open per client and cause) and queues its
 * delivery. A crisis signal also brings back a nudge the coach had put off.
 * `_key` is kept for callers that still pass one; the Nudge row itself is now the deduplication.
 */
export async function enqueueNudge(tx: Tx, nudge: NudgeRequest, _key?: string, now: Date = new Date()): Promise<void> {
  await openNudge(tx, { ...nudge, now, reopenSnoozed: nudge.cause === "crisis" });
}
