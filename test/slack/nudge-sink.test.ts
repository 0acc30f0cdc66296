/**
 * Where coach nudges go (src/slack/nudge-sink.ts): a Slack direct message through a fake Web API
 * client, or a log line without Slack; and how Slack's errors become retry decisions.
 */
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from "@slack/web-api";
import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { SendError } from "../../src/jobs/errors.js";
import type { NudgeNote } from "../../src/jobs/nudge-jobs.js";
import { digestMessage, nudgeMessage } from "../../src/slack/nudge-message.js";
import { createLoggingNudgeSink, createSlackNudgeSink, nudgeSinkFor, toSendError } from "../../src/slack/nudge-sink.js";

const t = createSlackTranslator("nl");
const NOW = new Date("2027-03-10T09:00:00.000Z");
const note = (over: Partial<NudgeNote> = {}): NudgeNote => ({ nudgeId: "n-1", cause: "silent", clientId: "c-1", clientFirstName: "Samira", since: new Date("2027-03-03T09:00:00.000Z"), detail: {}, ...over });
const coach = { id: "m-1", name: "Ahmed", slackUserId: "UAHMED" };

function fakeWeb(fail?: { open?: Error; post?: Error }) {
  const opened: string[] = [];
  const posted: { channel: string; text: string; blocks: unknown }[] = [];
  const web = {
    conversations: { open: ({ users }: { users: string }) => (fail?.open ? Promise.reject(fail.open) : (opened.push(users), Promise.resolve({ ok: true, channel: { id: `D-${users}` } }))) },
    chat: { postMessage: (m: (typeof posted)[number]) => (fail?.post ? Promise.reject(fail.post) : (posted.push(m), Promise.resolve({ ok: true, ts: "1700000000.0001" }))) },
  } as unknown as webApi.WebClient;
  return { web, opened, posted };
}

function recordingLogger() {
  const lines: { level: string; obj: unknown; msg: string }[] = [];
  const at = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj: typeof obj === "string" ? undefined : obj, msg: typeof obj === "string" ? obj : (msg ?? "") });
  return { logger: { info: at("info"), warn: at("warn"), error: at("error") } as unknown as Logger, lines };
}

describe("toSendError", () => {
  it("a rate limit waits as long as Slack says, without counting an attempt", () => {
    const err = toSendError(new WebAPIRateLimitedError(30));
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).opts).toEqual({ retryAfterSeconds: 30 });
  });

  it.each(["invalid_auth", "not_authed", "token_revoked", "missing_scope", "user_not_found", "cannot_dm_bot", "channel_not_found", "is_archived", "invalid_blocks", "msg_too_long", "invalid_arguments"])(
    "Slack's %s cannot be fixed by trying again: permanent",
    (code) => {
      const err = toSendError(new WebAPIPlatformError({ ok: false, error: code })) as SendError;
      expect(err.opts).toEqual({ permanent: true });
      expect(err.message).toContain(`Slack said ${code}`);
    },
  );

  it("a wrong token says to check SLACK_BOT_TOKEN; other codes do not", () => {
    expect((toSendError(new WebAPIPlatformError({ ok: false, error: "invalid_auth" })) as SendError).message).toBe("Slack said invalid_auth (check SLACK_BOT_TOKEN)");
    expect((toSendError(new WebAPIPlatformError({ ok: false, error: "not_authed" })) as SendError).message).toBe("Slack said not_authed (check SLACK_BOT_TOKEN)");
    expect((toSendError(new WebAPIPlatformError({ ok: false, error: "user_not_found" })) as SendError).message).toBe("Slack said user_not_found");
  });

  it("another platform error, and an unreachable Slack, may be tried again", () => {
    const other = toSendError(new WebAPIPlatformError({ ok: false, error: "internal_error" })) as SendError;
    expect(other.opts).toEqual({ permanent: false });
    const unreachable = toSendError(new WebAPIRequestError(new Error("ECONNREFUSED"))) as SendError;
    expect(unreachable).toBeInstanceOf(SendError);
    expect(unreachable.message).toBe("Slack could not be reached: ECONNREFUSED");
    expect(unreachable.opts).toEqual({});
  });

  it("any other error is passed on as it is", () => {
    const http = new WebAPIHTTPError(502, "Bad Gateway", {});
    expect(toSendError(http)).toBe(http);
    const plain = new Error("bug");
    expect(toSendError(plain)).toBe(plain);
    expect(toSendError("x")).toBe("x");
  });
});

