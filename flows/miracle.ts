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
import { greet, say, sayWith } from "./lib/actions.js";
import { aboutOthersOnly, hasNoAnswer, saysNothing } from "./lib/answers.js";
import { answerOf, ask, controlActions, controlGuards, parkStates, question } from "./lib/controls.js";
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
  actions: {
    ...controlActions<Context>(),
    intro: greet<Context, ClientEvent>("miracle.intro"),
    markFirstHelped: assign({ firstHelped: true }),
    keepFirst: assign({ first: ({ event }) => answerOf(event) }),
    keepWho: assign({ who: ({ event }) => answerOf(event) }),
    askWhoDoes: sayWith<Context, ClientEvent>(({ context }) => ({ key: "miracle.whoDoes", vars: { who: personOf(context.who) }, choices: [[{ id: "notNow", label: "controls.notNow" }]] })),
    keepDoes: assign({ does: ({ event }) => answerOf(event) }),
    markDifferentHelped: assign({ differentHelped: true }),
    keepDifferent: assign({ different: ({ event }) => answerOf(event) }),
    keepNeed: assign({ need: ({ event }) => answerOf(event) }),
    /** Only the lines there is something for. */
    saySummary: enqueueActions<Context, ClientEvent, undefined, ClientEvent, never, { type: "say"; params: Say }, never, never, never>(({ context, enqueue }) => {
      for (const line of summary(context)) enqueue({ type: "say", params: line });
    }),
    sayEndEmpty: sayWith<Context, ClientEvent>(({ context }) => ({ key: "miracle.endEmpty", vars: { name: context.name } })),
    sayEnd: sayWith<Context, ClientEvent>(({ context }) => ({ key: "miracle.end", vars: { name: context.name } })),
  },
  guards: {
    ...controlGuards,
    onlyOthers: ({ event }) => event.type === "client.said" && aboutOthersOnly(event.text),
    dontKnow,
    nobody: ({ event }) => event.type === "client.said" && (NOBODY.test(normalise(event.text)) || saysNothing(event.text)),
    hasLines: ({ context }) => summary(context).length > 0,
  },
}).createMachine({
  id: "miracle",
  context: ({ input }) => ({
    name: input.client.callName ?? input.client.name,
    first: "", who: "", does: "", different: "", need: "", firstHelped: false, differentHelped: false,
  }),
  entry: ["intro", say("miracle.setup")],
  initial: "first",
  states: {
    first: question("first", ask("miracle.first"), [
      { guard: "dontKnow", target: "firstHelp", actions: "markFirstHelped" },
      { guard: "onlyOthers", target: "firstOwn", actions: "keepFirst" },
      { target: "who", actions: "keepFirst" },
    ]),
    /** "Weet ik niet": one easier question, about the body or the mood; a second one skips on. */
    firstHelp: question("firstHelp", ask("miracle.firstHelp"), [{ guard: "dontKnow", target: "who", actions: say("miracle.skip") }, { target: "who", actions: "keepFirst" }]),
    /** The first answer only changed others: what does the client notice in themself? */
    firstOwn: question("firstOwn", ask("miracle.firstOwn"), [{ guard: "dontKnow", target: "who" }, { target: "who", actions: "keepFirst" }]),
    who: question("who", ask("miracle.who"), [
      { guard: "dontKnow", target: "different", actions: say("miracle.skip") },
      { guard: "nobody", target: "different", actions: say("miracle.nobody") },
      { target: "whoDoes", actions: "keepWho" },
    ]),
    /** What does that person do differently (000:925-944)? */
    whoDoes: question("whoDoes", "askWhoDoes", [{ guard: "dontKnow", target: "different" }, { target: "different", actions: "keepDoes" }]),
    different: question("different", ask("miracle.different"), [
      { guard: "dontKnow", target: "differentHelp", actions: "markDifferentHelped" },
      { guard: "onlyOthers", target: "differentOwn" },
      { target: "need", actions: "keepDifferent" },
    ]),
    /** "Weet ik niet": a concrete moment of the day to picture. */
    differentHelp: question("differentHelp", ask("miracle.differentHelp"), [{ guard: "dontKnow", target: "need", actions: say("miracle.skip") }, { target: "need", actions: "keepDifferent" }]),
    /** "Then my wife is kinder": bring it back to what the client can do. */
    differentOwn: question("differentOwn", ask("miracle.differentOwn"), [{ guard: "dontKnow", target: "need" }, { target: "need", actions: "keepDifferent" }]),
    /** What do you need to do a small piece of it tomorrow? */
    need: question("need", ask("miracle.need"), [
      { guard: "dontKnow", target: "summary", actions: say("miracle.needLater") },
      { guard: "nobody", target: "summary", actions: say("miracle.needLater") },
      { target: "summary", actions: "keepNeed" },
    ]),
    /** When the client had no answers at all, a kind end. */
    summary: {
      entry: "saySummary",
      always: [{ guard: "hasLines", target: "check" }, { target: "empty" }],
    },
    /** "Klopt het?" on its own, so an unclear answer repeats only this question. */
    check: question(
      "check",
      ask("miracle.summary.check", undefined, CHECK_ROWS),
      [{ guard: "confirmed", target: "done" }, { guard: "denied", target: "fix" }, { target: "check", reenter: true, actions: say("miracle.summary.unclear") }],
      "own",
    ),
    /** The client corrects the picture in their own words; we thank them and end. */
    fix: question("fix", ask("miracle.fix"), [{ target: "done", actions: say("miracle.fixed") }]),
    /** Every answer was "weet ik niet": no summary to check, a kind end. */
    empty: {
      type: "final",
      entry: "sayEndEmpty",
    },
    done: {
      type: "final",
      entry: "sayEnd",
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
