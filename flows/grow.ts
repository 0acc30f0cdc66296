/**
 * GROW (doel en plan): the goal in the client's own words, one gentle follow-up when it lacks a
 * "when" or a "how will you notice"; a few questions about now, the options and the first step,
 * chosen from the answers (never the whole list, METHOD.md section 3); how sure the client is
 * (0-10) and what makes it one point higher; a summary the client can correct; then `saveGoal`
 * and `recordScale` CONFIDENCE, a positive ending and the offer of a next conversation.
 */
import { assign, setup } from "xstate";
import { effect, outputActions, say } from "./lib/actions.js";
import { hasSign, hasWhen, isThin, listsSeveral, saysDontKnow } from "./lib/answers.js";
import {
  answerOf, ask, bare, clarify, confirmOf, controlGuards, dateOf, isNotNow, openQuestion, parkStates, scaleRetry, scaleRows, scoreOf, whenOf, withNotNow, yourPerson,
  type When, type WhenKind,
} from "./lib/controls.js";
import { matchOption, normalise } from "./lib/parse.js";
import type { Choice, ClientEvent, Effect, FlowDefinition, FlowInput } from "./types.js";

type Part = "goal" | "step" | "when" | "helper";

interface Context {
  name: string;
  coach: string;
  goal: string;
  whenText: string;
  signText: string;
  /** The client already got the easier goal question once. */
  goalHelped: boolean;
  step: string;
  whenKind: WhenKind;
  whenSaid: string;
  dueAt: string | null;
  /** "" when the client does it alone. */
  helper: string;
  confidence: number | null;
  higher: string;
  /** Correcting the summary: answers go straight back to it. */
  fixing: boolean;
}

const ALONE = ["alleen", "zelf", "niemand", "ik zelf", "ikzelf", "ik doe het zelf", "ik doe het alleen", "nobody", "alone", "myself"];

function isAlone(event: ClientEvent): boolean {
  return event.type === "client.chose" ? event.choice === "alone" : ALONE.includes(normalise(event.text));
}

const PART_WORDS: Record<Part, string[]> = {
  goal: ["doel", "bereiken", "wat ik wil", "goal"],
  step: ["stap", "eerste stap", "step"],
  when: ["wanneer", "dag", "datum", "when", "day"],
  helper: ["wie", "hulp", "helpen", "helpt", "who", "help"],
};

function partOf(event: ClientEvent): Part | null {
  if (event.type === "client.chose") return Object.hasOwn(PART_WORDS, event.choice) ? (event.choice as Part) : null;
  return matchOption(event.text, PART_WORDS);
}

function summaryStepKey(kind: WhenKind): string {
  return { tomorrow: "grow.summary.stepTomorrow", thisWeek: "grow.summary.stepThisWeek", text: "grow.summary.stepWhen", none: "grow.summary.stepNoDay" }[kind];
}

function saveGoal(c: Context): Effect {
  return {
    kind: "saveGoal",
    text: c.goal,
    ...(c.whenText ? { whenText: c.whenText } : {}),
    ...(c.signText ? { signText: c.signText } : {}),
    ...(c.confidence !== null ? { confidence: c.confidence } : {}),
    steps: [{ what: c.step, ...(c.dueAt ? { dueAt: c.dueAt } : {}), ...(c.helper ? { helper: c.helper } : {}) }],
  };
}

const WHEN_ROWS: Choice[][] = [
  [{ id: "tomorrow", label: "grow.will.tomorrow" }, { id: "thisWeek", label: "grow.will.thisWeek" }],
  [{ id: "notSure", label: "grow.will.notSure" }],
];
const CHECK_ROWS: Choice[][] = [[{ id: "yes", label: "grow.summary.yes" }], [{ id: "no", label: "grow.summary.no" }]];
const PART_ROWS: Choice[][] = [
  [{ id: "goal", label: "grow.fix.goal" }, { id: "step", label: "grow.fix.step" }],
  [{ id: "when", label: "grow.fix.when" }, { id: "helper", label: "grow.fix.helper" }],
];

