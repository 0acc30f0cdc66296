/**
 * flows/lib/domains.ts: the twelve life domains, shown a page at a time, and the one domain a
 * typed answer names (Dutch and English, chat spelling), or none when it names two or none.
 */
import { describe, expect, it } from "vitest";
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
    expect(domainIn("mn schulden")).toBe("money");
    expect(domainIn("Money")).toBe("money");
    expect(domainIn("huis")).toBe("housing");
    expect(domainIn("ik voel me eenzaam")).toBe("network");
    expect(domainIn("geld en werk")).toBeNull();
  });

  it("reads each domain from one of its own words, in any case, with punctuation around it", () => {
    expect(domainIn("GELD!")).toBe("money");
    expect(domainIn("werk.")).toBe("work");
    expect(domainIn("de huur")).toBe("housing");
    expect(domainIn("mijn relatie")).toBe("home");
    expect(domainIn("veel piekeren")).toBe("mind");
    expect(domainIn("naar de huisarts")).toBe("body");
    expect(domainIn("te veel alcohol")).toBe("drugs");
    expect(domainIn("zorgen voor mezelf")).toBe("selfcare");
    expect(domainIn("de administratie")).toBe("household");
    expect(domainIn("mensen om me heen")).toBe("network");
    expect(domainIn("een club")).toBe("joining");
    expect(domainIn("een boete")).toBe("justice");
  });

  it("matches whole words only, and names none for empty or unknown text", () => {
    // "geldig" holds "geld", "werkelijk" holds "werk": neither is the word itself.
    expect(domainIn("geldig")).toBeNull();
    expect(domainIn("werkelijk")).toBeNull();
    expect(domainIn("")).toBeNull();
    expect(domainIn("   ")).toBeNull();
    expect(domainIn("blabla")).toBeNull();
  });

  it("isDomain takes only the ids themselves", () => {
    for (const d of DOMAINS) expect(isDomain(d)).toBe(true);
    for (const v of ["Money", "geld", "", "bogus", 1, null, undefined, ["money"]]) expect(isDomain(v), JSON.stringify(v)).toBe(false);
  });
});
