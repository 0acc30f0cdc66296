/**
 * The way in for Telegram updates (src/telegram/updates.ts), through the running service:
 * - the webhook, by real HTTP: malformed updates and kinds the bot does not handle answer 200 and
 *   change nothing; a body that is not an update answers 400;
 * - long polling against a Bot API that keeps updates until confirmed (test/support/fault-telegram.ts):
 *   malformed updates are skipped and the loop goes on; an update that keeps failing with the
 *   database up is tried 3 times, the client gets a calm answer and the loop goes on; a 409 from
 *   getUpdates makes /healthz answer 503 with the reason; a database outage (PostgreSQL refusing
 *   connections) does not move the offset, and the update is handled once when it is back.
 */
import fs from "node:fs";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from "vitest";
import { WEBHOOK_PATH, type Koers } from "../../src/app.js";
import { CONFLICT_REASON } from "../../src/telegram/updates.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { freshPostgresDb, pgAvailable } from "../support/db.js";
import { startFaultApi, type FaultApi } from "../support/fault-telegram.js";
import { failUpdateInDatabase, footprint, memoryLogger, nlText, startOnEmulator, startWebhookOnEmulator, templateDataDir } from "../support/service.js";
import { startEmulator, waitFor, type Emulator } from "../support/telegram.js";
import { inviteClient } from "../support/world.js";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function runCleanups() {
  for (const c of cleanups.splice(0).reverse()) await c();
}

function dataDir(): string {
  const dir = templateDataDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The value of one counter sample in Prometheus text, 0 when absent. */
async function sample(koers: Koers, name: string, labels = ""): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${koers.port}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line ? Number(line.split(" ").pop()) : 0;
}

/** What a stray update must not change: the rows an unknown chat must never write, messages queued. */
async function state(koers: Koers) {
  // Recurring jobs may be rescheduled by the dispatcher meanwhile; only messages to clients count.
  return { ...(await footprint(koers.db)), job: await koers.db.prisma.job.count({ where: { kind: "telegram.send" } }) };
}

const welcome = (coach: string) => [
  nlText("onboarding.welcome"),
  nlText("onboarding.whoAmI", { coach }),
  nlText("onboarding.whatWeSave", { coach }),
  nlText("onboarding.consent.ask"),
];

