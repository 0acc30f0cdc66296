/**
 * `GET /metrics` on the running service, by real HTTP, after it handled updates (good, malformed,
 * not an update, one that failed), a crisis message, a 429 from the Bot API and refused Slack
 * requests: Prometheus text format, every metric there with the counts that happened, and no
 * client data (names, texts, chat ids) anywhere in it, labels included.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_PATH, type Koers } from "../src/app.js";
import { SLACK_EVENTS_PATH } from "../src/slack/receiver.js";
import { commandUpdate, textUpdate } from "./fixtures/updates.js";
import { startFakeSlack, type FakeSlack } from "./slack/fake-slack.js";
import { commandBody, postSigned } from "./slack/referrals/signed.js";
import { startFaultApi, type FaultApi } from "./support/fault-telegram.js";
import { memoryLogger, outboxIdle, startWebhookOnEmulator, templateDataDir } from "./support/service.js";
import { startEmulator, waitFor, type Emulator } from "./support/telegram.js";
import { inviteClient } from "./support/world.js";

const SECRET = "webhook-secret-metrics-0123456789";
const SIGNING_SECRET = "5e1b3c7d9f0a2b4c6d8e0f1a3b5c7d9e";
const CLIENT_NAME = "Yasmina Oudekerk";
const CHATS = [66_001, 66_002, 66_003];

let emulator: Emulator;
let api: FaultApi;
let slack: FakeSlack;
let koers: Koers;
let dir = "";

beforeAll(async () => {
  emulator = await startEmulator();
  api = await startFaultApi(emulator.apiURL);
  slack = await startFakeSlack();
  dir = templateDataDir();
  koers = await startWebhookOnEmulator(emulator, dir, {
    logger: memoryLogger("warn").logger,
    env: {
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
      SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-metricsTokenAbcdef",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    },
  });
});

afterAll(async () => {
  await koers?.stop();
  await api?.stop();
  await emulator?.stop();
  await slack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown) =>
  fetch(`http://127.0.0.1:${koers.port}${WEBHOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text format strictly: HELP and TYPE before each family's samples. */
function parse(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    if (help) {
      helped.add(help[1]!);
      continue;
    }
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus text line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const lm = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"$/.exec(pair);
      if (!lm) throw new Error(`bad label in: ${line}`);
      labels[lm[1]!] = lm[2]!;
    }
    const family = m[1]!.replace(/_(bucket|sum|count)$/, "");
    if (!types.has(m[1]!) && !types.has(family)) throw new Error(`sample before its TYPE: ${line}`);
    if (!helped.has(m[1]!) && !helped.has(family)) throw new Error(`sample before its HELP: ${line}`);
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { samples, types };
}

