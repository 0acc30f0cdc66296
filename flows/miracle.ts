/**
 * The miracle question (METHOD.md section 3): tonight a miracle happens and the trouble is gone;
 * what is the first thing you notice, who notices it in you and what do they do differently, what
 * do you do differently yourself, and what do you need for a small piece of it tomorrow? When an
 * answer only changes other people, one question brings it back to what the client can do. "Weet
 * ik niet" gets one easier question or a gentle skip, and is never said back. A summary in our
 * words the client can correct, and a positive ending. Nothing is saved: this conversation is for
 * the client to picture a better day.
 */
import { assign, enqueueActions, setup } from "xstate";
import { outputActions, say } from "./lib/actions.js";
import { aboutOthersOnly, hasNoAnswer, saysNothing } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, openQuestion, parkStates } from "./lib/controls.js";
import { normalise } from "./lib/parse.js";
import { fromYourSide, personOf } from "./lib/rephrase.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput, PersistedFlow, Say } from "./types.js";

interface Context {
  name: string;
  first: string;
  who: string;
  does: string;
  different: string;
  need: string;
  /** The easier question about the first thing was asked once. */
  firstHelped: boolean;
  differentHelped: boolean;
}

const CHECK_ROWS: Choice[][] = [[{ id: "yes", label: "miracle.summary.yes" }], [{ id: "no", label: "miracle.summary.no" }]];

const NOBODY = /^(niemand|nobody|no one|noone|niemand eigenlijk|geen een|geen één)$/;

/** The summary lines there is something for: an empty or "weet ik niet" answer has no line. */
function summary(c: Context): Say[] {
  const lines: Say[] = [];
  if (c.first) lines.push({ key: "miracle.summary.first", vars: { first: fromYourSide(c.first) } });
  if (c.who && c.does) lines.push({ key: "miracle.summary.whoDoes", vars: { who: personOf(c.who), does: fromYourSide(c.does) } });
  else if (c.who) lines.push({ key: "miracle.summary.who", vars: { who: personOf(c.who) } });
  if (c.different) lines.push({ key: "miracle.summary.different", vars: { different: fromYourSide(c.different) } });
  if (c.need) lines.push({ key: "miracle.summary.need", vars: { need: fromYourSide(c.need) } });
  if (!lines.length) return [];
  return c.first ? lines : [{ key: "miracle.summary.start" }, ...lines];
}

const dontKnow = ({ event }: { event: ClientEvent }) => event.type === "client.said" && hasNoAnswer(event.text);

