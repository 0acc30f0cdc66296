/**
 * Telegram's sending limits: about one message a second in one chat (short bursts are tolerated)
 * and 30 a second for the whole bot. Each limit is a token bucket in its GCRA form (one
 * "theoretical arrival time" per bucket), so a take is O(1) and exact under a fake clock.
 *
 * `createSendLimiter` keeps the buckets in the process: right for the embedded database, which
 * one process owns. On PostgreSQL several instances send for the same bot, so
 * `databaseSendLimiter` keeps them in the database, shared by every instance.
 */
import type { SqlRunner } from "../db/migrate.js";

export interface Rate {
  perSecond: number;
  /** How many messages may go at once before the rate applies. */
  burst: number;
}

export interface SendLimits {
  global: Rate;
  perChat: Rate;
}

export const TELEGRAM_LIMITS: SendLimits = {
  global: { perSecond: 30, burst: 30 },
  perChat: { perSecond: 1, burst: 3 },
};

export interface SendLimiter {
  /**
   * Takes one message to `chatId` if both limits allow it now and returns 0; otherwise takes
   * nothing and returns how many ms to wait before asking again. `urgent` (the crisis answer)
   * skips the chat's pacing (Telegram tolerates short bursts) but still counts in it and in the
   * total.
   */
  tryTake(chatId: string, urgent?: boolean): number | Promise<number>;
  /** Telegram said 429: nothing more to this chat until `retryAfterMs` from now. */
  penalise(chatId: string, retryAfterMs: number): void | Promise<void>;
}

/** The in-process limiter answers at once. */
export interface LocalSendLimiter extends SendLimiter {
  tryTake(chatId: string, urgent?: boolean): number;
  penalise(chatId: string, retryAfterMs: number): void;
}

interface Bucket {
  /** Theoretical arrival time of the next message (ms). */
  tat: number;
}

/**
 * A limiter for the given limits in this process; `now` is injectable for tests. Nothing is
 * reserved ahead, so a chat that must wait long never holds up the others.
 */
export function createSendLimiter(limits: SendLimits, now: () => number = Date.now): LocalSendLimiter {
  const globalInterval = 1000 / limits.global.perSecond;
  const globalTolerance = globalInterval * (limits.global.burst - 1);
  const chatInterval = 1000 / limits.perChat.perSecond;
  const chatTolerance = chatInterval * (limits.perChat.burst - 1);
  const global: Bucket = { tat: 0 };
  const chats = new Map<string, Bucket>();
  let takes = 0;

  function forget(t: number): void {
    // Buckets that are full again carry no information: drop them so the map stays small.
    for (const [id, b] of chats) if (b.tat <= t) chats.delete(id);
  }

  return {
    tryTake(chatId, urgent = false) {
      const t = now();
      if (++takes % 1000 === 0) forget(t);
      const chat = chats.get(chatId) ?? { tat: 0 };
      const wait = Math.max(0, urgent ? 0 : chat.tat - chatTolerance - t, global.tat - globalTolerance - t);
      // Below a microsecond is float rounding (1000 / 30 is not exact), not a real wait.
      if (wait > 0.001) return wait;
      chat.tat = Math.max(chat.tat, t) + chatInterval;
      global.tat = Math.max(global.tat, t) + globalInterval;
      chats.set(chatId, chat);
      return 0;
    },
    penalise(chatId, retryAfterMs) {
      const chat = chats.get(chatId) ?? { tat: 0 };
      chat.tat = Math.max(chat.tat, now() + retryAfterMs + chatTolerance);
      chats.set(chatId, chat);
    },
  };
}

/**
 * The limits for several instances on one PostgreSQL. Per chat as in one process. For the whole
 * bot an even 15 a second (one message every 67 ms), without a burst: Telegram counts messages
 * as they arrive, and the sends of several busy processes arrive out of step (after its slot a
 * send still notes in the database that it is in flight, and a busy or starved process runs
 * late; up to 800 ms was seen on an overloaded machine), so every second Telegram sees stays at
 * 30 or fewer while sends arrive up to a second out of step.
 */
export const SHARED_TELEGRAM_LIMITS: SendLimits = {
  global: { perSecond: 15, burst: 1 },
  perChat: TELEGRAM_LIMITS.perChat,
};

/** How late a wait for a reserved send may end before the slot is given up (ms). */
const LATE_MS = 100;

export interface DatabaseLimiterOptions {
  limits?: SendLimits;
  /**
   * Longest wait for the bot's next free send that is reserved (ms); a longer queue takes
   * nothing and tells the caller how long it is. Keep it at the send handler's `maxWaitMs`.
   */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The limits in the database (table `TelegramSendBucket`, function `koers_take_send_slot`), so
 * they hold for all instances together: one statement per message as a rule (one more when the
 * chat must wait first, or when the process woke up late for its slot). A take locks the bot's row,
 * so takes are serialised; times come from the database's clock, so the instances' clocks do not
 * matter. When the chat may have a message now, the bot's next free send is reserved, however
 * many instances ask at once, and this waits for it and returns 0: no instance polls. When the
 * chat must wait first, nothing is taken and the wait is returned, as in one process.
 */
export function databaseSendLimiter(sql: SqlRunner, opts: DatabaseLimiterOptions = {}): SendLimiter {
  const limits = opts.limits ?? SHARED_TELEGRAM_LIMITS;
  const maxWaitMs = opts.maxWaitMs ?? 2000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const globalInterval = 1000 / limits.global.perSecond;
  const chatInterval = 1000 / limits.perChat.perSecond;
  const params = [globalInterval, globalInterval * (limits.global.burst - 1), chatInterval, chatInterval * (limits.perChat.burst - 1)];
  return {
    async tryTake(chatId, urgent = false) {
      for (let attempt = 1; ; attempt++) {
        const [row] = await sql.query<{ wait: number; reserved: boolean }>(
          `SELECT wait, reserved FROM koers_take_send_slot($1, $2, $3, $4, $5, $6, $7)`,
          [chatId, urgent, maxWaitMs, ...params],
        );
        if (!row) throw new Error("koers_take_send_slot returned nothing");
        if (!row.reserved) return Math.max(row.wait, 0.01);
        if (row.wait <= 0) return 0;
        const due = Date.now() + row.wait;
        await sleep(row.wait);
        // A process that wakes up late (busy, or short of CPU) would send in the slots of the
        // others: it gives its slot up and takes the next free one, twice at most.
        if (Date.now() - due <= LATE_MS || attempt > 2) return 0;
      }
    },
    async penalise(chatId, retryAfterMs) {
      await sql.query(
        `INSERT INTO "TelegramSendBucket" AS b ("key", "tat") VALUES ($1, extract(epoch FROM clock_timestamp()) * 1000 + $2 + $3)
         ON CONFLICT ("key") DO UPDATE SET tat = greatest(b.tat, excluded.tat)`,
        [chatId, retryAfterMs, params[3]],
      );
    },
  };
}

/** No limits at all: for benchmarks of the dispatcher itself and for the terminal chat. */
export const unlimited: LocalSendLimiter = {
  tryTake: () => 0,
  penalise: () => undefined,
};
