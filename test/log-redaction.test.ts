/**
 * No token, secret or client text in any log line, at any level, under faults: the real service
 * logs at `trace` into a captured stream while the Bot API answers 500, 429 and 401 with the
 * token in the error, cuts connections (grammY's HttpError), refuses getUpdates, the database
 * fails during an update, Slack's Web API errors inside Bolt listeners, and clients write a
 * private sentence in good updates, malformed ones and bodies that are not updates at all. Then
 * every captured line is searched for the secrets and for any 20-character piece of the
 * sentence; and the lines must still say what happened (ids, kinds, codes).
 */
import fs from "node:fs";
import { Writable } from "node:stream";
import { WebClient } from "@slack/web-api";
import { Bot, BotError, GrammyError } from "grammy";
import type { Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH } from "../src/slack/receiver.js";
import { WEBHOOK_PATH, type Koers } from "../src/app.js";
import { createLogger } from "../src/log.js";
import { BOT_INFO, commandUpdate, textUpdate } from "./fixtures/updates.js";
import { startFakeSlack, type FakeSlack } from "./slack/fake-slack.js";
import { commandBody, postSigned, submitBody, text } from "./slack/referrals/signed.js";
import { startFaultApi, type FaultApi } from "./support/fault-telegram.js";
import { failUpdateInDatabase, startOnEmulator, startWebhookOnEmulator, templateDataDir } from "./support/service.js";
import { startEmulator, waitFor, type Emulator } from "./support/telegram.js";
import { inviteClient } from "./support/world.js";

const SENTENCE = "ik heb schulden bij de bank en mijn zus weet het niet";
const WEBHOOK_SECRET = "whsec-Koers-7f3a9c2e41d84b6f";
const SIGNING_SECRET = "9d2f6c1a8b7e4f3d0a5c6b7e8f9a0b1c";
const SLACK_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";

/** Every raw line written, and each line parsed. */
const raw: string[] = [];
function captureLogger(): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) raw.push(line);
      done();
    },
  });
  return createLogger("trace", sink);
}
const parsed = () => raw.map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string; level: number });

const dirs: string[] = [];
function dataDir(): string {
  const dir = templateDataDir();
  dirs.push(dir);
  return dir;
}

let emulatorA: Emulator;
let emulatorB: Emulator;
let apiA: FaultApi;
let apiB: FaultApi;
let slack: FakeSlack;
let webhook: Koers;
let polling: Koers;

beforeAll(async () => {
  emulatorA = await startEmulator();
  emulatorB = await startEmulator();
  apiA = await startFaultApi(emulatorA.apiURL);
  apiB = await startFaultApi(emulatorB.apiURL);
  slack = await startFakeSlack();
  webhook = await startWebhookOnEmulator(emulatorA, dataDir(), {
    logger: captureLogger(),
    env: {
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: apiA.url,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: "trace",
    },
  });
  polling = await startOnEmulator(emulatorB, dataDir(), { logger: captureLogger(), env: { TELEGRAM_API_ROOT: apiB.url, LOG_LEVEL: "trace" } });
});

