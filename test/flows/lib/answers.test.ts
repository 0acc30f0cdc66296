/**
 * flows/lib/answers.ts: the heuristics that read a free answer to pick the next gentle question:
 * no answer, a thin answer, several options, a goal with a when or a sign, an answer about others.
 */
import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { aboutOthersOnly, hasNoAnswer, hasSign, hasWhen, isThin, listsSeveral, saysDontKnow, saysNothing, words } from "../../../flows/lib/answers.js";

describe("answer heuristics", () => {
  it("saysDontKnow and isThin", () => {
    expectCases(saysDontKnow, [["Weet ik niet.", true], ["geen idee", true], ["ik weet niet of dat lukt", false]]);
    expect(isThin("slecht")).toBe(true);
    expect(isThin("Het gaat niet zo goed met zoeken")).toBe(false);
  });

  it("listsSeveral", () => {
    expectCases(listsSeveral, [["bellen, mailen of langsgaan", true], ["bellen of mailen", true], ["bellen", false]]);
  });

  it("hasWhen and hasSign", () => {
    expectCases(hasWhen, [["Voor de zomer werk hebben", true], ["Over drie weken mijn papieren op orde", true], ["Werk vinden", false]]);
    expectCases(hasSign, [["Twee keer per week sporten", true], ["Minder schulden, 500 euro", true], ["Gelukkiger zijn", false]]);
  });

  it("aboutOthersOnly", () => {
    expectCases(aboutOthersOnly, [["Mijn vrouw is dan aardiger", true], ["De gemeente belt niet meer", true], ["Ze laten me met rust", false], ["Ik sta vroeg op", false], ["Mijn eigen huis is opgeruimd, zij is blij", false], ["De zon schijnt", false]]);
  });
});

describe("words", () => {
  it("splits the normalised text on spaces; nothing for empty or blank text", () => {
    expect(words("  Ik   wil WERK!  ")).toEqual(["ik", "wil", "werk"]);
    expect(words("")).toEqual([]);
    expect(words("   ")).toEqual([]);
  });
});

describe("no answer", () => {
  it("saysDontKnow takes the fixed phrases, any case and punctuation, and the same with a word for emphasis", () => {
    for (const t of ["weet ik niet", "IDK", "No idea!", "niks", "ik weet het echt niet", "weet ik eigenlijk niet"]) expect(saysDontKnow(t), t).toBe(true);
    for (const t of ["ik weet het wel", "werk", "weet ik niet of ik dat wil", ""]) expect(saysDontKnow(t), t).toBe(false);
  });

  it("saysNothing is 'niks', 'nee hoor' and the like, not 'weet ik niet' nor an answer that starts with nee", () => {
    for (const t of ["Niks", "nee hoor", "helemaal niets", "Nothing really", "niet echt"]) expect(saysNothing(t), t).toBe(true);
    for (const t of ["weet ik niet", "nee, mijn buurman helpt", "niks aan te doen, ik ga bellen", ""]) expect(saysNothing(t), t).toBe(false);
  });

  it("hasNoAnswer is either", () => {
    expectCases(hasNoAnswer, [["geen idee", true], ["nee niet echt", true], ["mijn zus helpt me", false]]);
  });
});

describe("thin and several", () => {
  it("isThin below four words, or when the client does not know", () => {
    expectCases(isThin, [["drie woorden hier", true], ["nu zijn het vier", false], ["ik weet het echt niet", true], ["", true]]);
  });

  it("listsSeveral counts only parts with a letter in them", () => {
    expectCases(listsSeveral, [["bellen; mailen", true], ["bellen\nmailen", true], ["call and write", true], ["bellen, 12", false], [", ,", false]]);
    // " en " needs spaces around it: "bellen" itself is one option.
    expect(listsSeveral("bellenen")).toBe(false);
  });
});

describe("when and sign", () => {
  it("hasWhen on a day that can be read, or a time word as a whole word", () => {
    expectCases(hasWhen, [["op 12 mei klaar", true], ["binnen een jaar", true], ["before summer", true]]);
    // "weken" is a time word, "wekker" is not.
    expect(hasWhen("een wekker zetten")).toBe(false);
  });

  it("hasSign on any digit or a counting word", () => {
    expectCases(hasSign, [["3x sporten", true], ["dan merk ik het", true], ["every morning a walk", true], ["rustiger worden", false]]);
  });
});
