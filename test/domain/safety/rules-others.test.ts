import { describe, expect, it } from "vitest";
import { crisisHits } from "../../../src/domain/safety/detect.js";
import { OTHER_RULES } from "../../../src/domain/safety/rules-others.js";

const OTHER = new Set(OTHER_RULES.map((r) => r.id));
const otherHits = (text: string) => crisisHits(text).map((h) => h.rule.id).filter((id) => OTHER.has(id));

describe("the rules about others", () => {
  it("are about violence, sexual violence and danger only, with an id per kind of sentence", () => {
    expect(new Set(OTHER_RULES.map((r) => r.category))).toEqual(new Set(["violence", "sexual", "danger"]));
    for (const r of OTHER_RULES) expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it.each([
    ["mijn vader slaat mij", "violence.hits"],
  ])("%j fires %s", (text, id) => {
    expect(otherHits(text)).toContain(id);
  });

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
