import { describe, expect, it } from "vitest";
import { expectSameKeysAndPlaceholders, flatTexts, loadClientTexts } from "./client-texts.js";

const SECTIONS = ["controls", "grow", "miracle", "scaling", "checkin"];
const nl = SECTIONS.flatMap((s) => flatTexts(loadClientTexts("nl")[s], s));
const en = new Map(SECTIONS.flatMap((s) => flatTexts(loadClientTexts("en")[s], s)));

describe("texts of the coaching conversations", () => {
  it("exist in nl and en with the same keys and placeholders", () => {
    expectSameKeysAndPlaceholders(nl, en, 100);
  });

  it("ask at most one question per message", () => {
    for (const [key, text] of nl) expect(text.split("?").length - 1, `${key}: ${text}`).toBeLessThanOrEqual(1);
    for (const [key, text] of en) expect(text.split("?").length - 1, `${key}: ${text}`).toBeLessThanOrEqual(1);
  });

  it("use je, never u", () => {
    for (const [key, text] of nl) expect(/\b(u|uw)\b/i.test(text), `${key}: ${text}`).toBe(false);
  });
});
