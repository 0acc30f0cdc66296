/**
 * Check-in (uitvoering, METHOD.md sections 2 and 3): how are you (0-10, `recordScale` WELLBEING);
 * a low score (<= 4) gets a coping question and an exception question; a rise since
 * `input.data.previousScore` is named ("van een 3 naar een 7") with "what did you do differently?";
 * otherwise "what went a bit better since last time?". With `input.data.step = { id, what }`: how
 * did the step go (done / partly / not yet, `updateStep`); "done" gets a compliment that names the
 * step and the question for the next one (`addStep`); "not yet" asks what got in the way and
 * whether to make the step smaller, never blaming. Always ends positively.
 */
import { assign, setup } from "xstate";
import { effectWith, greet, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer, saysDontKnow, saysNothing } from "./lib/answers.js";
import { answerOf, ask, bare, controlActions, controlGuards, isNotNow, parkStates, question, scaleRows, scoreOf, textRetry, whoOf, withNotNow } from "./lib/controls.js";
import { stepWithout } from "./lib/rephrase.js";
import { amsterdamDay, toIsoDate } from "./lib/calendar.js";
import { normalise } from "./lib/parse.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput } from "./types.js";

/** A wellbeing score at or below this gets the coping and exception questions. */
export const LOW_SCORE = 4;

interface StepRef {
  id: string;
  what: string;
  /** When the client meant to have it done (ISO), if they said. */
  dueAt?: string;
}

interface Context {
  name: string;
  coach: string;
  step: StepRef | null;
  score: number | null;
  /** The last wellbeing score before this check-in, if there is one. */
  previous: number | null;
}

function previousOf(data: Record<string, unknown> | undefined): number | null {
  const p = data?.["previousScore"];
  return typeof p === "number" && Number.isInteger(p) && p >= 0 && p <= 10 ? p : null;
}

/** The step in our words for "Je wilde dit doen: ...": "ik ga zondag mn cv maken" is "je cv maken". */
function stepSaid(step: StepRef | null): string {
  return step ? stepWithout(step.what) || bare(step.what) : "";
}

type StepStatus = "done" | "partly" | "notYet";

function stepOf(data: Record<string, unknown> | undefined): StepRef | null {
  const s = data?.["step"] as Partial<StepRef> | undefined;
  if (!(s && typeof s.id === "string" && typeof s.what === "string" && s.id && s.what)) return null;
  return { id: s.id, what: s.what, ...(typeof s.dueAt === "string" && !Number.isNaN(Date.parse(s.dueAt)) ? { dueAt: s.dueAt } : {}) };
}

/** The step's day has not gone by yet (Amsterdam days): "nog niet" is then no failure. */
export function beforeDue(step: StepRef | null, nowIso: string): boolean {
  if (!step?.dueAt) return false;
  return toIsoDate(amsterdamDay(nowIso)) <= toIsoDate(amsterdamDay(step.dueAt));
}

/** How the step went, from a button or typed text; "partly" words win over "not" and "done". */
export function stepStatusOf(event: ClientEvent): StepStatus | null {
  if (event.type === "client.chose") {
    return event.choice === "done" || event.choice === "partly" || event.choice === "notYet" ? event.choice : null;
  }
  const t = normalise(event.text);
  if (/\b(niet helemaal|deels|een deel|beetje|half|bijna|gedeeltelijk|stukje|partly|some of it)\b/.test(t)) return "partly";
  if (/\b(nog niet|niet|nee|no|not yet)\b/.test(t)) return "notYet";
  if (/\b(gedaan|klaar|gelukt|gehaald|ja|done|yes)\b/.test(t)) return "done";
  return null;
}

const STEP_ROWS: Choice[][] = [
  [{ id: "done", label: "checkin.step.done" }, { id: "partly", label: "checkin.step.partly" }],
  [{ id: "notYet", label: "checkin.step.notYet" }],
];
const SMALLER_ROWS: Choice[][] = [[{ id: "yes", label: "checkin.step.smallerYes" }], [{ id: "no", label: "checkin.step.keep" }]];

