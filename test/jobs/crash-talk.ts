/**
 * Kills during conversations: the whole service (the compiled `dist/src/main.js`, webhook mode,
 * against the fake Bot API) is killed with SIGKILL 20 times while 30 clients talk to it, and
 * started again each time. The PostgreSQL and PGlite runs are two files
 * (crash-talk-postgres.test.ts, crash-talk-pglite.test.ts), so that they run on two workers at once.
 * Each client answers the bot's latest message (a button or typed words, like a person would),
 * waits for the reply, and answers again. The fake Bot API loses half of the messages whose
 * sender was killed before Telegram's answer and delivers the other half, so the service cannot
 * know which of them arrived (src/jobs/telegram-send.ts).
 *
 * At the end: every client answer got a reply (no client waits), no message was delivered twice
 * except a marked re-ask, and each update was handled once with one reply. The figures are
 * printed; the README reports them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, onTestFailed } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createTranslator } from "../../src/i18n.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { renderMessage } from "../../src/outbox/render.js";
import { freshEmbeddedDb, freshPostgresDb, testDataKey } from "../support/db.js";
import { SERVICE_MAIN } from "../support/dist.js";
import { FAKE_TOKEN, startFakeTelegram, type Delivery, type FakeTelegram } from "./fake-telegram.js";
import { lineUp } from "./line-up.js";
import { until } from "./processes.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const CRASH_TALK_TIMEOUT = 1_200_000;
const CLIENTS = 30;
const KILLS = 20;
const SECRET = "crash-talk-webhook-secret";
const CHAT_BASE = 930_000;

const GREETINGS = ["hoi", "Hoi!", "hallo", "hey", "goedemorgen", "hallo daar", "hoi hoi", "hi", "hello", "daar ben ik weer", "Hallo?"];
const NOT_NOW = ["niet nu", "later", "nu even niks", "nee", "laterr", "Niet nu hoor", "not now"];

const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The instance running now, and whether the test ended (it kills that one when a test times out). */
let current: Service | null = null;
let ended = false;
/** What each instance of this run wrote to stderr (its warnings and errors), printed when the test fails. */
let serviceLogs: string[] = [];

interface Service {
  proc: ChildProcess;
  port: number;
  exited: Promise<number | string>;
  stderr(): string;
}

