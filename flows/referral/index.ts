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
import type { AnyMachineSnapshot, AnyStateMachine } from "xstate";
import { referralInMachine } from "./in.js";
import { referralOutMachine } from "./out.js";
import type { Direction, ReferralEvent, Tell } from "./setup.js";

export { FHIR_IN, FHIR_OUT, FHIR_TASK_STATUSES, fhirStatusOf, type FhirTaskStatus, type ReferralInState, type ReferralOutState } from "./fhir.js";
export { referralInMachine } from "./in.js";
export { referralOutMachine } from "./out.js";
export type { Audience, Direction, ReferralContext, ReferralEvent, ReferralEventType, Tell } from "./setup.js";

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
