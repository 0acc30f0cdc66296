/**
 * Path enumeration for pure flows with @xstate/graph. `exploreFlow` finds the shortest path to
 * every resting state (states serialised by value only: context would make traversal explode),
 * then sends every probe event from every reached state with `transition()` and collects what the
 * engine would see. The report lists what is wrong; a healthy flow has only empty lists.
 */
import fs from "node:fs";
import path from "node:path";
import { getShortestPaths } from "@xstate/graph";
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from "xstate";
import { expect } from "vitest";
import type { ClientEvent, FlowInput, Say } from "../../flows/types.js";

const LOCALES = path.resolve(import.meta.dirname, "../../locales");
/** Button ids the engine accepts in callback data (src/outbox/messages.ts). */
const CHOICE_ID = /^[A-Za-z0-9_.-]{1,40}$/;

export interface GraphReport {
  /** Ids of all state nodes of the machine. */
  states: string[];
  unreached: string[];
  /** Reached states that are neither final nor waiting for a client event. */
  stuck: string[];
  /** Every say key and button label emitted on any explored transition. */
  emitted: string[];
  missingInNl: string[];
  missingInEn: string[];
  badChoiceIds: string[];
  /** Turns with more than one message carrying buttons (the engine accepts only the last one's). */
  manyButtonMessages: string[];
  /** Number of explored transitions, to show the exploration did something. */
  transitions: number;
}

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(allNodes)];
}

/** Keys of a nested i18next JSON file, dotted. */
export function localeKeys(lang: string, ns = "client"): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") out.add(prefix);
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(JSON.parse(fs.readFileSync(path.join(LOCALES, lang, `${ns}.json`), "utf8")), "");
  return out;
}

/**
 * Whether a said key has its text: said without a count it needs the key itself (or, as a button
 * label, the key); said with a count it needs both plural forms, `<key>_one` and `<key>_other`.
 */
export function textExists(keys: Set<string>, key: string, saidPlain: boolean, saidCounted: boolean): boolean {
  if (saidCounted && !(keys.has(`${key}_one`) && keys.has(`${key}_other`))) return false;
  return saidCounted && !saidPlain ? true : keys.has(key);
}

function targetsOf(node: AnyStateNode): AnyStateNode[] {
  const transitions = [...(node.always ?? []), ...[...node.transitions.values()].flat()];
  return transitions.flatMap((t) => (t.target ?? []) as AnyStateNode[]);
}

function activeIds(snap: AnyMachineSnapshot): string[] {
  return (snap._nodes as AnyStateNode[]).map((n) => n.id);
}

export interface ExploreOptions {
  inputs: FlowInput[];
  events: ClientEvent[];
  /**
   * Event sequences to explore from as well, besides the start. States are told apart by value
   * only, so a branch that depends on context set earlier (a score of 10) needs its own start.
   */
  prefixes?: ClientEvent[][];
}

/**
 * What every explored flow must say well: only texts that exist in nl and en, button ids the
 * engine accepts, and at most one message with buttons per turn.
 */
export function expectKnownTextsAndButtons(report: GraphReport): void {
  expect(report.missingInNl).toEqual([]);
  expect(report.missingInEn).toEqual([]);
  expect(report.badChoiceIds).toEqual([]);
  expect(report.manyButtonMessages).toEqual([]);
}

