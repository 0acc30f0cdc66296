/**
 * Clarifying the question (METHOD.md sections 2 and 4): before a goal, what the client wishes,
 * what worries them, what they are good at and who helps them, one short question each. Then the
 * life domains as plain words with an emoji, a few buttons at a time ("meer" shows the next
 * ones): the client picks one, and maybe a second; per picked domain a self-score 1-5 where
 * every number says what it means. With two the client says which comes first. The result (the
 * run's outcome: `focus`, `picked`, `scores`, the answers) seeds GROW's goal question
 * (src/domain/flow-data.ts). The client may skip the whole conversation at its first question.
 */
import { assign, setup } from "xstate";
import { effectWith, greet, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer, saysDontKnow, saysNothing } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, parkStates, question, textRetry, whoOf } from "./lib/controls.js";
import { DOMAIN_PAGES, DOMAINS, DOMAINS_PER_PAGE, domainIn, isDomain, type Domain } from "./lib/domains.js";
import { matchOption } from "./lib/parse.js";
import { isUnclear, readScore, readYesNo, type YesNo } from "./lib/readers.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput, Phase } from "./types.js";

export const MAX_PICKED = 2;

interface Context {
  name: string;
  coach: string;
  wish: string;
  worry: string;
  strengths: string;
  network: string;
  strengthsHelped: boolean;
  /** The domain page shown (0-based). */
  page: number;
  /** Domains picked, in the order picked. */
  picked: Domain[];
  /** The self-score 1-5 per picked domain. */
  scores: Partial<Record<Domain, number>>;
  /** The domain the client wants to start with. */
  focus: Domain | null;
}

/** Phases from which a clarifying talk moves the client (not back out of closing or aftercare). */
const BEFORE_CLOSING: Phase[] = ["REFERRED", "FIRST_CONTACT", "CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"];

function pageRows(c: Context): Choice[][] {
  const shown = DOMAINS.slice(c.page * DOMAINS_PER_PAGE, (c.page + 1) * DOMAINS_PER_PAGE).filter((d) => !c.picked.includes(d));
  const rows: Choice[][] = [];
  for (let i = 0; i < shown.length; i += 2) rows.push(shown.slice(i, i + 2).map((d) => ({ id: d, label: `clarifying.domain.${d}` })));
  rows.push([{ id: "more", label: "clarifying.domains.more" }]);
  return rows;
}

const SCORE_ROWS: Choice[][] = [1, 2, 3, 4, 5].map((n) => [{ id: String(n), label: `clarifying.score.n${n}` }]);
const START_ROWS: Choice[][] = [[{ id: "yes", label: "clarifying.start.yes" }], [{ id: "skip", label: "clarifying.start.skip" }]];
const MORE_ROWS: Choice[][] = [[{ id: "yes", label: "clarifying.another.yes" }], [{ id: "no", label: "clarifying.another.no" }]];
const GOAL_ROWS: Choice[][] = [[{ id: "yes", label: "clarifying.goal.yes" }], [{ id: "later", label: "clarifying.goal.later" }]];

/** A domain tapped or typed ("geld", "mn schulden"), not one already picked. */
function pickedOf(event: ClientEvent, c: Context): Domain | null {
  const d = event.type === "client.chose" ? event.choice : domainIn(event.text);
  return isDomain(d) && !c.picked.includes(d) ? d : null;
}

function wantsMore(event: ClientEvent): boolean {
  if (event.type === "client.chose") return event.choice === "more";
  return matchOption(event.text, { more: ["meer", "andere", "anders", "volgende", "nog meer", "more", "next", "other"] }) === "more";
}

/** A self-score 1-5 from a button or typed ("3", "drie", "een 4"). */
function domainScoreOf(event: ClientEvent): number | null {
  const raw = event.type === "client.chose" ? Number(event.choice) : (() => {
    const r = readScore(event.text);
    return isUnclear(r) ? NaN : r.value;
  })();
  return Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : null;
}

/** Yes or no to a question with two buttons; typed text must be a clear yes or no. */
function yesNo(event: ClientEvent, yesId: string, noIds: string[]): YesNo | null {
  const buttons: Record<string, YesNo> = Object.fromEntries([[yesId, "yes"], ...noIds.map((id) => [id, "no"])]);
  return readYesNo(event, { buttons, deferred: "no", dontKnow: null, askCoach: null });
}

type Args = { context: Context; event: ClientEvent };

