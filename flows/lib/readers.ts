/**
 * Readers: what a typed client message means where the bot asked for something specific. Each
 * reader returns a value, or "unclear" with a reason, and never guesses: a flow that gets
 * "unclear" asks once more (with buttons). Pure functions; Dutch first, chat spelling ("ff",
 * "t", "jaaa", no accents) and the common English words too.
 *
 * How they read: the text is normalised (lower case, no accents, repeated letters shortened,
 * chat abbreviations written out), known phrases are found longest first and taken out, and
 * what is left must be small talk ("hoor", "dan", "ik ben moe"). Anything else left over makes
 * a yes or no "unclear": "ok ik heb erover nagedacht" is not a yes.
 */
import { isoWeekday, amsterdamDay, addDays, toIsoDate } from "./calendar.js";
import { normalise, parseDate, parseScale } from "./parse.js";
import type { ClientEvent } from "../types.js";

export type Unclear = { unclear: true; reason: UnclearReason };
export type UnclearReason = "empty" | "mixed" | "question" | "hedged" | "other" | "range" | "several" | "between" | "past" | "none";
export type Read<T> = { value: T } | Unclear;

const unclear = (reason: UnclearReason): Unclear => ({ unclear: true, reason });
export const isUnclear = <T>(r: Read<T>): r is Unclear => "unclear" in r;
/** The value, or null when unclear. */
export const valueOf = <T>(r: Read<T>): T | null => (isUnclear(r) ? null : r.value);

const ABBREVIATIONS: Record<string, string> = {
  ff: "even", effe: "even", efkes: "even", t: "het", n: "een", k: "ik", mn: "mijn", m: "mijn", zn: "zijn", ofzo: "of zo",
  nie: "niet", nt: "niet", idd: "inderdaad", tuurlijk: "natuurlijk", tuurlük: "natuurlijk", wss: "waarschijnlijk",
  dont: "don't", idk: "i don't know", pls: "please", plz: "please", thx: "thanks", tnx: "thanks", miss: "misschien",
  vd: "van de", jahoor: "ja hoor", neehoor: "nee hoor", isgoed: "is goed", okdan: "ok dan", dankje: "dank je",
};

/**
 * Lower case, accents removed, punctuation gone (apostrophes kept), letters repeated three or
 * more times shortened to two ("jaaaa" is "jaa"), chat abbreviations written out.
 */
