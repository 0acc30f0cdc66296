import { addDays, addMonths, amsterdamDay, daysBetween, isoWeekday, isRealDay, toIsoDate, type Ymd } from "./calendar.js";

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

/** Dutch (and English) number words 0..12; "een" only counts where the caller allows it (it is also "a"). */
const NUMBER_WORDS: Record<string, number> = {
  nul: 0, één: 1, eén: 1, eentje: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12,
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** A number word ("zeven", "tien") or digits ("7") as a number; "een" counts as 1 here. */
export function parseNumberWord(word: string): number | null {
  const w = normalise(word);
  if (/^\d+$/.test(w)) return Number(w);
  if (w === "een") return 1;
  return NUMBER_WORDS[w] ?? null;
}

export type ScaleResult = number | { error: "range" } | null;

/**
 * A score on a 0-10 scale from typed text: "7", "zeven", "7/10", "een 6 of zo", "ik denk 8".
 * Halves are rounded half up ("6,5" gives 7, "7.4" gives 7): the client meant a score between
 * the two and asking again feels like a test. A number below 0 or above 10 ("12", "-3", "elf")
 * gives `{ error: "range" }`. No number, or two different numbers ("5 of 6"), gives null so the
 * flow asks again.
 */
export function parseScale(text: string): ScaleResult {
  const t = text
    .toLowerCase()
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/\s*(\/\s*10|(van|op|uit) de 10|(van|op|uit) 10|out of 10)\b/g, " ");
  const values: number[] = [];
  for (const m of t.matchAll(/(^|[^\d.])(-?\d+(?:\.\d+)?)/g)) values.push(Number(m[2]));
  const words = normalise(t).split(" ");
  for (const w of words) {
    const n = NUMBER_WORDS[w];
    if (n !== undefined) values.push(n);
  }
  if (!values.length && words.length === 1 && words[0] === "een") values.push(1);
  const distinct = [...new Set(values)];
  if (distinct.length !== 1) return null;
  const value = distinct[0] as number;
  if (value < 0 || value > 10) return { error: "range" };
  return Math.round(value);
}

export type DateResult = string | { error: "past" } | null;

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, february: 2, maart: 3, mrt: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const MONTH_RE = Object.keys(MONTHS).join("|");
const WEEKDAY_RE = Object.keys(WEEKDAYS).join("|");

/** The next day with this weekday, strictly after today ("vrijdag" on a Friday is next Friday). */
function nextWeekday(today: Ymd, weekday: number): Ymd {
  const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** Without a year, the nearest such day (last, this or next year): "5 januari" in December is next year. */
function nearestYear(today: Ymd, m: number, d: number): Ymd | null {
  const candidates = [today.y - 1, today.y, today.y + 1].filter((y) => isRealDay(y, m, d)).map((y) => ({ y, m, d }));
  candidates.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return candidates[0] ?? null;
}

function explicitDay(today: Ymd, d: number, m: number, yText: string | undefined): Ymd | null {
  if (yText === undefined) return nearestYear(today, m, d);
  const y = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
  return isRealDay(y, m, d) ? { y, m, d } : null;
}

/** "over 3 dagen", "over twee weken", "in 2 weeks", "over een maand". */
function relativeDay(today: Ymd, t: string): Ymd | null {
  const m = /\b(?:over|in) (\S+) (dag|dagen|day|days|week|weken|weeks|maand|maanden|month|months)\b/.exec(t);
  if (!m) return null;
  const n = parseNumberWord(m[1] ?? "") ?? (m[1] === "a" ? 1 : null);
  if (n === null) return null;
  const unit = m[2] ?? "";
  if (unit.startsWith("d")) return addDays(today, n);
  if (unit.startsWith("w")) return addDays(today, 7 * n);
  return addMonths(today, n);
}

function namedDay(today: Ymd, t: string): Ymd | null {
  const has = (re: string) => new RegExp(`\\b(?:${re})\\b`).test(t);
  const weekday = new RegExp(`\\b(${WEEKDAY_RE})\\b`).exec(t)?.[1];
  const nextWeek = has("volgende week|next week");
  if (weekday) {
    const wd = WEEKDAYS[weekday] as number;
    return nextWeek ? addDays(today, 7 - isoWeekday(today) + wd) : nextWeekday(today, wd);
  }
  if (nextWeek) return addDays(today, 8 - isoWeekday(today));
  if (has("deze week|this week")) return addDays(today, 7 - isoWeekday(today));
  if (has("overmorgen|day after tomorrow")) return addDays(today, 2);
  if (has("morgen|morgenochtend|morgenmiddag|morgenavond|morgenvroeg|tomorrow")) return addDays(today, 1);
  if (has("vandaag|vanavond|vanmiddag|today|tonight")) return today;
  return null;
}

/**
 * A day the client names, as an ISO date (YYYY-MM-DD) in Europe/Amsterdam relative to `nowIso`:
 * "morgen", "overmorgen", "vrijdag" (the next one), "volgende week" (its Monday), "volgende week
 * vrijdag", "deze week" (its Sunday), "over twee weken", "over 3 dagen", "12 maart", "12-3",
 * "12/03/2027". A day before today gives `{ error: "past" }`; text without a day, or a day that
 * does not exist ("31-2"), gives null.
 */
export function parseDate(text: string, nowIso: string): DateResult {
  const today = amsterdamDay(nowIso);
  const t = normalise(text.replace(/(\d)\.(\d)/g, "$1-$2"));
  let day: Ymd | null = null;
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  const numeric = /\b(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}|\d{2}))?\b/.exec(t);
  const named = new RegExp(`\\b(\\d{1,2}) (${MONTH_RE})(?: (\\d{4}))?\\b`).exec(t);
  if (iso) day = explicitDay(today, Number(iso[3]), Number(iso[2]), iso[1]);
  else if (numeric) day = explicitDay(today, Number(numeric[1]), Number(numeric[2]), numeric[3]);
  else if (named) day = explicitDay(today, Number(named[1]), MONTHS[named[2] ?? ""] ?? 0, named[3]);
  else day = relativeDay(today, t) ?? namedDay(today, t);
  if (!day) return null;
  return daysBetween(today, day) < 0 ? { error: "past" } : toIsoDate(day);
}
