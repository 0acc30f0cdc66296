/**
 * Coaching conversations end to end (test/telegram/conversations*.e2e.test.ts): a service clock
 * that runs with real time from a known moment in Amsterdam, an already onboarded client set up
 * straight in the database, and `hear()`, which checks the Dutch texts the client reads.
 */
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { addDays, atLocal, localTime, TIME_ZONE, type Ymd } from "../../src/domain/reminders/schedule.js";
import { nlText } from "./service.js";
import { waitFor, type BotMessage, type ChatUser } from "./telegram.js";

export interface TestClock {
  /** The service's clock (pass as `clock`). */
  now: () => Date;
  /** The moment the clock started at. */
  start: Date;
  /** Moves the clock forward to `at`; it keeps running from there. */
  jumpTo(at: Date): void;
}

/**
 * A clock that runs at the pace of real time from `start`. `start` must lie ahead of the real
 * clock: the outbox's rows are due at the database's own now(), and a clock behind it would
 * leave them waiting.
 */
export function runningClock(start: Date): TestClock {
  let offset = start.getTime() - Date.now();
  if (offset < 0) throw new Error("a test clock must start ahead of the real clock");
  return {
    start,
    now: () => new Date(Date.now() + offset),
    jumpTo(at) {
      const next = at.getTime() - Date.now();
      if (next < offset) throw new Error(`the test clock only moves forward (asked for ${at.toISOString()})`);
      offset = next;
    },
  };
}

/** 1 = Monday ... 7 = Sunday. */
export function weekday(day: Ymd): number {
  const wd = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * A Monday, at `minutes` after midnight in Amsterdam, at least two days after the real now: a
 * working day in the morning, so "vrijdag" is four days on and no message falls in quiet hours.
 */
export function comingMonday(minutes = 10 * 60): Date {
  let day = addDays(localTime(new Date()).day, 2);
  while (weekday(day) !== 1) day = addDays(day, 1);
  return atLocal(day, minutes);
}

/** The Amsterdam calendar day of an instant, `days` later. */
export function dayAfter(at: Date, days: number): Ymd {
  return addDays(localTime(at).day, days);
}

/** A date as /doel shows it: "vrijdag 4 december". */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long" }).format(at);
}

export { atLocal };

export interface Onboarded {
  clientId: string;
  coachId: string;
  chatId: number;
}

/**
 * A client who went through onboarding: linked to a Telegram chat, ACTIVE, consent given (as
 * onboarding records it), a call name, and reminders as asked (none unless `reminders`).
 */
export async function onboardedClient(
  db: Database,
  o: {
    chatId: number;
    coach?: string;
    name?: string;
    callName?: string;
    reminders?: { daypart: "morning" | "afternoon" | "evening"; everyDays: number };
    now?: Date;
  },
): Promise<Onboarded> {
  const at = o.now ?? new Date();
  return db.prisma.$transaction(async (tx) => {
    const team = await tx.organisation.create({ data: { kind: "COACH_TEAM", name: `Wijkteam ${o.chatId}` } });
    const coach = await tx.member.create({ data: { organisationId: team.id, name: o.coach ?? "Ahmed", role: "COACH" } });
    const client = await tx.client.create({
      data: {
        name: o.name ?? "Samira El Amrani",
        callName: o.callName ?? "Sam",
        coachId: coach.id,
        telegramChatId: BigInt(o.chatId),
        status: "ACTIVE",
        remindersWanted: o.reminders !== undefined,
        reminderDaypart: o.reminders?.daypart ?? null,
        checkinEveryDays: o.reminders?.everyDays ?? null,
        lastClientMessageAt: at,
      },
    });
    await tx.consentRecord.create({ data: { clientId: client.id, subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN", at } });
    await tx.consentRecord.create({
      data: { clientId: client.id, subject: "reminders", textVersion: "onboarding.reminders@1", decision: o.reminders ? "GIVEN" : "REFUSED", at },
    });
    return { clientId: client.id, coachId: coach.id, chatId: o.chatId };
  });
}

/** A goal made earlier (in a GROW conversation), with its steps. Returns the step ids in order. */
export async function seedGoal(
  db: Database,
  clientId: string,
  goal: { text: string; steps: { what: string; dueAt?: Date }[] },
): Promise<string[]> {
  const ids: string[] = [];
  const created = await db.prisma.goal.create({ data: { clientId, text: goal.text, confidence: 6 } });
  for (const [i, s] of goal.steps.entries()) {
    // Distinct creation times keep "the first open step" well defined.
    const step = await db.prisma.step.create({
      data: { goalId: created.id, what: s.what, dueAt: s.dueAt ?? null, createdAt: new Date(Date.now() - 60_000 + i * 1000) },
    });
    ids.push(step.id);
  }
  return ids;
}

export const texts = (messages: BotMessage[]) => messages.map((m) => m.text);

/** Button labels of a message, row by row. */
export const labels = (m: BotMessage | undefined) => m?.buttons.map((row) => row.map((b) => b.text)) ?? [];

/** The "Niet nu" row every coaching question ends with. */
export const notNowRow = () => [nlText("controls.notNow")];

/** The 0-10 buttons as the client sees them, with "Niet nu" under them. */
export const scaleLabels = () => [["0", "1", "2", "3", "4", "5"], ["6", "7", "8", "9", "10"], notNowRow()];

/**
 * Waits for the next messages the bot sends to this chat and checks they are exactly these
 * texts, in this order. Per chat the bot sends about one message a second (Telegram's limit),
 * so the wait grows with the number of messages.
 */
export async function hear(user: ChatUser, expected: string[], timeoutMs = 8_000 + 2_000 * expected.length): Promise<BotMessage[]> {
  const got = await user.botMessages(expected.length, timeoutMs);
  expect(texts(got)).toEqual(expected);
  return got;
}

/** A stretch of conversation: each thing the client says, then what the bot answers (checked as `hear` does); the bot's last answer. */
export async function converse(user: ChatUser, exchanges: [say: string, expected: string[]][]): Promise<BotMessage[]> {
  let got: BotMessage[] = [];
  for (const [text, expected] of exchanges) {
    await user.say(text);
    got = await hear(user, expected);
  }
  return got;
}

/** The last message of a batch (the question with the buttons). */
export function last(messages: BotMessage[]): BotMessage {
  const m = messages.at(-1);
  if (!m) throw new Error("no messages");
  return m;
}

/** Resolves when every message queued for this client has been sent. */
export async function clientOutboxIdle(db: Database, clientId: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    `an empty outbox for client ${clientId}`,
    async () => (await db.prisma.job.count({ where: { clientId, kind: "telegram.send", status: { in: ["PENDING", "RUNNING"] } } })) === 0,
    timeoutMs,
  );
}

/** After a conversation: the outbox is empty and the client has no message left unread. */
export async function expectQuiet(db: Database, user: ChatUser, clientId: string): Promise<void> {
  await clientOutboxIdle(db, clientId);
  expect(texts(await user.unread())).toEqual([]);
}

/** A long, harmless answer of about `n` characters. */
export function longAnswer(n: number): string {
  const sentence = "Het is de laatste tijd allemaal veel en ik weet niet goed waar ik moet beginnen. ";
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n).trim();
}
