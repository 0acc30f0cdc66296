/**
 * Builders for the job tests: an active client with a coach, a sender that records what it
 * would have sent, a fake clock, and the two database backends.
 */
import type { Database } from "../../src/db/client.js";
import type { Engine } from "../../src/conversation/engine.js";
import type { NudgeSink } from "../../src/jobs/nudge-jobs.js";
import type { MessageSender } from "../../src/jobs/telegram-send.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";

/** A nudge sink that reaches no one. */
export const nowhere: NudgeSink = { deliver: async () => ({ channel: null, ts: null }) };

/** The client typing and pressing, each as a new update numbered by `next`. */
export function clientInput(engine: Pick<Engine, "handle">, next: () => number) {
  return {
    say: (chatId: number, text: string) => engine.handle({ updateId: next(), chatId, input: { kind: "text", text } }),
    press: (chatId: number, data: string) => engine.handle({ updateId: next(), chatId, input: { kind: "button", data } }),
  };
}

export interface ClientOptions {
  name?: string;
  callName?: string;
  chatId?: number;
  status?: "ACTIVE" | "PAUSED" | "STOPPED" | "ONBOARDING";
  remindersWanted?: boolean | null;
  daypart?: "morning" | "afternoon" | "evening" | null;
  everyDays?: number | null;
  lastClientMessageAt?: Date | null;
  createdAt?: Date;
  coach?: { name?: string; slackUserId?: string | null; nudgeMode?: "SINGLE" | "DAILY_DIGEST" };
}

let counter = 0;

/** A coach team, a coach and an active client linked to a Telegram chat. */
export async function activeClient(db: Database, o: ClientOptions = {}): Promise<{ clientId: string; coachId: string; chatId: number }> {
  counter++;
  const chatId = o.chatId ?? 700_000 + counter + Math.floor(Math.random() * 100_000) * 100;
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `Team ${counter} ${Math.random()}` } });
  const coach = await db.prisma.member.create({
    data: {
      organisationId: team.id,
      name: o.coach?.name ?? "Ahmed",
      role: "COACH",
      slackUserId: o.coach?.slackUserId === undefined ? `U${counter}${Math.floor(Math.random() * 1e6)}` : o.coach.slackUserId,
      nudgeMode: o.coach?.nudgeMode ?? "SINGLE",
    },
  });
  const client = await db.prisma.client.create({
    data: {
      name: o.name ?? "Samira El Amrani",
      callName: o.callName ?? null,
      coachId: coach.id,
      telegramChatId: BigInt(chatId),
      status: o.status ?? "ACTIVE",
      remindersWanted: o.remindersWanted === undefined ? true : o.remindersWanted,
      reminderDaypart: o.daypart === undefined ? "morning" : o.daypart,
      checkinEveryDays: o.everyDays === undefined ? 7 : o.everyDays,
      lastClientMessageAt: o.lastClientMessageAt ?? null,
      ...(o.createdAt ? { createdAt: o.createdAt } : {}),
    },
  });
  return { clientId: client.id, coachId: coach.id, chatId };
}

export interface SentMessage {
  chatId: string;
  key: string;
  vars: Record<string, string | number> | undefined;
  buttons: string[];
}

/** A sender that records; `fail` decides per message whether (and how) it throws. */
export function recordingSender(fail?: (msg: SentMessage, n: number) => Error | null): MessageSender & { sent: SentMessage[] } {
  const sent: SentMessage[] = [];
  let n = 0;
  return {
    sent,
    async send(payload: TelegramSendPayload, index: number) {
      const m = payload.messages[index];
      if (!m) return;
      const msg = { chatId: payload.chatId, key: m.key, vars: m.vars, buttons: m.buttons?.flat().map((b) => b.data) ?? [] };
      const err = fail?.(msg, n++);
      if (err) throw err;
      sent.push(msg);
    },
  };
}

export interface FakeClock {
  now: () => Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function fakeClock(start: string | Date): FakeClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export { backends, useDb, type Backend } from "../support/db.js";

/** Inserts a job directly (as another part of Koers would have queued it). */
export async function insertJob(
  db: Database,
  job: { kind: string; payload: unknown; clientId?: string | null; dueAt?: Date; key?: string; maxAttempts?: number },
): Promise<string> {
  const created = await db.prisma.job.create({
    data: {
      kind: job.kind,
      payload: job.payload as object,
      clientId: job.clientId ?? null,
      dueAt: job.dueAt ?? new Date(0),
      idempotencyKey: job.key ?? `${job.kind}:${Math.random()}`,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    },
  });
  return created.id.toString();
}
