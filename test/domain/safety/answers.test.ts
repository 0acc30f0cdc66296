import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { answerKey, isOwnAnswerText } from "../../../src/domain/safety/answers.js";

describe("answerKey", () => {
  it("keeps lower-case letters and digits, single spaces, no accents", () => {
    expectCases(answerKey, [["  Ik zeg-het ZELF! ", "ik zeg het zelf"], ["Één, twéé 3", "een twee 3"], ["?!", ""]]);
  });
});

describe("isOwnAnswerText", () => {
  it("knows Koers' own short texts, typed back in any case or punctuation", () => {
    expect(isOwnAnswerText("Ik zeg het zelf")).toBe(true);
    expect(isOwnAnswerText("ik zeg het zelf!!")).toBe(true);
  });

  it("does not take more than the text itself, or a free sentence", () => {
    expectCases(isOwnAnswerText, [["ik zeg het zelf, ik heb pillen", false], ["ik wil niet meer leven", false], ["", false]]);
  });

  it("does not read a message longer than 200 characters", () => {
    expect(isOwnAnswerText(`Ik zeg het zelf${" ".repeat(200)}`)).toBe(false);
  });
});