async function startService(env: Record<string, string>, telegram: FakeTelegram): Promise<Service> {
  const t0 = Date.now();
  const proc = spawn(process.execPath, [SERVICE_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...(process.env.KOERS_DATA_KEY ? { KOERS_DATA_KEY: process.env.KOERS_DATA_KEY } : {}),
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      PUBLIC_URL: "https://koers.example",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // A crashed process's jobs come back after 2 s instead of a minute.
      JOB_LEASE_SECONDS: "2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  proc.stderr?.on("data", (c: Buffer) => (err = (err + c.toString("utf8")).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => proc.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  let gone: number | string | null = null;
  exited.then((e) => (gone = e), () => undefined);
  await until("the service to say it runs", () => {
    if (gone !== null) throw new Error(`the service exited (${gone}) before it ran:\n${out}\n${err}`);
    return /Koers runs on port \d+/.test(out);
  }, 120_000).catch((e: unknown) => {
    proc.kill("SIGKILL");
    throw new Error(`${e instanceof Error ? e.message : String(e)} (${Math.round((Date.now() - t0) / 1000)} s); its output:\n${out}\n${err}`);
  });
  const port = Number(/Koers runs on port (\d+)/.exec(out)?.[1]);
  if (ended) proc.kill("SIGKILL");
  if (process.env.CRASH_TALK_DEBUG) console.log(`[crash-talk] service up on ${port} after ${Date.now() - t0} ms; ${telegram.deliveries.length} deliveries so far`);
  current = { proc, port, exited, stderr: () => err };
  const n = serviceLogs.push("");
  proc.stderr?.on("data", () => (serviceLogs[n - 1] = err));
  serviceLogs[n - 1] = err;
  return current;
}

async function seed(db: Database): Promise<{ clientIds: Map<number, string> }> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team Noord" } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
  const clientIds = new Map<number, string>();
  for (let c = 0; c < CLIENTS; c++) {
    const client = await db.prisma.client.create({
      data: { coachId: coach.id, name: `Client ${c}`, callName: `Sam${c}`, status: "ACTIVE", telegramChatId: BigInt(CHAT_BASE + c), remindersWanted: false },
    });
    clientIds.set(CHAT_BASE + c, client.id);
  }
  return { clientIds };
}

interface Figures {
  updates: number;
  kills: number;
  lost: number;
  doubled: number;
  reasks: number;
  reasksDoubled: number;
  uncertain: number;
  uncertainLost: number;
  cutDelivered: number;
  cutLost: number;
  seconds: number;
}

/**
 * Runs the talk: clients answer in a loop while the service is killed and restarted. A client
 * who gets no reply waits (like a person would, for ever); those still waiting when the last
 * instance has nothing left to send are the lost ones.
 */
async function talkThroughKills(env: Record<string, string>, telegram: FakeTelegram) {
  const started = Date.now();
  let service: Service | null = await startService(env, telegram);
  let nextUpdateId = 1;
  const posted: number[] = [];
  let talking = true;
  let over = false;
  const waiting = new Set<number>();

  // Deliveries per chat, read from the fake's list as it grows.
  const byChat = new Map<string, Delivery[]>();
  let read = 0;
  const chatDeliveries = (chatId: number): Delivery[] => {
    for (; read < telegram.deliveries.length; read++) {
      const d = telegram.deliveries[read] as Delivery;
      byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), d]);
    }
    return byChat.get(String(chatId)) ?? [];
  };

  async function post(update: Record<string, unknown>): Promise<void> {
    while (!ended) {
      const port = service?.port;
      if (port) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
            body: JSON.stringify(update),
            signal: AbortSignal.timeout(30_000),
          });
          await res.text();
          if (res.status === 200) return;
        } catch {
          // the service is down or was killed while handling it: Telegram sends it again
        }
      }
      await sleep(100);
    }
  }

  async function client(chatId: number): Promise<void> {
    const from = { id: chatId, is_bot: false, first_name: `Sam${chatId - CHAT_BASE}`, language_code: "nl" };
    const chat = { id: chatId, type: "private" };
    await sleep(Math.random() * 1000);
    while (talking && !ended) {
      const mine = chatDeliveries(chatId);
      const last = mine[mine.length - 1];
      const updateId = nextUpdateId++;
      let update: Record<string, unknown>;
      const later = last?.buttons.find((b) => b.endsWith(":later"));
      if (later && Math.random() < 0.7) {
        update = { update_id: updateId, callback_query: { id: `cb${updateId}`, from, chat_instance: `ci${chatId}`, data: later, message: { message_id: 1, date: 0, chat } } };
      } else {
        const text = later ? pick(NOT_NOW) : pick(GREETINGS);
        update = { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, text } };
      }
      const before = mine.length;
      waiting.add(chatId);
      await post(update);
      posted.push(updateId);
      while (chatDeliveries(chatId).length === before && !over && !ended) await sleep(50);
      if (chatDeliveries(chatId).length === before) return; // still waiting at the end: lost
      waiting.delete(chatId);
      // The rest of a turn of several messages, then a moment to read and think.
      await sleep(150 + Math.random() * 500);
    }
  }

  const clients = Array.from({ length: CLIENTS }, (_, c) => client(CHAT_BASE + c));
  let kills = 0;
  const idle = async (): Promise<boolean> => {
    const metrics = await (await fetch(`http://127.0.0.1:${service?.port}/metrics`)).text();
    return /^koers_outbox_depth 0$/m.test(metrics) && /^koers_jobs_due 0$/m.test(metrics);
  };
  try {
    for (kills = 0; kills < KILLS && !ended; ) {
      // A random moment once this instance has done some work (a few to a few dozen sends).
      const from = telegram.deliveries.length;
      const work = 2 + Math.floor(Math.random() * 25);
      await until("some work", () => telegram.deliveries.length - from >= work, 15_000).catch(() => undefined);
      await sleep(Math.random() * 300);
      // Every other kill comes as a message reaches Telegram, before it is answered: the case in doubt.
      const victim = service.proc;
      if (kills % 2 === 1) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          telegram.onSend = () => {
            victim.kill("SIGKILL");
            clearTimeout(timer);
            resolve();
            return true;
          };
        });
        telegram.onSend = undefined;
      }
      victim.kill("SIGKILL");
      expect(await service.exited).toBe("SIGKILL");
      kills++;
      service = null;
      service = await startService(env, telegram);
    }
    // A little more talk with the last instance, then everyone finishes their current answer.
    await sleep(3000);
    talking = false;
    // Until nothing is left to send (a re-ask may still be on its way) and nobody waits any more,
    // or nothing has been left to send for 5 s: whoever still waits then waits for ever.
    let quietSince = Date.now();
    await until("an idle service", async () => {
      if (!(await idle())) quietSince = Date.now();
      return (waiting.size === 0 && Date.now() - quietSince > 1000) || Date.now() - quietSince > 5000;
    }, 120_000);
    over = true;
    await Promise.all(clients);
    service.proc.kill("SIGTERM");
    expect(await service.exited, service.stderr()).toBe(0);
  } catch (err) {
    talking = false;
    over = true;
    service?.proc.kill("SIGKILL");
    throw err;
  }
  return { posted, kills, lost: waiting.size, seconds: Math.round((Date.now() - started) / 1000) };
}

