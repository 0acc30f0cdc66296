/**
 * The Telegram emulator (telegram-test-api) for end-to-end tests: a Bot API server on a free
 * port, a client per chat that sends commands, texts and button presses, and `botMessages()`
 * that reads what the bot sent to one chat.
 *
 * The bot's messages are read with our own `POST {apiURL}/getUpdates` polls, never with the
 * library's `client.getUpdates()`: that one keeps polling in the background after its timeout and
 * then swallows later messages (TOOLCHAIN-NOTES.md, "telegram-test-api client pitfall").
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import TelegramServer from "telegram-test-api";
import { onFreePort } from "../../src/http/ports.js";
import { listen } from "../../src/http/server.js";
import { keepIdleConnections } from "./keep-alive.js";


/** A message the bot sent, as the emulator stored it. */
export interface BotMessage {
  messageId: number;
  text: string;
  /** Inline keyboard rows: label and callback data. */
  buttons: { text: string; data: string }[][];
}

export interface ChatUser {
  chatId: number;
  /** Sends a command with a bot_command entity, e.g. `/start abc`. */
  command(text: string): Promise<void>;
  /** Sends a plain text message. */
  say(text: string): Promise<void>;
  /** Presses the button with this label (or callback data) under a message the bot sent. */
  press(message: BotMessage, labelOrData: string): Promise<void>;
  /** Sends a callback query with any data, "under" a given bot message. */
  pressData(data: string, messageId: number): Promise<void>;
  /**
   * Waits until the bot has sent `count` more messages to this chat (or fails after
   * `timeoutMs`) and returns exactly those; later ones stay for the next call.
   */
  botMessages(count: number, timeoutMs?: number): Promise<BotMessage[]>;
  /** Messages the bot sent that no `botMessages()` call has taken yet (one poll, no waiting). */
  unread(): Promise<BotMessage[]>;
}

export interface Emulator {
  server: TelegramServer;
  apiURL: string;
  token: string;
  /** A private chat (or, with `type`, a group) talking to the bot. */
  user(opts: { chatId: number; userId?: number; firstName?: string; type?: "private" | "group" | "supergroup" }): ChatUser;
  stop(): Promise<void>;
}

/** A token in @BotFather's format, different for every call so emulator storage never mixes. */
export function newBotToken(): string {
  return `${100000 + Math.floor(Math.random() * 800000)}:${randomBytes(24).toString("base64url")}`;
}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A bot message as the emulator's client route returns it (the parts we read). */
interface StoredBotUpdate {
  messageId: number;
  message: { text: string; reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } };
}

function toBotMessage(u: StoredBotUpdate): BotMessage {
  const rows = u.message.reply_markup?.inline_keyboard ?? [];
  return {
    messageId: u.messageId,
    text: u.message.text,
    buttons: rows.map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? "" }))),
  };
}

/** Starts an emulator on a free port of 127.0.0.1 (retrying when another process takes the port first). */
export async function startEmulator(token = newBotToken()): Promise<Emulator> {
  // The emulator turns `port: 0` into 9000, so it gets a port picked here.
  const started = await onFreePort(async (port) => {
    // storeTimeout: the emulator drops messages older than this; longer than any test.
    const candidate = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
    await candidate.start();
    keepIdleConnections((candidate as unknown as { server: http.Server }).server);
    return candidate;
  });
  const apiURL = started.config.apiURL;

  async function fetchUnread(chatId: number): Promise<BotMessage[]> {
    const res = await fetch(`${apiURL}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, chatId }),
    });
    if (!res.ok) throw new Error(`emulator getUpdates answered ${res.status}`);
    const body = (await res.json()) as { ok: boolean; result: StoredBotUpdate[] };
    return body.result.sort((a, b) => a.messageId - b.messageId).map(toBotMessage);
  }

  return {
    server: started,
    apiURL,
    token,
    user({ chatId, userId = chatId, firstName = "Test", type = "private" }) {
      const client = started.getClient(token, { chatId, userId, firstName, type, timeout: 5000 });
      const inbox: BotMessage[] = [];
      return {
        chatId,
        async command(text) {
          await client.sendCommand(client.makeCommand(text));
        },
        async say(text) {
          await client.sendMessage(client.makeMessage(text));
        },
        async press(message, labelOrData) {
          const button = message.buttons.flat().find((b) => b.text === labelOrData || b.data === labelOrData);
          if (!button) {
            throw new Error(`No button "${labelOrData}" under "${message.text}": ${JSON.stringify(message.buttons)}`);
          }
          await this.pressData(button.data, message.messageId);
        },
        async pressData(data, messageId) {
          // The emulator needs the bot message's id, or editMessageText would fail.
          await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId } }));
        },
        async botMessages(count, timeoutMs = 10_000) {
          await waitFor(
            `${count} bot message(s) in chat ${chatId} (have ${inbox.length}: ${JSON.stringify(inbox.map((m) => m.text))})`,
            async () => {
              inbox.push(...(await fetchUnread(chatId)));
              return inbox.length >= count;
            },
            timeoutMs,
          );
          return inbox.splice(0, count);
        },
        async unread() {
          inbox.push(...(await fetchUnread(chatId)));
          return inbox.splice(0, inbox.length);
        },
      };
    },
    async stop() {
      await started.stop();
    },
  };
}

/** A Bot API call the gate refused. */
export interface GatedCall {
  method: string;
  body: Record<string, unknown>;
}

export interface ApiGate {
  /** Use as TELEGRAM_API_ROOT: everything is passed on to the emulator... */
  url: string;
  /**
   * ...except sendMessage while this is true: then it answers 429 Too Many Requests with
   * `retry_after` = `retryAfterSeconds`, as Telegram's flood control does.
   */
  blockSends: boolean;
  retryAfterSeconds: number;
  /** The sendMessage calls refused so far. */
  refused: GatedCall[];
  stop(): Promise<void>;
}

/**
 * An HTTP server that passes Bot API calls on to `target`, unless `intercept` answers the call
 * itself (it gets the method, the last part of the path, and the whole body, and returns true).
 * `forwarded` hears the status of every call passed on.
 */
export function botApiProxy(
  target: string,
  intercept: (method: string, body: Buffer, res: http.ServerResponse, req: http.IncomingMessage) => boolean,
  forwarded: (method: string, status: number) => void = () => undefined,
): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = (req.url ?? "").split("?")[0]?.split("/").pop() ?? "";
      if (intercept(method, body, res, req)) return;
      fetch(`${target}${req.url ?? ""}`, {
        method: req.method ?? "POST",
        headers: { "content-type": req.headers["content-type"] ?? "application/json" },
        ...(req.method === "GET" ? {} : { body }),
      })
        .then(async (upstream) => {
          forwarded(method, upstream.status);
          res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
    });
  });
}

/**
 * A small proxy in front of the emulator that can refuse `sendMessage`, so a test can leave a
 * message in the outbox (queued, not delivered) for as long as it likes.
 */
export async function startApiGate(target: string): Promise<ApiGate> {
  const gate: ApiGate = { url: "", blockSends: false, retryAfterSeconds: 2, refused: [], stop: async () => undefined };
  const server = botApiProxy(target, (method, body, res) => {
    if (!gate.blockSends || method !== "sendMessage") return false;
    gate.refused.push({ method, body: JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown> });
    res.writeHead(429, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${gate.retryAfterSeconds}`,
        parameters: { retry_after: gate.retryAfterSeconds },
      }),
    );
    return true;
  });
  keepIdleConnections(server);
  gate.url = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  gate.stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return gate;
}
