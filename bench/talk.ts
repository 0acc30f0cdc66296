/**
 * The 120-step talk, Koers side by side with the usual grammY way (`@grammyjs/conversations` v2,
 * which replays the conversation function on every update and keeps its state in a key-value
 * store, here a PostgreSQL table).
 *
 * Both bots get the same updates through `bot.handleUpdate` (Koers through its update handler,
 * which calls it), the Bot API faked below grammY with an API transformer. 50 chats answer at
 * once; each chat answers as soon as its question arrived. The talk runs in blocks of 20 steps:
 * every chat finishes a block before the next one starts, so a block's updates/s is its 1,000
 * updates (50 chats x 20) over its wall time. Latency is measured from the update going in to the
 * reply being handed to the Bot API; for Koers that includes the outbox and the dispatcher.
 * Runs alternate (peer, Koers, peer, Koers, ...), each on a fresh database; the medians are shown.
 * Koers' Telegram rate limiter is off (the limits of real Telegram would be the only number left)
 * and its flood limit is set high (50 chats answering in a tight loop is a flood by design).
 *
 * SQL statements are counted in this process at the driver (pg's `Client.query`, PGlite's query
 * runner), split into those of handling an update and those of sending (the dispatcher), without
 * BEGIN/COMMIT. CPU is this process's (user + system): the PostgreSQL server's is not in it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { conversations, createConversation, type Conversation, type ConversationFlavor, type VersionedState, type VersionedStateStorage } from "@grammyjs/conversations";
import { Bot, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import pg from "pg";
import { assign, setup } from "xstate";
import { flowRegistry } from "../flows/index.js";
import { outputActions, say } from "../flows/lib/actions.js";
import type { ClientEvent, FlowDefinition, FlowInput } from "../flows/types.js";
import { createEngine } from "../src/conversation/engine.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { newKeySpec } from "../src/db/sealed.js";
import { createTranslator } from "../src/i18n.js";
import { createJobs } from "../src/jobs/index.js";
import { unlimited } from "../src/jobs/rate-limit.js";
import { silentLogger } from "../src/log.js";
import { createMetrics } from "../src/metrics.js";
import { createTelegramBot } from "../src/telegram/bot.js";
import { createTelegramSender } from "../src/telegram/sender.js";
import { createUpdateHandler } from "../src/telegram/updates.js";
import { createDatabase } from "../scripts/pg-server.js";

export const STEPS = 120;
export const BLOCK = 20;

const logger = silentLogger();
const botInfo: UserFromGetMe = {
  id: 42, is_bot: true, first_name: "Koers", username: "koers_bench_bot", can_join_groups: false,
  can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false,
  has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
} as UserFromGetMe;

// ---------------------------------------------------------------- counting SQL statements

type Phase = "update" | "send";
const phase = new AsyncLocalStorage<Phase>();
const sqlCount = { update: 0, send: 0, other: 0 };
const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i;

function countStatement(text: string | undefined): void {
  if (text !== undefined && TX_CONTROL.test(text)) return;
  sqlCount[phase.getStore() ?? "other"]++;
}

let instrumented = false;
/** Counts every statement sent through pg and PGlite in this process. */
function instrumentSql(): void {
  if (instrumented) return;
  instrumented = true;
  // A pooled query runs in the async context of whoever released the connection, so the phase
  // is taken where `pool.query` is called and carried on the query config.
  const poolQuery = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
  pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
    const first = args[0];
    const config = typeof first === "string" ? { text: first } : (first as object);
    return poolQuery.apply(this, [{ ...config, benchPhase: phase.getStore() ?? "other" }, ...args.slice(1)]);
  } as typeof pg.Pool.prototype.query;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; benchPhase?: Phase | "other" } | undefined;
    const text = typeof first === "string" ? first : first?.text;
    const from = typeof first === "object" ? first.benchPhase : undefined;
    if (from) {
      if (!TX_CONTROL.test(text ?? "")) sqlCount[from]++;
    } else {
      countStatement(text);
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  // PGlite runs every statement (also BEGIN and COMMIT of `transaction`) through one method.
  const proto = PGlite.prototype as unknown as { _runExclusiveQuery: (...a: unknown[]) => unknown; transaction: (...a: unknown[]) => Promise<unknown> };
  const run = proto._runExclusiveQuery;
  proto._runExclusiveQuery = function (this: unknown, ...args: unknown[]) {
    countStatement(undefined);
    return run.apply(this, args);
  };
  const transaction = proto.transaction;
  proto.transaction = async function (this: unknown, ...args: unknown[]) {
    const where = phase.getStore() ?? "other";
    const out = await transaction.apply(this, args);
    sqlCount[where] -= 2; // its BEGIN and COMMIT
    return out;
  };
}

