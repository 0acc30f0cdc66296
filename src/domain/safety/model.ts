/**
 * The second reader of the crisis detector: two small models over the words and word pairs of a
 * normalised message, trained on the project's labelled sets (test/safety/): naive Bayes counts
 * and a logistic regression; the detector takes the more worried of the two (scoreBoth). The rules
 * (rules-*.ts) name the kind of sentence; this model catches phrasings no rule was written for.
 * They are trained by `npm run safety:model` into model-data.ts, and a test checks that the
 * committed model is the one the labelled sets give. Pure and fast: one pass over the features.
 */
import { BOUNDARY } from "./match.js";
import type { CrisisCategory } from "./types.js";

/** The classes in the order of the counts in `CrisisModel.features`. */
export const MODEL_CLASSES = ["none", "suicide", "selfharm", "overdose", "violence", "sexual", "danger"] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

/** Numbers per feature: one row of MODEL_CLASSES.length per feature. */
const K = MODEL_CLASSES.length;

/**
 * A model's rows, compact: the features in one string and their numbers in one typed array (an
 * object literal of 50,000 little arrays took 17 MB of heap and 46 MB of resident memory). The
 * numbers of feature `i` are values[i * K] to values[i * K + K - 1]; rowOf finds `i`.
 */
export interface FeatureTable {
  /** The features, sorted, each followed by "\n". */
  readonly names: string;
  /** Where each feature starts in `names`, and after the last where it ends. */
  readonly starts: Int32Array;
  /** The numbers, K per feature, in the order of `names`. */
  readonly values: Int32Array;
}

/**
 * A table of these features (in this order, none with a line break in it) and their numbers: K
 * per feature, as an array or as the text model-data.ts stores ("3,0,-12,...", a line per row).
 */
export function featureTable(names: string, values: Int32Array | string): FeatureTable {
  const ends: number[] = [];
  for (let i = names.indexOf("\n"); i >= 0; i = names.indexOf("\n", i + 1)) ends.push(i + 1);
  if (names.length && ends.at(-1) !== names.length) throw new Error("feature names must each end with a line break");
  const starts = Int32Array.from([0, ...ends]);
  const numbers = typeof values === "string" ? parseNumbers(values) : values;
  if (numbers.length !== ends.length * K) throw new Error(`expected ${ends.length * K} numbers for ${ends.length} features, got ${numbers.length}`);
  return { names, starts, values: numbers };
}

/** A table of these features (sorted, without line breaks) with their rows (K whole numbers each). */
export function featureTableOf(rows: readonly (readonly [feature: string, row: readonly number[]])[]): FeatureTable {
  const values = new Int32Array(rows.length * K);
  rows.forEach(([f, row], i) => {
    if (f.includes("\n") || row.length !== K || row.some((x) => !Number.isInteger(x) || x !== (x | 0))) throw new Error(`feature ${JSON.stringify(f)}: not storable`);
    values.set(row, i * K);
  });
  return featureTable(rows.map(([f]) => `${f}\n`).join(""), values);
}

