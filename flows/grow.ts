/**
 * GROW (doel en plan), as the method asks (METHOD.md sections 2 and 3): a few questions per step,
 * chosen from the answers, never the whole list. The goal in the client's own words (one problem
 * picked when several are named; a "when" only for a short, open goal); how it goes now (what helps
 * when the answer is thin, what was tried when the client is stuck); the options (a favourite when
 * there are several); the first step, with its day and helper read from the step itself when the
 * client already said them; how sure the client is (0-10), then what makes it one point higher or
 * what could get in the way, and what the client does if the step fails. "Weet ik niet" always gets
 * a helping question or a gentle skip and is never stored or said back. The summary rephrases ("Je
 * eerste stap: de brief openen, zondag, samen met je zus. Klopt dat?"); then `saveGoal` and
 * `recordScale` CONFIDENCE, a positive ending and the offer of a next conversation.
 */
import { assign, setup } from "xstate";
import { effectWith, greet, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer, hasSign, hasWhen, isThin, listsSeveral, saysDontKnow, saysNothing, words } from "./lib/answers.js";
import {
  answerOf, ask, confirmOf, controlActions, controlGuards, isNotNow, parkStates, question, scaleRows, scoreOf, textRetry, type WhenKind, whenOf, whoOf, withNotNow,
} from "./lib/controls.js";
import { amsterdamDateTime } from "./lib/calendar.js";
import { isDomain, type Domain } from "./lib/domains.js";
import { matchOption, normalise } from "./lib/parse.js";
import { isUnclear, readButton, readDay, readYesNo } from "./lib/readers.js";
import { aloneIn, asAim, asLabel, dayIn, helperIn, personOf, problemsIn, stepWithout, tidy } from "./lib/rephrase.js";
import type { Choice, ClientEvent, Effect, FlowDefinition, FlowInput, PersistedFlow } from "./types.js";

type Part = "goal" | "step" | "when" | "helper";

/** Who helps: a person, the client alone, or not talked about (the client was not asked). */
type HelperKind = "person" | "alone" | "unknown";

interface Context {
  name: string;
  coach: string;
  goal: string;
  whenText: string;
  /** The client already got the easier goal question once. */
  goalHelped: boolean;
  /** The problems a rambling goal named, for the "which one first?" buttons. */
  parts: string[];
  /** The ways the client named, for the "which one feels best?" buttons. */
  ways: string[];
  step: string;
  whenKind: WhenKind;
  whenSaid: string;
  dueAt: string | null;
  helperKind: HelperKind;
  /** The helper as the client typed it, for the saved step. */
  helper: string;
  confidence: number | null;
  higher: string;
  obstacle: string;
  /** Correcting the summary: answers go straight back to it. */
  fixing: boolean;
  /** The life domain the client chose to start with in the clarifying talk (flows/clarifying.ts), if any. */
  focus?: Domain | null;
}

const ALONE = ["alleen", "zelf", "niemand", "ik zelf", "ikzelf", "ik doe het zelf", "ik doe het alleen", "nobody", "alone", "myself", "no one", "niemand eigenlijk"];

