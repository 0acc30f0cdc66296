/**
 * What every coaching question shares: the "niet nu" button and its typed forms, parking the
 * conversation until a day the client picks, calm clarifications for empty, emoji-only or very
 * long answers, and the 0-10 scale buttons. Flows spread `controlActions()` and `controlGuards`
 * into `setup()`, build each question state with `question()`, and add `...parkStates()` to their
 * states.
 */
import type { MachineContext } from "xstate";
import type { Choice, ClientEvent, Effect, FlowInput, Say, Vars } from "../types.js";
import { effectWith, outputActions, say, sayWith } from "./actions.js";
import { saysDontKnow } from "./answers.js";
import { amsterdamDateTime } from "./calendar.js";
import { parseDate, parseScale, type DateResult } from "./parse.js";
import { CONFIRM, isUnclear, plain, readIntent, readYesNo } from "./readers.js";

/** Who talks: the client as they want to be called (`name`) and their coach, for a flow's context. */
export function whoOf(input: FlowInput): { name: string; coach: string } {
  return { name: input.client.callName ?? input.client.name, coach: input.coach.name };
}

/** Answers longer than this get a request to say it shorter (the engine refuses > 1000 itself). */
export const MAX_ANSWER = 500;
/** Free text is stored up to this many characters. */
export const KEEP_CHARS = 300;
/** A step's due day becomes this hour, Amsterdam time. */
export const DUE_HOUR = 12;
/** A parked conversation comes back at this hour (Amsterdam time) on the chosen day. */
export const RESUME_HOUR = 10;

export const NOT_NOW: Choice = { id: "notNow", label: "controls.notNow" };

/** Button rows with the "niet nu" row last. */
export function withNotNow(rows: Choice[][] = []): Choice[][] {
  return [...rows, [NOT_NOW]];
}

/** A question: a `say` with the "niet nu" button under its own buttons. */
export function ask(key: string, vars?: Vars, rows?: Choice[][]): { type: "say"; params: Say } {
  return say(key, vars, withNotNow(rows));
}

/**
 * The "niet nu" button, or a typed "niet nu", "nu even niet ik ben moe", "geen zin nu", "later",
 * "liever een andere keer". Strict: "geen tijd", "morgen" or "nog niet" are answers here.
 */
export function isNotNow(event: ClientEvent): boolean {
  if (event.type === "client.chose") return event.choice === NOT_NOW.id;
  const r = readIntent(event.text, { strict: true });
  return !isUnclear(r) && (r.value === "notNow" || r.value === "later");
}

export type TextProblem = "empty" | "noWords" | "tooLong" | "button";

/** Why a typed answer to an open question cannot be used, or null when it can. */
export function textProblem(event: ClientEvent): TextProblem | null {
  if (event.type === "client.chose") return "button";
  const text = event.text.trim();
  if (!text) return "empty";
  if (text.length > MAX_ANSWER) return "tooLong";
  if (!/[\p{L}\p{N}]/u.test(text)) return "noWords";
  return null;
}

const CLARIFY: Record<TextProblem, string> = {
  empty: "controls.empty",
  noWords: "controls.noWords",
  tooLong: "controls.tooLong",
  button: "common.pickButton",
};


/** Tidies free text and keeps at most KEEP_CHARS characters of it. */
export function clip(text: string): string {
  const t = text.replace(/[ \t]+/g, " ").trim();
  return t.length <= KEEP_CHARS ? t : `${t.slice(0, KEEP_CHARS - 1)}…`;
}

/** The typed answer, tidied and clipped; "" for a button. */
export function answerOf(event: ClientEvent): string {
  return event.type === "client.said" ? clip(event.text) : "";
}

/** The 0-10 buttons in two rows; each label is the number itself. */
export function scaleRows(): Choice[][] {
  const button = (n: number): Choice => ({ id: String(n), label: "controls.number", vars: { n } });
  return [[0, 1, 2, 3, 4, 5].map(button), [6, 7, 8, 9, 10].map(button)];
}

/** A score from a scale button or typed text ("7", "zeven", "een 6 of zo"), or null. */
export function scoreOf(event: ClientEvent): number | null {
  const result = event.type === "client.chose" ? (/^(10|[0-9])$/.test(event.choice) ? Number(event.choice) : null) : parseScale(event.text);
  return typeof result === "number" ? result : null;
}

