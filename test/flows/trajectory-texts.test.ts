/**
 * The trajectory's client texts: in nl and en with the same keys and placeholders, one question
 * per message, "je" and never "u", and none of the method's words ("ZRM", "participatieladder",
 * "nazorg", "vraagverduidelijking", "evaluatie") anywhere a client can read, in any client text,
 * nor in what the four conversations actually say on every explored path.
 */
import { describe, expect, it } from "vitest";
import { aftercareMachine } from "../../flows/aftercare.js";
import { clarifyingMachine } from "../../flows/clarifying.js";
import { closingMachine } from "../../flows/closing.js";
import { evaluationMachine } from "../../flows/evaluation.js";
import { NOW, chose, inputFor, said } from "./drive.js";
import { expectSameKeysAndPlaceholders, flatTexts, loadClientTexts } from "./client-texts.js";
import { exploreFlow, probeEvents } from "./graph.js";

const SECTIONS = ["clarifying", "evaluation", "closing", "aftercare"];
const ours = (lang: string) => {
  const texts = loadClientTexts(lang);
  return [...SECTIONS.flatMap((s) => flatTexts(texts[s], s)), ...flatTexts((texts["grow"] as { goal: { focus: unknown } }).goal.focus, "grow.goal.focus")];
};
const nl = ours("nl");
const en = new Map(ours("en"));
/** Words of the method that never reach a client (also inside longer words: "nazorgcheck"). */
export const CLIENT_JARGON = /zrm|zelfredzaamheid|participatieladder|nazorg|vraagverduidelijking|evaluatie|afsluitingsgesprek|traject/i;

describe("texts of the trajectory's conversations", () => {
  it("exist in nl and en with the same keys and placeholders", () => {
    expectSameKeysAndPlaceholders(nl, en, 120);
  });

  it("ask at most one question per message and use je, never u", () => {
    for (const [key, text] of [...nl, ...en]) expect(text.split("?").length - 1, `${key}: ${text}`).toBeLessThanOrEqual(1);
    for (const [key, text] of nl) expect(/\b(u|uw)\b/i.test(text), `${key}: ${text}`).toBe(false);
  });

  it("no client text anywhere names the method's words", () => {
    for (const lang of ["nl", "en"]) {
      const all = flatTexts(loadClientTexts(lang), "");
      expect(all.length).toBeGreaterThan(500);
      expect(all.filter(([, text]) => CLIENT_JARGON.test(text)).map(([key]) => `${lang}:${key}`)).toEqual([]);
    }
  });

  it("the jargon check can fail: it catches the words in a sentence", () => {
    expect(CLIENT_JARGON.test("Over 4 weken is je nazorg-gesprek.")).toBe(true);
    expect(CLIENT_JARGON.test("Tijd voor je Evaluatie")).toBe(true);
    expect(CLIENT_JARGON.test("Mijn ZRM")).toBe(true);
    expect(CLIENT_JARGON.test("Hoe gaat het nu met je geld?")).toBe(false);
  });

  it("nothing the four conversations say on any explored path names them", () => {
    const render = (lang: string, key: string) => {
      const raw = key.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Record<string, unknown>)[k] : undefined), loadClientTexts(lang));
      return typeof raw === "string" ? raw : "";
    };
    const events = [...probeEvents(NOW), ...["skip", "more", "money", "1", "good", "notGood", "care"].map((c) => chose(c)), said("niet goed")];
    const to = [chose("yes"), said("rust"), said("geld"), said("koken"), said("mijn zus")];
    const emitted = new Set<string>();
    for (const [machine, prefixes] of [
      [clarifyingMachine, [[], to, [...to, chose("money"), chose("2"), chose("yes"), chose("work"), chose("4")]]],
      [evaluationMachine, [[]]],
      [closingMachine, [[]]],
      [aftercareMachine, [[], [chose("2")]]],
    ] as const) {
      for (const k of exploreFlow(machine, { inputs: [inputFor({ weeks: 4 })], events, prefixes: prefixes.map((p) => [...p]) }).emitted) emitted.add(k);
    }
    expect(emitted.size).toBeGreaterThan(80);
    for (const key of emitted) for (const lang of ["nl", "en"]) expect(CLIENT_JARGON.test(render(lang, key)), `${lang}:${key}: ${render(lang, key)}`).toBe(false);
  });
});
