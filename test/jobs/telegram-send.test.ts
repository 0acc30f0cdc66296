/**
 * The outbox handler with fakes for its I/O: a sender that records (or fails) each message, a
 * scripted rate limiter, and a job context that records what is saved. The handler itself is real.
 */
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { LeaseLost, SendError } from "../../src/jobs/errors.js";
import { messageToReask, telegramSendHandler, type TelegramSendDeps } from "../../src/jobs/telegram-send.js";
import type { ClaimedJob, JobContext } from "../../src/jobs/types.js";
import type { OutMessage, TelegramSendPayload } from "../../src/outbox/messages.js";

/** Wednesday 10 March 2027, 10:00 in Amsterdam (winter time, UTC+1). */
const DAY = new Date("2027-03-10T09:00:00.000Z");

interface World {
  sent: number[];
  saved: Record<string, unknown>[];
  slept: number[];
  penalised: [string, number][];
  blocked: string[];
  uncertain: TelegramSendPayload[];
  takes: [string, boolean | undefined][];
  warnings: string[];
}

function setupWorld(opts: { waits?: number[]; fail?: Record<number, Error>; now?: Date; deps?: Partial<TelegramSendDeps> } = {}) {
  const w: World = { sent: [], saved: [], slept: [], penalised: [], blocked: [], uncertain: [], takes: [], warnings: [] };
  const waits = [...(opts.waits ?? [])];
  const deps: TelegramSendDeps = {
    sender: {
      send: (_payload, index) => {
        const err = opts.fail?.[index];
        if (err) return Promise.reject(err);
        w.sent.push(index);
        return Promise.resolve();
      },
    },
    limiter: {
      tryTake: (chatId, urgent) => (w.takes.push([chatId, urgent]), waits.shift() ?? 0),
      penalise: (chatId, ms) => void w.penalised.push([chatId, ms]),
    },
    onBlocked: (clientId) => (w.blocked.push(clientId), Promise.resolve()),
    onUncertain: (_job, payload) => (w.uncertain.push(structuredClone(payload)), Promise.resolve()),
    sleep: (ms) => (w.slept.push(ms), Promise.resolve()),
    ...opts.deps,
  };
  const logger = { warn: (_obj: unknown, msg: string) => void w.warnings.push(msg) } as unknown as Logger;
  const ctx: JobContext = {
    db: undefined as never,
    now: () => opts.now ?? DAY,
    logger,
    savePayload: (patch) => (w.saved.push(patch), Promise.resolve()),
  };
  return { w, handler: telegramSendHandler(deps), ctx };
}

const msgs = (...keys: string[]): OutMessage[] => keys.map((key) => ({ key }));
const payloadOf = (over: Partial<TelegramSendPayload> = {}): TelegramSendPayload => ({ chatId: "4242", language: "nl", messages: msgs("a", "b", "c"), sent: 0, ...over });
const jobOf = (payload: TelegramSendPayload, over: Partial<ClaimedJob> = {}): ClaimedJob => ({
  id: "job-1",
  kind: "telegram.send",
  payload,
  attempts: 1,
  maxAttempts: 8,
  clientId: "client-1",
  idempotencyKey: "telegram.send:x",
  recovered: false,
  dueAt: DAY,
  ...over,
});
const inFlightAt = DAY.toISOString();

