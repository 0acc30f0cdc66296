/**
 * One crisis rule: a kind of sentence, not a single phrase. All of its patterns must be found
 * within one clause and a few tokens of each other, in any order ("dood wil ik", "ik wil
 * eigenlijk gewoon dood"); its exceptions keep idioms and objects out.
 */
import { pattern, type Pattern } from "./match.js";
import type { CrisisCategory } from "./types.js";

export interface Rule {
  /** Shown to the coach: "<category>.<kind of sentence>", e.g. "suicide.wish-dead". */
  readonly id: string;
  readonly category: CrisisCategory;
  /** All must match, within one clause and `window` tokens, in any order. */
  readonly all: readonly Pattern[];
  readonly window: number;
  /** The rule does not fire when one of these is within `reach` tokens of the match. */
  readonly unless?: Pattern;
  readonly reach: number;
  /** The rule does not fire when one of these is inside the match (another subject, say). */
  readonly notInside?: Pattern;
  /** "niet", "nooit", "geen", "not" just before or inside the match cancels it. */
  readonly negatable: boolean;
  /** "always": danger now; "soon": only with a time or a means at hand nearby. */
  readonly acute: "always" | "soon" | "never";
}

export interface RuleSpec {
  all: readonly (string | Pattern)[];
  window?: number;
  unless?: string | Pattern;
  reach?: number;
  notInside?: string | Pattern;
  negatable?: boolean;
  acute?: "always" | "soon" | "never";
}

const toPattern = (p: string | Pattern): Pattern => (typeof p === "string" ? pattern(p) : p);

export function rule(id: string, spec: RuleSpec): Rule {
  const category = id.split(".")[0] as CrisisCategory;
  return {
    id,
    category,
    all: spec.all.map(toPattern),
    window: spec.window ?? 8,
    reach: spec.reach ?? 4,
    negatable: spec.negatable ?? true,
    acute: spec.acute ?? (category === "danger" || category === "overdose" ? "always" : "soon"),
    ...(spec.unless !== undefined ? { unless: toPattern(spec.unless) } : {}),
    ...(spec.notInside !== undefined ? { notInside: toPattern(spec.notInside) } : {}),
  };
}
