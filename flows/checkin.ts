/**
 * Check-in (uitvoering, METHOD.md sections 2 and 3): how are you (0-10, `recordScale` WELLBEING);
 * a low score (<= 4) gets a coping question and an exception question, otherwise "what went a bit
 * better since last time?". With `input.data.step = { id, what }`: how did the step go (done /
 * partly / not yet, `updateStep`); "not yet" asks what got in the way and whether to make the step
 * smaller, never blaming. Always ends positively.
 */
import { assign, setup } from "xstate";
import { outputActions, say } from "./lib/actions.js";
import { saysDontKnow } from "./lib/answers.js";
import { answerOf, ask, bare, clarify, controlGuards, openQuestion, parkStates, scaleRetry, scaleRows, scoreOf, withNotNow } from "./lib/controls.js";
import { amsterdamDay, toIsoDate } from "./lib/dates.js";
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
  step: StepRef | null;
  score: number | null;
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
  actions: outputActions,
  guards: {
    ...controlGuards,
    lowScore: ({ context }) => context.score !== null && context.score <= LOW_SCORE,
    nothingBetter: ({ event }) => event.type === "client.said" && saysDontKnow(event.text),
    hasStep: ({ context }) => context.step !== null,
    stepIs: ({ event }, params: { status: StepStatus }) => stepStatusOf(event) === params.status,
    notDueYet: ({ context, event }) => stepStatusOf(event) === "notYet" && beforeDue(context.step, event.now),
  },
}).createMachine({
  id: "checkin",
  context: ({ input }) => ({ name: input.client.callName ?? input.client.name, step: stepOf(input.data), score: null }),
  entry: { type: "say", params: ({ context }) => ({ key: "checkin.hello", vars: { name: context.name } }) },
  initial: "mood",
  states: {
    mood: {
      entry: ask("checkin.mood", undefined, scaleRows()),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: "gaveScore",
            target: "moodChosen",
            actions: [
              assign({ score: ({ event }) => scoreOf(event) }),
              { type: "effect", params: ({ context }) => ({ kind: "recordScale", scale: "WELLBEING", score: context.score ?? 0 }) },
            ],
          },
          scaleRetry("mood"),
        ],
      },
    },
    moodChosen: { always: [{ guard: "lowScore", target: "coping" }, { target: "better" }] },
    coping: { entry: ask("checkin.coping"), on: { "client.*": [...openQuestion("coping"), { target: "exception" }] } },
    exception: { entry: ask("checkin.exception"), on: { "client.*": [...openQuestion("exception"), { target: "stepOrEnd" }] } },
    better: {
      entry: ask("checkin.better.ask"),
      on: {
        "client.*": [
          ...openQuestion("better"),
          { guard: "nothingBetter", target: "stepOrEnd", actions: say("checkin.better.nothing") },
          { target: "betterHow" },
        ],
      },
    },
    /** Something went better: an indirect compliment. */
    betterHow: { entry: ask("checkin.better.how"), on: { "client.*": [...openQuestion("betterHow"), { target: "stepOrEnd" }] } },
    stepOrEnd: { always: [{ guard: "hasStep", target: "stepAsk" }, { target: "done" }] },
    stepAsk: {
      entry: {
        type: "say",
        params: ({ context }) => ({ key: "checkin.step.ask", vars: { step: bare(context.step?.what ?? "") }, choices: withNotNow(STEP_ROWS) }),
      },
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: { type: "stepIs", params: { status: "done" } },
            target: "done",
            actions: [{ type: "effect", params: ({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "DONE" }) }, say("checkin.step.doneOk")],
          },
          {
            guard: { type: "stepIs", params: { status: "partly" } },
            target: "done",
            actions: [{ type: "effect", params: ({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "PARTLY" }) }, say("checkin.step.partlyOk")],
          },
          // Before its day a step not done yet is simply still to come ("nog niet, is toch pas zondag").
          { guard: "notDueYet", target: "done", actions: say("checkin.step.notDue") },
          { guard: { type: "stepIs", params: { status: "notYet" } }, target: "stepBlocked" },
          { guard: "badText", target: "stepAsk", reenter: true, actions: clarify },
          { target: "stepAsk", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    stepBlocked: { entry: ask("checkin.step.blocked"), on: { "client.*": [...openQuestion("stepBlocked"), { target: "stepSmaller" }] } },
    stepSmaller: {
      entry: ask("checkin.step.smaller", undefined, SMALLER_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: "confirmed", target: "stepSmallerWhat" },
          {
            guard: "denied",
            target: "done",
            actions: [{ type: "effect", params: ({ context }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "OPEN" }) }, say("checkin.step.keepOk")],
          },
          { target: "stepSmaller", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    stepSmallerWhat: {
      entry: ask("checkin.step.smallerWhat"),
      on: {
        "client.*": [
          ...openQuestion("stepSmallerWhat"),
          {
            target: "done",
            actions: [
              { type: "effect", params: ({ context, event }) => ({ kind: "updateStep", stepId: context.step?.id ?? "", status: "OPEN", smallerWhat: answerOf(event) }) },
              say("checkin.step.smallerOk"),
            ],
          },
        ],
      },
    },
    done: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "checkin.end", vars: { name: context.name } }) },
    },
    ...parkStates(),
  },
});

export const checkin: FlowDefinition = { id: "checkin", version: 1, machine: checkinMachine };
