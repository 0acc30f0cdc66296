/**
 * Telegram's sending limits, kept per process: about one message a second in one chat (short
 * bursts are tolerated) and 30 a second for the whole bot. Each limit is a token bucket in its
 * GCRA form (one "theoretical arrival time" per bucket), so a reservation is O(1) and exact
 * under a fake clock.
 *
 * Several instances each hold their own buckets: with N instances give each 30/N a second.
 */

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
   * nothing and returns how many ms to wait before asking again. Nothing is reserved ahead, so
   * a chat that must wait long never holds up the others. `urgent` (the crisis answer) skips
   * the chat's pacing (Telegram tolerates short bursts) but still counts in it and in the total.
   */
  tryTake(chatId: string, urgent?: boolean): number;
  /** Telegram said 429: nothing more to this chat until `retryAfterMs` from now. */
  penalise(chatId: string, retryAfterMs: number): void;
}

interface Bucket {
  /** Theoretical arrival time of the next message (ms). */
  tat: number;
}

/** A limiter for the given limits; `now` is injectable for tests. */
export function createSendLimiter(limits: SendLimits, now: () => number = Date.now): SendLimiter {
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

/** No limits at all: for benchmarks of the dispatcher itself and for the terminal chat. */
export const unlimited: SendLimiter = {
  tryTake: () => 0,
  penalise: () => undefined,
};
