/**
 * The small pattern language of the crisis lexicon, compiled once at load and matched against
 * the normalised tokens of one message (see normalise.ts).
 *
 * A pattern is alternatives separated by "|"; each alternative is a sequence of token patterns
 * separated by spaces:
 * - `word`   exactly this token;
 * - `stem*`  a token starting with `stem` (compounds: `zelfmoord*` also takes "zelfmoordplan");
 * - `word?`  an optional token (`stem*?` too);
 * - `~`      zero to two tokens of anything (within the clause);
 * - `#many`  a number of five or more, in digits or words ("20", "twintig", "hele", "alle"); not
 *            one of a time ("6 jaar", "10 minuten");
 * - `^`, `$` the start and the end of a clause (they match no token).
 */

export type Span = readonly [start: number, end: number];

type RestStart = "clause" | "many" | "any";

type Tok =
  | { kind: "word"; word: string; optional: boolean }
  | { kind: "stem"; stem: string; optional: boolean }
  | { kind: "gap" }
  | { kind: "edge"; at: "start" | "end" }
  | { kind: "many"; optional: boolean };

export interface Pattern {
  readonly source: string;
  readonly alts: readonly (readonly Tok[])[];
  /** Alternatives by their first word, so a message is not tried against every alternative. */
  readonly byWord: ReadonlyMap<string, readonly (readonly Tok[])[]>;
  /** Alternatives starting with a stem, by the stem's first three letters. */
  readonly byStem: ReadonlyMap<string, readonly (readonly Tok[])[]>;
  /** Alternatives that can start anywhere (short stem, optional first token, a number). */
  readonly rest: readonly (readonly Tok[])[];
  /**
   * Where each of `rest` can start: only where a clause starts (its first token is `^`), only on a
   * number of many (a `#many` that is not optional), or anywhere.
   */
  readonly restStarts: readonly RestStart[];
  /** Its number, for the index of patterns by the words and stems they start with. */
  readonly id: number;
}

/** The clause boundary token the normaliser puts where a sentence ends. */
export const BOUNDARY = ".";

const MANY_WORDS = new Set(
  "vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien twintig dertig veertig vijftig zestig honderd tientallen hele heel alle allemaal stapel stapels handvol handjevol strip strips doos doosje potje pot flesje fles pak pakje bunch whole all lots many handful bottle".split(" "),
);

function compileTok(raw: string): Tok {
  if (raw === "~") return { kind: "gap" };
  if (raw === "^") return { kind: "edge", at: "start" };
  if (raw === "$") return { kind: "edge", at: "end" };
  const optional = raw.endsWith("?");
  const body = optional ? raw.slice(0, -1) : raw;
  if (body === "#many") return { kind: "many", optional };
  if (body.endsWith("*")) return { kind: "stem", stem: body.slice(0, -1), optional };
  return { kind: "word", word: body, optional };
}

/** Every alternative of `a` followed (within a short gap) by every alternative of `b`. */
export function seq(a: string, b: string): string {
  const bs = b.split("|");
  return a
    .split("|")
    .flatMap((x) => bs.map((y) => `${x} ~ ${y}`))
    .join("|");
}

/** Every word the patterns use, for the normaliser ("pille" -> "pillen"). */
const KNOWN = new Set<string>();

export function isKnownWord(word: string): boolean {
  return KNOWN.has(word);
}

/**
 * Every pattern by the words and stems (first three letters) its alternatives start with, so a
 * message knows at once which patterns cannot start anywhere in it.
 */
const WORD_INDEX = new Map<string, number[]>();
const STEM_INDEX = new Map<string, number[]>();
let PATTERNS = 0;

