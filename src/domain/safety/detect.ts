/**
 * The crisis detector: Dutch (and English) as clients type it, normalised (normalise.ts), read
 * by rules that each stand for a kind of sentence (rules-self.ts, rules-others.ts). Pure, no
 * I/O, well under a millisecond for an ordinary message. Every alarm names its category and
 * the rule that fired, so a coach can see why.
 */
import { AT_HAND, SOON } from "./lexicon.js";
import { BOUNDARY, findAll, Matches, pattern, type Span } from "./match.js";
import { MODEL } from "./model-data.js";
import { DOUBT_THRESHOLD, MODEL_THRESHOLD, scoreModel } from "./model.js";
import { normalise } from "./normalise.js";
import type { Rule } from "./rule.js";
import { DANGER_NOW, OTHER_RULES } from "./rules-others.js";
import { SELF_RULES } from "./rules-self.js";
import type { CrisisCategory, CrisisSignal } from "./types.js";

export const RULES: readonly Rule[] = [...SELF_RULES, ...OTHER_RULES];

/** Most serious first: the answer leads with the first category found. */
const SERIOUSNESS: readonly CrisisCategory[] = ["danger", "overdose", "suicide", "selfharm", "sexual", "violence"];

/** Words that deny what follows ("ik wil niet dood", "nooit aan zelfmoord gedacht"). */
const NEGATORS = new Set(["niet", "nooit", "geen", "not", "never", "no", "nothing"]);
/** After a negator these keep the meaning: "niet meer" (no longer), "niet dat", "geen zin". */
const NOT_A_NEGATION_AFTER = new Set(["meer", "langer", "dat", "zomaar", "alleen", "eens", "zin", "any", "anymore"]);

/**
 * Sayings with a crisis word that hurt nobody. Their words are masked before any rule reads the
 * message, so "ik schaam me dood, maar ik wil echt dood" still alarms on its second half.
 */
const IDIOMS = pattern(
  [
    "schaam* ~ dood|lach* ~ dood|verveel* ~ dood|schrik* ~ dood|schrok* ~ dood|werk* ~ dood|zoek* ~ dood|erger* ~ dood|piekerde* ~ dood",
    "dood lachen|dood schamen|dood vervelen|dood schrikken|dood werken|dood ergeren|dood zoeken|dood gelachen|dood geschrokken|dood gewerkt",
    "dood van de honger|dood van de dorst|dood van de hitte|dood van de warmte|dood van de kou|dood van de verveling|dood van het lachen",
    "dood van de zenuwen|dood van de stress|dood van schaamte|dood van de schaamte|dood van de slaap|dood van de pijn|dood van nieuwsgierigheid",
    "sterf* van de honger|sterf* van de dorst|sterf* van de hitte|sterf* van de kou|sterf* van de verveling|sterf* van het lachen|sterf* van de pijn",
    "dood van honger|dood van dorst|dood van verveling|dood van het wachten",
    "accu ~ dood|batterij ~ dood|telefoon ~ dood|mobiel ~ dood|gsm ~ dood|laptop ~ dood|computer ~ dood|plant* ~ dood|lijn ~ dood|auto ~ dood",
    "dood spoor|dode hoek|dood punt|dood gewicht|dood kapitaal|dode letter|dooie boel|dood paard|dood water|dood tij|dode vis|dode mus",
    "over mijn lijk|over lijken|moord en brand|kogel door de kerk|gat in de lucht|spring ~ in de lucht|op de bank hangen|hang ~ op de bank",
    "dead tired|bored to death|scared to death|scared me to death|dying to|die laughing|dying laughing|killing it|killed it|kill for|kill time|killing time",
    "to die for|phone ~ dead|phone died|battery ~ dead|battery died|laptop died|this song ~ kills|you are killing me|killing me softly|dead inside lol",
    "dead end|deadline|dood lijn",
    "is ~ zelfmoord zo|is echt zelfmoord|is ~ pure zelfmoord|is zelfmoord|politieke zelfmoord|financiele zelfmoord|sociale zelfmoord|zelfmoordaanslag*|zelfmoordactie|zelfmoordmissie|suicide mission|suicide squad",
    "trek* ~ haren uit ~ hoofd|haren uit het hoofd|haren uit mijn hoofd|kan ~ wel wurgen|kan ~ wel vermoorden|kan ~ wel slaan|kan ~ wel schieten|kan ~ wel doodschieten|could kill him|could kill her|could strangle",
    "op zijn bek|op je bek|op haar bek|voor zijn kop|voor je kop|hooi op ~ vork|pak slaag ~ met kaarten|dood ~ van de stress",
  ].join("|"),
);
const MASK = "_";

