/**
 * Words that are also names on every JavaScript object ("constructor", "__proto__", "toString")
 * are only words to the crisis detector: the chat-spelling table and the model's feature table
 * are looked up by own keys, so such a message is read like any other instead of throwing (which
 * failed the client's update and answered Telegram 500). Found by test/fuzz/fuzz.test.ts.
 */
import { describe, expect, it } from "vitest";
import { crisisDoubt, crisisTokens, detectCrisis } from "../../src/domain/safety/detect.js";
import { normaliseText } from "../../src/domain/safety/normalise.js";

const WORDS = ["constructor", "__proto__", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__"];

describe("object property names in a client's message", () => {
  it.each(WORDS)("%s is read as a word", (word) => {
    for (const text of [word, `ik ben ${word} van mijn leven`, `${word}${word}`, `k wil nie meer ${word}`]) {
      expect(() => crisisTokens(text)).not.toThrow();
      expect(() => detectCrisis(text)).not.toThrow();
      expect(() => crisisDoubt(text)).not.toThrow();
    }
    expect(normaliseText(`ik ben ${word}`)).toMatch(/^ik ben /);
  });

  it("does not change what a real crisis message gives", () => {
    expect(detectCrisis("ik wil niet meer leven constructor")?.category).toBe("suicide");
    expect(detectCrisis("constructor")).toBeNull();
  });
});
