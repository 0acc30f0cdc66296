import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { BOUNDARY } from "../../../src/domain/safety/match.js";
import { features, MODEL_CLASSES, scoreModel, stem, trainModel } from "../../../src/domain/safety/model.js";

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
    expect(model.features["wil dood"]).toEqual([0, 2, 0, 0, 0, 0, 0]);
    expect(model.features["koffie"]).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(Object.keys(model.features)).toEqual([...Object.keys(model.features)].sort());
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
