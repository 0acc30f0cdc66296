/**
 * The whole service in a test: a data folder copied from the migrated template that
 * test/setup/global.ts built, `startKoers` against the Telegram emulator, a logger that keeps its
 * lines, and the Dutch texts the client should see (read from the locale file itself, not through
 * the service's translator, so a wiring mistake there shows up).
 */
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { afterAll, beforeAll, inject } from "vitest";
import nl from "../../locales/nl/client.json" with { type: "json" };
import { startKoers, type Koers, type KoersOptions } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { formatDate, type DateFormat } from "../../src/i18n-format.js";
import { onFreePort } from "../../src/http/ports.js";
import { startFakeSlack, type FakeSlack } from "../slack/fake-slack.js";
import { memoryLogger, type LogLine } from "./log.js";
import { startEmulator, type Emulator } from "./telegram.js";
import { waitFor } from "./telegram.js";

/** A new embedded data folder with every migration applied (a copy of the template; not opened). */
export function templateDataDir(): string {
  const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "service-"));
  fs.cpSync(inject("embeddedTemplateDir"), dir, { recursive: true });
  return dir;
}

export { memoryLogger, type LogLine } from "./log.js";

/** Starts the real service against the emulator: long polling unless `env` sets PUBLIC_URL. */
export async function startOnEmulator(
  emulator: Emulator,
  dataDir: string,
  opts: { env?: Record<string, string>; logger?: Logger } & Partial<KoersOptions> = {},
): Promise<Koers> {
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiURL,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    // The data key vitest.config.ts sets: required with PostgreSQL (src/db/sealed.ts).
    ...(process.env.KOERS_DATA_KEY ? { KOERS_DATA_KEY: process.env.KOERS_DATA_KEY } : {}),
    // The tests written before the clarifying talk expect the menu after onboarding; a test of it sets "1".
    CLARIFY_AFTER_ONBOARDING: "0",
    ...opts.env,
  });
  const { env: _env, ...rest } = opts;
  return startKoers(config, { logger: opts.logger ?? memoryLogger().logger, dispatcherIdleMs: 100, ...rest });
}

/**
 * Starts the service with a Telegram webhook on a free port of 127.0.0.1. PUBLIC_URL names the
 * port, so it is chosen before the service binds it; when another process takes it first, the
 * start (which then closes its database) is tried again on another port.
 */
export function startWebhookOnEmulator(
  emulator: Emulator,
  dataDir: string,
  opts: { env?: Record<string, string>; logger?: Logger } & Partial<KoersOptions> = {},
): Promise<Koers> {
  return onFreePort((port) =>
    startOnEmulator(emulator, dataDir, { ...opts, env: { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...opts.env } }),
  );
}

/** Resolves when no message is waiting in the outbox (everything queued has been sent or given up). */
export async function outboxIdle(db: Database, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    "an empty outbox",
    async () => (await db.prisma.job.count({ where: { kind: "telegram.send", status: { in: ["PENDING", "RUNNING"] } } })) === 0,
    timeoutMs,
  );
}

type Tree = { [key: string]: string | Tree };

/**
 * The Dutch text of a locale key with `{{vars}}` filled in, straight from locales/nl/client.json.
 * A `{{at, day}}` placeholder needs the instant (a Date or an ISO string), never a formatted date.
 */
export function nlText(key: string, vars: Record<string, string | number | Date> = {}): string {
  const parts = key.split(".");
  const last = parts.pop() ?? "";
  let node: string | Tree = nl as Tree;
  for (const part of parts) {
    if (typeof node === "string" || !(part in node)) throw new Error(`No Dutch text for "${key}"`);
    node = node[part] as string | Tree;
  }
  if (typeof node === "string") throw new Error(`No Dutch text for "${key}"`);
  // Dutch plurals: `<key>_one` for a count of 1, `<key>_other` for the rest.
  const plural = typeof vars.count === "number" ? `${last}_${vars.count === 1 ? "one" : "other"}` : undefined;
  const text = plural !== undefined && plural in node ? node[plural] : node[last];
  if (typeof text !== "string") throw new Error(typeof text === "undefined" ? `No Dutch text for "${key}"` : `"${key}" is not a text`);
  return text.replace(/\{\{(\w+)(?:, (\w+))?\}\}/g, (_m, name: string, format?: string) => {
    if (!(name in vars)) throw new Error(`"${key}" needs {{${name}}}`);
    const value = vars[name];
    if (!format) return String(value);
    const at = value instanceof Date ? value : new Date(String(value));
    if (typeof value === "number" || Number.isNaN(at.getTime()) || (typeof value === "string" && at.toISOString() !== value)) {
      throw new Error(`"${key}" needs an instant for {{${name}, ${format}}}, not ${JSON.stringify(value)}`);
    }
    return formatDate(at, format as DateFormat, "nl");
  });
}

