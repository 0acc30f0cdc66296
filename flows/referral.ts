/**
 * The referral lifecycle (METHOD.md section 6, seed 003:2256-2530) as two pure machines:
 * - OUT, warme overdracht: a coach hands a client to a partner. The client consents first;
 *   nothing reaches the partner before that. Then received, accepted / rejected / redirected,
 *   appointment, first contact (with or without the coach) or no-show, completed with an outcome.
 * - IN, aanmelding: a partner refers a person to a coach team. Accepted (a coach is assigned),
 *   more information asked, or declined; the person is invited and starts the bot, or is not
 *   reached after repeated attempts.
 *
 * The machines only decide which change is allowed and who must hear of it (`tell` actions, keys
 * of locales/<lang>/slack.json for professionals and client.json for the client). The domain
 * (src/domain/referrals/) stores the snapshot, the FHIR status and the history, and delivers.
 * Final states accept no event at all: a closed referral never changes state again.
 */
import { assign, setup, type AnyMachineSnapshot, type AnyStateMachine } from "xstate";

/** FHIR R4 Task.status values used by the Gravity SDOH referral profile. */
export const FHIR_TASK_STATUSES = [
  "requested",
  "accepted",
  "rejected",
  "in-progress",
  "on-hold",
  "cancelled",
  "failed",
  "completed",
  "entered-in-error",
] as const;
export type FhirTaskStatus = (typeof FHIR_TASK_STATUSES)[number];

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