function masked(tokens: string[]): string[] {
  for (const [s, e] of findAll(IDIOMS, tokens)) for (let i = s; i <= e; i++) tokens[i] = MASK;
  return tokens;
}

/** A message this long is read in full, but no further (a pasted book is not a crisis message). */
const MAX_CHARS = 20_000;

/** One place a rule fired. */
export interface Hit {
  rule: Rule;
  span: Span;
}

/** A match that starts with its subject: a negator before it belongs to what came before. */
const SUBJECTS = new Set(["ik", "i", "hij", "zij", "ze", "we", "wij", "he", "she", "they", "mijn", "my"]);

function negated(tokens: readonly string[], [start, end]: Span): boolean {
  const from = SUBJECTS.has(tokens[start] ?? "") ? start : Math.max(0, start - 3);
  for (let i = from; i <= end; i++) {
    const t = tokens[i];
    if (t === BOUNDARY) {
      if (i < start) continue;
      return false;
    }
    if (t !== undefined && NEGATORS.has(t) && !NOT_A_NEGATION_AFTER.has(tokens[i + 1] ?? "")) {
      // A boundary between the negator and the match means it belongs to another sentence.
      let crossed = false;
      for (let j = i + 1; j < start; j++) if (tokens[j] === BOUNDARY) crossed = true;
      if (!crossed) return true;
    }
  }
  return false;
}

function fires(rule: Rule, m: Matches): Span | null {
  const accept = (span: Span): boolean => {
    if (rule.unless && m.near(rule.unless, span, rule.reach)) return false;
    if (rule.notInside && m.of(rule.notInside).some(([s, e]) => s >= span[0] - 1 && e <= span[1] + 1)) return false;
    if (rule.negatable && negated(m.tokens, span)) return false;
    return true;
  };
  if (rule.scope === "clause") return m.together(rule.all, rule.window, accept);
  // The first `together` patterns in one clause, the others anywhere in the message, at distinct
  // places, none of them excepted.
  let first: Span | null = null;
  const used: Span[] = [];
  if (rule.together > 1) {
    first = m.together(rule.all.slice(0, rule.together), rule.window, accept);
    if (!first) return null;
    used.push(first);
  }
  for (const p of rule.all.slice(rule.together > 1 ? rule.together : 0)) {
    const span = m.of(p).find((sp) => accept(sp) && !used.some(([s, e]) => sp[0] <= e && sp[1] >= s));
    if (!span) return null;
    used.push(span);
    first ??= span;
  }
  return first;
}

/** Words of distress: without one of them the model raises no alarm and Koers does not ask. */
const DISTRESS = pattern(
  [
    "niet meer|nooit meer|kan niet|kan het niet|hou ~ niet ~ vol|houd ~ niet ~ vol|trek ~ niet|weet ~ niet meer|zwaar|moe|op $|klaar mee|zat $|het zat|beu",
    "geen zin|zinloos|geen hoop|hopeloos|uitzichtloos|pijn|bang|angst*|alleen|eenzaam|leeg|niks meer|niets meer|waardeloos|te veel|kapot|help|huil*|verdriet*",
    "somber|depress*|donker|wanhoop|wanhopig|ellende|rot|kut|shit|stress|paniek|gevaar|dood|sterven|weg|verdwijnen|einde|eind|stoppen|ophouden|slaan|slaat|pakken",
    "cant|cannot|tired|hopeless|alone|empty|worthless|too much|scared|afraid|pain|hurt|help|end|die|dead|gone|give up",
  ].join("|"),
);

/** Below this many tokens the model's counts are too few to go on alone. */
const SHORT = 8;
/** Above this many, its counts add up to noise: long messages are read by the rules only. */
const LONG = 120;

/** A call for help and nothing else: not clear enough for an alarm, too serious to ignore. */
const SOS = pattern("^ help $|^ help me $|^ help help|^ hulp $|^ sos $|^ help ~ alsjeblieft $|^ please help $|^ help mij $|^ red me $");

