/**
 * A local fake of the Telegram Bot API on 127.0.0.1, for tests that count deliveries:
 * sendMessage is recorded and answered like Telegram does (after `latencyMs`, so a process
 * killed "mid-send" is likely to be waiting on it); other methods answer `ok`. Chats in
 * `blocked` get a 403, like a client who blocked the bot.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { BOT_INFO } from "../fixtures/updates.js";

export interface Delivery {
  chatId: string;
  text: string;
  buttons: string[];
}

export interface FakeTelegram {
  /** For `TELEGRAM_API_ROOT` / grammY's `apiRoot`. */
  apiRoot: string;
  deliveries: Delivery[];
  blocked: Set<string>;
  close(): Promise<void>;
}

export const FAKE_TOKEN = "123456:AAFakeTokenForTestsOnlyxxxxxxxxxx";
/** The bot's getMe answer: the same bot as the offline tests' (test/fixtures/updates.ts). */
export const FAKE_BOT_INFO = BOT_INFO;

export async function startFakeTelegram(opts: { latencyMs?: number } = {}): Promise<FakeTelegram> {
  const deliveries: Delivery[] = [];
  const blocked = new Set<string>();
  let messageId = 1;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (method !== "sendMessage") return reply(200, { ok: true, result: method === "getMe" ? FAKE_BOT_INFO : true });
      const chatId = String(body.chat_id);
      if (blocked.has(chatId)) return reply(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
      // Recorded on arrival: from here on Telegram has the message, whatever happens to the sender.
      const markup = body.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
      deliveries.push({ chatId, text: String(body.text), buttons: markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [] });
      const id = messageId++;
      setTimeout(() => reply(200, { ok: true, result: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: body.text } }), opts.latencyMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    deliveries,
    blocked,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
