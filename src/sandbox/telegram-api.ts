/**
 * The sandbox's Bot API: a small in-process HTTP server that answers the Bot API methods Koers
 * uses the way Telegram does and records what the bot sends, per chat. The other way round it is
 * Telegram's side of the webhook: what the person on the sandbox page types or presses becomes a
 * real Update, posted to the webhook Koers registered (with its secret header), one at a time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeNow } from "../http/server.js";
import type { FileStore } from "./files.js";
import { parseMultipart } from "./multipart.js";

export interface TgButton {
  text: string;
  data?: string;
  url?: string;
}

export interface TgMessage {
  id: number;
  chatId: number;
  from: "bot" | "client";
  text: string;
  buttons: TgButton[][];
  /** A photo or document the bot sent: served by the sandbox at /sandbox/api/file?id=. */
  file?: { id: string; kind: "photo" | "document"; name: string; mime: string };
  at: string;
  edited: boolean;
}

export interface BotApiState {
  messages: TgMessage[];
  nextId: number;
  nextUpdate: number;
}

export interface FakeBotApi {
  /** For TELEGRAM_API_ROOT. */
  apiRoot: string;
  state: BotApiState;
  files: FileStore;
  /** Chats in which the bot "is typing" until the given epoch ms (sendChatAction). */
  typing: Map<number, number>;
  /** Every method called, with how often (shown on the page, for developers). */
  methods: Map<string, number>;
  /** The person writes in their chat. */
  clientSays(chatId: number, firstName: string, text: string): Promise<void>;
  /** The person presses an inline button under one of the bot's messages. */
  clientPresses(chatId: number, firstName: string, messageId: number, data: string): Promise<void>;
  close(): Promise<void>;
}

export interface BotApiDeps {
  token: string;
  botInfo: { id: number; first_name: string; username: string };
  clock: () => Date;
  /** Called after every recorded change. */
  changed: () => void;
  /** Restored state from an earlier run. */
  state?: BotApiState;
  /** Where photos and documents the bot sends are kept. */
  files: FileStore;
  onError: (what: string, err: unknown) => void;
}

type Params = Record<string, unknown>;

