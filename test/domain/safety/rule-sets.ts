/** What the tests of the two rule sets (rules-self, rules-others) share. */
import { expect, it } from "vitest";
import { crisisHits } from "../../../src/domain/safety/detect.js";
import type { Rule } from "../../../src/domain/safety/rule.js";

/** The ids of `rules` that fire on a text. */
export function hitsOf(rules: readonly Rule[]): (text: string) => string[] {
  const ids = new Set(rules.map((r) => r.id));
  return (text) => crisisHits(text).map((h) => h.rule.id).filter((id) => ids.has(id));
}

/** The rules are about these categories only (`about` says them in words), with an id per kind of sentence. */
export function itIsRuleSet(rules: readonly Rule[], categories: string[], about: string): void {
  it(`are about ${about} only, with an id per kind of sentence`, () => {
    expect(new Set(rules.map((r) => r.category))).toEqual(new Set(categories));
    for (const r of rules) expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
  });
}

/** One test a case: the text makes the rule with that id fire (among `hits`). */
export function itFires(hits: (text: string) => string[], cases: [text: string, id: string][]): void {
  it.each(cases)("%j fires %s", (text, id) => {
    expect(hits(text)).toContain(id);
  });
}