export const clarifyingMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    enterPhase: effectWith<Context, ClientEvent>(() => ({ kind: "phase", to: "CLARIFYING", onlyFrom: BEFORE_CLOSING })),
    intro: greet<Context, ClientEvent>("clarifying.intro"),
    keepWish: assign({ wish: ({ event }) => answerOf(event) }),
    keepWorry: assign({ worry: ({ event }) => answerOf(event) }),
    markStrengthsHelped: assign({ strengthsHelped: true }),
    keepStrengths: assign({ strengths: ({ event }) => answerOf(event) }),
    keepNetwork: assign({ network: ({ event }) => answerOf(event) }),
    askDomain: sayWith<Context, ClientEvent>(({ context }) => ({ key: context.page > 0 ? "clarifying.domains.next" : context.picked.length ? "clarifying.domains.askAnother" : "clarifying.domains.ask", choices: [...pageRows(context), [{ id: "notNow", label: "controls.notNow" }]] })),
    keepDomain: assign({ picked: ({ context, event }) => [...context.picked, pickedOf(event, context) as Domain] }),
    nextPage: assign({ page: ({ context }) => (context.page + 1) % DOMAIN_PAGES }),
    firstPage: assign({ page: 0 }),
    askScore: sayWith<Context, ClientEvent>(({ context }) => ({ key: `clarifying.score.ask.${context.picked.at(-1) ?? "money"}`, choices: [...SCORE_ROWS, [{ id: "notNow", label: "controls.notNow" }]] })),
    keepScore: assign({ scores: ({ context, event }) => ({ ...context.scores, [context.picked.at(-1) as Domain]: domainScoreOf(event) as number }) }),
    focusFirst: assign({ focus: ({ context }) => context.picked[0] ?? null }),
    askPriority: sayWith<Context, ClientEvent>(({ context }) => ({ key: "clarifying.priority", choices: [...context.picked.map((d) => [{ id: d, label: `clarifying.domain.${d}` }]), [{ id: "notNow", label: "controls.notNow" }]] })),
    keepFocus: assign({ focus: ({ event }) => (event.type === "client.chose" ? event.choice : domainIn(event.text)) as Domain }),
    toGoalPhase: effectWith<Context, ClientEvent>(() => ({ kind: "phase", to: "GOAL_AND_PLAN", onlyFrom: ["CLARIFYING"] })),
    startGrow: effectWith<Context, ClientEvent>(() => ({ kind: "startFlow", flowId: "grow" })),
    sayLaterOk: sayWith<Context, ClientEvent>(({ context }) => ({ key: "clarifying.goal.laterOk", vars: { name: context.name } })),
  },
  guards: {
    ...controlGuards,
    skips: ({ event }: Args) => (event.type === "client.chose" ? event.choice === "skip" : /\b(overslaan|sla over|sla maar over|skip)\b/.test(event.text.toLowerCase())),
    starts: ({ event }: Args) => yesNo(event, "yes", []) === "yes",
    dontKnow: ({ event }: Args) => event.type === "client.said" && hasNoAnswer(event.text),
    strengthsUnknown: ({ context, event }: Args) => !context.strengthsHelped && event.type === "client.said" && saysDontKnow(event.text),
    nobody: ({ event }: Args) => event.type === "client.said" && (saysNothing(event.text) || /\b(niemand|nobody|no one|alleen)\b/i.test(event.text)),
    pickedDomain: ({ context, event }: Args) => pickedOf(event, context) !== null,
    more: ({ event }: Args) => wantsMore(event),
    gaveDomainScore: ({ event }: Args) => domainScoreOf(event) !== null,
    canPickMore: ({ context }: Args) => context.picked.length < MAX_PICKED,
    two: ({ context }: Args) => context.picked.length >= 2,
    yesAnother: ({ event }: Args) => yesNo(event, "yes", ["no"]) === "yes",
    noAnother: ({ event }: Args) => yesNo(event, "yes", ["no"]) === "no",
    choseFocus: ({ context, event }: Args) => {
      const d = event.type === "client.chose" ? event.choice : domainIn(event.text);
      return isDomain(d) && context.picked.includes(d);
    },
    goalNow: ({ event }: Args) => yesNo(event, "yes", ["later"]) === "yes",
    goalLater: ({ event }: Args) => yesNo(event, "yes", ["later"]) === "no",
  },
}).createMachine({
  id: "clarifying",
  context: ({ input }) => ({
    ...whoOf(input),
    wish: "", worry: "", strengths: "", network: "", strengthsHelped: false,
    page: 0, picked: [], scores: {}, focus: null,
  }),
  entry: ["enterPhase", "intro"],
  initial: "start",
  states: {
    /** Skippable: the client may go straight on to a goal. "Overslaan" is read before "niet nu" (`parks` false). */
    start: question(
      "start",
      say("clarifying.start.ask", undefined, START_ROWS),
      [
        { guard: "skips", target: "skipped" },
        { guard: "saidNotNow", target: "parkWhen" },
        { guard: "starts", target: "wish" },
        { target: "start", reenter: true, actions: say("clarifying.start.unclear") },
      ],
      "own",
      false,
    ),
    wish: question("wish", ask("clarifying.wish"), [{ guard: "dontKnow", target: "worry", actions: say("clarifying.wishLater") }, { target: "worry", actions: "keepWish" }]),
    worry: question("worry", ask("clarifying.worry"), [
      { guard: "dontKnow", target: "strengths", actions: say("clarifying.worryNone") },
      { target: "strengths", actions: ["keepWorry", say("clarifying.worryThanks")] },
    ]),
    strengths: question("strengths", ask("clarifying.strengths"), [
      { guard: "strengthsUnknown", target: "strengthsHelp", actions: "markStrengthsHelped" },
      { guard: "dontKnow", target: "network", actions: say("clarifying.strengthsLater") },
      { target: "network", actions: ["keepStrengths", say("clarifying.strengthsNice")] },
    ]),
    /** "Weet ik niet": one easier question, through the eyes of others. */
    strengthsHelp: question("strengthsHelp", ask("clarifying.strengthsHelp"), [
      { guard: "dontKnow", target: "network", actions: say("clarifying.strengthsLater") },
      { target: "network", actions: ["keepStrengths", say("clarifying.strengthsNice")] },
    ]),
    network: question("network", ask("clarifying.network"), [
      { guard: "nobody", target: "domains", actions: say("clarifying.networkNobody") },
      { guard: "dontKnow", target: "domains" },
      { target: "domains", actions: "keepNetwork" },
    ]),
    /** A few domains at a time; "meer" shows the next ones (and after the last, the first again). */
    domains: question(
      "domains",
      "askDomain",
      [
        { guard: "pickedDomain", target: "score", actions: "keepDomain" },
        { guard: "more", target: "domains", reenter: true, actions: "nextPage" },
        textRetry("domains"),
        { guard: "dontKnow", target: "domains", reenter: true, actions: say("clarifying.domains.help") },
        { target: "domains", reenter: true, actions: say("clarifying.domains.unknown") },
      ],
      "own",
    ),
    score: question(
      "score",
      "askScore",
      [
        { guard: "gaveDomainScore", target: "scored", actions: "keepScore" },
        { target: "score", reenter: true, actions: say("clarifying.score.unknown") },
      ],
      "own",
    ),
    scored: { always: [{ guard: "canPickMore", target: "another" }, { target: "priorityOrGoal" }] },
    another: {
      entry: ask("clarifying.another.ask", undefined, MORE_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "priorityOrGoal" },
          { guard: "yesAnother", target: "domains", actions: "firstPage" },
          { guard: "noAnother", target: "priorityOrGoal" },
          { guard: "pickedDomain", target: "score", actions: "keepDomain" },
          { target: "another", reenter: true, actions: say("clarifying.unclear") },
        ],
      },
    },
    priorityOrGoal: {
      always: [{ guard: "two", target: "priority" }, { target: "goal", actions: "focusFirst" }],
    },
    /** Two domains: the client says which comes first. */
    priority: question(
      "priority",
      "askPriority",
      [
        { guard: "choseFocus", target: "goal", actions: "keepFocus" },
        { guard: "dontKnow", target: "goal", actions: ["focusFirst", say("clarifying.priorityFirst")] },
        { target: "priority", reenter: true, actions: say("clarifying.unclear") },
      ],
      "own",
    ),
    /** "Niet nu" here means the goal comes later: no park (`parks` false). */
    goal: question(
      "goal",
      say("clarifying.goal.ask", undefined, GOAL_ROWS),
      [{ guard: "goalNow", target: "toGoal" }, { guard: "goalLater", target: "later" }, { guard: "saidNotNow", target: "later" }, { target: "goal", reenter: true, actions: say("clarifying.unclear") }],
      "own",
      false,
    ),
    toGoal: {
      type: "final",
      entry: ["toGoalPhase", say("clarifying.goal.nowOk"), "startGrow"],
    },
    later: {
      type: "final",
      entry: ["toGoalPhase", "sayLaterOk"],
    },
    skipped: {
      type: "final",
      entry: ["toGoalPhase", say("clarifying.start.skipOk"), "startGrow"],
    },
    ...parkStates(),
  },
});

export const clarifying: FlowDefinition = { id: "clarifying", version: 1, machine: clarifyingMachine };
