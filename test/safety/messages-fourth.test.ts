import { describe, expect, it } from "vitest";
import type { Label, Tag } from "./labelled.js";
import { MESSAGES_FOURTH } from "./messages-fourth.js";

const CRISIS: readonly Label[] = ["suicide", "selfharm", "overdose", "violence", "sexual", "danger"];
const HARMLESS_TAGS: readonly Tag[] = ["idiom", "sad", "chat"];

const count = (pred: (row: (typeof MESSAGES_FOURTH)[number]) => boolean): number => MESSAGES_FOURTH.filter(pred).length;
const words = (text: string): number => text.trim().split(/\s+/).length;

describe("fourth labelled batch: shape", () => {
  it("has the minimum sizes in total, per label and per harmless kind", () => {
    expect(MESSAGES_FOURTH.length).toBeGreaterThanOrEqual(450);
    expect(count(([label]) => label !== "none")).toBeGreaterThanOrEqual(230);
    expect(count(([label]) => label === "none")).toBeGreaterThanOrEqual(220);
    const minimum: Record<string, number> = { suicide: 150, selfharm: 20, overdose: 15, violence: 20, sexual: 15, danger: 10 };
    for (const [label, min] of Object.entries(minimum)) {
      expect(count(([l]) => l === label), label).toBeGreaterThanOrEqual(min);
    }
    const harmless: Record<string, number> = { chat: 120, sad: 60, idiom: 40 };
    for (const [tag, min] of Object.entries(harmless)) {
      expect(count(([l, , t]) => l === "none" && t === tag), tag).toBeGreaterThanOrEqual(min);
    }
  });

  it("has no duplicates after lower-casing and trimming, nor after dropping punctuation and spacing", () => {
    const seen = new Set<string>();
    const loose = new Set<string>();
    for (const [, text] of MESSAGES_FOURTH) {
      const key = text.trim().toLowerCase();
      expect(seen.has(key), text).toBe(false);
      seen.add(key);
      const looseKey = key.replace(/[^a-z0-9]+/g, "");
      expect(loose.has(looseKey), text).toBe(false);
      loose.add(looseKey);
    }
  });

  it("uses valid labels and tags: crisis rows acute or untagged, harmless rows exactly one kind", () => {
    for (const [label, text, tag] of MESSAGES_FOURTH) {
      expect(text.trim().length, text).toBeGreaterThan(0);
      if (label === "none") {
        expect(HARMLESS_TAGS, text).toContain(tag);
      } else {
        expect(CRISIS, text).toContain(label);
        expect([undefined, "acute"], text).toContain(tag);
      }
    }
    // Some crisis rows are acute, some are not, in every crisis label except danger (always now).
    for (const label of CRISIS) {
      expect(count(([l, , t]) => l === label && t === "acute"), label).toBeGreaterThan(0);
    }
    expect(count(([l, , t]) => l === "suicide" && t === undefined)).toBeGreaterThan(0);
  });

  it("keeps most suicide rows indirect and chat rows between 5 and 20 words", () => {
    const suicide = MESSAGES_FOURTH.filter(([label]) => label === "suicide");
    const plain = suicide.filter(([, text]) => /dood|zelfmoord|leven/i.test(text));
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.length / suicide.length).toBeLessThan(0.2);
    for (const [label, text, tag] of MESSAGES_FOURTH) {
      if (label === "none" && tag === "chat") {
        expect(words(text), text).toBeGreaterThanOrEqual(5);
        expect(words(text), text).toBeLessThanOrEqual(20);
      }
    }
  });

  it("has about one in eight rows in English, in both crisis and harmless rows", () => {
    const english = /\b(i|i'm|my|the|is|was|and)\b/i;
    const isEnglish = (text: string): boolean => english.test(text) && !/\b(ik|mijn|mn|het|de|een|en)\b/i.test(text);
    expect(count(([l, t]) => l !== "none" && isEnglish(t))).toBeGreaterThan(10);
    expect(count(([l, t]) => l === "none" && isEnglish(t))).toBeGreaterThan(10);
    expect(count(([, t]) => isEnglish(t)) / MESSAGES_FOURTH.length).toBeGreaterThanOrEqual(0.1);
  });
});
