/**
 * What both referral machines share: their events, the `tell` action (who must hear of a change),
 * `countInvite`, and the guards that refuse an empty reason, outcome, question or a date that does
 * not parse.
 */
import { assign, setup } from "xstate";

/** Who hears of a change besides the card and its thread, which always follow every change. */
export type Audience = "coach" | "client" | "referrer";

export interface Tell {
  to: Audience;
  key: string;
}

/** Events, named `<source>.<verb>`. Free texts (reasons, outcomes) must not be empty. */
export type ReferralEvent =
  | { type: "system.consentAsked" }
  | { type: "client.consented"; items: string[] }
  | { type: "client.declined" }
  | { type: "client.askedCoach" }
  | { type: "client.withdrewConsent" }
  | { type: "coach.cancelled" }
  | { type: "partner.received" }
  | { type: "partner.accepted" }
  | { type: "partner.rejected"; reason: string }
  | { type: "partner.redirected"; reason: string }
  | { type: "partner.planned"; at: string; place: string }
  | { type: "partner.contactMade"; withCoach: boolean }
  | { type: "partner.noShow" }
  | { type: "partner.completed"; outcome: string }
  | { type: "partner.closed"; reason: string }
  | { type: "filer.enteredInError" }
  | { type: "team.accepted"; coachId: string }
  | { type: "team.askedInfo"; question: string }
  | { type: "partner.answeredInfo"; answer: string }
  | { type: "team.declined"; reason: string }
  | { type: "system.invited" }
  | { type: "team.reinvited" }
  | { type: "system.contactMade" }
  | { type: "team.noContact" }
  | { type: "partner.withdrew" };

export type ReferralEventType = ReferralEvent["type"];

export interface ReferralContext {
  /** IN: how many invite links were made, to show "after repeated attempts" on the card. */
  invites: number;
}

const tellActions = {
  tell: (_: unknown, _params: Tell) => undefined,
};

export function tell(to: Audience, key: string): { type: "tell"; params: Tell } {
  return { type: "tell", params: { to, key } };
}

const filled = (s: unknown) => typeof s === "string" && s.trim().length > 0;

/** Guards shared by both machines: a reason or an outcome is never empty, a date must parse. */
const guards = {
  hasReason: ({ event }: { event: ReferralEvent }) => "reason" in event && filled(event.reason),
  hasOutcome: ({ event }: { event: ReferralEvent }) => event.type === "partner.completed" && filled(event.outcome),
  hasQuestion: ({ event }: { event: ReferralEvent }) => event.type === "team.askedInfo" && filled(event.question),
  hasAnswer: ({ event }: { event: ReferralEvent }) => event.type === "partner.answeredInfo" && filled(event.answer),
  hasItems: ({ event }: { event: ReferralEvent }) => event.type === "client.consented" && event.items.length > 0,
  validPlan: ({ event }: { event: ReferralEvent }) =>
    event.type === "partner.planned" && !Number.isNaN(Date.parse(event.at)) && filled(event.place),
  hasCoach: ({ event }: { event: ReferralEvent }) => event.type === "team.accepted" && filled(event.coachId),
};

export const machineSetup = setup({
  types: { context: {} as ReferralContext, events: {} as ReferralEvent },
  actions: {
    ...tellActions,
    /** IN: one more invite link was made. */
    countInvite: assign({ invites: ({ context }) => context.invites + 1 }),
  },
  guards,
});

/** Where both machines begin: filed, and no invite link made yet. */
export const FILED_START = { context: { invites: 0 }, initial: "filed" } as const;

/** The closed states of a machine, each final: a card and its Task status say how it ended. */
export function finalStates<const N extends readonly string[]>(...names: N): { [K in N[number]]: { readonly type: "final" } } {
  return Object.fromEntries(names.map((name) => [name, { type: "final" }])) as { [K in N[number]]: { readonly type: "final" } };
}

export type Direction = "IN" | "OUT";