export const checkinMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    hello: greet<Context, ClientEvent>("checkin.hello"),
    keepScore: assign({ score: ({ event }) => scoreOf(event) }),
    recordMood: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "recordScale", scale: "WELLBEING", score: context.score ?? 0 })),
    askRise: sayWith<Context, ClientEvent>(({ context }) => ({ key: "checkin.rise.ask", vars: { from: context.previous ?? 0, to: context.score ?? 0 }, choices: withNotNow() })),
    askStep: sayWith<Context, ClientEvent>(({ context }) => ({ key: "checkin.step.ask", vars: { step: stepSaid(context.step) }, choices: withNotNow(STEP_ROWS) })),
    stepDone: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "DONE" })),
    sayStepDone: sayWith<Context, ClientEvent>(({ context }) => ({ key: "checkin.step.doneOk", vars: { step: stepSaid(context.step) } })),
    stepPartly: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "PARTLY" })),
    stepKept: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "OPEN" })),
    stepSmaller: effectWith<Context, ClientEvent>(({ context, event }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "OPEN", smallerWhat: answerOf(event) })),
    addNextStep: effectWith<Context, ClientEvent>(({ context, event }) => ({ kind: "addStep", afterStepId: context.step?.id ?? "", what: answerOf(event) })),
    sayNextLater: sayWith<Context, ClientEvent>(({ context }) => ({ key: "checkin.step.nextLater", vars: { coach: context.coach } })),
    sayEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: "checkin.end", vars: { name: context.name } })),
  },
  guards: {
    ...controlGuards,
    lowScore: ({ context }) => context.score !== null && context.score <= LOW_SCORE,
    rise: ({ context }) => context.score !== null && context.previous !== null && context.score > context.previous,
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
    noNextStep: ({ event }) => isNotNow(event) || (event.type === "client.chose" && event.choice === "notSure") || (event.type === "client.said" && (saysDontKnow(event.text) || saysNothing(event.text))),
    nothingBetter: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
    hasStep: ({ context }) => context.step !== null,
    stepIs: ({ event }, params: { status: StepStatus }) => stepStatusOf(event) === params.status,
    notDueYet: ({ context, event }) => stepStatusOf(event) === "notYet" && beforeDue(context.step, event.now),
  },
}).createMachine({
  id: "checkin",
  context: ({ input }) => ({
    ...whoOf(input),
    step: stepOf(input.data),
    score: null,
    previous: previousOf(input.data),
  }),
  entry: "hello",
  initial: "mood",
  states: {
    mood: question("mood", ask("checkin.mood", undefined, scaleRows()), [{ guard: "gaveScore", target: "moodChosen", actions: ["keepScore", "recordMood"] }], "scale"),
    moodChosen: { always: [{ guard: "lowScore", target: "coping" }, { guard: "rise", target: "rise" }, { target: "better" }] },
    coping: question("coping", ask("checkin.coping"), [{ target: "exception" }]),
    exception: question("exception", ask("checkin.exception"), [{ guard: "dontKnow", target: "stepOrEnd", actions: say("checkin.better.nothing") }, { target: "stepOrEnd" }]),
    /** Higher than last time: name the rise, and ask what the client did for it. */
    rise: question("rise", "askRise", [
      { guard: "dontKnow", target: "stepOrEnd", actions: say("checkin.rise.anyway") },
      { target: "stepOrEnd", actions: say("checkin.rise.thanks") },
    ]),
    better: question("better", ask("checkin.better.ask"), [{ guard: "nothingBetter", target: "stepOrEnd", actions: say("checkin.better.nothing") }, { target: "betterHow" }]),
    /** Something went better: an indirect compliment. */
    betterHow: question("betterHow", ask("checkin.better.how"), [{ target: "stepOrEnd" }]),
    stepOrEnd: { always: [{ guard: "hasStep", target: "stepAsk" }, { target: "done" }] },
    stepAsk: question(
      "stepAsk",
      "askStep",
      [
        { guard: { type: "stepIs", params: { status: "done" } }, target: "nextStep", actions: ["stepDone", "sayStepDone"] },
        { guard: { type: "stepIs", params: { status: "partly" } }, target: "done", actions: ["stepPartly", say("checkin.step.partlyOk")] },
        // Before its day a step not done yet is simply still to come ("nog niet, is toch pas zondag").
        { guard: "notDueYet", target: "done", actions: say("checkin.step.notDue") },
        { guard: { type: "stepIs", params: { status: "notYet" } }, target: "stepBlocked" },
        textRetry("stepAsk"),
      ],
      "pick",
    ),
    /** A step done: what is the next one? It joins the same goal. "Niet nu" here means no next step yet (`parks` false). */
    nextStep: question(
      "nextStep",
      ask("checkin.step.nextAsk", undefined, [[{ id: "notSure", label: "checkin.step.nextNotSure" }]]),
      [{ guard: "noNextStep", target: "done", actions: "sayNextLater" }, textRetry("nextStep"), { target: "done", actions: ["addNextStep", say("checkin.step.nextOk")] }],
      "own",
      false,
    ),
    stepBlocked: question("stepBlocked", ask("checkin.step.blocked"), [{ target: "stepSmaller" }]),
    stepSmaller: question(
      "stepSmaller",
      ask("checkin.step.smaller", undefined, SMALLER_ROWS),
      [{ guard: "confirmed", target: "stepSmallerWhat" }, { guard: "denied", target: "done", actions: ["stepKept", say("checkin.step.keepOk")] }],
      "pick",
    ),
    stepSmallerWhat: question("stepSmallerWhat", ask("checkin.step.smallerWhat"), [{ target: "done", actions: ["stepSmaller", say("checkin.step.smallerOk")] }]),
    done: {
      type: "final",
      entry: "sayEnd",
    },
    ...parkStates(),
  },
});

export const checkin: FlowDefinition = { id: "checkin", version: 2, machine: checkinMachine };
