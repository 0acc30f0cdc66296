/**
 * Lines up what a chat received with what the outbox meant to send it, for the kill tests
 * (crash-talk.ts). `expected` is every message of the chat's send jobs in job order; a message
 * marked `uncertain` was in flight when its sender was killed, so it may or may not have arrived.
 *
 * A delivery is one of: the next expected message; the one just lined up again (a duplicate:
 * allowed for a marked re-ask, otherwise counted as doubled); or unexpected. An expected message
 * nobody received is lost in doubt when it was uncertain, else missing.
 *
 * Lined up greedily this is ambiguous: with an uncertain message followed by the same text (two
 * "Die knop hoort bij een eerdere vraag." in a row, the first lost at Telegram), a greedy reader
 * takes the delivery for the first and then finds the message after it "unexpected". So this finds
 * the reading with the fewest unexpected and missing messages, then the fewest doubled, by dynamic
 * programming over (deliveries read, expected messages passed): the most favourable reading the
 * guarantees allow, never one that hides a message that was sent without a job or never sent.
 */
export interface Wanted {
  /** What the client sees: text and buttons, compared as they are. */
  key: string;
  uncertain: boolean;
  reask: boolean;
}

export interface LinedUp {
  /** Deliveries that are no expected message at their place (or a second copy of one further back). */
  unexpected: number[];
  /** Expected messages, not in doubt, that never arrived (indexes into `expected`). */
  missing: number[];
  /** Duplicates of an unmarked message. */
  doubled: number;
  /** Duplicates of a marked re-ask. */
  reasksDoubled: number;
  /** Messages in doubt that never arrived. */
  uncertainLost: number;
}

/** A wrong reading costs this much more than any number of duplicates. */
const WRONG = 1_000_000;

type Step = "match" | "skip" | "missing" | "dup" | "unexpected";

export function lineUp(delivered: readonly string[], expected: readonly Wanted[]): LinedUp {
  const n = delivered.length;
  const m = expected.length;
  // cost[i][j]: the cheapest reading of deliveries i.. against expected j.., with j - 1 the last lined up.
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const step: Step[][] = Array.from({ length: n + 1 }, () => new Array<Step>(m + 1).fill("match"));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Infinity;
      let how: Step = "unexpected";
      const consider = (c: number, s: Step) => {
        if (c < best) {
          best = c;
          how = s;
        }
      };
      const e = expected[j];
      if (i < n && e && delivered[i] === e.key) consider((cost[i + 1]?.[j + 1] ?? 0), "match");
      if (e) consider((cost[i]?.[j + 1] ?? 0) + (e.uncertain ? 0 : WRONG), e.uncertain ? "skip" : "missing");
      const prev = expected[j - 1];
      if (i < n && prev && delivered[i] === prev.key) consider((cost[i + 1]?.[j] ?? 0) + (prev.reask ? 0 : 1), "dup");
      if (i < n) consider((cost[i + 1]?.[j] ?? 0) + WRONG, "unexpected");
      (cost[i] as number[])[j] = best;
      (step[i] as Step[])[j] = how;
    }
  }
  const out: LinedUp = { unexpected: [], missing: [], doubled: 0, reasksDoubled: 0, uncertainLost: 0 };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const s = step[i]?.[j];
    if (s === "match" || s === "skip" || s === "missing") {
      if (s === "skip") out.uncertainLost++;
      if (s === "missing") out.missing.push(j);
      if (s === "match") i++;
      j++;
    } else {
      if (s === "unexpected") out.unexpected.push(i);
      else if (expected[j - 1]?.reask) out.reasksDoubled++;
      else out.doubled++;
      i++;
    }
  }
  return out;
}