afterAll(async () => {
  await webhook?.stop();
  await polling?.stop();
  await apiA?.stop();
  await apiB?.stop();
  await emulatorA?.stop();
  await emulatorB?.stop();
  await slack?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const postUpdate = (body: unknown, secret = WEBHOOK_SECRET) =>
  fetch(`http://127.0.0.1:${webhook.port}${WEBHOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Every piece of `s` of `n` characters. */
function pieces(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

describe("the logs of a run full of faults", () => {
  it("hold no token, no secret and no client text, and still say what happened", async () => {
    const tokenA = emulatorA.token;
    const tokenB = emulatorB.token;
    const url = (token: string, api: FaultApi) => `${api.url}/bot${token}/sendMessage`;

    // --- Bot API faults on sends: 500 and 401 that echo the URL with the token, a 429, a cut connection.
    apiA.sendFaults.push(
      { status: 500, description: `Internal Server Error: upstream ${url(tokenA, apiA)} failed` },
      { status: 401, description: `Unauthorized: token ${tokenA} is not valid` },
      { status: 429, description: `Too Many Requests: retry after 1 (${url(tokenA, apiA)})`, retryAfter: 1 },
    );
    apiA.dropSends = 1;
    const clients = [];
    for (let i = 0; i < 5; i++) clients.push(await inviteClient(webhook.db, { coach: "Ahmed", client: "Samira Bakker" }));
    for (const [i, c] of clients.entries()) expect((await postUpdate(commandUpdate(65_001 + i, `/start ${c.code}`))).status).toBe(200);
    await waitFor("the four send faults", () => apiA.sendFaults.length === 0 && apiA.dropSends === 0, 15_000);

    // --- The private sentence, in a good update from a linked client, a crisis, an edit, a stranger.
    expect((await postUpdate(textUpdate(65_005, SENTENCE))).status).toBe(200);
    expect((await postUpdate(textUpdate(65_005, `${SENTENCE} en ik wil niet meer leven`))).status).toBe(200);
    expect((await postUpdate(textUpdate(65_099, SENTENCE))).status).toBe(200);

    // --- A stranger's direct answer whose connection is cut: grammY's HttpError, with the fetch
    // error inside it naming the URL with the token.
    apiA.dropSends = 5;
    await waitFor(
      "the HttpError of a direct answer",
      async () => {
        await postUpdate(textUpdate(65_098, SENTENCE));
        return parsed().some((l) => (l.err as { type?: string } | undefined)?.type === "HttpError");
      },
      10_000,
      200,
    );
    apiA.dropSends = 0;

    // --- A database error during an update that carries the sentence: 500 twice, then given up.
    const failing = textUpdate(65_004, SENTENCE);
    await failUpdateInDatabase(webhook.db, failing.update_id);
    expect([(await postUpdate(failing)).status, (await postUpdate(failing)).status, (await postUpdate(failing)).status]).toEqual([500, 500, 200]);

    // --- The sentence in what is not a good update, and with a wrong secret.
    const bad = textUpdate(65_005, SENTENCE) as unknown as { update_id: number; message: Record<string, unknown> };
    expect((await postUpdate({ ...bad, message: { ...bad.message, text: { said: SENTENCE } } })).status).toBe(200);
    expect((await postUpdate({ ...bad, message: { ...bad.message, from: undefined, chat: { id: SENTENCE, type: "private" } } })).status).toBe(200);
    expect((await postUpdate({ update_id: SENTENCE, message: { text: SENTENCE } })).status).toBe(400);
    expect((await postUpdate(`{"update_id": 1, "message": {"text": "${SENTENCE}"`)).status).toBe(400);
    expect((await postUpdate(textUpdate(65_005, SENTENCE), `${WEBHOOK_SECRET}x`)).status).toBe(401);

    // --- Slack: Bolt listeners whose Web API calls fail (the fake knows no postEphemeral), a
    // modal with the sentence from someone unknown, a wrong signature and a replay.
    const slackUrl = `http://127.0.0.1:${webhook.port}${SLACK_EVENTS_PATH}`;
    const command = commandBody("/verwijs", "UNOBODY1");
    expect((await postSigned(slackUrl, command, { secret: SIGNING_SECRET })).status).toBe(200);
    const submission = submitBody("verwijs", "UNOBODY2", { summary: text(SENTENCE), client: text(SENTENCE) });
    await postSigned(slackUrl, submission, { secret: SIGNING_SECRET });
    expect((await postSigned(slackUrl, commandBody("/verwijs", "UNOBODY3"), { secret: `${SIGNING_SECRET.slice(1)}x` })).status).toBe(401);
    const ts = Math.floor(Date.now() / 1000);
    await postSigned(slackUrl, command, { secret: SIGNING_SECRET, ts });
    expect((await postSigned(slackUrl, command, { secret: SIGNING_SECRET, ts })).status).toBe(401);
    await waitFor("Bolt's error boundary to log", () => parsed().some((l) => l.msg === "Slack request failed"), 10_000);

    // --- Polling: getUpdates answers 500 with the token in the error, 401, 429, then works and
    // delivers the sentence, as a good update and a malformed one.
    // (Each failure doubles the wait before the next call; after a 401 it waits at least 5 s.)
    apiB.dropGetUpdates = 1;
    await waitFor("a cut getUpdates", () => apiB.dropGetUpdates === 0 && apiB.calls.some((c) => c.method === "getUpdates" && c.status === 200));
    apiB.getUpdatesFault = { status: 500, description: `Bad Gateway: ${apiB.url}/bot${tokenB}/getUpdates` };
    await waitFor("a failed getUpdates", () => apiB.calls.some((c) => c.method === "getUpdates" && c.status === 500));
    apiB.getUpdatesFault = { status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 };
    await waitFor("a limited getUpdates", () => apiB.calls.some((c) => c.method === "getUpdates" && c.status === 429));
    apiB.getUpdatesFault = { status: 401, description: `Unauthorized: ${tokenB}` };
    await waitFor("a refused getUpdates", () => apiB.calls.some((c) => c.method === "getUpdates" && c.status === 401));
    apiB.getUpdatesFault = null;
    const good = textUpdate(65_201, SENTENCE);
    const malformed = { update_id: good.update_id + 1, message: { ...good.message, text: [SENTENCE] } };
    apiB.push(good, malformed);
    await waitFor("both polled updates confirmed", () => apiB.offsets.some((o) => o > malformed.update_id), 20_000);
    await emulatorB.user({ chatId: 65_201 }).botMessages(1);
    await waitFor("the messages to be sent", () => apiA.calls.filter((c) => c.method === "sendMessage" && c.status === 200).length >= 4, 10_000);

    // === Nothing secret in any line, at any level.
    const all = raw.join("\n");
    expect(raw.length).toBeGreaterThan(30);
    expect(parsed().some((l) => l.level === 10 || l.level === 20)).toBe(true); // trace and debug were on
    const secrets = {
      tokenA,
      tokenB,
      "token A's secret part": tokenA.split(":")[1]!,
      "token B's secret part": tokenB.split(":")[1]!,
      WEBHOOK_SECRET,
      SIGNING_SECRET,
      SLACK_TOKEN,
    };
    for (const [what, value] of Object.entries(secrets)) {
      const hits = raw.filter((l) => l.includes(value));
      expect(hits, `${what} in the log`).toEqual([]);
    }
    for (const piece of pieces(SENTENCE, 20)) {
      const hits = raw.filter((l) => l.toLowerCase().includes(piece));
      expect(hits, `"${piece}" in the log`).toEqual([]);
    }
    // The client's name (typed by the coach) is not written either.
    expect(all).not.toContain("Samira Bakker");

    // === Still useful: each fault left a line that says what and where, by id and kind.
    const lines = parsed();
    const find = (pred: (l: Record<string, unknown>) => boolean, what: string) => {
      const found = lines.find(pred);
      expect(found, what).toBeDefined();
      return found!;
    };
    const given = find((l) => l.updateId === failing.update_id && typeof l.msg === "string" && l.msg.includes("too often"), "the given-up update");
    // Through Prisma (the full path) the PGlite adapter loses the database's own message, and the
    // kind, code and stack say where (firstDelivery); through the fast path's SQL the database's
    // own error remains: SQLSTATE P0001 (raise_exception) with the injected fault's message.
    expect(given).toMatchObject({ attempts: 3 });
    const err = given.err as { type?: string; code?: string; stack?: string };
    expect(
      (err.type === "PrismaClientKnownRequestError" && err.code === "P2010" && err.stack?.includes("firstDelivery")) ||
        (err.code === "P0001" && err.stack?.includes(`injected fault for update ${failing.update_id}`)),
      JSON.stringify(err).slice(0, 300),
    ).toBe(true);
    find((l) => l.updateId === failing.update_id && l.attempt === 1, "the first failure of the update");
    // The 500 and the 401 kept their message with the token cut out; the cut connection says so.
    const retried = lines.filter((l) => l.msg === "job will be retried" && l.kind === "telegram.send" && typeof l.jobId === "string").map((l) => l.err);
    expect(retried).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Internal Server Error: upstream .*\/bot\[redacted\]\/sendMessage failed$/),
        "Unauthorized: token [redacted] is not valid",
        "Network request for 'sendMessage' failed!",
      ]),
    );
    find((l) => l.msg === "rate limited; job waits" && l.retryAfter === 1, "the 429 on a send");
    // grammY's HttpError keeps its kind and the inner error's message, with the token cut out.
    const http = lines.filter((l) => (l.err as { type?: string } | undefined)?.type === "HttpError").map((l) => l.err as { message: string; error?: { message?: string } });
    expect(http.length).toBeGreaterThanOrEqual(2);
    for (const e of http) {
      expect(e.message).toMatch(/^Network request for '(sendMessage|getUpdates)' failed!$/);
      expect(e.error?.message).toMatch(/\/bot\[redacted\]\/(sendMessage|getUpdates)/);
    }
    expect(http.map((e) => e.message)).toEqual(expect.arrayContaining(["Network request for 'sendMessage' failed!", "Network request for 'getUpdates' failed!"]));
    const getUpdates = find((l) => l.msg === "getUpdates failed; retrying" && (l.err as { type?: string }).type === "GrammyError", "a failed getUpdates");
    expect(getUpdates).toMatchObject({ err: { type: "GrammyError", error_code: 500, method: "getUpdates" } });
    find((l) => typeof l.msg === "string" && l.msg.includes("(401)") && (l.err as { error_code?: number } | undefined)?.error_code === 401, "the refused token");
    find((l) => l.msg === "Telegram update ignored" && l.updateId === good.update_id + 1, "the malformed polled update");
    find((l) => l.msg === "not a Telegram update; refused" && typeof l.why === "string", "the body that is not an update");
    const bolt = find((l) => l.msg === "Slack request failed", "Bolt's error");
    expect(bolt).toMatchObject({ err: { type: expect.any(String), message: expect.any(String) } });
    find((l) => l.msg === "Slack request refused" && l.reason === "replayed", "the replayed Slack request");
    find((l) => l.msg === "crisis signal" && typeof l.clientId === "string" && typeof l.category === "string", "the crisis signal");
    // (Polling waits 5 s after a 401 and doubles its wait on each failure after it.)
  }, 90_000);
});

