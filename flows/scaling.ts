/**
 * Scaling questions (METHOD.md section 3): where are you now on 0-10, how did you get that far
 * and not lower, what does one point higher look like, and one small step there. Four kinds via
 * `input.data.scale`: PROGRESS (default), MOTIVATION, CONFIDENCE, COPING (coping alone). With
 * `input.data.previousScore` a rise gets a concrete compliment; a fall is thanked, never judged.
 * The score is recorded (`recordScale`) as soon as the client gives it.
 */
import { assign, setup } from "xstate";
import { outputActions } from "./lib/actions.js";
import { ask, controlGuards, openQuestion, parkStates, scaleRetry, scaleRows, scoreOf, withNotNow } from "./lib/controls.js";
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
  actions: outputActions,
  guards: {
    ...controlGuards,
    atTen: ({ context }) => context.score === 10,
  },
}).createMachine({
  id: "scaling",
  context: ({ input }) => ({
    name: input.client.callName ?? input.client.name,
    kind: kindOf(input.data),
    previous: previousOf(input.data),
    score: null,
  }),
  entry: { type: "say", params: ({ context }) => ({ key: "scaling.intro", vars: { name: context.name } }) },
  initial: "score",
  states: {
    score: {
      entry: {
        type: "say",
        params: ({ context }) => ({ key: `scaling.ask.${context.kind.toLowerCase()}`, choices: withNotNow(scaleRows()) }),
      },
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: "gaveScore",
            target: "how",
            actions: [
              assign({ score: ({ event }) => scoreOf(event) }),
              { type: "effect", params: ({ context }) => ({ kind: "recordScale", scale: context.kind, score: context.score ?? 0 }) },
            ],
          },
          scaleRetry("score"),
        ],
      },
    },
    how: {
      entry: { type: "say", params: ({ context }) => howQuestion(context.score ?? 0, context.previous) },
      on: { "client.*": [...openQuestion("how"), { guard: "atTen", target: "keep" }, { target: "higher" }] },
    },
    higher: {
      entry: { type: "say", params: ({ context }) => ({ key: "scaling.higher", vars: { next: (context.score ?? 0) + 1 }, choices: withNotNow() }) },
      on: { "client.*": [...openQuestion("higher"), { target: "step" }] },
    },
    /** At 10 there is no point higher: what helps to stay there? */
    keep: {
      entry: ask("scaling.keep"),
      on: { "client.*": [...openQuestion("keep"), { target: "step" }] },
    },
    step: {
      entry: ask("scaling.step"),
      on: { "client.*": [...openQuestion("step"), { target: "done" }] },
    },
    done: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "scaling.end", vars: { name: context.name } }) },
    },
    ...parkStates(),
  },
});

export const scaling: FlowDefinition = { id: "scaling", version: 1, machine: scalingMachine };
