/**
 * Checks of a labelled batch's shape that more than one batch's test makes: how many rows of
 * each kind it has. Called inside a `describe`.
 */
import { expect, it } from "vitest";
import type { Label, Row, Tag } from "./labelled.js";

/** How many rows of `rows` meet `predicate`. */
export function counter(rows: readonly Row[]): (predicate: (label: Label, tag: Tag | undefined) => boolean) => number {
  return (predicate) => rows.filter(([label, , tag]) => predicate(label, tag)).length;
}

/** At least `total` rows, `crisis` of them crisis and `harmless` harmless, and each crisis label's minimum. */
export function itHasTheMinimumSizes(rows: readonly Row[], size: { total: number; crisis: number; harmless: number; title: string }, minimum: Readonly<Record<Exclude<Label, "none">, number>>): void {
  const count = counter(rows);
  it(size.title, () => {
    expect(rows.length).toBeGreaterThanOrEqual(size.total);
    expect(count((label) => label !== "none")).toBeGreaterThanOrEqual(size.crisis);
    expect(count((label) => label === "none")).toBeGreaterThanOrEqual(size.harmless);
  });

  it.each(Object.entries(minimum))("has at least the minimum of %s rows (%i)", (label, least) => {
    expect(count((l) => l === label)).toBeGreaterThanOrEqual(least);
  });
}
