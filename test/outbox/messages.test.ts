import { describe, expect, it } from "vitest";
import {
  callbackData,
  CONVERSATION_REASK,
  enqueueReask,
  enqueueTelegram,
  parseCallbackData,
  reaskMessage,
  TELEGRAM_SEND,
  toOutMessage,
  type OutMessage,
  type TelegramSendPayload,
} from "../../src/outbox/messages.js";

/** The transaction handle the module writes through. */
type Tx = Parameters<typeof enqueueTelegram>[0];

/** A transaction that only records the job upserts it is asked for (the module's one I/O). */
function recordingTx() {
  const upserts: { where: { idempotencyKey: string }; update: object; create: { kind: string; payload: unknown; idempotencyKey: string; clientId?: string; priority?: number } }[] = [];
  const tx = { job: { upsert: (args: (typeof upserts)[number]) => (upserts.push(args), Promise.resolve({})) } } as unknown as Tx;
  return { tx, upserts };
}

describe("the button codec", () => {
  it("writes the turn and the choice, and reads them back", () => {
    const data = callbackData(4, { id: "yes", label: "common.yes" });
    expect(data).toBe("k:4:yes");
    expect(parseCallbackData(data)).toEqual({ turn: 4, choice: "yes" });
    expect(parseCallbackData(callbackData(0, { id: "notNow", label: "x" }))).toEqual({ turn: 0, choice: "notNow" });
  });

  it("reads choice ids with digits, dots, dashes and underscores, up to 40 characters", () => {
    expect(parseCallbackData("k:12:step_2.a-b")).toEqual({ turn: 12, choice: "step_2.a-b" });
    expect(parseCallbackData(`k:1:${"a".repeat(40)}`)).toEqual({ turn: 1, choice: "a".repeat(40) });
    expect(parseCallbackData(`k:999999999:x`)).toEqual({ turn: 999999999, choice: "x" });
  });

  it("the longest button it accepts fits Telegram's 64 bytes", () => {
    const longest = callbackData(999999999, { id: "a".repeat(40), label: "x" });
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(64);
    expect(parseCallbackData(longest)).not.toBeNull();
  });

  it.each([
    ["", "empty"],
    ["k:4", "without a choice"],
    ["k::yes", "without a turn"],
    ["k:-1:yes", "a negative turn"],
    ["k:1.5:yes", "a fractional turn"],
    ["k:1234567890:yes", "a turn of ten digits"],
    [`k:1:${"a".repeat(41)}`, "a choice of 41 characters"],
    ["k:4:yes:no", "a choice with a colon"],
    ["k:4:ja nee", "a choice with a space"],
    ["k:4:", "an empty choice"],
    ["x:4:yes", "another prefix"],
    ["K:4:yes", "a capital prefix"],
    [" k:4:yes", "a leading space"],
    ["k:4:yes\n", "a trailing newline"],
    ["k:4:jé", "an accented choice"],
  ])("refuses forged or foreign data: %j (%s)", (data) => {
    expect(parseCallbackData(data)).toBeNull();
  });
});

describe("toOutMessage", () => {
  it("keeps the key and vars, and gives every button the turn it belongs to", () => {
    const msg = toOutMessage(
      { key: "scaling.ask.progress", vars: { name: "Samira" }, choices: [[{ id: "0", label: "n.0" }, { id: "1", label: "n.1" }], [{ id: "notNow", label: "controls.notNow", vars: { coach: "Ahmed" } }]] },
      7,
    );
    expect(msg).toEqual({
      key: "scaling.ask.progress",
      vars: { name: "Samira" },
      buttons: [
        [{ label: "n.0", data: "k:7:0" }, { label: "n.1", data: "k:7:1" }],
        [{ label: "controls.notNow", data: "k:7:notNow", vars: { coach: "Ahmed" } }],
      ],
    });
  });

  it("a message without vars or choices is only its key (no empty fields)", () => {
    expect(toOutMessage({ key: "menu.laterOk" }, 1)).toEqual({ key: "menu.laterOk" });
    expect(toOutMessage({ key: "menu.laterOk", choices: [] }, 1)).toEqual({ key: "menu.laterOk" });
    expect(Object.keys(toOutMessage({ key: "a" }, 3))).toEqual(["key"]);
  });
});

