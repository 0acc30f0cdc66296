/**
 * Fuzzing the two ways in, on the real service (startKoers on PGlite): 2,000 Telegram updates to
 * the webhook (the Bot API is the emulator) and 500 signed Slack requests to /slack/events (the
 * Web API is the local fake), generated from one seed (printed; replay with FUZZ_SEED=<seed>).
 *
 * What must hold, for every input:
 * - no 5xx: a Telegram update that is malformed or of a kind the bot does not handle answers 200,
 *   a body that is not an update 400; a Slack request answers 200;
 * - no uncaught exception and no unhandled rejection in the process;
 * - no unexpected crash in the log, which here means: no line at level error (50) or fatal (60).
 *   Koers logs at error only when a handler failed (an update that failed, a Slack request that
 *   reached the error boundary, a request the HTTP server answered 500); refusals and ignored
 *   updates are info or warn. And no Slack user was shown the generic "Er ging iets mis";
 * - the database changed only the way a valid event would (a snapshot of every row of every
 *   table before and after, compared row by row): malformed Telegram updates change nothing at
 *   all; well-formed hostile ones (media, edits, forged buttons, long texts, strangers) only
 *   record the update, the client's last-message time and flood window, a re-asked question and
 *   the replies queued; Slack requests only write their replay-guard row and audit rows (the
 *   refusals; a coach's /verwijs lists clients, a member's Home shows referrals);
 * - every refused Slack request gets, within 3 s, a private and calm refusal (an ephemeral
 *   message or a direct message to that user, or the modal's inline errors: one of the texts in
 *   locales/nl/slack.json meant for that) and an audit row.
 * Background work (the dispatcher sending, recurring jobs) may move jobs along meanwhile; that is
 * not an event's change and is left out.
 */
import { openDeep, parseKeyring } from "../../src/db/sealed.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nlSlack from "../../locales/nl/slack.json" with { type: "json" };
import { WEBHOOK_PATH, type Koers } from "../../src/app.js";
import { openNudge } from "../../src/domain/nudges.js";
import { SLACK_EVENTS_PATH } from "../../src/slack/receiver.js";
import { outDraft, referralWorld, type ReferralWorld } from "../domain/referrals-world.js";
import { memoryLogger, startWebhookOnEmulator, templateDataDir, type LogLine } from "../support/service.js";
import { startEmulator, waitFor, type Emulator } from "../support/telegram.js";
import { startFakeSlackApi, type FakeSlackApi, type SlackCall } from "../slack/referrals/fake-slack-api.js";
import { postSigned, SIGNING_SECRET } from "../slack/referrals/signed.js";
import { describeChange, diff, snapshot, type Change, type Snapshot } from "./db-diff.js";
import { rng, slackCases, telegramCases, type TelegramCase } from "./generate.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** FUZZ_SCALE=0.1 for a quick run while working on it, 10 for a long one. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// Malformed updates stop at the edge (~10 ms each here); well-formed ones run the engine (~75 ms).
const TELEGRAM_MALFORMED = Math.round(1200 * SCALE);
const TELEGRAM_WELL_FORMED = Math.round(800 * SCALE);
const SLACK = Math.round(500 * SCALE);
const SECRET = "fuzz-webhook-secret-0123456789abcdef";

/** Job columns the dispatcher moves while it works; an event never needs them to change. */
const DISPATCHER_COLUMNS = new Set(["status", "attempts", "lastError", "lockedBy", "lockedUntil", "doneAt", "dueAt"]);
/** Client columns every message from the client sets, whatever it says (src/conversation/flood.ts). */
const EVERY_MESSAGE = new Set(["lastClientMessageAt", "floodTimes", "floodSince", "updatedAt"]);
/** A question asked again gets new buttons: a new turn and prompt, the same state. */
const ASKED_AGAIN = new Set(["turn", "prompt", "updatedAt"]);
/** Audit rows a Slack request may leave: refusals, and what a member may look at. */
const SLACK_AUDIT = new Set(["slack.refused", "referral.refused", "crisis.refused", "clients.listed", "referral.viewed"]);

