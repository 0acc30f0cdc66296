/**
 * At LOG_LEVEL=debug the Slack Web API client logs each call's whole body and answer as JSON
 * ("http request body: {...}"): a nudge with the client's chosen name, a referral card's summary.
 * Those lines reach our log only as that they happened, for every WebClient Koers makes.
 */
import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createSlackNudgeSink } from "../../src/slack/nudge-sink.js";
import { createWebClient } from "../../src/slack/web.js";
import { memoryLogger } from "../support/log.js";
import { startFakeSlack } from "./fake-slack.js";

const NAME = "Jolanda Tuinstra";
const SUMMARY = "Ze durft haar post niet meer open te maken sinds de beslaglegging";

describe("the Slack Web API's debug lines", () => {
  it("say that a request was made, never what it carried", async () => {
    const fake = await startFakeSlack();
    try {
      const { logger, lines } = memoryLogger("debug");
      const sink = createSlackNudgeSink({ web: createWebClient({ token: "xoxb-test", apiUrl: fake.url, logger }), t: createSlackTranslator("nl") });
      await sink.deliver({ id: "c1", name: "Ahmed", slackUserId: "UAHMED" }, [{ nudgeId: "n-1", cause: "silent", clientId: "c-1", clientFirstName: NAME, since: new Date("2027-01-20T08:00:00Z"), detail: {} }], "single", new Date("2027-02-01T09:00:00Z"));
      await createWebClient({ token: "xoxb-test", apiUrl: fake.url, logger }).chat.postMessage({ channel: "CREFER", text: SUMMARY });

      // What was sent did carry the words (so this test can fail).
      const sent = JSON.stringify(fake.posts().map((p) => p.params));
      expect(sent).toContain(NAME);
      expect(sent).toContain(SUMMARY);
      const all = JSON.stringify(lines);
      expect(lines.filter((l) => l.msg.startsWith("http request body")).length).toBeGreaterThanOrEqual(2);
      expect(lines.some((l) => l.msg === "http request body: [not logged]")).toBe(true);
      expect(lines.some((l) => l.msg === "http request result: [not logged]")).toBe(true);
      for (const words of [NAME, "Jolanda", SUMMARY, "beslaglegging"]) expect(all).not.toContain(words);
    } finally {
      await fake.close();
    }
  });
});