describe("reaskMessage", () => {
  const question: OutMessage = {
    key: "scaling.ask.progress",
    vars: { name: "Samira" },
    lines: [{ key: "overview.step", vars: { what: "bellen" } }],
    buttons: [[{ label: "n.0", data: "k:3:0" }]],
  };

  it("puts the note first, then the question with its vars, its lines and its buttons, in one message", () => {
    expect(reaskMessage(question)).toEqual({
      key: "common.reask",
      lines: [{ key: "scaling.ask.progress", vars: { name: "Samira" } }, { key: "overview.step", vars: { what: "bellen" } }],
      buttons: [[{ label: "n.0", data: "k:3:0" }]],
    });
  });

  it("a plain message is re-asked without buttons and without empty vars", () => {
    expect(reaskMessage({ key: "crisis.text" })).toEqual({ key: "common.reask", lines: [{ key: "crisis.text" }] });
  });

  it("does not change the message it re-asks", () => {
    const copy = structuredClone(question);
    reaskMessage(question);
    expect(question).toEqual(copy);
  });
});

describe("enqueueTelegram", () => {
  const base = { clientId: "c1", chatId: 9007199254740993n, language: "nl", messages: [{ key: "menu.ask" }] };

  it("queues one send job for the turn, with the chat id as an exact string and nothing sent yet", async () => {
    const { tx, upserts } = recordingTx();
    await enqueueTelegram(tx, { ...base, key: "turn-1" });
    expect(upserts).toHaveLength(1);
    const [u] = upserts;
    expect(u?.where).toEqual({ idempotencyKey: `${TELEGRAM_SEND}:turn-1` });
    expect(u?.update).toEqual({});
    expect(u?.create).toEqual({
      kind: TELEGRAM_SEND,
      payload: { chatId: "9007199254740993", language: "nl", messages: [{ key: "menu.ask" }], sent: 0 },
      idempotencyKey: "telegram.send:turn-1",
      clientId: "c1",
    });
  });

  it("queues nothing for a turn without messages", async () => {
    const { tx, upserts } = recordingTx();
    await enqueueTelegram(tx, { ...base, messages: [] });
    expect(upserts).toEqual([]);
  });

  it("without a key, every call is its own job", async () => {
    const { tx, upserts } = recordingTx();
    await enqueueTelegram(tx, base);
    await enqueueTelegram(tx, base);
    const [a, b] = upserts.map((u) => u.where.idempotencyKey);
    expect(a).toMatch(/^telegram\.send:[0-9a-f-]{36}$/);
    expect(b).toMatch(/^telegram\.send:[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it("marks proactive, urgent and re-ask turns; only an urgent one runs first", async () => {
    const { tx, upserts } = recordingTx();
    await enqueueTelegram(tx, { ...base, key: "a", proactive: true });
    await enqueueTelegram(tx, { ...base, key: "b", urgent: true });
    await enqueueTelegram(tx, { ...base, key: "c", reask: true, proactive: false, urgent: false });
    const payloads = upserts.map((u) => u.create.payload as TelegramSendPayload);
    expect(payloads.map((p) => [p.proactive, p.urgent, p.reask])).toEqual([
      [true, undefined, undefined],
      [undefined, true, undefined],
      [undefined, undefined, true],
    ]);
    expect(upserts.map((u) => u.create.priority)).toEqual([undefined, 1, undefined]);
  });
});

describe("enqueueReask", () => {
  it("queues one re-ask keyed by the send job in doubt", async () => {
    const { tx, upserts } = recordingTx();
    const payload = { clientId: "c1", sendJobId: "job-9", since: "2027-03-10T09:00:00.000Z", missed: { key: "menu.ask" } };
    await enqueueReask(tx, payload);
    await enqueueReask(tx, payload);
    expect(upserts.map((u) => u.where.idempotencyKey)).toEqual(["conversation.reask:job-9", "conversation.reask:job-9"]);
    expect(upserts[0]?.create).toEqual({ kind: CONVERSATION_REASK, payload, idempotencyKey: "conversation.reask:job-9", clientId: "c1" });
  });
});