/** The texts of locales/nl/slack.json under keys that match, as patterns ({{vars}} match anything). */
function textsUnder(match: (key: string) => boolean): RegExp[] {
  const out: RegExp[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string") {
      if (match(path)) out.push(new RegExp(`^${node.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\\\{\w+\\\}\\\}/g, ".*")}$`, "s"));
    } else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(nlSlack, "");
  return out;
}
/** A refusal: a forged id, the wrong person, a stale button (`*.refused.*`). */
const REFUSALS = textsUnder((k) => /\.refused\./.test(k));
/** A modal field's inline error (`referral.error.*`, not the generic one): what a person can also cause by typing. */
const FIELD_ERRORS = textsUnder((k) => /^referral\.error\./.test(k) && k !== "referral.error.generic");
const GENERIC = (nlSlack as { referral: { error: { generic: string } } }).referral.error.generic;
const isRefusal = (text: string) => REFUSALS.some((re) => re.test(text));
const isCalm = (text: string) => isRefusal(text) || FIELD_ERRORS.some((re) => re.test(text));

let emulator: Emulator;
let slack: FakeSlackApi;
let koers: Koers;
let world: ReferralWorld;
let dataDir = "";
let logLines: LogLine[] = [];
const crashes: unknown[] = [];
const onCrash = (err: unknown) => void crashes.push(err);
const clientChats: number[] = [];
const clientIds = new Set<string>();
let backgroundKinds = new Set<string>();

/** Nothing due is left for the dispatcher (recurring jobs wait for later). */
async function quiet(): Promise<void> {
  await waitFor(
    "the dispatcher to be idle",
    async () => (await koers.db.prisma.job.count({ where: { status: { in: ["PENDING", "RUNNING"] }, dueAt: { lte: new Date() } } })) === 0,
    30_000,
    50,
  );
}

type Phase = "telegramMalformed" | "telegramWellFormed" | "slack";

/** Whether a valid event (or the background work) could have made this change. */
function allowed(c: Change, phase: Phase): boolean {
  if (c.table === "SlackSeenRequest") return true; // the replay guard: one row per signed request, pruned after 10 minutes
  if (c.table === "Job") {
    if (c.op === "update") return c.columns.every((k) => DISPATCHER_COLUMNS.has(k) || (k === "payload" && onlySendProgress(c.before?.payload, c.row.payload)));
    if (c.op !== "insert") return false;
    const kind = String(c.row.kind);
    if (c.row.clientId === null && backgroundKinds.has(kind)) return true; // a recurring job's next run
    // A reply of before the run whose send was in doubt (its attempt outlived its lease on a busy
    // machine) is followed by a marked re-ask: the dispatcher's work, for one of the clients.
    if (kind === "conversation.reask" && clientIds.has(String(c.row.clientId))) return true;
    return phase === "telegramWellFormed" && kind === "telegram.send" && clientIds.has(String(c.row.clientId));
  }
  if (phase === "telegramMalformed") return false;
  if (phase === "telegramWellFormed") {
    if (c.table === "ProcessedUpdate") return c.op === "insert";
    if (c.table === "Client") return c.op === "update" && clientIds.has(String(c.row.id)) && c.columns.every((k) => EVERY_MESSAGE.has(k));
    if (c.table === "FlowRun") return c.op === "update" && clientIds.has(String(c.row.clientId)) && c.columns.every((k) => ASKED_AGAIN.has(k));
    return false;
  }
  return c.table === "AuditEvent" && c.op === "insert" && SLACK_AUDIT.has(String(c.row.action));
}

