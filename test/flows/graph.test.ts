import { describe, expect, it } from "vitest";
import { checkinMachine } from "../../flows/checkin.js";
import { growMachine } from "../../flows/grow.js";
import { menuMachine } from "../../flows/menu.js";
import { miracleMachine } from "../../flows/miracle.js";
import { onboardingMachine } from "../../flows/onboarding.js";
import { scalingMachine } from "../../flows/scaling.js";
import type { ClientEvent, FlowInput } from "../../flows/types.js";
import { NOW, chose, inputFor, said } from "./drive.js";
import { exploreFlow, probeEvents } from "./graph.js";

const events = probeEvents(NOW);

/** GROW up to the summary with each way of saying the step line (day kind × helper), and its other branches. */
function growPrefixes(): ClientEvent[][] {
  const start = ["Ik wil voor de zomer werk, vier dagen per week", "Ik heb al gebeld", "bellen"].map((t) => said(t));
  const steps = ["Het uitzendbureau bellen", "Het uitzendbureau bellen met mijn zus", "Het uitzendbureau zelf bellen"].map((t) => said(t));
  const summaries = [chose("tomorrow"), chose("thisWeek"), chose("notSure"), said("vrijdag")].flatMap((when) =>
    steps.map((step) => [...start, step, when, chose("10"), said("niks")]),
  );
  return [
    [],
    ...summaries,
    [...start, said("Het uitzendbureau bellen"), chose("tomorrow"), chose("3")],
    [said("mn schulden, werk vinden, en mn huis is een puinhoop")],
    [said("Ik wil werk vinden"), said("het lukt gewoon echt niet goed")],
    [said("Ik wil werk vinden"), said("Ik heb al gebeld"), said("bellen of mailen")],
  ];
}

const cases: [string, Parameters<typeof exploreFlow>[0], FlowInput[], ClientEvent[][]?][] = [
  ["onboarding", onboardingMachine, [inputFor(), { ...inputFor(), client: { name: "Samira", callName: "Sam" } }]],
  ["grow", growMachine, [inputFor()], growPrefixes()],
  ["miracle", miracleMachine, [inputFor()], [[], Array.from({ length: 6 }, () => said("weet ik niet"))]],
  [
    "scaling",
    scalingMachine,
    [
      inputFor(),
      ...["PROGRESS", "MOTIVATION", "CONFIDENCE", "COPING"].flatMap((scale) => [inputFor({ scale }), inputFor({ scale, previousScore: 5 })]),
    ],
    [[chose("10")], [chose("0")]],
  ],
  ["menu", menuMachine, [inputFor()]],
  [
    "checkin",
    checkinMachine,
    [inputFor(), inputFor({ step: { id: "step-1", what: "De huisarts bellen" } }), inputFor({ previousScore: 3, step: { id: "step-1", what: "De huisarts bellen" } })],
    [[], [chose("7")]],
  ],
];

describe.each(cases)("%s flow, all paths", (_name, machine, inputs, prefixes) => {
  const report = exploreFlow(machine, { inputs, events, ...(prefixes ? { prefixes } : {}) });

  it("explores something", () => {
    expect(report.transitions).toBeGreaterThan(50);
    expect(report.emitted.length).toBeGreaterThan(5);
  });

  it("reaches every state node", () => {
    expect(report.unreached).toEqual([]);
  });

  it("ends every path in a final state or a state waiting for the client", () => {
    expect(report.stuck).toEqual([]);
  });

  it("emits only say keys and button labels that exist in nl and en", () => {
    expect(report.missingInNl).toEqual([]);
    expect(report.missingInEn).toEqual([]);
  });

  it("uses button ids the engine accepts, and at most one message with buttons per turn", () => {
    expect(report.badChoiceIds).toEqual([]);
    expect(report.manyButtonMessages).toEqual([]);
  });
});

describe("exploreFlow", () => {
  it("notices a key that is missing from the locales", async () => {
    const { setup } = await import("xstate");
    const broken = setup({ actions: { say: () => undefined } }).createMachine({
      initial: "a",
      states: { a: { entry: { type: "say", params: { key: "nowhere.to.be.found" } }, on: { "client.said": "b" } }, b: {}, c: {} },
    });
    const report = exploreFlow(broken, { inputs: [inputFor()], events });
    expect(report.missingInNl).toEqual(["nowhere.to.be.found"]);
    expect(report.stuck).toEqual(['"b"']);
    expect(report.unreached).toEqual(["(machine).c"]);
  });

  it("wants both plural forms of a key said with a count, and the key itself when said without", async () => {
    const { setup } = await import("xstate");
    const saying = (key: string, vars?: Record<string, number>) =>
      setup({ actions: { say: () => undefined } }).createMachine({
        initial: "a",
        states: { a: { entry: { type: "say", params: { key, ...(vars ? { vars } : {}) } }, on: { "client.said": "b" } }, b: { type: "final" } },
      });
    const missing = (key: string, vars?: Record<string, number>) => exploreFlow(saying(key, vars), { inputs: [inputFor()], events }).missingInEn;
    expect(missing("reminders.flow.rhythmNow.days", { count: 3 })).toEqual([]);
    expect(missing("reminders.flow.rhythmNow.days")).toEqual(["reminders.flow.rhythmNow.days"]);
    expect(missing("reminders.flow.rhythmNow.daily", { count: 3 })).toEqual(["reminders.flow.rhythmNow.daily"]);
    expect(missing("reminders.flow.rhythmNow.daily")).toEqual([]);
  });
});

describe("key literals in the flow sources", () => {
  it("exist in nl and en (also the ones no explored path happened to emit)", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { localeKeys } = await import("./graph.js");
    const dir = path.resolve(import.meta.dirname, "../../flows");
    const files = ["grow.ts", "miracle.ts", "scaling.ts", "checkin.ts", "lib/controls.ts"].map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    const literals = files.flatMap((src) => [...src.matchAll(/"((?:common|controls|grow|miracle|scaling|checkin)\.[A-Za-z.]+)"/g)].map((m) => m[1] ?? ""));
    expect(literals.length).toBeGreaterThan(60);
    const nl = localeKeys("nl");
    const en = localeKeys("en");
    expect(literals.filter((k) => !nl.has(k) || !en.has(k))).toEqual([]);
  });
});