/** "1,-2,0\n..." as numbers: whole numbers, each followed by a comma or a line break. */
function parseNumbers(text: string): Int32Array {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10) count++;
  }
  const out = new Int32Array(count);
  let n = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 45 && digits === 0 && sign === 1) sign = -1;
    else if ((c === 44 || c === 10) && digits > 0) {
      out[n++] = sign * value;
      value = digits = 0;
      sign = 1;
    } else throw new Error(`not a list of numbers at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  }
  if (digits > 0 || sign !== 1) throw new Error("a list of numbers must end with a comma or a line break");
  return out;
}

/** The number of features in a table. */
export function featureCount(table: FeatureTable): number {
  return table.starts.length - 1;
}

/** Feature `i` of a table. */
export function featureName(table: FeatureTable, i: number): string {
  return table.names.slice(table.starts[i], table.starts[i + 1]! - 1);
}

/** The numbers of a feature, or undefined when the table has none for it (for tools and tests). */
export function featureRow(table: FeatureTable, feature: string): number[] | undefined {
  const i = rowOf(table, feature);
  return i < 0 ? undefined : Array.from(table.values.subarray(i * K, i * K + K));
}

/** FNV-1a over the UTF-16 code units of s[from, to). */
function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Each table's open-addressing hash of its features (row + 1 per slot, 0 free, at most half
 * full), made on first use: one typed array instead of a Map of 50,000 strings.
 */
const SLOTS = new WeakMap<FeatureTable, Int32Array>();

function slotsOf(table: FeatureTable): Int32Array {
  let slots = SLOTS.get(table);
  if (slots) return slots;
  const n = featureCount(table);
  let size = 16;
  while (size < 2 * n) size *= 2;
  slots = new Int32Array(size);
  const mask = size - 1;
  const { names, starts } = table;
  for (let i = 0; i < n; i++) {
    let at = hash(names, starts[i]!, starts[i + 1]! - 1) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = i + 1;
  }
  SLOTS.set(table, slots);
  return slots;
}

/** The row of a feature in a table, or -1. */
export function rowOf(table: FeatureTable, feature: string): number {
  const slots = slotsOf(table);
  const mask = slots.length - 1;
  const { names, starts } = table;
  for (let at = hash(feature, 0, feature.length) & mask; ; at = (at + 1) & mask) {
    const i = slots[at]! - 1;
    if (i < 0) return -1;
    const from = starts[i]!;
    if (starts[i + 1]! - 1 - from === feature.length && names.startsWith(feature, from)) return i;
  }
}

export interface CrisisModel {
  /** Messages per class, in MODEL_CLASSES order. */
  readonly totals: readonly number[];
  /** For each feature, in how many messages of each class it occurs (MODEL_CLASSES order). */
  readonly features: FeatureTable;
  /** The features beside words and word pairs it was trained with. */
  readonly options?: FeatureOptions;
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

/**
 * Which features beside the words and adjacent word pairs a model reads. `stems`: each word's
 * stem as well ("~slag" for "slaat", "slagen", "geslagen"), so an inflection or a chat spelling
 * no set used still counts; `skips`: pairs with one word between ("wil dood" in "wil eigenlijk
 * dood"), for free word order. Stored with the model, so it is read as it was trained.
 */
export interface FeatureOptions {
  readonly stems?: boolean;
  readonly skips?: boolean;
}

/** A light Dutch stem: inflections off, a doubled end consonant and doubled vowels made single. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 6 && w.startsWith("ge")) w = w.slice(2);
  if (w.length > 4 && /(en|de|te)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && /[ets]$/.test(w) && !w.endsWith("ss")) w = w.slice(0, -1);
  w = w.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1");
  return w.replace(/([aeou])\1/g, "$1").replace(/ij/g, "y");
}

/** Words and adjacent word pairs, within a clause; with `options`, stems and skipping pairs too. */
export function features(tokens: readonly string[], options: FeatureOptions = {}): Set<string> {
  const out = new Set<string>();
  let prev: string | null = null;
  let before: string | null = null;
  for (const t of tokens) {
    if (t === BOUNDARY || t === "_") {
      prev = before = null;
      continue;
    }
    out.add(t);
    if (prev) out.add(`${prev} ${t}`);
    if (options.stems && t.length > 2) out.add(`~${stem(t)}`);
    if (options.skips && before) out.add(`${before} . ${t}`);
    before = prev;
    prev = t;
  }
  return out;
}

export function trainModel(rows: readonly (readonly [label: ModelClass, tokens: readonly string[]])[], options: FeatureOptions = {}): CrisisModel {
  const totals = MODEL_CLASSES.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const [label, tokens] of rows) {
    const c = MODEL_CLASSES.indexOf(label);
    totals[c]! += 1;
    for (const f of features(tokens, options)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = MODEL_CLASSES.map(() => 0)));
      row[c]! += 1;
    }
  }
  const sorted = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { totals, features: featureTableOf(sorted), ...(options.stems || options.skips ? { options } : {}) };
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

/** A trained model as the detector reads it: tokens in, a verdict out. */
export type Scorer = (tokens: readonly string[]) => ModelVerdict;

export function scoreModel(model: CrisisModel, tokens: readonly string[]): ModelVerdict {
  const [none = 1, ...perCategory] = model.totals;
  const crisis = perCategory.reduce((a, b) => a + b, 0);
  let score = Math.log(crisis / none);
  const byClass = perCategory.map((n) => Math.log(n / crisis));
  const weights: [string, number][] = [];
  const table = model.features;
  const values = table.values;
  for (const f of features(tokens, model.options)) {
    const i = rowOf(table, f);
    if (i < 0) continue;
    const at = i * K;
    const inNone = values[at]!;
    let inCrisis = 0;
    for (let c = 1; c < K; c++) inCrisis += values[at + c]!;
    const w = Math.log((inCrisis + ALPHA) / (crisis + 2 * ALPHA)) - Math.log((inNone + ALPHA) / (none + 2 * ALPHA));
    score += w;
    if (!f.startsWith("~")) weights.push([f, w]);
    for (let c = 1; c < K; c++) byClass[c - 1]! += Math.log((values[at + c]! + ALPHA) / ((perCategory[c - 1] ?? 0) + 2 * ALPHA));
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

/**
 * The logistic model: a softmax regression over the MODEL_CLASSES, read from the words and word
 * pairs, and if `pieces` also the 3- to 5-letter pieces of each word ("<zelfm", "oord>"). Left out
 * by set, the pieces did worse than words alone (the normaliser already mends most spelling), so
 * the committed model has none; `npm run safety:lofo -- --pieces` measures them. Weights are
 * stored as whole numbers (times SCALE).
 */
export interface LogisticModel {
  readonly scale: number;
  /** Whether word pieces are features (see logisticFeatures). */
  readonly pieces: boolean;
  /** Stems and skipping pairs (see FeatureOptions). */
  readonly options?: FeatureOptions;
  /** One bias per class, MODEL_CLASSES order. */
  readonly bias: readonly number[];
  /** One weight per class for each feature. */
  readonly weights: FeatureTable;
}

/** Word pieces: the letters of each word between "<" and ">", in runs of MIN_GRAM to MAX_GRAM. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** Words, word pairs and (if `pieces`) word pieces of a message. Pieces start with "#". */
export function logisticFeatures(tokens: readonly string[], pieces: boolean, options: FeatureOptions = {}): string[] {
  const out = features(tokens, options);
  if (!pieces) return [...out];
  for (const t of tokens) {
    if (t === BOUNDARY || t === "_" || t.length < 2) continue;
    const w = `<${t}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= w.length; i++) out.add(`#${w.slice(i, i + n)}`);
  }
  return [...out];
}

