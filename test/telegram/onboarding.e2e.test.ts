/**
 * Onboarding end to end: the real service (`startKoers`: long polling, embedded database,
 * outbox dispatcher) against the Telegram emulator. A client opens an invite link and goes through
 * the whole kennismaking with buttons and typed answers; strangers with bad links get a calm
 * Dutch explanation and leave no trace in the database.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Koers } from "../../src/app.js";
import { footprint, memoryLogger, nlText, outboxIdle, startOnEmulator, templateDataDir, type LogLine } from "../support/service.js";
import { startEmulator, type Emulator } from "../support/telegram.js";
import { expectOnboardedSam, inviteClient } from "../support/world.js";

let emulator: Emulator;
let koers: Koers;
let dataDir: string;
let logLines: LogLine[];

beforeAll(async () => {
  emulator = await startEmulator();
  dataDir = templateDataDir();
  const { logger, lines } = memoryLogger("warn");
  logLines = lines;
  koers = await startOnEmulator(emulator, dataDir, { logger });
});

afterAll(async () => {
  await koers?.stop();
  await emulator?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const labels = (m: { buttons: { text: string }[][] } | undefined) => m?.buttons.map((row) => row.map((b) => b.text));

describe("the bot on the Telegram emulator", () => {
  it("starts although the Bot API answers setMyCommands with HTTP 500, and answers", async () => {
    // The emulator really refuses the command menu...
    const refused = await fetch(`${emulator.apiURL}/bot${emulator.token}/setMyCommands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ commands: [{ command: "start", description: "x" }] }),
    });
    expect(refused.status).toBe(500);
    // ...the service tried, logged it as a warning, and still started.
    expect(logLines.some((l) => l.msg.startsWith("could not set the command menu"))).toBe(true);
    expect(logLines.filter((l) => l.level >= 50)).toEqual([]);

    const stranger = emulator.user({ chatId: 7001 });
    await stranger.command("/start");
    expect((await stranger.botMessages(1)).map((m) => m.text)).toEqual([nlText("start.noCode")]);
  });

  it("runs onboarding from the invite link to the positive ending and saves what was agreed", async () => {
    const db = koers.db;
    const invited = await inviteClient(db, { coach: "Sanne", client: "Samira" });
    const samira = emulator.user({ chatId: 7101, firstName: "Samira" });

    await samira.command(`/start ${invited.code}`);
    const intro = await samira.botMessages(4);
    expect(intro.map((m) => m.text)).toEqual([
      nlText("onboarding.welcome"),
      nlText("onboarding.whoAmI", { coach: "Sanne" }),
      nlText("onboarding.whatWeSave", { coach: "Sanne" }),
      nlText("onboarding.consent.ask"),
    ]);
    expect(intro.slice(0, 3).map((m) => m.buttons)).toEqual([[], [], []]);
    expect(labels(intro[3])).toEqual([
      [nlText("onboarding.consent.yes")],
      [nlText("onboarding.consent.later")],
      [nlText("onboarding.consent.no")],
    ]);
    // Linked at once, before any answer.
    expect(await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({
      telegramChatId: 7101n,
      status: "ONBOARDING",
    });

    await samira.press(intro[3]!, nlText("onboarding.consent.yes"));
    const [nameQuestion] = await samira.botMessages(1);
    expect(nameQuestion?.text).toBe(nlText("onboarding.name.ask"));
    expect(labels(nameQuestion)).toEqual([[nlText("onboarding.name.keep", { name: "Samira" })]]);

    await samira.say("Sam");
    const [reminders] = await samira.botMessages(1);
    expect(reminders?.text).toBe(nlText("onboarding.reminders.ask", { name: "Sam" }));
    expect(labels(reminders)).toEqual([
      [nlText("onboarding.reminders.yes")],
      [nlText("onboarding.reminders.no")],
      [nlText("onboarding.reminders.later")],
    ]);

    await samira.press(reminders!, nlText("onboarding.reminders.yes"));
    const [when] = await samira.botMessages(1);
    expect(when?.text).toBe(nlText("onboarding.reminders.when"));

    await samira.press(when!, nlText("onboarding.reminders.evening"));
    const [rhythm] = await samira.botMessages(1);
    expect(rhythm?.text).toBe(nlText("onboarding.reminders.rhythm"));
    expect(labels(rhythm)).toEqual([[nlText("onboarding.reminders.weekly")], [nlText("onboarding.reminders.biweekly")]]);

    await samira.press(rhythm!, nlText("onboarding.reminders.biweekly"));
    const ending = await samira.botMessages(2);
    expect(ending.map((m) => m.text)).toEqual([
      nlText("onboarding.reminders.yesOk"),
      nlText("onboarding.done", { name: "Sam", coach: "Sanne" }),
    ]);
    await outboxIdle(db);
    expect(await samira.unread()).toEqual([]);

    await expectOnboardedSam(db, invited.clientId, 7101n);
    const invite = await db.prisma.invite.findFirstOrThrow({ where: { clientId: invited.clientId } });
    expect(invite.usedAt).toBeInstanceOf(Date);
    const runs = await db.prisma.flowRun.findMany({ where: { clientId: invited.clientId } });
    expect(runs.map((r) => [r.flowId, r.status])).toEqual([["onboarding", "DONE"]]);
    // Every message went through the outbox and was delivered once.
    const jobs = await db.prisma.job.findMany({ where: { clientId: invited.clientId } });
    expect(jobs.map((j) => j.status)).toEqual(jobs.map(() => "DONE"));
    expect(await db.prisma.processedUpdate.count()).toBeGreaterThanOrEqual(6);
  });

  it("explains a missing, unknown, used or expired link in Dutch and stores nothing", async () => {
    const db = koers.db;
    const day = 24 * 3600 * 1000;
    const expired = await inviteClient(db, { now: new Date(Date.now() - 30 * day), days: 14 });
    const used = await inviteClient(db);
    const first = emulator.user({ chatId: 7201 });
    await first.command(`/start ${used.code}`);
    await first.botMessages(4);
    await outboxIdle(db);

    const before = await footprint(db);
    const stranger = emulator.user({ chatId: 7202 });
    const cases: [send: () => Promise<void>, key: string][] = [
      [() => stranger.command("/start"), "start.noCode"],
      [() => stranger.say("Hallo, ik ben het"), "start.noCode"],
      [() => stranger.command("/start AAAAAAAAAAAAAAAAAAAAAA"), "start.unknownCode"],
      [() => stranger.command("/start <script>alert(1)</script>"), "start.unknownCode"],
      [() => stranger.command(`/start ${used.code}`), "start.usedCode"],
      [() => stranger.command(`/start ${expired.code}`), "start.expiredCode"],
    ];
    for (const [send, key] of cases) {
      await send();
      expect((await stranger.botMessages(1)).map((m) => m.text)).toEqual([nlText(key)]);
    }
    expect(await stranger.unread()).toEqual([]);
    expect(await footprint(db)).toEqual(before);
    expect(await db.prisma.client.findUnique({ where: { telegramChatId: 7202n } })).toBeNull();
    expect(await db.prisma.client.findUniqueOrThrow({ where: { id: expired.clientId } })).toMatchObject({
      status: "INVITED",
      telegramChatId: null,
    });
  });
});
