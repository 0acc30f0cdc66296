/**
 * The Telegram sender's error mapping over real HTTP (grammY against local servers): what the
 * outbox may retry, what is permanent, and when a failed send may still have arrived.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Bot } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { SendError } from "../../src/jobs/errors.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { createTelegramSender } from "../../src/telegram/sender.js";
import { FAKE_BOT_INFO, FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from "./fake-telegram.js";

const payload: TelegramSendPayload = { chatId: "4242", language: "nl", messages: [{ key: "common.idle" }], sent: 0 };
const senderAt = (apiRoot: string) => createTelegramSender(new Bot(FAKE_TOKEN, { botInfo: FAKE_BOT_INFO, client: { apiRoot } }).api, createTranslator());

async function failure(apiRoot: string): Promise<SendError> {
  try {
    await senderAt(apiRoot).send(payload, 0);
  } catch (err) {
    expect(err).toBeInstanceOf(SendError);
    return err as SendError;
  }
  throw new Error("the send did not fail");
}

describe("the Telegram sender", () => {
  let telegram: FakeTelegram | undefined;
  let other: http.Server | undefined;
  afterEach(async () => {
    await telegram?.close();
    await new Promise((r) => (other ? other.close(r) : r(undefined)));
    telegram = undefined;
    other = undefined;
  });

  it("delivers the rendered text", async () => {
    telegram = await startFakeTelegram();
    await senderAt(telegram.apiRoot).send(payload, 0);
    expect(telegram.deliveries).toHaveLength(1);
    expect(telegram.deliveries[0]?.chatId).toBe("4242");
  });

  it("a 403 (blocked) is permanent and says so", async () => {
    telegram = await startFakeTelegram();
    telegram.blocked.add("4242");
    expect((await failure(telegram.apiRoot)).opts).toMatchObject({ permanent: true, blocked: true });
  });

  it("no connection at all: nothing can have arrived", async () => {
    telegram = await startFakeTelegram();
    const root = telegram.apiRoot;
    await telegram.close();
    telegram = undefined;
    expect((await failure(root)).opts.uncertain).toBe(false);
  });

  it("a connection cut after the request: the message may have arrived", async () => {
    other = http.createServer((req) => req.on("data", () => req.socket.destroy()));
    await new Promise<void>((r) => other?.listen(0, "127.0.0.1", r));
    const { port } = other.address() as AddressInfo;
    expect((await failure(`http://127.0.0.1:${port}`)).opts.uncertain).toBe(true);
  });
});
