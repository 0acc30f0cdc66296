// The shape of the project's labelled crisis set: enough rows of every kind, valid tags, and no
// message that is (almost) the same as another one.
import { describe, expect, it } from "vitest";
import type { Label, Tag } from "./labelled.js";
import { MESSAGES } from "./messages.js";
import { counter, itHasTheMinimumSizes } from "./shape.js";

const CRISIS_MINIMUM: Record<Exclude<Label, "none">, number> = {
  suicide: 110,
  selfharm: 50,
  overdose: 35,
  violence: 55,
  sexual: 35,
  danger: 35,
};
const HARMLESS_TAGS: readonly Tag[] = ["idiom", "sad", "chat"];

const count = counter(MESSAGES);

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

function words(text: string): string[] {
  return normalise(text).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
}

/** Whether one word changed, added or left out turns one message into the other. */
function atMostOneWordApart(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return endA - start <= 1 && endB - start <= 1;
}

describe("the labelled crisis set", () => {
  itHasTheMinimumSizes(MESSAGES, { total: 640, crisis: 320, harmless: 320, title: "has at least 640 rows, half of them crisis and half harmless" }, CRISIS_MINIMUM);

  it("has enough harmless idioms and sad-but-safe messages", () => {
    expect(count((label, tag) => label === "none" && tag === "idiom")).toBeGreaterThanOrEqual(100);
    expect(count((label, tag) => label === "none" && tag === "sad")).toBeGreaterThanOrEqual(80);
    expect(count((label, tag) => label === "none" && tag === "chat")).toBeGreaterThan(0);
  });

  it("has acute and non-acute rows of the dangers that can be both", () => {
    for (const label of ["suicide", "selfharm", "violence", "sexual"] as const) {
      expect(count((l, tag) => l === label && tag === "acute"), label).toBeGreaterThan(0);
      expect(count((l, tag) => l === label && tag === undefined), label).toBeGreaterThan(0);
    }
  });

  it("tags every row validly for its label", () => {
    const labels = new Set<string>([...Object.keys(CRISIS_MINIMUM), "none"]);
    const wrong = MESSAGES.filter(([label, text, tag]) => {
      if (!labels.has(label) || normalise(text) === "") return true;
      if (label === "none") return tag === undefined || !HARMLESS_TAGS.includes(tag);
      return tag !== undefined && tag !== "acute";
    });
    expect(wrong).toEqual([]);
  });

  it("tags every danger-right-now row acute", () => {
    expect(MESSAGES.filter(([label, , tag]) => label === "danger" && tag !== "acute")).toEqual([]);
  });

  it("holds no duplicate texts", () => {
    const seen = new Map<string, number>();
    for (const [, text] of MESSAGES) seen.set(normalise(text), (seen.get(normalise(text)) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([text]) => text)).toEqual([]);
  });

  it("holds no near-duplicates that differ by one word", () => {
    const tokenised = MESSAGES.map(([, text]) => words(text));
    const near: string[] = [];
    for (let i = 0; i < tokenised.length; i++) {
      for (let j = i + 1; j < tokenised.length; j++) {
        const a = tokenised[i] ?? [];
        const b = tokenised[j] ?? [];
        if (Math.min(a.length, b.length) >= 4 && atMostOneWordApart(a, b)) near.push(`${a.join(" ")} | ${b.join(" ")}`);
      }
    }
    expect(near).toEqual([]);
  });
});
