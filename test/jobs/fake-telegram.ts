/**
 * A local fake of the Telegram Bot API on 127.0.0.1, for tests that count deliveries:
 * sendMessage is recorded (with its arrival time) and answered like Telegram does (after `latencyMs`, so a process
 * killed "mid-send" is likely to be waiting on it); other methods answer `ok`. Chats in
 * `blocked` get a 403, like a client who blocked the bot.
 *
 * With `lossWhenCut` a sendMessage is recorded when it is answered instead, and one whose sender
 * hung up before the answer (the process was killed mid-send) is lost with that probability: a
 * sender cannot tell "arrived" from "lost" then, and a test sees both.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeNow } from "../../src/http/server.js";
import { BOT_INFO } from "../fixtures/updates.js";

export interface Delivery {
  chatId: string;
  text: string;
  buttons: string[];
  /** When the request arrived (Date.now()), for the tests of Telegram's rate limits. */
  at: number;
}

export interface FakeTelegram {
  /** For `TELEGRAM_API_ROOT` / grammY's `apiRoot`. */
  apiRoot: string;
  deliveries: Delivery[];
  blocked: Set<string>;
  /**
   * Called as each sendMessage request arrives, before it is answered. Returning true holds the
   * answer until the sender hangs up (for a test that kills the sender right then).
   */
  onSend: ((chatId: string) => boolean | void) | undefined;
  /** With `lossWhenCut`: messages whose sender hung up before the answer, delivered or lost. */
  cut: { delivered: number; lost: number };
  close(): Promise<void>;
}

export const FAKE_TOKEN = "123456:AAFakeTokenForTestsOnlyxxxxxxxxxx";
/** The bot's getMe answer: the same bot as the offline tests' (test/fixtures/updates.ts). */
export const FAKE_BOT_INFO = BOT_INFO;

export async function startFakeTelegram(opts: { latencyMs?: number; lossWhenCut?: number } = {}): Promise<FakeTelegram> {
  const deliveries: Delivery[] = [];
  const blocked = new Set<string>();
  const cut = { delivered: 0, lost: 0 };
  const fake = { onSend: undefined } as FakeTelegram;
  let messageId = 1;
  const server = http.createServer((req, res) => {
    const arrived = Date.now();
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      // Not Telegram's: what was delivered, for a test that runs this fake in a process of its own.
      if (req.url === "/_deliveries") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(deliveries));
      const method = (req.url ?? "").split("/").pop() ?? "";
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (method !== "sendMessage") return reply(200, { ok: true, result: method === "getMe" ? FAKE_BOT_INFO : true });
      const chatId = String(body.chat_id);
      if (blocked.has(chatId)) return reply(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
      const markup = body.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
      const delivery = { chatId, text: String(body.text), buttons: markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [], at: arrived };
      // Recorded on arrival: from here on Telegram has the message, whatever happens to the sender.
      if (opts.lossWhenCut === undefined) deliveries.push(delivery);
      // The sender's process died: its end of the connection closes while we hold the answer.
      let hungUp = false;
      const gone = () => (hungUp = true);
      req.socket.once("end", gone).once("close", gone);
      const hold = fake.onSend?.(chatId) === true;
      const id = messageId++;
      const answer = () => {
        req.socket.off("end", gone).off("close", gone);
        if (opts.lossWhenCut !== undefined) {
          if (hungUp && Math.random() < opts.lossWhenCut) {
            cut.lost++;
            return;
          }
          if (hungUp) cut.delivered++;
          deliveries.push(delivery);
        }
        if (!hungUp) reply(200, { ok: true, result: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: body.text } });
      };
      if (!hold) return void setTimeout(answer, opts.latencyMs ?? 0);
      const heldSince = Date.now();
      const wait = setInterval(() => {
        if (!hungUp && Date.now() - heldSince < 10_000) return;
        clearInterval(wait);
        answer();
      }, 10);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    apiRoot: `http://127.0.0.1:${port}`,
    deliveries,
    blocked,
    cut,
    close: () => closeNow(server),
  });
  return fake;
}
