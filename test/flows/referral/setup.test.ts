/**
 * What both referral machines share (flows/referral/setup.ts): `tell`, `countInvite` and the
 * guards, each tried on a small machine built with the shared setup.
 */
import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { machineSetup, tell, type ReferralEvent } from "../../../flows/referral/setup.js";

type GuardName = "hasReason" | "hasOutcome" | "hasQuestion" | "hasAnswer" | "hasItems" | "validPlan" | "hasCoach";

/** A machine that moves to `passed` when `guard` lets `event` through. */
function passes(guard: GuardName, event: ReferralEvent): boolean {
  const machine = machineSetup.createMachine({
    context: { invites: 0 },
    initial: "waiting",
    states: { waiting: { on: { "*": { guard, target: "passed" } } }, passed: {} },
  });
  const [start] = initialTransition(machine);
  return transition(machine, start, event)[0].value === "passed";
}

describe("the referral machines' shared setup", () => {
  it("tell names who hears of a change, and the key of what they read", () => {
    expect(tell("coach", "referral.dm.out.consented")).toEqual({ type: "tell", params: { to: "coach", key: "referral.dm.out.consented" } });
    expect(tell("referrer", "x").params.to).toBe("referrer");
  });

  it("the tell action is emitted as an action with its params, doing nothing itself", () => {
    const machine = machineSetup.createMachine({ context: { invites: 0 }, initial: "a", states: { a: { on: { "partner.received": { target: "b", actions: [tell("client", "k1"), tell("coach", "k2")] } } }, b: {} } });
    const [snap, actions] = transition(machine, initialTransition(machine)[0], { type: "partner.received" });
    expect(snap.value).toBe("b");
    expect(snap.context).toEqual({ invites: 0 });
    expect(actions.filter((a) => a.type === "tell").map((a) => a.params)).toEqual([
      { to: "client", key: "k1" },
      { to: "coach", key: "k2" },
    ]);
  });

  it("countInvite adds one invite each time", () => {
    const machine = machineSetup.createMachine({ context: { invites: 0 }, initial: "a", states: { a: { on: { "system.invited": { target: "a", actions: "countInvite" } } } } });
    let [snap] = initialTransition(machine);
    for (let i = 0; i < 3; i++) [snap] = transition(machine, snap, { type: "system.invited" });
    expect(snap.context.invites).toBe(3);
  });

  it("a reason must have more than white space, on every event that has one", () => {
    for (const type of ["partner.rejected", "partner.redirected", "partner.closed", "team.declined"] as const) {
      expect(passes("hasReason", { type, reason: "Geen plek" }), type).toBe(true);
      expect(passes("hasReason", { type, reason: "" }), type).toBe(false);
      expect(passes("hasReason", { type, reason: " \t\n" }), type).toBe(false);
    }
    expect(passes("hasReason", { type: "partner.accepted" })).toBe(false);
    expect(passes("hasReason", { type: "partner.rejected", reason: 42 } as unknown as ReferralEvent)).toBe(false);
  });

  it("an outcome, a question and an answer must be filled in, and on their own event only", () => {
    expect(passes("hasOutcome", { type: "partner.completed", outcome: "Klaar" })).toBe(true);
    expect(passes("hasOutcome", { type: "partner.completed", outcome: "  " })).toBe(false);
    expect(passes("hasQuestion", { type: "team.askedInfo", question: "Welke taal?" })).toBe(true);
    expect(passes("hasQuestion", { type: "team.askedInfo", question: "" })).toBe(false);
    expect(passes("hasAnswer", { type: "partner.answeredInfo", answer: "Arabisch" })).toBe(true);
    expect(passes("hasAnswer", { type: "partner.answeredInfo", answer: "\n" })).toBe(false);
    // the right field on the wrong event
    expect(passes("hasOutcome", { type: "partner.closed", outcome: "Klaar" } as unknown as ReferralEvent)).toBe(false);
    expect(passes("hasAnswer", { type: "team.askedInfo", answer: "x", question: "y" } as unknown as ReferralEvent)).toBe(false);
  });

  it("consent needs at least one item", () => {
    expect(passes("hasItems", { type: "client.consented", items: ["name"] })).toBe(true);
    expect(passes("hasItems", { type: "client.consented", items: [] })).toBe(false);
    expect(passes("hasItems", { type: "client.declined" })).toBe(false);
  });

  it("a plan needs a date that parses and a place", () => {
    expect(passes("validPlan", { type: "partner.planned", at: "2027-03-20T13:30:00.000Z", place: "Buurthuis" })).toBe(true);
    expect(passes("validPlan", { type: "partner.planned", at: "morgen", place: "Buurthuis" })).toBe(false);
    expect(passes("validPlan", { type: "partner.planned", at: "", place: "Buurthuis" })).toBe(false);
    expect(passes("validPlan", { type: "partner.planned", at: "2027-03-20T13:30:00.000Z", place: " " })).toBe(false);
  });

  it("accepting needs a coach", () => {
    expect(passes("hasCoach", { type: "team.accepted", coachId: "c1" })).toBe(true);
    expect(passes("hasCoach", { type: "team.accepted", coachId: "" })).toBe(false);
    expect(passes("hasCoach", { type: "team.accepted" } as unknown as ReferralEvent)).toBe(false);
  });
});