export const miracleMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: { ...outputActions, ...controlActions<Context>() },
  guards: {
    ...controlGuards,
    onlyOthers: ({ event }) => event.type === "client.said" && aboutOthersOnly(event.text),
    dontKnow,
    firstHelped: ({ context }) => context.firstHelped,
    differentHelped: ({ context }) => context.differentHelped,
    nobody: ({ event }) => event.type === "client.said" && (NOBODY.test(normalise(event.text)) || saysNothing(event.text)),
    hasLines: ({ context }) => summary(context).length > 0,
  },
}).createMachine({
  id: "miracle",
  context: ({ input }) => ({
    name: input.client.callName ?? input.client.name,
    first: "", who: "", does: "", different: "", need: "", firstHelped: false, differentHelped: false,
  }),
  entry: [
    { type: "say", params: ({ context }) => ({ key: "miracle.intro", vars: { name: context.name } }) },
    say("miracle.setup"),
  ],
  initial: "first",
  states: {
    first: {
      entry: ask("miracle.first"),
      on: {
        "client.*": [
          ...openQuestion("first"),
          { guard: "dontKnow", target: "firstHelp", actions: assign({ firstHelped: true }) },
          { guard: "onlyOthers", target: "firstOwn", actions: assign({ first: ({ event }) => answerOf(event) }) },
          { target: "who", actions: assign({ first: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** "Weet ik niet": one easier question, about the body or the mood; a second one skips on. */
    firstHelp: {
      entry: ask("miracle.firstHelp"),
      on: {
        "client.*": [
          ...openQuestion("firstHelp"),
          { guard: "dontKnow", target: "who", actions: say("miracle.skip") },
          { target: "who", actions: assign({ first: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** The first answer only changed others: what does the client notice in themself? */
    firstOwn: {
      entry: ask("miracle.firstOwn"),
      on: {
        "client.*": [
          ...openQuestion("firstOwn"),
          { guard: "dontKnow", target: "who" },
          { target: "who", actions: assign({ first: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    who: {
      entry: ask("miracle.who"),
      on: {
        "client.*": [
          ...openQuestion("who"),
          { guard: "dontKnow", target: "different", actions: say("miracle.skip") },
          { guard: "nobody", target: "different", actions: say("miracle.nobody") },
          { target: "whoDoes", actions: assign({ who: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** What does that person do differently (000:925-944)? */
    whoDoes: {
      entry: { type: "say", params: ({ context }) => ({ key: "miracle.whoDoes", vars: { who: personOf(context.who) }, choices: [[{ id: "notNow", label: "controls.notNow" }]] }) },
      on: {
        "client.*": [
          ...openQuestion("whoDoes"),
          { guard: "dontKnow", target: "different" },
          { target: "different", actions: assign({ does: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    different: {
      entry: ask("miracle.different"),
      on: {
        "client.*": [
          ...openQuestion("different"),
          { guard: "dontKnow", target: "differentHelp", actions: assign({ differentHelped: true }) },
          { guard: "onlyOthers", target: "differentOwn" },
          { target: "need", actions: assign({ different: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** "Weet ik niet": a concrete moment of the day to picture. */
    differentHelp: {
      entry: ask("miracle.differentHelp"),
      on: {
        "client.*": [
          ...openQuestion("differentHelp"),
          { guard: "dontKnow", target: "need", actions: say("miracle.skip") },
          { target: "need", actions: assign({ different: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** "Then my wife is kinder": bring it back to what the client can do. */
    differentOwn: {
      entry: ask("miracle.differentOwn"),
      on: {
        "client.*": [
          ...openQuestion("differentOwn"),
          { guard: "dontKnow", target: "need" },
          { target: "need", actions: assign({ different: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** What do you need to do a small piece of it tomorrow? */
    need: {
      entry: ask("miracle.need"),
      on: {
        "client.*": [
          ...openQuestion("need"),
          { guard: "dontKnow", target: "summary", actions: say("miracle.needLater") },
          { guard: "nobody", target: "summary", actions: say("miracle.needLater") },
          { target: "summary", actions: assign({ need: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** Only the lines there is something for; when the client had no answers at all, a kind end. */
    summary: {
      entry: enqueueActions(({ context, enqueue }) => {
        for (const line of summary(context)) enqueue({ type: "say", params: line });
      }),
      always: [{ guard: "hasLines", target: "check" }, { target: "empty" }],
    },
    /** "Klopt het?" on its own, so an unclear answer repeats only this question. */
    check: {
      entry: ask("miracle.summary.check", undefined, CHECK_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: "confirmed", target: "done" },
          { guard: "denied", target: "fix" },
          { target: "check", reenter: true, actions: say("miracle.summary.unclear") },
        ],
      },
    },
    /** The client corrects the picture in their own words; we thank them and end. */
    fix: {
      entry: ask("miracle.fix"),
      on: { "client.*": [...openQuestion("fix"), { target: "done", actions: say("miracle.fixed") }] },
    },
    /** Every answer was "weet ik niet": no summary to check, a kind end. */
    empty: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "miracle.endEmpty", vars: { name: context.name } }) },
    },
    done: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "miracle.end", vars: { name: context.name } }) },
    },
    ...parkStates(),
  },
});

/** Version 1 (no "what do they do differently", no "what do you need") to 2: the same states, the new answers empty. */
export function migrateMiracle(snapshot: PersistedFlow, fromVersion: number): PersistedFlow | null {
  if (fromVersion !== 1 || typeof snapshot["value"] !== "string") return null;
  const old = (snapshot["context"] ?? {}) as Record<string, unknown>;
  return { ...snapshot, context: { does: "", need: "", firstHelped: false, differentHelped: false, ...old } };
}

export const miracle: FlowDefinition = { id: "miracle", version: 2, machine: miracleMachine, migrate: migrateMiracle };
