import { describe, expect, it } from "vitest";
import { matchOption, parseCallName, parseDate, parseNumberWord, parseScale } from "../../../flows/lib/parse.js";
import { CONFIRM, readYesNo } from "../../../flows/lib/readers.js";

/** Wednesday 10 March 2027, 10:00 in Amsterdam. */
const NOW = "2027-03-10T09:00:00.000Z";

describe("parseScale", () => {
  it.each([
    ["7", 7], ["0", 0], ["10", 10], ["zeven", 7], ["Tien", 10], ["nul", 0], ["7/10", 7], ["10/10", 10], ["8 van de 10", 8],
    ["een 6 of zo", 6], ["ik denk een 8", 8], ["Een 5.", 5], ["zes, dus 6", 6], ["één", 1], ["een", 1], ["seven", 7],
  ])("%j is %j", (text, score) => {
    expect(parseScale(text)).toBe(score);
  });

  it("rounds halves up: a score between two numbers, not a test", () => {
    expect(parseScale("6,5")).toBe(7);
    expect(parseScale("6.5")).toBe(7);
    expect(parseScale("7,4")).toBe(7);
  });

  it.each(["12", "-3", "11", "100", "elf", "twaalf", "10,5"])("%j is out of range", (text) => {
    expect(parseScale(text)).toEqual({ error: "range" });
  });

  it.each(["", "goed", "een goede dag", "5 of 6", "zes of zeven", "5-6", "🙂"])("%j is not a score", (text) => {
    expect(parseScale(text)).toBeNull();
  });
});

describe("parseNumberWord", () => {
  it("reads nul to tien, digits and een", () => {
    expect(["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"].map(parseNumberWord)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(parseNumberWord("3")).toBe(3);
    expect(parseNumberWord("veel")).toBeNull();
  });
});

describe("parseDate (now is Wednesday 10 March 2027 in Amsterdam)", () => {
  it.each([
    ["morgen", "2027-03-11"],
    ["Morgenochtend doe ik het", "2027-03-11"],
    ["overmorgen", "2027-03-12"],
    ["vandaag", "2027-03-10"],
    ["vrijdag", "2027-03-12"],
    ["woensdag", "2027-03-17"],
    ["volgende week", "2027-03-15"],
    ["volgende week vrijdag", "2027-03-19"],
    ["deze week", "2027-03-14"],
    ["over twee weken", "2027-03-24"],
    ["over 3 dagen", "2027-03-13"],
    ["over een maand", "2027-04-10"],
    ["12 maart", "2027-03-12"],
    ["12 mrt.", "2027-03-12"],
    ["12-3", "2027-03-12"],
    ["12/3", "2027-03-12"],
    ["12/03/2027", "2027-03-12"],
    ["12-03-27", "2027-03-12"],
    ["12.03.2027", "2027-03-12"],
    ["2 januari 2028", "2028-01-02"],
    ["tomorrow", "2027-03-11"],
    ["friday", "2027-03-12"],
  ])("%j is %s", (text, iso) => {
    expect(parseDate(text, NOW)).toBe(iso);
  });

  it("detects days in the past", () => {
    for (const text of ["1-3", "12/03/2020", "1 maart", "9 maart 2027"]) expect(parseDate(text, NOW), text).toEqual({ error: "past" });
  });

  it("without a year takes the nearest such day: 5 January in December is next year", () => {
    expect(parseDate("5 januari", "2027-12-20T10:00:00Z")).toBe("2028-01-05");
    expect(parseDate("28 december", "2028-01-03T10:00:00Z")).toEqual({ error: "past" });
  });

  it("uses the Amsterdam calendar day, not UTC", () => {
    // 23:30 UTC on 10 March is already 11 March in Amsterdam.
    expect(parseDate("morgen", "2027-03-10T23:30:00Z")).toBe("2027-03-12");
    expect(parseDate("vandaag", "2027-03-10T23:30:00Z")).toBe("2027-03-11");
  });

  it.each(["", "bla", "binnenkort", "31-2", "32 maart", "12-13", "over een paar dagen"])("%j is not a day", (text) => {
    expect(parseDate(text, NOW)).toBeNull();
  });
});

describe("existing parsers keep working", () => {
  it("readYesNo, matchOption, parseCallName", () => {
    expect(readYesNo("Ja hoor")).toBe("yes");
    expect(readYesNo("nee")).toBe("no");
    expect(readYesNo("niet nu")).toBe("later");
    expect(matchOption("in de avond", { morning: ["ochtend"], evening: ["avond"] })).toBe("evening");
    expect(parseCallName("noem me sam")).toBe("Sam");
  });

  it("readYesNo reads 'klopt het?' answers (confirm) and a leading no (leadingNo)", () => {
    expect(["klopt niet", "Niet helemaal", "ja klopt, maar later", "precies", "klopt", "misschien"].map((t) => readYesNo(t, CONFIRM))).toEqual(["no", "no", "yes", "yes", "yes", null]);
    expect(readYesNo("precies")).toBeNull();
    expect(["nee, zaterdag", "Klopt niet, het wordt zondag", "zaterdag, nee", "ja"].map((t) => readYesNo(t, { leadingNo: true }))).toEqual(["no", "no", null, null]);
    expect(readYesNo({ type: "client.chose", choice: "no", now: "2027-03-10T10:00:00+01:00" }, { leadingNo: true })).toBeNull();
  });
});
