import { describe, expect, it } from "vitest";
import { chartCaption, scaleOfRun } from "../../src/domain/chart-message.js";
import { SCALE_KINDS } from "../../src/domain/client-file.js";

describe("scaleOfRun", () => {
  it("a check-in scores wellbeing", () => {
    expect(scaleOfRun("checkin", {})).toBe("WELLBEING");
  });

  it("a scaling talk scores the kind in its context", () => {
    for (const kind of SCALE_KINDS) expect(scaleOfRun("scaling", { context: { kind } })).toBe(kind);
  });

  it("a scaling talk without a known kind scores progress", () => {
    expect(scaleOfRun("scaling", {})).toBe("PROGRESS");
    expect(scaleOfRun("scaling", { context: {} })).toBe("PROGRESS");
    expect(scaleOfRun("scaling", { context: { kind: "HAPPINESS" } })).toBe("PROGRESS");
    expect(scaleOfRun("scaling", { context: { kind: "wellbeing" } })).toBe("PROGRESS");
    expect(scaleOfRun("scaling", { context: { kind: 3 } })).toBe("PROGRESS");
  });

  it("any other talk scores nothing, whatever its context says", () => {
    expect(scaleOfRun("grow", { context: { kind: "CONFIDENCE" } })).toBeNull();
    expect(scaleOfRun("", {})).toBeNull();
    expect(scaleOfRun("Checkin", {})).toBeNull();
  });
});

describe("chartCaption", () => {
  const points = [
    { at: "2026-11-01T10:00:00.000Z", score: 3 },
    { at: "2026-11-15T10:00:00.000Z", score: 5 },
    { at: "2026-12-01T10:00:00.000Z", score: 7 },
  ];

  it("says the first score with its day and the latest score, for the chart's scale", () => {
    expect(chartCaption({ scale: "MOTIVATION", points, steps: [] })).toEqual({
      key: "chart.alt.MOTIVATION",
      vars: { first: 3, firstAt: "2026-11-01T10:00:00.000Z", last: 7 },
    });
  });

  it("adds the line about the step days only when the chart shows steps", () => {
    expect(chartCaption({ scale: "PROGRESS", points, steps: [{ at: "2026-11-20T11:00:00.000Z" }] }).lines).toEqual([{ key: "chart.altSteps" }]);
    expect(chartCaption({ scale: "PROGRESS", points, steps: [] }).lines).toBeUndefined();
  });

  it("a single score is both the first and the latest", () => {
    expect(chartCaption({ scale: "COPING", points: [{ at: "2026-12-01T10:00:00.000Z", score: 0 }], steps: [] }).vars).toEqual({
      first: 0,
      firstAt: "2026-12-01T10:00:00.000Z",
      last: 0,
    });
  });

  it("does not break on a chart without scores", () => {
    expect(chartCaption({ scale: "WELLBEING", points: [], steps: [] })).toEqual({ key: "chart.alt.WELLBEING", vars: { first: 0, firstAt: "", last: 0 } });
  });
});
