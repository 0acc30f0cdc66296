import { describe, expect, it } from "vitest";
import { isCrisisSignal } from "../../src/domain/crisis.js";
import { detectCrisis } from "../../src/domain/safety/index.js";

describe("isCrisisSignal (the first version's question, answered by the detector)", () => {
  it("is true for a message the detector reads as a crisis", () => {
    expect(isCrisisSignal("ik wil dood")).toBe(true);
    expect(isCrisisSignal("Ik wil niet meer leven")).toBe(true);
  });

  it("is false for an ordinary message, an empty one, and a joke the detector lets pass", () => {
    expect(isCrisisSignal("Het gaat goed, ik heb gebeld")).toBe(false);
    expect(isCrisisSignal("")).toBe(false);
    expect(isCrisisSignal("ik wil niet meer leven, haha grapje")).toBe(false);
  });

  it("says the same as the detector, message for message", () => {
    for (const text of ["ik wil dood", "ik ga morgen naar de huisarts", "ik heb pillen gespaard om er een eind aan te maken", "dood moe ben ik", "I want to kill myself"]) {
      expect(isCrisisSignal(text), text).toBe(detectCrisis(text) !== null);
    }
  });
});
