import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { DIGEST_MAX, type NudgeNote } from "../../src/jobs/nudge-jobs.js";
import { NUDGE_ACTIONS } from "../../src/slack/ids.js";
import { describeCause, digestMessage, logLine, nudgeButtons, nudgeMessage } from "../../src/slack/nudge-message.js";

const t = createSlackTranslator("nl");
const NOW = new Date("2026-05-10T12:00:00Z");
const DAY = 86_400_000;

const note = (over: Partial<NudgeNote> = {}): NudgeNote => ({
  nudgeId: "n-1",
  cause: "silent",
  clientId: "c-1",
  clientFirstName: "Samira",
  since: new Date(NOW.getTime() - 7 * DAY),
  detail: {},
  ...over,
});

describe("describeCause", () => {
  it("counts the whole days a client has been silent, at least one", () => {
    expect(describeCause(t, note(), NOW)).toBe("heeft al 7 dagen niets laten horen.");
    expect(describeCause(t, note({ since: new Date(NOW.getTime() - 7 * DAY - 23 * 3_600_000) }), NOW)).toBe("heeft al 7 dagen niets laten horen.");
    expect(describeCause(t, note({ since: new Date(NOW.getTime() - 3_600_000) }), NOW)).toBe("heeft al een dag niets laten horen.");
  });

  it("names the scale of a score, and says low when there is no earlier score", () => {
    expect(describeCause(t, note({ cause: "score_drop", detail: { scale: "MOTIVATION", from: 7, to: 3 } }), NOW)).toBe("gaf een lager cijfer voor motivatie: van 7 naar 3.");
    expect(describeCause(t, note({ cause: "score_drop", detail: { scale: "WELLBEING", to: 2 } }), NOW)).toBe("gaf een laag cijfer voor hoe het gaat: 2.");
  });

  it("gives the fixed text of the causes without details", () => {
    for (const cause of ["missed_checkin", "step_overdue", "crisis", "consent_withdrawn", "open_promise", "evaluation_due", "closing_due"]) {
      expect(describeCause(t, note({ cause }), NOW)).toBe(t(`nudge.cause.${cause}`));
    }
  });

  it("names a known flow that was parked, and any other as other", () => {
    expect(describeCause(t, note({ cause: "parked_often", detail: { flow: "grow", count: 4 } }), NOW)).toBe(t("nudge.cause.parked_often", { flow: t("file.flow.grow"), times: "4" }));
    expect(describeCause(t, note({ cause: "parked_often", detail: { flow: "__proto__" } }), NOW)).toBe(t("nudge.cause.parked_often", { flow: t("file.flow.other"), times: "3" }));
  });

  it("escapes the words of a step the client did", () => {
    expect(describeCause(t, note({ cause: "step_done", detail: { what: "bel <!channel>" } }), NOW)).toBe("heeft een stap gedaan: 'bel &lt;!channel&gt;'. Een compliment waard!");
    expect(describeCause(t, note({ cause: "step_done", detail: { what: 5 } }), NOW)).toBe("heeft een stap gedaan: ''. Een compliment waard!");
  });

  it("names the next step after closing, and an unknown one as other", () => {
    expect(describeCause(t, note({ cause: "closing_handover", detail: { next: "course" } }), NOW)).toBe(t("nudge.cause.closing_handover", { next: t("nudge.next.course") }));
    expect(describeCause(t, note({ cause: "closing_handover", detail: { next: "<x>" } }), NOW)).toBe(t("nudge.cause.closing_handover", { next: t("nudge.next.other") }));
  });

  it("gives the weeks of aftercare, and the score of a relapse only when there is one", () => {
    expect(describeCause(t, note({ cause: "aftercare_due", detail: { weeks: 4 } }), NOW)).toBe("krijgt vandaag de nazorg-check-in, 4 weken na de afsluiting.");
    expect(describeCause(t, note({ cause: "aftercare_relapse", detail: { weeks: 8, score: 2 } }), NOW)).toBe(
      "zegt in de nazorg-check-in (8 weken na de afsluiting) dat het niet goed gaat (cijfer 2). Neem contact op.",
    );
    expect(describeCause(t, note({ cause: "aftercare_relapse", detail: { weeks: 8, score: "2" } }), NOW)).toBe(
      "zegt in de nazorg-check-in (8 weken na de afsluiting) dat het niet goed gaat. Neem contact op.",
    );
  });

  it("tells whether the client or the coach (through the CLI) asked to be forgotten", () => {
    expect(describeCause(t, note({ cause: "forgotten" }), NOW)).toBe(t("nudge.cause.forgotten"));
    expect(describeCause(t, note({ cause: "forgotten", detail: { via: "cli" } }), NOW)).toBe(t("nudge.cause.forgottenByCoach"));
  });

  it("names a cause it does not know", () => {
    expect(describeCause(t, note({ cause: "something_new" }), NOW)).toBe("vraagt je aandacht (something_new).");
  });
});

