/**
 * The miracle question (METHOD.md section 3): tonight a miracle happens and the trouble is gone;
 * what is the first thing you notice, who notices it in you, what do you do differently? When an
 * answer only changes other people, one question brings it back to what the client can do. A
 * summary the client can correct, and a positive ending. Nothing is saved: this conversation is
 * for the client to picture a better day.
 */
import { assign, setup } from "xstate";
import { outputActions, say } from "./lib/actions.js";
import { aboutOthersOnly } from "./lib/answers.js";
import { answerOf, ask, bare, controlGuards, openQuestion, parkStates, yourPerson } from "./lib/controls.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput } from "./types.js";

interface Context {
  name: string;
  first: string;
  who: string;
  different: string;
}

const CHECK_ROWS: Choice[][] = [[{ id: "yes", label: "miracle.summary.yes" }], [{ id: "no", label: "miracle.summary.no" }]];

export const miracleMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: outputActions,
  guards: {
    ...controlGuards,
    onlyOthers: ({ event }) => event.type === "client.said" && aboutOthersOnly(event.text),
  },
}).createMachine({
  id: "miracle",
  context: ({ input }) => ({ name: input.client.callName ?? input.client.name, first: "", who: "", different: "" }),
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
          { guard: "onlyOthers", target: "firstOwn", actions: assign({ first: ({ event }) => answerOf(event) }) },
          { target: "who", actions: assign({ first: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** The first answer only changed others: what does the client notice in themself? */
    firstOwn: {
      entry: ask("miracle.firstOwn"),
      on: { "client.*": [...openQuestion("firstOwn"), { target: "who", actions: assign({ first: ({ event }) => answerOf(event) }) }] },
    },
    who: {
      entry: ask("miracle.who"),
      on: { "client.*": [...openQuestion("who"), { target: "different", actions: assign({ who: ({ event }) => answerOf(event) }) }] },
    },
    different: {
      entry: ask("miracle.different"),
      on: {
        "client.*": [
          ...openQuestion("different"),
          { guard: "onlyOthers", target: "differentOwn" },
          { target: "summary", actions: assign({ different: ({ event }) => answerOf(event) }) },
        ],
      },
    },
    /** "Then my wife is kinder": bring it back to what the client can do. */
    differentOwn: {
      entry: ask("miracle.differentOwn"),
      on: {
        "client.*": [...openQuestion("differentOwn"), { target: "summary", actions: assign({ different: ({ event }) => answerOf(event) }) }],
      },
    },
    summary: {
      entry: [
        { type: "say", params: ({ context }) => ({ key: "miracle.summary.first", vars: { first: bare(context.first) } }) },
        { type: "say", params: ({ context }) => ({ key: "miracle.summary.who", vars: { who: yourPerson(context.who) } }) },
        { type: "say", params: ({ context }) => ({ key: "miracle.summary.different", vars: { different: bare(context.different) } }) },
      ],
      always: { target: "check" },
    },
    /** "Klopt het?" on its own, so an unclear answer repeats only this question. */
    check: {
      entry: ask("miracle.summary.check", undefined, CHECK_ROWS),
      on: {
        "client.*": [
          { guard: "saidNotNow", target: "parkWhen" },
          { guard: "confirmed", target: "done" },
          { guard: "denied", target: "fix" },
          { target: "check", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    /** The client corrects the picture in their own words; we thank them and end. */
    fix: {
      entry: ask("miracle.fix"),
      on: { "client.*": [...openQuestion("fix"), { target: "done", actions: say("miracle.fixed") }] },
    },
    done: {
      type: "final",
      entry: { type: "say", params: ({ context }) => ({ key: "miracle.end", vars: { name: context.name } }) },
    },
    ...parkStates(),
  },
});

export const miracle: FlowDefinition = { id: "miracle", version: 1, machine: miracleMachine };
