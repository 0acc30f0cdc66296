/**
 * The sandbox's Slack Web API: a small in-process HTTP server that answers the Web API methods
 * Koers calls (chat.*, views.*, conversations.open, auth.test, and file uploads as files.uploadV2
 * makes them) the way Slack does and records the result as Slack would show it: messages per
 * channel (threads by `thread_ts`, updates in place, shared files), private (ephemeral) messages
 * per person, each person's App Home and their stack of open modals.
 * Nothing here knows Koers: it only sees Web API calls.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeNow } from "../http/server.js";
import type { FileStore } from "./files.js";
import { parseMultipart } from "./multipart.js";

export type Blocks = Record<string, unknown>[];

/** A file shared in a message (files.completeUploadExternal), kept in the sandbox's file store. */
export interface SlackFile {
  id: string;
  name: string;
  title: string;
  mime: string;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Blocks;
  files?: SlackFile[];
  thread_ts?: string;
  /** Only this person sees it (chat.postEphemeral). */
  onlyFor?: string;
  at: string;
  edited: boolean;
}

export interface SlackView {
  id: string;
  hash: string;
  type: string;
  callback_id?: string;
  title?: { text: string };
  submit?: { text: string };
  close?: { text: string };
  private_metadata?: string;
  blocks: Blocks;
  /** Inline errors from the last submission, by block id. */
  errors?: Record<string, string>;
}

export interface SlackApiState {
  messages: SlackMessage[];
  /** Uploads started with files.getUploadURLExternal, by Slack's file id (also the store's). */
  uploads?: Record<string, { name: string; title?: string; sent?: boolean }>;
  homes: Record<string, SlackView>;
  modals: Record<string, SlackView[]>;
  nextTs: number;
}

export interface FakeSlackWebApi {
  /** For SLACK_API_URL, ending in `/api/`. */
  url: string;
  state: SlackApiState;
  methods: Map<string, number>;
  /** Trigger ids the sandbox handed out, and whose they are (views.open needs one). */
  triggers: Map<string, string>;
  close(): Promise<void>;
}

export const BOT_USER = "UKOERSBOT";

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "files"]);

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return JSON.parse(raw || "{}") as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) params[k] = JSON_FIELDS.has(k) ? (JSON.parse(v) as unknown) : v;
  return params;
}

/** A direct message channel between the app and one person. */
export const dmOf = (user: string) => `D${user}`;

