/**
 * The client file in sections (src/domain/client-file-view.ts), pure: built from a file made by
 * hand. Nothing of the client's words when they took back sharing with their coach, however much
 * the file holds; long answers clipped, only the latest shown with a count of the rest; a chart
 * only for two scores or more; unknown flows and causes in plain words. The whole layout of a
 * realistic file is compared in client-file-golden.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { ClientFile, ConversationEntry } from "../../src/domain/client-file.js";
import { clientFileText, clientFileView } from "../../src/domain/client-file-view.js";
import type { FlowAnswer, Nudge } from "../../src/generated/prisma/client.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";

const t = createSlackTranslator("nl");
const NOW = new Date("2027-02-01T09:00:00.000Z");
const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const none = { PROGRESS: [], MOTIVATION: [], CONFIDENCE: [], COPING: [], WELLBEING: [] };

function answer(n: number, over: Partial<FlowAnswer> = {}): FlowAnswer {
  return { id: BigInt(n), flowRunId: "r", clientId: "c", state: `q${n}`, promptKey: null, promptVars: null, text: `antwoord ${n}`, choice: null, choiceLabel: null, at: at(1), ...over };
}

function conversation(over: Partial<ConversationEntry> = {}): ConversationEntry {
  return { runId: "r", flowId: "grow", status: "DONE", startedAt: at(2), endedAt: at(2), scale: null, score: null, answers: [], ...over };
}

function nudge(over: Partial<Nudge>): Nudge {
  return { id: "n", coachId: "m", clientId: "c", cause: "silent", detail: {}, status: "OPEN", snoozedUntil: null, openedAt: at(1), closedAt: null, notifiedAt: null, slackChannel: null, slackTs: null, ...over };
}

function fileOf(over: Partial<ClientFile> = {}): ClientFile {
  return {
    client: {
      id: "c",
      name: "Samira El Amrani",
      callName: "Sam",
      language: "nl",
      status: "ACTIVE",
      coachId: "m",
      lastClientMessageAt: at(1),
      remindersWanted: true,
      reminderDaypart: "evening",
      checkinEveryDays: 14,
      phase: "DOING",
      phaseSince: at(30),
      createdAt: at(60),
    },
    coach: { id: "m", name: "Ahmed", organisation: { name: "Wijkteam Noord" } },
    consent: "GIVEN",
    goal: {
      text: "Werk vinden",
      whenText: "voor de zomer",
      signText: null,
      steps: [
        { what: "Cv maken", status: "DONE", doneAt: at(5), dueAt: at(6), helper: "Kees" },
        { what: "Bellen", status: "OPEN", doneAt: null, dueAt: at(-3), helper: null },
      ],
    },
    scores: { ...none },
    conversations: [],
    parked: [],
    reminders: [],
    referrals: [],
    nudges: [],
    ladder: [],
    trajectory: { phase: "DOING", since: at(30), planned: [], aftercare: null, clarifying: null, evaluation: null, closing: null },
    shared: true,
    ...over,
  } as unknown as ClientFile;
}

const section = (file: ClientFile, title: string) => clientFileView(t, file, NOW).sections.find((s) => s.title === title);

describe("clientFileView", () => {
  it("titles the file with the client's first name and says status, coach and consent under it", () => {
    const view = clientFileView(t, fileOf(), NOW);
    expect(view.title).toBe(t("file.title", { name: "Sam" }));
    expect(view.subtitle).toContain("Samira El Amrani");
    expect(view.subtitle).toContain("Wijkteam Noord");
    expect(view.subtitle).toContain(t("file.consent.GIVEN"));
    expect(view.phase).toBe("DOING");
  });

  it("shows nothing the client told when they took back sharing with their coach, whatever the file holds", () => {
    const file = fileOf({
      shared: false,
      conversations: [conversation({ answers: [answer(1, { text: "mijn geheim" })] })],
      scores: { ...none, WELLBEING: [{ score: 2, at: at(1), note: "slecht" }] },
    });
    const view = clientFileView(t, file, NOW);
    expect(view.sections).toEqual([{ title: t("file.notShared"), lines: [] }]);
    const text = clientFileText(view);
    for (const secret of ["Werk vinden", "Cv maken", "mijn geheim", "slecht"]) expect(text).not.toContain(secret);
    expect(view).not.toHaveProperty("phase");
  });

  it("lists the goal's steps with their state; a due day only for a step not done, a helper when there is one", () => {
    const lines = section(fileOf(), t("file.goal.title"))?.lines ?? [];
    expect(lines[0]).toBe("*Werk vinden*");
    expect(lines[1]).toBe(t("file.goal.when", { when: "voor de zomer" }));
    expect(lines[2]).toContain(t("file.step.DONE"));
    expect(lines[2]).toContain(t("file.step.helper", { helper: "Kees" }));
    expect(lines[2]).not.toContain(t("file.step.due", { date: at(6).toISOString() }));
    expect(lines[3]).toContain(t("file.step.due", { date: at(-3).toISOString() }));
    expect(section(fileOf({ goal: null }), t("file.goal.title"))?.lines).toEqual([t("file.goal.none")]);
  });

  it("shows the last eight scores of a scale and counts the rest; a chart only from two scores on", () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ score: i, at: at(20 - i), note: null }));
    const view = clientFileView(t, fileOf({ scores: { ...none, MOTIVATION: points, COPING: [{ score: 6, at: at(1), note: null }] } }), NOW);
    const motivation = view.sections.find((s) => s.title === t("file.scores.title", { scale: t("nudge.scale.MOTIVATION") }));
    expect(motivation?.chart).toBe("MOTIVATION");
    expect(motivation?.lines[0]?.split(" → ").map((x) => x.split(" ")[0])).toEqual(["2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(motivation?.lines[1]).toBe(t("file.scores.earlier", { count: 2 }));
    const coping = view.sections.find((s) => s.title === t("file.scores.title", { scale: t("nudge.scale.COPING") }));
    expect(coping).not.toHaveProperty("chart");
    expect(view.sections.some((s) => s.title === t("file.scores.none"))).toBe(false);
    expect(clientFileView(t, fileOf(), NOW).sections.some((s) => s.title === t("file.scores.none"))).toBe(true);
  });

  it("a conversation shows its last twelve answers, typed ones quoted, clipped and on one line", () => {
    const long = `een  lang\nverhaal ${"x".repeat(300)}`;
    const answers = [...Array.from({ length: 13 }, (_, i) => answer(i + 1)), answer(14, { text: long })];
    const lines = section(fileOf({ conversations: [conversation({ answers })] }), t("file.conversations.title"))?.lines ?? [];
    expect(lines[0]).toContain(t("file.flow.grow"));
    expect(lines[1]).toBe(`   ${t("file.conversation.earlier", { count: 2 })}`);
    expect(lines).toHaveLength(1 + 1 + 12);
    const last = lines.at(-1) ?? "";
    expect(last).toMatch(/→ “een lang verhaal x+…”$/);
    expect(last.slice(last.indexOf("“") + 1, last.lastIndexOf("”"))).toHaveLength(200);
  });

  it("a conversation without answers says so; an unknown flow and an unknown cause read as 'other'", () => {
    const file = fileOf({
      conversations: [conversation({ flowId: "something-new", status: "PARKED" })],
      nudges: [nudge({ cause: "made_up" }), nudge({ cause: "crisis", status: "SNOOZED" })],
    });
    const talk = section(file, t("file.conversations.title"))?.lines ?? [];
    expect(talk[0]).toContain(t("file.flow.other"));
    expect(talk[0]).toContain(t("file.conversation.parked"));
    expect(talk[1]).toBe(`   ${t("file.conversation.noAnswers")}`);
    const nudges = section(file, t("file.nudges.title"))?.lines ?? [];
    expect(nudges[0]).toContain(t("file.nudgeCause.other"));
    expect(nudges[1]).toContain(t("file.nudgeCause.crisis"));
    expect(nudges[1]).toContain(t("file.nudges.snoozed"));
    expect(nudges[0]).not.toContain(t("file.nudges.snoozed"));
  });

  it("reminders say whether the client wants them, and how often", () => {
    const on = section(fileOf(), t("file.reminders.title"))?.lines[0];
    expect(on).toBe(t("file.reminders.on", { daypart: t("file.daypart.evening"), every: 14 }));
    const unknown = fileOf();
    (unknown.client as { remindersWanted: boolean | null }).remindersWanted = null;
    expect(section(unknown, t("file.reminders.title"))?.lines[0]).toBe(t("file.reminders.unknown"));
  });
});

describe("clientFileText", () => {
  it("is the title, the subtitle and each section under '==', without Slack's bold marks, ending in one newline", () => {
    const text = clientFileText({ title: "T", subtitle: "S", sections: [{ title: "Doel", lines: ["*Werk*", "• stap"] }, { title: "Leeg", lines: [] }] });
    expect(text).toBe("T\nS\n\n== Doel\nWerk\n• stap\n\n== Leeg\n");
  });
});
