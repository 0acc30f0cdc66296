import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { allows, REFERRAL_MACHINE_VERSION, referralInMachine, referralMachine, referralOutMachine, tellsOf } from "../../../flows/referral/index.js";

describe("the referral lifecycle's entry points", () => {
  it("referralMachine gives the machine of each direction", () => {
    expect(referralMachine("OUT")).toBe(referralOutMachine);
    expect(referralMachine("IN")).toBe(referralInMachine);
  });

  it("both machines are at version 1", () => {
    expect(REFERRAL_MACHINE_VERSION).toEqual({ OUT: 1, IN: 1 });
  });

  it("tellsOf keeps only the tell actions, in order, as their params", () => {
    expect(
      tellsOf([
        { type: "tell", params: { to: "coach", key: "a" } },
        { type: "countInvite" },
        { type: "xstate.assign", params: { to: "client", key: "not a tell" } },
        { type: "tell", params: { to: "client", key: "b" } },
      ]),
    ).toEqual([
      { to: "coach", key: "a" },
      { to: "client", key: "b" },
    ]);
    expect(tellsOf([])).toEqual([]);
  });

  it("tellsOf reads the tells of a real transition", () => {
    const [start] = initialTransition(referralInMachine);
    const [, actions] = transition(referralInMachine, start, { type: "team.declined", reason: "Vol" });
    expect(tellsOf(actions)).toEqual([{ to: "referrer", key: "referral.dm.in.declined" }]);
  });

  it("allows says which events change an open referral, guards included", () => {
    const [filed] = initialTransition(referralOutMachine);
    expect(allows(filed, { type: "system.consentAsked" })).toBe(true);
    expect(allows(filed, { type: "coach.cancelled" })).toBe(true);
    expect(allows(filed, { type: "partner.accepted" })).toBe(false);
    const [awaiting] = transition(referralOutMachine, filed, { type: "system.consentAsked" });
    expect(allows(awaiting, { type: "client.consented", items: ["name"] })).toBe(true);
    expect(allows(awaiting, { type: "client.consented", items: [] })).toBe(false);
  });

  it("allows nothing on a closed referral", () => {
    const [filed] = initialTransition(referralInMachine);
    const [declined] = transition(referralInMachine, filed, { type: "team.declined", reason: "Vol" });
    expect(declined.status).toBe("done");
    for (const e of [{ type: "partner.withdrew" }, { type: "filer.enteredInError" }, { type: "team.accepted", coachId: "c1" }] as const) {
      expect(allows(declined, e), e.type).toBe(false);
    }
  });
});