/** Stands for the model (model.ts) in the list of hits: its category is set per message. */
function modelRule(category: CrisisCategory, also: readonly CrisisCategory[]): Rule {
  return { id: `${category}.model`, category, all: [], window: 0, reach: 0, negatable: false, acute: "soon", scope: "message", together: 1, also };
}
const MODEL_RULES = new Map<string, Rule>();

/** The tokens the rules and the model read: normalised, idioms masked. */
export function crisisTokens(text: string): string[] {
  return masked(normalise(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text));
}

function read(text: string): { m: Matches; hits: Hit[]; evidence: string[] } {
  const m = new Matches(crisisTokens(text));
  const hits: Hit[] = [];
  if (m.tokens.length === 0) return { m, hits, evidence: [] };
  for (const rule of RULES) {
    const span = fires(rule, m);
    if (span) hits.push({ rule, span });
  }
  if (hits.length > 0) return { m, hits, evidence: [] };
  // No rule fired: the model may still know this way of saying it.
  // A short message needs a word of distress: "I don't know" is no crisis, whatever the counts say.
  const verdict = scoreModel(MODEL, m.tokens);
  if (m.tokens.length > LONG || verdict.score <= MODEL_THRESHOLD || (m.tokens.length < SHORT && m.of(DISTRESS).length === 0)) return { m, hits, evidence: [] };
  const key = verdict.categories.join(",");
  let rule = MODEL_RULES.get(key);
  if (!rule) MODEL_RULES.set(key, (rule = modelRule(verdict.category, verdict.categories.slice(1))));
  const where = verdict.evidence[0] ? m.tokens.indexOf(verdict.evidence[0].split(" ")[0]!) : 0;
  hits.push({ rule, span: [Math.max(0, where), Math.max(0, where)] });
  return { m, hits, evidence: verdict.evidence };
}

/** Every rule that fires on `text`, in rule order. For the detector and for explaining it. */
export function crisisHits(text: string): Hit[] {
  return read(text).hits;
}

const NOW = pattern(`${SOON.source}|${AT_HAND.source}`);

function acute(hit: Hit, m: Matches): boolean {
  if (hit.rule.acute === "always") return true;
  if (hit.rule.acute === "never") return false;
  const now = hit.rule.category === "violence" || hit.rule.category === "sexual" ? DANGER_NOW : NOW;
  return m.of(now).some(([s, e]) => s <= hit.span[1] + 12 && e >= hit.span[0] - 12);
}

/** A crisis that is over: "vroeger", "jaren geleden", "toen ik 20 was". */
const PAST = pattern(
  "vroeger|jaren geleden|jaar geleden|toen ik ~ was|vorig jaar|lang geleden|in het verleden|ooit|years ago|when i was|used to|destijds|als kind|als tiener|een tijd terug|tijd geleden",
);
/** ... and the writer says it is over now. */
const OVER_NOW = pattern(
  "heb rust|ik woon alleen|het is goed|is goed nu|gescheiden|is verwerkt|verwerkt|therapie ~ gehad|therapie voor gehad|goed leven|fijn leven|gelukkig leven|good life|woont nu in|woont ~ ver weg|woont ~ in het buitenland|ander land|is weg|uit beeld|geen contact meer|no contact|niet meer in mijn leven|doing well|stopped|gestopt|quit|i am well|doing good|nu gaat het goed|gaat ~ goed|gaat ~ beter|nu niet meer|al ~ jaar niet meer|doe het ~ niet meer|ben blij|ben veilig|ben trots|ben er trots|leeft nog|leeft niet meer|zit nu vast|zit vast|dankzij|ben er ~ doorheen|ben ~ er overheen|lieve man|lieve vrouw|i am safe|i am okay|i am fine|doing better|niet gelukt|gelukkig",
);
/** ... unless it is back: "en nu weer". */
const BACK_NOW = pattern(
  "nu weer|weer ~ zo|is ~ terug|komt ~ terug|begint ~ weer|weer ~ begonnen|denk ~ er weer|again|opnieuw|nu ook|sinds kort|deze week|vandaag|vannacht|vanavond|gisteren|nog steeds|nog altijd|still|nu wil|now i want",
);
/** "Zelfmoord? Nee joh." The word itself, denied. */
const DENIED = pattern("nee joh|nee hoor|zo erg ~ niet|niet zo erg|no no|geen zorgen|maak je geen zorgen|dont worry|do not worry|not like that");