/** One expected message: what a send job holds, rendered as the client sees it. */
interface Expected {
  text: string;
  buttons: string;
  uncertain: boolean;
  reask: boolean;
}

/**
 * Lines the fake's deliveries of each chat up with what the outbox sent, job by job in order (a
 * client's sends never overlap), as `lineUp` reads them (line-up.ts): a delivery that is neither
 * the next message nor one after messages skipped in doubt is a duplicate (of a re-ask, which is
 * allowed, or of anything else) or unexpected. A chat that does not line up is printed in full.
 */
async function check(db: Database, telegram: FakeTelegram, clientIds: Map<number, string>, talk: Awaited<ReturnType<typeof talkThroughKills>>): Promise<Figures> {
  const translator = createTranslator();
  const jobs = await db.prisma.job.findMany({ where: { kind: "telegram.send" }, orderBy: { id: "asc" } });
  expect(jobs.filter((j) => j.status !== "DONE").map((j) => [j.id, j.status, j.lastError])).toEqual([]);
  const all = await db.prisma.job.findMany({ where: { status: { notIn: ["DONE"] }, dueAt: { lte: new Date() } } });
  expect(all.map((j) => [j.kind, j.status, j.lastError])).toEqual([]);

  // Each update handled once, each with one reply.
  expect(await db.prisma.processedUpdate.count()).toBe(new Set(talk.posted).size);
  const replyKeys = new Set(jobs.map((j) => j.idempotencyKey));
  const withoutReply = talk.posted.filter((u) => ![...clientIds.values()].some((id) => replyKeys.has(`telegram.send:${id}:u${u}`)));
  expect(withoutReply).toEqual([]);

  let doubled = 0;
  let reasksDoubled = 0;
  let uncertainLost = 0;
  const unexpected: string[] = [];
  const missing: string[] = [];
  const dumps: string[] = [];
  for (const [chatId, clientId] of clientIds) {
    const expected: Expected[] = jobs
      .filter((j) => j.clientId === clientId)
      .flatMap((j) => {
        const p = j.payload as unknown as TelegramSendPayload & { reask?: boolean };
        return p.messages.map((m, i) => {
          const r = renderMessage(translator, p.language, m);
          return { text: r.text, buttons: (r.keyboard ?? []).flat().map((b) => ("callback_data" in b ? b.callback_data : "")).join(","), uncertain: (p.uncertain ?? []).includes(i), reask: p.reask === true };
        });
      });
    const delivered = telegram.deliveries.filter((x) => x.chatId === String(chatId));
    const shown = (text: string, buttons: string) => `${text}\u0000${buttons}`;
    const unexpectedBefore = unexpected.length;
    const lined = lineUp(
      delivered.map((d) => shown(d.text, d.buttons.join(","))),
      expected.map((e) => ({ key: shown(e.text, e.buttons), uncertain: e.uncertain, reask: e.reask })),
    );
    doubled += lined.doubled;
    reasksDoubled += lined.reasksDoubled;
    uncertainLost += lined.uncertainLost;
    for (const i of lined.unexpected) unexpected.push(`${chatId}: ${delivered[i]?.text ?? ""}`);
    for (const j of lined.missing) missing.push(`${chatId}: ${expected[j]?.text ?? ""}`);
    if (unexpected.length > unexpectedBefore || missing.some((m) => m.startsWith(`${chatId}:`))) {
      dumps.push(dumpChat(chatId, delivered, expected, jobs.filter((j) => j.clientId === clientId)));
    }
  }
  if (dumps.length > 0) console.log(`[crash-talk] chats that did not line up:\n${dumps.join("\n")}`);
  expect(unexpected).toEqual([]);
  expect(missing).toEqual([]);

  const payloads = jobs.map((j) => j.payload as unknown as TelegramSendPayload & { reask?: boolean });
  return {
    updates: talk.posted.length,
    kills: talk.kills,
    lost: talk.lost,
    doubled,
    reasks: payloads.filter((p) => p.reask === true).length,
    reasksDoubled,
    uncertain: payloads.reduce((n, p) => n + (p.uncertain?.length ?? 0), 0),
    uncertainLost,
    cutDelivered: telegram.cut.delivered,
    cutLost: telegram.cut.lost,
    seconds: talk.seconds,
  };
}