export async function startFakeSlackWebApi(deps: { clock: () => Date; changed: () => void; state?: SlackApiState; files: FileStore }): Promise<FakeSlackWebApi> {
  const state: SlackApiState = deps.state ?? { messages: [], homes: {}, modals: {}, nextTs: 1 };
  const uploads = (state.uploads ??= {});
  let base = "";
  const methods = new Map<string, number>();
  const triggers = new Map<string, string>();
  let viewIds = 1;

  const nextTs = () => `${Math.floor(deps.clock().getTime() / 1000)}.${String(state.nextTs++).padStart(6, "0")}`;
  const channelOf = (c: unknown) => (typeof c === "string" && c.startsWith("U") ? dmOf(c) : String(c));
  const asView = (v: Record<string, unknown>, id?: string): SlackView => ({
    ...(v as unknown as SlackView),
    blocks: (v.blocks as Blocks | undefined) ?? [],
    id: id ?? `VSBX${viewIds++}`,
    hash: `h${Date.now()}-${viewIds}`,
  });

  function ownerOfView(viewId: string): string | undefined {
    return Object.entries(state.modals).find(([, stack]) => stack.some((v) => v.id === viewId))?.[0];
  }

  function answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER, bot_id: "BKOERS", team_id: "TSANDBOX", team: "Koers sandbox", user: "koers" };
      case "conversations.open":
        return { ok: true, channel: { id: dmOf(String(p.users)) } };
      case "files.getUploadURLExternal": {
        const name = String(p.filename ?? "");
        if (!name || !Number(p.length)) return { ok: false, error: "invalid_arguments" };
        const id = `F${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
        uploads[id] = { name, ...(p.alt_text ? { title: String(p.alt_text) } : {}) };
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const list = Array.isArray(p.files) ? (p.files as { id?: string; title?: string }[]) : [];
        const shared: SlackFile[] = [];
        for (const f of list) {
          const id = String(f.id);
          const upload = uploads[id];
          const stored = upload?.sent ? deps.files.get(id) : undefined;
          if (!upload || !stored) return { ok: false, error: "file_not_found" };
          shared.push({ id, name: upload.name, title: f.title ?? upload.title ?? upload.name, mime: stored.mime });
        }
        if (!shared.length) return { ok: false, error: "invalid_arguments" };
        const channel = p.channel_id ?? String(p.channels ?? "").split(",")[0];
        if (channel) {
          state.messages.push({
            channel: channelOf(channel),
            ts: nextTs(),
            text: String(p.initial_comment ?? ""),
            blocks: [],
            files: shared,
            ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
            at: deps.clock().toISOString(),
            edited: false,
          });
        }
        return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title, name: f.name, mimetype: f.mime })) };
      }
      case "chat.postMessage": {
        const m: SlackMessage = {
          channel: channelOf(p.channel),
          ts: nextTs(),
          text: String(p.text ?? ""),
          blocks: (p.blocks as Blocks | undefined) ?? [],
          ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
          at: deps.clock().toISOString(),
          edited: false,
        };
        state.messages.push(m);
        return { ok: true, channel: m.channel, ts: m.ts, message: { text: m.text, ts: m.ts } };
      }
      case "chat.postEphemeral": {
        const m: SlackMessage = { channel: channelOf(p.channel), ts: nextTs(), text: String(p.text ?? ""), blocks: (p.blocks as Blocks | undefined) ?? [], onlyFor: String(p.user), at: deps.clock().toISOString(), edited: false };
        state.messages.push(m);
        return { ok: true, message_ts: m.ts };
      }
      case "chat.update": {
        const m = state.messages.find((x) => x.channel === channelOf(p.channel) && x.ts === String(p.ts));
        if (!m) return { ok: false, error: "message_not_found" };
        if (p.text !== undefined) m.text = String(p.text);
        if (p.blocks !== undefined) m.blocks = p.blocks as Blocks;
        m.edited = true;
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case "chat.delete": {
        const i = state.messages.findIndex((x) => x.channel === channelOf(p.channel) && x.ts === String(p.ts));
        if (i < 0) return { ok: false, error: "message_not_found" };
        state.messages.splice(i, 1);
        return { ok: true, channel: p.channel, ts: p.ts };
      }
      case "views.open":
      case "views.push": {
        const user = triggers.get(String(p.trigger_id));
        if (!user) return { ok: false, error: "invalid_trigger_id" };
        triggers.delete(String(p.trigger_id));
        const view = asView(p.view as Record<string, unknown>);
        state.modals[user] = method === "views.open" ? [view] : [...(state.modals[user] ?? []), view];
        return { ok: true, view };
      }
      case "views.update": {
        const id = String(p.view_id ?? "");
        const user = ownerOfView(id);
        if (!user) return { ok: false, error: "not_found" };
        const stack = state.modals[user] ?? [];
        const view = asView(p.view as Record<string, unknown>, id);
        state.modals[user] = stack.map((v) => (v.id === id ? view : v));
        return { ok: true, view };
      }
      case "views.publish": {
        const user = String(p.user_id);
        const view = asView(p.view as Record<string, unknown>, state.homes[user]?.id);
        state.homes[user] = view;
        return { ok: true, view };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const url = (req.url ?? "").split("?")[0] ?? "";
      // The second step of an upload: the bytes, to the URL files.getUploadURLExternal gave.
      const upload = /^\/upload\/(F[A-Z0-9]+)$/.exec(url);
      if (upload) {
        const pending = uploads[upload[1] ?? ""];
        if (!pending || pending.sent) return void res.writeHead(404).end();
        const type = req.headers["content-type"] ?? "";
        const part = type.includes("multipart/form-data") ? parseMultipart(raw, type).find((x) => x.filename !== undefined) : undefined;
        deps.files.put(part ? part.body : raw, pending.name, part ? part.type : type, upload[1]);
        pending.sent = true;
        res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${raw.length}`);
        return;
      }
      const method = url.replace(/^\/api\//, "");
      methods.set(method, (methods.get(method) ?? 0) + 1);
      let body: Record<string, unknown>;
      try {
        body = answer(method, parseBody(raw.toString("utf8"), req.headers["content-type"]));
      } catch {
        body = { ok: false, error: "invalid_arguments" };
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (body.ok) deps.changed();
    });
  });
  // Idle keep-alive connections stay open until the client closes them: with Node's 5 s default
  // the client can pick a socket just as the server closes it, and the call fails as a network error.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    state,
    methods,
    triggers,
    close: () => closeNow(server),
  };
}
