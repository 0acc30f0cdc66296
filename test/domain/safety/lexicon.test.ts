import { describe, expect, it } from "vitest";
import { crisisTokens } from "../../../src/domain/safety/detect.js";
import { AT_HAND, DEAD, HIT, HIT_IDIOM, MEDIA, PERSON, QUANTITY, SOON, SUBSTANCE, TAKEN, VICTIM, WANT } from "../../../src/domain/safety/lexicon.js";
import { findAll, type Pattern } from "../../../src/domain/safety/match.js";

/** The words of `text` (normalised as the detector reads it) that `p` matches. */
const found = (p: Pattern, text: string) => {
  const tokens = crisisTokens(text);
  return findAll(p, tokens).map(([s, e]) => tokens.slice(s, e + 1).join(" "));
};

describe("the crisis lexicon's word classes", () => {
  it("name the people who hurt and who are hurt", () => {
    expect(found(PERSON, "mijn stiefvader")).toEqual(["stiefvader"]);
    expect(found(VICTIM, "hij slaat mijn kinderen")).toContain("mijn kinderen");
    expect(found(PERSON, "de tafel")).toEqual([]);
  });

  it("know hitting, and the sayings with a hitting word that hurt nobody", () => {
    expect(found(HIT, "hij sloeg me")).toEqual(["sloeg"]);
    expect(found(HIT, "ze hebben hem afgetuigd")).toEqual(["afgetuigd"]);
    expect(found(HIT_IDIOM, "dat slaat nergens op")).toContain("slaat nergens");
    expect(found(HIT_IDIOM, "hij sloeg me")).toEqual([]);
  });

  it("know films and games, wanting and being dead", () => {
    expect(found(MEDIA, "we keken een film op netflix")).toEqual(["film", "netflix"]);
    expect(found(WANT, "ik zou het willen")).toContain("zou het willen");
    expect(found(DEAD, "ik wil dood")).toEqual(["dood"]);
    expect(found(DEAD, "ik ben doodmoe")).toEqual([]);
  });

  it("know a time soon and a means at hand", () => {
    expect(found(SOON, "vannacht doe ik het")).toEqual(["vannacht"]);
    expect(found(AT_HAND, "het mes ligt naast me")).toContain("naast me");
  });

  it("know substances, taking them and many at once", () => {
    expect(found(SUBSTANCE, "een strip paracetamol")).toEqual(["strip", "paracetamol"]);
    expect(found(TAKEN, "ik heb ze geslikt")).toEqual(["geslikt"]);
    expect(found(QUANTITY, "ik heb 30 pillen")).toEqual(["30"]);
    expect(found(QUANTITY, "ik heb 2 pillen")).toEqual([]);
  });
});