export interface LogisticOptions {
  /** L2 strength per step. */
  l2: number;
  epochs: number;
  rate: number;
  /** Features seen in fewer training messages are dropped. */
  minCount: number;
  pieces: boolean;
  stems?: boolean;
  skips?: boolean;
}

/** Chosen by leave-one-set-out (npm run safety:lofo), by the mean and the worst left-out set. */
export const LOGISTIC_OPTIONS: LogisticOptions = { l2: 1e-5, epochs: 15, rate: 2, minCount: 2, pieces: false, stems: true };

/** The naive Bayes model's features, chosen by leave-one-set-out like the logistic model's. */
export const BAYES_OPTIONS: FeatureOptions = { stems: true };

/** A small deterministic random number generator (mulberry32), for the order of training. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALE = 100;

function softmax(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c]! - max);
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
}

/** Trains the logistic model by stochastic gradient descent, in a fixed (seeded) order. */
export function trainLogistic(rows: readonly (readonly [label: ModelClass, tokens: readonly string[]])[], opts: LogisticOptions = LOGISTIC_OPTIONS): LogisticModel {
  const seen = new Map<string, number>();
  const options: FeatureOptions = { ...(opts.stems ? { stems: true } : {}), ...(opts.skips ? { skips: true } : {}) };
  const feats = rows.map(([, tokens]) => logisticFeatures(tokens, opts.pieces, options));
  for (const fs of feats) for (const f of fs) seen.set(f, (seen.get(f) ?? 0) + 1);
  const names = [...seen.entries()].filter(([, n]) => n >= opts.minCount).map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const data = rows.map(([label], i) => {
    const ids = feats[i]!.map((f) => index.get(f)).filter((x): x is number => x !== undefined);
    return { y: MODEL_CLASSES.indexOf(label), ids, v: ids.length ? 1 / Math.sqrt(ids.length) : 0 };
  });
  const w = new Float64Array(names.length * K);
  const b = new Float64Array(K);
  const rnd = random(20261201);
  const order = data.map((_, i) => i);
  const z = new Float64Array(K);
  let step = 0;
  const total = opts.epochs * data.length;
  for (let e = 0; e < opts.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const { y, ids, v } = data[r]!;
      const eta = opts.rate * (1 - step / total) + 0.01;
      step++;
      for (let c = 0; c < K; c++) {
        let s = b[c]!;
        for (const id of ids) s += w[id * K + c]! * v;
        z[c] = s;
      }
      softmax(z);
      for (let c = 0; c < K; c++) {
        const g = z[c]! - (c === y ? 1 : 0);
        b[c]! -= eta * g * 0.1;
        for (const id of ids) {
          const k = id * K + c;
          w[k]! -= eta * (g * v + opts.l2 * w[k]!);
        }
      }
    }
  }
  const weights: [string, number[]][] = [];
  names.forEach((f, i) => {
    const row = Array.from(w.subarray(i * K, i * K + K), (x) => Math.round(x * SCALE));
    if (row.some((x) => x !== 0)) weights.push([f, row]);
  });
  return { scale: SCALE, pieces: opts.pieces, ...(options.stems || options.skips ? { options } : {}), bias: Array.from(b, (x) => Math.round(x * SCALE)), weights: featureTableOf(weights) };
}

