import { describe, expect, it } from "vitest";
import { crisisHits } from "../../../src/domain/safety/detect.js";
import { SELF_RULES } from "../../../src/domain/safety/rules-self.js";

const SELF = new Set(SELF_RULES.map((r) => r.id));
const selfHits = (text: string) => crisisHits(text).map((h) => h.rule.id).filter((id) => SELF.has(id));

describe("the rules about oneself", () => {
  it("are about suicide, self-harm and overdose only, with an id per kind of sentence", () => {
    expect(new Set(SELF_RULES.map((r) => r.category))).toEqual(new Set(["suicide", "selfharm", "overdose"]));
    for (const r of SELF_RULES) expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it.each([
    ["ik wil dood", "suicide.wish-dead"],
    ["ik wil niet meer leven", "suicide.not-live"],
    ["vannacht spring ik van de brug", "suicide.method-jump"],
    ["ik heb 30 pillen geslikt", "overdose.taken"],
  ])("%j fires %s", (text, id) => {
    expect(selfHits(text)).toContain(id);
  });

  it("do not fire on everyday talk or sayings", () => {
    expect(selfHits("ik sneed me bij het koken van de uien")).toEqual([]);
    expect(selfHits("ik ben doodmoe van het werk")).toEqual([]);
    expect(selfHits("ik neem elke ochtend mijn pillen")).toEqual([]);
  });
});