/**
 * A database error on one update only, with the database up (as a broken row or a constraint
 * would give): recording update `updateId` as processed raises "injected fault for update <id>".
 * Once per database.
 */
export async function failUpdateInDatabase(db: Database, updateId: number): Promise<void> {
  await db.sql.exec(`
    CREATE FUNCTION koers_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected fault for update %', NEW."updateId"; END $$;
    CREATE TRIGGER koers_test_fault BEFORE INSERT ON "ProcessedUpdate"
    FOR EACH ROW WHEN (NEW."updateId" = ${updateId}) EXECUTE FUNCTION koers_test_fault();
  `);
}

/** Row counts of the tables an unknown chat must never write to. */
export async function footprint(db: Database): Promise<Record<string, number>> {
  const p = db.prisma;
  return {
    client: await p.client.count(),
    linked: await p.client.count({ where: { telegramChatId: { not: null } } }),
    // Not the service's own recurring chain (a planner slot can pass during a test and queue the
    // next one; its key is "<kind>@<slot>"): that is no change an update made.
    job: Number((await p.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Job" WHERE "idempotencyKey" IS NULL OR "idempotencyKey" NOT LIKE kind || '@%'`)[0]?.n ?? 0),
    processedUpdate: await p.processedUpdate.count(),
    flowRun: await p.flowRun.count(),
    consent: await p.consentRecord.count(),
    usedInvites: await p.invite.count({ where: { usedAt: { not: null } } }),
  };
}

/** The service, its emulator and its log lines, for the tests of one file. */
export interface FileService {
  emulator: Emulator;
  koers: Koers;
  logLines: LogLine[];
}

/** A file's service with Slack: its Web API at a local fake, a bot token and a signing secret set. */
export interface FileServiceWithSlack extends FileService {
  slack: FakeSlack;
}

/**
 * One service on its own emulator and data folder (a copy of the migrated template) for all tests
 * of a file: started before them, stopped and removed after. Fields are filled in `beforeAll`.
 */
export function serviceForFile(clock: () => Date): FileService {
  return fileService(clock, false);
}

/** As `serviceForFile`, with Slack's Web API at a fake that is closed after the file's tests. */
export function serviceWithSlackForFile(clock: () => Date): FileServiceWithSlack {
  return fileService(clock, true) as FileServiceWithSlack;
}

function fileService(clock: () => Date, withSlack: boolean): FileService & Partial<FileServiceWithSlack> {
  const svc = {} as FileService & Partial<FileServiceWithSlack>;
  let dataDir = "";
  beforeAll(async () => {
    svc.emulator = await startEmulator();
    const slack = withSlack ? (svc.slack = await startFakeSlack()) : undefined;
    dataDir = templateDataDir();
    const { logger, lines } = memoryLogger("warn");
    svc.logLines = lines;
    const env: Record<string, string> = slack ? { SLACK_BOT_TOKEN: "xoxb-test-file-service", SLACK_SIGNING_SECRET: "3f1c9a7e5b2d4c6a8e0f1b3d5c7a9e2f", SLACK_API_URL: slack.url } : {};
    svc.koers = await startOnEmulator(svc.emulator, dataDir, { logger, clock, env });
  });
  afterAll(async () => {
    await svc.koers?.stop();
    await svc.emulator?.stop();
    await svc.slack?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return svc;
}
