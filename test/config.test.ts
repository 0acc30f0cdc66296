import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const CWD = path.resolve("/srv/koers");
const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const SECRET = "s3cret-webhook_token";

/** The problems parseConfig reports for `env`; fails the test when it reports none. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env, CWD);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const { problems, message } = err as ConfigError;
    expect(message).toBe(problems.join("\n"));
    return problems;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig", () => {
  test("defaults: embedded database in ./data, port 3000, Telegram off", () => {
    expect(parseConfig({}, CWD)).toEqual({
      database: { kind: "embedded", dataDir: path.join(CWD, "data") },
      telegram: { mode: "off" },
      slack: { mode: "off" },
      nudges: { silentDays: 7, crisisEscalateMinutes: 30 },
      flood: { messages: 20, seconds: 10 },
      jobLeaseSeconds: 60,
      textRetentionMonths: 12,
      shareRetentionMonths: 12,
      port: 3000,
      host: "0.0.0.0",
      logLevel: "info",
      inviteDays: 14,
      defaultLanguage: "nl",
      aftercareWeeks: [4, 12],
      clarifyAfterOnboarding: true,
    });
  });

  test("AFTERCARE_WEEKS: one or two whole numbers of weeks, ascending", () => {
    expect(parseConfig({ AFTERCARE_WEEKS: "6" }, CWD).aftercareWeeks).toEqual([6]);
    expect(parseConfig({ AFTERCARE_WEEKS: " 2, 8 " }, CWD).aftercareWeeks).toEqual([2, 8]);
    for (const bad of ["12,4", "4,12,20", "vier", "0", "4,4"]) expect(() => parseConfig({ AFTERCARE_WEEKS: bad }, CWD), bad).toThrow(/AFTERCARE_WEEKS/);
  });

  test("empty values count as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "", TELEGRAM_BOT_TOKEN: " ", DATA_DIR: "" }, CWD)).toMatchObject({
      database: { kind: "embedded", dataDir: path.join(CWD, "data") },
      telegram: { mode: "off" },
      port: 3000,
    });
  });

  const KEY = `k1:${Buffer.alloc(32, 7).toString("base64")}`;

  test("DATA_DIR is resolved against the working directory", () => {
    expect(parseConfig({ DATA_DIR: "var/db" }, CWD).database).toEqual({ kind: "embedded", dataDir: path.join(CWD, "var/db") });
  });

  test.each(["postgres://koers:pw@db.example:5432/koers", "postgresql://koers@localhost/koers?sslmode=require"])(
    "DATABASE_URL %s selects PostgreSQL",
    (url) => {
      expect(parseConfig({ DATABASE_URL: url, KOERS_DATA_KEY: KEY }, CWD).database).toEqual({ kind: "postgres", url, dataKey: KEY });
    },
  );

  test("PostgreSQL needs KOERS_DATA_KEY; a key that is no key is refused; the embedded database does without", () => {
    expect(() => parseConfig({ DATABASE_URL: "postgres://koers@localhost/koers" }, CWD)).toThrow(/KOERS_DATA_KEY is required with PostgreSQL/);
    expect(() => parseConfig({ KOERS_DATA_KEY: "k1:dGVzdA==" }, CWD)).toThrow(/32 random bytes/);
    expect(parseConfig({}, CWD).database).toEqual({ kind: "embedded", dataDir: path.join(CWD, "data") });
    expect(parseConfig({ KOERS_DATA_KEY: `${KEY},old:${Buffer.alloc(32, 1).toString("base64")}` }, CWD).database).toMatchObject({ dataKey: expect.stringContaining("old:") });
  });

  test("a bot token alone means polling; with PUBLIC_URL and a secret, a webhook", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PORT: "8080" }, CWD)).toMatchObject({
      port: 8080,
      telegram: { mode: "polling", token: TOKEN, publicUrl: undefined, webhookSecret: undefined },
    });
    expect(
      parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://koers.example/", TELEGRAM_WEBHOOK_SECRET: SECRET }, CWD).telegram,
    ).toMatchObject({ mode: "webhook", publicUrl: "https://koers.example", webhookSecret: SECRET });
  });

  describe("each bad value gives one clear sentence", () => {
    test.each<[string, Record<string, string>, string]>([
      ["PORT not a number", { PORT: "abc" }, 'PORT must be a whole number from 0 to 65535, not "abc".'],
      ["PORT out of range", { PORT: "70000" }, 'PORT must be a whole number from 0 to 65535, not "70000".'],
      [
        "a bot token that is not one",
        { TELEGRAM_BOT_TOKEN: "not-a-token" },
        'TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather ("123456:ABC...").',
      ],
      [
        "PUBLIC_URL without TELEGRAM_WEBHOOK_SECRET",
        { TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://koers.example" },
        "PUBLIC_URL is set, so the bot uses a webhook: also set TELEGRAM_WEBHOOK_SECRET (16+ letters and digits) so only Telegram can post to it.",
      ],
      [
        "a MySQL DATABASE_URL",
        { DATABASE_URL: "mysql://koers@localhost/koers" },
        'DATABASE_URL must start with postgres:// or postgresql://, not "mysql://".',
      ],
      ["a DATABASE_URL that is no URL", { DATABASE_URL: "koers-db" }, 'DATABASE_URL is not a valid URL: "koers-db".'],
    ])("%s", (_, env, sentence) => {
      const problems = problemsOf(env);
      expect(problems).toEqual([sentence]);
      // One sentence: a capital or a variable name first, one full stop at the end, no line breaks.
      expect(problems[0]).toMatch(/^[A-Z][^\n]*\.$/);
    });
  });

  test("several problems are reported together", () => {
    const problems = problemsOf({
      PORT: "-1",
      DATABASE_URL: "mysql://koers@localhost/koers",
      LOG_LEVEL: "loud",
      TELEGRAM_BOT_TOKEN: "nope",
    });
    expect(problems).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://, not "mysql://".',
      'TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather ("123456:ABC...").',
      'PORT must be a whole number from 0 to 65535, not "-1".',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud".',
    ]);
  });

  test("a missing webhook secret is reported together with the other problems", () => {
    const problems = problemsOf({ PORT: "abc", TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://koers.example" });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535, not "abc".',
      "PUBLIC_URL is set, so the bot uses a webhook: also set TELEGRAM_WEBHOOK_SECRET (16+ letters and digits) so only Telegram can post to it.",
    ]);
  });
});

describe("parseConfig: Slack and nudges", () => {
  const SLACK = { SLACK_BOT_TOKEN: "xoxb-1234-5678-abcdefgh", SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5" };

  test("a token and a signing secret connect Slack; SLACK_API_URL always ends in a slash", () => {
    expect(parseConfig({ ...SLACK, SLACK_API_URL: "http://127.0.0.1:9999/api" }, CWD).slack).toEqual({
      mode: "on",
      botToken: SLACK.SLACK_BOT_TOKEN,
      signingSecret: SLACK.SLACK_SIGNING_SECRET,
      apiUrl: "http://127.0.0.1:9999/api/",
    });
    expect(parseConfig(SLACK, CWD).slack).toMatchObject({ mode: "on", apiUrl: undefined });
  });

  test("NUDGE_SILENT_DAYS sets when a silent client is reported", () => {
    expect(parseConfig({ NUDGE_SILENT_DAYS: "10" }, CWD).nudges).toEqual({ silentDays: 10, crisisEscalateMinutes: 30 });
  });

  test("JOB_LEASE_SECONDS sets how long a claimed job stays an instance's", () => {
    expect(parseConfig({ JOB_LEASE_SECONDS: "5" }, CWD).jobLeaseSeconds).toBe(5);
    expect(() => parseConfig({ JOB_LEASE_SECONDS: "0" }, CWD)).toThrow(/JOB_LEASE_SECONDS must be a whole number from 1 to 3600/);
  });

  test("FLOOD_MESSAGES and FLOOD_SECONDS set the flood limit per client", () => {
    expect(parseConfig({ FLOOD_MESSAGES: "30", FLOOD_SECONDS: " 15 " }, CWD).flood).toEqual({ messages: 30, seconds: 15 });
  });

  test.each([
    [{ ...SLACK, SLACK_BOT_TOKEN: "xoxp-user-token-123" }, "SLACK_BOT_TOKEN must be the bot token"],
    [{ ...SLACK, SLACK_SIGNING_SECRET: "short" }, "SLACK_SIGNING_SECRET must be the signing secret"],
    [{ ...SLACK, SLACK_API_URL: "ftp://slack.example/api/" }, "SLACK_API_URL must start with"],
    [{ ...SLACK, SLACK_API_URL: "not a url" }, "SLACK_API_URL is not a valid URL"],
    [{ SLACK_BOT_TOKEN: SLACK.SLACK_BOT_TOKEN }, "Set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: SLACK.SLACK_SIGNING_SECRET }, "Set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"],
    [{ SLACK_API_URL: "https://slack.com/api/" }, "SLACK_API_URL is set, but SLACK_BOT_TOKEN is not"],
    [{ NUDGE_SILENT_DAYS: "0" }, "NUDGE_SILENT_DAYS must be a whole number from 1 to 60"],
    [{ NUDGE_SILENT_DAYS: "een week" }, "NUDGE_SILENT_DAYS must be a whole number from 1 to 60"],
    [{ NUDGE_SILENT_DAYS: "7.5" }, "NUDGE_SILENT_DAYS must be a whole number from 1 to 60"],
    [{ FLOOD_MESSAGES: "1" }, "FLOOD_MESSAGES must be a whole number from 2 to 1000"],
    [{ FLOOD_MESSAGES: "twintig" }, "FLOOD_MESSAGES must be a whole number from 2 to 1000"],
    [{ FLOOD_SECONDS: "0" }, "FLOOD_SECONDS must be a whole number from 1 to 3600"],
  ])("%o is refused with a clear sentence", (env, start) => {
    const problems = problemsOf(env);
    expect(problems.some((p) => p.startsWith(start)), problems.join("\n")).toBe(true);
  });
});
