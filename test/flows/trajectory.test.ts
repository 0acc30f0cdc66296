/**
 * The trajectory's four conversations as pure machines, driven with `transition()` the way the
 * engine drives them: clarifying (domains a page at a time, self-scores 1-5, the priority that
 * seeds GROW), evaluation, closing (the permission for check-ins after closing is only ever a
 * button or a plain yes) and aftercare (a low score or "niet goed" tells the coach). Then every
 * path of each, enumerated.
 */
import { describe, expect, it } from "vitest";
import { aftercareMachine } from "../../flows/aftercare.js";
import { clarifyingMachine } from "../../flows/clarifying.js";
import { closingMachine } from "../../flows/closing.js";
import { evaluationMachine } from "../../flows/evaluation.js";
import { growMachine } from "../../flows/grow.js";
import { DOMAINS, DOMAINS_PER_PAGE, domainIn } from "../../flows/lib/domains.js";
import type { ClientEvent, Effect } from "../../flows/types.js";
import { NOW, buttonIds, chose, inputFor, keys, question, run, said, send, start, type Turn } from "./drive.js";
import { exploreFlow, probeEvents } from "./graph.js";

const effects = (turns: Turn[]): Effect[] => turns.flatMap((t) => t.effects);
const lastOf = (turns: Turn[]) => turns.at(-1) as Turn;

const FACTS = {
  goal: "Ik wil van mijn schulden af",
  stepsDone: ["ik ga zondag de brief openmaken met mn zus", "De schuldhulp bellen"],
  stepsOpen: 1,
  scores: [
    { kind: "WELLBEING", first: 3, last: 7, count: 4 },
    { kind: "CONFIDENCE", first: 5, last: 6, count: 1 },
  ],
};

