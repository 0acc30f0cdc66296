/**
 * The sandbox: the real Koers service (startKoers: grammY bot on a webhook, Bolt app, engine,
 * jobs, embedded database) with Telegram's Bot API and Slack's Web API answered by the
 * in-process fakes of this folder, a seeded demo world, a clock that can jump ahead, and a page at
 * /sandbox on Koers's own HTTP server from which you are the client and the professionals.
 *
 * Production code does not know it runs in a sandbox: it only gets a configuration that points
 * TELEGRAM_API_ROOT and SLACK_API_URL at the fakes, and a clock.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { Logger } from "pino";
import { startKoers, type Koers } from "../app.js";
import { parseConfig } from "../config.js";
import { freePort, onFreePort } from "../http/ports.js";
import type { Route } from "../http/server.js";
import { SLACK_EVENTS_PATH } from "../slack/receiver.js";
import { createFileStore } from "./files.js";
import { CHANNELS, isSeeded, PEOPLE, seedDemo, type DemoClient } from "./seed.js";
import { startFakeSlackWebApi, type FakeSlackWebApi, type SlackApiState, type SlackView } from "./slack-api.js";
import { slackRequester, type Surface } from "./slack-requests.js";
import { startFakeBotApi, type BotApiState, type FakeBotApi } from "./telegram-api.js";

export const BOT_USERNAME = "KoersSandboxBot";
/** Shaped like a token from @BotFather, known to be nobody's. */
const BOT_TOKEN = "100000001:SANDBOX-not-a-real-token-000000";
const BOT_INFO = { id: 100000001, first_name: "Koers", username: BOT_USERNAME };
export const SLACK_TOKEN = "xoxb-sandbox-000000000000-local";

const JUMPS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;
/** At most this many stops in one jump (each stop waits until what fell due has run). */
const JUMP_STOPS = 50;

/** What survives a restart, next to the embedded database. */
interface Saved {
  version: 1;
  clockOffsetMs: number;
  clients: DemoClient[];
  telegram: BotApiState;
  slack: SlackApiState;
}

export interface SandboxOptions {
  /** The sandbox's folder: its embedded database (db/), its state and the files sent (default ./data-sandbox). */
  dataDir: string;
  port: number;
  host: string;
  logger: Logger;
  inviteDays?: number;
  /** Where a new sandbox's clock starts (default: now); a saved sandbox keeps its own clock. */
  startAt?: Date;
}

export interface Sandbox {
  koers: Koers;
  url: string;
  telegram: FakeBotApi;
  slack: FakeSlackWebApi;
  clients: DemoClient[];
  /** The service's clock. */
  now(): Date;
  /**
   * Moves the clock `ms` ahead. The clock stops at each client's job that falls due on the way
   * (a check-in, a reminder, a deadline) and lets it run at its own moment, as it would have, so a
   * morning check-in is not run at the evening a jump ends on; then the rest runs at the end.
   */
  jump(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** Where the problem is when the sandbox should not start, else null. */
export function refuseReal(env: Record<string, string | undefined>): string | null {
  const real = ["TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN"].filter((k) => (env[k] ?? "").trim() !== "");
  if (!real.length || env.SANDBOX_ALLOW_REAL === "1") return null;
  return `${real.join(" and ")} ${real.length > 1 ? "are" : "is"} set: the sandbox never runs next to a real bot. Unset ${real.length > 1 ? "them" : "it"}, or set SANDBOX_ALLOW_REAL=1 (the sandbox then ignores ${real.length > 1 ? "them" : "it"} and uses its own fakes).`;
}

/** The page's files: beside this module, or in the sources when this runs from dist/ (`npm start`). */
const PUBLIC = [path.join(import.meta.dirname, "public"), path.resolve(import.meta.dirname, "../../../src/sandbox/public")].find((d) => fs.existsSync(path.join(d, "index.html"))) ?? path.join(import.meta.dirname, "public");
const STATIC: Record<string, [string, string]> = {
  "/sandbox": ["index.html", "text/html; charset=utf-8"],
  "/sandbox/": ["index.html", "text/html; charset=utf-8"],
  "/sandbox/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/sandbox/blocks.js": ["blocks.js", "text/javascript; charset=utf-8"],
  "/sandbox/style.css": ["style.css", "text/css; charset=utf-8"],
};


async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  // Only JSON from the page itself: a form on another site cannot post JSON without asking first.
  if (!(req.headers["content-type"] ?? "").includes("application/json")) throw new HttpProblem(415, "send JSON");
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
  } catch {
    throw new HttpProblem(400, "not JSON");
  }
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts the sandbox on `opts.port`, or with port 0 on a free port: the webhook URL must be known
 * before the service listens, so a port taken by someone else before the bind is given up for
 * another one (a failed start closes what it opened).
 */
export function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  return opts.port ? startSandboxOn(opts, opts.port) : onFreePort((port) => startSandboxOn(opts, port), { pick: () => freePort(opts.host) });
}

