/**
 * One plain question about taking part (the participation ladder, a word the client never reads):
 * "Wat past nu het best bij jou?" with six buttons, from "Ik kom weinig buiten" to "Ik heb betaald
 * werk", and a seventh to say it rather not. Started when the coach asks for it (Slack or CLI).
 * Buttons only: typed text is never read as a rung (the question comes again, with a short
 * "kies een knop"), so nothing the client writes in passing is recorded as where they stand.
 * Ends with a `recordLadder` effect, or with nothing recorded.
 */
import { assign, setup } from "xstate";
import { effectWith, outputActions, say } from "./lib/actions.js";
import type { Choice, ClientEvent, FlowDefinition, FlowInput } from "./types.js";

/** The six rungs, 1 (isolated) to 6 (paid work): the button ids are the rung numbers. */
export const LADDER_RUNGS = [1, 2, 3, 4, 5, 6] as const;
export type LadderRungNumber = (typeof LADDER_RUNGS)[number];

const SKIP = "skip";

/** One button a row: the labels are short sentences, too long to put two side by side. */
export const LADDER_CHOICES: Choice[][] = [...LADDER_RUNGS.map((n) => [{ id: String(n), label: `ladder.rung.${n}` }]), [{ id: SKIP, label: "ladder.skip" }]];

/** The rung of a pressed button, or null (typed text, another button). */
export function rungOf(event: ClientEvent): LadderRungNumber | null {
  if (event.type !== "client.chose") return null;
  const n = Number(event.choice);
  return (LADDER_RUNGS as readonly number[]).includes(n) && String(n) === event.choice ? (n as LadderRungNumber) : null;
}

interface Context {
  rung: number | null;
}

/** A rung, "overslaan", or the question again (without the introduction). */
const LADDER_ANSWERS = [
  { guard: "choseRung", target: "saved", actions: "keepRung" },
  { guard: "choseSkip", target: "skipped" },
  { target: "again", reenter: true, actions: say("ladder.pickButton") },
] as const;

export const ladderMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...outputActions,
    keepRung: assign({ rung: ({ event }) => rungOf(event) }),
    recordLadder: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "recordLadder", rung: context.rung ?? 0 })),
  },
  guards: {
    choseRung: ({ event }) => rungOf(event) !== null,
    choseSkip: ({ event }) => event.type === "client.chose" && event.choice === SKIP,
  },
}).createMachine({
  id: "ladder",
  context: { rung: null },
  initial: "ask",
  states: {
    ask: {
      entry: [say("ladder.intro"), say("ladder.ask", undefined, LADDER_CHOICES)],
      on: { "client.*": LADDER_ANSWERS },
    },
    /** The question again, without the introduction. */
    again: {
      entry: say("ladder.ask", undefined, LADDER_CHOICES),
      on: { "client.*": LADDER_ANSWERS },
    },
    saved: {
      type: "final",
      entry: ["recordLadder", say("ladder.thanks")],
    },
    skipped: { type: "final", entry: say("ladder.skipped") },
  },
});

export const ladder: FlowDefinition = { id: "ladder", version: 1, machine: ladderMachine };
