import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { BOUNDARY } from "../../../src/domain/safety/match.js";
import { featureCount, featureName, featureRow, features, featureTable, MODEL_CLASSES, rowOf, scoreModel, stem, trainModel } from "../../../src/domain/safety/model.js";

describe("stem", () => {
  it("takes inflections off and makes doubled letters single", () => {
    expectCases(stem, [["geslagen", "slag"], ["slaat", "sla"], ["pillen", "pil"], ["gesneden", "sned"], ["mijn", "myn"], ["kus", "kus"]]);
  });
});

describe("features", () => {
  it("are the words and adjacent pairs within a clause", () => {
    expect([...features(["ik", "wil", BOUNDARY, "dood"])]).toEqual(["ik", "wil", "ik wil", "dood"]);
    expect([...features(["_", "wil"])]).toEqual(["wil"]);
  });

  it("add stems and skipping pairs when asked", () => {
    expect([...features(["ik", "wil", "dood"], { stems: true, skips: true })]).toEqual(["ik", "wil", "ik wil", "~wil", "dood", "wil dood", "~dod", "ik . dood"]);
  });
});

describe("featureTable", () => {
  it("reads the features and their rows as model-data.ts stores them", () => {
    const t = featureTable("0\nik wil\n~dod\n", "1,0,0,0,0,0,0\n-12,3,0,0,0,0,907\n0,0,0,0,0,0,-1\n");
    expect(featureCount(t)).toBe(3);
    expect(featureRow(t, "ik wil")).toEqual([-12, 3, 0, 0, 0, 0, 907]);
    expect(featureRow(t, "~dod")).toEqual([0, 0, 0, 0, 0, 0, -1]);
    expect(featureRow(t, "0")).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(featureRow(t, "ik")).toBeUndefined();
    expect(featureRow(t, "ik wil ")).toBeUndefined();
    expect(featureCount(featureTable("", ""))).toBe(0);
    expect(rowOf(featureTable("", ""), "ik")).toBe(-1);
  });

  it("refuses numbers that do not fit the features", () => {
    expect(() => featureTable("ik\n", "1,2,3\n")).toThrow(/expected 7 numbers/);
    expect(() => featureTable("ik\n", "1,2,x,0,0,0,0\n")).toThrow(/not a list of numbers/);
    expect(() => featureTable("ik", "0,0,0,0,0,0,0\n")).toThrow(/line break/);
  });
});

describe("trainModel and scoreModel", () => {
  const rows = [
    ["suicide", ["ik", "wil", "dood"]],
    ["suicide", ["wil", "dood"]],
    ["violence", ["hij", "slaat"]],
    ["none", ["ik", "wil", "koffie"]],
    ["none", ["koffie"]],
  ] as const;

  it("counts messages per class and features per class", () => {
    const model = trainModel(rows);
    expect(model.totals).toEqual([2, 2, 0, 0, 1, 0, 0]);
    expect(featureRow(model.features, "wil dood")).toEqual([0, 2, 0, 0, 0, 0, 0]);
    expect(featureRow(model.features, "koffie")).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(featureRow(model.features, "thee")).toBeUndefined();
    const names = Array.from({ length: featureCount(model.features) }, (_, i) => featureName(model.features, i));
    expect(names).toEqual([...names].sort());
    expect(names.map((f) => rowOf(model.features, f))).toEqual(names.map((_, i) => i));
    expect(model.options).toBeUndefined();
    expect(trainModel(rows, { stems: true }).options).toEqual({ stems: true });
    expect(MODEL_CLASSES[0]).toBe("none");
  });

  it("scores crisis words above everyday ones and names the kind", () => {
    const model = trainModel(rows);
    const crisis = scoreModel(model, ["wil", "dood"]);
    const calm = scoreModel(model, ["koffie"]);
    expect(crisis.score).toBeGreaterThan(0);
    expect(calm.score).toBeLessThan(0);
    expect(crisis.category).toBe("suicide");
    expect(crisis.evidence[0]).toBe("dood");
    expect(scoreModel(model, ["hij", "slaat"]).category).toBe("violence");
  });

  it("gives the prior alone for words it never saw", () => {
    expect(scoreModel(trainModel(rows), ["onbekend"]).score).toBeCloseTo(Math.log(3 / 2));
    expect(scoreModel(trainModel(rows), ["onbekend"]).evidence).toEqual([]);
  });
});
