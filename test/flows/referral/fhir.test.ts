import { describe, expect, it } from "vitest";
import { FHIR_IN, FHIR_OUT, FHIR_TASK_STATUSES, fhirStatusOf } from "../../../flows/referral/fhir.js";

/** Expected Task statuses by direction and state; each pair is one case below. */
const EXPECTED = {
  OUT: { filed: "on-hold", sent: "requested", appointmentPlanned: "accepted", firstContact: "in-progress", noShow: "on-hold", redirected: "rejected", consentWithdrawn: "cancelled", enteredInError: "entered-in-error" },
  IN: { filed: "requested", infoRequested: "on-hold", invited: "in-progress", contactMade: "completed", noContact: "failed", withdrawn: "cancelled" },
} as const;

const cases = (["OUT", "IN"] as const).flatMap((direction) => Object.entries(EXPECTED[direction]).map(([state, status]) => [direction, state, status] as const));

describe("fhirStatusOf", () => {
  it.each(cases)("gives %s state %s the Task status %s", (direction, state, status) => {
    expect(fhirStatusOf(direction, state)).toBe(status);
  });

  it("reads the table of the direction asked: a state of the other direction only is unknown", () => {
    expect(() => fhirStatusOf("IN", "sent")).toThrow('no FHIR status for IN state "sent"');
    expect(() => fhirStatusOf("OUT", "invited")).toThrow('no FHIR status for OUT state "invited"');
  });

  it("throws on an empty or made-up state", () => {
    expect(() => fhirStatusOf("OUT", "")).toThrow('no FHIR status for OUT state ""');
    expect(() => fhirStatusOf("OUT", "closed")).toThrow('no FHIR status for OUT state "closed"');
    expect(() => fhirStatusOf("IN", "Accepted")).toThrow('no FHIR status for IN state "Accepted"');
  });

  // The lookup once read Object.prototype, so "toString" gave a function instead of throwing.
  it("throws on names every object has (Object.prototype)", () => {
    expect(() => fhirStatusOf("IN", "toString")).toThrow();
    expect(() => fhirStatusOf("OUT", "__proto__")).toThrow();
    expect(() => fhirStatusOf("OUT", "constructor")).toThrow();
  });
});

describe("the FHIR tables", () => {
  it("use only Task statuses of FHIR R4", () => {
    for (const status of [...Object.values(FHIR_OUT), ...Object.values(FHIR_IN)]) expect(FHIR_TASK_STATUSES).toContain(status);
  });

  it("list the nine R4 statuses the Gravity profile uses, once each", () => {
    expect(new Set(FHIR_TASK_STATUSES).size).toBe(9);
    expect(FHIR_TASK_STATUSES).toEqual(["requested", "accepted", "rejected", "in-progress", "on-hold", "cancelled", "failed", "completed", "entered-in-error"]);
  });
});