// ---------------------------------------------------------------- the talk, both ways

/** Koers' version: a pure flow whose context keeps the answers, like the peer's replay does. */
export const benchTalkFlow: FlowDefinition = (() => {
  const machine = setup({
    types: { context: {} as { step: number; answers: string[] }, input: {} as FlowInput, events: {} as ClientEvent },
    actions: outputActions,
    guards: { last: ({ context }) => context.step >= STEPS },
  }).createMachine({
    id: "benchTalk",
    context: { step: 1, answers: [] },
    initial: "asking",
    entry: say("bench.question", { n: 1 }),
    states: {
      asking: {
        on: {
          "client.said": [
            { guard: "last", target: "done", actions: assign({ answers: ({ context, event }) => [...context.answers, event.text] }) },
            {
              actions: [
                assign({ step: ({ context }) => context.step + 1, answers: ({ context, event }) => [...context.answers, event.text] }),
                { type: "say", params: ({ context }) => ({ key: "bench.question", vars: { n: context.step } }) },
              ],
            },
          ],
        },
      },
      done: { type: "final", entry: say("bench.done") },
    },
  });
  return { id: "benchTalk", version: 1, machine };
})();

type PeerContext = ConversationFlavor<Context>;

/** The peer's version: the usual conversation function, replayed by the plugin on each update. */
async function peerTalk(conversation: Conversation<PeerContext, Context>, ctx: Context): Promise<void> {
  const answers: string[] = [];
  for (let i = 1; i <= STEPS; i++) {
    await ctx.reply(`bench.question ${i}`);
    const answer = await conversation.waitFor("message:text");
    answers.push(answer.message.text);
  }
  await ctx.reply(`bench.done ${answers.length}`);
}

