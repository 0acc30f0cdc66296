/**
 * Koers' own short texts typed back (a client who types the button instead of pressing it) are
 * answers, never crisis signals or a reason to ask "Ben je in gevaar?". Found in a GROW that was
 * parked with a typed "ik zeg het zelf wel", which was asked about; checked here over every short
 * text in both locales, as typed, in lower case and without punctuation.
 */
import { describe, expect, it } from "vitest";
import enClient from "../../locales/en/client.json" with { type: "json" };
import nlClient from "../../locales/nl/client.json" with { type: "json" };
import { answerKey, isOwnAnswerText } from "../../src/domain/safety/answers.js";
import { crisisDoubt, detectCrisis } from "../../src/domain/safety/index.js";

function shortTexts(node: unknown, key: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === "string") {
    if (!/crisis|safety/i.test(key) && !node.includes("{{") && answerKey(node).split(" ").length <= 6) out.push([key, node]);
  } else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) shortTexts(v, key ? `${key}.${k}` : k, out);
  return out;
}

const TEXTS = [...shortTexts(nlClient, "nl"), ...shortTexts(enClient, "en")];

describe("Koers' own short texts, typed back", () => {
  it("are hundreds, from both languages", () => {
    expect(TEXTS.length).toBeGreaterThan(300);
    expect(TEXTS.some(([k]) => k.startsWith("en."))).toBe(true);
  });

  it("raise no alarm and no question, as typed, in lower case, without punctuation", () => {
    const wrong: string[] = [];
    for (const [key, text] of TEXTS) {
      for (const typed of [text, text.toLowerCase(), answerKey(text)]) {
        const signal = detectCrisis(typed);
        const doubt = crisisDoubt(typed);
        if (signal || doubt) wrong.push(`${key}: "${typed}" ${signal ? `alarm ${signal.category}` : `asked (${doubt?.category})`}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("with anything more, are read as always", () => {
    expect(isOwnAnswerText("Ik zeg het zelf")).toBe(true);
    expect(isOwnAnswerText("ik zeg het zelf, ik heb alle pillen al genomen")).toBe(false);
    expect(detectCrisis("ik zeg het zelf, ik heb alle pillen al genomen")?.category).toBe("overdose");
    expect(detectCrisis("I will do it myself tonight, I have the rope ready")).not.toBeNull();
    expect(detectCrisis("ik wil niet meer leven")?.category).toBe("suicide");
  });

  it("texts about a crisis are not among them", () => {
    expect(isOwnAnswerText("Ik ben in gevaar")).toBe(false);
  });
});

describe("short everyday answers the model alone worries about", () => {
  // Found in the talks (a parked GROW, the answer after a crisis message); the rule is by kind:
  // one word alone, or a message whose strongest reasons are particles and answer verbs.
  it.each(["zeg het maar", "ik zeg het zelf wel", "sorry", "het zelf"])("%s: not asked", (text) => {
    expect(detectCrisis(text)).toBeNull();
    expect(crisisDoubt(text)).toBeNull();
  });
  it.each(["🪢😵", "heb de schaar gepakt en ben begonnen"])("%s: still asked", (text) => {
    expect(detectCrisis(text) ?? crisisDoubt(text)).not.toBeNull();
  });
});
