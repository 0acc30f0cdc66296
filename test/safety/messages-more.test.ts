/**
 * The shape of the second labelled set: enough rows per label and per harmless kind, no
 * duplicates (also not after dropping case, punctuation and emoji), and every tag fitting its
 * label. It says nothing about the detector; the detector's tests use the rows.
 */
import { describe, expect, it } from "vitest";
import type { Label, Tag } from "./labelled.js";
import { MESSAGES_MORE } from "./messages-more.js";
import { counter, itHasTheMinimumSizes } from "./shape.js";

const CRISIS_MINIMUM: Record<Exclude<Label, "none">, number> = {
  suicide: 140,
  danger: 45,
  sexual: 40,
  selfharm: 35,
  violence: 40,
  overdose: 20,
};
const HARMLESS_MINIMUM: Record<Exclude<Tag, "acute">, number> = { idiom: 80, sad: 70, chat: 50 };

const count = counter(MESSAGES_MORE);

describe("MESSAGES_MORE, the second labelled set", () => {
  itHasTheMinimumSizes(MESSAGES_MORE, { total: 520, crisis: 320, harmless: 200, title: "has at least 520 rows, 320 of them crisis and 200 harmless" }, CRISIS_MINIMUM);

  it.each(Object.entries(HARMLESS_MINIMUM))("has at least the minimum of harmless %s rows (%i)", (tag, minimum) => {
    expect(count((label, t) => label === "none" && t === tag)).toBeGreaterThanOrEqual(minimum);
  });

  it("gives crisis rows no tag or 'acute', and harmless rows exactly one of idiom, sad, chat", () => {
    const wrong = MESSAGES_MORE.filter(([label, , tag]) =>
      label === "none" ? tag !== "idiom" && tag !== "sad" && tag !== "chat" : tag !== undefined && tag !== "acute",
    );
    expect(wrong).toEqual([]);
  });

  it("has acute rows for every crisis label, non-acute ones too except for danger (always now) and overdose", () => {
    for (const label of Object.keys(CRISIS_MINIMUM)) {
      expect(count((l, t) => l === label && t === "acute"), label).toBeGreaterThan(0);
      if (label !== "danger" && label !== "overdose") {
        expect(count((l, t) => l === label && t === undefined), label).toBeGreaterThan(0);
      }
    }
    expect(count((l, t) => l === "danger" && t !== "acute")).toBe(0);
  });

  it("has no duplicate texts after lower-casing and trimming", () => {
    const seen = new Map<string, number>();
    for (const [, text] of MESSAGES_MORE) {
      const key = text.trim().toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([text]) => text)).toEqual([]);
  });

  it("has no near-duplicates that differ only in punctuation, spacing or emoji", () => {
    const seen = new Map<string, string[]>();
    for (const [, text] of MESSAGES_MORE) {
      const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
      seen.set(key, [...(seen.get(key) ?? []), text]);
    }
    expect([...seen.values()].filter((texts) => texts.length > 1)).toEqual([]);
  });

  it("has no empty texts and no texts with leading or trailing spaces", () => {
    expect(MESSAGES_MORE.filter(([, text]) => text.length === 0 || text !== text.trim())).toEqual([]);
  });

  it("mostly asks about suicide indirectly: few suicide rows use the word itself", () => {
    const suicide = MESSAGES_MORE.filter(([label]) => label === "suicide");
    const direct = suicide.filter(([, text]) => /zelfmoo?r[dt]|suicid|suïcid/i.test(text));
    expect(direct.length / suicide.length).toBeLessThan(0.1);
  });
});