/** Someone else's words: "mijn vriendin zegt dat ze niet meer wil leven". */
const REPORTED = pattern(
  "praat over|praat ~ over|heeft het over|vertelt over|talks about|zegt dat ze|zegt dat hij|zei dat ze|zei dat hij|zegt dat zij|vertelde dat ze|vertelde dat hij|says she|says he|said she|said he|told me she|told me he|schreef dat ze|schreef dat hij|appte dat ze|appte dat hij",
);

/** Asking how to help someone else: "een vriendin is verkracht, hoe kan ik haar steunen?" */
const HELPING_OTHER = pattern(
  "naar 113 verwezen|verwezen|bij haar gebleven|bij hem gebleven|hoe kan ik haar|hoe kan ik hem|wat kan ik doen om haar|wat kan ik doen om hem|hoe help ik|haar steunen|hem steunen|how can i help her|how can i help him|support her|support him|om haar te helpen|om hem te helpen|haar helpen|hem helpen",
);

function reported(h: Hit, m: Matches): boolean {
  if (h.rule.category !== "danger" && m.of(HELPING_OTHER).length > 0) return true;
  if (h.rule.category !== "suicide" && h.rule.category !== "selfharm") return false;
  return m.of(REPORTED).some(([s, e]) => m.clause[s] === m.clause[h.span[0]] && e < h.span[0] + 2 && s >= h.span[0] - 8);
}

function over(hits: readonly Hit[], m: Matches): boolean {
  if (m.of(OVER_NOW).length === 0 || m.of(BACK_NOW).length > 0) return false;
  return hits.every((h) => h.rule.category !== "danger" && m.of(PAST).some(([s, e]) => s <= h.span[1] + 12 && e >= h.span[0] - 12));
}

function denied(hits: readonly Hit[], m: Matches): boolean {
  return hits.every((h) => h.rule.id === "suicide.word") && m.of(DENIED).length > 0;
}

export function detectCrisis(text: string): CrisisSignal | null {
  const { m, hits: all, evidence } = read(text);
  const hits = all.filter((h) => !reported(h, m));
  if (hits.length === 0 || over(hits, m) || denied(hits, m)) return null;
  const now = hits.filter((h) => acute(h, m));
  const isAcute = now.length > 0;
  const found = new Set(hits.flatMap((h) => [h.rule.category, ...h.rule.also]));
  // Violence going on now, or an attacker here, is danger now as well: 112 first.
  if (now.some((h) => h.rule.category === "violence" || h.rule.category === "sexual")) found.add("danger");
  const categories = SERIOUSNESS.filter((c) => found.has(c));
  const category = categories[0]!;
  const lead = hits.find((h) => h.rule.category === category) ?? hits[0]!;
  return {
    category,
    categories,
    acute: isAcute,
    rule: lead.rule.id,
    matched: evidence.length > 0 ? evidence.join(", ") : m.tokens.slice(lead.span[0], lead.span[1] + 1).join(" "),
  };
}

/** A message that may be a crisis, but not clearly: Koers asks the client. */
export interface CrisisDoubt {
  /** The model's log odds (between DOUBT_THRESHOLD and MODEL_THRESHOLD). */
  score: number;
  category: CrisisCategory;
  categories: CrisisCategory[];
}

/**
 * Null when the message is clearly a crisis (detectCrisis says so) or clearly not; otherwise what
 * the model thinks it might be. Past-and-over, denied and someone else's words are not doubts.
 */
export function crisisDoubt(text: string): CrisisDoubt | null {
  if (detectCrisis(text)) return null;
  const tokens = crisisTokens(text);
  if (tokens.length === 0 || tokens.length > LONG) return null;
  const m = new Matches(tokens);
  if (m.of(SOS).length > 0) return { score: DOUBT_THRESHOLD, category: "danger", categories: ["danger"] };
  const verdict = scoreModel(MODEL, tokens);
  if (verdict.score <= DOUBT_THRESHOLD || verdict.score > MODEL_THRESHOLD) return null;
  if (m.of(DISTRESS).length === 0) return null;
  const rule = modelRule(verdict.category, verdict.categories.slice(1));
  const hit: Hit = { rule, span: [0, Math.max(0, tokens.length - 1)] };
  if (reported(hit, m) || m.of(HELPING_OTHER).length > 0 || over([hit], m)) return null;
  return { score: verdict.score, category: verdict.category, categories: verdict.categories };
}
