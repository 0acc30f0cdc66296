import { describe, expect, it } from "vitest";
import { isRung, recordRung, RUNGS } from "../../src/domain/ladder.js";

describe("isRung", () => {
  it("takes the whole numbers 1 to 6", () => {
    expect(RUNGS).toEqual([1, 2, 3, 4, 5, 6]);
    for (const r of RUNGS) expect(isRung(r)).toBe(true);
  });

  it("refuses 0, 7, fractions, NaN, infinity and anything that is no number", () => {
    for (const n of [0, 7, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null, undefined, [3], { rung: 3 }]) {
      expect(isRung(n), String(n)).toBe(false);
    }
  });
});

describe("recordRung", () => {
  it("throws a RangeError on a forged rung before it touches the database", async () => {
    // A transaction that fails on any use: the check must come first.
    const tx = new Proxy({}, { get: () => { throw new Error("the database was touched"); } }) as Parameters<typeof recordRung>[0];
    const now = new Date("2026-12-03T08:00:00Z");
    await expect(recordRung(tx, { clientId: "c", rung: 7, source: "CLIENT", now })).rejects.toThrow(RangeError);
    await expect(recordRung(tx, { clientId: "c", rung: 1.5, source: "COACH", now })).rejects.toThrow("a ladder rung is 1 to 6, not 1.5");
  });
});