function isAlone(event: ClientEvent): boolean {
  if (event.type === "client.chose") return event.choice === "alone";
  const t = normalise(tidy(event.text));
  return ALONE.includes(t) || ((aloneIn(t) || /\b(niemand|nobody|no one)\b/.test(t)) && !/\b(mijn|met|my|with)\b/.test(t));
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

/** The goal is a few words only and says neither by when nor how the client will notice: one follow-up. */
function goalIsOpen(goal: string): boolean {
  return !hasWhen(goal) && !hasSign(goal) && words(tidy(goal)).length <= 3;
}

const STUCK = /\b(lukt niet|lukt het niet|gaat niet|niet goed|slecht|moeilijk|zwaar|vast|stuck|bad|hard|lastig|kut|rot|klote|ellende)\b/;
const TRIED = /\b(geprobeerd|probeer|al eens|al vaak|al veel|al een|tried|try|trying)\b/;

/** A short "het lukt niet" without what was tried: ask what the client already tried. */
function soundsStuck(text: string): boolean {
  const t = normalise(text);
  return STUCK.test(t) && !TRIED.test(t) && words(t).length < 10;
}

/** The ways in an options answer: "bellen, mailen of langsgaan" are three. */
function waysIn(text: string): string[] {
  return tidy(text)
    .split(/[,;\n]|\s(?:of|en|or|and)\s/i)
    .map((p) => p.replace(/^(?:of|en|or|and)\s+/i, "").trim())
    .filter((p) => /\p{L}{2,}/u.test(p))
    .slice(0, 4);
}

/** A day in the step itself ("zondag de brief openen"): its words and the due moment. */
function dayOfStep(text: string, now: string): { said: string; dueAt: string } | null {
  const said = dayIn(text);
  if (!said) return null;
  const day = readDay(said, now);
  return isUnclear(day) ? null : { said, dueAt: amsterdamDateTime(day.value, 12) };
}

/** A typed "when": the button meanings and parseDate first, then a weekday with a typo ("zondg"). */
function whenTyped(event: ClientEvent): { kind: WhenKind; said: string; dueAt: string | null } | null {
  const when = whenOf(event);
  if (when) return when.kind === "text" ? { ...when, said: dayIn(when.said) || tidy(when.said) } : when;
  if (event.type !== "client.said") return null;
  const day = readDay(event.text, event.now);
  return isUnclear(day) ? null : { kind: "text", said: dayIn(event.text) || tidy(event.text), dueAt: amsterdamDateTime(day.value, 12) };
}

/** The answer to a "which one?" question: a button, a label typed, or else the client's own words. */
function pickOf(event: ClientEvent, options: string[]): string {
  if (event.type === "client.chose") return options[Number(event.choice.replace(/^\D+/, ""))] ?? "";
  const r = readButton(event.text, options.map((o, i) => ({ id: String(i), label: asLabel(o) })));
  return isUnclear(r) ? answerOf(event) : (options[Number(r.value)] ?? answerOf(event));
}

/** An answer that is just a person: "Mijn buurvrouw Els", "mn broer", "Kees". */
function namedPerson(text: string): string {
  const t = tidy(text);
  const m = /^((?:[Mm]ijn|[Mm]y)\s+\p{L}+(?:\s+\p{Lu}\p{L}+)?|\p{Lu}\p{Ll}+)(?:[,.]|\s+(?:als|if|die|kan|can|want)\b|$)/u.exec(t);
  return m?.[1] ?? "";
}

function pickRows(prefix: string, options: string[]): Choice[][] {
  return options.slice(0, 4).map((o, i) => [{ id: `${prefix}${i}`, label: "grow.choice", vars: { text: asLabel(o) } }]);
}

function saveGoal(c: Context): Effect {
  return {
    kind: "saveGoal",
    text: c.goal,
    ...(c.whenText ? { whenText: c.whenText } : {}),
    ...(c.confidence !== null ? { confidence: c.confidence } : {}),
    steps: [{ what: c.step, ...(c.dueAt ? { dueAt: c.dueAt } : {}), ...(c.helperKind === "person" && c.helper ? { helper: c.helper } : {}) }],
  };
}

/** "Je eerste stap: de brief openen, zondag, samen met je zus. Klopt dat?" as one key per way of saying it. */
function stepLine(c: Context): { key: string; vars: Record<string, string> } {
  const when = { tomorrow: "tomorrow", thisWeek: "thisWeek", text: "day", none: "none" }[c.whenKind];
  const who = { person: personOf(c.helper) ? "Helper" : "Plain", alone: "Alone", unknown: "Plain" }[c.helperKind];
  return { key: `grow.summary.step.${when}${who}`, vars: { step: stepWithout(c.step) || asAim(c.step), day: c.whenSaid, helper: personOf(c.helper) } };
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

type Args = { context: Context; event: ClientEvent };

/** What the step says about its day and helper, so those questions are skipped. */
function readStep({ event, context }: Args): Partial<Context> {
  const step = answerOf(event);
  const day = dayOfStep(step, event.now);
  const helper = helperIn(step);
  return {
    step,
    ...(day ? { whenKind: "text" as const, whenSaid: day.said, dueAt: day.dueAt } : context.fixing ? {} : { whenKind: "none" as const, whenSaid: "", dueAt: null }),
    ...(helper ? { helperKind: "person" as const, helper } : aloneIn(step) ? { helperKind: "alone" as const, helper: "" } : {}),
  };
}

type When = { kind: WhenKind; said: string; dueAt: string | null };

/** The step's day as the client typed it (checked by `gaveWhen` or `deniedWithDay` first). */
function keptWhen({ event }: Args): Partial<Context> {
  const when = whenTyped(event) as When;
  return { whenKind: when.kind, whenSaid: when.said, dueAt: when.dueAt };
}

/** What makes it one point higher; when nobody was named yet, the person in it is the helper. */
function keptHigher({ context, event }: Args): Partial<Context> {
  const higher = answerOf(event);
  const helper = context.helperKind === "unknown" ? helperIn(higher) || namedPerson(higher) : "";
  return { higher, ...(helper ? { helperKind: "person" as const, helper } : {}) };
}

export const growMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    intro: greet<Context, ClientEvent>("grow.intro"),
    // After the clarifying talk the first question names the part of life the client chose.
    askGoal: sayWith<Context, ClientEvent>(({ context }) => ({ key: context.focus ? `grow.goal.focus.${context.focus}` : "grow.goal.ask", choices: withNotNow() })),
    markGoalHelped: assign({ goalHelped: true }),
    keepParts: assign({ parts: ({ event }) => problemsIn(answerOf(event)) }),
    keepGoal: assign({ goal: ({ event }) => answerOf(event) }),
    askGoalPick: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.goal.pick", choices: withNotNow(pickRows("part", context.parts)) })),
    keepPickedGoal: assign({ goal: ({ context, event }) => pickOf(event, context.parts) }),
    keepFirstPart: assign({ goal: ({ context }) => context.parts[0] ?? "" }),
    sayPickFirst: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.goal.pickFirst", vars: { part: asAim(context.parts[0] ?? "") } })),
    keepWhenText: assign({ whenText: ({ event }) => answerOf(event) }),
    keepWays: assign({ ways: ({ event }) => waysIn(answerOf(event)) }),
    askFavourite: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.options.favourite", choices: withNotNow(pickRows("way", context.ways)) })),
    readStep: assign(readStep),
    keepWhen: assign(keptWhen),
    keepConfidence: assign({ confidence: ({ event }) => scoreOf(event) }),
    /** When nobody was named yet, the same question asks who could help: one question for both. */
    askHigher: sayWith<Context, ClientEvent>(({ context }) => ({
      key: context.helperKind === "unknown" ? "grow.will.higherWho" : "grow.will.higher",
      vars: { score: context.confidence ?? 0 },
      choices: withNotNow(),
    })),
    keepHigher: assign(keptHigher),
    keepAlone: assign({ helperKind: "alone", helper: "" }),
    forgetHelper: assign({ helperKind: "unknown", helper: "" }),
    keepHelper: assign({ helperKind: "person", helper: ({ event }) => answerOf(event) }),
    sayHelperNone: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.will.helperNone", vars: { coach: context.coach } })),
    askObstacle: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.will.obstacle", vars: { score: context.confidence ?? 0 }, choices: withNotNow() })),
    keepObstacle: assign({ obstacle: ({ event }) => answerOf(event) }),
    askFallback: sayWith<Context, ClientEvent>(({ context }) => ({
      key: context.obstacle ? "grow.will.fallbackIf" : "grow.will.fallback",
      choices: withNotNow([[{ id: "retry", label: "grow.will.retry" }], [{ id: "coach", label: "grow.will.askCoach", vars: { coach: context.coach } }]]),
    })),
    sayFallbackCoach: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.will.fallbackCoach", vars: { coach: context.coach } })),
    sayFallbackNone: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.will.fallbackNone", vars: { coach: context.coach } })),
    sayGoalSummary: sayWith<Context, ClientEvent>(({ context }) => ({
      key: context.parts.length ? "grow.summary.goalPart" : context.whenText ? "grow.summary.goalWhen" : "grow.summary.goal",
      vars: { goal: asAim(context.goal), when: tidy(context.whenText).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()) },
    })),
    askCheck: sayWith<Context, ClientEvent>(({ context }) => ({ ...stepLine(context), choices: withNotNow(CHECK_ROWS) })),
    saveGoal: effectWith<Context, ClientEvent>(({ context }) => saveGoal(context)),
    /** The note says what the score hangs on: what makes it higher, or what could get in the way. */
    recordConfidence: effectWith<Context, ClientEvent>(({ context }) => {
      const note = context.higher || context.obstacle;
      return { kind: "recordScale", scale: "CONFIDENCE", score: context.confidence ?? 0, ...(note ? { note } : {}) };
    }),
    saySaved: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.saved", vars: { name: context.name, coach: context.coach } })),
    startFixing: assign({ fixing: true }),
    startScaling: effectWith<Context, ClientEvent>(() => ({ kind: "startFlow", flowId: "scaling" })),
    sayNoGoal: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.goal.notYet", vars: { coach: context.coach } })),
    sayNoStep: sayWith<Context, ClientEvent>(({ context }) => ({ key: "grow.will.notYet", vars: { coach: context.coach } })),
  },
  guards: {
    ...controlGuards,
    fixing: ({ context }) => context.fixing,
    /** One of the buttons made from the client's own words ("part1", "way0"). */
    tapped: ({ context, event }) => {
      if (event.type !== "client.chose") return false;
      const m = /^(part|way)(\d)$/.exec(event.choice);
      return m !== null && (m[1] === "part" ? context.parts : context.ways)[Number(m[2])] !== undefined;
    },
    chose: ({ event }, params: { id: string }) => event.type === "client.chose" && event.choice === params.id,
    goalUnclear: ({ context, event }) => !context.goalHelped && event.type === "client.said" && saysDontKnow(event.text),
    dontKnow: ({ event }) => event.type === "client.said" && hasNoAnswer(event.text),
    nothing: ({ event }) => event.type === "client.said" && saysNothing(event.text),
    severalProblems: ({ event }) => event.type === "client.said" && problemsIn(event.text).length >= 2,
    goalOpen: ({ context }) => context.parts.length === 0 && goalIsOpen(context.goal),
    thinAnswer: ({ event }) => event.type === "client.said" && isThin(event.text),
    stuck: ({ event }) => event.type === "client.said" && soundsStuck(event.text),
    several: ({ event }) => event.type === "client.said" && listsSeveral(event.text) && waysIn(event.text).length >= 2,
    dayKnown: ({ context }) => context.whenKind !== "none" || context.dueAt !== null,
    helperKnown: ({ context }) => context.helperKind !== "unknown",
    gaveWhen: ({ event }) => whenTyped(event) !== null,
    /** An option that already says its day ("volgende week dinsdag de gemeente bellen") is the first step. */
    stepWithDay: ({ event }) => event.type === "client.said" && dayOfStep(event.text, event.now) !== null,
    whenPast: ({ event }) => event.type === "client.said" && isUnclear(readDay(event.text, event.now)) && (readDay(event.text, event.now) as { reason: string }).reason === "past",
    alone: ({ event }) => isAlone(event),
    unsure: ({ context }) => (context.confidence ?? 0) <= 6,
    /** "ja" or "ok" to "who can help?" names nobody. */
    deniedWithDay: ({ event }) => event.type === "client.said" && readYesNo(event, { leadingNo: true }) === "no" && dayIn(event.text) !== "" && whenTyped(event) !== null,
    noPerson: ({ event }) => event.type === "client.said" && personOf(event.text) === "",
    obstacleNamed: ({ context }) => context.obstacle !== "",
    fixes: ({ event }, params: { part: Part }) => partOf(event) === params.part,
    declinesNext: ({ event }) => isNotNow(event) || confirmOf(event) === "no",
  },
}).createMachine({
  id: "grow",
  context: ({ input }) => ({
    ...whoOf(input),
    goal: "", whenText: "", goalHelped: false, parts: [], ways: [],
    step: "", whenKind: "none", whenSaid: "", dueAt: null, helperKind: "unknown", helper: "",
    confidence: null, higher: "", obstacle: "", fixing: false,
    focus: isDomain(input.data?.["focus"]) ? input.data["focus"] : null,
  }),
  entry: "intro",
  initial: "goal",
  states: {
    goal: question("goal", "askGoal", [
      { guard: "goalUnclear", target: "goalHelp", actions: "markGoalHelped" },
      { guard: "severalProblems", target: "goalPick", actions: "keepParts" },
      { target: "goalCheck", actions: "keepGoal" },
    ]),
    /** A "weet ik niet" goal gets one easier question; a second one ends kindly, nothing saved. */
    goalHelp: question("goalHelp", ask("grow.goal.help"), [
      { guard: "dontKnow", target: "noGoalYet" },
      { guard: "severalProblems", target: "goalPick", actions: "keepParts" },
      { target: "goalCheck", actions: "keepGoal" },
    ]),
    /** Several problems at once: the client picks the one to start with; the rest can come later. */
    goalPick: question(
      "goalPick",
      "askGoalPick",
      [
        { guard: "tapped", target: "goalCheck", actions: ["keepPickedGoal", say("grow.goal.picked")] },
        textRetry("goalPick"),
        { guard: "dontKnow", target: "goalCheck", actions: ["keepFirstPart", "sayPickFirst"] },
        { target: "goalCheck", actions: ["keepPickedGoal", say("grow.goal.picked")] },
      ],
      "own",
    ),
    goalCheck: {
      always: [{ guard: "fixing", target: "summary" }, { guard: "goalOpen", target: "goalWhen" }, { target: "reality" }],
    },
    goalWhen: question("goalWhen", ask("grow.goal.when"), [
      { guard: "dontKnow", target: "reality", actions: say("grow.goal.whenLater") },
      { target: "reality", actions: "keepWhenText" },
    ]),
    reality: question("reality", ask("grow.reality.now"), [{ guard: "thinAnswer", target: "realityHelps" }, { guard: "stuck", target: "realityTried" }, { target: "options" }]),
    realityHelps: question("realityHelps", ask("grow.reality.helps"), [{ guard: "dontKnow", target: "options", actions: say("grow.reality.helpsNone") }, { target: "options" }]),
    realityTried: question("realityTried", ask("grow.reality.tried"), [
      { guard: "dontKnow", target: "options", actions: say("grow.reality.triedNone") },
      { target: "options", actions: say("grow.reality.triedThanks") },
    ]),
    options: question("options", ask("grow.options.ask"), [
      // No ways in mind: straight to one small step, with an example, rather than more questions about options.
      { guard: "dontKnow", target: "willStepHelp" },
      { guard: "stepWithDay", target: "stepRead", actions: "readStep" },
      { guard: "several", target: "optionsFavourite", actions: "keepWays" },
      { target: "willStep" },
    ]),
    optionsFavourite: question(
      "optionsFavourite",
      "askFavourite",
      [
        { guard: "tapped", target: "willStep" },
        textRetry("optionsFavourite"),
        { guard: "dontKnow", target: "willStep", actions: say("grow.options.favouriteNone") },
        { guard: "stepWithDay", target: "stepRead", actions: "readStep" },
        { target: "willStep" },
      ],
      "own",
    ),
    willStep: question("willStep", ask("grow.will.step"), [{ guard: "dontKnow", target: "willStepHelp" }, { target: "stepRead", actions: "readStep" }]),
    /** No first step yet: one easier question with an example; a second "weet ik niet" ends kindly. */
    willStepHelp: question("willStepHelp", ask("grow.will.stepHelp"), [{ guard: "dontKnow", target: "noStepYet" }, { target: "stepRead", actions: "readStep" }]),
    stepRead: {
      always: [
        { guard: "fixing", target: "summary" },
        { guard: "dayKnown", target: "dayRead" },
        { target: "willWhen" },
      ],
    },
    willWhen: question(
      "willWhen",
      ask("grow.will.when", undefined, WHEN_ROWS),
      [
        { guard: "gaveWhen", target: "dayRead", actions: "keepWhen" },
        { guard: "whenPast", target: "willWhen", reenter: true, actions: say("controls.datePast") },
        textRetry("willWhen"),
        { target: "willWhen", reenter: true, actions: say("controls.dateUnknown") },
      ],
      "own",
    ),
    dayRead: { always: [{ guard: "fixing", target: "summary" }, { target: "willSure" }] },
    willSure: question("willSure", ask("grow.will.sure", undefined, scaleRows()), [{ guard: "gaveScore", target: "sureRead", actions: "keepConfidence" }], "scale"),
    /** Unsure (0-6): what makes it one point higher; sure (7-10): what could still get in the way. */
    sureRead: { always: [{ guard: "unsure", target: "willHigher" }, { target: "willObstacle" }] },
    willHigher: question("willHigher", "askHigher", [{ guard: "dontKnow", target: "willFallback" }, { target: "willFallback", actions: "keepHigher" }]),
    willHelper: question(
      "willHelper",
      ask("grow.will.helper", undefined, [[{ id: "alone", label: "grow.will.alone" }]]),
      [
        { guard: "alone", target: "helperRead", actions: "keepAlone" },
        { guard: "dontKnow", target: "helperRead", actions: ["forgetHelper", "sayHelperNone"] },
        textRetry("willHelper"),
        { guard: "noPerson", target: "willHelper", reenter: true, actions: say("grow.will.helperWho") },
        { target: "helperRead", actions: "keepHelper" },
      ],
      "own",
    ),
    helperRead: { always: [{ guard: "fixing", target: "summary" }, { target: "willFallback" }] },
    willObstacle: question("willObstacle", "askObstacle", [
      { guard: "nothing", target: "summary", actions: say("grow.will.nothingInWay") },
      { guard: "dontKnow", target: "willFallback" },
      { target: "willFallback", actions: "keepObstacle" },
    ]),
    /** What the client does if the step fails (METHOD.md section 2, phase 4). */
    willFallback: question(
      "willFallback",
      "askFallback",
      [
        { guard: { type: "chose", params: { id: "coach" } }, target: "summary", actions: "sayFallbackCoach" },
        { guard: { type: "chose", params: { id: "retry" } }, target: "summary", actions: say("grow.will.fallbackRetry") },
        textRetry("willFallback"),
        { guard: "dontKnow", target: "summary", actions: "sayFallbackNone" },
        { guard: "nothing", target: "summary", actions: "sayFallbackNone" },
        { target: "summary", actions: say("grow.will.fallbackOwn") },
      ],
      "own",
    ),
    summary: {
      entry: "sayGoalSummary",
      always: { target: "check" },
    },
    /** The step line ends in "Klopt dat?", so an unclear answer repeats only that line. */
    check: question(
      "check",
      "askCheck",
      [
        { guard: "confirmed", target: "next", actions: ["saveGoal", "recordConfidence", "saySaved"] },
        // "nee, zaterdag" or "klopt niet, het wordt zondag": the day is put right at once.
        { guard: "deniedWithDay", target: "summary", actions: "keepWhen" },
        { guard: "denied", target: "fix", actions: "startFixing" },
        { target: "check", reenter: true, actions: say("grow.summary.unclear") },
      ],
      "own",
    ),
    fix: question(
      "fix",
      ask("grow.fix.ask", undefined, PART_ROWS),
      [
        { guard: { type: "fixes", params: { part: "goal" } }, target: "goal" },
        { guard: { type: "fixes", params: { part: "step" } }, target: "willStep" },
        { guard: { type: "fixes", params: { part: "when" } }, target: "willWhen" },
        { guard: { type: "fixes", params: { part: "helper" } }, target: "willHelper" },
        { target: "fix", reenter: true, actions: say("grow.summary.unclear") },
      ],
      "own",
    ),
    /** The goal is saved; offer the next conversation. "Niet nu" here simply ends (`parks` false). */
    next: question(
      "next",
      ask("grow.next.ask", undefined, [[{ id: "yes", label: "grow.next.yes" }]]),
      [
        { guard: "confirmed", target: "done", actions: ["startScaling", say("grow.next.go")] },
        { guard: "declinesNext", target: "done", actions: say("grow.next.later") },
        { target: "next", reenter: true, actions: say("grow.summary.unclear") },
      ],
      "own",
      false,
    ),
    noGoalYet: {
      type: "final",
      entry: "sayNoGoal",
    },
    /** A goal but no first step yet: nothing is saved; the coach can help think of one. */
    noStepYet: {
      type: "final",
      entry: "sayNoStep",
    },
    done: { type: "final" },
    ...parkStates(),
  },
});

