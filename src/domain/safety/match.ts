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
 * - `#many`  a number of five or more, in digits or words ("20", "twintig", "hele", "alle").
 */

export type Span = readonly [start: number, end: number];

type Tok =
  | { kind: "word"; word: string; optional: boolean }
  | { kind: "stem"; stem: string; optional: boolean }
  | { kind: "gap" }
  | { kind: "many"; optional: boolean };

export interface Pattern {
  readonly source: string;
  readonly alts: readonly (readonly Tok[])[];
}

/** The clause boundary token the normaliser puts where a sentence ends. */
export const BOUNDARY = ".";

const MANY_WORDS = new Set(
  "vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien twintig dertig veertig vijftig zestig honderd tientallen hele heel alle allemaal stapel stapels handvol handjevol strip strips doos doosje potje pot flesje fles pak pakje bunch whole all lots many handful bottle".split(" "),
);

function compileTok(raw: string): Tok {
  if (raw === "~") return { kind: "gap" };
  const optional = raw.endsWith("?");
  const body = optional ? raw.slice(0, -1) : raw;
  if (body === "#many") return { kind: "many", optional };
  if (body.endsWith("*")) return { kind: "stem", stem: body.slice(0, -1), optional };
  return { kind: "word", word: body, optional };
}

export function pattern(source: string): Pattern {
  const alts = source
    .split("|")
    .map((alt) => alt.trim())
    .filter((alt) => alt.length > 0)
    .map((alt) => alt.split(/\s+/).map(compileTok));
  return { source, alts };
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
      return true;
  }
}

/** The end (inclusive) of a match of `alt` from token `i`, or -1. */
function matchAt(alt: readonly Tok[], k: number, tokens: readonly string[], i: number, last: number): number {
  if (k === alt.length) return last;
  const t = alt[k]!;
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

/** Every place in `tokens` where `p` matches, as token spans. */
export function findAll(p: Pattern, tokens: readonly string[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === BOUNDARY) continue;
    for (const alt of p.alts) {
      const end = matchAt(alt, 0, tokens, i, i - 1);
      if (end >= i) {
        out.push([i, end]);
        break;
      }
    }
  }
  return out;
}

/** Per message: the spans of each pattern, computed once however many rules use it. */
export class Matches {
  private readonly cache = new Map<Pattern, Span[]>();
  readonly clause: readonly number[];

  constructor(readonly tokens: readonly string[]) {
    const clause: number[] = [];
    let c = 0;
    for (const t of tokens) {
      if (t === BOUNDARY) c++;
      clause.push(c);
    }
    this.clause = clause;
  }

  of(p: Pattern): Span[] {
    let s = this.cache.get(p);
    if (!s) {
      s = findAll(p, this.tokens);
      this.cache.set(p, s);
    }
    return s;
  }

  /** Does `p` match anywhere in the same clause within `reach` tokens of `span`? */
  near(p: Pattern, span: Span, reach: number): boolean {
    const c = this.clause[span[0]];
    return this.of(p).some(([s, e]) => this.clause[s] === c && s <= span[1] + reach && e >= span[0] - reach);
  }

  /**
   * One place where every pattern matches within one clause and `window` tokens (in any order),
   * or null. Each pattern's nearest match to the first pattern's is tried.
   */
  together(ps: readonly Pattern[], window: number): Span | null {
    const [first, ...rest] = ps;
    if (!first) return null;
    const lists = rest.map((p) => this.of(p));
    if (lists.some((l) => l.length === 0)) return null;
    for (const anchor of this.of(first)) {
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
      if (ok) return [start, end];
    }
    return null;
  }
}