/** A private message whose fields are replaced (or removed with undefined) at the top of `message`. */
function messageWith(chatId: number, fields: Record<string, unknown>): Record<string, unknown> {
  const u = textUpdate(chatId, "Hoi") as unknown as { update_id: number; message: Record<string, unknown> };
  const message = { ...u.message, ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete message[k];
  return { update_id: u.update_id, message };
}

/** Updates Telegram never sends: each must be ignored without a trace. */
function malformedUpdates(chatId: number): [string, unknown][] {
  const ok = textUpdate(chatId, "Hoi") as unknown as { update_id: number; message: Record<string, unknown> };
  const press = callbackUpdate(chatId, "k:1:yes") as unknown as { update_id: number; callback_query: Record<string, unknown> };
  return [
    ["a message without from", messageWith(chatId, { from: undefined })],
    ["text that is a number", messageWith(chatId, { text: 12345 })],
    ["text that is an object", messageWith(chatId, { text: { evil: true } })],
    ["a chat without id", messageWith(chatId, { chat: { type: "private" } })],
    ["a chat id beyond 2^53", messageWith(chatId, { chat: { id: 1e20, type: "private" } })],
    ["a sender id that is a string", messageWith(chatId, { from: { id: String(chatId), is_bot: false, first_name: "X" } })],
    ["a message id that is a fraction", messageWith(chatId, { message_id: 1.5 })],
    ["a text longer than Telegram allows", messageWith(chatId, { text: "ja ".repeat(10_000) })],
    ["an entity with a negative offset", messageWith(chatId, { text: "/start", entities: [{ type: "bot_command", offset: -1, length: 6 }] })],
    ["an update id beyond 2^53", { update_id: 2 ** 60, message: ok.message }],
    ["a negative update id", { update_id: -5, message: ok.message }],
    ["a kind the bot does not handle (poll)", { update_id: ok.update_id + 100_000, poll: { id: "p", question: "?", options: [] } }],
    ["no kind at all", { update_id: ok.update_id + 100_001 }],
    ["two kinds at once", { update_id: ok.update_id + 100_002, message: ok.message, callback_query: press.callback_query }],
    ["a callback query without from", { update_id: press.update_id, callback_query: { ...press.callback_query, from: undefined } }],
    ["callback data of 300 characters", { update_id: press.update_id + 1, callback_query: { ...press.callback_query, data: "k".repeat(300) } }],
  ];
}

describe("the webhook", () => {
  const SECRET = "webhook-secret-updates-0123456789";
  let emulator: Emulator;
  let koers: Koers;
  let url: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    koers = await startWebhookOnEmulator(emulator, dataDir(), { env: { TELEGRAM_WEBHOOK_SECRET: SECRET } });
    url = `http://127.0.0.1:${koers.port}${WEBHOOK_PATH}`;
  });
  afterAll(async () => {
    await koers?.stop();
    await emulator?.stop();
    await runCleanups();
  });

  const post = (body: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET }, body });

  it("answers 200 to malformed updates and kinds it does not handle, and they change nothing", async () => {
    const chat = 64_001;
    const invited = await inviteClient(koers.db);
    const before = await state(koers);
    const ignoredBefore = await sample(koers, "koers_telegram_updates_total", 'outcome="ignored"');
    // A client on the way in: their /start, broken in every way, must not link them.
    const cases = malformedUpdates(chat);
    const start = commandUpdate(chat, `/start ${invited.code}`) as unknown as { update_id: number; message: Record<string, unknown> };
    cases.push(["a /start whose chat id is a string", { update_id: start.update_id, message: { ...start.message, chat: { id: String(chat), type: "private" } } }]);
    for (const [what, update] of cases) {
      const res = await post(JSON.stringify(update));
      expect(res.status, what).toBe(200);
    }
    expect(await state(koers)).toEqual(before);
    expect(await koers.db.prisma.invite.findFirstOrThrow({ where: { clientId: invited.clientId } })).toMatchObject({ usedAt: null });
    expect(await sample(koers, "koers_telegram_updates_total", 'outcome="ignored"')).toBe(ignoredBefore + cases.length);
    expect(await emulator.user({ chatId: chat }).unread()).toEqual([]);

    // The same /start, well formed, links the client: the edge let nothing else through.
    expect((await post(JSON.stringify(commandUpdate(chat, `/start ${invited.code}`)))).status).toBe(200);
    expect((await emulator.user({ chatId: chat }).botMessages(4)).map((m) => m.text)).toEqual(welcome("Ahmed"));
  });

  it("answers 400 to a body that is not an update, and it changes nothing", async () => {
    const before = await state(koers);
    const refusedBefore = await sample(koers, "koers_telegram_updates_total", 'outcome="refused"');
    const bodies = ["[]", '"hallo"', "null", "42", "{}", '{"update_id":"7","message":{}}', '{"message":{"text":"hoi"}}', "{not json"];
    for (const body of bodies) expect((await post(body)).status, body).toBe(400);
    expect(await state(koers)).toEqual(before);
    // Seven reached the update check; the last did not even parse.
    expect(await sample(koers, "koers_telegram_updates_total", 'outcome="refused"')).toBe(refusedBefore + 7);
  });
});

