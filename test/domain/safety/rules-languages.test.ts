import { describe, expect, it } from "vitest";
import { crisisHits } from "../../../src/domain/safety/detect.js";
import { LANGUAGE_RULES } from "../../../src/domain/safety/rules-languages.js";

const LANGUAGE = new Set(LANGUAGE_RULES.map((r) => r.id));
/** The ids of this module's rules that fire on a text (the detector reads it as any message). */
const languageHits = (text: string) => [...new Set(crisisHits(text).map((h) => h.rule.id).filter((id) => LANGUAGE.has(id)))];

describe("the rules for other languages", () => {
  it("cover suicide, self-harm, overdose, violence and sexual violence, each id ending in .other-language", () => {
    expect(new Set(LANGUAGE_RULES.map((r) => r.category))).toEqual(new Set(["suicide", "selfharm", "overdose", "violence", "sexual"]));
    for (const r of LANGUAGE_RULES) expect(r.id).toBe(`${r.category}.other-language`);
  });

  it("each have a joke or saying that cancels them", () => {
    for (const r of LANGUAGE_RULES) expect(r.unless, r.id).toBeDefined();
  });

  it("only the own-denial form of the wish to die is not cancelled by a 'no' (its 'no' is the wish)", () => {
    expect(LANGUAGE_RULES.filter((r) => !r.negatable).map((r) => r.id)).toEqual(["suicide.other-language"]);
  });

  it.each([
    ["chcę się zabić", "suicide.other-language"],
    ["mam dość życia", "suicide.other-language"],
    ["intihar etmek istiyorum", "suicide.other-language"],
    ["keşke ölsem", "suicide.other-language"],
    ["ghadi nqtel rasi", "suicide.other-language"],
    ["mi ta bai muri", "suicide.other-language"],
    ["mi wani kiri mi srefi", "suicide.other-language"],
    ["nie chcę już żyć", "suicide.other-language"],
    ["tnę się co wieczór", "selfharm.other-language"],
    ["bileklerimi kestim", "selfharm.other-language"],
    ["mi ta korta mi mes", "selfharm.other-language"],
    ["wzięłam całe opakowanie tabletek", "overdose.other-language"],
    ["bir kutu hap yuttum", "overdose.other-language"],
    ["mi a bebe tur e pastianan", "overdose.other-language"],
    ["przedawkowałam", "overdose.other-language"],
    ["on grozi mi", "violence.other-language"],
    ["babam beni tehdit ediyor", "violence.other-language"],
    ["ghadi yqtelni", "violence.other-language"],
    ["el a fon mi", "violence.other-language"],
    ["hij heeft me molestował", "sexual.other-language"],
    ["e homber a viola mi", "sexual.other-language"],
  ])("%j fires %s", (text, id) => {
    expect(languageHits(text)).toContain(id);
  });

  it("need the taking and the pills together, within the window, for an overdose", () => {
    expect(languageHits("połknęłam tabletkę na ból głowy")).toEqual([]);
    expect(languageHits("w szafce są wszystkie tabletki")).toEqual([]);
    const far = `połknęłam ${"i potem ".repeat(6)}wszystkie tabletki`;
    expect(languageHits(far)).toEqual([]);
  });

  it("do not fire on jokes, sayings and news in these languages", () => {
    expect(languageHits("chcę umrzeć haha")).toEqual([]);
    expect(languageHits("ölmek istiyorum şaka")).toEqual([]);
    expect(languageHits("mama mnie zabije jak się dowie")).toEqual([]);
    expect(languageHits("in de film przedawkował")).toEqual([]);
    expect(languageHits("het nieuws over een aşırı doz")).toEqual([]);
  });

  it("do not fire on ordinary sentences that share a word", () => {
    expect(languageHits("chcę żyć")).toEqual([]);
    expect(languageHits("ilaçlarımı aldım")).toEqual([]);
    expect(languageHits("mi ke bai kas")).toEqual([]);
    expect(languageHits("")).toEqual([]);
  });
});
