/**
 * Understanding typed answers where buttons are offered. Pure functions, Dutch first, with the
 * common English words too (clients may have chosen English).
 */

/** Lower case, accents kept, punctuation and repeated spaces removed. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' /-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const YES = [
  "ja", "jawel", "jaa", "jep", "jup", "ok", "oke", "oké", "okay", "okee", "prima", "goed", "is goed", "zeker",
  "natuurlijk", "graag", "ja graag", "doe maar", "akkoord", "top", "yes", "yeah", "sure", "y", "j",
];
const NO = ["nee", "neen", "nope", "nee hoor", "liever niet", "niet", "no", "n", "nah", "nee dank je", "nee bedankt"];
const LATER = ["niet nu", "later", "nu niet", "weet ik niet", "weet niet", "misschien", "misschien later", "not now", "maybe", "maybe later", "nog niet"];

/** "yes", "no", "later" (not now / don't know yet) or null when the text is not one of those. */
export function parseYesNo(text: string): "yes" | "no" | "later" | null {
  const t = normalise(text);
  if (t === "") {
    if (/👍|✅/u.test(text)) return "yes";
    if (/👎|❌/u.test(text)) return "no";
    return null;
  }
  if (LATER.includes(t)) return "later";
  if (YES.includes(t)) return "yes";
  if (NO.includes(t)) return "no";
  const first = t.split(" ")[0] ?? "";
  if (["ja", "jawel", "oké", "oke", "ok", "prima", "yes"].includes(first)) return "yes";
  if (["nee", "neen", "no"].includes(first)) return "no";
  return null;
}

/**
 * Matches free text against a small list of options, each with words that mean it.
 * Returns the option id when exactly one option matches.
 */
export function matchOption<T extends string>(text: string, options: Record<T, string[]>): T | null {
  const t = normalise(text);
  if (!t) return null;
  const hits = (Object.keys(options) as T[]).filter((id) =>
    options[id].some((w) => t === w || t.split(" ").includes(w) || (w.includes(" ") && t.includes(w))),
  );
  return hits.length === 1 ? (hits[0] as T) : null;
}

/**
 * A name the client wants to be called by: 1 to 40 characters, at least one letter, no link.
 * Returns the tidied name or null.
 */
export function parseCallName(text: string): string | null {
  const name = text.replace(/\s+/g, " ").trim().replace(/^(noem me|noem mij|ik heet|ik ben|call me|my name is)\s+/i, "");
  if (name.length < 1 || name.length > 40) return null;
  if (!/\p{L}/u.test(name)) return null;
  if (/https?:|www\.|@|\/|\d{3,}/i.test(name)) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