describe("the telegram.send handler", () => {
  it("sends every message in order, marking each in flight before it goes and saving progress with the next mark", async () => {
    const { w, handler, ctx } = setupWorld();
    const outcome = await handler(jobOf(payloadOf()), ctx);
    expect(w.sent).toEqual([0, 1, 2]);
    expect(w.saved).toEqual([
      { inFlight: 0, inFlightAt },
      { sent: 1, inFlight: 1, inFlightAt },
      { sent: 2, inFlight: 2, inFlightAt },
    ]);
    expect(outcome).toEqual({ patch: { sent: 3, inFlight: null } });
    expect(w.uncertain).toEqual([]);
  });

  it("a retry goes on from the messages already delivered", async () => {
    const { w, handler, ctx } = setupWorld();
    expect(await handler(jobOf(payloadOf({ sent: 2 })), ctx)).toEqual({ patch: { sent: 3, inFlight: null } });
    expect(w.sent).toEqual([2]);
  });

  it("a job that is already done sends nothing", async () => {
    const { w, handler, ctx } = setupWorld();
    expect(await handler(jobOf(payloadOf({ sent: 3 })), ctx)).toEqual({ patch: { sent: 3, inFlight: null } });
    expect(w.sent).toEqual([]);
    expect(w.takes).toEqual([]);
  });

  it("asks the limiter for the job's chat, telling it when the message is urgent", async () => {
    const { w, handler, ctx } = setupWorld();
    await handler(jobOf(payloadOf({ messages: msgs("a"), urgent: true })), ctx);
    await handler(jobOf(payloadOf({ messages: msgs("a") })), ctx);
    expect(w.takes).toEqual([
      ["4242", true],
      ["4242", false],
    ]);
  });

  describe("after a crash with a message in flight", () => {
    it("does not send that message again: it is recorded in doubt, the rest goes, and one re-ask is queued", async () => {
      const { w, handler, ctx } = setupWorld();
      const p = payloadOf({ sent: 1, inFlight: 1, inFlightAt: "2027-03-10T08:59:00.000Z" });
      const outcome = await handler(jobOf(p), ctx);
      expect(w.sent).toEqual([2]);
      expect(w.saved[0]).toEqual({ sent: 2, inFlight: null, uncertain: [1], uncertainSince: "2027-03-10T08:59:00.000Z" });
      expect(outcome).toEqual({ patch: { sent: 3, inFlight: null } });
      expect(w.uncertain).toHaveLength(1);
      expect(w.uncertain[0]).toMatchObject({ uncertain: [1], uncertainSince: "2027-03-10T08:59:00.000Z", sent: 3 });
      expect(w.warnings).toEqual(["message may have been sent before a crash; not sending it again"]);
    });

    it("without the time the send began, the doubt starts now", async () => {
      const { w, handler, ctx } = setupWorld();
      await handler(jobOf(payloadOf({ messages: msgs("a"), inFlight: 0 })), ctx);
      expect(w.saved[0]).toMatchObject({ uncertain: [0], uncertainSince: DAY.toISOString() });
      expect(w.sent).toEqual([]);
    });

    it("adds to the messages already in doubt", async () => {
      const { w, handler, ctx } = setupWorld();
      await handler(jobOf(payloadOf({ sent: 2, inFlight: 2, uncertain: [0] })), ctx);
      expect(w.saved[0]).toMatchObject({ sent: 3, uncertain: [0, 2] });
      expect(w.uncertain[0]?.uncertain).toEqual([0, 2]);
    });

    it("sends a crisis answer again, without a note: a duplicate costs less than a loss", async () => {
      const { w, handler, ctx } = setupWorld();
      const outcome = await handler(jobOf(payloadOf({ messages: msgs("crisis.text", "b"), sent: 0, inFlight: 0 })), ctx);
      expect(w.sent).toEqual([0, 1]);
      expect(w.saved.some((s) => "uncertain" in s)).toBe(false);
      expect(w.uncertain).toEqual([]);
      expect(outcome).toEqual({ patch: { sent: 2, inFlight: null } });
      expect(w.warnings).toEqual(["message may have been sent before a crash; sending it again (it must not be lost)"]);
    });

    it("a marked re-ask is sent again too, and never re-asked itself", async () => {
      const { w, handler, ctx } = setupWorld();
      await handler(jobOf(payloadOf({ messages: msgs("common.reask"), inFlight: 0, reask: true })), ctx);
      expect(w.sent).toEqual([0]);
      const withDoubt = setupWorld();
      await withDoubt.handler(jobOf(payloadOf({ reask: true, uncertain: [0], sent: 1 })), withDoubt.ctx);
      expect(withDoubt.w.uncertain).toEqual([]);
    });

    it("uses the deps' own idea of what must not be lost", async () => {
      const { w, handler, ctx } = setupWorld({ deps: { resendWhenUncertain: (m) => m.key === "b" } });
      await handler(jobOf(payloadOf({ sent: 1, inFlight: 1 })), ctx);
      expect(w.sent).toEqual([1, 2]);
      const crisis = setupWorld({ deps: { resendWhenUncertain: () => false } });
      await crisis.handler(jobOf(payloadOf({ messages: msgs("crisis.text"), inFlight: 0 })), crisis.ctx);
      expect(crisis.w.sent).toEqual([]);
    });

    it("ignores a stale mark of a message already confirmed", async () => {
      const { w, handler, ctx } = setupWorld();
      await handler(jobOf(payloadOf({ sent: 2, inFlight: 1 })), ctx);
      expect(w.sent).toEqual([2]);
      expect(w.uncertain).toEqual([]);
      expect(w.saved.some((s) => "uncertain" in s)).toBe(false);
    });

    it("a job without a client queues no re-ask", async () => {
      const { w, handler, ctx } = setupWorld();
      await handler(jobOf(payloadOf({ inFlight: 0 }), { clientId: null }), ctx);
      expect(w.sent).toEqual([1, 2]);
      expect(w.uncertain).toEqual([]);
    });
  });

  describe("quiet hours", () => {
    it.each([
      ["22:30", "2027-03-10T21:30:00.000Z", "2027-03-11T07:00:00.000Z"],
      ["21:00", "2027-03-10T20:00:00.000Z", "2027-03-11T07:00:00.000Z"],
      ["06:00", "2027-03-10T05:00:00.000Z", "2027-03-10T07:00:00.000Z"],
      ["00:00", "2027-03-09T23:00:00.000Z", "2027-03-10T07:00:00.000Z"],
    ])("a reminder at %s waits until 08:00 and sends nothing", async (_local, now, retryAt) => {
      const { w, handler, ctx } = setupWorld({ now: new Date(now) });
      const outcome = await handler(jobOf(payloadOf({ proactive: true })), ctx);
      expect(outcome).toEqual({ retryAt: new Date(retryAt), reason: "quiet hours" });
      expect(w.sent).toEqual([]);
    });

    it("an answer to the client goes out at night; a reminder at 08:00 and at 20:59 goes at once", async () => {
      for (const [now, proactive] of [["2027-03-10T22:00:00.000Z", false], ["2027-03-10T07:00:00.000Z", true], ["2027-03-10T19:59:00.000Z", true]] as const) {
        const { w, handler, ctx } = setupWorld({ now: new Date(now) });
        expect(await handler(jobOf(payloadOf({ proactive })), ctx), now).toEqual({ patch: { sent: 3, inFlight: null } });
        expect(w.sent).toEqual([0, 1, 2]);
      }
    });

    it("in summer time, too, it waits until 08:00 Amsterdam", async () => {
      const { handler, ctx } = setupWorld({ now: new Date("2027-07-01T21:00:00.000Z") });
      expect(await handler(jobOf(payloadOf({ proactive: true })), ctx)).toEqual({ retryAt: new Date("2027-07-02T06:00:00.000Z"), reason: "quiet hours" });
    });
  });

  describe("the rate limit", () => {
    it("waits a short wait inside the job, saving the progress before it waits", async () => {
      // message 0 goes; message 1 must wait 600 ms, then 0
      const { w, handler, ctx } = setupWorld({ waits: [0, 600, 0, 0] });
      const outcome = await handler(jobOf(payloadOf()), ctx);
      expect(w.slept).toEqual([600]);
      expect(w.sent).toEqual([0, 1, 2]);
      expect(w.saved).toEqual([
        { inFlight: 0, inFlightAt },
        { sent: 1, inFlight: null },
        { inFlight: 1, inFlightAt },
        { sent: 2, inFlight: 2, inFlightAt },
      ]);
      expect(outcome).toEqual({ patch: { sent: 3, inFlight: null } });
    });

    it("puts the job back when the waits add up to more than the longest wait, holding back later turns", async () => {
      const { w, handler, ctx } = setupWorld({ waits: [0, 1500, 1000] });
      const outcome = await handler(jobOf(payloadOf()), ctx);
      expect(w.slept).toEqual([1500]);
      expect(w.sent).toEqual([0]);
      expect(outcome).toEqual({ retryAt: new Date(DAY.getTime() + 1000), reason: "rate limit", holdBack: true });
      expect(w.saved.at(-1)).toEqual({ sent: 1, inFlight: null });
    });

    it("a wait that is too long at once is not slept at all", async () => {
      const { w, handler, ctx } = setupWorld({ waits: [5000], deps: { maxWaitMs: 100 } });
      expect(await handler(jobOf(payloadOf()), ctx)).toEqual({ retryAt: new Date(DAY.getTime() + 5000), reason: "rate limit", holdBack: true });
      expect(w.slept).toEqual([]);
      expect(w.sent).toEqual([]);
      expect(w.saved).toEqual([]);
    });
  });

  describe("a failed send", () => {
    it("that Telegram refused clears the mark (nothing arrived) and fails the job", async () => {
      const err = new SendError("Bad Request", { permanent: true });
      const { w, handler, ctx } = setupWorld({ fail: { 1: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.sent).toEqual([0]);
      expect(w.saved).toEqual([{ inFlight: 0, inFlightAt }, { sent: 1, inFlight: 1, inFlightAt }, { inFlight: null }]);
      expect(w.blocked).toEqual([]);
    });

    it("that may have arrived keeps the mark, so the next run treats it as in doubt", async () => {
      const err = new SendError("ECONNRESET", { uncertain: true });
      const { w, handler, ctx } = setupWorld({ fail: { 0: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.saved).toEqual([{ inFlight: 0, inFlightAt }]);
    });

    it("after a lost lease touches the job no more", async () => {
      const err = new LeaseLost("job-1");
      const { w, handler, ctx } = setupWorld({ fail: { 0: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.saved).toEqual([{ inFlight: 0, inFlightAt }]);
    });

    it("with a 429 tells the limiter to wait for the chat as long as Telegram said", async () => {
      const err = new SendError("Too Many Requests", { retryAfterSeconds: 7 });
      const { w, handler, ctx } = setupWorld({ fail: { 0: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.penalised).toEqual([["4242", 7000]]);
    });

    it("with a 403 tells once that the client blocked the bot; without a client it tells nobody", async () => {
      const err = new SendError("Forbidden", { permanent: true, blocked: true });
      const { w, handler, ctx } = setupWorld({ fail: { 0: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.blocked).toEqual(["client-1"]);
      const noClient = setupWorld({ fail: { 0: err } });
      await expect(noClient.handler(jobOf(payloadOf(), { clientId: null }), noClient.ctx)).rejects.toBe(err);
      expect(noClient.w.blocked).toEqual([]);
    });

    it("an error that is not a SendError still clears the mark and is passed on", async () => {
      const err = new Error("render failed");
      const { w, handler, ctx } = setupWorld({ fail: { 0: err } });
      await expect(handler(jobOf(payloadOf()), ctx)).rejects.toBe(err);
      expect(w.saved).toEqual([{ inFlight: 0, inFlightAt }, { inFlight: null }]);
      expect(w.penalised).toEqual([]);
    });
  });
});

describe("messageToReask", () => {
  const note = { key: "common.pickButton" };
  const question = { key: "menu.question", vars: { name: "Sam" } };

  it("asks again the last message in doubt", () => {
    expect(messageToReask({ messages: [question, { key: "grow.goal" }], uncertain: [0, 1] })).toEqual({ key: "grow.goal" });
    expect(messageToReask({ messages: [question], uncertain: [0] })).toEqual(question);
  });

  it("leaves a note about the input in doubt alone when the reply's next message surely arrived", () => {
    expect(messageToReask({ messages: [note, question], uncertain: [0] })).toBeNull();
    expect(messageToReask({ messages: [{ key: "common.oldButton" }, question], uncertain: [0] })).toBeNull();
  });

  it("still asks a note again when it was the reply's last message, and anything else followed by more", () => {
    expect(messageToReask({ messages: [question, note], uncertain: [1] })).toEqual(note);
    expect(messageToReask({ messages: [{ key: "grow.summary" }, question], uncertain: [0] })).toEqual({ key: "grow.summary" });
  });

  it("has nothing to ask without a message in doubt", () => {
    expect(messageToReask({ messages: [question] })).toBeNull();
    expect(messageToReask({ messages: [question], uncertain: [] })).toBeNull();
    expect(messageToReask({ messages: [], uncertain: [3] })).toBeNull();
  });
});