function scoreClarifyKey(event: ClientEvent): string {
  if (event.type === "client.said" && event.text.trim().length > MAX_ANSWER) return "controls.tooLong";
  if (event.type === "client.said" && parseScale(event.text) !== null) return "controls.scaleRange";
  return "controls.scaleUnknown";
}

/** A day from typed text, relative to the event's time. */
export function dateOf(event: ClientEvent): DateResult {
  return event.type === "client.said" ? parseDate(event.text, event.now) : null;
}

/** When a parked conversation comes back: RESUME_HOUR that day, or in two hours when that has passed. */
export function resumeMoment(isoDate: string, nowIso: string): string {
  const at = amsterdamDateTime(isoDate, RESUME_HOUR);
  return Date.parse(at) > Date.parse(nowIso) ? at : new Date(Date.parse(nowIso) + 2 * 3_600_000).toISOString();
}

type ParkAnswer = { key: string; resumeAt?: string } | { error: "past" | "unknown" };

const PARK_SELF = ["zelf", "ik zeg het zelf", "ik zeg het wel", "ik laat het weten", "ik stuur zelf", "weet ik nog niet"];

/** What the client said to "when shall we go on?": a day, "I'll say it myself", or an error. */
export function parkAnswerOf(event: ClientEvent): ParkAnswer {
  const on = (phrase: string) => parseDate(phrase, event.now) as string;
  if (event.type === "client.chose") {
    if (event.choice === "tomorrow") return { key: "controls.park.okTomorrow", resumeAt: resumeMoment(on("morgen"), event.now) };
    if (event.choice === "nextWeek") return { key: "controls.park.okNextWeek", resumeAt: resumeMoment(on("volgende week"), event.now) };
    return event.choice === "self" || event.choice === NOT_NOW.id ? { key: "controls.park.okSelf" } : { error: "unknown" };
  }
  const said = plain(event.text);
  if (PARK_SELF.some((p) => said === p || said.startsWith(`${p} `)) || saysDontKnow(event.text) || isNotNow(event)) return { key: "controls.park.okSelf" };
  const day = parseDate(event.text, event.now);
  if (typeof day === "string") return { key: "controls.park.okDay", resumeAt: resumeMoment(day, event.now) };
  return { error: day ? "past" : "unknown" };
}

function parkEffect(event: ClientEvent): Effect {
  const answer = parkAnswerOf(event);
  return { kind: "park", ...("resumeAt" in answer && answer.resumeAt ? { resumeAt: answer.resumeAt } : {}) };
}

function parkClosingKey(event: ClientEvent): string {
  const answer = parkAnswerOf(event);
  return "key" in answer ? answer.key : "controls.park.okSelf";
}

type GuardArgs = { event: ClientEvent };

/**
 * Actions every coaching flow spreads into `setup({ actions })`: the two output actions (`say`,
 * `effect`), `clarify` (the calm word for an answer `textProblem` refuses; the question follows
 * again), `scaleAgain` (the same for a 0-10 question), `pickButton`, and the park ending's effect
 * and closing words.
 */
export function controlActions<C extends MachineContext>() {
  return {
    ...outputActions,
    clarify: sayWith<C, ClientEvent>(({ event }) => ({ key: CLARIFY[textProblem(event) ?? "button"] })),
    scaleAgain: sayWith<C, ClientEvent>(({ event }) => ({ key: scoreClarifyKey(event) })),
    pickButton: sayWith<C, ClientEvent>(() => ({ key: "common.pickButton" })),
    park: effectWith<C, ClientEvent>(({ event }) => parkEffect(event)),
    sayParked: sayWith<C, ClientEvent>(({ event }) => ({ key: parkClosingKey(event) })),
  };
}

/** Guards every coaching flow spreads into `setup({ guards })`. */
export const controlGuards = {
  saidNotNow: ({ event }: GuardArgs) => isNotNow(event),
  badText: ({ event }: GuardArgs) => textProblem(event) !== null,
  gaveScore: ({ event }: GuardArgs) => scoreOf(event) !== null,
  confirmed: ({ event }: GuardArgs) => confirmOf(event) === "yes",
  denied: ({ event }: GuardArgs) => confirmOf(event) === "no",
  parkAnswered: ({ event }: GuardArgs) => !("error" in parkAnswerOf(event)),
  parkDayPast: ({ event }: GuardArgs) => {
    const answer = parkAnswerOf(event);
    return "error" in answer && answer.error === "past";
  },
};

export type QuestionKind = "open" | "pick" | "scale" | "own";