/** Explores a flow for each input and prefix with the given probe events. */
export function exploreFlow(machine: AnyStateMachine, opts: ExploreOptions): GraphReport {
  const nodes = allNodes(machine.root as AnyStateNode);
  const reached = new Set<string>();
  const emitted = new Set<string>();
  /** Keys said with a `count` (i18next then picks `<key>_one` or `<key>_other`), and keys said without. */
  const counted = new Set<string>();
  const plain = new Set<string>();
  const stuck = new Set<string>();
  const badChoiceIds = new Set<string>();
  const many = new Set<string>();
  let transitions = 0;

  const collect = (where: string, actions: readonly { type: string; params?: unknown }[]) => {
    const says = actions.filter((a) => a.type === "say").map((a) => a.params as Say);
    if (says.filter((s) => s.choices?.length).length > 1) many.add(where);
    for (const s of says) {
      emitted.add(s.key);
      (typeof s.vars?.count === "number" ? counted : plain).add(s.key);
      for (const c of (s.choices ?? []).flat()) {
        emitted.add(c.label);
        if (!CHOICE_ID.test(c.id)) badChoiceIds.add(c.id);
      }
    }
  };

  const starts = opts.inputs.flatMap((input) =>
    [[], ...(opts.prefixes ?? [])].map((prefix) => {
      const [first, actions] = initialTransition(machine, input);
      collect("start", actions);
      return { input, from: prefix.reduce((snap, e) => transition(machine, snap, e)[0], first) as AnyMachineSnapshot };
    }),
  );
  for (const { input, from } of starts) {
    const paths = getShortestPaths(machine, { input, fromState: from, events: opts.events, serializeState: (s) => JSON.stringify(s.value) });
    for (const p of paths) {
      const snap = p.state as AnyMachineSnapshot;
      for (const id of activeIds(snap)) reached.add(id);
      if (snap.status === "done") continue;
      if (!opts.events.some((e) => snap.can(e))) stuck.add(JSON.stringify(snap.value));
      for (const e of opts.events) {
        transitions++;
        collect(`${JSON.stringify(snap.value)} + ${JSON.stringify(e).slice(0, 60)}`, transition(machine, snap, e)[1]);
      }
    }
  }

  // Eventless junctions never rest: they count as reached when a reached state leads into them.
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (!reached.has(n.id)) continue;
      for (const t of targetsOf(n)) {
        if (t.always?.length && !reached.has(t.id)) {
          reached.add(t.id);
          grew = true;
        }
      }
    }
  }

  const nl = localeKeys("nl");
  const en = localeKeys("en");
  const keys = [...emitted].sort();
  return {
    states: nodes.map((n) => n.id),
    unreached: nodes.map((n) => n.id).filter((id) => !reached.has(id)),
    stuck: [...stuck],
    emitted: keys,
    missingInNl: keys.filter((k) => !textExists(nl, k, plain.has(k), counted.has(k))),
    missingInEn: keys.filter((k) => !textExists(en, k, plain.has(k), counted.has(k))),
    badChoiceIds: [...badChoiceIds],
    manyButtonMessages: [...many],
    transitions,
  };
}

/** Probe events that cover buttons, typed answers and the bad inputs every flow must survive. */
export function probeEvents(now: string): ClientEvent[] {
  const choices = [
    "notNow", "yes", "no", "later", "keep", "morning", "7", "tomorrow", "nextWeek", "self", "thisWeek", "notSure", "alone",
    "goal", "step", "when", "helper", "done", "partly", "notYet", "0", "3", "4", "6", "10", "bogus",
  ];
  const texts = [
    "niet nu", "later", "", "   ", "🙂👍", "x".repeat(501), "12", "-3", "7", "zeven", "2", "weet ik niet", "niks", "ja", "nee",
    "Sam", "morgen", "vrijdag", "12 maart 2020", "blabla", "gedaan", "een beetje", "nog niet", "stap",
    "Ik wil voor de zomer werk vinden, vier dagen per week.", "Ik wil werk", "Ik heb al drie keer gebeld naar het uwv",
    "bellen, mailen of langsgaan", "ik wil het eerst aan mijn coach vragen", "Mijn vrouw is dan aardiger tegen de kinderen", "Ik sta vroeg op en ga wandelen",
  ];
  return [
    ...choices.map((choice): ClientEvent => ({ type: "client.chose", choice, now })),
    ...texts.map((text): ClientEvent => ({ type: "client.said", text, now })),
  ];
}
