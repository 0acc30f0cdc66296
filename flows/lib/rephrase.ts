/**
 * Saying the client's words back as ours, so a summary rephrases rather than pastes: "ik ga
 * zondag de brief openmaken met mn zus haha" becomes the step "de brief openmaken", the day
 * "zondag" and the helper "je zus". Pure functions on purpose simple: when a sentence cannot be
 * turned round safely, the client's own tidied words are kept (never a guess at their meaning).
 */
import { nearly } from "./readers.js";

/** Chat words and laughs that do not belong in a summary. */
const NOISE =
  /(^|\s)(haha\w*|hihi\w*|lol|xd|denk ik|denk het|of zo|ofzo|zo iets|zoiets|natuurlijk|tuurlijk|gewoon|eigenlijk|wss|waarschijnlijk|misschien|toch|nou|hoor|ok|oke|okee|ja|jaa|idk|i guess|i think|maybe|probably|lmao)(?=[\s,.]|$)/gi;

/** Chat spelling written out before we turn pronouns round. */
const CHAT: Record<string, string> = { mn: "mijn", "m'n": "mijn", mijne: "mijn", k: "ik", t: "het", "'t": "het", n: "een", "'n": "een", ff: "even", zn: "zijn", d: "de" };

/** Tidies free text: chat spelling written out, laughs and fillers and emoji gone, no end stop. */
export function tidy(text: string): string {
  const words = text
    .replace(/\p{Extended_Pictographic}|\uFE0F|[:;]-?[()DPp]/gu, " ")
    .replace(/[!?]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .map((w) => {
      const lower = w.toLowerCase().replace(/[.,]$/, "");
      const mapped = CHAT[lower];
      return mapped === undefined ? w : mapped + (w.endsWith(",") ? "," : "");
    });
  return words
    .join(" ")
    .replace(NOISE, " ")
    .replace(NOISE, " ")
    .replace(/\s+([,.])/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, "")
    .trim();
}

/** Words that start a clause with its verb at the end: "dat ik ... ga". */
const SUBORDINATORS = ["dat", "als", "omdat", "wanneer", "toen", "zodat", "terwijl", "voordat", "nadat"];

/** Irregular first persons and what they are for "je": "ik ben" is "je bent". */
const SECOND: Record<string, string> = {
  ben: "bent", heb: "hebt", kan: "kunt", wil: "wilt", zal: "zult", mag: "mag", moet: "moet", ga: "gaat", sta: "staat",
  doe: "doet", zie: "ziet", sla: "slaat", kom: "komt", word: "wordt", vind: "vindt", hou: "houdt", houd: "houdt",
  zit: "zit", weet: "weet", eet: "eet", loop: "loopt", was: "was", had: "had", kon: "kon", wou: "wou", zou: "zou",
};

/** "ik slaap" is "je slaapt": the stem gets a t, unless it already ends in one or is past tense. */
function secondPerson(verb: string): string {
  const v = verb.toLowerCase();
  if (SECOND[v]) return SECOND[v];
  if (/(t|te|de|den|ten)$/.test(v) || v.length < 2) return verb;
  return `${verb}t`;
}

const PRONOUNS_NL: Record<string, string> = { mijn: "je", mij: "je", me: "je", mezelf: "jezelf", mijzelf: "jezelf", ikzelf: "jijzelf" };
const PRONOUNS_EN: Record<string, string> = { my: "your", me: "you", myself: "yourself", mine: "yours", "i'm": "you're", im: "you're", am: "are" };
/** "me" is Dutch and English: in a sentence with another English first person it is "you". */
const ENGLISH_ONLY = new Set(["i", ...Object.keys(PRONOUNS_EN).filter((w) => w !== "me")]);

/**
 * The client's sentence from our side: "ik ben rustig en ik slaap goed" is "je bent rustig en je
 * slaapt goed"; "dan ga ik" is "dan ga je"; "mijn zus" is "je zus"; "my sister" is "your sister".
 */
export function fromYourSide(text: string, opts: { keepCase?: boolean } = {}): string {
  const words = tidy(text).split(" ");
  const inEnglish = words.some((w) => ENGLISH_ONLY.has(w.toLowerCase().replace(/[,.]$/, "")));
  const out: string[] = [];
  /** In "dat ik op tijd naar bed ga" the verb comes last: it gets its t at the end of the clause. */
  let verbLast = false;
  const endClause = () => {
    if (!verbLast) return;
    verbLast = false;
    const last = out.length - 1;
    const w = out[last] as string;
    const core = w.replace(/[,.]$/, "");
    if (last >= 0 && /^\p{Ll}+$/u.test(core) && core !== "je") out[last] = secondPerson(core) + w.slice(core.length);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const lower = w.toLowerCase().replace(/[,.]$/, "");
    const tail = w.slice(lower.length);
    const english = PRONOUNS_EN[lower];
    if (lower === "ik") {
      const next = words[i + 1];
      const prev = out.length ? (out[out.length - 1] as string).toLowerCase() : "";
      const subordinate = SUBORDINATORS.includes(prev.replace(/[,.]$/, ""));
      // After the verb ("dan ga ik") the verb stays; before it ("ik slaap") it gets its t.
      const inverted = out.length > 0 && !/[,.]$/.test(prev) && !["en", "maar", "want", "of"].includes(prev) && !subordinate;
      out.push(`je${tail}`);
      if (subordinate) verbLast = true;
      else if (!inverted && next !== undefined && /^\p{Ll}+$/u.test(next) && !["ook", "niet", "nog", "al", "wel", "dan", "even", "zelf"].includes(next)) {
        out.push(secondPerson(next));
        i++;
      }
      if (/[,.]$/.test(w)) endClause();
      continue;
    }
    if (verbLast && (["en", "maar", "want", "of"].includes(lower) || lower === "dan")) endClause();
    if (lower === "i") {
      out.push(`you${tail}`);
      continue;
    }
    const dutch = inEnglish && lower === "me" ? undefined : PRONOUNS_NL[lower];
    if (dutch) out.push(`${dutch}${tail}`);
    else if (english) out.push(`${english}${tail}`);
    else out.push(w);
    if (/[,.]$/.test(w)) endClause();
  }
  endClause();
  const said = out.join(" ");
  return opts.keepCase ? said : lowerFirst(said);
}

/** A sentence's capital goes when the words stand inside ours ("Werk vinden" → "werk vinden"); "UWV" stays. */
function lowerFirst(text: string): string {
  const [first = ""] = text.split(" ");
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Openings that say "I will", "I want": what follows is the thing itself. */
const INTENT_LEAD =
  /^(?:(?:dan|eerst|nou|ok|oke|en|ja|mja|tja|dus|eigenlijk|nja)\s+)*(?:ik\s+)?(?:(?:ga|wil|zou|zal|moet|kan|probeer|hoop|denk)\s+(?:ik\s+)?)(?:graag\s+|eerst\s+|echt\s+|ook\s+|dan\s+|gewoon\s+|proberen\s+(?:om\s+)?|wel\s+|even\s+)*(?:om\s+)?|^(?:i\s+(?:want|will|would like|wanna|need|have)\s+(?:to\s+)?|i'll\s+|i'd like to\s+)/i;

/**
 * What the client wants or will do, as a short phrase for "Je doel: ..." or "Je eerste stap: ...":
 * "Ik wil graag van mijn schulden af" is "van je schulden af"; "I want to find work" is "find work".
 */
export function asAim(text: string): string {
  // Of several sentences ("ik wil van die deurwaarder af. ben het zat"), the one that says what the client wants.
  const sentences = tidy(text).split(/(?<=[.!?])\s+/).map((x) => x.replace(/[.!?]+$/, ""));
  const t = sentences.find((x) => INTENT_LEAD.test(x)) ?? sentences[0] ?? "";
  let stripped = t.replace(INTENT_LEAD, "");
  // "mijn rijbewijs halen want dan kan ik ...": the aim, not the reason.
  stripped = stripped.split(/\s(?:want|omdat|because|zodat|so that)\s/i)[0] ?? stripped;
  const [clause = ""] = stripped.split(/,\s*/);
  if (stripped.split(" ").length > 8 && clause.split(" ").length >= 2) stripped = clause;
  // After "Ik wil" a capital is the client's own ("Kees bellen"); at the start it is the sentence's.
  return fromYourSide(stripped || t, { keepCase: stripped !== t && stripped !== "" });
}

const DAY_WORDS = [
  "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
const DAY_PHRASE = new RegExp(
  [
    "(?:volgende week |next week )?(?:op )?(?:" + DAY_WORDS.join("|") + ")(?:ochtend|middag|avond|morning|afternoon|evening)?",
    "overmorgen", "morgen(?:ochtend|middag|avond|vroeg)?", "vandaag", "vanavond", "vanmiddag", "tomorrow", "today", "tonight",
    "deze week", "volgende week", "this week", "next week", "het weekend", "dit weekend", "this weekend",
    "over (?:\\d+|een|twee|drie|vier) (?:dagen|dag|weken|week|days|weeks)",
    "\\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)",
    "\\d{1,2}[-/]\\d{1,2}(?:[-/]\\d{2,4})?",
  ].join("|"),
  "i",
);


/** Weekdays typed with one letter wrong ("zondg", "dinsdg") written right, so a summary never repeats a typo. */
function fixDayTypos(text: string): string {
  return text.replace(/\p{L}{5,}/gu, (w) => {
    const lower = w.toLowerCase();
    return DAY_WORDS.find((d) => d === lower || (d.slice(0, 2) === lower.slice(0, 2) && nearly(d, lower))) ?? w;
  });
}

/** The day words in a text ("zondag ofzo", "ik denk volgende week dinsdag"), or "" when it names none. */
export function dayIn(text: string): string {
  const m = DAY_PHRASE.exec(fixDayTypos(tidy(text)));
  return m ? m[0].toLowerCase().replace(/^op /, "") : "";
}

const PERSON = /\b(?:samen met|met|with|together with)\s+((?:mijn|je|my|your|onze|our)\s+\p{L}+(?:\s+\p{Lu}\p{L}+)?|\p{Lu}\p{L}+)/u;

/** Who helps, when the step names it, in the client's words: "de brief openen met mn zus" gives "mijn zus"; "met Kees" gives "Kees". */
export function helperIn(text: string): string {
  const t = tidy(text);
  return PERSON.exec(t)?.[1] ?? COMES_ALONG.exec(t)?.[1] ?? "";
}

/** "als mn broer meegaat", "if my sister helps": the person who comes along. */
const COMES_ALONG = /\b((?:[Mm]ijn|[Mm]y)\s+\p{L}+)\s+(?:mee gaat|meegaat|gaat mee|mee|helpt|erbij is|komt|belt mee|helps|comes)/u;

/** The step without the day and the helper the client put in it: "zondag de brief openen met mn zus" → "de brief openen". */
export function stepWithout(text: string): string {
  let t = fixDayTypos(tidy(text));
  t = t.replace(DAY_PHRASE, " ").replace(new RegExp(PERSON.source, "u"), " ").replace(new RegExp(ALONE_WORDS.source, "gi"), " ");
  t = t.replace(/\s+(dan|hoor|maar|wel)$/i, "").replace(/\s+/g, " ").replace(/\s+,/g, ",").replace(/,(\s*,)+/g, ",").replace(/^[\s,.]+|[\s,.]+$/g, "").replace(/\s+(en|and|samen)$/i, "");
  return asAim(t || text);
}

const ALONE_WORDS = /\b(alleen|zelf|in mijn eentje|in m'n eentje|alone|myself|on my own)\b/i;

/** The client does the step alone, said inside the step ("dat doe ik zelf wel"). */
export function aloneIn(text: string): boolean {
  return ALONE_WORDS.test(tidy(text)) && !PERSON.test(tidy(text));
}

/** A helper named in an answer to "who can help?": "mn zus natuurlijk haha" → "je zus"; "Kees van hiernaast" stays. */
export function personOf(text: string): string {
  const t = tidy(text);
  const m = /\b((?:[Mm]ijn|[Mm]y)\s+\p{L}+(?:\s+\p{Lu}\p{L}+)?)/u.exec(t);
  if (m?.[1]) return fromYourSide(m[1], { keepCase: true });
  const words = t.split(" ");
  return fromYourSide(words.length > 5 ? words.slice(0, 5).join(" ") : t, { keepCase: true });
}

/** Parts that only say when or how often ("vier dagen per week", "voor de zomer") are no problem of their own. */
/** Parts that name no problem: "van alles", "veel dingen". */
const VAGUE = /^(?:van alles|alles|veel|veel dingen|heel veel|dingen|everything|lots|a lot|many things)$/i;
const QUALIFIER = /^(?:voor|binnen|in|per|elke|iedere|every|by|before|within|\d|een|twee|drie|vier|vijf|zes|zeven)\b/i;

/**
 * The problems a rambling goal names, tidied ("mn schulden, werk vinden en mn huis is een puinhoop"
 * is three). Several only when there are three parts, or two of three words or more each.
 */
export function problemsIn(text: string): string[] {
  const parts = tidy(text)
    .split(/[,;\n]|\s(?:en|and|plus|ook|also)\s/i)
    .map((p) => p.replace(/^\s*(?:en|and|ook|also|en ook)\s+/i, "").trim())
    .filter((p) => /\p{L}{2,}/u.test(p) && !(QUALIFIER.test(p) && p.split(" ").length <= 6) && !VAGUE.test(p));
  const long = parts.filter((p) => p.split(" ").length >= 3).length;
  // One "ik wil ..." with the rest around it is one goal and its story, not a list of problems.
  if (parts.filter((p) => INTENT_LEAD.test(p) || /\b(wil|want)\b/i.test(p)).length === 1) return [];
  return parts.length >= 3 || (parts.length === 2 && long === 2) ? parts : [];
}

/** A part as a button label, in the client's words and at most 40 characters. */
export function asLabel(part: string): string {
  const t = tidy(part).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return t.length <= 40 ? t : `${t.slice(0, 39).replace(/\s+\S*$/, "")}…`;
}
