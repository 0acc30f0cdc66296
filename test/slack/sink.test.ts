import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { digestMessage, nudgeMessage } from "../../src/slack/nudge-message.js";
import { nudgeSinkFor } from "../../src/slack/nudge-sink.js";
import { memoryLogger } from "../support/log.js";

const now = new Date("2027-02-01T09:00:00Z");
const note = (cause: string, detail: Record<string, unknown> = {}) => ({
  nudgeId: `n-${cause}`,
  cause,
  clientId: "c-sam",
  clientFirstName: "Sam <b>",
  since: new Date("2027-01-20T08:00:00Z"),
  detail,
});

describe("nudges without Slack", () => {
  it("says once, at start, that nudges go to the log, then logs each with ids and cause, never the client's name", async () => {
    const { logger, lines } = memoryLogger("info");
    const sink = nudgeSinkFor(null, "nl", logger);
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
    expect(msg.text).toBe("Sam &lt;b&gt; gaf een lager cijfer voor hoe het gaat: van 7 naar 4.");
    expect(JSON.stringify(msg.blocks)).toContain("*Sam &lt;b&gt;*");
    expect(JSON.stringify(msg.blocks)).toContain("Sinds 20 januari");
    expect(nudgeMessage(createSlackTranslator("en"), note("step_overdue"), now).text).toBe("Sam &lt;b&gt; has a step that is overdue.");
    expect(nudgeMessage(t, note("partner_silent"), now).text).toBe("Sam &lt;b&gt; vraagt je aandacht (partner_silent).");
  });

  it("a digest lists at most 15 nudges and counts the rest, within Slack's 50 blocks", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...note("silent"), nudgeId: `n${i}` }));
    const msg = digestMessage(t, many, now);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(msg.blocks.filter((b) => b.type === "actions")).toHaveLength(15);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain("En nog 5 meldingen");
  });

  const client = (id: string, name: string, cause = "silent") => ({ ...note(cause), nudgeId: `n-${id}-${cause}`, clientId: id, clientFirstName: name });
  const en = createSlackTranslator("en");

  it("a digest counts clients in words that fit the number, in Dutch and in English", () => {
    const one = [client("c1", "Sam")];
    expect(digestMessage(t, one, now).text).toBe("Je overzicht van vandaag: 1 cliënt vraagt aandacht.");
    expect(digestMessage(en, one, now).text).toBe("Your overview for today: 1 client needs attention.");
    const two = [client("c1", "Sam"), client("c2", "Joost")];
    expect(digestMessage(t, two, now).text).toBe("Je overzicht van vandaag: 2 cliënten vragen aandacht.");
    expect(digestMessage(en, two, now).text).toBe("Your overview for today: 2 clients need attention.");
    // Two nudges about one client: still one client.
    const sam = [client("c1", "Sam", "silent"), client("c1", "Sam", "missed_checkin")];
    expect(digestMessage(t, sam, now).text).toBe("Je overzicht van vandaag: 1 cliënt vraagt aandacht.");
    expect(digestMessage(t, [], now).text).toBe("Je overzicht van vandaag: 0 cliënten vragen aandacht.");
  });

  it("a digest with one nudge too many says so in the singular", () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => client(`c${i}`, `Cliënt${i}`));
    expect(digestMessage(t, sixteen, now).text).toBe("Je overzicht van vandaag: 16 cliënten vragen aandacht.");
    expect(JSON.stringify(digestMessage(t, sixteen, now).blocks.at(-1))).toContain("En nog 1 melding. Die staat in Koers.");
    expect(JSON.stringify(digestMessage(en, sixteen, now).blocks.at(-1))).toContain("And 1 more. You can find it in Koers.");
    expect(JSON.stringify(digestMessage(en, [...sixteen, client("c99", "Zoë")], now).blocks.at(-1))).toContain("And 2 more. You can find them in Koers.");
  });

  it("a silence of one day and of several days, and since when, in Dutch and in English", () => {
    const silent = (since: string) => ({ ...note("silent"), since: new Date(since) });
    expect(nudgeMessage(t, silent("2027-01-31T08:00:00Z"), now).text).toBe("Sam &lt;b&gt; heeft al een dag niets laten horen.");
    expect(nudgeMessage(en, silent("2027-01-31T08:00:00Z"), now).text).toBe("Sam &lt;b&gt; has not been in touch for a day.");
    expect(nudgeMessage(t, silent("2027-01-20T08:00:00Z"), now).text).toBe("Sam &lt;b&gt; heeft al 12 dagen niets laten horen.");
    expect(nudgeMessage(en, silent("2027-01-20T08:00:00Z"), now).text).toBe("Sam &lt;b&gt; has not been in touch for 12 days.");
    // 08:00 UTC is 09:00 in Amsterdam in winter, 10:00 in summer.
    expect(JSON.stringify(nudgeMessage(t, silent("2027-01-20T08:00:00Z"), now).blocks)).toContain("Sinds 20 januari om 09:00.");
    expect(JSON.stringify(nudgeMessage(en, silent("2027-01-20T08:00:00Z"), now).blocks)).toContain("Since 20 January at 09:00.");
    const july = new Date("2027-07-10T09:00:00Z");
    expect(JSON.stringify(nudgeMessage(t, silent("2027-07-01T08:00:00Z"), july).blocks)).toContain("Sinds 1 juli om 10:00.");
  });
});
