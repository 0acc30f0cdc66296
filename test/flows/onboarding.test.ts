import { createActor, initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { onboardingMachine } from "../../flows/onboarding.js";
import type { ClientEvent, Effect, FlowInput, Say } from "../../flows/types.js";

const now = "2026-11-23T10:00:00.000Z";
const input: FlowInput = { now, client: { name: "Samira" }, coach: { name: "Ahmed" } };

type Step = { snap: AnyMachineSnapshot; says: Say[]; effects: Effect[] };

function split(snap: unknown, actions: { type: string; params?: unknown }[]): Step {
  return {
    snap: snap as AnyMachineSnapshot,
    says: actions.filter((a) => a.type === "say").map((a) => a.params as Say),
    effects: actions.filter((a) => a.type === "effect").map((a) => a.params as Effect),
  };
}

const start = () => split(...initialTransition(onboardingMachine, input));
const send = (s: Step, event: ClientEvent) => split(...transition(onboardingMachine, s.snap, event));
const said = (text: string): ClientEvent => ({ type: "client.said", text, now });
const chose = (choice: string): ClientEvent => ({ type: "client.chose", choice, now });
const keys = (s: Step) => s.says.map((x) => x.key);
const question = (s: Step) => s.says[s.says.length - 1];
const buttonIds = (say: Say | undefined) => (say?.choices ?? []).flat().map((c) => c.id);

/**
 * The consent question set aside: `first` is answered with `answer` alone and records nothing,
 * and the next message (`next`) brings the question back, again recording nothing.
 */
function setAsideThenAsked(first: ClientEvent, answer: string, next: string): Step {
  let s = send(start(), first);
  expect(keys(s)).toEqual([answer]);
  expect(s.effects).toEqual([]);
  s = send(s, said(next));
  expect(keys(s)).toEqual(["onboarding.consent.ask"]);
  expect(s.effects).toEqual([]);
  return s;
}

describe("onboarding flow", () => {
  it("introduces the bot and the coach, says what is saved, then asks for consent with three buttons", () => {
    const s = start();
    expect(keys(s)).toEqual(["onboarding.welcome", "onboarding.whoAmI", "onboarding.whatWeSave", "onboarding.consent.ask"]);
    expect(s.says[1]?.vars).toEqual({ name: "Samira", coach: "Ahmed" });
    expect(s.says[3]?.choices?.flat().map((c) => c.id)).toEqual(["yes", "later", "no"]);
    expect(s.effects).toEqual([]);
  });

  it("records consent on yes, typed or pressed", () => {
    for (const event of [chose("yes"), said("Ja hoor"), said("oké"), said("prima")]) {
      const s = send(start(), event);
      expect(s.effects).toEqual([{ kind: "consent", subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN" }]);
      expect(s.snap.value).toBe("name");
    }
  });

  it("on no (confirmed) keeps only the refusal and says goodbye kindly", () => {
    const check = send(start(), said("nee"));
    expect(keys(check)).toEqual(["onboarding.consent.refuseCheck"]);
    expect(check.effects).toEqual([]);
    const s = send(check, chose("yes"));
    expect(s.effects).toEqual([
      { kind: "consent", subject: "data", textVersion: "onboarding.consent@1", decision: "REFUSED" },
      { kind: "forgetClient" },
    ]);
    expect(keys(s)).toEqual(["onboarding.consent.goodbye"]);
    expect(s.snap.status).toBe("done");
  });

  it("on not now waits, and any later message brings the question back", () => {
    const s = send(setAsideThenAsked(chose("later"), "onboarding.consent.laterOk", "hoi"), chose("yes"));
    expect(s.snap.value).toBe("name");
  });

  it("asks again calmly when text does not answer the consent question", () => {
    const s = send(start(), said("🙂"));
    expect(keys(s)).toEqual(["onboarding.consent.unclear", "onboarding.consent.ask"]);
    expect(s.effects).toEqual([]);
  });

  it("never records consent or a refusal from an unclear message: it asks again, with buttons", () => {
    for (const text of ["ok ik heb erover nagedacht", "ja maar nee", "ja als het moet", "hoezo?", "nee hoor is goed", "ja, ik heb een vraag"]) {
      let s = send(start(), chose("later"));
      s = send(s, said(text));
      expect(s.effects, text).toEqual([]);
      expect(keys(s), text).toEqual(["onboarding.consent.ask"]);
      s = send(s, said(text));
      expect(s.effects, text).toEqual([]);
      expect(keys(s), text).toEqual(["onboarding.consent.unclear", "onboarding.consent.ask"]);
      expect(buttonIds(question(s)), text).toEqual(["yes", "later", "no"]);
    }
  });

  it("'first ask my coach' records nothing, and the question comes back with the next message", () => {
    const s = send(setAsideThenAsked(said("nee, ik wil het eerst aan Ahmed vragen"), "onboarding.consent.askCoachOk", "ok ik heb erover nagedacht"), said("ja hoor"));
    expect(s.effects).toEqual([{ kind: "consent", subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN" }]);
  });

  it("a refusal that is taken back forgets nothing", () => {
    let s = send(start(), said("nee dank je"));
    s = send(s, said("hmm ja maar"));
    expect(keys(s)).toEqual(["onboarding.consent.unclear", "onboarding.consent.refuseCheck"]);
    expect(s.effects).toEqual([]);
    s = send(s, said("nee toch niet"));
    expect(keys(s)).toEqual(["onboarding.consent.refuseUndone", "onboarding.consent.ask"]);
    expect(s.effects).toEqual([]);
    expect(s.snap.value).toBe("consentAgain");
  });

  it("reads typed parts of the day and rhythms", () => {
    let s = send(send(send(start(), chose("yes")), said("Sam")), said("ja graag"));
    s = send(s, said("smiddags"));
    expect(keys(s)).toEqual(["onboarding.reminders.rhythm"]);
    s = send(s, said("2 keer per week"));
    expect(s.effects).toContainEqual({ kind: "setReminders", wanted: true, daypart: "afternoon", everyDays: 3 });
  });

  it("takes a typed name, refuses a name that is no name, and keeps the known name on the button", () => {
    const atName = send(start(), chose("yes"));
    const typed = send(atName, said("noem me sam"));
    expect(typed.effects).toEqual([{ kind: "setCallName", name: "Sam" }]);
    const bad = send(atName, said("https://example.com"));
    expect(keys(bad)).toEqual(["onboarding.name.invalid", "onboarding.name.ask"]);
    expect(bad.effects).toEqual([]);
    expect(send(atName, said("x".repeat(41))).effects).toEqual([]);
    expect(send(atName, chose("keep")).effects).toEqual([{ kind: "setCallName", name: "Samira" }]);
  });

  it("sets reminders with part of the day and rhythm, and ends positively", () => {
    let s = send(send(start(), chose("yes")), said("Sam"));
    s = send(s, said("ja"));
    expect(keys(s)).toEqual(["onboarding.reminders.when"]);
    s = send(s, said("in de middag"));
    expect(keys(s)).toEqual(["onboarding.reminders.rhythm"]);
    s = send(s, said("elke week"));
    expect(s.effects).toEqual([
      { kind: "setReminders", wanted: true, daypart: "afternoon", everyDays: 7 },
      { kind: "activateClient" },
    ]);
    expect(keys(s)).toEqual(["onboarding.reminders.yesOk", "onboarding.done"]);
    expect(s.says[1]?.vars).toEqual({ name: "Sam", coach: "Ahmed" });
    expect(s.snap.status).toBe("done");
  });

  it("without reminders still ends positively", () => {
    let s = send(send(start(), chose("yes")), chose("keep"));
    s = send(s, chose("no"));
    expect(s.effects).toEqual([{ kind: "setReminders", wanted: false }, { kind: "activateClient" }]);
    expect(keys(s)).toEqual(["onboarding.reminders.noOk", "onboarding.done"]);
  });

  it("survives a JSON round trip of its persisted snapshot", () => {
    const atName = send(start(), chose("yes"));
    const json = JSON.parse(JSON.stringify(onboardingMachine.getPersistedSnapshot(atName.snap)));
    const restored = createActor(onboardingMachine, { snapshot: json, input }).getSnapshot() as AnyMachineSnapshot;
    expect(restored.value).toBe("name");
    const next = split(...transition(onboardingMachine, restored, said("Sam")));
    expect(next.effects).toEqual([{ kind: "setCallName", name: "Sam" }]);
  });
});