describe("clarifying", () => {
  const m = clarifyingMachine;
  const toDomains = [chose("yes"), said("Dat ik weer rust heb"), said("De brieven van de deurwaarder"), said("Ik kan goed koken"), said("Mijn zus")];

  it("moves the client to clarifying and asks first whether the client wants the questions", () => {
    const s = start(m);
    expect(s.effects).toEqual([{ kind: "phase", to: "CLARIFYING", onlyFrom: ["REFERRED", "FIRST_CONTACT", "CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"] }]);
    expect(keys(s)).toEqual(["clarifying.intro", "clarifying.start.ask"]);
    expect(buttonIds(question(s))).toEqual(["yes", "skip"]);
  });

  it("can be skipped: straight on to GROW, in the goal-and-plan phase", () => {
    for (const e of [chose("skip"), said("sla maar over")]) {
      const t = send(m, start(m), e);
      expect(t.snap.status).toBe("done");
      expect(t.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }, { kind: "startFlow", flowId: "grow" }]);
    }
  });

  it("asks wishes, worries, strengths and network, one short question each", () => {
    const turns = run(m, start(m), toDomains);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["clarifying.wish", "clarifying.worry", "clarifying.strengths", "clarifying.network", "clarifying.domains.ask"]);
    expect(lastOf(turns).snap.context).toMatchObject({ wish: "Dat ik weer rust heb", worry: "De brieven van de deurwaarder", strengths: "Ik kan goed koken", network: "Mijn zus" });
  });

  it("a 'weet ik niet' to strengths gets one easier question, never the same one again", () => {
    const turns = run(m, start(m), [chose("yes"), said("rust"), said("geld"), said("weet ik niet"), said("geen idee")]);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["clarifying.wish", "clarifying.worry", "clarifying.strengths", "clarifying.strengthsHelp", "clarifying.network"]);
  });

  it("never shows all life domains at once: pages of a few, 'meer' for the next, all twelve reachable", () => {
    let t = lastOf(run(m, start(m), toDomains));
    const seen = new Set<string>();
    for (let page = 0; page < 3; page++) {
      const ids = buttonIds(question(t)).filter((id) => id !== "more" && id !== "notNow");
      expect(ids.length).toBeLessThanOrEqual(DOMAINS_PER_PAGE);
      for (const id of ids) seen.add(id);
      expect(buttonIds(question(t))).toContain("more");
      t = send(m, t, page === 1 ? said("meer") : chose("more"));
    }
    expect([...seen].sort()).toEqual([...DOMAINS].sort());
    // After the last page the first comes again.
    expect(buttonIds(question(t))).toContain("money");
  });

  it("per picked domain a self-score 1-5 in words; two domains, the client says which comes first, and that seeds GROW", () => {
    const turns = run(m, start(m), [...toDomains, chose("money"), chose("2"), chose("yes"), said("werk"), said("4"), chose("work"), chose("yes")]);
    const score = turns[5] as Turn;
    expect(question(score)?.key).toBe("clarifying.score.ask.money");
    expect(question(score)?.choices?.map((r) => r.map((c) => c.label))).toEqual([["clarifying.score.n1"], ["clarifying.score.n2"], ["clarifying.score.n3"], ["clarifying.score.n4"], ["clarifying.score.n5"], ["controls.notNow"]]);
    expect(question(turns[8] as Turn)?.key).toBe("clarifying.score.ask.work");
    expect(question(turns[9] as Turn)?.key).toBe("clarifying.priority");
    expect(buttonIds(question(turns[9] as Turn))).toEqual(["money", "work", "notNow"]);
    const end = lastOf(turns);
    expect(end.snap.status).toBe("done");
    expect(end.snap.context).toMatchObject({ picked: ["money", "work"], scores: { money: 2, work: 4 }, focus: "work" });
    expect(end.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }, { kind: "startFlow", flowId: "grow" }]);
  });

  it("refuses a score outside 1-5 calmly and asks again; one domain needs no priority question", () => {
    const t = lastOf(run(m, start(m), [...toDomains, said("mijn schulden")]));
    expect(question(t)?.key).toBe("clarifying.score.ask.money");
    const again = send(m, t, said("8"));
    expect(keys(again)).toEqual(["clarifying.score.unknown", "clarifying.score.ask.money"]);
    const done = lastOf(run(m, again, [said("drie"), chose("no")]));
    expect(question(done)?.key).toBe("clarifying.goal.ask");
    expect(done.snap.context).toMatchObject({ picked: ["money"], scores: { money: 3 }, focus: "money" });
    const later = send(m, done, chose("later"));
    expect(later.effects).toEqual([{ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] }]);
  });

  it("reads typed domains in messy Dutch and English, and refuses two at once", () => {
    expect(domainIn("mn schulden")).toBe("money");
    expect(domainIn("Money")).toBe("money");
    expect(domainIn("huis")).toBe("housing");
    expect(domainIn("ik voel me eenzaam")).toBe("network");
    expect(domainIn("geld en werk")).toBeNull();
    const t = lastOf(run(m, start(m), toDomains));
    expect(keys(send(m, t, said("geld en werk")))).toEqual(["clarifying.domains.unknown", "clarifying.domains.ask"]);
  });

  it("GROW's first question names the part of life the client chose", () => {
    expect(question(start(growMachine, inputFor({ focus: "money" })))?.key).toBe("grow.goal.focus.money");
    expect(question(start(growMachine))?.key).toBe("grow.goal.ask");
    expect(question(start(growMachine, inputFor({ focus: "bogus" })))?.key).toBe("grow.goal.ask");
  });
});

