/**
 * The one Web API client and direct messages through it (src/slack/web.ts); the messages go to a
 * fake client that records them (test/slack/web-api-log.test.ts checks the client over HTTP).
 */
import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { SendError } from "../../src/jobs/errors.js";
import { silentLogger } from "../../src/log.js";
import { createWebClient, openDm, postDm, WEB_API_TIMEOUT_MS } from "../../src/slack/web.js";

function fakeWeb(open: unknown, answer: Record<string, unknown> = { ok: true, ts: "1.2" }) {
  const calls: [string, unknown][] = [];
  const web = {
    conversations: { open: (args: unknown) => (calls.push(["open", args]), Promise.resolve(open)) },
    chat: { postMessage: (args: unknown) => (calls.push(["post", args]), Promise.resolve(answer)) },
  } as unknown as webApi.WebClient;
  return { web, calls };
}

describe("createWebClient", () => {
  it("talks to the configured API address with the token, and to Slack's own by default", () => {
    const local = createWebClient({ token: "xoxb-test", apiUrl: "http://127.0.0.1:9/api/", logger: silentLogger() });
    expect(local.slackApiUrl).toBe("http://127.0.0.1:9/api/");
    expect(local.token).toBe("xoxb-test");
    expect(createWebClient({ token: "xoxb-test", logger: silentLogger() }).slackApiUrl).toBe("https://slack.com/api/");
  });

  it("gives up on a call after ten seconds", () => {
    expect(WEB_API_TIMEOUT_MS).toBe(10_000);
  });
});

describe("openDm", () => {
  it("opens the conversation with that one user and gives its channel", async () => {
    const { web, calls } = fakeWeb({ ok: true, channel: { id: "D123" } });
    expect(await openDm(web, "UAHMED")).toBe("D123");
    expect(calls).toEqual([["open", { users: "UAHMED" }]]);
  });

  it("a conversation Slack did not open is a SendError naming the user", async () => {
    for (const answer of [{ ok: true }, { ok: true, channel: {} }, { ok: true, channel: { id: "" } }]) {
      const err = await openDm(fakeWeb(answer).web, "UAHMED").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SendError);
      expect((err as SendError).message).toBe("Slack opened no conversation with UAHMED");
    }
  });
});

describe("postDm", () => {
  it("posts the text in the direct message, and says where it went", async () => {
    const { web, calls } = fakeWeb({ ok: true, channel: { id: "D123" } });
    expect(await postDm(web, "UAHMED", { text: "Hallo" })).toEqual({ channel: "D123", ts: "1.2" });
    expect(calls).toEqual([
      ["open", { users: "UAHMED" }],
      ["post", { channel: "D123", text: "Hallo" }],
    ]);
  });

  it("sends blocks only when there are some", async () => {
    const { web, calls } = fakeWeb({ ok: true, channel: { id: "D1" } });
    const blocks = [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "x" } }];
    await postDm(web, "U1", { text: "a", blocks });
    await postDm(web, "U1", { text: "b", blocks: undefined });
    expect(calls.filter(([c]) => c === "post").map(([, a]) => a)).toEqual([{ channel: "D1", text: "a", blocks }, { channel: "D1", text: "b" }]);
  });

  it("a message without a time stamp in the answer is posted without one", async () => {
    expect(await postDm(fakeWeb({ ok: true, channel: { id: "D1" } }, { ok: true }).web, "U1", { text: "a" })).toEqual({ channel: "D1", ts: null });
  });

  it("posts nothing when the conversation cannot be opened", async () => {
    const { web, calls } = fakeWeb({ ok: true });
    await expect(postDm(web, "U1", { text: "a" })).rejects.toBeInstanceOf(SendError);
    expect(calls.map(([c]) => c)).toEqual(["open"]);
  });
});
