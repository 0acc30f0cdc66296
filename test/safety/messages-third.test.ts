import { describe, expect, it } from "vitest";

import type { Label, Tag } from "./labelled.js";
import { MESSAGES_THIRD } from "./messages-third.js";

const LABEL_MINIMUMS: Readonly<Record<Label, number>> = {
  suicide: 140,
  selfharm: 40,
  overdose: 30,
  violence: 50,
  sexual: 40,
  danger: 40,
  none: 260,
};

const NONE_TAG_MINIMUMS: Readonly<Record<"idiom" | "sad" | "chat", number>> = {
  idiom: 90,
  sad: 100,
  chat: 70,
};

function countBy<T extends string>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe("third labelled message batch", () => {
  it("has at least 600 rows, at least 340 of them crisis rows", () => {
    expect(MESSAGES_THIRD.length).toBeGreaterThanOrEqual(600);
    const crisis = MESSAGES_THIRD.filter(([label]) => label !== "none");
    expect(crisis.length).toBeGreaterThanOrEqual(340);
  });

  it("meets the minimum per label", () => {
    const counts = countBy(MESSAGES_THIRD.map(([label]) => label));
    for (const [label, minimum] of Object.entries(LABEL_MINIMUMS) as [Label, number][]) {
      expect(counts.get(label) ?? 0, label).toBeGreaterThanOrEqual(minimum);
    }
  });

  it("meets the minimum per harmless tag", () => {
    const tags = MESSAGES_THIRD.filter(([label]) => label === "none").map(([, , tag]) => tag ?? "");
    const counts = countBy<string>(tags);
    for (const [tag, minimum] of Object.entries(NONE_TAG_MINIMUMS)) {
      expect(counts.get(tag) ?? 0, tag).toBeGreaterThanOrEqual(minimum);
    }
  });

  it("gives every row a tag that fits its label", () => {
    const harmlessTags: readonly (Tag | undefined)[] = ["idiom", "sad", "chat"];
    const crisisTags: readonly (Tag | undefined)[] = ["acute", undefined];
    const misfits = MESSAGES_THIRD.filter(([label, , tag]) =>
      label === "none" ? !harmlessTags.includes(tag) : !crisisTags.includes(tag),
    );
    expect(misfits).toEqual([]);
  });

  it("has both acute and non-acute rows for suicide, and acute rows for danger", () => {
    const suicide = MESSAGES_THIRD.filter(([label]) => label === "suicide");
    expect(suicide.some(([, , tag]) => tag === "acute")).toBe(true);
    expect(suicide.some(([, , tag]) => tag === undefined)).toBe(true);
    const danger = MESSAGES_THIRD.filter(([label]) => label === "danger");
    expect(danger.every(([, , tag]) => tag === "acute")).toBe(true);
  });

  it("has no duplicate texts after lower-casing and trimming", () => {
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    MESSAGES_THIRD.forEach(([, text], index) => {
      const key = text.trim().toLowerCase();
      if (seen.has(key)) duplicates.push(`${String(seen.get(key))} and ${String(index)}: ${text}`);
      else seen.set(key, index);
    });
    expect(duplicates).toEqual([]);
  });

  it("has no empty or untrimmed texts", () => {
    const bad = MESSAGES_THIRD.filter(([, text]) => text.trim() === "" || text !== text.trim());
    expect(bad).toEqual([]);
  });
});
