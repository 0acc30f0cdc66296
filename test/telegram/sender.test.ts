/**
 * The Telegram sender's own logic (src/telegram/sender.ts): cutting long texts, what it calls on
 * the Bot API for each kind of message, and how it maps the Bot API's errors, over a fake `Api`
 * that records the calls (test/jobs/outbox-sender.test.ts checks the same over real HTTP).
 */
import { GrammyError, HttpError, type Api } from "grammy";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { SendError } from "../../src/jobs/errors.js";
import type { OutMessage } from "../../src/outbox/messages.js";
import { chartLabels, createTelegramSender, MAX_MESSAGE, splitText } from "../../src/telegram/sender.js";

const translator = createTranslator();

describe("splitText", () => {
  it("leaves a text that fits as it is", () => {
    expect(splitText("kort")).toEqual(["kort"]);
    expect(splitText("a".repeat(MAX_MESSAGE))).toEqual(["a".repeat(MAX_MESSAGE)]);
    expect(splitText("")).toEqual([""]);
  });

  it("cuts between lines, filling each part as far as it goes", () => {
    expect(splitText("aaa\nbbb\nccc", 7)).toEqual(["aaa\nbbb", "ccc"]);
    expect(splitText("aa\nbb\ncc\ndd", 5)).toEqual(["aa\nbb", "cc\ndd"]);
  });

  it("cuts a line longer than a part itself, and goes on after it", () => {
    expect(splitText("ab\ncdefghij\nk", 4)).toEqual(["ab", "cdef", "ghij", "k"]);
  });

  it("never cuts inside a surrogate pair", () => {
    const parts = splitText(`abc😀def`, 4);
    expect(parts).toEqual(["abc", "😀de", "f"]);
    for (const p of parts) expect(p).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it("ends on a limit too small for an emoji, and cuts a long run of blank lines into parts", () => {
    expect(splitText("😀😀", 1).join("")).toBe("😀😀");
    const blank = "\n".repeat(30);
    const parts = splitText(blank, 8);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(8);
    expect(splitText("ab\n\ncdefghij", 4)).toEqual(["ab\n", "cdef", "ghij"]);
  });

  it("loses no character of a long list, and no part is over the limit", () => {
    const text = Array.from({ length: 300 }, (_, i) => `• stap ${i}: ${"x".repeat(i % 50)}`).join("\n");
    const parts = splitText(text, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500);
    expect(parts.join("\n")).toBe(text);
  });
});

describe("chartLabels", () => {
  it("names the chart's words in the client's language", () => {
    expect(chartLabels(translator, "nl")).toEqual({ score: "Cijfer", step: "stap" });
    expect(chartLabels(translator, "en").score).not.toBe("Cijfer");
  });
});

type Call = [method: string, chat: number, content: unknown, other: Record<string, unknown>];

function fakeApi(fail?: () => Error) {
  const calls: Call[] = [];
  const call = (method: string) => (chat: number, content: unknown, other: Record<string, unknown> = {}) => {
    if (fail) return Promise.reject(fail());
    calls.push([method, chat, content, other]);
    return Promise.resolve({});
  };
  const api = { sendMessage: call("sendMessage"), sendPhoto: call("sendPhoto"), sendDocument: call("sendDocument") } as unknown as Api;
  return { api, calls };
}

const payload = (messages: OutMessage[], language = "nl") => ({ chatId: "4242", language, messages, sent: 0 });

describe("the Telegram sender", () => {
  it("sends a message's text, with its lines, in the client's language, to the job's chat", async () => {
    const { api, calls } = fakeApi();
    await createTelegramSender(api, translator).send(payload([{ key: "common.reask", lines: [{ key: "common.idle" }] }]), 0);
    expect(calls).toEqual([["sendMessage", 4242, `${translator.t("nl", "common.reask")}\n${translator.t("nl", "common.idle")}`, {}]]);
  });

  it("sends the message at the index asked for, and nothing for an index past the end", async () => {
    const { api, calls } = fakeApi();
    const sender = createTelegramSender(api, translator);
    await sender.send(payload([{ key: "common.idle" }, { key: "common.flood" }], "en"), 1);
    await sender.send(payload([{ key: "common.idle" }]), 5);
    expect(calls.map(([, , text]) => text)).toEqual([translator.t("en", "common.flood")]);
  });

  it("puts the buttons under the message, translated, with their callback data", async () => {
    const { api, calls } = fakeApi();
    await createTelegramSender(api, translator).send(payload([{ key: "menu.ask", vars: { name: "Sam" }, buttons: [[{ label: "menu.later", data: "k:3:later" }]] }]), 0);
    expect(calls[0]?.[3]).toEqual({ reply_markup: { inline_keyboard: [[{ text: translator.t("nl", "menu.later"), callback_data: "k:3:later" }]] } });
    expect(calls[0]?.[2]).toContain("Sam");
  });

  it("a text too long for one message goes in parts, with the buttons under the last", async () => {
    const { api, calls } = fakeApi();
    const lines = Array.from({ length: 12 }, (_, i) => ({ key: "overview.step", vars: { what: `${i} ${"x".repeat(500)}` } }));
    await createTelegramSender(api, translator).send(payload([{ key: "common.idle", lines, buttons: [[{ label: "menu.later", data: "k:1:later" }]] }]), 0);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(([m, , text]) => m === "sendMessage" && typeof text === "string" && text.length <= MAX_MESSAGE)).toBe(true);
    expect(calls.map(([, , , other]) => "reply_markup" in other)).toEqual([...calls.slice(1).map(() => false), true]);
    expect(calls.map(([, , text]) => text).join("\n")).toContain(`11 ${"x".repeat(500)}`);
  });

  it("a document goes with sendDocument, the text as its caption", async () => {
    const { api, calls } = fakeApi();
    await createTelegramSender(api, translator).send(payload([{ key: "common.idle", document: { filename: "mijn-gegevens.json", content: '{"naam":"Samira"}' } }]), 0);
    expect(calls).toHaveLength(1);
    const [method, chat, file, other] = calls[0] ?? [];
    expect([method, chat, other]).toEqual(["sendDocument", 4242, { caption: translator.t("nl", "common.idle") }]);
    expect((file as { filename?: string }).filename).toBe("mijn-gegevens.json");
  });

  const apiError = (error_code: number, parameters: Record<string, unknown> = {}) => () => new GrammyError("call failed", { ok: false, error_code, description: `error ${error_code}`, parameters }, "sendMessage", {});
  const failure = async (fail: () => Error): Promise<unknown> => {
    try {
      await createTelegramSender(fakeApi(fail).api, translator).send(payload([{ key: "common.idle" }]), 0);
    } catch (err) {
      return err;
    }
    throw new Error("the send did not fail");
  };

  it.each([
    [429, { retry_after: 17 }, { retryAfterSeconds: 17 }],
    [429, {}, { retryAfterSeconds: 5 }],
    [403, {}, { permanent: true, blocked: true }],
    [400, {}, { permanent: true }],
    [500, {}, {}],
    [502, {}, {}],
  ])("Telegram's %i (%j) becomes a SendError with %j", async (code, parameters, opts) => {
    const err = await failure(apiError(code, parameters));
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).opts).toEqual(opts);
    expect((err as SendError).message).toBe(`error ${code}`);
  });

  it("a network error before any connection was made is certain: nothing arrived", async () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]) {
      const err = await failure(() => new HttpError("network", Object.assign(new Error("fetch failed"), { cause: { code } })));
      expect([code, (err as SendError).opts]).toEqual([code, { uncertain: false }]);
    }
  });

  it("a reset, a timeout or an unknown network failure may have arrived", async () => {
    for (const cause of [{ code: "ECONNRESET" }, { code: "ETIMEDOUT" }, new Error("aborted"), undefined]) {
      const err = await failure(() => new HttpError("network", cause === undefined ? undefined : Object.assign(new Error("fetch failed"), { cause })));
      expect((err as SendError).opts).toEqual({ uncertain: true });
    }
  });

  it("looks for the connection error only a few causes deep", async () => {
    const deep = { cause: { cause: { cause: { cause: { code: "ECONNREFUSED" } } } } };
    expect(((await failure(() => new HttpError("network", deep))) as SendError).opts).toEqual({ uncertain: true });
    const near = { cause: { cause: { code: "ECONNREFUSED" } } };
    expect(((await failure(() => new HttpError("network", near))) as SendError).opts).toEqual({ uncertain: false });
  });

  it("any other error is passed on as it is", async () => {
    const boom = new TypeError("render bug");
    expect(await failure(() => boom)).toBe(boom);
  });
});
