/**
 * The service's HTTP side, through real requests: `/healthz` follows the database, and in webhook
 * mode only requests that carry Telegram's secret header reach the bot.
 */
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startKoers, WEBHOOK_PATH, type Koers } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { commandUpdate } from "../fixtures/updates.js";
import { footprint, memoryLogger, nlText, startWebhookOnEmulator, templateDataDir } from "../support/service.js";
import { startEmulator } from "../support/telegram.js";
import { inviteClient } from "../support/world.js";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dataDir(): string {
  const dir = templateDataDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("/healthz", () => {
  it("is 200 while the database answers and 503 once it does not", async () => {
    const sent: TelegramSendPayload[] = [];
    // No Telegram: the terminal chat's way in (a sender of our own) is enough to start.
    const config = parseConfig({ DATA_DIR: dataDir(), PORT: "0", HOST: "127.0.0.1" });
    const koers = await startKoers(config, {
      logger: memoryLogger().logger,
      sender: { send: async (payload) => void sent.push(payload) },
    });
    cleanups.push(() => koers.stop());
    const url = `http://127.0.0.1:${koers.port}`;

    const up = await fetch(`${url}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true, database: "up" });
    expect((await fetch(`${url}/healthz?probe=k8s`)).status).toBe(200);
    expect((await fetch(`${url}/nothing-here`)).status).toBe(404);

    // The database goes away under a running service. (The dispatcher is stopped first: closing
    // PGlite in the middle of one of its transactions waits for the 30 s transaction timeout.)
    await koers.dispatcher.stop();
    await koers.db.close();
    const down = await fetch(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, database: "down" });
  });
});

describe("the Telegram webhook", () => {
  const SECRET = "webhook-secret-0123456789";

  async function startWebhookService(): Promise<{ koers: Koers; url: string; emulator: Awaited<ReturnType<typeof startEmulator>> }> {
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    const koers = await startWebhookOnEmulator(emulator, dataDir(), { env: { TELEGRAM_WEBHOOK_SECRET: SECRET } });
    cleanups.push(() => koers.stop());
    expect(koers.config.telegram.mode).toBe("webhook");
    return { koers, url: `http://127.0.0.1:${koers.port}${WEBHOOK_PATH}`, emulator };
  }

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("refuses updates without the right secret header, and they change nothing", async () => {
    const { koers, url, emulator } = await startWebhookService();
    const invited = await inviteClient(koers.db);
    const before = await footprint(koers.db);

    // setWebhook reached the emulator: it now posts client messages to our URL, but (unlike
    // Telegram) without the secret header, so we refuse them.
    const raw = emulator.server.getClient(emulator.token, { chatId: 63_001, userId: 63_001 });
    await expect(emulator.server.addUserCommand(raw.makeCommand(`/start ${invited.code}`))).rejects.toThrow(/401/);

    const update = commandUpdate(63_002, `/start ${invited.code}`);
    expect((await post(url, update)).status).toBe(401);
    expect((await post(url, update, { "X-Telegram-Bot-Api-Secret-Token": "not-the-secret-000000" })).status).toBe(401);

    expect(await footprint(koers.db)).toEqual(before);
    expect(await koers.db.prisma.invite.findFirstOrThrow({ where: { clientId: invited.clientId } })).toMatchObject({ usedAt: null });
    expect(await emulator.user({ chatId: 63_001 }).unread()).toEqual([]);
    expect(await emulator.user({ chatId: 63_002 }).unread()).toEqual([]);
  });

  it("handles an update that carries the secret header", async () => {
    const { koers, url, emulator } = await startWebhookService();
    const invited = await inviteClient(koers.db, { coach: "Ahmed" });

    const res = await post(url, commandUpdate(63_003, `/start ${invited.code}`), { "X-Telegram-Bot-Api-Secret-Token": SECRET });
    expect(res.status).toBe(200);

    expect(await koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({
      telegramChatId: 63_003n,
      status: "ONBOARDING",
    });
    const welcome = await emulator.user({ chatId: 63_003 }).botMessages(4);
    expect(welcome.map((m) => m.text)).toEqual([
      nlText("onboarding.welcome"),
      nlText("onboarding.whoAmI", { coach: "Ahmed" }),
      nlText("onboarding.whatWeSave", { coach: "Ahmed" }),
      nlText("onboarding.consent.ask"),
    ]);
  });
});
