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
import { effectWith, greet, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer, saysNothing } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, parkStates, question, scaleRows, scoreOf, whoOf } from "./lib/controls.js";
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
  actions: {
    ...controlActions<Context>(),
    enterPhase: effectWith<Context, ClientEvent>(() => ({ kind: "phase", to: "EVALUATION", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING"] })),
    intro: greet<Context, ClientEvent>("evaluation.intro"),
    sayRecap: sayWith<Context, ClientEvent>(({ context }) => recap("evaluation.recap", context.facts, {})),
    sayScores: sayWith<Context, ClientEvent>(({ context }): Say => scoreLine(context.facts) ?? { key: "evaluation.scores.none" }),
    keepReached: assign({ reached: ({ event }) => answerOf(event) }),
    keepNeeded: assign({ needed: ({ event }) => answerOf(event) }),
    sayNeededLater: sayWith<Context, ClientEvent>(({ context }) => ({ key: "evaluation.neededLater", vars: { coach: context.coach } })),
    sayProudHint: sayWith<Context, ClientEvent>(({ context }) => (context.facts.stepsDone.length ? { key: "evaluation.proudHint", vars: { steps: stepsSaid(context.facts) } } : { key: "evaluation.proudAnyway" })),
    keepProud: assign({ proud: ({ event }) => answerOf(event) }),
    keepScore: assign({ score: ({ event }) => scoreOf(event) }),
    recordScore: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "recordScale", scale: "PROGRESS", score: context.score ?? 0 })),
    sayEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: "evaluation.end", vars: { name: context.name, coach: context.coach } })),
    notifyCoach: effectWith<Context, ClientEvent>(() => ({ kind: "notifyCoach", cause: "evaluation_done" })),
  },
  guards: {
    ...controlGuards,
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
    nothing: ({ event }) => event.type === "client.said" && saysNothing(event.text),
  },
}).createMachine({
  id: "evaluation",
  context: ({ input }) => ({ ...whoOf(input), facts: factsOf(input.data), reached: "", needed: "", proud: "", score: null }),
  entry: ["enterPhase", "intro", "sayRecap", "sayScores"],
  initial: "reached",
  states: {
    reached: question("reached", ask("evaluation.reached"), [
      { guard: "dontKnow", target: "needed", actions: say("evaluation.reachedLater") },
      { target: "needed", actions: ["keepReached", say("evaluation.reachedThanks")] },
    ]),
    needed: question("needed", ask("evaluation.needed"), [
      { guard: "nothing", target: "proud", actions: ["keepNeeded", say("evaluation.neededNone")] },
      { guard: "dontKnow", target: "proud", actions: "sayNeededLater" },
      { target: "proud", actions: "keepNeeded" },
    ]),
    proud: question("proud", ask("evaluation.proud"), [
      { guard: "dontKnow", target: "score", actions: "sayProudHint" },
      { target: "score", actions: ["keepProud", say("evaluation.proudYes")] },
    ]),
    score: question("score", ask("evaluation.score", undefined, scaleRows()), [{ guard: "gaveScore", target: "done", actions: ["keepScore", "recordScore"] }], "scale"),
    done: {
      type: "final",
      entry: ["sayEnd", "notifyCoach"],
    },
    ...parkStates(),
  },
});

export const evaluation: FlowDefinition = { id: "evaluation", version: 1, machine: evaluationMachine };
