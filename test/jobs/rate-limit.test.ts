import { describe, expect, it } from "vitest";
import { createSendLimiter, TELEGRAM_LIMITS, type SendLimiter } from "../../src/jobs/rate-limit.js";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Sends `n` messages to a chat as fast as the limiter allows; returns when each went (ms after start). */
function drive(limiter: SendLimiter, clock: ReturnType<typeof fakeClock>, chat: string, n: number): number[] {
  const start = clock.now();
  const times: number[] = [];
  while (times.length < n) {
    const wait = limiter.tryTake(chat);
    if (wait === 0) times.push(clock.now() - start);
    else clock.advance(wait);
  }
  return times.map((t) => Math.round(t));
}

describe("the send limiter", () => {
  it("lets a short burst into one chat through, then one message a second", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    expect(drive(limiter, clock, "chat", 6)).toEqual([0, 0, 0, 1000, 2000, 3000]);
    clock.advance(10_000);
    expect(limiter.tryTake("chat")).toBe(0);
  });

  it("keeps the whole bot at 30 messages a second", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    const first = Array.from({ length: 30 }, (_, i) => limiter.tryTake(`chat${i}`));
    expect(first.every((w) => w === 0)).toBe(true);
    expect(Math.round(limiter.tryTake("chat30"))).toBe(33);
    clock.advance(1000);
    const next = Array.from({ length: 31 }, (_, i) => limiter.tryTake(`later${i}`)).filter((w) => w === 0);
    expect(next).toHaveLength(30);
  });

  it("never exceeds either limit over a long run with a fake clock", () => {
    const clock = fakeClock(0);
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    const sends: { t: number; chat: string }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      clock.advance(random() * 10);
      const chat = `c${Math.floor(random() * 40)}`;
      if (limiter.tryTake(chat) === 0) sends.push({ t: clock.now(), chat });
    }
    const countIn = (list: number[], from: number, ms: number) => list.filter((t) => t >= from && t < from + ms).length;
    const all = sends.map((s) => s.t);
    expect(all.length).toBeGreaterThan(1000);
    for (const t of all) expect(countIn(all, t, 1000)).toBeLessThanOrEqual(30 + 29);
    for (const t of all) expect(countIn(all, t, 10_000)).toBeLessThanOrEqual(30 + 300);
    for (const chat of new Set(sends.map((s) => s.chat))) {
      const ts = sends.filter((s) => s.chat === chat).map((s) => s.t);
      for (const t of ts) expect(countIn(ts, t, 999)).toBeLessThanOrEqual(3);
      for (const t of ts) expect(countIn(ts, t, 10_000)).toBeLessThanOrEqual(3 + 10);
    }
  });

  it("waits Telegram's retry_after after a 429, for that chat only", () => {
    const clock = fakeClock();
    const limiter = createSendLimiter(TELEGRAM_LIMITS, clock.now);
    limiter.penalise("chat", 7000);
    expect(limiter.tryTake("chat")).toBe(7000);
    expect(limiter.tryTake("other")).toBe(0);
    clock.advance(7000);
    expect(limiter.tryTake("chat")).toBe(0);
  });
});
