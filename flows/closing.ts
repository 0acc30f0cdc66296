/**
 * Closing (METHOD.md section 2, phase 7), the last talk, announced ahead by the coach
 * (src/domain/trajectory.ts). A concrete next step (work, volunteering, a course, care, something
 * else, and the first thing the client will do for it); an optional warm handover: a yes tells
 * the coach, who makes the referral (/verwijs, the existing referral flow, in which the client
 * decides what is shared). Then permission for the check-ins after closing, with buttons: only a
 * button or a clear typed yes counts, anything unclear is asked again and never taken as a yes.
 * A farewell names what the client did (goal and steps from `input.data`). `closeTrajectory`
 * plans the check-ins (`input.data.aftercareWeeks`, default 4 and 12) or closes the trajectory.
 */
import { assign, setup } from "xstate";
import { effectWith, greet, say, sayWith } from "./lib/actions.js";
import { hasNoAnswer } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, parkStates, question, textRetry, whoOf } from "./lib/controls.js";
import { matchOption } from "./lib/parse.js";
import { ONLY_YES_NO, readYesNo, type YesNo } from "./lib/readers.js";
import { factsOf, recap, type TrajectoryFacts } from "./lib/trajectory.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput, Say } from "./types.js";

export const DEFAULT_AFTERCARE_WEEKS = [4, 12];
export const AFTERCARE_TEXT_VERSION = "closing.aftercare@1";

/** The check-ins after closing as configured ("4,12"): one or two whole numbers of weeks, ascending. */
export function parseAftercareWeeks(value: string | undefined): number[] {
  if (value === undefined || value.trim() === "") return DEFAULT_AFTERCARE_WEEKS;
  const weeks = value.split(",").map((p) => Number(p.trim()));
  if (weeks.length > 2 || weeks.some((w) => !Number.isInteger(w) || w < 1 || w > 104) || (weeks.length === 2 && (weeks[1] as number) <= (weeks[0] as number))) {
    throw new Error(`one or two whole numbers of weeks, ascending, such as "4,12" (not "${value}")`);
  }
  return weeks;
}

const NEXT = ["work", "volunteering", "course", "care", "other"] as const;
type Next = (typeof NEXT)[number];

const NEXT_WORDS: Record<Next, string[]> = {
  work: ["werk", "baan", "werken", "betaald werk", "solliciteren", "job", "work"],
  volunteering: ["vrijwilligerswerk", "vrijwilliger", "vrijwillig", "volunteer", "volunteering"],
  course: ["cursus", "opleiding", "school", "leren", "taalles", "les", "course", "training", "study"],
  care: ["zorg", "hulp", "hulpverlening", "therapie", "ggz", "huisarts", "care", "help", "therapy"],
  other: ["iets anders", "anders", "other", "something else"],
};

interface Context {
  name: string;
  coach: string;
  facts: TrajectoryFacts;
  weeks: number[];
  next: Next | null;
  /** The client's own words for the next step, when typed. */
  nextText: string;
  firstStep: string;
  handover: boolean;
  aftercare: boolean | null;
}

function weeksOf(data: Record<string, unknown> | undefined): number[] {
  const w = data?.["aftercareWeeks"];
  if (!Array.isArray(w)) return DEFAULT_AFTERCARE_WEEKS;
  return w.filter((n): n is number => Number.isInteger(n) && n > 0 && n <= 104).slice(0, 2);
}

function nextOf(event: ClientEvent): Next | null {
  if (event.type === "client.chose") return (NEXT as readonly string[]).includes(event.choice) ? (event.choice as Next) : null;
  return matchOption(event.text, NEXT_WORDS);
}

const NEXT_ROWS: Choice[][] = [
  [{ id: "work", label: "closing.next.work" }, { id: "volunteering", label: "closing.next.volunteering" }],
  [{ id: "course", label: "closing.next.course" }, { id: "care", label: "closing.next.care" }],
  [{ id: "other", label: "closing.next.other" }],
];
const HANDOVER_ROWS: Choice[][] = [[{ id: "yes", label: "closing.handover.yes" }], [{ id: "no", label: "closing.handover.no" }]];
const AFTERCARE_ROWS: Choice[][] = [[{ id: "yes", label: "closing.aftercare.yes" }], [{ id: "no", label: "closing.aftercare.no" }]];

/** A button, or a typed answer that is plainly yes or no (readIntent); anything else is unclear. */
function yesNoOf(event: ClientEvent): YesNo | null {
  return readYesNo(event, { ...ONLY_YES_NO, strict: true });
}

function aftercareAsk(c: Context): Say {
  const [first, second] = c.weeks;
  return second !== undefined
    ? { key: "closing.aftercare.askTwo", vars: { first: first ?? 4, second }, choices: AFTERCARE_ROWS }
    : { key: "closing.aftercare.askOne", vars: { first: first ?? 4 }, choices: AFTERCARE_ROWS };
}

type Args = { context: Context; event: ClientEvent };

