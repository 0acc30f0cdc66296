/**
 * The menu: when the client writes while no conversation is going on, the bot offers what it can
 * talk about. The client picks one, or "nu even niks". Nothing is saved here.
 */
import { setup } from "xstate";
import { effectWith, outputActions, say, sayWith } from "./lib/actions.js";
import { matchOption } from "./lib/parse.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput } from "./types.js";

const TOPICS = ["grow", "checkin", "miracle", "scaling"] as const;
type Topic = (typeof TOPICS)[number];

const WORDS: Record<Topic | "later", string[]> = {
  grow: ["doel", "bereiken", "plan", "willen", "wil"],
  checkin: ["hoe gaat het", "gaat", "check", "verhaal"],
  miracle: ["droom", "wonder", "dag", "goede dag"],
  scaling: ["cijfer", "score", "punt"],
  later: ["niks", "niets", "later", "niet nu", "nee", "stop"],
};

function pick(event: ClientEvent): Topic | "later" | null {
  if (event.type === "client.chose") {
    return (TOPICS as readonly string[]).includes(event.choice) || event.choice === "later" ? (event.choice as Topic | "later") : null;
  }
  return matchOption(event.text, WORDS);
}

interface Context {
  name: string;
}

const MENU_ROWS: Choice[][] = [
  [{ id: "grow", label: "menu.grow" }],
  [{ id: "checkin", label: "menu.checkin" }],
  [{ id: "miracle", label: "menu.miracle" }],
  [{ id: "scaling", label: "menu.scaling" }],
  [{ id: "later", label: "menu.later" }],
];

export const menuMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...outputActions,
    askTopic: sayWith<Context, ClientEvent>(({ context }) => ({ key: "menu.ask", vars: { name: context.name }, choices: MENU_ROWS })),
    startTopic: effectWith<Context, ClientEvent>(({ event }) => ({ kind: "startFlow", flowId: pick(event) ?? "checkin" })),
  },
  guards: {
    choseLater: ({ event }) => pick(event) === "later",
    choseTopic: ({ event }) => {
      const p = pick(event);
      return p !== null && p !== "later";
    },
  },
}).createMachine({
  id: "menu",
  context: ({ input }) => ({ name: input.client.callName ?? input.client.name }),
  initial: "ask",
  states: {
    ask: {
      entry: "askTopic",
      on: {
        "client.*": [
          { guard: "choseLater", target: "done", actions: say("menu.laterOk") },
          {
            guard: "choseTopic",
            target: "done",
            actions: "startTopic",
          },
          { target: "ask", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    done: { type: "final" },
  },
});

export const menu: FlowDefinition = { id: "menu", version: 1, machine: menuMachine };
