/**
 * flows/lib/answers.ts: the heuristics that read a free answer to pick the next gentle question:
 * no answer, a thin answer, several options, a goal with a when or a sign, an answer about others.
 */
import { describe, expect, it } from "vitest";
import { aboutOthersOnly, hasNoAnswer, hasSign, hasWhen, isThin, listsSeveral, saysDontKnow, saysNothing, words } from "../../../flows/lib/answers.js";

describe("answer heuristics", () => {
  it("saysDontKnow and isThin", () => {
    expect(saysDontKnow("Weet ik niet.")).toBe(true);
    expect(saysDontKnow("geen idee")).toBe(true);
    expect(saysDontKnow("ik weet niet of dat lukt")).toBe(false);
    expect(isThin("slecht")).toBe(true);
    expect(isThin("Het gaat niet zo goed met zoeken")).toBe(false);
  });

  it("listsSeveral", () => {
    expect(listsSeveral("bellen, mailen of langsgaan")).toBe(true);
    expect(listsSeveral("bellen of mailen")).toBe(true);
    expect(listsSeveral("bellen")).toBe(false);
  });

  it("hasWhen and hasSign", () => {
    expect(hasWhen("Voor de zomer werk hebben")).toBe(true);
    expect(hasWhen("Over drie weken mijn papieren op orde")).toBe(true);
    expect(hasWhen("Werk vinden")).toBe(false);
    expect(hasSign("Twee keer per week sporten")).toBe(true);
    expect(hasSign("Minder schulden, 500 euro")).toBe(true);
    expect(hasSign("Gelukkiger zijn")).toBe(false);
  });

  it("aboutOthersOnly", () => {
    expect(aboutOthersOnly("Mijn vrouw is dan aardiger")).toBe(true);
    expect(aboutOthersOnly("De gemeente belt niet meer")).toBe(true);
    expect(aboutOthersOnly("Ze laten me met rust")).toBe(false);
    expect(aboutOthersOnly("Ik sta vroeg op")).toBe(false);
    expect(aboutOthersOnly("Mijn eigen huis is opgeruimd, zij is blij")).toBe(false);
    expect(aboutOthersOnly("De zon schijnt")).toBe(false);
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
    expect(hasNoAnswer("geen idee")).toBe(true);
    expect(hasNoAnswer("nee niet echt")).toBe(true);
    expect(hasNoAnswer("mijn zus helpt me")).toBe(false);
  });
});

describe("thin and several", () => {
  it("isThin below four words, or when the client does not know", () => {
    expect(isThin("drie woorden hier")).toBe(true);
    expect(isThin("nu zijn het vier")).toBe(false);
    expect(isThin("ik weet het echt niet")).toBe(true);
    expect(isThin("")).toBe(true);
  });

  it("listsSeveral counts only parts with a letter in them", () => {
    expect(listsSeveral("bellen; mailen")).toBe(true);
    expect(listsSeveral("bellen\nmailen")).toBe(true);
    expect(listsSeveral("call and write")).toBe(true);
    expect(listsSeveral("bellen, 12")).toBe(false);
    expect(listsSeveral(", ,")).toBe(false);
    // " en " needs spaces around it: "bellen" itself is one option.
    expect(listsSeveral("bellenen")).toBe(false);
  });
});

describe("when and sign", () => {
  it("hasWhen on a day that can be read, or a time word as a whole word", () => {
    expect(hasWhen("op 12 mei klaar")).toBe(true);
    expect(hasWhen("binnen een jaar")).toBe(true);
    expect(hasWhen("before summer")).toBe(true);
    // "weken" is a time word, "wekker" is not.
    expect(hasWhen("een wekker zetten")).toBe(false);
  });

  it("hasSign on any digit or a counting word", () => {
    expect(hasSign("3x sporten")).toBe(true);
    expect(hasSign("dan merk ik het")).toBe(true);
    expect(hasSign("every morning a walk")).toBe(true);
    expect(hasSign("rustiger worden")).toBe(false);
  });
});