describe("errors that carry a token and client text in their context", () => {
  it("are logged by kind, message and code only", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    const token = `${BOT_INFO.id}:AAH${"x".repeat(4)}Qk9vZ2xlLXRva2VuLWZvci1yZWRhY3Rpb24`;
    // Not told the secrets: the serializers and redaction alone must keep them out.
    const logger = createLogger("trace", sink);

    // grammY, offline: a reply that echoes the client fails with a 400, so the BotError carries
    // the context (the update with the sentence, the API with the token) and the GrammyError
    // the call's payload (the sentence again).
    const bot = new Bot(token, { botInfo: BOT_INFO });
    bot.api.config.use(async (prev, method, payload, signal) =>
      method === "sendMessage" ? ({ ok: false, error_code: 400, description: "Bad Request: chat not found" } as never) : prev(method, payload, signal),
    );
    bot.on("message:text", async (ctx) => {
      await ctx.reply(`Je schreef: ${ctx.message.text}`);
    });
    const caught = await bot.handleUpdate(textUpdate(67_001, SENTENCE)).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(BotError);
    const botError = caught as BotError;
    expect(botError.error).toBeInstanceOf(GrammyError);
    expect(JSON.stringify((botError.error as GrammyError).payload)).toContain(SENTENCE);

    // Slack's Web API, with nobody listening: the request error keeps the HTTP client's error,
    // whose request config holds the bearer token and the message text.
    const slackClient = new WebClient(SLACK_TOKEN, { slackApiUrl: "http://127.0.0.1:9/api/", retryConfig: { retries: 0 } });
    const slackError = await slackClient.chat.postMessage({ channel: "C1", text: SENTENCE }).catch((e: unknown) => e);
    expect(slackError).toBeInstanceOf(Error);

    logger.error({ err: botError }, "a BotError");
    logger.error({ error: botError.error, updateId: 1 }, "a GrammyError");
    logger.error({ err: slackError }, "a Slack request error");
    logger.warn({ ctx: botError.ctx, update: botError.ctx.update }, "a context logged by mistake");
    logger.info({ detail: { text: SENTENCE, token } }, "client text one level down");

    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(token.split(":")[1]);
      expect(line).not.toContain(SLACK_TOKEN);
      for (const piece of pieces(SENTENCE, 20)) expect(line.toLowerCase(), line).not.toContain(piece);
    }
    const [bot1, grammy, slack1] = lines.map((l) => JSON.parse(l) as { err?: Record<string, unknown>; error?: Record<string, unknown> });
    expect(bot1!.err).toMatchObject({ type: "BotError", error: { type: "GrammyError", error_code: 400, method: "sendMessage" } });
    expect(grammy!.error).toMatchObject({ type: "GrammyError", description: "Bad Request: chat not found" });
    expect(slack1!.err).toMatchObject({ type: "WebAPIRequestError", code: "slack_webapi_request_error", original: { message: expect.any(String) } });
  });
});
