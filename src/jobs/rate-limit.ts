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

export type Reservation = { ok: true; waitMs: number } | { ok: false; retryInMs: number };

export interface SendLimiter {
  /**
   * Reserves one message to `chatId` at the earliest allowed moment. When that is more than
   * `maxWaitMs` away nothing is reserved and the caller should come back later.
   */
  reserve(chatId: string, maxWaitMs?: number): Reservation;
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
  let reservations = 0;

  function forget(t: number): void {
    // Buckets that are full again carry no information: drop them so the map stays small.
    for (const [id, b] of chats) if (b.tat <= t) chats.delete(id);
  }

  return {
    reserve(chatId, maxWaitMs = Infinity) {
      const t0 = now();
      if (++reservations % 1000 === 0) forget(t0);
      const chat = chats.get(chatId) ?? { tat: 0 };
      const at = Math.max(t0, chat.tat - chatTolerance, global.tat - globalTolerance);
      const waitMs = at - t0;
      if (waitMs > maxWaitMs) return { ok: false, retryInMs: waitMs };
      chat.tat = Math.max(chat.tat, at) + chatInterval;
      global.tat = Math.max(global.tat, at) + globalInterval;
      chats.set(chatId, chat);
      return { ok: true, waitMs };
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
  reserve: () => ({ ok: true, waitMs: 0 }),
  penalise: () => undefined,
};
