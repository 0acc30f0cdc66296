import { describe, expect, it } from "vitest";
// The normaliser consults the words of the rules' lexicon, compiled when the detector is loaded.
import "../../../src/domain/safety/detect.js";
import { normalise, normaliseText } from "../../../src/domain/safety/normalise.js";

describe("normalise", () => {
  it("gives no tokens for an empty message or one of punctuation only", () => {
    expect(normalise("")).toEqual([]);
    expect(normalise("   ")).toEqual([]);
    expect(normalise("...!!!")).toEqual([]);
  });

  it("never ends on a sentence boundary and never puts two in a row", () => {
    expect(normalise("Hallo. . . Dag!!")).toEqual(["hallo", ".", "dag"]);
    expect(normalise("!! eerst")).toEqual(["eerst"]);
  });

  it("reads the emoji of means as words, and laughing faces as laughing", () => {
    expect(normaliseText("ik heb 🔪 en 💊")).toBe("ik heb mes en pillen");
    expect(normaliseText("😂😂 ik ga dood")).toBe("haha haha ik ga dood");
  });

  it("spells out chat words and glued pronouns", () => {
    expect(normaliseText("kheb")).toBe("ik heb");
    expect(normaliseText("zo'n dag")).toBe("zo een dag");
  });

  it("shrinks stretched letters back to the word", () => {
    expect(normaliseText("ik ben dooooood")).toBe("ik ben dood");
  });

  it("keeps numbers as written: repeated digits are no stretched letters", () => {
    expect(normaliseText("1.000 pillen")).toBe("1000 pillen");
    expect(normaliseText("ik heb 20000 euro schuld en 111 berichten")).toBe("ik heb 20000 euro schuld en 111 berichten");
  });

  it("takes an object's own property names as plain words", () => {
    expect(normalise("constructor")).toEqual(["constructor"]);
    expect(normalise("toString hasOwnProperty")).toEqual(["tostring", "hasownproperty"]);
  });

  it("joins a short fragment that carries the sentence on, not a long one", () => {
    expect(normaliseText("Ik ben klaar. Met alles.")).toBe("ik ben klaar met alles");
    expect(normaliseText("Ik ben klaar. Met alles wat ik doe en meer.")).toBe("ik ben klaar . met alles wat ik doe en meer");
  });

  it("splits digits from the words glued to them and keeps the number whole", () => {
    expect(normalise("20pillen")).toEqual(["20", "pillen"]);
    expect(normalise("om 2,5 uur")).toEqual(["om", "25", "uur"]);
  });
});
