import { describe, expect, it } from "vitest";
import { answerKey, isOwnAnswerText } from "../../../src/domain/safety/answers.js";

describe("answerKey", () => {
  it("keeps lower-case letters and digits, single spaces, no accents", () => {
    expect(answerKey("  Ik zeg-het ZELF! ")).toBe("ik zeg het zelf");
    expect(answerKey("Één, twéé 3")).toBe("een twee 3");
    expect(answerKey("?!")).toBe("");
  });
});

describe("isOwnAnswerText", () => {
  it("knows Koers' own short texts, typed back in any case or punctuation", () => {
    expect(isOwnAnswerText("Ik zeg het zelf")).toBe(true);
    expect(isOwnAnswerText("ik zeg het zelf!!")).toBe(true);
  });

  it("does not take more than the text itself, or a free sentence", () => {
    expect(isOwnAnswerText("ik zeg het zelf, ik heb pillen")).toBe(false);
    expect(isOwnAnswerText("ik wil niet meer leven")).toBe(false);
    expect(isOwnAnswerText("")).toBe(false);
  });

  it("does not read a message longer than 200 characters", () => {
    expect(isOwnAnswerText(`Ik zeg het zelf${" ".repeat(200)}`)).toBe(false);
  });
});
