/**
 * Evaluation (METHOD.md section 2, phase 6): looking back together, the client leads. The bot
 * shows what the client's data say (the goal, the steps done, the first and last score of the
 * kind scored most, from `input.data`, src/domain/flow-data.ts), then asks three open questions:
 * what was reached, what is still needed, what the client is proud of. "Weet ik niet" to the last
 * gets a step the client did named back, never the question again. One progress score (0-10,
 * `recordScale` PROGRESS) closes it; the answers reach the coach's client file and a nudge tells
 * the coach the evaluation is there to talk about.
 */
import { assign, setup } from "xstate";
import { effect, outputActions, say } from "./lib/actions.js";
import { hasNoAnswer, saysNothing } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, openQuestion, parkStates, scaleRetry, scaleRows, scoreOf } from "./lib/controls.js";
import { factsOf, recap, scoreLine, stepsSaid, type TrajectoryFacts } from "./lib/trajectory.js";
import type { ClientEvent, FlowDefinition, FlowInput, Say } from "./types.js";

interface Context {
  name: string;
  coach: string;
  facts: TrajectoryFacts;
  /** The client's answers, kept in the outcome for the coach's client file. */
  reached: string;
  needed: string;
  proud: string;
  score: number | null;
}

export const evaluationMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: { ...outputActions, ...controlActions<Context>() },
  guards: {
    ...controlGuards,
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
    nothing: ({ event }) => event.type === "client.said" && saysNothing(event.text),
  },
}).createMachine({
  id: "evaluation",
  context: ({ input }) => ({ name: input.client.callName ?? input.client.name, coach: input.coach.name, facts: factsOf(input.data), reached: "", needed: "", proud: "", score: null }),
  entry: [
    effect({ kind: "phase", to: "EVALUATION", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING"] }),
    { type: "say", params: ({ context }) => ({ key: "evaluation.intro", vars: { name: context.name } }) },
    { type: "say", params: ({ context }) => recap("evaluation.recap", context.facts, {}) },
    {
      type: "say",
      params: ({ context }): Say => scoreLine(context.facts) ?? { key: "evaluation.scores.none" },
    },
  ],
  initial: "reached",
  states: {
    reached: {
      entry: ask("evaluation.reached"),
      on: { "client.*": [...openQuestion("reached"), { guard: "dontKnow", target: "needed", actions: say("evaluation.reachedLater") }, { target: "needed", actions: [assign({ reached: ({ event }) => answerOf(event) }), say("evaluation.reachedThanks")] }] },
    },
    needed: {
      entry: ask("evaluation.needed"),
      on: {
        "client.*": [
          ...openQuestion("needed"),
          { guard: "nothing", target: "proud", actions: [assign({ needed: ({ event }) => answerOf(event) }), say("evaluation.neededNone")] },
          { guard: "dontKnow", target: "proud", actions: { type: "say", params: ({ context }) => ({ key: "evaluation.neededLater", vars: { coach: context.coach } }) } },
          { target: "proud", actions: assign({ needed: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    proud: {
      entry: ask("evaluation.proud"),
      on: {
        "client.*": [
          ...openQuestion("proud"),
          { guard: "dontKnow", target: "score", actions: { type: "say", params: ({ context }) => (context.facts.stepsDone.length ? { key: "evaluation.proudHint", vars: { steps: stepsSaid(context.facts) } } : { key: "evaluation.proudAnyway" }) } },
          { target: "score", actions: [assign({ proud: ({ event }) => answerOf(event) }), say("evaluation.proudYes")] },
        ],
      },
    },
    score: {
      entry: ask("evaluation.score", undefined, scaleRows()),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: "gaveScore",
            target: "done",
            actions: [assign({ score: ({ event }) => scoreOf(event) }), { type: "effect", params: ({ context }) => ({ kind: "recordScale", scale: "PROGRESS", score: context.score ?? 0 }) }],
          },
          scaleRetry("score"),
        ],
      },
    },
    done: {
      type: "final",
      entry: [
        { type: "say", params: ({ context }) => ({ key: "evaluation.end", vars: { name: context.name, coach: context.coach } }) },
        effect({ kind: "notifyCoach", cause: "evaluation_done" }),
      ],
    },
    ...parkStates(),
  },
});

export const evaluation: FlowDefinition = { id: "evaluation", version: 1, machine: evaluationMachine };
