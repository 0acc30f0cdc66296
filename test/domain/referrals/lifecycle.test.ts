import { describe, expect, it } from "vitest";
import { transition } from "xstate";
import { referralMachine, type Direction } from "../../../flows/referral/index.js";
import { initialReferral, isClosed, restoreReferral, stateOf } from "../../../src/domain/referrals/lifecycle.js";
import type { Referral } from "../../../src/generated/prisma/client.js";

/** A referral row as far as the lifecycle reads it. */
const row = (direction: Direction, over: Partial<Referral> = {}) => ({ id: "r1", direction, ...initialReferral(direction), ...over }) as unknown as Referral;

describe("initialReferral", () => {
  it("starts both directions filed: a referral in is requested, one out waits for consent and machine version", () => {
    for (const [direction, status] of [["IN", "requested"], ["OUT", "on-hold"]] as const) {
      const start = initialReferral(direction);
      expect([start.status, start.machineVersion]).toEqual([status, 1]);
      expect(stateOf(row(direction))).toBe("filed");
    }
  });
});

describe("restoreReferral", () => {
  it("refuses a machine version it cannot read", () => {
    expect(() => restoreReferral(row("IN", { machineVersion: 2 }))).toThrow("referral r1 has machine version 2, which this version cannot read");
  });

  it("gives back the saved state", () => {
    const machine = referralMachine("IN");
    const [declined] = transition(machine, restoreReferral(row("IN")), { type: "team.declined", reason: "Geen plek" });
    const saved = row("IN", { snapshot: machine.getPersistedSnapshot(declined) as never });
    expect(stateOf(saved)).toBe("declined");
    expect(isClosed(saved)).toBe(true);
    expect(isClosed(row("IN"))).toBe(false);
  });
});