export const growMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: outputActions,
  guards: {
    ...controlGuards,
    fixing: ({ context }) => context.fixing,
    goalUnclear: ({ context, event }) => !context.goalHelped && event.type === "client.said" && saysDontKnow(event.text),
    dontKnow: ({ event }) => event.type === "client.said" && saysDontKnow(event.text),
    goalLacksWhen: ({ context }) => !hasWhen(context.goal),
    goalLacksSign: ({ context }) => !hasSign(context.goal),
    thinAnswer: ({ event }) => event.type === "client.said" && isThin(event.text),
    several: ({ event }) => event.type === "client.said" && listsSeveral(event.text),
    gaveWhen: ({ event }) => whenOf(event) !== null,
    whenPast: ({ event }) => dateOf(event) !== null && typeof dateOf(event) === "object",
    alone: ({ event }) => isAlone(event),
    fixes: ({ event }, params: { part: Part }) => partOf(event) === params.part,
    declinesNext: ({ event }) => isNotNow(event) || confirmOf(event) === "no",
  },
}).createMachine({
  id: "grow",
  context: ({ input }) => ({
    name: input.client.callName ?? input.client.name,
    coach: input.coach.name,
    goal: "", whenText: "", signText: "", goalHelped: false,
    step: "", whenKind: "none", whenSaid: "", dueAt: null, helper: "",
    confidence: null, higher: "", fixing: false,
  }),
  entry: { type: "say", params: ({ context }) => ({ key: "grow.intro", vars: { name: context.name } }) },
  initial: "goal",
  states: {
    goal: {
      entry: ask("grow.goal.ask"),
      on: {
        "client.*": [
          ...openQuestion("goal"),
          { guard: "goalUnclear", target: "goalHelp", actions: assign({ goalHelped: true }) },
          { target: "goalCheck", actions: assign({ goal: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** A "weet ik niet" goal gets one easier question; a second one ends kindly, nothing saved. */
    goalHelp: {
      entry: ask("grow.goal.help"),
      on: {
        "client.*": [
          ...openQuestion("goalHelp"),
          { guard: "dontKnow", target: "noGoalYet" },
          { target: "goalCheck", actions: assign({ goal: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** One follow-up at most: a "when" first, else a "how will you notice". */
    goalCheck: {
      always: [
        { guard: "fixing", target: "summary" },
        { guard: "goalLacksWhen", target: "goalWhen" },
        { guard: "goalLacksSign", target: "goalSign" },
        { target: "reality" },
      ],
    },
    goalWhen: {
      entry: ask("grow.goal.when"),
      on: { "client.*": [...openQuestion("goalWhen"), { target: "reality", actions: assign({ whenText: ({ event }) => answerOf(event) }) }] },
    },
    goalSign: {
      entry: ask("grow.goal.sign"),
      on: { "client.*": [...openQuestion("goalSign"), { target: "reality", actions: assign({ signText: ({ event }) => answerOf(event) }) }] },
    },
    reality: {
      entry: ask("grow.reality.now"),
      on: { "client.*": [...openQuestion("reality"), { guard: "thinAnswer", target: "realityHelps" }, { target: "realityTried" }] },
    },
    realityHelps: { entry: ask("grow.reality.helps"), on: { "client.*": [...openQuestion("realityHelps"), { target: "options" }] } },
    realityTried: { entry: ask("grow.reality.tried"), on: { "client.*": [...openQuestion("realityTried"), { target: "options" }] } },
    options: {
      entry: ask("grow.options.ask"),
      on: {
        "client.*": [
          ...openQuestion("options"),
          { guard: "dontKnow", target: "optionsFree" },
          { guard: "several", target: "optionsFavourite" },
          { target: "optionsGood" },
        ],
      },
    },
    optionsFree: {
      entry: ask("grow.options.free"),
      on: { "client.*": [...openQuestion("optionsFree"), { guard: "several", target: "optionsFavourite" }, { target: "optionsGood" }] },
    },
    optionsFavourite: { entry: ask("grow.options.favourite"), on: { "client.*": [...openQuestion("optionsFavourite"), { target: "optionsGood" }] } },
    optionsGood: { entry: ask("grow.options.good"), on: { "client.*": [...openQuestion("optionsGood"), { target: "optionsHard" }] } },
    optionsHard: { entry: ask("grow.options.hard"), on: { "client.*": [...openQuestion("optionsHard"), { target: "willStep" }] } },
    willStep: {
      entry: ask("grow.will.step"),
      on: {
        "client.*": [
          ...openQuestion("willStep"),
          { guard: "fixing", target: "summary", actions: assign({ step: ({ event }) => answerOf(event) }) },
          { target: "willWhen", actions: assign({ step: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    willWhen: {
      entry: ask("grow.will.when", undefined, WHEN_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: "gaveWhen",
            target: "whenChosen",
            actions: assign(({ event }) => {
              const when = whenOf(event) as When;
              return { whenKind: when.kind, whenSaid: when.said, dueAt: when.dueAt };
            }),
          },
          { guard: "whenPast", target: "willWhen", reenter: true, actions: say("controls.datePast") },
          { guard: "badText", target: "willWhen", reenter: true, actions: clarify },
          { target: "willWhen", reenter: true, actions: say("controls.dateUnknown") },
        ],
      },
    },
    whenChosen: { always: [{ guard: "fixing", target: "summary" }, { target: "willHelper" }] },
    willHelper: {
      entry: ask("grow.will.helper", undefined, [[{ id: "alone", label: "grow.will.alone" }]]),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: "alone", target: "helperChosen", actions: assign({ helper: "" }) },
          { guard: "badText", target: "willHelper", reenter: true, actions: clarify },
          { target: "helperChosen", actions: assign({ helper: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    helperChosen: { always: [{ guard: "fixing", target: "summary" }, { target: "willSure" }] },
    willSure: {
      entry: ask("grow.will.sure", undefined, scaleRows()),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: "gaveScore", target: "willHigher", actions: assign({ confidence: ({ event }) => scoreOf(event) }) },
          scaleRetry("willSure"),
        ],
      },
    },
    /** Below 10: what makes it one point higher; at 10: what makes you so sure. */
    willHigher: {
      entry: {
        type: "say",
        params: ({ context }) => ({
          key: context.confidence === 10 ? "grow.will.ten" : "grow.will.higher",
          vars: { score: context.confidence ?? 0 },
          choices: withNotNow(),
        }),
      },
      on: { "client.*": [...openQuestion("willHigher"), { target: "summary", actions: assign({ higher: ({ event }) => answerOf(event) }) }] },
    },
    summary: {
      entry: [
        { type: "say", params: ({ context }) => ({ key: "grow.summary.goal", vars: { goal: bare(context.goal) } }) },
        {
          type: "say",
          params: ({ context }) => ({ key: summaryStepKey(context.whenKind), vars: { step: bare(context.step), when: bare(context.whenSaid) } }),
        },
        {
          type: "say",
          params: ({ context }) => (context.helper ? { key: "grow.summary.helper", vars: { helper: yourPerson(context.helper) } } : { key: "grow.summary.alone" }),
        },
      ],
      always: { target: "check" },
    },
    /** "Klopt het?" on its own, so an unclear answer repeats only this question. */
    check: {
      entry: ask("grow.summary.check", undefined, CHECK_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          {
            guard: "confirmed",
            target: "next",
            actions: [
              { type: "effect", params: ({ context }) => saveGoal(context) },
              {
                type: "effect",
                params: ({ context }) => ({ kind: "recordScale", scale: "CONFIDENCE", score: context.confidence ?? 0, ...(context.higher ? { note: context.higher } : {}) }),
              },
              { type: "say", params: ({ context }) => ({ key: "grow.saved", vars: { name: context.name, coach: context.coach } }) },
            ],
          },
          { guard: "denied", target: "fix", actions: assign({ fixing: true }) },
          { target: "check", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    fix: {
      entry: ask("grow.fix.ask", undefined, PART_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: { type: "fixes", params: { part: "goal" } }, target: "goal" },
          { guard: { type: "fixes", params: { part: "step" } }, target: "willStep" },
          { guard: { type: "fixes", params: { part: "when" } }, target: "willWhen" },
          { guard: { type: "fixes", params: { part: "helper" } }, target: "willHelper" },
          { target: "fix", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    /** The goal is saved; offer the next conversation. "Niet nu" here simply ends. */
    next: {
      entry: ask("grow.next.ask", undefined, [[{ id: "yes", label: "grow.next.yes" }]]),
      on: {
        "client.*": [
          { guard: "confirmed", target: "done", actions: [effect({ kind: "startFlow", flowId: "scaling" }), say("grow.next.go")] },
          { guard: "declinesNext", target: "done", actions: say("grow.next.later") },
          { target: "next", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    noGoalYet: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "grow.goal.notYet", vars: { coach: context.coach } }) },
    },
    done: { type: "final" },
    ...parkStates(),
  },
});

export const grow: FlowDefinition = { id: "grow", version: 1, machine: growMachine };