describe("the Slack nudge sink", () => {
  it("sends a single nudge as the coach's direct message, saying where it went", async () => {
    const w = fakeWeb();
    const delivered = await createSlackNudgeSink({ web: w.web, t }).deliver(coach, [note()], "single", NOW);
    expect(delivered).toEqual({ channel: "D-UAHMED", ts: "1700000000.0001" });
    const expected = nudgeMessage(t, note(), NOW);
    expect(w.posted).toEqual([{ channel: "D-UAHMED", text: expected.text, blocks: expected.blocks }]);
  });

  it("sends a digest as one message of all the notes", async () => {
    const w = fakeWeb();
    const notes = [note(), note({ nudgeId: "n-2", clientId: "c-2", clientFirstName: "Jan" })];
    await createSlackNudgeSink({ web: w.web, t }).deliver(coach, notes, "digest", NOW);
    expect(w.posted.map((p) => p.text)).toEqual([digestMessage(t, notes, NOW).text]);
  });

  it("opens the direct message with a coach once, and remembers it", async () => {
    const w = fakeWeb();
    const sink = createSlackNudgeSink({ web: w.web, t });
    await sink.deliver(coach, [note()], "single", NOW);
    await sink.deliver(coach, [note({ nudgeId: "n-2" })], "single", NOW);
    await sink.deliver({ ...coach, id: "m-2", slackUserId: "UFLEUR" }, [note()], "single", NOW);
    expect(w.opened).toEqual(["UAHMED", "UFLEUR"]);
    expect(w.posted.map((p) => p.channel)).toEqual(["D-UAHMED", "D-UAHMED", "D-UFLEUR"]);
  });

  it("a coach without Slack cannot be reached: a permanent error, and nothing is sent", async () => {
    const w = fakeWeb();
    const err = await createSlackNudgeSink({ web: w.web, t }).deliver({ ...coach, slackUserId: null }, [note()], "single", NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).opts).toEqual({ permanent: true });
    expect(w.opened).toEqual([]);
  });

  it("a single nudge without a note is a bug, not a message", async () => {
    const w = fakeWeb();
    await expect(createSlackNudgeSink({ web: w.web, t }).deliver(coach, [], "single", NOW)).rejects.toThrow("a single nudge needs one note");
    expect(w.posted).toEqual([]);
  });

  it("Slack's errors when opening or posting become retry decisions", async () => {
    const limited = fakeWeb({ post: new WebAPIRateLimitedError(12) });
    const e1 = await createSlackNudgeSink({ web: limited.web, t }).deliver(coach, [note()], "single", NOW).catch((e: unknown) => e);
    expect((e1 as SendError).opts).toEqual({ retryAfterSeconds: 12 });
    const gone = fakeWeb({ open: new WebAPIPlatformError({ ok: false, error: "user_not_found" }) });
    const e2 = await createSlackNudgeSink({ web: gone.web, t }).deliver(coach, [note()], "single", NOW).catch((e: unknown) => e);
    expect((e2 as SendError).opts).toEqual({ permanent: true });
  });

  it("a failed open is not remembered: the next nudge opens again", async () => {
    let fail = true;
    const opened: string[] = [];
    const web = {
      conversations: { open: ({ users }: { users: string }) => (fail ? Promise.reject(new WebAPIRequestError(new Error("reset"))) : (opened.push(users), Promise.resolve({ ok: true, channel: { id: "D1" } }))) },
      chat: { postMessage: () => Promise.resolve({ ok: true, ts: "1.1" }) },
    } as unknown as webApi.WebClient;
    const sink = createSlackNudgeSink({ web, t });
    await expect(sink.deliver(coach, [note()], "single", NOW)).rejects.toBeInstanceOf(SendError);
    fail = false;
    expect(await sink.deliver(coach, [note()], "single", NOW)).toEqual({ channel: "D1", ts: "1.1" });
    expect(opened).toEqual(["UAHMED"]);
  });
});

describe("without Slack", () => {
  it("the logging sink writes one line per note with ids and cause, never the client's name", async () => {
    const { logger, lines } = recordingLogger();
    const delivered = await createLoggingNudgeSink(logger).deliver(coach, [note(), note({ nudgeId: "n-2", cause: "score_drop" })], "digest", NOW);
    expect(delivered).toEqual({ channel: null, ts: null });
    expect(lines.map((l) => [l.level, l.obj, l.msg])).toEqual([
      ["info", { nudgeId: "n-1", cause: "silent", coachId: "m-1", kind: "digest" }, "coach nudge (Slack is not configured): silent"],
      ["info", { nudgeId: "n-2", cause: "score_drop", coachId: "m-1", kind: "digest" }, "coach nudge (Slack is not configured): score_drop"],
    ]);
    expect(JSON.stringify(lines)).not.toContain("Samira");
  });

  it("nudgeSinkFor says once that Slack is not configured and logs nudges; with a client it sends through Slack", async () => {
    const { logger, lines } = recordingLogger();
    const logging = nudgeSinkFor(null, "nl", logger);
    expect(lines.map((l) => l.level)).toEqual(["warn"]);
    expect(await logging.deliver(coach, [note()], "single", NOW)).toEqual({ channel: null, ts: null });
    const w = fakeWeb();
    const quiet = recordingLogger();
    const slack = nudgeSinkFor(w.web, "en", quiet.logger);
    expect(quiet.lines).toEqual([]);
    await slack.deliver(coach, [note()], "single", NOW);
    expect(w.posted[0]?.text).toBe(nudgeMessage(createSlackTranslator("en"), note(), NOW).text);
  });
});
