import { describe, expect, it } from "vitest";
import { crisisDoubt, crisisHits, crisisTokens, detectCrisis, RULES } from "../../../src/domain/safety/detect.js";
import { DOUBT_THRESHOLD, type ModelVerdict, type Scorer } from "../../../src/domain/safety/model.js";

/** A scorer that always gives this verdict: the rules are read as always, the model's part is fixed. */
const always = (score: number): Scorer => () => ({ score, category: "suicide", categories: ["suicide"], evidence: ["leeg"] }) satisfies ModelVerdict;

describe("crisisTokens", () => {
  it("normalises, and reads no further than 20,000 characters", () => {
    expect(crisisTokens("Ik wil NT meer leve")).toEqual(["ik", "wil", "niet", "meer", "leven"]);
    expect(crisisTokens(`${"a ".repeat(10_000)}dood`)).not.toContain("dood");
  });
});

describe("RULES", () => {
  it("have ids of the form <category>.<kind of sentence>", () => {
    for (const r of RULES) expect(r.id).toMatch(new RegExp(`^${r.category}\\.[a-z-]+$`));
  });
});

describe("crisisHits", () => {
  it("lists the rules that fire, in rule order, none for everyday talk", () => {
    expect(crisisHits("ik wil dood").map((h) => h.rule.id)).toEqual(["suicide.wish-dead", "suicide.dead-alone"]);
    expect(crisisHits("ik heb gisteren een film gezien")).toEqual([]);
  });
});

describe("detectCrisis", () => {
  it("names the category, the rule and the words that matched", () => {
    expect(detectCrisis("ik wil dood")).toEqual({ category: "suicide", categories: ["suicide"], acute: false, rule: "suicide.wish-dead", matched: "wil dood" });
    expect(detectCrisis("mijn vader slaat mij")).toMatchObject({ category: "violence", rule: "violence.hits", matched: "vader slaat mij" });
  });

  it("is acute with a time or when the deed is done", () => {
    expect(detectCrisis("vannacht spring ik van de brug")).toMatchObject({ category: "suicide", acute: true, rule: "suicide.method-jump" });
    expect(detectCrisis("ik heb 30 pillen geslikt")).toMatchObject({ category: "overdose", acute: true });
  });

  it("leaves idioms, denials, jokes and Koers' own texts alone", () => {
    expect(detectCrisis("hij slaat nergens op")).toBeNull();
    expect(detectCrisis("ik wil niet meer leven, haha grapje")).toBeNull();
    expect(detectCrisis("Ik zeg het zelf")).toBeNull();
    expect(detectCrisis("")).toBeNull();
  });

  it("raises an alarm from the model alone only for a message of eight tokens or more", () => {
    expect(detectCrisis("dat weet ik", always(100))).toBeNull();
    expect(detectCrisis("vandaag voel ik mij erg leeg en ook heel moe", always(100))).toMatchObject({ category: "suicide", rule: "suicide.model", matched: "leeg" });
    expect(detectCrisis("vandaag voel ik mij erg leeg en ook heel moe", always(0))).toBeNull();
  });
});

describe("crisisDoubt", () => {
  it("asks about a call for help alone", () => {
    expect(crisisDoubt("help")).toEqual({ score: DOUBT_THRESHOLD, category: "danger", categories: ["danger"] });
  });

  it("is null for a clear crisis and for plain talk", () => {
    expect(crisisDoubt("ik wil dood")).toBeNull();
    expect(crisisDoubt("ik heb gisteren een film gezien")).toBeNull();
  });

  it("asks when the model is unsure and a word of distress is there", () => {
    expect(crisisDoubt("ik ben zo moe", always(5))).toEqual({ score: 5, category: "suicide", categories: ["suicide"] });
    expect(crisisDoubt("ik ben zo moe", always(DOUBT_THRESHOLD))).toBeNull();
    expect(crisisDoubt("de bus komt om tien uur", always(5))).toBeNull();
  });
});

describe("the kinds of sentence added from set 17, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads an overdose told by its effect, and leaves side effects and the dentist alone", () => {
    expect(rulesOf("de tabletten werken al, ik kan bijna niet meer praten")).toContain("overdose.working");
    expect(detectCrisis("mn tong is zwaar de pillen beginnen te werken")?.categories).toContain("overdose");
    expect(rulesOf("de verdoving van de tandarts werkt nog, ik kan niet goed praten")).not.toContain("overdose.working");
    expect(rulesOf("de nieuwe pillen werken goed, alleen de bijwerking: ik kan niet goed praten")).not.toContain("overdose.working");
  });

  it("reads a plan to take them all tonight or tomorrow as suicide and overdose, not taking them along", () => {
    const plan = detectCrisis("morgen slik ik ze allemaal, de hele strip diazepam");
    expect(plan?.categories).toEqual(expect.arrayContaining(["suicide", "overdose"]));
    expect(rulesOf("morgen neem ik ze allemaal mee naar de apotheek om in te leveren")).not.toContain("suicide.pills-plan");
  });

  it("reads hiding from someone in the next room, and someone kicking the door with a call for help", () => {
    expect(detectCrisis("zit in de kast, hij is in de kamer hiernaast")?.category).toBe("danger");
    expect(detectCrisis("someone is banging on my door, please help")?.acute).toBe(true);
    expect(rulesOf("de buren bonken op de deur vanwege de muziek, irritant")).not.toContain("danger.at-door");
  });

  it("reads an adult sexual towards a child, and leaves explaining the body to a child alone", () => {
    expect(detectCrisis("een man uit de buurt stuurt mijn dochter naaktfoto's")?.categories).toEqual(expect.arrayContaining(["sexual", "violence"]));
    expect(rulesOf("mijn zoontje vroeg waarom zijn broertje een piemel heeft, hoe leg ik dat uit")).not.toContain("sexual.child");
  });

  it("leaves an overdose of years ago alone, not one taken now or wanted again", () => {
    expect(detectCrisis("ik lag jaren geleden in het ziekenhuis na een overdosis, nu gaat het goed")).toBeNull();
    expect(detectCrisis("ik heb net een overdosis genomen, ben al jaren clean geweest maar nu")?.categories).toContain("overdose");
    expect(detectCrisis("ik heb 2 jaar geleden een overdosis genomen en nu wil ik het weer doen")?.categories).toContain("overdose");
  });

  it("reads Turkish 'all of the medicines taken'", () => {
    expect(detectCrisis("hapların hepsini yuttum")?.categories).toContain("overdose");
  });
});
