import { randomUUID } from "node:crypto";
import type { Choice, Say, ScaleKind, Vars } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import { enqueueOnce } from "../db/queue.js";

export const TELEGRAM_SEND = "telegram.send";
/** A parked conversation comes back (payload `{ flowRunId }`). */
export const CONVERSATION_RESUME = "conversation.resume";
/** After a send in doubt: send the message in doubt again, marked (payload `ReaskPayload`). */
export const CONVERSATION_REASK = "conversation.reask";

/** What a chart shows; this is what the outbox stores (small JSON, no picture). */
export interface ScoreChartData {
  scale: ScaleKind;
  /** Oldest first; `at` is an ISO instant. */
  points: { at: string; score: number }[];
  /** The agreed days of steps (ISO instants). */
  steps: { at: string }[];
}

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
  /** A picture: the chart of these scores, drawn when it is sent; the text is its caption and alt text. */
  photo?: ScoreChartData;
  /** A file (the client's data as JSON), sent with sendDocument; the text is its caption. */
  document?: { filename: string; content: string };
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
  /** When the send of `inFlight` began (ISO). */
  inFlightAt?: string | null;
  /** Messages skipped after a crash because they may already have been delivered. */
  uncertain?: number[];
  /** When the send of the last `uncertain` message began (ISO): the re-ask looks for client messages after it. */
  uncertainSince?: string;
  /** A marked re-ask (`CONVERSATION_REASK`): sent again when in doubt, never re-asked itself. */
  reask?: boolean;
  /** Sent without the client asking (a reminder): never during quiet hours. */
  proactive?: boolean;
  /** The crisis answer: claimed first, not held back by earlier sends, not paced per chat. */
  urgent?: boolean;
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
  args: { clientId: string; chatId: bigint; language: string; messages: OutMessage[]; key?: string; proactive?: boolean; urgent?: boolean; reask?: boolean },
): Promise<void> {
  if (!args.messages.length) return;
  const payload: TelegramSendPayload = {
    chatId: args.chatId.toString(),
    language: args.language,
    messages: args.messages,
    sent: 0,
    ...(args.proactive ? { proactive: true } : {}),
    ...(args.urgent ? { urgent: true } : {}),
    ...(args.reask ? { reask: true } : {}),
  };
  const idempotencyKey = `${TELEGRAM_SEND}:${args.key ?? randomUUID()}`;
  await enqueueOnce(tx, { kind: TELEGRAM_SEND, payload, clientId: args.clientId, idempotencyKey, ...(args.urgent ? { priority: 1 } : {}) });
}

/** Payload of a `conversation.reask` job: one per send job that ended with messages in doubt. */
export interface ReaskPayload {
  clientId: string;
  /** The send job in doubt: the re-ask's own send job is keyed by it, so it is queued once. */
  sendJobId: string;
  /** When the send of the last message in doubt began (ISO). */
  since: string;
  /** That message, sent again under the note. */
  missed: OutMessage;
  proactive?: boolean;
}

/**
 * Queues the re-ask of a send job that ended with messages in doubt. Keyed by that job: a job
 * run again after a crash right here queues it once.
 */
export async function enqueueReask(tx: Pick<Tx, "job">, payload: ReaskPayload): Promise<void> {
  const idempotencyKey = `${CONVERSATION_REASK}:${payload.sendJobId}`;
  await enqueueOnce(tx, { kind: CONVERSATION_REASK, payload, clientId: payload.clientId, idempotencyKey });
}

/**
 * The marked re-ask: one message, the short note on its first line and then `question` with its
 * buttons, so the note never arrives without what it is about.
 */
export function reaskMessage(question: OutMessage): OutMessage {
  return {
    key: "common.reask",
    lines: [{ key: question.key, ...(question.vars ? { vars: question.vars } : {}) }, ...(question.lines ?? [])],
    ...(question.buttons ? { buttons: question.buttons } : {}),
  };
}
