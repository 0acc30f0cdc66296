import { describe, expect, it } from "vitest";
import { beforeDue } from "../../flows/checkin.js";

describe("beforeDue: the step's day (Amsterdam) has not gone by", () => {
  // Sunday 6 December 2026, noon in Amsterdam.
  const step = { id: "s1", what: "cv afmaken", dueAt: "2026-12-06T11:00:00.000Z" };
  it("days before, and on the day itself, are before the due day", () => {
    expect(beforeDue(step, "2026-12-02T09:00:00.000Z")).toBe(true);
    expect(beforeDue(step, "2026-12-06T20:00:00.000Z")).toBe(true);
    // 23:30 UTC on the 6th is already the 7th in Amsterdam.
    expect(beforeDue(step, "2026-12-06T23:30:00.000Z")).toBe(false);
  });
  it("the day after, or a step without a day, is not", () => {
    expect(beforeDue(step, "2026-12-07T08:00:00.000Z")).toBe(false);
    expect(beforeDue({ id: "s2", what: "bellen" }, "2026-12-02T09:00:00.000Z")).toBe(false);
    expect(beforeDue(null, "2026-12-02T09:00:00.000Z")).toBe(false);
  });
});
