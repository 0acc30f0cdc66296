import { describe, expect, it } from "vitest";
import { crisisTokens } from "../../src/domain/safety/detect.js";
import { LOGISTIC_OPTIONS, MODEL_THRESHOLD, scoreBoth, scoreLogistic, scoreLogisticOnScale, scoreModel, trainLogistic, trainModel, type ModelClass } from "../../src/domain/safety/model.js";

const rows = (
  [
    ["suicide", "ik wil niet meer leven"],
    ["suicide", "ik wil dood, ik kan niet meer"],
    ["suicide", "kwil er een eind aan maken"],
    ["selfharm", "ik heb mezelf weer gesneden"],
    ["selfharm", "snij mezelf in mijn arm"],
    ["violence", "mijn man slaat mij elke avond"],
    ["violence", "hij sloeg me weer thuis"],
    ["none", "ik ga morgen boodschappen doen"],
    ["none", "de bus was te laat vandaag"],
    ["none", "mijn accu is dood haha"],
    ["none", "we gaan lekker wandelen in het park"],
    ["none", "ik heb zin in koffie"],
  ] as const
).map(([label, text]) => [label as ModelClass, crisisTokens(text)] as const);

describe("the crisis models", () => {
  it("train the same logistic model every time (a seeded order)", () => {
    expect(trainLogistic(rows)).toEqual(trainLogistic(rows));
  });

  it("the logistic model tells a crisis from everyday talk it was not trained on, and names the kind", () => {
    const model = trainLogistic(rows, { ...LOGISTIC_OPTIONS, minCount: 1 });
    const crisis = scoreLogistic(model, crisisTokens("ik wil echt niet meer leven"));
    const calm = scoreLogistic(model, crisisTokens("morgen ga ik wandelen met de hond"));
    expect(crisis.score).toBeGreaterThan(calm.score);
    expect(crisis.category).toBe("suicide");
    expect(scoreLogistic(model, crisisTokens("mijn man slaat mij")).category).toBe("violence");
  });

  it("together they give the more worried verdict of the two, on one scale", () => {
    const models = { bayes: trainModel(rows), logistic: trainLogistic(rows, { ...LOGISTIC_OPTIONS, minCount: 1 }) };
    for (const text of ["ik wil niet meer leven", "ik heb zin in koffie", "hij sloeg me", "mijn accu is dood"]) {
      const tokens = crisisTokens(text);
      const bayes = scoreModel(models.bayes, tokens);
      const logistic = scoreLogisticOnScale(models.logistic, tokens);
      const both = scoreBoth(models, tokens);
      expect(both.score).toBe(Math.max(bayes.score, logistic.score));
      expect(both.category).toBe(bayes.score >= logistic.score ? bayes.category : logistic.category);
    }
    // On that scale the logistic model's own alarm threshold is the detector's.
    const sure = scoreLogistic(models.logistic, crisisTokens("ik wil niet meer leven"));
    expect(scoreLogisticOnScale(models.logistic, crisisTokens("ik wil niet meer leven")).score > MODEL_THRESHOLD).toBe(sure.score > 1);
  });
});
