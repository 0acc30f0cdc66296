/**
 * Scaling questions (METHOD.md section 3): where are you now on 0-10, how did you get that far
 * and not lower, what does one point higher look like, and one small step there. Four kinds via
 * `input.data.scale`: PROGRESS (default), MOTIVATION, CONFIDENCE, COPING (coping alone). With
 * `input.data.previousScore` a rise gets a concrete compliment; a fall is thanked, never judged.
 * The score is recorded (`recordScale`) as soon as the client gives it. "Weet ik niet" to the step
 * gets one easier question, then an ending that does not pretend a step was found.
 */
import { assign, setup } from "xstate";
import { effectWith, greet, sayWith } from "./lib/actions.js";
import { hasNoAnswer } from "./lib/answers.js";
import { ask, controlActions, controlGuards, parkStates, question, scaleRows, scoreOf, withNotNow } from "./lib/controls.js";
import type { ClientEvent, FlowDefinition, FlowInput, ScaleKind, Say } from "./types.js";

export type ScalingKind = Extract<ScaleKind, "PROGRESS" | "MOTIVATION" | "CONFIDENCE" | "COPING">;
const KINDS: ScalingKind[] = ["PROGRESS", "MOTIVATION", "CONFIDENCE", "COPING"];

interface Context {
  name: string;
  kind: ScalingKind;
  previous: number | null;
  score: number | null;
}

function kindOf(data: Record<string, unknown> | undefined): ScalingKind {
  const scale = data?.["scale"];
  return KINDS.find((k) => k === scale) ?? "PROGRESS";
}

function previousOf(data: Record<string, unknown> | undefined): number | null {
  const p = data?.["previousScore"];
  return typeof p === "number" && Number.isInteger(p) && p >= 0 && p <= 10 ? p : null;
}

/** The question after the score: a rise, a zero, a fall, or the plain "and not lower?". */
export function howQuestion(score: number, previous: number | null): Say {
  const choices = withNotNow();
  if (previous !== null && score > previous) return { key: "scaling.how.rise", vars: { from: previous, to: score }, choices };
  if (score === 0) return { key: "scaling.how.zero", choices };
  if (previous !== null && score < previous) return { key: "scaling.how.fall", vars: { from: previous, to: score }, choices };
  return { key: "scaling.how.plain", vars: { score }, choices };
}

export const scalingMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    intro: greet<Context, ClientEvent>("scaling.intro"),
    askScore: sayWith<Context, ClientEvent>(({ context }) => ({ key: `scaling.ask.${context.kind.toLowerCase()}`, choices: withNotNow(scaleRows()) })),
    keepScore: assign({ score: ({ event }) => scoreOf(event) }),
    recordScore: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "recordScale", scale: context.kind, score: context.score ?? 0 })),
    askHow: sayWith<Context, ClientEvent>(({ context }) => howQuestion(context.score ?? 0, context.previous)),
    askHigher: sayWith<Context, ClientEvent>(({ context }) => ({ key: "scaling.higher", vars: { next: (context.score ?? 0) + 1 }, choices: withNotNow() })),
    sayEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: "scaling.end", vars: { name: context.name } })),
    sayEndNoStep: sayWith<Context, ClientEvent>(({ context }) => ({ key: "scaling.endNoStep", vars: { name: context.name } })),
  },
  guards: {
    ...controlGuards,
    atTen: ({ context }) => context.score === 10,
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
  },
}).createMachine({
  id: "scaling",
  context: ({ input }) => ({
    name: input.client.callName ?? input.client.name,
    kind: kindOf(input.data),
    previous: previousOf(input.data),
    score: null,
  }),
  entry: "intro",
  initial: "score",
  states: {
    score: question("score", "askScore", [{ guard: "gaveScore", target: "how", actions: ["keepScore", "recordScore"] }], "scale"),
    how: question("how", "askHow", [{ guard: "atTen", target: "keep" }, { target: "higher" }]),
    higher: question("higher", "askHigher", [{ target: "step" }]),
    /** At 10 there is no point higher: what helps to stay there? */
    keep: question("keep", ask("scaling.keep"), [{ target: "step" }]),
    step: question("step", ask("scaling.step"), [{ guard: "dontKnow", target: "stepHelp" }, { target: "done" }]),
    /** "Weet ik niet": one easier question; a second one ends without a step, kindly. */
    stepHelp: question("stepHelp", ask("scaling.stepHelp"), [{ guard: "dontKnow", target: "doneNoStep" }, { target: "done" }]),
    done: {
      type: "final",
      entry: "sayEnd",
    },
    doneNoStep: {
      type: "final",
      entry: "sayEndNoStep",
    },
    ...parkStates(),
  },
});

export const scaling: FlowDefinition = { id: "scaling", version: 1, machine: scalingMachine };