/** A PostgreSQL key-value storage for the peer, as the usual storage adapters do it. */
function pgStorage<S>(pool: pg.Pool): VersionedStateStorage<string, S> {
  return {
    async read(key: string): Promise<VersionedState<S> | undefined> {
      const r = await pool.query<{ value: VersionedState<S> }>(`SELECT value FROM conversations WHERE key = $1`, [key]);
      return r.rows[0]?.value;
    },
    async write(key: string, state: VersionedState<S>): Promise<void> {
      await pool.query(`INSERT INTO conversations (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, JSON.stringify(state)]);
    },
    async delete(key: string): Promise<void> {
      await pool.query(`DELETE FROM conversations WHERE key = $1`, [key]);
    },
  };
}

// ---------------------------------------------------------------- the fake Bot API and the chats

/** Messages the bot handed to the Bot API, per chat; a chat waits here for its next one. */
class Inbox {
  private readonly queued = new Map<number, number[]>();
  private readonly waiting = new Map<number, (at: number) => void>();
  deliver(chatId: number): void {
    const at = performance.now();
    const w = this.waiting.get(chatId);
    if (w) {
      this.waiting.delete(chatId);
      w(at);
      return;
    }
    const q = this.queued.get(chatId) ?? [];
    q.push(at);
    this.queued.set(chatId, q);
  }
  next(chatId: number): Promise<number> {
    const q = this.queued.get(chatId);
    if (q?.length) return Promise.resolve(q.shift()!);
    return new Promise((resolve) => this.waiting.set(chatId, resolve));
  }
}

/**
 * The Bot API, answered in this process below grammY (its `fetch`), so that grammY's whole client
 * path runs; the conversations plugin builds its own `Api` per update from the bot's options, so
 * an API transformer on `bot.api` would not reach the peer's replies.
 */
function fakeBotApi(inbox: Inbox): typeof fetch {
  let messageId = 0;
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const method = String(url).split("/").pop();
    let result: unknown = true;
    if (method === "sendMessage") {
      const p = JSON.parse(String(init?.body)) as { chat_id: number | string; text: string };
      const chatId = Number(p.chat_id);
      inbox.deliver(chatId);
      result = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "Client" }, text: p.text };
    }
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

let nextUpdateId = 1;
function textUpdate(chatId: number, text: string): Update {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "Client" },
      from: { id: chatId, is_bot: false, first_name: "Client", language_code: "nl" }, text, ...(entities ? { entities } : {}),
    },
  } as Update;
}

/** Everyday answers, a bit messy, none of them a crisis signal or a command. */
const ANSWERS = ["ja dat lukt wel", "weet ik nog niet precies", "gaat wel oke vandaag", "misschien morgen boodschappen doen", "ik heb goed geslapen", "beetje moe maar prima"];

export interface BlockResult {
  steps: string;
  updatesPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerUpdate: number;
  sqlPerUpdate: number;
  /** Of these, statements of sending (Koers' dispatcher). */
  sqlSendPerUpdate: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Drives `chats` chats through the talk in blocks; the first question is already on its way. */
async function drive(chats: number[], inbox: Inbox, handle: (u: Update) => Promise<unknown>, steps = STEPS): Promise<BlockResult[]> {
  for (const chat of chats) await inbox.next(chat);
  const results: BlockResult[] = [];
  for (let from = 1; from <= steps; from += BLOCK) {
    const latencies: number[] = [];
    const sql0 = { ...sqlCount };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      chats.map(async (chat, c) => {
        for (let step = from; step < from + BLOCK; step++) {
          const sent = performance.now();
          await phase.run("update", () => handle(textUpdate(chat, `${ANSWERS[(step + c) % ANSWERS.length]} ${step}`)));
          latencies.push((await inbox.next(chat)) - sent);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const n = chats.length * BLOCK;
    const sorted = latencies.sort((a, b) => a - b);
    const send = sqlCount.send - sql0.send;
    results.push({
      steps: `${from}-${from + BLOCK - 1}`,
      updatesPerSecond: n / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / n,
      sqlPerUpdate: (sqlCount.update - sql0.update + send + sqlCount.other - sql0.other) / n,
      sqlSendPerUpdate: send / n,
    });
  }
  return results;
}

// ---------------------------------------------------------------- one run of each

async function freshPg(serverUrl: string): Promise<string> {
  return createDatabase(serverUrl, `bench_${randomUUID().slice(0, 8)}`);
}

/** One run of the peer on a fresh PostgreSQL database. */
export async function runPeer(serverUrl: string, chatCount: number, steps = STEPS): Promise<BlockResult[]> {
  instrumentSql();
  const pool = new pg.Pool({ connectionString: await freshPg(serverUrl), max: 10 });
  try {
    await pool.query(`CREATE TABLE conversations (key text PRIMARY KEY, value jsonb NOT NULL)`);
    const inbox = new Inbox();
    const bot = new Bot<PeerContext>("42:bench", { botInfo, client: { fetch: fakeBotApi(inbox) } });
    bot.use(conversations({ storage: { type: "key", adapter: pgStorage(pool) } }));
    bot.use(createConversation(peerTalk, "talk"));
    bot.command("start", (ctx) => ctx.conversation.enter("talk"));
    const chats = Array.from({ length: chatCount }, (_, i) => 20_000 + i);
    for (const chat of chats) await bot.handleUpdate(textUpdate(chat, "/start"));
    return await drive(chats, inbox, (u) => bot.handleUpdate(u), steps);
  } finally {
    await pool.end();
  }
}

/** One run of Koers (engine, outbox, dispatcher, sender) on a fresh database. */
export async function runKoers(target: { serverUrl: string } | { pglite: true }, chatCount: number, steps = STEPS): Promise<BlockResult[]> {
  instrumentSql();
  const dataDir = "pglite" in target ? fs.mkdtempSync(path.join(os.tmpdir(), "koers-bench-")) : null;
  const db: Database = dataDir
    ? await openDatabase({ kind: "embedded", dataDir, dataKey: newKeySpec() })
    : await openDatabase({ kind: "postgres", url: await freshPg((target as { serverUrl: string }).serverUrl), dataKey: newKeySpec() });
  const jobsRef: { poke?: () => void } = {};
  try {
    await db.migrate();
    const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "bench" } });
    const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Bench", role: "COACH" } });
    const chats = Array.from({ length: chatCount }, (_, i) => 30_000 + i);
    const clients = [];
    for (const chat of chats) {
      clients.push(await db.prisma.client.create({ data: { name: `Client ${chat}`, coachId: coach.id, status: "ACTIVE", telegramChatId: BigInt(chat) } }));
    }
    const translator = createTranslator();
    const engine = createEngine({
      db,
      flows: { ...flowRegistry, benchTalk: benchTalkFlow },
      clock: () => new Date(),
      logger,
      onQueued: () => jobsRef.poke?.(),
      flood: { messages: 100_000, seconds: 10 },
    });
    const inbox = new Inbox();
    const bot = createTelegramBot({ token: "42:bench", botInfo, engine, translator, logger, fetch: fakeBotApi(inbox) });
    const jobs = createJobs({
      db, engine, logger, silentDays: 7, limiter: unlimited,
      sender: createTelegramSender(bot.api, translator),
      nudges: { deliver: async () => { throw new Error("no nudges in the benchmark"); } },
    });
    jobsRef.poke = () => jobs.dispatcher.poke();
    phase.run("send", () => jobs.dispatcher.start());
    const handler = createUpdateHandler({ bot, translator, logger, metrics: createMetrics(db), healthy: () => db.ping() });
    for (const client of clients) await engine.startConversation(client.id, "benchTalk");
    try {
      return await drive(chats, inbox, async (u) => {
        const outcome = await handler.handle(u);
        if (outcome !== "handled") throw new Error(`update ${u.update_id}: ${outcome}`);
      }, steps);
    } finally {
      await jobs.dispatcher.stop();
    }
  } finally {
    await db.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the table

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function medianBlocks(runs: BlockResult[][]): BlockResult[] {
  return runs[0]!.map((b, i) => {
    const at = (f: (r: BlockResult) => number) => median(runs.map((r) => f(r[i]!)));
    return {
      steps: b.steps,
      updatesPerSecond: at((r) => r.updatesPerSecond),
      p50: at((r) => r.p50),
      p99: at((r) => r.p99),
      cpuMsPerUpdate: at((r) => r.cpuMsPerUpdate),
      sqlPerUpdate: at((r) => r.sqlPerUpdate),
      sqlSendPerUpdate: at((r) => r.sqlSendPerUpdate),
    };
  });
}

export interface TalkResult {
  peer: BlockResult[];
  koers: BlockResult[];
  pglite: BlockResult[] | null;
  /** Koers / peer updates/s per block. */
  ratios: { steps: string; ratio: number }[];
  table: string[];
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/** Alternating runs of the peer and Koers on PostgreSQL, then Koers on PGlite; the table of medians. */
export async function benchTalk(serverUrl: string, print: (line: string) => void, opts: { runs: number; chats: number; pglite: boolean; warmUp: boolean }): Promise<TalkResult> {
  const peerRuns: BlockResult[][] = [];
  const koersRuns: BlockResult[][] = [];
  if (opts.warmUp) {
    // One block of each first, not counted: the bench process's JIT (and WebAssembly tier-up of
    // Prisma's query compiler) is then warm for both, as in a service that has been running.
    const peerWarm = await runPeer(serverUrl, opts.chats, BLOCK);
    const koersWarm = await runKoers({ serverUrl }, opts.chats, BLOCK);
    print(`  warm-up, not counted: peer ${f0(peerWarm[0]!.updatesPerSecond)}, Koers ${f0(koersWarm[0]!.updatesPerSecond)} updates/s`);
  }
  for (let r = 0; r < opts.runs; r++) {
    peerRuns.push(await runPeer(serverUrl, opts.chats));
    print(`  run ${r + 1}/${opts.runs}: peer ${peerRuns[r]!.map((b) => f0(b.updatesPerSecond)).join(" ")} updates/s`);
    koersRuns.push(await runKoers({ serverUrl }, opts.chats));
    print(`  run ${r + 1}/${opts.runs}: Koers ${koersRuns[r]!.map((b) => f0(b.updatesPerSecond)).join(" ")} updates/s`);
  }
  const peer = medianBlocks(peerRuns);
  const koers = medianBlocks(koersRuns);
  const ratios = peer.map((p, i) => ({ steps: p.steps, ratio: koers[i]!.updatesPerSecond / p.updatesPerSecond }));
  const table = [
    `PostgreSQL 15, ${opts.chats} chats, medians of ${opts.runs} alternating runs:`,
    "",
    "| steps | peer updates/s | Koers updates/s | Koers / peer | p50 / p99 ms peer | p50 / p99 ms Koers | CPU ms/update peer | CPU ms/update Koers | SQL/update peer | SQL/update Koers (of which sending) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...peer.map((p, i) => {
      const k = koers[i]!;
      return `| ${p.steps} | ${f0(p.updatesPerSecond)} | ${f0(k.updatesPerSecond)} | ${f2(ratios[i]!.ratio)} | ${f1(p.p50)} / ${f1(p.p99)} | ${f1(k.p50)} / ${f1(k.p99)} | ${f2(p.cpuMsPerUpdate)} | ${f2(k.cpuMsPerUpdate)} | ${f1(p.sqlPerUpdate)} | ${f1(k.sqlPerUpdate)} (${f1(k.sqlSendPerUpdate)}) |`;
    }),
  ];
  let pglite: BlockResult[] | null = null;
  if (opts.pglite) {
    pglite = await runKoers({ pglite: true }, opts.chats);
    table.push(
      "",
      `PGlite (embedded), Koers alone, ${opts.chats} chats, one run:`,
      "",
      "| steps | Koers updates/s | p50 / p99 ms | CPU ms/update | SQL/update (of which sending) |",
      "|---|---|---|---|---|",
      ...pglite.map((k) => `| ${k.steps} | ${f0(k.updatesPerSecond)} | ${f1(k.p50)} / ${f1(k.p99)} | ${f2(k.cpuMsPerUpdate)} | ${f1(k.sqlPerUpdate)} (${f1(k.sqlSendPerUpdate)}) |`),
    );
  }
  for (const line of table) print(line);
  return { peer, koers, pglite, ratios, table };
}

/** The Koers / peer ratios of the README's benchmark table, by block ("1-20" -> 1.23). */
export function readmeRatios(readme: string): Map<string, number> {
  const out = new Map<string, number>();
  const section = readme.split(/^### Benchmark: the 120-step talk/m)[1]?.split(/^#{1,3} /m)[0] ?? "";
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // | steps | peer updates/s | Koers updates/s | Koers / peer | ...
    if (cells.length > 5 && /^\d+-\d+$/.test(cells[1] ?? "") && !out.has(cells[1]!)) out.set(cells[1]!, Number(cells[4]));
  }
  return out;
}
