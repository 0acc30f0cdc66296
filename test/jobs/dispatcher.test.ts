import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { SendError } from "../../src/jobs/errors.js";
import { createJobs } from "../../src/jobs/index.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import type { JobHandlers } from "../../src/jobs/types.js";
import { silentLogger } from "../../src/log.js";
import { activeClient, backends, fakeClock, insertJob, nowhere, recordingSender, useDb, type FakeClock, type SentMessage } from "./support.js";

const noEngine = { withClient: async () => undefined as never, resumeParked: async () => "gone" as const, reask: async () => "not needed" as const };

function jobs(db: Database, clock: FakeClock, sender = recordingSender(), handlers: JobHandlers = {}) {
  return createJobs({ db, engine: noEngine, sender, nudges: nowhere, logger: silentLogger(), clock: clock.now, limiter: unlimited, silentDays: 7, handlers });
}

const outbox = (chatId: number, keys: string[], extra: Partial<TelegramSendPayload> = {}): TelegramSendPayload => ({
  chatId: String(chatId),
  language: "nl",
  messages: keys.map((key) => ({ key })),
  sent: 0,
  ...extra,
});

async function job(db: Database, id: string) {
  return db.prisma.job.findUniqueOrThrow({ where: { id: BigInt(id) } });
}

describe.each(backends)("dispatcher on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  it.runIf(available)("retries with growing waits; after the last attempt the job is DEAD and the coach hears of it", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    const sender = recordingSender(() => new SendError("Bad Gateway"));
    const id = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["a"]), clientId, maxAttempts: 4 });
    const { dispatcher } = jobs(db, clock, sender);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      // The last drain also delivers the nudge it queued.
      expect(await dispatcher.drain()).toBe(attempt < 4 ? 1 : 2);
      const j = await job(db, id);
      expect(j.attempts).toBe(attempt);
      if (attempt < 4) {
        expect(j.status).toBe("PENDING");
        waits.push((j.dueAt.getTime() - clock.now().getTime()) / 1000);
        clock.set(j.dueAt);
      } else {
        expect(j.status).toBe("DEAD");
      }
    }
    expect(waits[0]).toBeGreaterThanOrEqual(24);
    expect(waits[0]).toBeLessThanOrEqual(36);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    const nudges = await db.prisma.nudge.findMany({ where: { clientId } });
    expect(nudges.map((n) => [n.cause, n.status])).toEqual([["job_failed", "OPEN"]]);
    expect(await db.prisma.job.count({ where: { kind: "coach.nudge" } })).toBe(1);
  });

  it.runIf(available)("keeps a client's messages in order while an earlier one waits for a retry", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    let failFirst = true;
    const sender = recordingSender((m) => {
      if (m.key === "first" && failFirst) {
        failFirst = false;
        return new SendError("timeout");
      }
      return null;
    });
    const first = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["first"]), clientId });
    await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["second"]), clientId });
    const { dispatcher } = jobs(db, clock, sender);
    await dispatcher.drain();
    expect(sender.sent).toEqual([]);
    clock.set((await job(db, first)).dueAt);
    await dispatcher.drain();
    expect(sender.sent.map((m) => m.key)).toEqual(["first", "second"]);
  });

  it.runIf(available)("a 429 waits retry_after without using up an attempt", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    let calls = 0;
    const sender = recordingSender(() => (calls++ === 0 ? new SendError("Too Many Requests", { retryAfterSeconds: 17 }) : null));
    const id = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["a"]), clientId });
    const { dispatcher } = jobs(db, clock, sender);
    await dispatcher.drain();
    const waiting = await job(db, id);
    expect(waiting.status).toBe("PENDING");
    expect(waiting.dueAt.getTime() - clock.now().getTime()).toBe(17_000);
    expect(waiting.maxAttempts - waiting.attempts).toBe(8);
    clock.advance(17_000);
    await dispatcher.drain();
    expect((await job(db, id)).status).toBe("DONE");
    expect(sender.sent).toHaveLength(1);
  });

  it.runIf(available)("a 403 makes the client UNREACHABLE, cancels what waits for them and tells the coach, once", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    const sender = recordingSender(() => new SendError("Forbidden: bot was blocked by the user", { permanent: true, blocked: true }));
    const id = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["a"]), clientId });
    const later = await insertJob(db, { kind: "reminder.step", payload: { daypart: "morning" }, clientId, dueAt: new Date("2026-02-05T09:00:00Z") });
    const { dispatcher } = jobs(db, clock, sender);
    await dispatcher.drain();
    expect((await job(db, id)).status).toBe("DEAD");
    expect((await job(db, later)).status).toBe("CANCELLED");
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).status).toBe("UNREACHABLE");
    const nudges = await db.prisma.nudge.findMany({ where: { clientId } });
    expect(nudges.map((n) => n.cause)).toEqual(["unreachable"]);
  });

  it.runIf(available)("after a crash mid-send, never sends the message that may have gone out (except the crisis answer)", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    // As a crashed instance leaves them: RUNNING, lease run out, message 0 (or the crisis text) in flight.
    const crashed = { status: "RUNNING" as const, lockedBy: "gone:1", lockedUntil: new Date("2026-02-02T09:59:00Z"), attempts: 1 };
    const a = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["one", "two"], { inFlight: 0 }), clientId });
    const other = await activeClient(db);
    const b = await insertJob(db, { kind: "telegram.send", payload: outbox(other.chatId, ["crisis.text"], { inFlight: 0 }), clientId: other.clientId });
    await db.prisma.job.updateMany({ where: { id: { in: [BigInt(a), BigInt(b)] } }, data: crashed });
    const sender = recordingSender();
    await jobs(db, clock, sender).dispatcher.drain();
    expect(sender.sent.map((m) => m.key).sort()).toEqual(["crisis.text", "two"]);
    const payload = (await job(db, a)).payload as unknown as TelegramSendPayload;
    expect(payload).toMatchObject({ sent: 2, inFlight: null, uncertain: [0] });
  });

  it.runIf(available)("a send whose outcome is unknown (a reset connection) is not repeated either", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    const { clientId, chatId } = await activeClient(db);
    let calls = 0;
    const sender = recordingSender(() => (calls++ === 0 ? new SendError("socket hang up", { uncertain: true }) : null));
    const id = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["one", "two"]), clientId });
    const { dispatcher } = jobs(db, clock, sender);
    await dispatcher.drain();
    clock.set((await job(db, id)).dueAt);
    await dispatcher.drain();
    expect(sender.sent.map((m) => m.key)).toEqual(["two"]);
    expect(((await job(db, id)).payload as unknown as TelegramSendPayload).uncertain).toEqual([0]);
  });

  it.runIf(available)("an instance whose lease ran out cannot finish a job another instance took over", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T10:00:00Z");
    let release: () => void = () => undefined;
    const slow: JobHandlers = {
      "test.slow": async (_job, ctx) => {
        await new Promise<void>((r) => (release = r));
        await ctx.savePayload({ late: true });
      },
      "test.fast": async () => undefined,
    };
    const id = await insertJob(db, { kind: "test.slow", payload: {} });
    const first = jobs(db, clock, recordingSender(), slow).dispatcher;
    const running = first.drain();
    while ((await job(db, id)).status !== "RUNNING") await new Promise((r) => setTimeout(r, 10));
    clock.advance(61_000);
    const second = jobs(db, clock, recordingSender(), { ...slow, "test.slow": async () => undefined }).dispatcher;
    expect(await second.drain()).toBe(1);
    release();
    await running;
    const j = await job(db, id);
    expect(j.status).toBe("DONE");
    expect(j.payload).toEqual({});
  });

  it.runIf(available)("sends within Telegram's limits: a proactive message waits for the morning", async () => {
    const db = await newDb();
    const clock = fakeClock("2026-02-02T22:30:00Z"); // 23:30 in Amsterdam
    const { clientId, chatId } = await activeClient(db);
    const sender = recordingSender();
    const id = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["r"], { proactive: true }), clientId });
    const reply = await insertJob(db, { kind: "telegram.send", payload: outbox(chatId, ["reply"]), clientId });
    await jobs(db, clock, sender).dispatcher.drain();
    expect(sender.sent.map((m: SentMessage) => m.key)).toEqual(["reply"]);
    expect((await job(db, id)).dueAt.toISOString()).toBe("2026-02-03T07:00:00.000Z");
    expect((await job(db, reply)).status).toBe("DONE");
  });
});