describe("long polling", () => {
  let emulator: Emulator;
  let api: FaultApi;
  afterEach(runCleanups);

  async function startPollingService(env: Record<string, string> = {}): Promise<Koers> {
    emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    api = await startFaultApi(emulator.apiURL);
    cleanups.push(() => api.stop());
    const koers = await startOnEmulator(emulator, dataDir(), {
      env: { TELEGRAM_API_ROOT: api.url, ...env },
      logger: memoryLogger("warn").logger,
    });
    cleanups.push(() => koers.stop());
    expect(koers.config.telegram.mode).toBe("polling");
    return koers;
  }

  it("skips malformed updates, confirms them, and goes on with the next", async () => {
    const koers = await startPollingService();
    const chat = 64_101;
    const invited = await inviteClient(koers.db, { coach: "Fatima" });
    const before = await state(koers);
    const cases = malformedUpdates(chat).filter(([, u]) => {
      const id = (u as { update_id: number }).update_id;
      return Number.isSafeInteger(id) && id >= 0;
    });
    api.push(...cases.map(([, u]) => u));
    const last = Math.max(...cases.map(([, u]) => (u as { update_id: number }).update_id));
    await waitFor("the malformed updates to be confirmed", () => api.offsets.some((o) => o > last));
    expect(await state(koers)).toEqual(before);
    expect(await emulator.user({ chatId: chat }).unread()).toEqual([]);

    const start = commandUpdate(chat, `/start ${invited.code}`);
    api.push(start);
    expect((await emulator.user({ chatId: chat }).botMessages(4)).map((m) => m.text)).toEqual(welcome("Fatima"));
    await waitFor("the /start to be confirmed", () => api.offsets.some((o) => o > start.update_id));
  });

  it("tries an update that keeps failing 3 times, answers the client calmly, and goes on with the next", async () => {
    const koers = await startPollingService();
    const poisoned = await inviteClient(koers.db, { coach: "Ahmed" });
    const next = await inviteClient(koers.db, { coach: "Noor" });
    const poison = commandUpdate(64_201, `/start ${poisoned.code}`);
    const after = commandUpdate(64_202, `/start ${next.code}`);
    // A database error on this one update only, with the database up: a broken row, a constraint.
    await failUpdateInDatabase(koers.db, poison.update_id);
    api.push(poison, after);

    expect((await emulator.user({ chatId: 64_201 }).botMessages(1)).map((m) => m.text)).toEqual([nlText("common.error")]);
    expect((await emulator.user({ chatId: 64_202 }).botMessages(4)).map((m) => m.text)).toEqual(welcome("Noor"));
    await waitFor("both to be confirmed", () => api.offsets.some((o) => o > after.update_id));
    expect(await sample(koers, "koers_telegram_updates_total", 'outcome="failed"')).toBe(2);
    expect(await sample(koers, "koers_telegram_updates_total", 'outcome="given_up"')).toBe(1);
    expect(await sample(koers, "koers_telegram_updates_total", 'outcome="handled"')).toBe(1);
    // The poisoned one left nothing half done; it was handed out once and retried in the loop.
    expect(await koers.db.prisma.client.findUniqueOrThrow({ where: { id: poisoned.clientId } })).toMatchObject({ telegramChatId: null });
    expect(api.deliveries.get(poison.update_id)).toBe(1);
    expect(await emulator.user({ chatId: 64_201 }).unread()).toEqual([]);
  });

  it("makes /healthz answer 503 with the reason while getUpdates answers 409, and 200 again after", async () => {
    const koers = await startPollingService();
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${koers.port}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await health()).status).toBe(200);
    api.getUpdatesFault = { status: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" };
    const conflict = await waitFor("a 503", async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    });
    expect(conflict.body).toEqual({ ok: false, status: "conflict", reason: CONFLICT_REASON, database: "up" });
    // It keeps trying (another instance may stop), and says so once it works again.
    const calls = api.offsets.length;
    await waitFor("getUpdates tried again", () => api.offsets.length > calls, 5000);
    api.getUpdatesFault = null;
    await waitFor("a 200", async () => (await health()).status === 200, 5000);
    expect((await health()).body).toEqual({ ok: true, database: "up" });

    // And it polls: an update pushed now is handled.
    const invited = await inviteClient(koers.db, { coach: "Ahmed" });
    api.push(commandUpdate(64_301, `/start ${invited.code}`));
    expect(await emulator.user({ chatId: 64_301 }).botMessages(4)).toHaveLength(4);
  });

  it("waits as long as a 429 from getUpdates says before it asks again", async () => {
    await startPollingService();
    api.getUpdatesFault = { status: 429, description: "Too Many Requests: retry after 2", retryAfter: 2 };
    const limited = () => api.calls.filter((c) => c.method === "getUpdates" && c.status === 429);
    await waitFor("two limited calls", () => limited().length >= 2, 10_000);
    api.getUpdatesFault = null;
    const [a, b] = limited();
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(1900);
  });

  it("makes /healthz answer 503 while Telegram refuses the token (401)", async () => {
    const koers = await startPollingService();
    api.getUpdatesFault = { status: 401, description: "Unauthorized" };
    const res = await waitFor("a 503", async () => {
      const r = await fetch(`http://127.0.0.1:${koers.port}/healthz`);
      return r.status === 503 ? r : undefined;
    });
    expect(await res.json()).toMatchObject({ ok: false, status: "unauthorized", database: "up" });
  });

  describe.skipIf(!pgAvailable())("on PostgreSQL", () => {
    /** Runs SQL on the server's maintenance database, as its owner. */
    async function asAdmin(sql: string): Promise<void> {
      const client = new pg.Client({ connectionString: inject("pgBaseUrl") });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    }

    /** A database of its own for an outage test; it takes connections again before it is removed. */
    async function outageDb() {
      const t = await freshPostgresDb();
      cleanups.push(async () => {
        await asAdmin(`ALTER DATABASE "${t.name}" ALLOW_CONNECTIONS true`);
        await t.cleanup();
      });
      return t;
    }

    /** The outage: the database refuses new connections and drops the open ones. */
    async function cutOff(name: string): Promise<void> {
      await asAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    }

    /**
     * A polling service on a database of its own, with Ahmed's client invited and her /start
     * update made (`chatId`); once the first poll is confirmed, the outage begins.
     */
    async function pollingInOutage(chatId: number) {
      const t = await outageDb();
      const koers = await startPollingService({ DATABASE_URL: t.url });
      const invited = await inviteClient(koers.db, { coach: "Ahmed" });
      const start = commandUpdate(chatId, `/start ${invited.code}`);
      // Confirm everything so far, so the offsets in the test are about this update only.
      await waitFor("a first poll", () => api.offsets.length > 0);
      await cutOff(t.name);
      return { t, koers, start };
    }

    /** Nothing more comes to the chat: its update was handled once. */
    async function expectNothingMore(chatId: number): Promise<void> {
      await new Promise((r) => setTimeout(r, 300));
      expect(await emulator.user({ chatId }).unread()).toEqual([]);
    }

    it("does not confirm an update during a database outage, and handles it once when the database is back", async () => {
      const { t, koers, start } = await pollingInOutage(64_401);
      expect(await koers.db.ping()).toBe(false);
      api.push(start);
      await waitFor("3 tries during the outage", async () => (await sample(koers, "koers_telegram_updates_total", 'outcome="retried"')) >= 3, 15_000);
      expect(api.offsets.filter((o) => o > start.update_id)).toEqual([]);
      expect(await emulator.user({ chatId: 64_401 }).unread()).toEqual([]);
      // Not counted as failures of the update: the client is not told off for our outage.
      expect(await sample(koers, "koers_telegram_updates_total", 'outcome="given_up"')).toBe(0);

      await asAdmin(`ALTER DATABASE "${t.name}" ALLOW_CONNECTIONS true`);
      expect((await emulator.user({ chatId: 64_401 }).botMessages(4, 20_000)).map((m) => m.text)).toEqual(welcome("Ahmed"));
      await waitFor("the update to be confirmed", () => api.offsets.some((o) => o > start.update_id));
      expect(await sample(koers, "koers_telegram_updates_total", 'outcome="handled"')).toBe(1);
      expect(await koers.db.prisma.processedUpdate.count({ where: { updateId: BigInt(start.update_id) } })).toBe(1);
      expect(api.deliveries.get(start.update_id)).toBe(1);
      await expectNothingMore(64_401);
    });

    it("leaves an update unconfirmed when stopped during an outage, so the next start handles it once", async () => {
      const { t, koers: first, start } = await pollingInOutage(64_501);
      api.push(start);
      await waitFor("a try during the outage", async () => (await sample(first, "koers_telegram_updates_total", 'outcome="retried"')) >= 1, 15_000);
      await first.stop();
      // Stopping confirmed nothing past the update in hand.
      expect(api.offsets.filter((o) => o > start.update_id)).toEqual([]);
      expect(await emulator.user({ chatId: 64_501 }).unread()).toEqual([]);

      await asAdmin(`ALTER DATABASE "${t.name}" ALLOW_CONNECTIONS true`);
      const second = await startOnEmulator(emulator, dataDir(), {
        env: { TELEGRAM_API_ROOT: api.url, DATABASE_URL: t.url },
        logger: memoryLogger("warn").logger,
      });
      cleanups.push(() => second.stop());
      expect((await emulator.user({ chatId: 64_501 }).botMessages(4, 20_000)).map((m) => m.text)).toEqual(welcome("Ahmed"));
      await waitFor("the update to be confirmed", () => api.offsets.some((o) => o > start.update_id));
      expect(api.deliveries.get(start.update_id)).toBe(2);
      expect(await second.db.prisma.processedUpdate.count({ where: { updateId: BigInt(start.update_id) } })).toBe(1);
      await expectNothingMore(64_501);
    });

    it("answers the webhook 500 during an outage, and handles Telegram's retry once when the database is back", async () => {
      const t = await outageDb();
      emulator = await startEmulator();
      cleanups.push(() => emulator.stop());
      const SECRET = "webhook-secret-outage-0123456789";
      const koers = await startWebhookOnEmulator(emulator, dataDir(), {
        env: { TELEGRAM_WEBHOOK_SECRET: SECRET, DATABASE_URL: t.url },
        logger: memoryLogger("warn").logger,
      });
      cleanups.push(() => koers.stop());
      const invited = await inviteClient(koers.db, { coach: "Noor" });
      const start = commandUpdate(64_601, `/start ${invited.code}`);
      const post = () =>
        fetch(`http://127.0.0.1:${koers.port}${WEBHOOK_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
          body: JSON.stringify(start),
        });
      await cutOff(t.name);
      // Telegram retries a webhook that failed; an outage is never counted against the update.
      for (let i = 0; i < 4; i++) expect((await post()).status).toBe(500);
      expect(await emulator.user({ chatId: 64_601 }).unread()).toEqual([]);
      await asAdmin(`ALTER DATABASE "${t.name}" ALLOW_CONNECTIONS true`);
      expect((await post()).status).toBe(200);
      expect((await emulator.user({ chatId: 64_601 }).botMessages(4, 20_000)).map((m) => m.text)).toEqual(welcome("Noor"));
      // A late retry of the same update is a duplicate: nothing more is sent.
      expect((await post()).status).toBe(200);
      await expectNothingMore(64_601);
    });
  });
});
