import { describe, expect, it } from "vitest";
import { hitsOf, itFires, itIsRuleSet } from "./rule-sets.js";
import { SELF_RULES } from "../../../src/domain/safety/rules-self.js";

const selfHits = hitsOf(SELF_RULES);

describe("the rules about oneself", () => {
  itIsRuleSet(SELF_RULES, ["suicide", "selfharm", "overdose"], "suicide, self-harm and overdose");

  itFires(selfHits, [
    ["ik wil dood", "suicide.wish-dead"],
    ["ik wil niet meer leven", "suicide.not-live"],
    ["vannacht spring ik van de brug", "suicide.method-jump"],
    ["ik heb 30 pillen geslikt", "overdose.taken"],
  ]);

  it("do not fire on everyday talk or sayings", () => {
    expect(selfHits("ik sneed me bij het koken van de uien")).toEqual([]);
    expect(selfHits("ik ben doodmoe van het werk")).toEqual([]);
    expect(selfHits("ik neem elke ochtend mijn pillen")).toEqual([]);
  });
});