async function startSandboxOn(opts: SandboxOptions, port: number): Promise<Sandbox> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const savedFile = path.join(opts.dataDir, "sandbox.json");
  const saved: Saved | null = fs.existsSync(savedFile) ? (JSON.parse(fs.readFileSync(savedFile, "utf8")) as Saved) : null;
  let offset = saved?.clockOffsetMs ?? (opts.startAt ? opts.startAt.getTime() - Date.now() : 0);
  const clock = () => new Date(Date.now() + offset);
  /** Until no job is running or due (or a few seconds passed: a jump never hangs the page). */
  const settled = async () => {
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      const busy = await k.db.prisma.job.count({ where: { OR: [{ status: "RUNNING" }, { status: "PENDING", dueAt: { lte: clock() } }] } });
      if (busy === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const base = `http://127.0.0.1:${port}`;

  // --- live updates: every recorded change bumps the version; the page hears it over SSE.
  let version = 0;
  let saveTimer: NodeJS.Timeout | null = null;
  const streams = new Set<http.ServerResponse>();
  let notifyTimer: NodeJS.Timeout | null = null;
  let clients: DemoClient[] = saved?.clients ?? [];
  let telegram: FakeBotApi | null = null;
  let slack: FakeSlackWebApi | null = null;
  const save = () => {
    if (!telegram || !slack) return;
    const state: Saved = { version: 1, clockOffsetMs: offset, clients, telegram: telegram.state, slack: slack.state };
    fs.writeFileSync(`${savedFile}.tmp`, JSON.stringify(state));
    fs.renameSync(`${savedFile}.tmp`, savedFile);
  };
  const changed = () => {
    version++;
    notifyTimer ??= setTimeout(() => {
      notifyTimer = null;
      for (const s of streams) s.write(`data: ${version}\n\n`);
    }, 30);
    saveTimer ??= setTimeout(() => {
      saveTimer = null;
      save();
    }, 300);
  };

  const files = createFileStore(path.join(opts.dataDir, "sandbox-files"), "sbx");
  telegram = await startFakeBotApi({
    files,
    token: BOT_TOKEN,
    botInfo: BOT_INFO,
    clock,
    changed,
    ...(saved ? { state: saved.telegram } : {}),
    onError: (what, err) => opts.logger.error({ err }, `sandbox: ${what} failed`),
  });
  slack = await startFakeSlackWebApi({ files, clock, changed, ...(saved ? { state: saved.slack } : {}) });
  const tg = telegram;
  const sl = slack;

  const signingSecret = randomBytes(24).toString("hex");
  const config = parseConfig({
    // Its own database folder: never inside the real service's ./data.
    DATA_DIR: path.join(opts.dataDir, "db"),
    PORT: String(port),
    HOST: opts.host,
    LOG_LEVEL: "info",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_BOT_USERNAME: BOT_USERNAME,
    PUBLIC_URL: base,
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: sl.url,
    ...(opts.inviteDays ? { INVITE_DAYS: String(opts.inviteDays) } : {}),
  });
  const requests = slackRequester({ url: () => `${base}${SLACK_EVENTS_PATH}`, secret: signingSecret, clock, api: sl });

  const firstName = (chatId: number) => clients.find((c) => c.chatId === chatId)?.firstName ?? "Client";
  let koers: Koers | null = null;

  async function state(): Promise<unknown> {
    const db = (koers as Koers).db;
    const rows = await db.prisma.client.findMany({ include: { coach: true } });
    const members = await db.prisma.member.findMany({ include: { organisation: true } });
    const now = clock();
    return {
      version,
      now: now.toISOString(),
      offsetMs: offset,
      botUsername: BOT_USERNAME,
      clients: clients.map((c) => {
        const row = rows.find((r) => (r.telegramChatId !== null && Number(r.telegramChatId) === c.chatId) || (r.telegramChatId === null && r.name === c.name));
        return { ...c, status: row?.status ?? "UNKNOWN", coach: row?.coach.name ?? "", linked: row?.telegramChatId !== null && row !== undefined };
      }),
      telegram: { messages: tg.state.messages, typing: [...tg.typing].filter(([, until]) => until > Date.now()).map(([chat]) => chat) },
      slack: {
        people: PEOPLE.map((p) => {
          const m = members.find((x) => x.slackUserId === p.slack);
          return { ...p, role: m?.role ?? "", orgKind: m?.organisation.kind ?? "" };
        }),
        channels: Object.entries(CHANNELS).map(([id, org]) => ({ id, org, name: org.toLowerCase().replace(/\s+/g, "-") })),
        messages: sl.state.messages,
        homes: sl.state.homes,
        modals: sl.state.modals,
      },
      calls: { telegram: Object.fromEntries(tg.methods), slack: Object.fromEntries(sl.methods) },
    };
  }

  const modalOf = (user: string): SlackView => {
    const v = sl.state.modals[user]?.at(-1);
    if (!v) throw new HttpProblem(409, "no modal is open");
    return v;
  };

  const api: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    "/sandbox/api/telegram/say": async (b) => {
      const text = String(b.text ?? "").trim();
      if (!text) throw new HttpProblem(400, "empty message");
      await tg.clientSays(Number(b.chatId), firstName(Number(b.chatId)), text.slice(0, 4096));
      return { ok: true };
    },
    "/sandbox/api/telegram/press": async (b) => {
      await tg.clientPresses(Number(b.chatId), firstName(Number(b.chatId)), Number(b.messageId), String(b.data ?? ""));
      return { ok: true };
    },
    "/sandbox/api/slack/command": async (b) => requests.command(String(b.user), String(b.command), String(b.text ?? ""), String(b.channel)),
    "/sandbox/api/slack/home": async (b) => requests.homeOpened(String(b.user)),
    "/sandbox/api/slack/action": async (b) => {
      const user = String(b.user);
      const s = b.surface as { type: string; channel?: string; ts?: string };
      const where: Surface =
        s.type === "message"
          ? { type: "message", channel: String(s.channel), ts: String(s.ts) }
          : s.type === "home"
            ? { type: "home", view: sl.state.homes[user] ?? (() => { throw new HttpProblem(409, "no home view"); })() }
            : { type: "modal", view: modalOf(user) };
      return requests.action(user, where, b.action as Record<string, unknown>);
    },
    "/sandbox/api/slack/submit": async (b) => {
      const user = String(b.user);
      const view = modalOf(user);
      const answer = await requests.submit(user, view, b.values as Record<string, Record<string, unknown>>);
      // What Slack does with the answer to a view_submission.
      const r = answer.body;
      const stack = sl.state.modals[user] ?? [];
      if (answer.status !== 200) {
        view.errors = { _: `Slack got HTTP ${answer.status}` };
      } else if (r.response_action === "errors") {
        view.errors = r.errors as Record<string, string>;
      } else if (r.response_action === "update" && r.view) {
        stack[stack.length - 1] = { ...(r.view as SlackView), id: view.id, hash: `${view.hash}u`, blocks: (r.view as SlackView).blocks ?? [] };
      } else if (r.response_action === "push" && r.view) {
        stack.push({ ...(r.view as SlackView), id: `${view.id}p${stack.length}`, hash: "h", blocks: (r.view as SlackView).blocks ?? [] });
      } else if (r.response_action === "clear") {
        stack.length = 0;
      } else {
        stack.pop();
      }
      sl.state.modals[user] = stack;
      changed();
      return answer;
    },
    "/sandbox/api/slack/close": async (b) => {
      sl.state.modals[String(b.user)]?.pop();
      changed();
      return { ok: true };
    },
    "/sandbox/api/slack/suggest": async (b) => {
      const user = String(b.user);
      return requests.suggest(user, sl.state.modals[user]?.at(-1) ?? null, String(b.actionId), String(b.blockId), String(b.value ?? ""));
    },
    "/sandbox/api/clock": async (b) => {
      const ms = JUMPS[String(b.jump) as keyof typeof JUMPS];
      if (!ms) throw new HttpProblem(400, "jump is hour, day or week");
      await sandbox.jump(ms);
      return { ok: true, now: clock().toISOString() };
    },
  };

  const routes = new Map<string, Route>();
  for (const [p, [file, type]] of Object.entries(STATIC)) {
    routes.set(p, (_req, res) => {
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(fs.readFileSync(path.join(PUBLIC, file)));
    });
  }
  routes.set("/sandbox/api/state", async (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(await state()));
  });
  routes.set("/sandbox/api/events", (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(`retry: 1000\ndata: ${version}\n\n`);
    streams.add(res);
    req.on("close", () => streams.delete(res));
  });
  routes.set("/sandbox/api/file", (req, res) => {
    const id = new URL(req.url ?? "", base).searchParams.get("id") ?? "";
    const file = files.get(id);
    if (!file) return void res.writeHead(404).end();
    res
      .writeHead(200, {
        "content-type": file.mime,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        // An SVG opened on its own runs no script; anything else downloads.
        "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ...(file.mime.startsWith("image/") ? {} : { "content-disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}"` }),
      })
      .end(file.bytes);
  });
  for (const [p, handler] of Object.entries(api)) {
    routes.set(p, async (req, res) => {
      if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
      try {
        const result = await handler(await readJson(req));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result ?? { ok: true }));
      } catch (err) {
        const status = err instanceof HttpProblem ? err.status : 500;
        if (status === 500) opts.logger.error({ err, path: p }, "sandbox request failed");
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
      }
    });
  }

  try {
    koers = await startKoers(config, { logger: opts.logger, clock, routes, dispatcherIdleMs: 100, sendLimits: { global: { perSecond: 30, burst: 30 }, perChat: { perSecond: 5, burst: 5 } } });
  } catch (err) {
    await tg.close();
    await sl.close();
    throw err;
  }
  const k = koers;

  const sandbox: Sandbox = {
    koers: k,
    url: `${base}/sandbox`,
    telegram: tg,
    slack: sl,
    get clients() {
      return clients;
    },
    now: clock,
    async jump(ms) {
      const target = clock().getTime() + ms;
      // Stop at each client's job due on the way (recurring ones, which have no client, only run
      // at the end: every ten minutes of a week would be a thousand stops).
      for (let stops = 0; stops < JUMP_STOPS; stops++) {
        const next = await k.db.prisma.job.findFirst({
          where: { status: "PENDING", clientId: { not: null }, dueAt: { gt: clock(), lte: new Date(target) } },
          orderBy: { dueAt: "asc" },
          select: { dueAt: true },
        });
        if (!next) break;
        offset += next.dueAt.getTime() - clock().getTime();
        changed();
        k.dispatcher.poke();
        await settled();
      }
      offset += Math.max(0, target - clock().getTime());
      changed();
      // Whatever fell due in the jump (reminders, detectors, deadlines) runs now.
      k.dispatcher.poke();
    },
    async stop() {
      for (const s of streams) s.end();
      streams.clear();
      if (notifyTimer) clearTimeout(notifyTimer);
      if (saveTimer) clearTimeout(saveTimer);
      save();
      await k.stop();
      await tg.close();
      await sl.close();
    },
  };

  if (!saved && !(await isSeeded(k.db))) {
    const waitForBot = async (chatId: number, count: number) => {
      const until = Date.now() + 30_000;
      while (tg.state.messages.filter((m) => m.chatId === chatId && m.from === "bot").length < count) {
        if (Date.now() > until) {
          const jobs = await k.db.prisma.job.findMany({ where: { status: { not: "DONE" } }, select: { kind: true, status: true, dueAt: true, attempts: true, lastError: true } });
          throw new Error(`the sandbox's seed waited 30 s for the bot in chat ${chatId}; jobs not done: ${JSON.stringify(jobs)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      clients = await seedDemo(k.db, k.engine, { now: clock(), inviteDays: config.inviteDays, waitForBot, say: (c, n, t) => tg.clientSays(c, n, t) });
    } catch (err) {
      await sandbox.stop();
      throw err;
    }
    save();
    changed();
  }
  return sandbox;
}
