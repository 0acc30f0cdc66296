/**
 * /verwijzingen: the client sees, in plain words, with whom their coach shares something and how
 * far each contact is, and can stop sharing with a partner (METHOD.md section 7). Stopping is
 * confirmed once, never questioned.
 *
 * Start data (src/domain/referrals/list.ts): `{ entries: [{ choice, referralId, partner, state,
 * canWithdraw }] }`, newest first; `state` is a key under referralList.state.
 */
import { assign, enqueueActions, setup } from "xstate";
import { effectWith, outputActions, say, sayWith } from "./lib/actions.js";
import { readYesNo } from "./lib/readers.js";
import type { ClientEvent, FlowDefinition, FlowInput, Say } from "./types.js";

export interface ListEntry {
  choice: string;
  referralId: string;
  partner: string;
  state: string;
  canWithdraw: boolean;
}

interface Context {
  coach: string;
  entries: ListEntry[];
  chosen: ListEntry | null;
}

function entriesOf(input: FlowInput): ListEntry[] {
  const raw = (input.data?.["entries"] ?? []) as Partial<ListEntry>[];
  return Array.isArray(raw)
    ? raw.filter((e): e is ListEntry => typeof e?.choice === "string" && typeof e.referralId === "string" && typeof e.partner === "string" && typeof e.state === "string")
    : [];
}

const stoppable = (c: Context) => c.entries.filter((e) => e.canWithdraw);

function chosenOf(context: Context, event: ClientEvent): ListEntry | null {
  return event.type === "client.chose" ? (stoppable(context).find((e) => e.choice === event.choice) ?? null) : null;
}

function yesNo(event: ClientEvent): "yes" | "no" | null {
  const a = readYesNo(event);
  return a === "yes" ? "yes" : a === null ? null : "no";
}

function askStop(context: Context): Say {
  return {
    key: "referralList.ask",
    choices: [...stoppable(context).map((e) => [{ id: e.choice, label: "referralList.stop", vars: { partner: e.partner } }]), [{ id: "keep", label: "referralList.keep" }]],
  };
}

export const referralListMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...outputActions,
    /** One line per referral: "Schuldhulp Oost heeft je vraag gekregen." */
    sayList: enqueueActions(({ context, enqueue }) => {
      enqueue({ type: "say", params: { key: "referralList.intro" } });
      for (const e of context.entries) enqueue({ type: "say", params: { key: `referralList.state.${e.state}`, vars: { partner: e.partner } } });
    }),
    askStop: sayWith<Context, ClientEvent>(({ context }) => askStop(context)),
    keepChosen: assign({ chosen: ({ context, event }) => chosenOf(context, event) }),
    askConfirm: sayWith<Context, ClientEvent>(({ context }) => ({
      key: "referralList.confirm",
      vars: { partner: context.chosen?.partner ?? "" },
      choices: [[{ id: "yes", label: "referralList.yes" }], [{ id: "no", label: "referralList.no" }]],
    })),
    withdraw: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "referralWithdraw", referralId: context.chosen?.referralId ?? "" })),
    sayStopped: sayWith<Context, ClientEvent>(({ context }) => ({ key: "referralList.stopped", vars: { partner: context.chosen?.partner ?? "", coach: context.coach } })),
  },
  guards: {
    empty: ({ context }) => context.entries.length === 0,
    nothingToStop: ({ context }) => stoppable(context).length === 0,
    choseEntry: ({ context, event }) => chosenOf(context, event) !== null,
    saidYes: ({ event }) => yesNo(event) === "yes",
    saidNo: ({ event }) => yesNo(event) === "no" || (event.type === "client.chose" && event.choice === "keep"),
  },
}).createMachine({
  id: "referralList",
  context: ({ input }) => ({ coach: input.coach.name, entries: entriesOf(input), chosen: null }),
  initial: "start",
  states: {
    start: {
      always: [
        { guard: "empty", target: "done", actions: say("referralList.none") },
        { guard: "nothingToStop", target: "done", actions: ["sayList", say("referralList.nothingToStop")] },
        { target: "choosing", actions: "sayList" },
      ],
    },
    choosing: {
      entry: "askStop",
      on: {
        "client.*": [
          { guard: "choseEntry", target: "confirming", actions: "keepChosen" },
          { guard: "saidNo", target: "done", actions: say("referralList.kept") },
          { target: "choosing", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    confirming: {
      entry: "askConfirm",
      on: {
        "client.*": [
          {
            guard: "saidYes",
            target: "done",
            actions: ["withdraw", "sayStopped"],
          },
          { guard: "saidNo", target: "done", actions: say("referralList.kept") },
          { target: "confirming", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    done: { type: "final" },
  },
});

export const referralList: FlowDefinition = { id: "referralList", version: 1, machine: referralListMachine };