/** A telegram.send job's payload counts how far sending got (`sent`, `inFlight`, `inFlightAt`, `uncertain`, `uncertainSince`); nothing else of it may change. */
function onlySendProgress(before: unknown, after: unknown): boolean {
  const progress = new Set(["sent", "inFlight", "inFlightAt", "uncertain", "uncertainSince"]);
  // The messages are sealed at rest (src/db/sealed.ts): a saved payload is sealed again with a new
  // IV, so they are compared opened.
  const ring = parseKeyring(process.env.KOERS_DATA_KEY ?? "");
  const rest = (p: unknown) => JSON.stringify(Object.entries(openDeep(ring, p) as Record<string, unknown>).filter(([k]) => !progress.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return typeof before === "object" && typeof after === "object" && rest(before) === rest(after);
}

function unexpectedChanges(before: Snapshot, after: Snapshot, phase: Phase): string[] {
  return diff(before, after)
    .filter((c) => !allowed(c, phase))
    .map(describeChange);
}

/** A form body as text, for a failure message. */
const readable = (body: string) => [...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).join("&");

const errorLines = () => logLines.filter((l) => l.level >= 50).map((l) => `${l.msg} ${JSON.stringify(l).slice(0, 400)}`);

beforeAll(async () => {
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  console.info(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  emulator = await startEmulator();
  slack = await startFakeSlackApi();
  dataDir = templateDataDir();
  const { logger, lines } = memoryLogger("warn");
  logLines = lines;
  koers = await startWebhookOnEmulator(emulator, dataDir, {
    logger,
    env: {
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-fuzz-0000-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    },
  });

  // The people: coaches and partners in Slack, clients in the chat, some in a conversation.
  world = await referralWorld(koers.db, () => new Date());
  const p = koers.db.prisma;
  clientChats.push(world.chatId);
  clientIds.add(world.client.id);
  for (let i = 0; i < 12; i++) {
    const c = await p.client.create({
      data: { name: `Client ${i}`, callName: `C${i}`, coachId: i % 2 ? world.colleague.id : world.coach.id, status: "ACTIVE", telegramChatId: BigInt(71_000 + i), goals: { create: { text: "Werk vinden" } } },
    });
    clientChats.push(71_000 + i);
    clientIds.add(c.id);
    if (i % 3 === 0) await koers.engine.startConversation(c.id, "grow");
    if (i % 3 === 1) await koers.engine.startConversation(c.id, "miracle");
  }
  // Rows only someone else may act on: a referral waiting for consent, a nudge and a crisis alert
  // about a client of Ahmed who is not in the chat.
  const referral = await world.service.fileOut(world.coach, outDraft(world));
  const noor = await p.client.create({ data: { name: "Noor", coachId: world.coach.id, status: "ACTIVE" } });
  const nudge = await p.$transaction((tx) => openNudge(tx, { clientId: noor.id, coachId: world.coach.id, cause: "silent", now: new Date(Date.now() - 7 * 86_400_000) }));
  const alert = await p.crisisAlert.create({ data: { clientId: noor.id, coachId: world.coach.id, category: "danger", rule: "fuzz", acute: false, messageText: "x", followUp: "done" } });
  Object.assign(world, { fuzz: { referralId: referral.referral.id, nudgeId: nudge.id ?? "", alertId: alert.id } });
  await quiet();
  backgroundKinds = new Set((await p.job.findMany({ where: { clientId: null }, select: { kind: true } })).map((j) => j.kind));
}, 60_000);

afterAll(async () => {
  // FUZZ_DEBUG=1: every error line and every generic Slack error, whole, for a failing seed.
  if (process.env.FUZZ_DEBUG) {
    const file = path.join(os.tmpdir(), `koers-fuzz-${SEED}.json`);
    fs.writeFileSync(file, JSON.stringify({ errors: logLines.filter((l) => l.level >= 50), generic: slack.calls.filter((call) => JSON.stringify(call.params).includes(GENERIC)) }, null, 1));
    console.info(`fuzz details in ${file}`);
  }
  await koers?.stop();
  await emulator?.stop();
  await slack?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.off("uncaughtException", onCrash);
  process.off("unhandledRejection", onCrash);
});

async function postTelegram(c: TelegramCase): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${koers.port}${WEBHOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    body: c.body,
  });
  await res.text();
  return res.status;
}

async function telegramRun(kind: TelegramCase["kind"], n: number, seed: number) {
  const r = rng(seed);
  const jobIds = (await koers.db.prisma.job.findMany({ select: { id: true } })).map((j) => j.id);
  const cases = telegramCases(r, { clientChats, jobIds, botUsername: koers.bot?.botInfo.username ?? "KoersBot" }, n, kind);
  const before = await snapshot(koers.db);
  const wrongStatus: string[] = [];
  const started = Date.now();
  // Four at a time, as Telegram does for different chats (one chat's updates come in order).
  let next = 0;
  const lane = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const status = await postTelegram(c);
      if (status !== c.status) wrongStatus.push(`${status} for ${c.what}: ${c.body.slice(0, 200)}`);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  const ms = Date.now() - started;
  // Each update's changes are committed before its answer; the replies the dispatcher still sends
  // (one a second per chat) only move jobs along, which the comparison leaves out.
  const after = await snapshot(koers.db);
  return { cases, wrongStatus, ms, unexpected: unexpectedChanges(before, after, kind === "malformed" ? "telegramMalformed" : "telegramWellFormed") };
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`${TELEGRAM_MALFORMED} malformed Telegram updates: 200 (400 when not an update), no crash, nothing changed`, async () => {
    const run = await telegramRun("malformed", TELEGRAM_MALFORMED, SEED);
      console.info(`telegram malformed: ${run.cases.length} updates in ${run.ms} ms (${run.cases.filter((c) => c.status === 400).length} not an update)`);
    if (process.env.FUZZ_DEBUG) console.info(errorLines().slice(0, 5).join("\n"));
    expect(run.wrongStatus).toEqual([]);
    expect(run.unexpected).toEqual([]);
    expect(errorLines()).toEqual([]);
    expect(crashes).toEqual([]);
    expect(await emulator.user({ chatId: 90_001 }).unread()).toEqual([]);
  }, 150_000 * SCALE);

  it(`${TELEGRAM_WELL_FORMED} well-formed hostile Telegram updates: 200, no crash, only what a valid update changes`, async () => {
    const run = await telegramRun("wellFormed", TELEGRAM_WELL_FORMED, SEED + 1);
      console.info(`telegram well formed: ${run.cases.length} updates in ${run.ms} ms`);
    if (process.env.FUZZ_DEBUG) console.info(errorLines().slice(0, 5).join("\n"));
    expect(run.wrongStatus).toEqual([]);
    expect(run.unexpected).toEqual([]);
    expect(errorLines()).toEqual([]);
    expect(crashes).toEqual([]);
  }, 150_000 * SCALE);

  it(`${SLACK} forged and junk Slack requests: 200, no crash, a calm private refusal within 3 s and an audit row for each refused one`, async () => {
    const r = rng(SEED + 2);
    const w = world as ReferralWorld & { fuzz: { referralId: string; nudgeId: string; alertId: string } };
    const cases = slackCases(r, {
      coach: w.coach.slackUserId ?? "",
      colleague: w.colleague.slackUserId ?? "",
      partner: w.partnerMember.slackUserId ?? "",
      otherPartner: w.otherMember.slackUserId ?? "",
      ...w.fuzz,
    }, SLACK);
    const p = koers.db.prisma;
    const refusalRows = () => p.auditEvent.count({ where: { action: { endsWith: ".refused" } } });
    const before = await snapshot(koers.db);
    const problems: string[] = [];
    let slowest = 0;
    const started = Date.now();
    for (const c of cases) {
      const callsBefore = slack.calls.length;
      const auditsBefore = await refusalRows();
      const t0 = Date.now();
      const res = await postSigned(`http://127.0.0.1:${koers.port}${SLACK_EVENTS_PATH}`, c.body, { contentType: c.contentType });
      const label = `${c.what} (${c.expect}, user ${c.user ?? "-"}): ${readable(c.body).slice(0, 240)}`;
      if (res.status !== 200) {
        problems.push(`HTTP ${res.status} for ${label}`);
        continue;
      }
      if (c.expect !== "refused") continue;
      const inline = (() => {
        try {
          const body = res.json() as { response_action?: string; errors?: Record<string, string> };
          return body.response_action === "errors" ? Object.values(body.errors ?? {}) : null;
        } catch {
          return null;
        }
      })();
      const toUser = (call: SlackCall) =>
        (call.method === "chat.postEphemeral" && call.params.user === c.user) || (call.method === "chat.postMessage" && call.params.channel === `D${c.user}`);
      let told: string[] | null = inline;
      let audited = false;
      while (!told && c.user && Date.now() - t0 < 3000) {
        const sent = slack.calls.slice(callsBefore).filter(toUser).map((call) => String(call.params.text));
        if (sent.length) told = sent;
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // Inline field errors alone are what a person can also get by typing; everything else refused is audited.
      const onlyFieldErrors = inline !== null && told !== null && !told.some(isRefusal);
      while (!audited && !onlyFieldErrors && Date.now() - t0 < 3000) {
        audited = (await refusalRows()) > auditsBefore;
        if (!audited) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      slowest = Math.max(slowest, Date.now() - t0);
      if (c.user && !told) problems.push(`no private refusal within 3 s for ${label}`);
      if (told && !told.every(isCalm)) problems.push(`not a calm refusal (${JSON.stringify(told)}) for ${label}`);
      if (!audited && !onlyFieldErrors) problems.push(`no audit row for ${label}`);
    }
    const ms = Date.now() - started;
    await quiet();
    const after = await snapshot(koers.db);
      console.info(`slack: ${cases.length} requests in ${ms} ms (${cases.filter((c) => c.expect === "refused").length} to refuse), slowest refusal ${slowest} ms`);
    if (process.env.FUZZ_DEBUG) console.info(logLines.slice(0, 30).map((l) => JSON.stringify(l).slice(0, 300)).join("\n"));
    expect(problems).toEqual([]);
    expect(unexpectedChanges(before, after, "slack")).toEqual([]);
    expect(slack.calls.filter((call) => JSON.stringify(call.params).includes(GENERIC)).map((call) => call.method)).toEqual([]);
    expect(errorLines()).toEqual([]);
    expect(crashes).toEqual([]);
  }, 150_000 * SCALE);
});