function tell(to: Audience, key: string): { type: "tell"; params: Tell } {
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

const machineSetup = setup({
  types: { context: {} as ReferralContext, events: {} as ReferralEvent },
  actions: tellActions,
  guards,
});

/** A partner's answer to a case it can act on, shared by the states after acceptance. */
const partnerCloses = {
  "partner.rejected": { guard: "hasReason", target: "rejected", actions: [tell("coach", "referral.dm.out.rejected"), tell("client", "referralNews.rejected")] },
  "partner.redirected": { guard: "hasReason", target: "redirected", actions: [tell("coach", "referral.dm.out.redirected"), tell("client", "referralNews.redirected")] },
} as const;

const plan = { guard: "validPlan", target: "appointmentPlanned", actions: [tell("coach", "referral.dm.out.planned"), tell("client", "referralNews.planned")] } as const;

/**
 * What may happen in every open OUT state. Spread into each state rather than put on the root:
 * xstate's `transition()` would apply root-level handlers even to a final (done) snapshot.
 */
const openOut = {
  // The client may take back consent at any moment before the referral is closed.
  "client.withdrewConsent": { target: "#referralOut.consentWithdrawn", actions: tell("coach", "referral.dm.out.withdrawn") },
  "coach.cancelled": { target: "#referralOut.cancelledByCoach", actions: tell("client", "referralNews.cancelled") },
  "filer.enteredInError": { target: "#referralOut.enteredInError" },
} as const;

const openIn = {
  "partner.withdrew": { target: "#referralIn.withdrawn" },
  "filer.enteredInError": { target: "#referralIn.enteredInError" },
} as const;

export const referralOutMachine = machineSetup.createMachine({
  id: "referralOut",
  context: { invites: 0 },
  initial: "filed",
  states: {
    /** Filed by the coach; the consent question has not reached the client yet. */
    filed: { on: { "system.consentAsked": "awaitingConsent", ...openOut } },
    awaitingConsent: {
      on: {
        ...openOut,
        "client.consented": { guard: "hasItems", target: "sent", actions: tell("coach", "referral.dm.out.consented") },
        "client.declined": { target: "declinedByClient", actions: tell("coach", "referral.dm.out.declined") },
        "client.askedCoach": { target: "clientQuestion", actions: tell("coach", "referral.dm.out.askedCoach") },
      },
    },
    /** The client wants to talk to the coach first; the coach may ask again later. */
    clientQuestion: { on: { "system.consentAsked": "awaitingConsent", ...openOut } },
    sent: {
      on: {
        ...openOut,
        "partner.received": { target: "received", actions: tell("coach", "referral.dm.out.received") },
        "partner.accepted": { target: "accepted", actions: [tell("coach", "referral.dm.out.accepted"), tell("client", "referralNews.accepted")] },
        ...partnerCloses,
      },
    },
    received: {
      on: {
        ...openOut,
        "partner.accepted": { target: "accepted", actions: [tell("coach", "referral.dm.out.accepted"), tell("client", "referralNews.accepted")] },
        ...partnerCloses,
      },
    },
    accepted: { on: { "partner.planned": plan, ...partnerCloses, ...openOut } },
    appointmentPlanned: {
      on: {
        ...openOut,
        "partner.planned": plan,
        "partner.contactMade": { target: "firstContact", actions: tell("coach", "referral.dm.out.contactMade") },
        "partner.noShow": { target: "noShow", actions: [tell("coach", "referral.dm.out.noShow"), tell("client", "referralNews.noShow")] },
      },
    },
    firstContact: {
      on: {
        ...openOut,
        "partner.completed": { guard: "hasOutcome", target: "completed", actions: [tell("coach", "referral.dm.out.completed"), tell("client", "referralNews.completed")] },
      },
    },
    noShow: {
      on: {
        ...openOut,
        "partner.planned": plan,
        "partner.closed": { guard: "hasReason", target: "failed", actions: tell("coach", "referral.dm.out.failed") },
      },
    },
    completed: { type: "final" },
    rejected: { type: "final" },
    redirected: { type: "final" },
    declinedByClient: { type: "final" },
    consentWithdrawn: { type: "final" },
    cancelledByCoach: { type: "final" },
    failed: { type: "final" },
    enteredInError: { type: "final" },
  },
});

export const referralInMachine = machineSetup.createMachine({
  id: "referralIn",
  context: { invites: 0 },
  initial: "filed",
  states: {
    filed: {
      on: {
        ...openIn,
        "team.accepted": { guard: "hasCoach", target: "accepted", actions: tell("referrer", "referral.dm.in.accepted") },
        "team.askedInfo": { guard: "hasQuestion", target: "infoRequested", actions: tell("referrer", "referral.dm.in.infoRequested") },
        "team.declined": { guard: "hasReason", target: "declined", actions: tell("referrer", "referral.dm.in.declined") },
      },
    },
    infoRequested: {
      on: {
        ...openIn,
        "partner.answeredInfo": { guard: "hasAnswer", target: "filed" },
        "team.accepted": { guard: "hasCoach", target: "accepted", actions: tell("referrer", "referral.dm.in.accepted") },
        "team.declined": { guard: "hasReason", target: "declined", actions: tell("referrer", "referral.dm.in.declined") },
      },
    },
    /**
     * A coach is assigned; the invite is made in the same step (system.invited). The coach gets the
     * link from the caller directly: an invite code is never stored, not even in the outbox.
     */
    accepted: {
      on: { "system.invited": { target: "invited", actions: assign({ invites: ({ context }) => context.invites + 1 }) }, ...openIn },
    },
    invited: {
      on: {
        ...openIn,
        "team.reinvited": { target: "invited", actions: assign({ invites: ({ context }) => context.invites + 1 }) },
        "system.contactMade": { target: "contactMade", actions: [tell("referrer", "referral.dm.in.contactMade"), tell("coach", "referral.dm.in.started")] },
        "team.noContact": { target: "noContact", actions: tell("referrer", "referral.dm.in.noContact") },
      },
    },
    contactMade: { type: "final" },
    noContact: { type: "final" },
    declined: { type: "final" },
    withdrawn: { type: "final" },
    enteredInError: { type: "final" },
  },
});

/**
 * Every state's FHIR Task status. The state name itself is the Task's businessStatus (e.g.
 * "appointmentPlanned"). test/flows/referral.test.ts fails when a state has no entry here.
 */
export const FHIR_OUT = {
  // Held until the client consents: the partner is not asked (and sees nothing) before that.
  filed: "on-hold",
  awaitingConsent: "on-hold",
  clientQuestion: "on-hold",
  sent: "requested",
  received: "requested",
  accepted: "accepted",
  appointmentPlanned: "accepted",
  firstContact: "in-progress",
  // The partner may plan again; only "closed" after a no-show makes it fail.
  noShow: "on-hold",
  completed: "completed",
  rejected: "rejected",
  redirected: "rejected",
  declinedByClient: "cancelled",
  consentWithdrawn: "cancelled",
  cancelledByCoach: "cancelled",
  failed: "failed",
  enteredInError: "entered-in-error",
} as const satisfies Record<string, FhirTaskStatus>;

export const FHIR_IN = {
  filed: "requested",
  infoRequested: "on-hold",
  accepted: "accepted",
  invited: "in-progress",
  contactMade: "completed",
  noContact: "failed",
  declined: "rejected",
  withdrawn: "cancelled",
  enteredInError: "entered-in-error",
} as const satisfies Record<string, FhirTaskStatus>;

export type ReferralOutState = keyof typeof FHIR_OUT;
export type ReferralInState = keyof typeof FHIR_IN;

export type Direction = "IN" | "OUT";

export const REFERRAL_MACHINE_VERSION: Record<Direction, number> = { OUT: 1, IN: 1 };

export function referralMachine(direction: Direction): AnyStateMachine {
  return direction === "OUT" ? referralOutMachine : referralInMachine;
}

/** The `tell` actions among the actions `transition()` returned. */
export function tellsOf(actions: readonly unknown[]): Tell[] {
  return (actions as { type: string; params?: unknown }[]).filter((a) => a.type === "tell").map((a) => a.params as Tell);
}

/**
 * True when the event changes this referral. A closed (final) referral allows nothing: xstate's
 * `can` alone would still say yes to the root-level events (withdraw, entered in error).
 */
export function allows(snapshot: AnyMachineSnapshot, event: ReferralEvent): boolean {
  return snapshot.status === "active" && snapshot.can(event);
}

/** The FHIR Task status of a state of the given direction; throws on a state that does not exist. */
export function fhirStatusOf(direction: Direction, state: string): FhirTaskStatus {
  const table: Record<string, FhirTaskStatus> = direction === "OUT" ? FHIR_OUT : FHIR_IN;
  const status = table[state];
  if (!status) throw new Error(`no FHIR status for ${direction} state "${state}"`);
  return status;
}