export const closingMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    enterPhase: effectWith<Context, ClientEvent>(() => ({ kind: "phase", to: "CLOSING", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"] })),
    intro: greet<Context, ClientEvent>("closing.intro"),
    keepNext: assign({ next: ({ event }) => nextOf(event), nextText: ({ event }) => answerOf(event) }),
    nextOther: assign({ next: "other" }),
    keepOwnNext: assign({ next: "other", nextText: ({ event }) => answerOf(event) }),
    sayNextUnsure: sayWith<Context, ClientEvent>(({ context }) => ({ key: "closing.next.unsure", vars: { coach: context.coach } })),
    keepFirstStep: assign({ firstStep: ({ event }) => answerOf(event) }),
    askHandover: sayWith<Context, ClientEvent>(({ context }) => ({ key: "closing.handover.ask", vars: { coach: context.coach }, choices: HANDOVER_ROWS })),
    markHandover: assign({ handover: true }),
    notifyHandover: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "notifyCoach", cause: "closing_handover", detail: { next: context.next ?? "other" } })),
    sayHandoverOk: sayWith<Context, ClientEvent>(({ context }) => ({ key: "closing.handover.yesOk", vars: { coach: context.coach } })),
    noAftercare: assign({ aftercare: false }),
    askAftercare: sayWith<Context, ClientEvent>(({ context }) => aftercareAsk(context)),
    markAftercare: assign({ aftercare: true }),
    aftercareGiven: effectWith<Context, ClientEvent>(() => ({ kind: "consent", subject: "aftercare", textVersion: AFTERCARE_TEXT_VERSION, decision: "GIVEN" })),
    aftercareRefused: effectWith<Context, ClientEvent>(() => ({ kind: "consent", subject: "aftercare", textVersion: AFTERCARE_TEXT_VERSION, decision: "REFUSED" })),
    sayAftercareOk: sayWith<Context, ClientEvent>(({ context }) => ({ key: "closing.aftercare.yesOk", vars: { first: context.weeks[0] ?? 4 } })),
    sayFarewell: sayWith<Context, ClientEvent>(({ context }) => recap("closing.farewell", context.facts, { name: context.name })),
    sayBye: sayWith<Context, ClientEvent>(({ context }) => ({ key: "closing.bye", vars: { name: context.name, coach: context.coach } })),
    closeTrajectory: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "closeTrajectory", aftercare: context.aftercare === true, aftercareWeeks: context.aftercare === true ? context.weeks : [] })),
  },
  guards: {
    ...controlGuards,
    choseNext: ({ event }: Args) => nextOf(event) !== null,
    dontKnow: ({ event }: Args) => event.type === "client.said" && hasNoAnswer(event.text),
    yes: ({ event }: Args) => yesNoOf(event) === "yes",
    no: ({ event }: Args) => yesNoOf(event) === "no",
    noWeeks: ({ context }: Args) => context.weeks.length === 0,
  },
}).createMachine({
  id: "closing",
  context: ({ input }) => ({
    ...whoOf(input),
    facts: factsOf(input.data),
    weeks: weeksOf(input.data),
    next: null, nextText: "", firstStep: "", handover: false, aftercare: null,
  }),
  entry: ["enterPhase", "intro"],
  initial: "next",
  states: {
    next: question(
      "next",
      ask("closing.next.ask", undefined, NEXT_ROWS),
      [
        { guard: "choseNext", target: "firstStep", actions: "keepNext" },
        textRetry("next"),
        { guard: "dontKnow", target: "handover", actions: ["nextOther", "sayNextUnsure"] },
        // Their own words are a next step too ("weer gaan tekenen"): no need to pick a button.
        { target: "firstStep", actions: "keepOwnNext" },
      ],
      "own",
    ),
    firstStep: question("firstStep", ask("closing.firstStep"), [
      { guard: "dontKnow", target: "handover", actions: say("closing.firstStepLater") },
      { target: "handover", actions: ["keepFirstStep", say("closing.firstStepOk")] },
    ]),
    /** A warm handover: the coach brings the client in touch (a referral the client consents to). */
    handover: {
      entry: "askHandover",
      on: {
        "client.*": [
          {
            guard: "yes",
            target: "aftercareOrEnd",
            actions: ["markHandover", "notifyHandover", "sayHandoverOk"],
          },
          { guard: "no", target: "aftercareOrEnd", actions: say("closing.handover.noOk") },
          { guard: "saidNotNow", target: "aftercareOrEnd", actions: say("closing.handover.noOk") },
          { target: "handover", reenter: true, actions: say("closing.unclear") },
        ],
      },
    },
    aftercareOrEnd: { always: [{ guard: "noWeeks", target: "farewell", actions: "noAftercare" }, { target: "aftercare" }] },
    /** Permission for the check-ins after closing: buttons; unclear text is never a yes. */
    aftercare: {
      entry: "askAftercare",
      on: {
        "client.*": [
          {
            guard: "yes",
            target: "farewell",
            actions: ["markAftercare", "aftercareGiven", "sayAftercareOk"],
          },
          {
            guard: "no",
            target: "farewell",
            actions: ["noAftercare", "aftercareRefused", say("closing.aftercare.noOk")],
          },
          { target: "aftercare", reenter: true, actions: say("closing.aftercare.unclear") },
        ],
      },
    },
    farewell: {
      type: "final",
      entry: ["sayFarewell", "sayBye", "closeTrajectory"],
    },
    ...parkStates(),
  },
});

export const closing: FlowDefinition = { id: "closing", version: 1, machine: closingMachine };
