/**
 * The whole service (startKoers) with a fake Telegram Bot API and a fake Slack Web API on
 * loopback: a client's check-in reminder reaches their chat in their part of the day, and their
 * coach gets a Slack DM that the client has gone silent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nl from "../../locales/nl/client.json" with { type: "json" };
import { startKoers, type Koers } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { DAYPART_WINDOWS, localTime } from "../../src/domain/reminders/schedule.js";
import { silentLogger } from "../../src/log.js";
import { templateDataDir } from "../support/service.js";
import { startFakeSlack, type FakeSlack } from "../slack/fake-slack.js";
import { FAKE_BOT_INFO, FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from "./fake-telegram.js";
import { until } from "./processes.js";
import { fakeClock } from "./support.js";

const DAY = 86_400_000;

describe("reminders and nudges end to end", () => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let koers: Koers | undefined;
  beforeAll(async () => {
    telegram = await startFakeTelegram();
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await koers?.stop();
    await telegram.close();
    await slack.close();
  });

  it("a check-in reminder reaches the client; a silence nudge reaches the coach", { timeout: 60_000 }, async () => {
    // Ahead of the real clock (the outbox's rows are due at the database's now()), on a winter Monday 07:00.
    const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 4, 6, 0));
    const clock = fakeClock(start);
    const config = parseConfig({
      DATA_DIR: templateDataDir(),
      PORT: "0",
      HOST: "127.0.0.1",
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      PUBLIC_URL: "https://koers.example",
      TELEGRAM_WEBHOOK_SECRET: "e2e-webhook-secret-123",
      SLACK_BOT_TOKEN: "xoxb-e2e-test-token",
      SLACK_SIGNING_SECRET: "e2esigningsecret0123456789abcdef",
      SLACK_API_URL: slack.url,
      NUDGE_SILENT_DAYS: "7",
    });
    // The people exist before the service starts, as after a restart.
    const seed = await openDatabase(config.database);
    const team = await seed.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
    const coach = await seed.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: "UAHMED" } });
    const client = await seed.prisma.client.create({
      data: {
        name: "Samira El Amrani",
        callName: "Sam",
        coachId: coach.id,
        telegramChatId: 555_001n,
        status: "ACTIVE",
        remindersWanted: true,
        reminderDaypart: "morning",
        checkinEveryDays: 7,
        lastClientMessageAt: new Date(start.getTime() - 8 * DAY),
      },
    });
    await seed.close();

    koers = await startKoers(config, { logger: silentLogger(), clock: clock.now, botInfo: FAKE_BOT_INFO, dispatcherIdleMs: 50 });
    // Nothing runs at start; the detectors' hourly round comes at :05, the planner's every ten minutes.
    expect(await koers.db.prisma.job.count({ where: { status: "DONE" } })).toBe(0);
    clock.set(new Date(start.getTime() + 65 * 60_000 + 1000));
    koers.dispatcher.poke();

    await until("the silence nudge in Slack", () => slack.posts().length === 1, 20_000);
    const post = slack.posts()[0];
    expect(post?.params.channel).toBe("DUAHMED");
    expect(post?.params.text).toBe("Sam heeft al 8 dagen niets laten horen.");

    const planned = await koers.db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.checkin", clientId: client.id } });
    const local = localTime(planned.dueAt);
    expect(local.minutes).toBeGreaterThanOrEqual(DAYPART_WINDOWS.morning.start);
    expect(local.minutes).toBeLessThan(DAYPART_WINDOWS.morning.end);
    expect(planned.dueAt.getTime() - start.getTime()).toBeGreaterThan(7 * DAY - DAY);

    clock.set(planned.dueAt);
    koers.dispatcher.poke();
    await until("the check-in in Telegram", () => telegram.deliveries.length >= 3, 20_000);
    const [intro, hello] = telegram.deliveries;
    expect(intro).toMatchObject({ chatId: "555001", text: nl.reminders.checkin.intro, buttons: [`r:${planned.id}:l`, `r:${planned.id}:s`] });
    expect(hello?.text).toBe(nl.checkin.hello.replace("{{name}}", "Sam"));
  });
});
