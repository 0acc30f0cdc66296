import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/slack/i18n.js";
import { digestMessage, nudgeMessage } from "../../src/slack/nudge-message.js";
import { nudgeSinkFor } from "../../src/slack/nudge-sink.js";
import { memoryLogger } from "../support/service.js";

const now = new Date("2027-02-01T09:00:00Z");
const note = (cause: string, detail: Record<string, unknown> = {}) => ({
  nudgeId: `n-${cause}`,
  cause,
  clientFirstName: "Sam <b>",
  since: new Date("2027-01-20T08:00:00Z"),
  detail,
});

describe("nudges without Slack", () => {
  it("says once, at start, that nudges go to the log, then logs each with ids and cause, never the client's name", async () => {
    const { logger, lines } = memoryLogger("info");
    const sink = nudgeSinkFor({ mode: "off" }, "nl", logger);
    expect(lines.filter((l) => /Slack is not configured/.test(l.msg))).toHaveLength(1);
    await sink.deliver({ id: "c1", name: "Ahmed", slackUserId: null }, [note("silent")], "single", now);
    await sink.deliver({ id: "c1", name: "Ahmed", slackUserId: null }, [note("crisis")], "single", now);
    const nudges = lines.filter((l) => l.msg.startsWith("coach nudge"));
    expect(nudges.map((l) => [l.msg, l.cause, l.coachId, typeof l.nudgeId])).toEqual([
      ["coach nudge (Slack is not configured): silent", "silent", "c1", "string"],
      ["coach nudge (Slack is not configured): crisis", "crisis", "c1", "string"],
    ]);
    expect(JSON.stringify(lines)).not.toContain("Sam");
  });
});

describe("the Slack message of a nudge", () => {
  const t = createSlackTranslator("nl");

  it("escapes the name, says what and since when, in Dutch and in English", () => {
    const msg = nudgeMessage(t, note("score_drop", { scale: "WELLBEING", from: 7, to: 4 }), now);
    expect(msg.text).toBe("Sam <b> gaf een lager cijfer voor hoe het gaat: van 7 naar 4.");
    expect(JSON.stringify(msg.blocks)).toContain("*Sam &lt;b&gt;*");
    expect(JSON.stringify(msg.blocks)).toContain("Sinds 20 januari");
    expect(nudgeMessage(createSlackTranslator("en"), note("step_overdue"), now).text).toBe("Sam <b> has a step that is overdue.");
    expect(nudgeMessage(t, note("partner_silent"), now).text).toBe("Sam <b> vraagt je aandacht (partner_silent).");
  });

  it("a digest lists at most 15 nudges and counts the rest, within Slack's 50 blocks", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...note("silent"), nudgeId: `n${i}` }));
    const msg = digestMessage(t, many, now);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(msg.blocks.filter((b) => b.type === "actions")).toHaveLength(15);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain("En nog 5 meldingen");
  });
});