async function scrape(): Promise<{ text: string; samples: Sample[]; types: Map<string, string>; contentType: string | null }> {
  const res = await fetch(`http://127.0.0.1:${koers.port}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, ...parse(text), contentType: res.headers.get("content-type") };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe("GET /metrics", () => {
  it("counts what happened, in Prometheus text, without client data", async () => {
    const before = await scrape();
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(before.samples, "koers_telegram_rate_limited_total")).toBe(0);

    // Three clients link; the first send is refused with a 429.
    api.sendFaults.push({ status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 });
    for (const chat of CHATS) {
      const invited = await inviteClient(koers.db, { coach: "Ahmed", client: CLIENT_NAME });
      expect((await post(commandUpdate(chat, `/start ${invited.code}`))).status).toBe(200);
    }
    // Telegram delivers the last /start again (after a timeout, say): a duplicate.
    const again = commandUpdate(CHATS[2]!, "/start again");
    expect((await post(again)).status).toBe(200);
    expect((await post(again)).status).toBe(200);
    // A crisis, and a private sentence.
    expect((await post(textUpdate(CHATS[0]!, "ik wil niet meer leven")))).toMatchObject({ status: 200 });
    expect((await post(textUpdate(CHATS[1]!, "ik heb schulden bij de bank en mijn zus weet het niet")))).toMatchObject({ status: 200 });
    // One malformed update, one kind not handled, two bodies that are not updates.
    const u = textUpdate(CHATS[2]!, "Hoi") as unknown as { update_id: number; message: Record<string, unknown> };
    expect((await post({ ...u, message: { ...u.message, text: 42 } })).status).toBe(200);
    expect((await post({ update_id: u.update_id + 1, poll: { id: "x" } })).status).toBe(200);
    expect((await post([])).status).toBe(400);
    expect((await post({ message: {} })).status).toBe(400);
    // Slack: a wrong signature, and the same signed request twice (a replay).
    const slackUrl = `http://127.0.0.1:${koers.port}${SLACK_EVENTS_PATH}`;
    expect((await postSigned(slackUrl, commandBody("/verwijs", "U1"), { secret: "0".repeat(32) })).status).toBe(401);
    const ts = Math.floor(Date.now() / 1000);
    const body = commandBody("/verwijs", "U2");
    await postSigned(slackUrl, body, { secret: SIGNING_SECRET, ts });
    expect((await postSigned(slackUrl, body, { secret: SIGNING_SECRET, ts })).status).toBe(401);

    await waitFor("the 429", () => api.sendFaults.length === 0);
    const after = await scrape();
    const s = after.samples;
    for (const [name, type] of [
      ["koers_telegram_updates_total", "counter"],
      ["koers_telegram_update_duration_seconds", "histogram"],
      ["koers_telegram_rate_limited_total", "counter"],
      ["koers_slack_requests_refused_total", "counter"],
      ["koers_crisis_signals_total", "counter"],
      ["koers_outbox_depth", "gauge"],
      ["koers_jobs_due", "gauge"],
      ["koers_jobs_oldest_due_lateness_seconds", "gauge"],
      ["koers_jobs_dead", "gauge"],
      ["koers_clients_unreachable", "gauge"],
    ] as const) {
      expect(after.types.get(name), name).toBe(type);
    }
    expect(value(s, "koers_telegram_updates_total", { outcome: "handled" })).toBe(6);
    expect(value(s, "koers_telegram_updates_total", { outcome: "duplicate" })).toBe(1);
    expect(value(s, "koers_telegram_updates_total", { outcome: "ignored" })).toBe(2);
    expect(value(s, "koers_telegram_updates_total", { outcome: "refused" })).toBe(2);
    expect(value(s, "koers_telegram_update_duration_seconds_count")).toBe(7);
    expect(value(s, "koers_telegram_update_duration_seconds_bucket", { le: "+Inf" })).toBe(7);
    expect(value(s, "koers_telegram_rate_limited_total")).toBe(1);
    expect(value(s, "koers_crisis_signals_total", { category: "suicide" })).toBe(1);
    expect(value(s, "koers_slack_requests_refused_total", { reason: "signature" })).toBe(1);
    expect(value(s, "koers_slack_requests_refused_total", { reason: "replayed" })).toBe(1);
    // The limited message waits in the outbox (retry after 1 s), then it drains.
    expect(value(s, "koers_outbox_depth")).toBeGreaterThanOrEqual(1);
    expect(value(s, "koers_jobs_dead")).toBe(0);
    expect(value(s, "koers_clients_unreachable")).toBe(0);
    await outboxIdle(koers.db, 15_000);
    expect(value((await scrape()).samples, "koers_outbox_depth")).toBe(0);

    // No client data: label values are fixed words, and no name, text or chat id appears at all.
    for (const sample of s) {
      for (const [k, v] of Object.entries(sample.labels)) {
        if (k === "le") expect(v).toMatch(/^(\+Inf|[0-9.]+)$/);
        else expect(v, `${sample.name} ${k}`).toMatch(/^[a-z][a-z0-9_.-]{0,40}$/);
      }
    }
    for (const secret of [CLIENT_NAME, "Yasmina", "Ahmed", "schulden", "leven", ...CHATS.map(String), emulator.token]) {
      expect(after.text, secret).not.toContain(secret);
    }
  });
});