/**
 * One question state: `ask` on entry (a named action or a `say`), then "niet nu" goes to the park
 * ending, then the question's own `handlers`, and the re-ask of its kind: an `open` question asks
 * again after an unusable text (before the handlers), a `pick` question after anything no handler
 * took ("kies een knop"), a `scale` question after anything that is not a score. An `own` question
 * has buttons and typed answers both: its handlers take the buttons, then `textRetry(self)`, then
 * the typed answers, and end in their own re-ask. With `parks: false` "niet nu" does not park:
 * the question's handlers read it as an answer (onboarding's "later", "no next step for now").
 */
export function question<const A, const H extends readonly unknown[]>(self: string, ask: A, handlers: H, kind: QuestionKind = "open", parks = true) {
  const notNow = parks ? ([{ guard: "saidNotNow", target: "parkWhen" }] as const) : ([] as const);
  const first = kind === "open" ? [...notNow, textRetry(self)] : notNow;
  const last = kind === "pick" ? [{ target: self, reenter: true, actions: "pickButton" } as const] : kind === "scale" ? [scaleRetry(self)] : [];
  return { entry: ask, on: { "client.*": [...first, ...handlers, ...last] } } as const;
}

/** An unusable typed answer (or a button no handler took) gets a calm word and the question again. */
export function textRetry(self: string) {
  return { guard: "badText", target: self, reenter: true, actions: "clarify" } as const;
}

/** Last handler of a 0-10 question: anything that is not a score gets a calm word and the question again. */
export function scaleRetry(self: string) {
  return { target: self, reenter: true, actions: "scaleAgain" } as const;
}

const PARK_ROWS: Choice[][] = [
  [{ id: "tomorrow", label: "controls.park.tomorrow" }],
  [{ id: "nextWeek", label: "controls.park.nextWeek" }],
  [{ id: "self", label: "controls.park.self" }],
];

/**
 * The "niet nu" ending every flow shares: ask when to come back, emit `park`, close kindly.
 * Targets are siblings, so question states must be top-level states of the flow.
 */
export function parkStates() {
  return {
    parkWhen: {
      entry: say("controls.park.when", undefined, PARK_ROWS),
      on: {
        "client.*": [
          {
            guard: "parkAnswered",
            target: "parked",
            actions: ["park", "sayParked"],
          },
          { guard: "parkDayPast", target: "parkWhen", reenter: true, actions: say("controls.datePast") },
          { target: "parkWhen", reenter: true, actions: say("controls.dateUnknown") },
        ],
      },
    },
    parked: { type: "final" as const },
  } as const;
}

/** Yes or no to "klopt het?": buttons `yes` / `no`, or typed "ja", "klopt", "nee", "klopt niet" (`readYesNo` with `CONFIRM`). */
export function confirmOf(event: ClientEvent): "yes" | "no" | null {
  const yn = readYesNo(event, CONFIRM);
  return yn === "yes" || yn === "no" ? yn : null;
}

/** A client's words inside a sentence of ours: without a final full stop, so "{{step}}." never shows two. */
export function bare(text: string): string {
  return text.replace(/[.!?\s]+$/u, "");
}

export type WhenKind = "tomorrow" | "thisWeek" | "text" | "none";

export interface When {
  kind: WhenKind;
  /** The client's own words when typed, for the summary. */
  said: string;
  dueAt: string | null;
}

const due = (isoDate: string) => amsterdamDateTime(isoDate, DUE_HOUR);

/** When the client will take a step: the buttons `tomorrow` / `thisWeek` / `notSure`, a typed day, or "weet ik nog niet". */
export function whenOf(event: ClientEvent): When | null {
  if (event.type === "client.chose") {
    if (event.choice === "tomorrow") return { kind: "tomorrow", said: "", dueAt: due(parseDate("morgen", event.now) as string) };
    if (event.choice === "thisWeek") return { kind: "thisWeek", said: "", dueAt: due(parseDate("deze week", event.now) as string) };
    return event.choice === "notSure" ? { kind: "none", said: "", dueAt: null } : null;
  }
  if (saysDontKnow(event.text)) return { kind: "none", said: "", dueAt: null };
  const day = dateOf(event);
  return typeof day === "string" ? { kind: "text", said: clip(event.text), dueAt: due(day) } : null;
}

/** A short answer naming a person, seen from the client's side: "Mijn zus" becomes "je zus". */
export function yourPerson(text: string): string {
  return bare(text).replace(/^(mijn|m'n|my)\s+/i, (_, w: string) => (w.toLowerCase() === "my" ? "your " : "je "));
}
