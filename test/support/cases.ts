/**
 * A table of inputs and what a pure function gives for each: one line a table instead of one
 * `expect(fn(input)).toBe(want)` a case. A failure names its input.
 */
import { expect } from "vitest";

/** For each `[input, want]`, `fn(input)` is `want` (`toBe`: `null` for `toBeNull`). */
export function expectCases<I, O>(fn: (input: I) => O, cases: ReadonlyArray<readonly [I, O]>): void {
  for (const [input, want] of cases) expect(fn(input), JSON.stringify(input)).toBe(want);
}