export function pattern(source: string): Pattern {
  const alts = source
    .split("|")
    .map((alt) => alt.trim())
    .filter((alt) => alt.length > 0)
    .map((alt) => alt.split(/\s+/).map(compileTok));
  const byWord = new Map<string, (readonly Tok[])[]>();
  const byStem = new Map<string, (readonly Tok[])[]>();
  const rest: (readonly Tok[])[] = [];
  const push = (m: Map<string, (readonly Tok[])[]>, k: string, a: readonly Tok[]) => {
    const list = m.get(k);
    if (list) list.push(a);
    else m.set(k, [a]);
  };
  for (const a of alts) for (const t of a) if (t.kind === "word") KNOWN.add(t.word);
  for (const a of alts) {
    const t = a[0];
    if (t?.kind === "word" && !t.optional) push(byWord, t.word, a);
    else if (t?.kind === "stem" && !t.optional && t.stem.length >= 3) push(byStem, t.stem.slice(0, 3), a);
    else rest.push(a);
  }
  const restStarts = rest.map((a): RestStart => {
    const t = a[0];
    if (t?.kind === "edge" && t.at === "start") return "clause";
    if (t?.kind === "many" && !t.optional) return "many";
    return "any";
  });
  const p: Pattern = { source, alts, byWord, byStem, rest, restStarts, id: PATTERNS++ };
  for (const w of byWord.keys()) at(WORD_INDEX, w, p.id);
  for (const st of byStem.keys()) at(STEM_INDEX, st, p.id);
  return p;
}

