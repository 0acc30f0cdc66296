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
 * - `#many`  a number of five or more, in digits or words ("20", "twintig", "hele", "alle");
 * - `^`, `$` the start and the end of a clause (they match no token).
 */

export type Span = readonly [start: number, end: number];

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
  const p: Pattern = { source, alts, byWord, byStem, rest };
  for (const w of byWord.keys()) index(WORD_INDEX, w, p);
  for (const st of byStem.keys()) index(STEM_INDEX, st, p);
  return p;
}

/**
 * Every pattern by the words and stems its alternatives start with, so that a message is only
 * tried against the patterns that can start at one of its tokens.
 */
const WORD_INDEX = new Map<string, Pattern[]>();
const STEM_INDEX = new Map<string, Pattern[]>();

function index(m: Map<string, Pattern[]>, k: string, p: Pattern): void {
  const list = m.get(k);
  if (list) list.push(p);
  else m.set(k, [p]);
}

function isMany(token: string): boolean {
  if (/^\d+$/.test(token)) return Number(token) >= 5;
  return MANY_WORDS.has(token);
}

function tokOk(t: Tok, token: string | undefined): boolean {
  if (token === undefined || token === BOUNDARY) return false;
  switch (t.kind) {
    case "word":
      return token === t.word;
    case "stem":
      return token.startsWith(t.stem);
    case "many":
      return isMany(token);
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
  if (tokOk(t, tokens[i])) {
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

/** Per message: the spans of each pattern, computed once however many rules use it. */
const NONE: Span[] = [];

export class Matches {
  private readonly cache = new Map<Pattern, Span[]>();
  /** Per pattern, the ends of its matches by start, for the alternatives that start with a word or stem. */
  private readonly starts = new Map<Pattern, [number, number][]>();
  readonly clause: readonly number[];

  constructor(readonly tokens: readonly string[]) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === BOUNDARY) continue;
      for (const p of WORD_INDEX.get(token) ?? []) this.start(p, i, firstEnd(p.byWord.get(token), tokens, i));
      const stem = token.slice(0, 3);
      for (const p of STEM_INDEX.get(stem) ?? []) this.start(p, i, firstEnd(p.byStem.get(stem), tokens, i));
    }
    const clause: number[] = [];
    let c = 0;
    for (const t of tokens) {
      if (t === BOUNDARY) c++;
      clause.push(c);
    }
    this.clause = clause;
  }

  private start(p: Pattern, i: number, end: number): void {
    if (end < i) return;
    const list = this.starts.get(p);
    if (!list) {
      this.starts.set(p, [[i, end]]);
      return;
    }
    // Tokens come in order, so a second start at the same token is the last one.
    const last = list[list.length - 1]!;
    if (last[0] === i) last[1] = Math.max(last[1], end);
    else list.push([i, end]);
  }

  of(p: Pattern): Span[] {
    let s = this.cache.get(p);
    if (s) return s;
    const found = this.starts.get(p);
    if (p.rest.length === 0) {
      // Starts were found in token order: already sorted.
      s = found ?? NONE;
      this.cache.set(p, s);
      return s;
    }
    const ends = new Map(found);
    {
      for (let i = 0; i < this.tokens.length; i++) {
        if (this.tokens[i] === BOUNDARY) continue;
        const end = firstEnd(p.rest, this.tokens, i);
        if (end >= i) ends.set(i, Math.max(end, ends.get(i) ?? -1));
      }
    }
    s = [...ends.entries()].sort((a, b) => a[0] - b[0]).map(([i, e]) => [i, e] as const);
    this.cache.set(p, s);
    return s;
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
  together(ps: readonly Pattern[], window: number, accept: (span: Span) => boolean = () => true): Span | null {
    const [first, ...rest] = ps;
    if (!first) return null;
    const anchors = this.of(first);
    if (anchors.length === 0) return null;
    const lists: Span[][] = [];
    for (const p of rest) {
      const l = this.of(p);
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
      if (ok && accept([start, end])) return [start, end];
    }
    return null;
  }
}