/** grammY sends JSON, or multipart/form-data when a file is attached (`attach://<field>`). */
async function readParams(req: http.IncomingMessage, raw: Buffer): Promise<{ params: Params; files: Map<string, File> }> {
  const type = req.headers["content-type"] ?? "";
  const files = new Map<string, File>();
  if (type.includes("multipart/form-data")) {
    const params: Params = {};
    for (const part of parseMultipart(raw, type)) {
      if (part.filename !== undefined) {
        files.set(part.name, new File([new Uint8Array(part.body)], part.filename, { type: part.type ?? "" }));
      } else {
        const value = part.body.toString("utf8");
        params[part.name] = /^[[{]/.test(value) ? safeJson(value) : value;
      }
    }
    return { params, files };
  }
  return { params: raw.length ? (JSON.parse(raw.toString("utf8")) as Params) : {}, files };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function buttonsOf(markup: unknown): TgButton[][] {
  const rows = (markup as { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.map((row) => row.map((b) => ({ text: b.text, ...(b.callback_data ? { data: b.callback_data } : {}), ...(b.url ? { url: b.url } : {}) })));
}

export async function startFakeBotApi(deps: BotApiDeps): Promise<FakeBotApi> {
  const state: BotApiState = deps.state ?? { messages: [], nextId: 1, nextUpdate: 1 };
  const files = deps.files;
  const typing = new Map<number, number>();
  const methods = new Map<string, number>();
  let webhook: { url: string; secret: string } | null = null;
  let queue: Promise<void> = Promise.resolve();
  const seconds = () => Math.floor(deps.clock().getTime() / 1000);
  const bot = { id: deps.botInfo.id, is_bot: true, first_name: deps.botInfo.first_name, username: deps.botInfo.username };

  function asTelegram(m: TgMessage): Record<string, unknown> {
    return {
      message_id: m.id,
      date: Math.floor(new Date(m.at).getTime() / 1000),
      chat: { id: m.chatId, type: "private" },
      ...(m.from === "bot" ? { from: bot } : {}),
      ...(m.file?.kind === "photo" ? { photo: [{ file_id: m.file.id, file_unique_id: m.file.id, width: 1, height: 1 }] } : {}),
      ...(m.file?.kind === "document" ? { document: { file_id: m.file.id, file_unique_id: m.file.id, file_name: m.file.name } } : {}),
      ...(m.file ? (m.text ? { caption: m.text } : {}) : { text: m.text }),
      ...(m.buttons.length ? { reply_markup: { inline_keyboard: m.buttons.map((row) => row.map((b) => ({ text: b.text, ...(b.data ? { callback_data: b.data } : {}), ...(b.url ? { url: b.url } : {}) }))) } } : {}),
    };
  }

  function record(m: Omit<TgMessage, "id" | "at" | "edited">): TgMessage {
    const message: TgMessage = { ...m, id: state.nextId++, at: deps.clock().toISOString(), edited: false };
    state.messages.push(message);
    typing.delete(m.chatId);
    deps.changed();
    return message;
  }

  function find(params: Params): TgMessage | undefined {
    return state.messages.find((m) => m.chatId === Number(params.chat_id) && m.id === Number(params.message_id) && m.from === "bot");
  }

  async function sendFile(kind: "photo" | "document", params: Params, uploads: Map<string, File>): Promise<{ result?: unknown; error?: string }> {
    const ref = params[kind];
    let file: { id: string; name: string; mime: string };
    if (typeof ref === "string" && ref.startsWith("attach://")) {
      const upload = uploads.get(ref.slice("attach://".length));
      if (!upload) return { error: `Bad Request: file ${ref} is missing` };
      file = files.put(Buffer.from(await upload.arrayBuffer()), upload.name || kind, upload.type);
    } else if (typeof ref === "string" && files.has(ref)) {
      const known = files.get(ref) as { name: string; mime: string };
      file = { id: ref, name: known.name, mime: known.mime };
    } else if (typeof ref === "string" && /^https?:\/\//.test(ref)) {
      // Telegram fetches a URL itself.
      const res = await fetch(ref).catch(() => null);
      if (!res?.ok) return { error: "Bad Request: wrong file identifier/HTTP URL specified" };
      file = files.put(Buffer.from(await res.arrayBuffer()), decodeURIComponent(new URL(ref).pathname.split("/").pop() ?? kind), res.headers.get("content-type") ?? undefined);
    } else {
      return { error: "Bad Request: wrong file identifier/HTTP URL specified" };
    }
    const m = record({ chatId: Number(params.chat_id), from: "bot", text: typeof params.caption === "string" ? params.caption : "", buttons: buttonsOf(params.reply_markup), file: { id: file.id, kind, name: file.name, mime: file.mime } });
    return { result: asTelegram(m) };
  }

  async function answer(method: string, params: Params, uploads: Map<string, File>): Promise<{ result?: unknown; error?: string }> {
    switch (method) {
      case "getMe":
        return { result: { ...bot, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } };
      case "setMyCommands":
      case "deleteMyCommands":
        return { result: true };
      case "setWebhook":
        webhook = { url: String(params.url), secret: String(params.secret_token ?? "") };
        return { result: true };
      case "deleteWebhook":
        webhook = null;
        return { result: true };
      case "sendChatAction":
        typing.set(Number(params.chat_id), Date.now() + 5000);
        deps.changed();
        return { result: true };
      case "sendMessage": {
        const m = record({ chatId: Number(params.chat_id), from: "bot", text: String(params.text ?? ""), buttons: buttonsOf(params.reply_markup) });
        return { result: asTelegram(m) };
      }
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup": {
        const m = find(params);
        if (!m) return { error: "Bad Request: message to edit not found" };
        if (method === "editMessageText") m.text = String(params.text ?? "");
        if (method === "editMessageCaption") m.text = String(params.caption ?? "");
        m.buttons = buttonsOf(params.reply_markup);
        m.edited = true;
        deps.changed();
        return { result: asTelegram(m) };
      }
      case "deleteMessage": {
        const m = find(params);
        if (m) state.messages.splice(state.messages.indexOf(m), 1);
        deps.changed();
        return { result: true };
      }
      case "answerCallbackQuery":
        return { result: true };
      case "sendPhoto":
        return sendFile("photo", params, uploads);
      case "sendDocument":
        return sendFile("document", params, uploads);
      default:
        return { error: `Not Found: method ${method} is not in the sandbox's Bot API` };
    }
  }

  const prefix = `/bot${deps.token}/`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      const url = (req.url ?? "").split("?")[0] ?? "";
      if (!url.startsWith(prefix)) return void reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const method = url.slice(prefix.length);
      methods.set(method, (methods.get(method) ?? 0) + 1);
      readParams(req, Buffer.concat(chunks))
        .then(({ params, files: uploads }) => answer(method, params, uploads))
        .then((a) => (a.error ? reply(a.error.startsWith("Not Found") ? 404 : 400, { ok: false, error_code: a.error.startsWith("Not Found") ? 404 : 400, description: a.error }) : reply(200, { ok: true, result: a.result })))
        .catch((err: unknown) => {
          deps.onError(`Bot API ${method}`, err);
          reply(500, { ok: false, error_code: 500, description: "Internal Server Error" });
        });
    });
  });
  // Idle keep-alive connections stay open until the client closes them: with Node's 5 s default
  // the client can pick a socket just as the server closes it, and the call fails as a network error.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** Like Telegram: one update at a time, the next after the webhook answered the previous. */
  function post(update: Record<string, unknown>): Promise<void> {
    const run = queue.then(async () => {
      if (!webhook) throw new Error("Koers has not set a webhook (yet)");
      const res = await fetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhook.secret },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`the webhook answered ${res.status}`);
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const person = (chatId: number, firstName: string) => ({ id: chatId, is_bot: false, first_name: firstName, language_code: "nl" });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    state,
    files,
    typing,
    methods,
    clientSays(chatId, firstName, text) {
      const m = record({ chatId, from: "client", text, buttons: [] });
      const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
      return post({
        update_id: state.nextUpdate++,
        message: {
          message_id: m.id,
          date: seconds(),
          chat: { id: chatId, type: "private", first_name: firstName },
          from: person(chatId, firstName),
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      });
    },
    clientPresses(chatId, firstName, messageId, data) {
      const message = state.messages.find((m) => m.chatId === chatId && m.id === messageId && m.from === "bot");
      if (!message) return Promise.reject(new Error("no such message"));
      return post({
        update_id: state.nextUpdate++,
        callback_query: {
          id: `cbq-${state.nextUpdate}`,
          from: person(chatId, firstName),
          chat_instance: String(chatId),
          message: asTelegram(message),
          data,
        },
      });
    },
    close: () => closeNow(server),
  };
}