function at(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

/** After a number these make it a time ("6 jaar methadon", "10 minuten"), not a count of pills. */
const TIME_UNITS = new Set("jaar jaren maand maanden week weken dag dagen uur uren minuut minuten seconden jr years year months month weeks days hours minutes".split(" "));

function isMany(token: string, next: string | undefined): boolean {
  if (/^\d+$/.test(token)) return Number(token) >= 5 && !(next !== undefined && TIME_UNITS.has(next));
  return MANY_WORDS.has(token);
}

function tokOk(t: Tok, token: string | undefined, next: string | undefined): boolean {
  if (token === undefined || token === BOUNDARY) return false;
  switch (t.kind) {
    case "word":
      return token === t.word;
    case "stem":
      return token.startsWith(t.stem);
    case "many":
      return isMany(token, next);
    case "gap":
    case "edge":
      return true;
  }
}

/** The end (inclusive) of a match of `alt` from token `i`, or -1. */
function matchAt(alt: readonly Tok[], k: number, tokens: readonly string[], i: number, last: number): number {
  if (k === alt.length) return last;
  const t = alt[k]!;
  if (t.kind === "edge") {
    const atEdge = t.at === "start" ? i === 0 || tokens[i - 1] === BOUNDARY : i >= tokens.length || tokens[i] === BOUNDARY;
    return atEdge ? matchAt(alt, k + 1, tokens, i, last) : -1;
  }
  if (t.kind === "gap") {
    for (let skip = 0; skip <= 2; skip++) {
      if (skip > 0 && (tokens[i + skip - 1] === undefined || tokens[i + skip - 1] === BOUNDARY)) break;
      const end = matchAt(alt, k + 1, tokens, i + skip, i + skip - 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (tokOk(t, tokens[i], tokens[i + 1])) {
    const end = matchAt(alt, k + 1, tokens, i + 1, i);
    if (end >= 0) return end;
  }
  return t.optional ? matchAt(alt, k + 1, tokens, i, last) : -1;
}

/** The end of the first of `alts` that matches from token `i`, or -1. */
function firstEnd(alts: readonly (readonly Tok[])[] | undefined, tokens: readonly string[], i: number): number {
  if (!alts) return -1;
  for (const alt of alts) {
    const end = matchAt(alt, 0, tokens, i, i - 1);
    if (end >= i) return end;
  }
  return -1;
}

/**
 * As firstEnd over a pattern's `rest`, at a place that is (or is not) a clause's start and a
 * number of many: an alternative that cannot start there is not tried (it would not match).
 */
function firstRestEnd(p: Pattern, tokens: readonly string[], i: number, clauseStart: boolean, many: boolean): number {
  for (let a = 0; a < p.rest.length; a++) {
    const from = p.restStarts[a];
    if ((from === "clause" && !clauseStart) || (from === "many" && !many)) continue;
    const end = matchAt(p.rest[a]!, 0, tokens, i, i - 1);
    if (end >= i) return end;
  }
  return -1;
}

/** Every place in `tokens` where `p` matches, as token spans. */
export function findAll(p: Pattern, tokens: readonly string[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === BOUNDARY) continue;
    const end = Math.max(
      firstEnd(p.byWord.get(token), tokens, i),
      firstEnd(p.byStem.get(token.slice(0, 3)), tokens, i),
      firstEnd(p.rest, tokens, i),
    );
    if (end >= i) out.push([i, end]);
  }
  return out;
}

/** Says whether a place where a rule's patterns were found counts (no exception near, say). */
export interface Acceptor {
  accepts(span: Span): boolean;
}

/** Per message: the spans of each pattern, computed once however many rules use it. */
const NONE: Span[] = [];
const NO_IDS: readonly number[] = [];

/**
 * The spans of a pattern are found only when a rule asks for them (most rules stop at their first
 * pattern, and most exceptions are never read), from the places of the message's own words: a
 * pattern is tried only where one of its alternatives can start.
 */
export class Matches {
  private readonly cache = new Map<Pattern, Span[]>();
  /** Per pattern id: the places where one of its alternatives by word, or by stem, can start. */
  private readonly wordStarts: (number[] | undefined)[];
  private readonly stemStarts: (number[] | undefined)[];
  /** Per start, the furthest end found so far (-1: none), and the starts found, for find(). */
  private readonly endAt: number[];
  private readonly touched: number[] = [];
  readonly clause: readonly number[];
  /** The places where a clause starts, and those holding a number of many (`#many`), in order. */
  private readonly clauseStarts: number[] = [];
  private readonly manyAt: number[] = [];
  /** Whether a place is a clause's start / a number of many (for the alternatives that can start anywhere). */
  private readonly isClauseStart: boolean[];
  private readonly isManyAt: boolean[];

  constructor(readonly tokens: readonly string[]) {
    const clause: number[] = [];
    let c = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === BOUNDARY) c++;
      clause.push(c);
    }
    this.clause = clause;
    this.endAt = new Array<number>(tokens.length).fill(-1);
    this.isClauseStart = new Array<boolean>(tokens.length).fill(false);
    this.isManyAt = new Array<boolean>(tokens.length).fill(false);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === BOUNDARY) continue;
      if (i === 0 || tokens[i - 1] === BOUNDARY) {
        this.clauseStarts.push(i);
        this.isClauseStart[i] = true;
      }
      if (isMany(token, tokens[i + 1])) {
        this.manyAt.push(i);
        this.isManyAt[i] = true;
      }
    }
    this.wordStarts = new Array<number[] | undefined>(PATTERNS);
    this.stemStarts = new Array<number[] | undefined>(PATTERNS);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === BOUNDARY) continue;
      for (const id of WORD_INDEX.get(token) ?? NO_IDS) (this.wordStarts[id] ??= []).push(i);
      for (const id of STEM_INDEX.get(token.slice(0, 3)) ?? NO_IDS) (this.stemStarts[id] ??= []).push(i);
    }
  }

  of(p: Pattern): Span[] {
    const cached = this.cache.get(p);
    if (cached) return cached;
    const s = this.find(p);
    this.cache.set(p, s);
    return s;
  }

  /** As findAll: per start, the furthest end of its word, stem and other alternatives. */
  private find(p: Pattern): Span[] {
    const tokens = this.tokens;
    if (p.id >= this.wordStarts.length) {
      // A pattern made after this message was read (none are, today): every token is tried.
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i] === BOUNDARY) continue;
        this.put(i, firstEnd(p.byWord.get(tokens[i]!), tokens, i));
        this.put(i, firstEnd(p.byStem.get(tokens[i]!.slice(0, 3)), tokens, i));
      }
    } else {
      for (const i of this.wordStarts[p.id] ?? NO_IDS) this.put(i, firstEnd(p.byWord.get(tokens[i]!), tokens, i));
      for (const i of this.stemStarts[p.id] ?? NO_IDS) this.put(i, firstEnd(p.byStem.get(tokens[i]!.slice(0, 3)), tokens, i));
    }
    if (p.rest.length > 0) {
      // Most such alternatives start at a clause's start or on a number: only there are they tried.
      const anywhere = p.restStarts.includes("any");
      const places = anywhere ? tokens.keys() : p.restStarts.includes("many") ? (p.restStarts.includes("clause") ? this.clauseOrMany() : this.manyAt) : this.clauseStarts;
      for (const i of places) {
        if (tokens[i] !== BOUNDARY) this.put(i, firstRestEnd(p, tokens, i, this.isClauseStart[i]!, this.isManyAt[i]!));
      }
    }
    const touched = this.touched;
    if (touched.length === 0) return NONE;
    if (touched.length > 1) touched.sort((a, b) => a - b);
    const out: Span[] = [];
    for (const i of touched) {
      out.push([i, this.endAt[i]!]);
      this.endAt[i] = -1;
    }
    touched.length = 0;
    return out;
  }

  /** The places that start a clause or hold a number of many, in order, each once. */
  private clauseOrMany(): number[] {
    return [...new Set([...this.clauseStarts, ...this.manyAt])].sort((a, b) => a - b);
  }

  private put(i: number, end: number): void {
    if (end < i) return;
    const had = this.endAt[i]!;
    if (had < 0) this.touched.push(i);
    if (end > had) this.endAt[i] = end;
  }

  /** Does `p` match anywhere in the same clause within `reach` tokens of `span`? */
  near(p: Pattern, span: Span, reach: number, own: readonly Pattern[] = []): boolean {
    const c = this.clause[span[0]];
    // A word that is part of the rule's own phrase at this place is not an exception to it.
    const inOwn = ([s, e]: Span): boolean =>
      own.some((q) => this.of(q).some(([qs, qe]) => qs >= span[0] && qe <= span[1] && qs <= s && qe >= e));
    return this.of(p).some((sp) => this.clause[sp[0]] === c && sp[0] <= span[1] + reach && sp[1] >= span[0] - reach && !inOwn(sp));
  }

  /**
   * One place where every pattern matches within one clause and `window` tokens (in any order),
   * or null. Each pattern's nearest match to the first pattern's is tried; a place `accept`
   * turns down (an idiom, a negation) lets the next one be tried.
   */
  together(ps: readonly Pattern[], window: number, accept?: Acceptor): Span | null {
    const first = ps[0];
    if (!first) return null;
    const anchors = this.of(first);
    if (anchors.length === 0) return null;
    const lists: Span[][] = [];
    for (let k = 1; k < ps.length; k++) {
      const l = this.of(ps[k]!);
      if (l.length === 0) return null;
      lists.push(l);
    }
    for (const anchor of anchors) {
      const c = this.clause[anchor[0]];
      let start = anchor[0];
      let end = anchor[1];
      let ok = true;
      for (const list of lists) {
        let best: Span | undefined;
        let bestWidth = Infinity;
        for (const sp of list) {
          if (this.clause[sp[0]] !== c || (sp[0] <= anchor[1] && sp[1] >= anchor[0])) continue;
          const width = Math.max(end, sp[1]) - Math.min(start, sp[0]);
          if (width < bestWidth) {
            best = sp;
            bestWidth = width;
          }
        }
        if (!best || bestWidth >= window) {
          ok = false;
          break;
        }
        start = Math.min(start, best[0]);
        end = Math.max(end, best[1]);
      }
      if (ok && (!accept || accept.accepts([start, end]))) return [start, end];
    }
    return null;
  }
}
