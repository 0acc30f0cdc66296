/**
 * Asking the client before anything is shared with a partner (METHOD.md sections 6 and 7: nothing
 * behind the client's back; share only what the client agreed to, for that purpose). The client
 * sees who the partner is, why, and exactly what would be passed on, and answers: yes / take
 * something out / talk to my coach first / no. "No" is fine and said to be fine.
 *
 * Start data (built by src/domain/referrals/consent-data.ts, item lines already in the client's
 * language): `{ referralId, partner, domain, need, coachJoins, items: [{ id, line }] }`.
 */
import { assign, setup } from "xstate";
import { effectWith, say, sayWith } from "./lib/actions.js";
import { controlActions, controlGuards, question, whoOf } from "./lib/controls.js";
import { readYesNo } from "./lib/readers.js";
import type { Choice, ClientEvent, Effect, FlowDefinition, FlowInput, Say } from "./types.js";

export const REFERRAL_CONSENT_VERSION = "referralConsent@1";

export interface ConsentItem {
  id: string;
  line: string;
}

export interface ReferralConsentData {
  referralId: string;
  partner: string;
  domain: string;
  need: string;
  coachJoins: boolean;
  items: ConsentItem[];
}

interface Context {
  ok: boolean;
  referralId: string;
  name: string;
  coach: string;
  partner: string;
  domain: string;
  need: string;
  coachJoins: boolean;
  all: ConsentItem[];
  items: ConsentItem[];
}

function contextOf(input: FlowInput): Context {
  const d = (input.data ?? {}) as Partial<ReferralConsentData>;
  const items = Array.isArray(d.items) ? d.items.filter((i) => typeof i?.id === "string" && typeof i.line === "string") : [];
  const ok = typeof d.referralId === "string" && typeof d.partner === "string" && items.length > 0;
  return {
    ok,
    referralId: d.referralId ?? "",
    ...whoOf(input),
    partner: d.partner ?? "",
    domain: d.domain ?? "",
    need: d.need ?? "",
    coachJoins: d.coachJoins === true,
    all: items,
    items,
  };
}

type Answer = "yes" | "remove" | "coach" | "no" | "undo" | "back";

function answerOf(event: ClientEvent): Answer | null {
  if (event.type === "client.chose") {
    return (["yes", "remove", "coach", "no", "undo", "back"] as const).find((a) => a === event.choice) ?? null;
  }
  const yn = readYesNo(event.text);
  // "Later" means: not now, talk it over with my coach first.
  return yn === "later" || yn === "askCoach" ? "coach" : yn;
}

const listText = (items: ConsentItem[]) => items.map((i) => `• ${i.line}`).join("\n");

function answerEffect(context: Context, answer: "consented" | "declined" | "askedCoach"): Effect {
  return {
    kind: "referralAnswer",
    referralId: context.referralId,
    answer,
    items: answer === "consented" ? context.items.map((i) => i.id) : [],
    textVersion: REFERRAL_CONSENT_VERSION,
  };
}

const coachRow = (coach: string): Choice[] => [{ id: "coach", label: "referralConsent.coach", vars: { coach } }];
const noRow: Choice[] = [{ id: "no", label: "referralConsent.no" }];

const askRows = (coach: string): Choice[][] => [[{ id: "yes", label: "referralConsent.yes" }], [{ id: "remove", label: "referralConsent.remove" }], coachRow(coach), noRow];

const answers = (answer: Answer) => ({ type: "says", params: { answer } }) as const;

/** "Talk to my coach first" and "no", wherever the client can give them. */
const COACH_OR_NO = [
  { guard: answers("coach"), target: "askedCoach" },
  { guard: answers("no"), target: "declined" },
] as const;

const named = sayWith<Context, ClientEvent>;
const tellAnswer = (answer: "consented" | "declined" | "askedCoach") => effectWith<Context, ClientEvent>(({ context }) => answerEffect(context, answer));

