/**
 * Simple, explainable reading of free answers, used by flows to pick the next question.
 * Each function is a heuristic on purpose: a wrong guess only changes which gentle question
 * comes next, never what is saved.
 */
import { normalise, parseDate } from "./parse.js";
import { isUnclear, plain, readIntent } from "./readers.js";

export function words(text: string): string[] {
  const t = normalise(text);
  return t ? t.split(" ") : [];
}

const DONT_KNOW = [
  "weet ik niet", "weet niet", "ik weet het niet", "ik weet niet", "weet ik nog niet", "geen idee", "geen flauw idee",
  "niks", "niets", "nee", "geen", "nog niks", "nog niets", "idk", "i don't know", "dont know", "no idea", "nothing",
];

/** "weet ik niet", "niks", "geen idee": the client has no answer (yet). */
export function saysDontKnow(text: string): boolean {
  if (DONT_KNOW.includes(normalise(text))) return true;
  // "ik weet het echt niet", "weet ik eigenlijk niet": the same with a word for emphasis.
  const r = readIntent(text.replace(/\b(echt|really|eigenlijk|gewoon|ook|nu|zo|even)\b/gi, " "), { strict: true });
  return !isUnclear(r) && r.value === "dontKnow";
}

const NOTHING = /^(?:nee|nope|no|niks|niets|nix|geen|geen idee hoor|nothing|none|helemaal niks|helemaal niets|eigenlijk niks|niks eigenlijk|niks hoor|nee hoor|niet echt|nee niks|nee niet echt|no nothing|nothing really)$/;

/** "Niks", "nee hoor", "nothing": there is nothing (in the way, to add); not "weet ik niet". */
export function saysNothing(text: string): boolean {
  return NOTHING.test(plain(text));
}

/** No answer: "weet ik niet", or "niks eigenlijk", "nee niet echt". */
export function hasNoAnswer(text: string): boolean {
  return saysDontKnow(text) || saysNothing(text);
}

/** Fewer than four words, or no answer at all: a thin answer that needs an easier follow-up. */
export function isThin(text: string): boolean {
  return saysDontKnow(text) || words(text).length < 4;
}

/** Two or more options: separated by commas, semicolons, new lines, " of " or " en ". */
export function listsSeveral(text: string): boolean {
  return text.split(/[,;\n]| of | en | or | and /i).filter((part) => /\p{L}/u.test(part)).length >= 2;
}

const WHEN_WORDS =
  /\b(dag|dagen|week|weken|maand|maanden|jaar|zomer|winter|lente|voorjaar|herfst|najaar|kerst|binnen|eind|einde|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|month|year|summer|before|within)\b/;

/** The goal says by when: a day we can read, or a time word ("voor de zomer", "binnen een jaar"). */
export function hasWhen(text: string): boolean {
  const d = parseDate(text, new Date(0).toISOString());
  return d !== null || WHEN_WORDS.test(normalise(text));
}

const SIGN_WORDS = /\b(merk|merken|zie|zien|elke|iedere|keer|per|euro|uur|twee|drie|vier|vijf|every|times|notice)\b/;

/** The goal says how the client will notice it: a number, "elke week", "dan merk ik ...". */
export function hasSign(text: string): boolean {
  return /\d/.test(text) || SIGN_WORDS.test(normalise(text));
}

const OTHERS = [
  "hij", "zij", "ze", "hem", "haar", "hun", "iedereen", "anderen", "mensen", "de buren", "mijn vrouw", "mijn man",
  "mijn partner", "mijn vriend", "mijn vriendin", "mijn moeder", "mijn vader", "mijn kinderen", "mijn zoon", "mijn dochter",
  "de kinderen", "mijn baas", "de gemeente", "de sociale dienst", "het uwv", "de schuldeiser", "he", "she", "they", "them",
  "my wife", "my husband", "the council",
];
const SELF = ["ik", "me", "mij", "mezelf", "mijzelf", "mijn eigen", "m'n eigen", "i", "myself", "my own"];

function mentions(text: string, list: string[]): boolean {
  const t = ` ${normalise(text)} `;
  return list.some((w) => t.includes(` ${w} `));
}

/**
 * The answer only changes other people ("mijn vrouw is aardiger", "de gemeente laat me met rust"
 * counts as self because of "me"): mentions others and never "ik/me/mij/mijn eigen".
 */
export function aboutOthersOnly(text: string): boolean {
  return mentions(text, OTHERS) && !mentions(text, SELF);
}
