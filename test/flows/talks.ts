/**
 * What the tests of the trajectory's four talks (clarifying, evaluation, closing, aftercare)
 * share: the client's own data as the engine passes it, and the enumeration of every path of
 * one talk with the same expectations for each.
 */
import type { AnyStateMachine } from "xstate";
import { describe, expect, it } from "vitest";
import type { ClientEvent, Effect, FlowInput } from "../../flows/types.js";
import { NOW, chose, said, type Turn } from "./drive.js";
import { expectKnownTextsAndButtons, exploreFlow, probeEvents } from "./graph.js";

export const effects = (turns: Turn[]): Effect[] => turns.flatMap((t) => t.effects);
export const lastOf = (turns: Turn[]) => turns.at(-1) as Turn;

/** A goal, two steps done (in the client's words), one open, and two score series. */
export const FACTS = {
  goal: "Ik wil van mijn schulden af",
  stepsDone: ["ik ga zondag de brief openmaken met mn zus", "De schuldhulp bellen"],
  stepsOpen: 1,
  scores: [
    { kind: "WELLBEING", first: 3, last: 7, count: 4 },
    { kind: "CONFIDENCE", first: 5, last: 6, count: 1 },
  ],
};

/** Clarifying up to the life domains: yes, then a wish, a worry, a strength and a network. */
export const clarifyTo = [chose("yes"), said("rust"), said("geld"), said("koken"), said("mijn zus")];

const extra: ClientEvent[] = [
  ...["skip", "more", "money", "work", "housing", "justice", "1", "5", "good", "notGood", "volunteering", "course", "care", "other"].map((choice): ClientEvent => ({ type: "client.chose", choice, now: NOW })),
  ...["sla maar over", "meer", "geld", "werk", "niet goed", "goed", "geld en werk", "een cursus", "ja maar niet te vaak"].map((text): ClientEvent => ({ type: "client.said", text, now: NOW })),
];
const events = [...probeEvents(NOW), ...extra];

/** Every path of one talk, from each input and after each prefix of events. */
export function describeAllPaths(name: string, machine: AnyStateMachine, inputs: FlowInput[], prefixes: ClientEvent[][] = [[]]): void {
  describe(`${name}, all paths`, () => {
    const report = exploreFlow(machine, { inputs, events, prefixes });

    it("explores, reaches every state and never gets stuck", () => {
      expect(report.transitions).toBeGreaterThan(50);
      expect(report.unreached).toEqual([]);
      expect(report.stuck).toEqual([]);
    });

    it("says only texts that exist in nl and en, with button ids the engine accepts, one message with buttons per turn", () => {
      expectKnownTextsAndButtons(report);
    });
  });
}
