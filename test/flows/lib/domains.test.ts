/**
 * flows/lib/domains.ts: the twelve life domains, shown a page at a time, and the one domain a
 * typed answer names (Dutch and English, chat spelling), or none when it names two or none.
 */
import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { DOMAIN_PAGES, DOMAINS, DOMAINS_PER_PAGE, domainIn, isDomain } from "../../../flows/lib/domains.js";
import { localeKeys } from "../graph.js";

describe("domains", () => {
  it("are twelve distinct ids, four to a page, on three pages", () => {
    expect(DOMAINS).toHaveLength(12);
    expect(new Set(DOMAINS).size).toBe(12);
    expect(DOMAINS_PER_PAGE).toBe(4);
    expect(DOMAIN_PAGES).toBe(3);
  });

  it("each has a word for the client in nl and en", () => {
    for (const lang of ["nl", "en"]) {
      const keys = localeKeys(lang);
      expect(DOMAINS.filter((d) => !keys.has(`clarifying.domain.${d}`)), lang).toEqual([]);
    }
  });

  it("reads typed domains in messy Dutch and English, and refuses two at once", () => {
    expectCases(domainIn, [["mn schulden", "money"], ["Money", "money"], ["huis", "housing"], ["ik voel me eenzaam", "network"], ["geld en werk", null]]);
  });

  it("reads each domain from one of its own words, in any case, with punctuation around it", () => {
    expectCases(domainIn, [["GELD!", "money"], ["werk.", "work"], ["de huur", "housing"], ["mijn relatie", "home"], ["veel piekeren", "mind"], ["naar de huisarts", "body"], ["te veel alcohol", "drugs"], ["zorgen voor mezelf", "selfcare"], ["de administratie", "household"], ["mensen om me heen", "network"], ["een club", "joining"], ["een boete", "justice"]]);
  });

  it("matches whole words only, and names none for empty or unknown text", () => {
    // "geldig" holds "geld", "werkelijk" holds "werk": neither is the word itself.
    expectCases(domainIn, [["geldig", null], ["werkelijk", null], ["", null], ["   ", null], ["blabla", null]]);
  });

  it("isDomain takes only the ids themselves", () => {
    for (const d of DOMAINS) expect(isDomain(d)).toBe(true);
    for (const v of ["Money", "geld", "", "bogus", 1, null, undefined, ["money"]]) expect(isDomain(v), JSON.stringify(v)).toBe(false);
  });
});
