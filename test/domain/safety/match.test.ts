import { describe, expect, it } from "vitest";
import { BOUNDARY, findAll, isKnownWord, Matches, pattern, seq } from "../../../src/domain/safety/match.js";

const words = (text: string) => text.split(" ");

describe("pattern and findAll", () => {
  it("matches a word exactly and a stem as the start of a token", () => {
    expect(findAll(pattern("dood"), words("ik wil dood"))).toEqual([[2, 2]]);
    expect(findAll(pattern("dood"), words("ik wil doodgaan"))).toEqual([]);
    expect(findAll(pattern("zelfmoord*"), words("zelfmoordplan gemaakt"))).toEqual([[0, 0]]);
  });

  it("takes every alternative, and an optional token or not", () => {
    const p = pattern("wil ~ dood|niet meer? leven");
    expect(findAll(p, words("ik wil echt dood"))).toEqual([[1, 3]]);
    expect(findAll(p, words("niet meer leven"))).toEqual([[0, 2]]);
    expect(findAll(p, words("niet leven"))).toEqual([[0, 1]]);
  });

  it("lets a gap skip at most two tokens, and never a sentence boundary", () => {
    const p = pattern("wil ~ dood");
    expect(findAll(p, words("wil een twee dood"))).toEqual([[0, 3]]);
    expect(findAll(p, words("wil een twee drie dood"))).toEqual([]);
    expect(findAll(p, ["wil", BOUNDARY, "dood"])).toEqual([]);
  });

  it("reads #many as a number of five or more, in digits or words", () => {
    const p = pattern("#many pillen");
    expect(findAll(p, words("20 pillen"))).toEqual([[0, 1]]);
    expect(findAll(p, words("5 pillen"))).toEqual([[0, 1]]);
    expect(findAll(p, words("4 pillen"))).toEqual([]);
    expect(findAll(p, words("twintig pillen"))).toEqual([[0, 1]]);
    expect(findAll(p, words("twee pillen"))).toEqual([]);
  });

  it("anchors ^ and $ at the edges of a clause", () => {
    const p = pattern("^ help $");
    expect(findAll(p, ["help"])).toEqual([[0, 0]]);
    expect(findAll(p, ["hoi", BOUNDARY, "help"])).toEqual([[2, 2]]);
    expect(findAll(p, words("help mijn kat"))).toEqual([]);
  });

  it("knows every word a pattern uses, not its stems", () => {
    pattern("flapperdeflap|knikker*");
    expect(isKnownWord("flapperdeflap")).toBe(true);
    expect(isKnownWord("knikker")).toBe(false);
  });
});

describe("seq", () => {
  it("puts every alternative of the first before every one of the second, with a gap", () => {
    expect(seq("a|b", "c|d")).toBe("a ~ c|a ~ d|b ~ c|b ~ d");
  });
});

describe("Matches", () => {
  const wish = pattern("wil|wou");
  const dead = pattern("dood");
  const no = pattern("niet");

  it("gives the spans of a pattern, the same each time", () => {
    const m = new Matches(words("ik wil dood en wou dood"));
    expect(m.of(wish)).toEqual([[1, 1], [4, 4]]);
    expect(m.of(wish)).toBe(m.of(wish));
  });

  it("finds what findAll finds where alternatives start at a clause's start, on a number, or anywhere", () => {
    // Tried only where they can start (a clause's start, a number of many); the first alternative
    // that matches at a place still wins, as in findAll.
    const mixed = [
      pattern("^ ~ dood $|#many ~ pillen|^ help|#many"),
      pattern("#many stuks|#many ~ pil*"),
      pattern("^ gesneden|^ ~ wil niet meer"),
      pattern("ik? wil|#many ~ pillen|^ hulp"),
    ];
    const texts = [
      "20 pillen . help . ik wil dood",
      "help 20 pillen genomen . 6 jaar pillen . zes stuks",
      "ik wil niet meer . gesneden . 30 pil . dood",
      "hulp . . alle pillen en hulp",
      "dood",
      "",
    ];
    for (const text of texts) {
      const tokens = text ? words(text) : [];
      const m = new Matches(tokens);
      for (const p of mixed) expect(m.of(p), `${p.source} in "${text}"`).toEqual(findAll(p, tokens));
    }
  });

  it("numbers the clauses of the message", () => {
    expect(new Matches(["a", BOUNDARY, "b", "c", BOUNDARY, "d"]).clause).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it("finds patterns together in any order within one clause and the window", () => {
    expect(new Matches(words("dood wil ik")).together([wish, dead], 8)).toEqual([0, 1]);
    expect(new Matches(words("ik wil eigenlijk gewoon echt dood")).together([wish, dead], 8)).toEqual([1, 5]);
    expect(new Matches(words("ik wil een twee drie vier dood")).together([wish, dead], 4)).toBeNull();
    expect(new Matches(["ik", "wil", BOUNDARY, "dood"]).together([wish, dead], 8)).toBeNull();
    expect(new Matches(words("ik wil")).together([wish, dead], 8)).toBeNull();
    expect(new Matches(words("ik wil")).together([], 8)).toBeNull();
  });

  it("tries the next place when the acceptor turns one down", () => {
    const m = new Matches(words("wil dood en wil dood"));
    expect(m.together([wish, dead], 8, { accepts: ([s]) => s > 0 })).toEqual([3, 4]);
    expect(m.together([wish, dead], 8, { accepts: () => false })).toBeNull();
  });

  it("finds an exception near a span in the same clause only", () => {
    const m = new Matches(["niet", "wil", "dood", BOUNDARY, "niet"]);
    expect(m.near(no, [1, 2], 1)).toBe(true);
    const far = new Matches(["wil", "dood", BOUNDARY, "niet"]);
    expect(far.near(no, [0, 1], 4)).toBe(false);
  });

  it("does not count a word of the rule's own phrase as an exception to it", () => {
    const phrase = pattern("niet meer leven");
    const m = new Matches(words("niet meer leven"));
    expect(m.near(no, [0, 2], 2, [phrase])).toBe(false);
    expect(m.near(no, [0, 2], 2)).toBe(true);
  });
});
