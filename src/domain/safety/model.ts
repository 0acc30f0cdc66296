/**
 * The second reader of the crisis detector: a small naive Bayes model over the words and word
 * pairs of a normalised message, counted on the project's labelled sets (test/safety/). The rules
 * (rules-*.ts) name the kind of sentence; this model catches phrasings no rule was written for.
 * It is trained by `npm run safety:model` into model-data.ts, and a test checks that the
 * committed model is the one the labelled sets give. Pure and fast: one pass over the features.
 */
import { BOUNDARY } from "./match.js";
import type { CrisisCategory } from "./types.js";

/** The classes in the order of the counts in `CrisisModel.features`. */
export const MODEL_CLASSES = ["none", "suicide", "selfharm", "overdose", "violence", "sexual", "danger"] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

export interface CrisisModel {
  /** Messages per class, in MODEL_CLASSES order. */
  readonly totals: readonly number[];
  /** For each feature, in how many messages of each class it occurs (MODEL_CLASSES order). */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Laplace-style smoothing for counts. */
const ALPHA = 0.5;

/**
 * The crisis-versus-harmless score (log odds) above which the model raises an alarm. Chosen by
 * five-fold cross-validation on the labelled sets: above it, about 3% of harmless messages the
 * model had not been trained on were alarms (scripts/crisis-model.ts --cv prints it).
 */
export const MODEL_THRESHOLD = 8;

/**
 * Above this score, but not above MODEL_THRESHOLD, Koers is unsure and asks the client (a short
 * question with buttons) rather than guess. In cross-validation about 10% of harmless messages
 * score above it; a client is asked at most once a day.
 */
export const DOUBT_THRESHOLD = 3;

/** Two kinds of danger whose log likelihoods are this close are both named. */
const CLOSE = 3;

/** Words and adjacent word pairs, within a clause. */
export function features(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  let prev: string | null = null;
  for (const t of tokens) {
    if (t === BOUNDARY || t === "_") {
      prev = null;
      continue;
    }
    out.add(t);
    if (prev) out.add(`${prev} ${t}`);
    prev = t;
  }
  return out;
}

export function trainModel(rows: readonly (readonly [label: ModelClass, tokens: readonly string[]])[]): CrisisModel {
  const totals = MODEL_CLASSES.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const [label, tokens] of rows) {
    const c = MODEL_CLASSES.indexOf(label);
    totals[c]! += 1;
    for (const f of features(tokens)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = MODEL_CLASSES.map(() => 0)));
      row[c]! += 1;
    }
  }
  const sorted = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { totals, features: Object.fromEntries(sorted) };
}

export interface ModelVerdict {
  /** Log odds of crisis against harmless. */
  score: number;
  /** The most likely kind of danger. */
  category: CrisisCategory;
  /** That kind, and a second when the model can hardly tell them apart (both help lines are given). */
  categories: CrisisCategory[];
  /** The features that weighed most towards a crisis, for the coach. */
  evidence: string[];
}

export function scoreModel(model: CrisisModel, tokens: readonly string[]): ModelVerdict {
  const [none = 1, ...perCategory] = model.totals;
  const crisis = perCategory.reduce((a, b) => a + b, 0);
  let score = Math.log(crisis / none);
  const byClass = perCategory.map((n) => Math.log(n / crisis));
  const weights: [string, number][] = [];
  for (const f of features(tokens)) {
    const row = model.features[f];
    if (!row) continue;
    const [inNone = 0, ...inCategory] = row;
    const inCrisis = inCategory.reduce((a, b) => a + b, 0);
    const w = Math.log((inCrisis + ALPHA) / (crisis + 2 * ALPHA)) - Math.log((inNone + ALPHA) / (none + 2 * ALPHA));
    score += w;
    weights.push([f, w]);
    inCategory.forEach((n, i) => (byClass[i]! += Math.log((n + ALPHA) / ((perCategory[i] ?? 0) + 2 * ALPHA))));
  }
  const ranked = byClass.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const best = ranked[0]?.[1] ?? 0;
  const close = ranked.slice(0, 2).filter(([s]) => s >= (ranked[0]?.[0] ?? 0) - CLOSE);
  const evidence = weights
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f]) => f);
  return { score, category: MODEL_CLASSES[best + 1] as CrisisCategory, categories: close.map(([, i]) => MODEL_CLASSES[i + 1] as CrisisCategory), evidence };
}