/** A chat's deliveries next to its send jobs, for a failure that has to be understood (it is rare). */
function dumpChat(chatId: number, delivered: Delivery[], expected: Expected[], jobs: { id: bigint; createdAt: Date; doneAt: Date | null; idempotencyKey: string; attempts: number }[]): string {
  const short = (t: string) => t.replace(/\s+/g, " ");
  const lines = [`chat ${chatId}: ${delivered.length} delivered, ${expected.length} expected`];
  for (const d of delivered) lines.push(`  got  ${new Date(d.at).toISOString().slice(11, 23)} ${short(d.text)} [${d.buttons.join(",")}]`);
  for (const e of expected) lines.push(`  want ${e.uncertain ? "?" : " "}${e.reask ? "R" : " "} ${short(e.text)} [${e.buttons}]`);
  for (const j of jobs) lines.push(`  job  ${String(j.id)} ${j.idempotencyKey ?? ""} created ${j.createdAt.toISOString().slice(11, 23)} done ${j.doneAt?.toISOString().slice(11, 23) ?? "-"} attempts ${j.attempts}`);
  return lines.join("\n");
}

function report(database: string, f: Figures): void {
  console.log(
    `[crash-talk ${database}] ${CLIENTS} clients, ${f.updates} updates, ${f.kills} kills in ${f.seconds} s: ` +
      `lost ${f.lost}, doubled ${f.doubled}; ${f.uncertain} messages in doubt after a kill ` +
      `(${f.cutLost} of the ${f.cutLost + f.cutDelivered} cut off were lost at Telegram, ${f.uncertainLost} never arrived), ` +
      `${f.reasks} marked re-asks (${f.reasksDoubled} of them twice)`,
  );
}

function printServiceLogs(): void {
  const logged = serviceLogs.map((l, i) => (l.trim() ? `--- instance ${i + 1} ---\n${l.trim()}` : "")).filter(Boolean);
  console.log(`[crash-talk] stderr of the ${serviceLogs.length} instances:\n${logged.join("\n") || "(nothing)"}`);
}

function expectPromisesKept(f: Figures): void {
  expect(f.kills).toBe(KILLS);
  expect(f.lost).toBe(0);
  expect(f.doubled).toBe(0);
  // Without a message in doubt this run would prove nothing.
  expect(f.uncertain).toBeGreaterThan(0);
}

/** Kills what the test left running: its last instance and the fake Bot API, and its database. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    ended = true;
    current?.proc.kill("SIGKILL");
    await telegram?.close();
    for (const c of cleanups.splice(0)) await c();
  });
}

let telegram: FakeTelegram | undefined;
const cleanups: (() => Promise<void>)[] = [];

function begin(): Promise<FakeTelegram> {
  onTestFailed(printServiceLogs);
  serviceLogs = [];
  ended = false;
  return startFakeTelegram({ latencyMs: 40, lossWhenCut: 0.5 }).then((t) => (telegram = t));
}

/** The talk through 20 kills with the service on a fresh PostgreSQL database. */
export async function crashTalkOnPostgres(): Promise<void> {
  const telegram = await begin();
  const t = await freshPostgresDb();
  cleanups.push(t.cleanup);
  const { clientIds } = await seed(t.db);
  // Flood control is not what this is about: a client answering fast must not be held.
  const talk = await talkThroughKills({ DATABASE_URL: t.url, FLOOD_MESSAGES: "1000" }, telegram);
  const figures = await check(t.db, telegram, clientIds, talk);
  report("PostgreSQL", figures);
  expectPromisesKept(figures);
}

/** The same on a fresh embedded (PGlite) folder, which the service and the test open in turn. */
export async function crashTalkOnPglite(): Promise<void> {
  const telegram = await begin();
  const t = await freshEmbeddedDb();
  // The service runs with the tests' KOERS_DATA_KEY: seal the clients with that key, as a
  // deployment with KOERS_DATA_KEY does (not with the folder's own data-key of the template).
  await t.db.close();
  fs.rmSync(path.join(t.dataDir, "data-key"));
  const seedDb = await openDatabase({ kind: "embedded", dataDir: t.dataDir, dataKey: testDataKey() });
  const { clientIds } = await seed(seedDb);
  await seedDb.close(); // one process at a time on an embedded folder
  const talk = await talkThroughKills({ DATA_DIR: t.dataDir, FLOOD_MESSAGES: "1000" }, telegram);
  const db = await openDatabase({ kind: "embedded", dataDir: t.dataDir, dataKey: testDataKey() });
  try {
    const figures = await check(db, telegram, clientIds, talk);
    report("PGlite", figures);
    expectPromisesKept(figures);
  } finally {
    await db.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  }
}
