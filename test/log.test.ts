import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { configSecrets, createLogger, protectSecrets, REDACTED, safeError, scrub, silentLogger } from "../src/log.js";

const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
const SLACK_TOKEN = "xoxb-1234567890-abcdefghij";

/** A logger whose written lines are kept as text. */
function captured(level: "debug" | "info" = "debug", secrets?: string[]) {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, stream, secrets ? { secrets } : {}), raw };
}

describe("scrub", () => {
  it("masks a Telegram bot token, also inside a Bot API URL", () => {
    expect(scrub(`token ${BOT_TOKEN} here`)).toBe(`token ${REDACTED} here`);
    expect(scrub(`https://api.telegram.org/bot${BOT_TOKEN}/sendMessage`)).toBe("https://api.telegram.org/bot[redacted]/sendMessage");
    // A token of another shape in the Bot API path is masked by the path alone.
    expect(scrub("GET /botnot-a-real-shape/getMe")).toBe("GET /bot[redacted]/getMe");
  });

  it("masks Slack bot, user and app tokens", () => {
    expect(scrub(`auth ${SLACK_TOKEN} ok`)).toBe(`auth ${REDACTED} ok`);
    expect(scrub("xoxp-12345678-x xapp-1-A0-123456789")).toBe(`${REDACTED} ${REDACTED}`);
  });

  it("masks the given secret values wherever they are, but not values shorter than 8 characters", () => {
    expect(scrub("pw=hunter2hunter2;again hunter2hunter2", ["hunter2hunter2"])).toBe(`pw=${REDACTED};again ${REDACTED}`);
    expect(scrub("the word short stays", ["short"])).toBe("the word short stays");
  });

  it("leaves ordinary text alone", () => {
    expect(scrub("job 42 sent at 12:30, chat 123456")).toBe("job 42 sent at 12:30, chat 123456");
    expect(scrub("")).toBe("");
  });
});

describe("safeError", () => {
  it("keeps an error's kind, message, stack and codes, not its other fields", () => {
    const err = Object.assign(new Error("Bad Request: chat not found"), { error_code: 400, method: "sendMessage", payload: { text: "client words" }, ctx: { update: 1 } });
    const out = safeError(err) as Record<string, unknown>;
    expect(out).toMatchObject({ type: "Error", message: "Bad Request: chat not found", error_code: 400, method: "sendMessage" });
    expect(typeof out["stack"]).toBe("string");
    expect(out).not.toHaveProperty("payload");
    expect(out).not.toHaveProperty("ctx");
  });

  it("keeps the Slack platform's error code, not the request", () => {
    const err = Object.assign(new Error("An API error occurred: channel_not_found"), { data: { error: "channel_not_found", response_metadata: { messages: ["x"] } } });
    expect(safeError(err)).toMatchObject({ slackError: "channel_not_found" });
    expect(safeError(err)).not.toHaveProperty("data");
  });

  it("follows the cause and a BotError's inner error, three levels deep at most", () => {
    const inner = new Error("inner");
    const bot = Object.assign(new Error("in middleware"), { name: "BotError", error: inner });
    expect((safeError(bot) as { error: { message: string } }).error.message).toBe("inner");
    let err = new Error("level 0");
    for (let i = 1; i <= 5; i++) err = new Error(`level ${i}`, { cause: err });
    const out = safeError(err) as { cause?: unknown };
    const depth = (o: unknown): number => (o && typeof o === "object" && "cause" in o ? 1 + depth((o as { cause: unknown }).cause) : 0);
    expect(depth(out)).toBe(3);
  });

  it("gives a string up to 500 characters, and only the type of any other value", () => {
    expect(safeError("x".repeat(600))).toBe("x".repeat(500));
    expect(safeError({ text: "client words" })).toBe("non-error value (object)");
    expect(safeError(undefined)).toBe("non-error value (undefined)");
  });
});

describe("createLogger", () => {
  it("writes JSON lines with the service name, at the configured level", () => {
    const { logger, raw } = captured("info");
    logger.debug("not written");
    logger.info({ jobId: "j1" }, "sent");
    expect(raw).toHaveLength(1);
    expect(JSON.parse(raw[0] ?? "{}")).toMatchObject({ service: "koers", level: 30, jobId: "j1", msg: "sent" });
  });

  it("censors fields that carry secrets or client text, at the top and one level down", () => {
    const { logger, raw } = captured();
    logger.info({ text: "ik wil stoppen", token: "t0ps3cr3t!", update: { message: { text: "hoi" } }, job: { payload: { text: "x" }, id: 3 } }, "line");
    const line = JSON.parse(raw[0] ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ text: REDACTED, token: REDACTED, update: REDACTED, job: { payload: REDACTED, id: 3 } });
    expect(raw[0]).not.toMatch(/stoppen|t0ps3cr3t|hoi/);
  });

  it("writes an error through safeError and scrubs tokens from every line", () => {
    const { logger, raw } = captured();
    logger.error({ err: Object.assign(new Error(`fetch https://api.telegram.org/bot${BOT_TOKEN}/getMe failed`), { payload: { text: "x" } }) }, `with ${SLACK_TOKEN}`);
    expect(raw[0]).not.toContain(BOT_TOKEN);
    expect(raw[0]).not.toContain(SLACK_TOKEN);
    expect(raw[0]).not.toContain("payload");
    expect(JSON.parse(raw[0] ?? "{}")).toMatchObject({ err: { type: "Error", message: "fetch https://api.telegram.org/bot[redacted]/getMe failed" } });
  });

  it("masks the secrets it was given, those added later, in its children too", () => {
    const { logger, raw } = captured("debug", ["first-secret-value"]);
    protectSecrets(logger, ["second-secret-value", undefined, null, ""]);
    logger.child({ component: "x" }).info("first-secret-value and second-secret-value");
    expect(JSON.parse(raw[0] ?? "{}")).toMatchObject({ component: "x", msg: `${REDACTED} and ${REDACTED}` });
  });

  it("protectSecrets leaves a logger it did not make alone", () => {
    expect(() => protectSecrets(silentLogger(), ["anything-at-all"])).not.toThrow();
    expect(silentLogger().level).toBe("silent");
  });
});

describe("configSecrets", () => {
  const KEY = Buffer.alloc(32, 7).toString("base64");
  const OLD = Buffer.alloc(32, 8).toString("base64");

  it("has nothing to protect in the defaults", () => {
    expect(configSecrets(parseConfig({}, "/srv"))).toEqual([]);
  });

  it("lists the bot token, webhook secret, Slack token and signing secret, every data key and the database password", () => {
    const config = parseConfig(
      {
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        PUBLIC_URL: "https://koers.example",
        TELEGRAM_WEBHOOK_SECRET: "webhook_secret_0123456789",
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_SIGNING_SECRET: "abcdef0123456789abcdef",
        DATABASE_URL: "postgres://koers:p%40ss%2Fword@db.example:5432/koers",
        KOERS_DATA_KEY: `k2:${KEY},k1:${OLD}`,
      },
      "/srv",
    );
    expect(configSecrets(config)).toEqual([BOT_TOKEN, "webhook_secret_0123456789", SLACK_TOKEN, "abcdef0123456789abcdef", KEY, OLD, "p@ss/word"]);
  });
});