export function plain(text: string): string {
  const t = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/'s\b/g, " s")
    .replace(/(\p{L})\1{2,}/gu, "$1$1")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return t
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ")
    .replace(/'/g, "")
    .trim();
}

export type Intent = "yes" | "no" | "notNow" | "later" | "dontKnow" | "askCoach";

/**
 * "busy" ("geen tijd", "te moe") and "soon" ("morgen", "nog niet") defer a yes/no question but
 * are real answers to an open one ("Wat zat er in de weg?" "geen tijd"); `strict` reading skips them.
 */
type Signal = Intent | "busy" | "soon" | "question" | "hedge" | "filler";

/** Phrases and the signal each gives; matched longest first on whole words. */
const PHRASES: [string, Signal][] = [
  // asking the coach first
  ["eerst aan mijn coach vragen", "askCoach"], ["eerst met mijn coach", "askCoach"], ["eerst vragen", "askCoach"],
  ["eerst overleggen", "askCoach"], ["eerst bespreken", "askCoach"], ["ask my coach", "askCoach"], ["talk to my coach", "askCoach"],
  // not now
  ["nu even niet", "notNow"], ["nu niet", "notNow"], ["niet nu", "notNow"], ["even niet", "notNow"], ["niet vandaag", "notNow"],
  ["geen zin", "notNow"], ["geen tijd", "busy"], ["geen puf", "busy"], ["geen energie", "busy"], ["not now", "notNow"],
  ["not today", "notNow"], ["no time", "busy"], ["te moe", "busy"], ["komt nu niet uit", "notNow"], ["komt niet uit", "notNow"],
  ["niet zo n goed moment", "notNow"], ["geen goed moment", "notNow"], ["nu liever niet", "notNow"], ["liever niet nu", "notNow"],
  // later
  ["een andere keer", "later"], ["andere keer", "later"], ["volgende keer", "later"], ["misschien later", "later"], ["later", "later"],
  ["straks", "later"], ["nog niet", "soon"], ["another time", "later"], ["some other time", "later"], ["morgen", "soon"],
  ["een andere dag", "soon"], ["ander moment", "soon"], ["later please", "later"], ["liever later", "later"], ["liever een andere keer", "later"], ["vanavond", "soon"], ["volgende week", "soon"],
  ["even wachten", "soon"], ["wacht even", "soon"],
  // don't know
  ["ik weet het nog niet", "dontKnow"], ["ik weet het niet", "dontKnow"], ["weet ik nog niet", "dontKnow"], ["weet ik niet", "dontKnow"],
  ["weet het niet", "dontKnow"], ["weet nog niet", "dontKnow"], ["weet niet", "dontKnow"], ["ik weet niet", "dontKnow"], ["geen idee", "dontKnow"],
  ["geen flauw idee", "dontKnow"], ["i don't know", "dontKnow"], ["i dont know", "dontKnow"], ["don't know", "dontKnow"], ["no idea", "dontKnow"],
  ["not sure", "dontKnow"], ["twijfel", "dontKnow"], ["ik twijfel", "dontKnow"], ["misschien", "dontKnow"], ["maybe", "dontKnow"],
  ["geen idee eigenlijk", "dontKnow"], ["weet ik veel", "dontKnow"], ["joost mag het weten", "dontKnow"],
  // yes
  ["ja graag", "yes"], ["doe maar", "yes"], ["is goed", "yes"], ["vind ik goed", "yes"], ["dat is goed", "yes"], ["lijkt me goed", "yes"],
  ["dat mag", "yes"], ["mag wel", "yes"], ["prima", "yes"], ["akkoord", "yes"], ["natuurlijk", "yes"], ["zeker", "yes"], ["jazeker", "yes"], ["zeker weten", "yes"],
  ["ja", "yes"], ["jaa", "yes"], ["jawel", "yes"], ["jep", "yes"], ["jup", "yes"], ["jaja", "yes"], ["ok", "yes"], ["oke", "yes"],
  ["okay", "yes"], ["okee", "yes"], ["okidoki", "yes"], ["oki", "yes"], ["okido", "yes"], ["goed", "yes"], ["graag", "yes"], ["top", "yes"],
  ["yes", "yes"], ["yess", "yes"], ["yeah", "yes"], ["yep", "yes"], ["sure", "yes"], ["fine", "yes"], ["ok lets go", "yes"],
  ["sounds good", "yes"], ["alright", "yes"], ["klopt", "yes"], ["prima hoor", "yes"], ["helemaal goed", "yes"], ["ga je gang", "yes"],
  ["agreed", "yes"], ["i agree", "yes"], ["mee eens", "yes"], ["dat is prima", "yes"], ["geen probleem", "yes"], ["no problem", "yes"],
  ["geen bezwaar", "yes"],
  // no
  ["liever niet", "no"], ["nee bedankt", "no"], ["nee dank je", "no"], ["nee dankje", "no"], ["no thanks", "no"], ["no thank you", "no"],
  ["wil ik niet", "no"], ["wil dat niet", "no"], ["wil het niet", "no"], ["ik wil niet", "no"], ["geen behoefte", "no"],
  ["hoeft niet", "no"], ["niet nodig", "no"], ["vind ik niet goed", "no"], ["niet goed", "no"], ["absoluut niet", "no"],
  ["echt niet", "no"], ["niet doen", "no"], ["nog even niet", "soon"], ["dont know", "dontKnow"], ["zeker niet", "no"], ["nee", "no"], ["neen", "no"], ["nope", "no"], ["no", "no"], ["nah", "no"], ["nein", "no"],
  ["niet", "no"], ["not", "no"], ["no way", "no"], ["never", "no"], ["nooit", "no"], ["mwah", "hedge"], ["dont", "no"], ["don't", "no"],
  // hedges and questions
  ["als het moet", "hedge"], ["denk het", "hedge"], ["denk ik", "hedge"], ["ik denk", "hedge"], ["eigenlijk", "hedge"], ["maar", "hedge"],
  ["soort van", "hedge"], ["een beetje", "hedge"], ["i guess", "hedge"], ["kind of", "hedge"], ["but", "hedge"], 
  ["als", "hedge"], ["wel of niet", "hedge"], ["of", "hedge"],
  ["vraag", "question"], ["hoezo", "question"], ["waarom", "question"], ["wat", "question"], ["hoe", "question"], ["wie", "question"],
  ["wanneer", "question"], ["welke", "question"], ["what", "question"], ["why", "question"], ["how", "question"], ["who", "question"],
  ["mag ik", "question"], ["kan ik", "question"], ["moet ik", "question"], ["snap het niet", "question"], ["begrijp het niet", "question"],
];

/** Apostrophes go, as in `plain`; longest first so "niet nu" is found before "niet". */
const SORTED_PHRASES: [string, Signal][] = PHRASES.map(([p, s]): [string, Signal] => [p.replace(/'/g, ""), s]).sort((a, b) => b[0].length - a[0].length);

/** Small talk that may stand next to a yes, no or not now without changing it. */
const FILLERS = new Set([
  "hoor", "dan", "dat", "is", "het", "ik", "me", "mij", "mee", "vind", "wel", "joh", "hoi", "hallo", "hey", "hi", "hee", "dank", "je",
  "jij", "bedankt", "thanks", "thank", "you", "super", "allemaal", "alles", "gerust", "please", "hoor", "nu", "even", "echt", "sorry",
  "good", "great", "ok", "oh", "o", "ah", "nou", "dus", "toch", "hoe", "dit", "ook", "wil", "goed", "lekker", "fijn", "mooi", "prima",
  "moe", "druk", "ziek", "bezig", "werk", "aan", "het", "werken", "onderweg", "kinderen", "kids", "tired", "busy", "slaap", "hoofdpijn",
  "ben", "heb", "zin", "tijd", "geen", "wat", "erg", "te", "zo", "heel", "beetje", "im", "i", "am", "m", "sam", "a", "bit", "now", "right",
  "lets", "do", "it", "for", "me", "dankjewel", "dankjewel", "bedankt", "hoor", "maar", "dan", "zijn", "mag", "doe", "jullie", "we", "hem",
  "hmm", "hm", "ehm", "uhm", "tja", "pff", "gewoon", "natuurlijk", "zeker", "wij", "zullen", "dag", "vandaag", "de", "een", "thx", "no", "sure", "yes",
]);

const QUESTION_START = /^(hoezo|waarom|wat|hoe|wie|wanneer|welke|waar|mag|kan|moet|is|what|why|how|who|when|where|can|do)\b/;

interface Found {
  signals: Set<Signal>;
  rest: string[];
}

function findPhrases(t: string, extraAskCoach: string[]): Found {
  let s = ` ${t} `;
  const signals = new Set<Signal>();
  const coachWords = ["coach", "begeleider", "hulpverlener", ...extraAskCoach.map(plain).filter(Boolean)];
  // "ik vraag het (eerst) aan Sam", "eerst met mijn coach overleggen", "kan ik dat met sam bespreken"
  const coach = coachWords.some((w) => s.includes(` ${w} `));
  const askVerb = /\b(vraag|vragen|overleg|overleggen|bespreek|bespreken|praten|spreken|ask|talk|check|bellen|bel)\b/.test(s);
  if (askVerb && (coach || / eerst /.test(s))) {
    signals.add("askCoach");
    return { signals, rest: [] };
  }
  for (const [phrase, signal] of SORTED_PHRASES) {
    const needle = ` ${phrase} `;
    while (s.includes(needle)) {
      s = s.replace(needle, " | ");
      signals.add(signal);
    }
  }
  const rest = s.split(" ").filter((w) => w && w !== "|" && !FILLERS.has(w));
  return { signals, rest };
}

/**
 * Yes / no / not now / later / don't know / ask my coach first. Mixed signals ("ja maar nee"),
 * hedges ("ja als het moet"), questions ("ja?", "hoezo") and extra content ("ok ik heb erover
 * nagedacht") are unclear. A deferral beats a yes ("ja maar later" is later): consent is only
 * ever a plain yes. `coachName` lets "ik vraag het eerst aan Sam" be read as ask-coach-first.
 */
export function readIntent(text: string, opts: { coachName?: string; strict?: boolean } = {}): Read<Intent> {
  const raw = text.trim();
  const t = plain(raw);
  if (!t) {
    if (/👍|✅|👌/u.test(raw)) return { value: "yes" };
    if (/👎|❌|🙅/u.test(raw)) return { value: "no" };
    return unclear("empty");
  }
  const { signals, rest } = findPhrases(t, opts.coachName ? [opts.coachName] : []);
  if (signals.has("askCoach")) return { value: "askCoach" };
  if (!opts.strict) {
    if (signals.has("busy")) signals.add("notNow");
    if (signals.has("soon")) signals.add("later");
  }
  const deferral = signals.has("notNow") ? "notNow" : signals.has("later") ? "later" : null;
  const asks = signals.has("question") || /\?\s*$/.test(raw) || (QUESTION_START.test(t) && rest.length > 0);
  // A deferral stands on its own with small talk around it: "nee, niet nu", "ja maar later", "nu even niet ik ben moe".
  if (deferral) return rest.length <= 1 && !asks ? { value: deferral } : unclear("other");
  if (signals.has("dontKnow")) {
    if (signals.has("yes") || asks) return unclear("mixed");
    // "ik weet niet of dat lukt" is an answer, not a "don't know".
    return rest.length <= 1 && !signals.has("hedge") ? { value: "dontKnow" } : unclear("other");
  }
  if (asks) return unclear("question");
  const yes = signals.has("yes");
  const no = signals.has("no");
  if (yes && no) return unclear("mixed");
  if (signals.has("hedge")) return unclear("hedged");
  if (rest.length) return unclear("other");
  if (yes) return { value: "yes" };
  if (no) return { value: "no" };
  return unclear("none");
}

export type YesNo = "yes" | "no" | "later" | "askCoach";

export interface YesNoOptions {
  /** Button ids and the answer each one gives; any other button is unclear. Default: `yes`, `no`. */
  buttons?: Record<string, YesNo>;
  /** What "niet nu" and "later" count as here; null makes them unclear. Default "later". */
  deferred?: YesNo | null;
  /** What "weet ik niet" counts as here. Default "later". */
  dontKnow?: YesNo | null;
  /** What "eerst aan mijn coach vragen" counts as here. Default "later". */
  askCoach?: YesNo | null;
  /** Read as `readIntent` does with `strict`: "geen tijd" or "morgen" do not defer. */
  strict?: boolean;
  coachName?: string;
  /**
   * An answer to "klopt het?": "klopt niet", "niet helemaal" and "niet goed" anywhere are a no,
   * and an answer that begins with "(ja) klopt", "precies" or "correct" is a yes, whatever follows.
   */
  confirm?: boolean;
  /**
   * Only how a typed answer begins counts, and only a no: "nee, zaterdag" or "klopt niet, het
   * wordt zondag" is a no whose rest puts something right; anything else is null.
   */
  leadingNo?: boolean;
}

/** Only a plain yes or no counts: not now, later, don't know and ask-coach are unclear. */
export const ONLY_YES_NO: YesNoOptions = { deferred: null, dontKnow: null, askCoach: null };

/** An answer to "klopt het?": a plain yes or no, with "klopt" and "klopt niet" read as such. */
export const CONFIRM: YesNoOptions = { ...ONLY_YES_NO, confirm: true };

const CONFIRM_NO = /\b(klopt niet|niet helemaal|niet goed)\b/;
const CONFIRM_YES = /^(?:(?:ja|jaa|jawel|jup|jep|yes|yep|ok|oke|nou)\s+)*(klopt|dat klopt|precies|helemaal goed|correct|thats right|that is right)\b/;
const LEADING_NO = /^(nee|neen|no|klopt niet|niet helemaal)\b/;

const YES_NO_BUTTONS: Record<string, YesNo> = { yes: "yes", no: "no" };

/**
 * The one reader of an answer to a yes/no question, from a button or typed text (`readIntent`).
 * Each question says what its buttons mean and what the other intents count as: in one place
 * "niet nu" is a no, in another it is unclear and the question comes again. Null is unclear.
 */
export function readYesNo(answer: ClientEvent | string, opts: YesNoOptions = {}): YesNo | null {
  if (typeof answer !== "string" && answer.type === "client.chose") return opts.leadingNo ? null : ((opts.buttons ?? YES_NO_BUTTONS)[answer.choice] ?? null);
  const text = typeof answer === "string" ? answer : answer.text;
  if (opts.leadingNo) return LEADING_NO.test(normalise(text)) ? "no" : null;
  if (opts.confirm) {
    const t = normalise(text);
    if (CONFIRM_NO.test(t)) return "no";
    if (CONFIRM_YES.test(t)) return "yes";
  }
  const r = readIntent(text, { ...(opts.strict ? { strict: true } : {}), ...(opts.coachName ? { coachName: opts.coachName } : {}) });
  if (isUnclear(r)) return null;
  switch (r.value) {
    case "yes":
    case "no":
      return r.value;
    case "askCoach":
      return opts.askCoach === undefined ? "later" : opts.askCoach;
    case "dontKnow":
      return opts.dontKnow === undefined ? "later" : opts.dontKnow;
    default:
      return opts.deferred === undefined ? "later" : opts.deferred;
  }
}

/** Diminutive school grades: "een zesje", "vijfje". */
const GRADES: Record<string, string> = {
  nulletje: "0", eentje: "1", tweetje: "2", drietje: "3", viertje: "4", vijfje: "5", zesje: "6", zeventje: "7", zevenje: "7",
  achtje: "8", negentje: "9", tientje: "10",
};

/**
 * A score 0-10: "7", "zeven", "een 6 of zo", "6/10", "6 van de 10", "een zesje", "n 7". Unclear:
 * no number, two numbers ("5 of 6"), "tussen 5 en 6" (the flow asks which), outside 0-10.
 */
export function readScore(text: string): Read<number> {
  if (!text.trim()) return unclear("empty");
  const words = text
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => GRADES[w.replace(/[^\p{L}]/gu, "")] ?? (w === "n" ? "een" : w))
    .join("")
    .replace(/\b(van de|op de|uit de|op|van|out of) tien\b/g, "van de 10");
  if (/\btussen\b.*\b(en|of)\b/.test(words) || /\bbetween\b/.test(words)) return unclear("between");
  const r = parseScale(words);
  if (r === null) return unclear(/\d|nul|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien/.test(plain(words)) ? "several" : "none");
  if (typeof r === "object") return unclear("range");
  return { value: r };
}

const WEEKDAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** Edit distance of at most one (a typo: one letter left out, added or changed). */
export function nearly(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * A day, as an ISO date in Amsterdam relative to `nowIso`: everything `parseDate` knows, plus a
 * weekday with a typo ("dondrdag"), "het weekend" (its Saturday) and "gisteren" (past). Unclear
 * when there is no day or the day is in the past (reason "past").
 */
export function readDay(text: string, nowIso: string): Read<string> {
  const words = plain(text)
    .split(" ")
    .map((w) => (w.length >= 6 ? (WEEKDAY_NAMES.find((d) => nearly(w, d) || nearly(w.replace(/y/g, "ij"), d)) ?? w) : w));
  const t = words.join(" ");
  if (!t) return unclear("empty");
  if (/\b(gisteren|eergisteren|yesterday|vorige week|last week)\b/.test(t)) return unclear("past");
  const direct = parseDate(text, nowIso);
  const parsed = typeof direct === "string" ? direct : parseDate(t, nowIso) ?? direct;
  if (typeof parsed === "string") return { value: parsed };
  if (parsed !== null) return unclear("past");
  if (/\b(weekend|weekeinde)\b/.test(t)) {
    const today = amsterdamDay(nowIso);
    const ahead = (6 - isoWeekday(today) + 7) % 7;
    const saturday = addDays(today, /\bvolgend\w* (weekend|weekeinde)\b/.test(t) && ahead < 7 ? ahead + 7 : ahead);
    return { value: toIsoDate(saturday) };
  }
  return unclear("none");
}

export type DaypartValue = "morning" | "afternoon" | "evening";

const DAYPART_PHRASES: [RegExp, DaypartValue][] = [
  [/\b(s ?ochtends|sochtends|ochtend|ochtends|s ?morgens|smorgens|morgens|voormiddag|vroeg|morning|mornings|na het ontbijt|voor de middag|als de kinderen (naar|op) school zijn|voor 12)\b/, "morning"],
  [/\b(s ?middags|smiddags|middag|middags|namiddag|afternoon|afternoons|na de lunch|na het middageten|na twaalven|na 12 uur)\b/, "afternoon"],
  [/\b(s ?avonds|savonds|avond|avonds|evening|evenings|na het eten|na het avondeten|na het werk|na etenstijd|tonight|na zessen|na 6 uur)\b/, "evening"],
];

/**
 * Part of the day: "smiddags", "'s avonds", "na het eten", "in de ochtend", an hour ("om 10
 * uur", "14:00"). Unclear: none ("maakt niet uit"), or two parts ("ochtend of avond").
 */
export function readDaypart(text: string): Read<DaypartValue> {
  let t = plain(text.replace(/(\d{1,2})[:.](\d{2})/g, "$1 uur"));
  if (!t) return unclear("empty");
  // Phrases that name one part with another's word in them: "voor de middag" is the morning.
  if (/\b(voor de middag|voor het middageten|voor de lunch|als de (kinderen|kids|kinders) (naar|op) school (zijn|gaan)?)\b/.test(t)) t = "ochtend";
  const hits = new Set<DaypartValue>();
  for (const [re, part] of DAYPART_PHRASES) if (re.test(t)) hits.add(part);
  const hour = /\b(?:om|at|rond|tegen)? ?(\d{1,2}) ?(?:uur|u|h)\b/.exec(t);
  if (hour && !hits.size) {
    const h = Number(hour[1]);
    if (h >= 8 && h < 12) hits.add("morning");
    else if (h >= 12 && h < 18) hits.add("afternoon");
    else if (h >= 18 && h <= 21) hits.add("evening");
  }
  if (hits.size > 1) return unclear("several");
  const [only] = [...hits];
  return only ? { value: only } : unclear("none");
}

export interface Rhythm {
  /** Days between two conversations (1-28). */
  everyDays: number;
  /** ISO weekday (1 Monday ... 7 Sunday) when the client named one: "elke maandag". */
  weekday?: number;
}

const COUNT: Record<string, number> = {
  een: 1, 1: 1, one: 1, once: 1, twee: 2, 2: 2, two: 2, twice: 2, drie: 3, 3: 3, three: 3, vier: 4, 4: 4, four: 4, vijf: 5, 5: 5,
  zes: 6, 6: 6, zeven: 7, 7: 7,
};

/**
 * How often: "elke week" (7), "om de week" (14), "2 keer per week" (every 3 days), "elke
 * maandag" (7, Monday), "elke 3 dagen", "een keer per maand" (28). Unclear: "vaak", "niet zo vaak".
 */
export function readRhythm(text: string): Read<Rhythm> {
  const t = plain(text.replace(/(\d)\s*x\b/gi, "$1 keer"))
    .replace(/\bevery other week\b/g, "om de week")
    .replace(/\biedere\b|\bieder\b|\belk\b|\bevery\b/g, "elke")
    .replace(/\belke day\b/g, "elke dag");
  if (!t) return unclear("empty");
  const weekday = [...WEEKDAY_NAMES, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].findIndex((d) =>
    new RegExp(`\\b(elke |op )?${d}(s|en)?\\b`).test(t),
  );
  const wd = weekday >= 0 ? (weekday % 7) + 1 : undefined;
  const num = (w: string | undefined) => (w === undefined ? undefined : COUNT[w]);
  let m: RegExpExecArray | null;
  if ((m = /\b(\w+) ?(?:keer|x|maal|times)? ?(?:per|in de|a|een|op een|in een) ?(week|maand|month)\b/.exec(t)) && num(m[1])) {
    const n = num(m[1]) as number;
    const days = m[2] === "week" ? 7 / n : 28 / n;
    if (days < 1) return unclear("range");
    return { value: { everyDays: Math.floor(days), ...(wd && n === 1 ? { weekday: wd } : {}) } };
  }
  if (/\b(twice|once) a (week|month)\b/.test(t)) {
    const n = t.includes("twice") ? 2 : 1;
    return { value: { everyDays: Math.floor((t.includes("month") ? 28 : 7) / n) } };
  }
  if ((m = /\b(?:elke|om de|in) (\w+) (dagen|days|weken|weeks)\b/.exec(t))) {
    const n = COUNT[m[1] ?? ""] ?? (/^\d+$/.test(m[1] ?? "") ? Number(m[1]) : undefined);
    if (n === undefined) return unclear("none");
    const days = m[2]?.startsWith("d") ? n : 7 * n;
    return days >= 1 && days <= 28 ? { value: { everyDays: days } } : unclear("range");
  }
  if (/\b(om de week|tweewekelijks|every other week|biweekly|every two weeks|elke twee weken|om de twee weken)\b/.test(t)) return { value: { everyDays: 14 } };
  if (/\b(elke dag|dagelijks|daily|every day|elke ochtend|elke avond|elke middag)\b/.test(t)) return { value: { everyDays: 1 } };
  if (wd && /\b(elke|op|s)\b|\b\w+dags\b|\b\w+dagen\b|\b\w+days\b/.test(t)) return { value: { everyDays: 7, weekday: wd } };
  if (/\b(elke week|wekelijks|weekly|elke weekend|every week|wekelijk)\b/.test(t)) return { value: { everyDays: 7 } };
  if (/\b(elke maand|maandelijks|monthly)\b/.test(t)) return { value: { everyDays: 28 } };
  return unclear("none");
}

export interface ButtonOption {
  id: string;
  /** The label as the client sees it (translated). */
  label: string;
}

const BUTTON_STOP = new Set(["de", "het", "een", "is", "van", "wel", "hoor", "dan", "maar", "even", "graag", "the", "a", "to", "please", "nou", "ok"]);

function content(text: string): string[] {
  return plain(text)
    .split(" ")
    .filter((w) => w && !BUTTON_STOP.has(w));
}

const sameWord = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && nearly(a, b));

/**
 * A button label typed instead of tapped: "zo is t goed" for "Zo is het goed", "ik zeg het zelf
 * wel", "volgende weel" (one typo). A match is all of the label's words in the text (at most two
 * words more), or at least two words of the label and nothing else, or the one word of a
 * one-word label. Unclear when no button or more than one fits.
 */
export function readButton(text: string, options: ButtonOption[]): Read<string> {
  const said = content(text);
  if (!said.length) return unclear("empty");
  const hits = options.filter((o) => {
    const label = content(o.label);
    if (!label.length) return false;
    const inSaid = label.filter((w) => said.some((s) => sameWord(s, w))).length;
    const inLabel = said.filter((s) => label.some((w) => sameWord(s, w))).length;
    if (inSaid === label.length && said.length - inLabel <= 2) return true;
    if (inLabel === said.length && (inLabel >= 2 || label.length === 1)) return true;
    // Most of a longer label and one word more at most: "ja klopt helemaal".
    if (inSaid >= 2 && said.length - inLabel <= 1) return true;
    // One word of five letters or more that only this label has: "aanpassen", "klopt".
    const [only] = said;
    return said.length === 1 && only !== undefined && only.length >= 5 && inLabel === 1 && !options.some((x) => x !== o && content(x.label).some((w) => sameWord(only, w)));
  });
  if (hits.length === 1) return { value: (hits[0] as ButtonOption).id };
  // Several fit: the one with the most of its words there wins ("nog niet gedaan" is "Nog niet").
  const matched = (o: ButtonOption) => content(o.label).filter((w) => said.some((s) => sameWord(s, w))).length;
  const best = Math.max(...hits.map(matched));
  const top = hits.filter((o) => matched(o) === best);
  if (top.length === 1) return { value: (top[0] as ButtonOption).id };
  return unclear(hits.length ? "several" : "none");
}

const GO_ON = /\b(verder|doorgaan|door gaan|ga door|ga maar door|gaan we door|ik ben er weer|ik ben terug|ben er weer|ben terug|weer verder|continue|go on|carry on|lets go on|i am back|im back|back again|hervatten|we gaan verder)\b/;
const STOP_WORDS = /\b(niet|geen|stop|stoppen|nooit|not|dont|no)\b/;

/**
 * The client wants to go on with what was parked: "ik wil verder", "verder", "ik ben er weer",
 * "ga maar door". Short messages only (up to eight words), and nothing that says no or stop.
 */
export function readGoOn(text: string): Read<"goOn"> {
  const t = plain(text);
  if (!t) return unclear("empty");
  if (t.split(" ").length > 8) return unclear("other");
  if (STOP_WORDS.test(t)) return unclear("mixed");
  return GO_ON.test(t) ? { value: "goOn" } : unclear("none");
}

const HELLO_WORDS = new Set(["hoi", "hallo", "hey", "hee", "he", "hi", "hello", "hoihoi", "goedemorgen", "goedemiddag", "goedenavond", "daar", "ben", "ik", "er", "weer", "terug", "hoor", "i", "am", "im", "back", "again", "here", "hier", "ok", "oke", "nou", "zo", "sorry", "even", "weg", "geweest"]);
const HELLO_CORE = /\b(hoi|hallo|hey|hee|he|hi|hello|hoihoi|goedemorgen|goedemiddag|goedenavond|weer|terug|back)\b/;

/**
 * A hello or "I'm back" and nothing else ("hoi", "hallo daar ben ik weer", "im back"): after a
 * pause, such a message greets and does not answer the waiting question. "Sam" is not a hello.
 */
export function readGreeting(text: string): Read<"hello"> {
  const t = plain(text);
  if (!t) return unclear("empty");
  if (valueOf(readGoOn(text))) return { value: "hello" };
  // "heyy", "hoii": a letter stretched at the end of a word counts once.
  const words = t.split(" ").map((w) => (HELLO_WORDS.has(w) ? w : w.replace(/(\p{L})\1+$/u, "$1")));
  return words.every((w) => HELLO_WORDS.has(w)) && HELLO_CORE.test(words.join(" ")) ? { value: "hello" } : unclear("other");
}
