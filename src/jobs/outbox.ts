import { randomUUID } from "node:crypto";
import type { Choice, Say, Vars } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
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
}

export interface CoachNudgePayload {
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

/** Writes one turn's messages to the outbox in the caller's transaction. */
export async function enqueueTelegram(
  tx: Tx,
  args: { clientId: string; chatId: bigint; language: string; messages: OutMessage[]; key?: string },
): Promise<void> {
  if (!args.messages.length) return;
  const payload: TelegramSendPayload = { chatId: args.chatId.toString(), language: args.language, messages: args.messages, sent: 0 };
  await tx.job.create({
    data: {
      kind: TELEGRAM_SEND,
      payload: payload as unknown as Prisma.InputJsonValue,
      clientId: args.clientId,
      idempotencyKey: `${TELEGRAM_SEND}:${args.key ?? randomUUID()}`,
    },
  });
}

/** Queues a nudge for the client's coach (Slack comes later; until then it is logged). */
export async function enqueueNudge(tx: Tx, nudge: CoachNudgePayload, key: string): Promise<void> {
  await tx.job.upsert({
    where: { idempotencyKey: `${COACH_NUDGE}:${key}` },
    update: {},
    create: {
      kind: COACH_NUDGE,
      payload: nudge as unknown as Prisma.InputJsonValue,
      clientId: nudge.clientId,
      idempotencyKey: `${COACH_NUDGE}:${key}`,
    },
  });
}
