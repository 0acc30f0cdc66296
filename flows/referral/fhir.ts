/** The FHIR R4 Task status of every referral state (Gravity SDOH referral profile). */
import type { Direction } from "./setup.js";

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

/** The FHIR Task status of a state of the given direction; throws on a state that does not exist. */
export function fhirStatusOf(direction: Direction, state: string): FhirTaskStatus {
  const table: Record<string, FhirTaskStatus> = direction === "OUT" ? FHIR_OUT : FHIR_IN;
  // Own keys only: "toString" or "__proto__" are no states.
  const status = Object.hasOwn(table, state) ? table[state] : undefined;
  if (!status) throw new Error(`no FHIR status for ${direction} state "${state}"`);
  return status;
}
