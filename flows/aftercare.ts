/**
 * A check-in after closing (METHOD.md section 2, phase 8), only when the client gave permission
 * in the closing talk; planned 4 and 12 weeks on by default (src/domain/trajectory.ts). How is it
 * going (0-10, or "goed" / "niet goed")? A low score (at most `LOW_SCORE`) or a "niet goed" is a
 * possible relapse: the coach is told at once (`notifyCoach` aftercare_relapse), and the client
 * hears that the coach will get in touch. The last check-in (`input.data.last`) closes the
 * trajectory.
 */
import { assign, setup } from "xstate";
import { effectWith, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer } from "./lib/answers.js";
import { ask, controlActions, controlGuards, parkStates, question, scaleRows, scoreOf, whoOf, withNotNow } from "./lib/controls.js";
import { normalise } from "./lib/parse.js";
import { readYesNo } from "./lib/readers.js";
import type { Choice, ClientEvent, Effect, FlowDefinition, FlowInput } from "./types.js";

/** A score at or below this is a possible relapse. */
export const LOW_SCORE = 4;

interface Context {
  name: string;
  coach: string;
  weeks: number;
  last: boolean;
  score: number | null;
  low: boolean;
}

const BAD = /\b(niet goed|niet zo goed|slecht|beroerd|rot|kut|klote|zwaar|moeilijk|mis|terug bij af|not good|not well|bad|terrible|awful)\b/;
const GOOD = /\b(goed|prima|fijn|lekker|top|super|beter|good|fine|great|well)\b/;

type Mood = { low: boolean; score: number | null } | null;

/** A score, the buttons "goed" / "niet goed", or typed words that plainly say one of them. */
export function moodOf(event: ClientEvent): Mood {
  const score = scoreOf(event);
  if (score !== null) return { low: score <= LOW_SCORE, score };
  if (event.type === "client.chose") return event.choice === "good" ? { low: false, score: null } : event.choice === "notGood" ? { low: true, score: null } : null;
  const t = normalise(event.text);
  if (BAD.test(t)) return { low: true, score: null };
  if (GOOD.test(t) || readYesNo(event.text) === "yes") return { low: false, score: null };
  return null;
}

const MOOD_ROWS: Choice[][] = [...scaleRows(), [{ id: "good", label: "aftercare.good" }, { id: "notGood", label: "aftercare.notGood" }]];

function relapse(c: Context): Effect {
  return { kind: "notifyCoach", cause: "aftercare_relapse", detail: { weeks: c.weeks, ...(c.score !== null ? { score: c.score } : {}) } };
}

export const aftercareMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    hello: sayWith<Context, ClientEvent>(({ context }) => ({ key: "aftercare.hello", vars: { name: context.name, weeks: context.weeks } })),
    keepScore: assign({ score: ({ event }) => scoreOf(event), low: ({ event }) => (scoreOf(event) ?? 0) <= LOW_SCORE }),
    keepMood: assign({ low: ({ event }) => moodOf(event)?.low === true }),
    // A low score is told to the coach as a possible relapse (tellRelapse), which says more than a score drop.
    recordMood: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "recordScale", scale: "WELLBEING", score: context.score ?? 0, ...(context.low ? { coachTold: true as const } : {}) })),
    tellRelapse: effectWith<Context, ClientEvent>(({ context }) => relapse(context)),
    askLowWhat: sayWith<Context, ClientEvent>(({ context }) => ({ key: "aftercare.lowWhat", vars: { coach: context.coach }, choices: withNotNow() })),
    sayLowEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: "aftercare.lowEnd", vars: { name: context.name, coach: context.coach } })),
    sayGoodEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: context.last ? "aftercare.goodEndLast" : "aftercare.goodEnd", vars: { name: context.name, coach: context.coach } })),
    nextPhase: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "phase", to: context.last ? "CLOSED" : "AFTERCARE", onlyFrom: ["AFTERCARE"] })),
  },
  guards: {
    ...controlGuards,
    gaveMood: ({ event }) => moodOf(event) !== null,
    low: ({ context }) => context.low,
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
  },
}).createMachine({
  id: "aftercare",
  context: ({ input }) => {
    const weeks = input.data?.["weeks"];
    return {
      ...whoOf(input),
      weeks: typeof weeks === "number" && weeks > 0 ? weeks : 4,
      last: input.data?.["last"] === true,
      score: null,
      low: false,
    };
  },
  entry: "hello",
  initial: "mood",
  states: {
    mood: question(
      "mood",
      ask("aftercare.mood", undefined, MOOD_ROWS),
      [
        { guard: "gaveScore", target: "moodChosen", actions: ["keepScore", "recordMood"] },
        { guard: "gaveMood", target: "moodChosen", actions: "keepMood" },
        { target: "mood", reenter: true, actions: say("aftercare.moodUnknown") },
      ],
      "own",
    ),
    moodChosen: {
      always: [
        { guard: "low", target: "lowWhat", actions: "tellRelapse" },
        { target: "goodWhat" },
      ],
    },
    lowWhat: question("lowWhat", "askLowWhat", [{ target: "lowEnd" }]),
    goodWhat: question("goodWhat", ask("aftercare.goodWhat"), [{ guard: "dontKnow", target: "goodEnd" }, { target: "goodEnd", actions: say("aftercare.goodThanks") }]),
    lowEnd: {
      type: "final",
      entry: ["sayLowEnd", "nextPhase"],
    },
    goodEnd: {
      type: "final",
      entry: ["sayGoodEnd", "nextPhase"],
    },
    ...parkStates(),
  },
});

export const aftercare: FlowDefinition = { id: "aftercare", version: 1, machine: aftercareMachine };