describe("evaluation", () => {
  const m = evaluationMachine;

  it("shows the goal, the steps done and the score history in our words, then lets the client lead", () => {
    const s = start(m, inputFor(FACTS));
    expect(s.effects).toEqual([{ kind: "phase", to: "EVALUATION", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING"] }]);
    expect(s.says.map((x) => [x.key, x.vars])).toEqual([
      ["evaluation.intro", { name: "Samira" }],
      ["evaluation.recap.goalSteps", { goal: "van je schulden af", steps: "de brief openmaken, de schuldhulp bellen", }],
      ["evaluation.scores.wellbeing.up", { from: 3, to: 7 }],
      ["evaluation.reached", undefined],
    ]);
  });

  it("without a goal or scores it says what there is, without pretending", () => {
    expect(start(m).says.map((x) => x.key)).toEqual(["evaluation.intro", "evaluation.recap.nothing", "evaluation.scores.none", "evaluation.reached"]);
  });

  it("asks what was reached, what is still needed, what the client is proud of; saves the answers and a progress score and tells the coach", () => {
    const turns = run(m, start(m, inputFor(FACTS)), [said("Ik open mijn post weer"), said("Nog een regeling met de bank"), said("Dat ik heb gebeld"), chose("7")]);
    expect(turns.map((t) => t.says.at(-1)?.key)).toEqual(["evaluation.needed", "evaluation.proud", "evaluation.score", "evaluation.end"]);
    const end = lastOf(turns);
    expect(end.snap.status).toBe("done");
    expect(end.snap.context).toMatchObject({ reached: "Ik open mijn post weer", needed: "Nog een regeling met de bank", proud: "Dat ik heb gebeld" });
    expect(effects(turns)).toEqual([{ kind: "recordScale", scale: "PROGRESS", score: 7 }, { kind: "notifyCoach", cause: "evaluation_done" }]);
  });

  it("a 'weet ik niet' to 'proud' names a step the client did, never the question again", () => {
    const t = lastOf(run(m, start(m, inputFor(FACTS)), [said("weet ik niet"), said("niks"), said("weet ik niet")]));
    expect(t.says.map((x) => [x.key, x.vars])).toEqual([["evaluation.proudHint", { steps: "de brief openmaken, de schuldhulp bellen" }], ["evaluation.score", undefined]]);
  });
});

describe("closing", () => {
  const m = closingMachine;
  const through = [chose("volunteering"), said("Bij de voedselbank vragen"), chose("no")];

  it("asks for a concrete next step with buttons, also typed in the client's own words", () => {
    const s = start(m, inputFor(FACTS));
    expect(s.effects).toEqual([{ kind: "phase", to: "CLOSING", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"] }]);
    expect(buttonIds(question(s))).toEqual(["work", "volunteering", "course", "care", "other", "notNow"]);
    expect(send(m, s, said("een cursus nederlands")).snap.context).toMatchObject({ next: "course" });
    expect(send(m, s, said("weer gaan tekenen")).snap.context).toMatchObject({ next: "other", nextText: "weer gaan tekenen" });
  });

  it("a warm handover tells the coach, who makes the referral; the client hears they decide what is shared", () => {
    const t = lastOf(run(m, start(m, inputFor(FACTS)), [chose("care"), said("De huisarts bellen"), chose("yes")]));
    expect(t.effects).toEqual([{ kind: "notifyCoach", cause: "closing_handover", detail: { next: "care" } }]);
    expect(t.says.map((s) => s.key)).toEqual(["closing.handover.yesOk", "closing.aftercare.askTwo"]);
    expect(question(t)?.vars).toEqual({ first: 4, second: 12 });
  });

  it("permission for the check-ins: a button or a plain yes; unclear text is asked again and never counts as yes", () => {
    const at = lastOf(run(m, start(m, inputFor(FACTS)), through));
    for (const unclear of ["ja maar niet te vaak", "misschien", "hoezo?", "ok ik denk het", "ja nee"]) {
      const t = send(m, at, said(unclear));
      expect(t.snap.value, unclear).toBe("aftercare");
      expect(t.effects, unclear).toEqual([]);
      expect(keys(t), unclear).toEqual(["closing.aftercare.unclear", "closing.aftercare.askTwo"]);
    }
    const yes = send(m, at, said("ja hoor, dat mag"));
    expect(yes.snap.status).toBe("done");
    expect(yes.effects).toEqual([
      { kind: "consent", subject: "aftercare", textVersion: "closing.aftercare@1", decision: "GIVEN" },
      { kind: "closeTrajectory", aftercare: true, aftercareWeeks: [4, 12] },
    ]);
    const no = send(m, at, chose("no"));
    expect(no.effects).toEqual([
      { kind: "consent", subject: "aftercare", textVersion: "closing.aftercare@1", decision: "REFUSED" },
      { kind: "closeTrajectory", aftercare: false, aftercareWeeks: [] },
    ]);
  });

  it("the farewell names what the client did, from their own data", () => {
    const t = send(m, lastOf(run(m, start(m, inputFor(FACTS)), through)), chose("yes"));
    expect(t.says.map((s) => [s.key, s.vars])).toEqual([
      ["closing.aftercare.yesOk", { first: 4 }],
      ["closing.farewell.goalSteps", { name: "Samira", goal: "van je schulden af", steps: "de brief openmaken, de schuldhulp bellen" }],
      ["closing.bye", { name: "Samira", coach: "Ahmed" }],
    ]);
    const bare = send(m, lastOf(run(m, start(m), through)), chose("yes"));
    expect(bare.says[1]?.key).toBe("closing.farewell.nothing");
  });

  it("uses the configured weeks: one check-in, or none (then no question at all)", () => {
    const one = lastOf(run(m, start(m, inputFor({ aftercareWeeks: [6] })), through));
    expect(question(one)).toMatchObject({ key: "closing.aftercare.askOne", vars: { first: 6 } });
    const none = lastOf(run(m, start(m, inputFor({ aftercareWeeks: [] })), through));
    expect(none.snap.status).toBe("done");
    expect(none.effects).toEqual([{ kind: "closeTrajectory", aftercare: false, aftercareWeeks: [] }]);
  });
});

describe("aftercare", () => {
  const m = aftercareMachine;
  const input = inputFor({ weeks: 4, last: false });

  it("a low score tells the coach at once and the client hears the coach will get in touch", () => {
    const t = send(m, start(m, input), chose("3"));
    expect(t.effects).toEqual([
      { kind: "recordScale", scale: "WELLBEING", score: 3, coachTold: true },
      { kind: "notifyCoach", cause: "aftercare_relapse", detail: { weeks: 4, score: 3 } },
    ]);
    expect(question(t)).toMatchObject({ key: "aftercare.lowWhat", vars: { coach: "Ahmed" } });
    const end = send(m, t, said("ik drink weer"));
    expect(end.snap.status).toBe("done");
    expect(end.effects).toEqual([{ kind: "phase", to: "AFTERCARE", onlyFrom: ["AFTERCARE"] }]);
  });

  it("'niet goed' typed (messy too) or tapped is a relapse signal; 'goed' is not", () => {
    for (const e of [said("niet goed"), said("gaat niet zo goed eigenlijk"), said("slecht"), chose("notGood"), said("not good")]) {
      expect(effects([send(m, start(m, input), e)]), JSON.stringify(e)).toEqual([{ kind: "notifyCoach", cause: "aftercare_relapse", detail: { weeks: 4 } }]);
    }
    for (const e of [said("goed"), said("prima hoor"), chose("good"), said("8")]) {
      const t = send(m, start(m, input), e);
      expect(t.effects.filter((x) => x.kind === "notifyCoach"), JSON.stringify(e)).toEqual([]);
      expect(question(t)?.key).toBe("aftercare.goodWhat");
    }
    expect(keys(send(m, start(m, input), said("blabla")))).toEqual(["aftercare.moodUnknown", "aftercare.mood"]);
  });

  it("the last check-in closes the trajectory", () => {
    const turns = run(m, start(m, inputFor({ weeks: 12, last: true })), [said("7"), said("Ik werk nu twee dagen")]);
    expect(lastOf(turns).says.map((s) => s.key)).toEqual(["aftercare.goodThanks", "aftercare.goodEndLast"]);
    expect(lastOf(turns).effects).toEqual([{ kind: "phase", to: "CLOSED", onlyFrom: ["AFTERCARE"] }]);
  });
});

const extra: ClientEvent[] = [
  ...["skip", "more", "money", "work", "housing", "justice", "1", "5", "good", "notGood", "volunteering", "course", "care", "other"].map((choice): ClientEvent => ({ type: "client.chose", choice, now: NOW })),
  ...["sla maar over", "meer", "geld", "werk", "niet goed", "goed", "geld en werk", "een cursus", "ja maar niet te vaak"].map((text): ClientEvent => ({ type: "client.said", text, now: NOW })),
];
const events = [...probeEvents(NOW), ...extra];
const clarifyTo = [chose("yes"), said("rust"), said("geld"), said("koken"), said("mijn zus")];

describe.each([
  ["clarifying", clarifyingMachine, [inputFor()], [[], clarifyTo, [...clarifyTo, chose("money"), chose("2")], [...clarifyTo, chose("money"), chose("2"), chose("yes"), chose("work"), chose("4")]]],
  ["evaluation", evaluationMachine, [inputFor(), inputFor(FACTS)], [[]]],
  ["closing", closingMachine, [inputFor(), inputFor(FACTS), inputFor({ aftercareWeeks: [] }), inputFor({ aftercareWeeks: [6] })], [[]]],
  ["aftercare", aftercareMachine, [inputFor({ weeks: 4 }), inputFor({ weeks: 12, last: true })], [[], [chose("2")], [chose("8")]]],
] as const)("%s, all paths", (_name, machine, inputs, prefixes) => {
  const report = exploreFlow(machine, { inputs: [...inputs], events, prefixes: prefixes.map((p) => [...p]) });

  it("explores, reaches every state and never gets stuck", () => {
    expect(report.transitions).toBeGreaterThan(50);
    expect(report.unreached).toEqual([]);
    expect(report.stuck).toEqual([]);
  });

  it("says only texts that exist in nl and en, with button ids the engine accepts, one message with buttons per turn", () => {
    expect(report.missingInNl).toEqual([]);
    expect(report.missingInEn).toEqual([]);
    expect(report.badChoiceIds).toEqual([]);
    expect(report.manyButtonMessages).toEqual([]);
  });
});