/** Version 1 states that are gone, and where such a conversation goes on now. */
const V1_STATES: Record<string, string> = {
  goalSign: "reality",
  optionsFree: "willStepHelp",
  optionsGood: "willStep",
  optionsHard: "willStep",
  // Version 1 asked who helps before how sure; now the helper comes from the step or the "higher" answer.
  willHelper: "willSure",
};
/** Version 1 states at or after its helper question: an empty helper there meant "alone". */
const V1_AFTER_HELPER = new Set(["willSure", "willHigher", "summary", "check", "fix", "next"]);

/**
 * Version 1 (every question asked in a row) to version 2: the same answers, the new context fields,
 * and a state that still exists. Returns null for a shape it does not know.
 */
export function migrateGrow(snapshot: PersistedFlow, fromVersion: number): PersistedFlow | null {
  if (fromVersion !== 1 || typeof snapshot["value"] !== "string") return null;
  const old = (snapshot["context"] ?? {}) as Record<string, unknown>;
  const value = V1_STATES[snapshot["value"]] ?? snapshot["value"];
  const { signText: _sign, ...kept } = old;
  const helper = typeof old["helper"] === "string" ? old["helper"] : "";
  const helperKind: HelperKind = helper ? "person" : V1_AFTER_HELPER.has(snapshot["value"]) ? "alone" : "unknown";
  return { ...snapshot, value, context: { ...kept, parts: [], ways: [], helperKind, helper, obstacle: "" } };
}

export const grow: FlowDefinition = { id: "grow", version: 2, machine: growMachine, migrate: migrateGrow };