// No park ending here: every question is answered with its own buttons (`parks` false).
export const referralConsentMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...controlActions<Context>(),
    sayIntro: named(({ context }) => ({ key: "referralConsent.intro", vars: { name: context.name, coach: context.coach, partner: context.partner, domain: context.domain } })),
    sayWhy: named(({ context }) => ({ key: "referralConsent.why", vars: { coach: context.coach, need: context.need } })),
    sayWho: named(({ context }): Say =>
      context.coachJoins ? { key: "referralConsent.together", vars: { coach: context.coach } } : { key: "referralConsent.alone", vars: { partner: context.partner } },
    ),
    askList: named(({ context }) => ({
      key: "referralConsent.list",
      vars: { coach: context.coach, partner: context.partner, list: listText(context.items) },
      choices: askRows(context.coach),
    })),
    askWhich: named(({ context }) => ({
      key: "referralConsent.removeWhich",
      choices: [...context.items.map((i) => [{ id: i.id, label: `referralConsent.item.${i.id}`, vars: { coach: context.coach } }]), [{ id: "back", label: "referralConsent.back" }]],
    })),
    askNothingLeft: named(({ context }) => ({
      key: "referralConsent.nothingLeft",
      vars: { partner: context.partner },
      choices: [[{ id: "undo", label: "referralConsent.undo" }], coachRow(context.coach), noRow],
    })),
    removeItem: assign({ items: ({ context, event }) => context.items.filter((i) => event.type !== "client.chose" || i.id !== event.choice) }),
    removeAll: assign({ items: [] }),
    restoreAll: assign({ items: ({ context }) => context.all }),
    tellConsented: tellAnswer("consented"),
    tellAskedCoach: tellAnswer("askedCoach"),
    tellDeclined: tellAnswer("declined"),
    sayConsented: named(({ context }) => ({ key: "referralConsent.yesDone", vars: { partner: context.partner } })),
    sayAskedCoach: named(({ context }) => ({ key: "referralConsent.coachDone", vars: { coach: context.coach } })),
    sayDeclined: named(({ context }) => ({ key: "referralConsent.noDone", vars: { coach: context.coach } })),
  },
  guards: {
    ...controlGuards,
    broken: ({ context }) => !context.ok,
    says: ({ event }, params: { answer: Answer }) => answerOf(event) === params.answer,
    removesItem: ({ context, event }) => event.type === "client.chose" && context.items.some((i) => i.id === event.choice),
    removesLast: ({ context, event }) => event.type === "client.chose" && context.items.length === 1 && context.items[0]?.id === event.choice,
  },
}).createMachine({
  id: "referralConsent",
  context: ({ input }) => contextOf(input),
  initial: "start",
  states: {
    start: {
      always: [
        { guard: "broken", target: "broken" },
        { target: "asking", actions: ["sayIntro", "sayWhy"] },
      ],
    },
    asking: question(
      "asking",
      ["sayWho", "askList"],
      [{ guard: answers("yes"), target: "consented" }, { guard: answers("remove"), target: "removing" }, ...COACH_OR_NO],
      "pick",
      false,
    ),
    removing: question(
      "removing",
      "askWhich",
      [
        { guard: "removesLast", target: "nothingLeft", actions: "removeAll" },
        { guard: "removesItem", target: "asking", actions: ["removeItem", say("referralConsent.removed")] },
        { guard: answers("back"), target: "asking" },
      ],
      "pick",
      false,
    ),
    /** Everything was taken out: then nothing can be passed on, which the client may want. */
    nothingLeft: question("nothingLeft", "askNothingLeft", [{ guard: answers("undo"), target: "asking", actions: "restoreAll" }, ...COACH_OR_NO], "pick", false),
    consented: {
      type: "final",
      entry: ["tellConsented", "sayConsented", say("referralConsent.changeMind")],
    },
    askedCoach: { type: "final", entry: ["tellAskedCoach", "sayAskedCoach"] },
    declined: { type: "final", entry: ["tellDeclined", "sayDeclined"] },
    /** Start data missing: say sorry, share nothing. The coach's referral stays on hold. */
    broken: { type: "final", entry: say("common.error") },
  },
});

export const referralConsent: FlowDefinition = { id: "referralConsent", version: 1, machine: referralConsentMachine };