describe("nudgeButtons", () => {
  it("gives three buttons, each with the nudge id, the first one primary", () => {
    expect(nudgeButtons(t, "n-9")).toEqual({
      type: "actions",
      block_id: "nudge:n-9",
      elements: [
        { type: "button", action_id: NUDGE_ACTIONS.contact, value: "n-9", text: { type: "plain_text", text: t("nudge.button.contact") }, style: "primary" },
        { type: "button", action_id: NUDGE_ACTIONS.snooze, value: "n-9", text: { type: "plain_text", text: t("nudge.button.snooze") } },
        { type: "button", action_id: NUDGE_ACTIONS.done, value: "n-9", text: { type: "plain_text", text: t("nudge.button.done") } },
      ],
    });
  });
});

describe("nudgeMessage", () => {
  it("names the client (escaped) and the cause, since when, with the buttons", () => {
    const m = nudgeMessage(t, note({ clientFirstName: "<@U1>" }), NOW);
    expect(m.text).toBe("&lt;@U1&gt; heeft al 7 dagen niets laten horen.");
    expect(m.blocks).toHaveLength(2);
    const text = (m.blocks[0] as { text: { text: string } }).text.text;
    expect(text.split("\n")[0]).toBe("*&lt;@U1&gt;* heeft al 7 dagen niets laten horen.");
    expect(text.split("\n")[1]).toBe(t("nudge.since", { since: note().since.toISOString() }));
    expect(m.blocks[1]).toEqual(nudgeButtons(t, "n-1"));
  });
});

describe("digestMessage", () => {
  it("counts clients, not nudges, and lists each nudge after a divider", () => {
    const notes = [note(), note({ nudgeId: "n-2", cause: "crisis" }), note({ nudgeId: "n-3", clientId: "c-2", clientFirstName: "Jan" })];
    const m = digestMessage(t, notes, NOW);
    expect(m.text).toBe("Je overzicht van vandaag: 2 cliënten vragen aandacht.");
    expect(m.blocks.map((b) => b.type)).toEqual(["section", "divider", "section", "actions", "divider", "section", "actions", "divider", "section", "actions"]);
    expect(m.blocks.filter((b) => b.type === "actions").map((b) => b.block_id)).toEqual(["nudge:n-1", "nudge:n-2", "nudge:n-3"]);
  });

  it(`shows at most ${DIGEST_MAX} nudges within Slack's 50 blocks, and counts the rest`, () => {
    const notes = Array.from({ length: DIGEST_MAX + 4 }, (_, i) => note({ nudgeId: `n-${i}`, clientId: `c-${i}` }));
    const m = digestMessage(t, notes, NOW);
    expect(m.blocks.filter((b) => b.type === "actions")).toHaveLength(DIGEST_MAX);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(m.blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "En nog 4 meldingen. Die staan in Koers." }] });
  });

  it("has no count of the rest when all are shown", () => {
    expect(digestMessage(t, [note()], NOW).blocks.some((b) => b.type === "context")).toBe(false);
  });
});

describe("logLine", () => {
  it("names the coach, the client and the cause on one line", () => {
    expect(logLine(t, { id: "m", name: "Ahmed", slackUserId: null }, note(), NOW)).toBe("Ahmed: Samira heeft al 7 dagen niets laten horen.");
  });
});
