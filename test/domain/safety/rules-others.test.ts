import { describe, expect, it } from "vitest";
import { hitsOf, itFires, itIsRuleSet } from "./rule-sets.js";
import { crisisHits } from "../../../src/domain/safety/detect.js";
import { OTHER_RULES } from "../../../src/domain/safety/rules-others.js";

const otherHits = hitsOf(OTHER_RULES);

describe("the rules about others", () => {
  itIsRuleSet(OTHER_RULES, ["violence", "sexual", "danger"], "violence, sexual violence and danger");

  itFires(otherHits, [
    ["mijn vader slaat mij", "violence.hits"],
  ]);

  it("fire for sexual violence and danger now", () => {
    expect(crisisHits("hij heeft me verkracht").map((h) => h.rule.category)).toContain("sexual");
    expect(crisisHits("er staat iemand met een mes voor de deur").map((h) => h.rule.category)).toContain("danger");
  });

  it("do not fire on films, games or sayings", () => {
    expect(otherHits("in de film sloeg hij haar")).toEqual([]);
    expect(otherHits("dat slaat nergens op")).toEqual([]);
    expect(otherHits("hij sloeg de deur dicht")).toEqual([]);
  });
});
