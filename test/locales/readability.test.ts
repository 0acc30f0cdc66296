import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkReadability } from "../support/readability.js";

const file = path.resolve(import.meta.dirname, "../../locales/nl/client.json");

describe("plain Dutch for clients", () => {
  it("locales/nl/client.json is plain: short sentences, no jargon, Flesch-Douma of at least 70", () => {
    const report = checkReadability(JSON.parse(fs.readFileSync(file, "utf8")), { maxWords: 15, minScore: 70 });
    expect(report.problems).toEqual([]);
    expect(report.strings).toBeGreaterThan(20);
  });

  it("fails on a long sentence, on jargon and on hard words", () => {
    const report = checkReadability({
      a: "Wij verzoeken u vriendelijk om uw persoonsgegevens te controleren voordat de gegevensverwerking aanvangt in het kader van uw traject.",
      b: "De evaluatie vindt plaats.",
    });
    expect(report.problems.some((p) => p.includes("sentence of"))).toBe(true);
    expect(report.problems.some((p) => p.includes('jargon "persoonsgegevens"'))).toBe(true);
    expect(report.problems.some((p) => p.includes('jargon "evaluatie"'))).toBe(true);
    expect(report.problems.some((p) => p.startsWith("Flesch-Douma"))).toBe(true);
  });

  it("allows a jargon word explained in brackets", () => {
    const report = checkReadability({ a: "Dit is nazorg (we bellen je later nog eens)." }, { minScore: 0 });
    expect(report.problems).toEqual([]);
  });
});