/** Two kinds of danger whose probabilities are this close (as a ratio) are both named. */
const CLOSE_RATIO = 0.5;

export function scoreLogistic(model: LogisticModel, tokens: readonly string[]): ModelVerdict {
  const fs = logisticFeatures(tokens, model.pieces, model.options);
  const known: number[] = [];
  const words: [string, number][] = [];
  const table = model.weights;
  const values = table.values;
  for (const f of fs) {
    const i = rowOf(table, f);
    if (i < 0) continue;
    known.push(i * K);
    if (!f.startsWith("#") && !f.startsWith("~")) words.push([f, i * K]);
  }
  const v = fs.length ? 1 / Math.sqrt(fs.length) : 0;
  const z = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let s = (model.bias[c] ?? 0) / model.scale;
    for (const at of known) s += (values[at + c]! / model.scale) * v;
    z[c] = s;
  }
  softmax(z);
  const none = z[0]!;
  let crisis = 0;
  for (let c = 1; c < K; c++) crisis += z[c]!;
  const score = Math.log(crisis + 1e-12) - Math.log(none + 1e-12);
  const ranked = [...z.subarray(1)].map((p, i) => [p, i + 1] as const).sort((a, b) => b[0] - a[0]);
  const best = ranked[0]![1];
  const close = ranked.slice(0, 2).filter(([p]) => p >= ranked[0]![0] * CLOSE_RATIO);
  const evidence = words
    .map(([f, at]) => [f, values[at + best]! - values[at]!] as const)
    .filter(([, x]) => x > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f]) => f);
  return { score, category: MODEL_CLASSES[best] as CrisisCategory, categories: close.map(([, i]) => MODEL_CLASSES[i] as CrisisCategory), evidence };
}

/**
 * The logistic model's alarm and doubt scores (log odds), chosen by leave-one-set-out. Its
 * scores are put on the naive Bayes scale, so MODEL_THRESHOLD and DOUBT_THRESHOLD hold for both.
 */
const LOGISTIC_ALARM = 1.2;
const LOGISTIC_DOUBT = -0.5;

/**
 * The naive Bayes model's alarm and doubt scores in the detector (log odds, chosen by
 * leave-one-set-out with the stems): its counts add up faster than the logistic model's, so it
 * must be surer. Put on the scale of MODEL_THRESHOLD and DOUBT_THRESHOLD by scoreBoth.
 */
const BAYES_ALARM = 12;
const BAYES_DOUBT = 5;

export function scoreLogisticOnScale(model: LogisticModel, tokens: readonly string[]): ModelVerdict {
  const v = scoreLogistic(model, tokens);
  return { ...v, score: DOUBT_THRESHOLD + ((v.score - LOGISTIC_DOUBT) * (MODEL_THRESHOLD - DOUBT_THRESHOLD)) / (LOGISTIC_ALARM - LOGISTIC_DOUBT) };
}

/** Both models, as the detector reads them. */
export interface CrisisModels {
  readonly bayes: CrisisModel;
  readonly logistic: LogisticModel;
}

/**
 * The more worried of the two models, with the logistic model's kind of danger. Left out by set,
 * either model alone missed crises the other caught; together they miss fewer at about the same
 * false alarms, and the logistic model named the right kind more often than naive Bayes
 * (npm run safety:lofo).
 */
export function scoreBoth(models: CrisisModels, tokens: readonly string[]): ModelVerdict {
  const a = scoreModel(models.bayes, tokens);
  const b = scoreLogisticOnScale(models.logistic, tokens);
  const bayes = DOUBT_THRESHOLD + ((a.score - BAYES_DOUBT) * (MODEL_THRESHOLD - DOUBT_THRESHOLD)) / (BAYES_ALARM - BAYES_DOUBT);
  return { ...b, score: Math.max(bayes, b.score), evidence: bayes > b.score ? a.evidence : b.evidence };
}
