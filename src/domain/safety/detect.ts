/**
 * The crisis detector: Dutch (and English) as clients type it, normalised (normalise.ts), read
 * by rules that each stand for a kind of sentence (rules-self.ts, rules-others.ts). Pure, no
 * I/O, well under a millisecond for an ordinary message. Every alarm names its category and
 * the rule that fired, so a coach can see why.
 */
import { isOwnAnswerText } from "./answers.js";
import { AT_HAND, MEANS, POISON, QUANTITY, SOON, SUBSTANCE } from "./lexicon.js";
import { BOUNDARY, findAll, Matches, pattern, seq, type Acceptor, type Span } from "./match.js";
import { MODEL } from "./model-data.js";
import { DOUBT_THRESHOLD, MODEL_THRESHOLD, scoreBoth, type ModelVerdict, type Scorer } from "./model.js";
import { normalise } from "./normalise.js";
import type { Rule } from "./rule.js";
import { BUSY, DANGER_NOW, OTHER_RULES, SOMEONE_HERE } from "./rules-others.js";
import { LANGUAGE_RULES } from "./rules-languages.js";
import { FAREWELL, NOT_A_LIFE, ONE_DOSE, SELF_RULES } from "./rules-self.js";
import type { CrisisCategory, CrisisSignal } from "./types.js";

export const RULES: readonly Rule[] = [...SELF_RULES, ...OTHER_RULES, ...LANGUAGE_RULES];

/** Most serious first: the answer leads with the first category found. */
const SERIOUSNESS: readonly CrisisCategory[] = ["danger", "overdose", "suicide", "selfharm", "sexual", "violence"];

/** Words that deny what follows ("ik wil niet dood", "nooit aan zelfmoord gedacht"). */
const NEGATORS = new Set(["niet", "nooit", "geen", "not", "never", "no", "nothing"]);
/**
 * "niemand bedreigt me", "nobody hits me": nobody as the subject of the match denies it; anywhere
 * else it is no denial ("niemand helpt, ik wil dood", "ik heb niemand, hij slaat me").
 */
const NOBODY = new Set(["niemand", "nobody"]);
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
    "in de fik van de stress|in de fik van stress|in de fik van de zenuwen|dood van honger|dood van dorst|dood van verveling|dood van het wachten|dood aan verveling|dood aan de verveling|dood ~ aan verveling",
    "dood simpel|dood eenvoudig|dood normaal|dood makkelijk|dood gemakkelijk",
    // Living off benefits: "ik wil niet meer leven van een uitkering" is a goal.
    "leven van een uitkering|leven van de uitkering|leven van uitkering|leven van de bijstand|leven van bijstand|leef van een uitkering|leef van de uitkering|leef van de bijstand|live on benefits|live on welfare",
    "accu ~ dood|batterij ~ dood|telefoon ~ dood|mobiel ~ dood|gsm ~ dood|laptop ~ dood|computer ~ dood|plant* ~ dood|lijn ~ dood|auto ~ dood",
    "dood spoor|dode hoek|dood punt|dood gewicht|dood kapitaal|dode letter|dooie boel|dood paard|dood water|dood tij|dode vis|dode mus",
    "schilderij ~ ophangen|lamp ~ ophangen|was ~ ophangen|wasgoed ~ ophangen|foto* ~ ophangen|gordijn* ~ ophangen|plank* ~ ophangen|tv ~ ophangen|jas ~ ophangen|jassen ~ ophangen|poster* ~ ophangen|kerstballen ~ ophangen|kerstverlichting ~ ophangen|slingers ~ ophangen|vlag ~ ophangen|ophangen ~ schilderij|telefoon ~ ophangen|hing de telefoon op|hing ~ telefoon op|hing ~ de hoorn op|hoorn ~ opgehangen",
    "alsof er iemand met een mes|alsof ~ mes ~ in mijn buik|als een mes|like a knife|als een strop om ~ nek|als ~ strop om ~ nek|als een strop|like a noose|als messen|voelt alsof ~ steekt",
    "over mijn lijk|over lijken|moord en brand|kogel door de kerk|gat in de lucht|spring ~ in de lucht|op de bank hangen|hang ~ op de bank",
    "dead tired|bored to death|scared to death|scared me to death|dying to|die laughing|dying laughing|killing it|killed it|kill for|kill time|killing time",
    "to die for|phone ~ dead|phone died|battery ~ dead|battery died|laptop died|this song ~ kills|you are killing me|killing me softly|dead inside lol",
    "dead end|deadline|dood lijn",
    "sloeg ~ deur dicht|slaat ~ deur dicht|sloeg ~ deur ~ dicht|deur ~ dicht ~ geslagen|deur dichtgeslagen|er ~ dicht geslagen|dichtgeslagen|slammed the door|slams the door|de nek omgedraaid met|nek ~ omgedraaid ~ met die",
    "is ~ zelfmoord zo|is echt zelfmoord|is ~ pure zelfmoord|is zelfmoord|politieke zelfmoord|financiele zelfmoord|sociale zelfmoord|zelfmoordaanslag*|zelfmoordactie|zelfmoordmissie|suicide mission|suicide squad",
    // The normaliser splits compounds: "zelfmoordactie" is read as "zelfmoord actie".
    "zelfmoord actie|zelfmoord missie|zelfmoord aanslag*|zelfmoord terrorist*|zelfmoord squad|zelfmoord opdracht",
    "trek* ~ haren uit ~ hoofd|haren uit het hoofd|haren uit mijn hoofd|kan ~ wel wurgen|kan ~ wel vermoorden|kan ~ wel slaan|kan ~ wel schieten|kan ~ wel doodschieten|could kill him|could kill her|could strangle",
    // Sayings of pulling through, bursting, wearing out and dead ends: no danger in them.
    "loop ~ met mijn hoofd tegen de muur|liep ~ met mijn hoofd tegen de muur|lopen ~ met ~ hoofd tegen de muur|snijdt aan twee kanten|deur sloeg dicht|deur slaat dicht|deur ~ sloeg ~ dicht|is letterlijk zelfmoord|is gewoon zelfmoord|is echt zelfmoord",
    // Not "de stekker eruit, bij mezelf".
    `${seq("stekker ~ er uit bij|stekker ~ uit bij", "het|de|dat|die|een|ons|hun|mijn werk|mijn baan|mijn vriend|mijn vriendin|mijn relatie")}|`,
    "bijt* ~ er door heen|bijt* ~ erdoorheen|erdoorheen bijten|sta op springen|staat op springen|stond op springen|dood lopende|dood lopend|sloopt me|sloopt mij",
    "wel kunnen wurgen|wel kunnen vermoorden|wel kunnen slaan|wel kunnen schieten|wel kunnen doodschieten|gewurgd door ~ regels|gewurgd door ~ schulden|gewurgd door ~ rekeningen|gewurgd door ~ bureaucratie|gewurgd door ~ papierwerk",
    // Waking without it, and an end to a thing, said after a comma: "dat ik niet meer zo moe wakker word", "ik wil er een eind aan maken, aan die schulden".
    "niet meer ~ moe wakker|nooit meer ~ moe wakker|niet meer ~ gestrest wakker|niet meer ~ bang wakker|niet meer ~ met pijn wakker|niet meer ~ met stress wakker|niet meer ~ met zorgen wakker|niet meer ~ huilend wakker|niet meer ~ moe op",
    seq("eind ~ maken aan|einde ~ maken aan|eind aan|einde aan", "schuld*|schulden|relatie|ruzie|gedoe|verslaving|drank|roken|situatie|problemen|armoede|achterstand|gezeur|onzin|chaos|pesten|overlast|rommel"),
    "tot ~ nek in|tot mijn nek|tot over ~ oren|up to my neck|op zijn bek|op je bek|op haar bek|voor zijn kop|voor je kop|hooi op ~ vork|pak slaag ~ met kaarten|dood ~ van de stress",
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

/** Subjects that start a new clause after a negator ("het helpt niet, ik wil ..."; commas are not kept). */
const CLAUSE_SUBJECTS = new Set(["ik", "i", "hij", "zij", "ze", "we", "wij", "he", "she", "they"]);

/** A match that starts with its subject: a negator before it belongs to what came before. */
const SUBJECTS = new Set(["ik", "i", "hij", "zij", "ze", "we", "wij", "he", "she", "they", "mijn", "my"]);

/**
 * A negator right after the match denies it the Dutch way ("mijn man slaat me niet"), unless what
 * follows keeps it ("slaat me niet vaak", "niet alleen", "niet meer zo hard"). "Niet meer" after
 * being hurt or hurting oneself says it stopped ("ik snij niet meer", "hij slaat me niet meer");
 * after a wish ("ik wil niet meer") it is the wish itself, so only these categories read it so.
 */
const NEGATOR_AFTER = new Set(["niet", "not", "nooit", "never"]);
const OBJECTS = new Set(["me", "mij", "mezelf", "hem", "haar", "ons", "zich", "zichzelf", "myself", "him", "her", "us"]);
const KEEPS_AFTER_NEGATOR = new Set([...NOT_A_NEGATION_AFTER, "vaak", "altijd", "elke", "elk", "iedere", "hard", "echt", "zo", "heel", "zomaar", "eens", "always", "often", "really", "so", "that", "only", "just", "op", "in", "bij", "voor", "normaal", "te", "om", "omdat", "because", "to", "kunnen", "kan", "kon", "laten", "stoppen", "tegenhouden", "houden", "helpen", "waar", "als", "wanneer", "zodat", "zichtbaar", "where", "when", "if"]);
const STOPPED_BY_NIET_MEER = new Set<CrisisCategory>(["selfharm", "violence", "sexual"]);
const STILL_AFTER_NIET_MEER = new Set(["zo", "zoveel", "vaak", "elke", "elk", "iedere", "diep", "erg", "so", "as", "that", "in", "op", "aan", "bij", "met", "on", "with"]);

function negatedAfter(tokens: readonly string[], [start, end]: Span, category: CrisisCategory): boolean {
  if (!NEGATOR_AFTER.has(tokens[end + 1] ?? "")) return false;
  // Only a short match ending in a verb as said ("ik snij") or its object ("slaat me"): after a
  // participle or an infinitive the "niet" starts something new ("weer gesneden, niet boos
  // worden"), and in a long match it denies only its end ("nu moet ik gaan maar dan doe ik het niet").
  const last = tokens[end] ?? "";
  if (end - start > 3 || (!OBJECTS.has(last) && (last.startsWith("ge") || last.endsWith("en")))) return false;
  // "hij slaat me niet, maar hij gooit met dingen": what follows the "maar" is the point.
  for (let j = end + 2; j < tokens.length && tokens[j] !== BOUNDARY; j++) if (tokens[j] === "maar" || tokens[j] === "but" || tokens[j] === "wel") return false;
  const next = tokens[end + 2] ?? BOUNDARY;
  if ((next === "meer" || next === "langer" || next === "anymore") && STOPPED_BY_NIET_MEER.has(category)) {
    // "ik snij niet meer zo vaak" says it still happens.
    return !STILL_AFTER_NIET_MEER.has(tokens[end + 3] ?? BOUNDARY);
  }
  return !KEEPS_AFTER_NEGATOR.has(next);
}

/** A negator before or inside the match (`negatedAfter` is asked on its own). */
function negated(tokens: readonly string[], [start, end]: Span): boolean {
  if (NOBODY.has(tokens[start] ?? "") || NOBODY.has(tokens[start - 1] ?? "")) return true;
  const from = SUBJECTS.has(tokens[start] ?? "") ? start : Math.max(0, start - 3);
  for (let i = from; i <= end; i++) {
    const t = tokens[i];
    if (t === BOUNDARY) {
      if (i < start) continue;
      return false;
    }
    // "niet dat ik dood wil", "not that i want to die": the denial belongs to this match.
    if ((t === "niet" || t === "not") && (tokens[i + 1] === "dat" || tokens[i + 1] === "that") && SUBJECTS.has(tokens[i + 2] ?? "") && start <= i + 4) return true;
    // "het helpt niet, ik wil snijden": a negator followed by a new subject closed the clause before.
    if (t !== undefined && NEGATORS.has(t) && !NOT_A_NEGATION_AFTER.has(tokens[i + 1] ?? "") && !(i < end && CLAUSE_SUBJECTS.has(tokens[i + 1] ?? ""))) {
      // A boundary between the negator and the match means it belongs to another sentence.
      let crossed = false;
      for (let j = i + 1; j < start; j++) if (tokens[j] === BOUNDARY) crossed = true;
      if (!crossed) return true;
    }
  }
  return false;
}

/** Whether a place where a rule's patterns were found counts: no exception near, no negation. */
class RulePlace implements Acceptor {
  /** Whether a place was set aside only by a negator after it: only then can `negationAfter` false change the outcome. */
  deniedAfter = false;

  constructor(
    readonly rule: Rule,
    readonly m: Matches,
    readonly negationAfter: boolean,
  ) {}

  accepts(span: Span): boolean {
    const { rule, m } = this;
    if (rule.unless && m.near(rule.unless, span, rule.reach, rule.all)) return false;
    if (rule.notInside && m.of(rule.notInside).some(([s, e]) => s >= span[0] - 1 && e <= span[1] + 1)) return false;
    if (rule.negatable && negated(m.tokens, span)) return false;
    if (this.negationAfter && rule.negatable && negatedAfter(m.tokens, span, rule.category)) {
      this.deniedAfter = true;
      return false;
    }
    return true;
  }
}

/**
 * Where the rule fires, or null; with `negationAfter` false, also where a negator after it denied
 * it ("hij slaat me niet"). `denied` hears when a place was set aside only by such a negator.
 */
function fires(rule: Rule, m: Matches, negationAfter = true, denied?: (rule: Rule) => void): Span | null {
  // The first pattern of a rule is found in most messages nowhere: nothing more to do then.
  const head = rule.all[0];
  if (!head || m.of(head).length === 0) return null;
  const accept = new RulePlace(rule, m, negationAfter);
  const found = placeOf(rule, m, accept);
  if (!found && accept.deniedAfter) denied?.(rule);
  return found;
}

function placeOf(rule: Rule, m: Matches, accept: RulePlace): Span | null {
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
    const span = m.of(p).find((sp) => accept.accepts(sp) && !used.some(([s, e]) => sp[0] <= e && sp[1] >= s));
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

/** Particles, articles, pronouns and the verbs of an everyday answer: no meaning of danger of their own in a short answer. */
const PLAIN_ANSWER = new Set([
  "het", "de", "een", "maar", "wel", "zelf", "ook", "toch", "even", "eens", "en", "of", "dat", "dit", "die", "je", "jij", "u", "ik", "me", "mij", "we", "ze",
  "zeg", "zeggen", "kies", "doe", "weet", "vertel", "laat", "the", "a", "it", "and", "or", "just", "say", "tell", "choose",
  // Going on with the talk: "ik wil verder", "ga maar door".
  "wil", "graag", "verder", "door", "ga", "gaan", "ok", "oke", "go", "on",
]);
const plainAnswer = (feature: string) => feature.split(" ").every((w) => PLAIN_ANSWER.has(w));

/**
 * The writer says who it turned out to be, or why the visitor came, and nothing frightening:
 * "er staat iemand aan de deur.. oh is de pakketbezorger", "mn ex staat voor de deur, hij brengt
 * de kinderen terug". The model's counts of "staat voor de deur" are no alarm then; a rule that
 * names a danger still fires ("het is de postbode niet, hij heeft een mes").
 */
const CALLERS = "pakketbezorger|bezorger|postbode|pakketje|glazenwasser|buurman|buurvrouw|monteur|loodgieter|thuiszorg|wijkverpleging|meteropnemer|koerier|pizzabezorger|huisbaas|schoonmaker|mijn moeder|mijn zus|mijn broer|delivery|postman|neighbour|neighbor|courier|my mum|my mom|my sister|my brother|my friend";
const REASSURED = pattern(
  `${seq("turned out to be|it was just|was just|bleek het|bleek ~ te zijn|oh|o|ah|aha|gelukkig|pff|pfff|phew|bleek|gewoon|het is|het was|was maar|is maar|oh it is|turned out|ik denk|denk ik|waarschijnlijk|vast|zal wel|i think|probably", CALLERS)}|` +
    "brengt ~ kinderen ~ terug|brengt ~ kids ~ terug|komt ~ kinderen ~ brengen|kinderen ~ terugbrengen|komt ~ kinderen ~ halen|haalt ~ kinderen ~ op|kinderen ~ ophalen|kinderen op te halen|bringing the kids|picking up the kids",
);
/** Words that keep a reassured message worrying: drink, anger, threats, a weapon. */
const STILL_WORRYING = pattern("dronken|drunk|schreeuw*|boos|woedend|kwaad|dreig*|straatverbod|contactverbod|scheld*|mes|wapen|pistool|niet ~ open|durf ~ niet|knife|gun|angry|threat*");

/**
 * Money and its paperwork: a bailiff, a collection agency or an authority that threatens seizure,
 * a cut-off or a fine ("de deurwaarder dreigt met beslag, de brief ligt voor mijn deur"). The
 * model's counts of a threat at the door are no alarm of danger or violence then, unless someone
 * frightening is in it too (drink, anger, a weapon, not daring to open). A rule that names a
 * danger still fires; worry about debts with distress goes to the model's other kinds as before.
 */
const PAPER_THREAT = pattern(
  "deurwaarder*|incasso*|incassobureau|beslag*|beslaglegging|aanmaning*|belastingdienst|cjib|bekeuring*|boete*|afsluit*|afgesloten|huurachterstand|schuldeiser*|invordering*|dwangbevel|bailiff*|debt collector*",
);
/** STILL_WORRYING without threats: an authority's letter always threatens something. */
const STILL_WORRYING_PAPER = pattern("dronken|drunk|schreeuw*|boos|woedend|kwaad|scheld*|mes|wapen|pistool|niet ~ open|durf ~ niet|knife|gun|angry|slaan|slaat|sloeg|geslagen");

/**
 * Children playing: a pillow fight, toys, snowballs ("mijn zoon heeft zijn broertje geslagen met
 * een kussen"). The model's counts of hitting are no alarm then, unless drink, rage, a weapon or a
 * wound is in it too (HURT_IN_PLAY). A rule that names violence still fires.
 */
const PLAYING = pattern(
  "met een kussen|met kussens|kussen*gevecht|kussengevecht|met speelgoed|speelgoed*|nerf|waterpistool|sneeuwbal*|sneeuwballen|ballon*|stoeien|stoeit|spelen|spelletje|tikkertje|pillow*|toy|toys|playing",
);
/** A child's outing: the model's counts of danger ("in het water") are no alarm at a swimming lesson. */
const OUTING = pattern("zwemles|zwembad|zwemdiploma|speeltuin|pretpark|kinderboerderij|schoolreis*|swimming lesson",
);

/** What makes play no play: drink, rage, a weapon, blood or a wound, an adult hitting. */
const HURT_IN_PLAY = pattern("dronken|drunk|woedend|mes|wapen|pistool|riem|bijl|knuppel|schreeuw*|zwaai*|knife|gun|belt|bloed*|gewond|blauwe plek*|ziekenhuis|hij slaat mij|hij sloeg mij|slaat me|sloeg me|bang");

/**
 * Worry about work or a job search, said darkly ("ik ben 55 en niemand wil mij aannemen, wat moet
 * ik nog"), or about a seizure or a fine (PAPER_THREAT): what the model alone reads as suicide there is too unclear for an alarm and too
 * serious to ignore, so Koers asks (crisisDoubt). Not with a word of distress or of dying in it
 * ("mijn werk is weg, waarom zou ik nog blijven" stays an alarm).
 */
const SINGLE_DOSE = pattern(ONE_DOSE);
/** Gone for good, or a holiday said not to be it: "weg, voorgoed, niet op vakantie". */
const FOR_GOOD = pattern("niet terug|not be back|not coming back|never be back|voorgoed|voor altijd|for good|forever|nooit meer terug|never come back|niet op vakantie|geen vakantie|not on holiday");
/** Away on a beach or a holiday, or back in a while: "dan ben ik ineens weg, op een strand op Curaçao". */
const HOLIDAY = pattern("back in|be back|ben ~ terug over|terug over|tot over|op een strand|aan het strand|op het strand|aan zee|op vakantie|met vakantie|vakantie|in de zon|cocktail|curacao|bonaire|aruba|spanje|turkije|marokko|suriname|tropisch*|beach|holiday|vacation");
const WORK_WORRY = pattern("arbeidsmarkt|aannemen|aangenomen|sollicit*|afgewezen|afwijzing*|vacature*|baan|werk|werkgever*|uwv|cv|job|hire|hired|hiring|interview|werkloos|ontslag|ontslagen");

/**
 * Faith and trust said in few words ("God heeft een plan voor mij", "als Allah me roept dan ga ik,
 * maar eerst wil ik mijn kinderen groot zien worden"): what the model alone reads as suicide there
 * is asked about, not an alarm; a rule that reads a wish to die ("God mag me halen") still fires.
 */
const FAITH = pattern("god|allah|bid|bidden|gebed|gebeden|moskee|kerk|geloof|gelovig|inshallah|insjallah|alhamdulillah|amen|jezus|koran|bijbel|pray|prayer");

/** ... but not a prayer for forgiveness, a time or anything dark: "Allah vergeef mij voor wat ik vanavond ga doen". */
const NOT_TRUSTING = pattern("vergeef|vergeven|vergeving|forgive|sorry|spijt|ga doen|gaan doen|vanavond|vannacht|vandaag|straks|zo meteen|morgen|nu|tonight|today|now|laatste|afscheid|goodbye");

function trusting(m: Matches): boolean {
  return m.of(FAITH).length > 0 && m.of(NOT_TRUSTING).length === 0 && m.of(DARK).length === 0;
}

/**
 * Noise from the neighbours ("de buurman bonkt op de muur als de kinderen spelen") and trains or
 * buses that do not run ("de sneeuw houdt me hier, de trein rijdt niet"): what the model alone
 * reads as danger in a short message (WORRY_TOKENS) is no alarm, unless distress or someone
 * frightening is in it too. A rule that names a danger still fires; a long message says more.
 */
const NEIGHBOUR_NOISE = pattern(
  `${seq("buurman|buurvrouw|buren|bovenburen|onderburen|benedenburen|bovenbuurman|onderbuurman|neighbour|neighbours|neighbor|neighbors", "bonkt|bonken|bonst|bonzen|klopt|kloppen|stampt|stampen|boort|boren|herrie|lawaai|muziek|geluidsoverlast|overlast|bangs|banging|noise|music")}|geluidsoverlast`,
);
/**
 * A bump against the furniture: a head against a low cupboard. Only for what the model alone
 * reads as violence; "per ongeluk" is not in it, since that is also how self-harm is hidden.
 */
const BUMPED = pattern(
  `${seq("hoofd|kop|knie|teen|tenen|elleboog|head|knee|toe", "tegen ~ kastje|tegen ~ keukenkastje|tegen ~ kastdeur|tegen ~ deurpost|tegen ~ plafond|tegen ~ balk|tegen ~ schuine|on the cupboard|on the door frame")}|zo laag hangt|te laag hangt`,
);
const TRAVEL_TROUBLE = pattern(
  `${seq("trein|treinen|bus|bussen|tram|metro|ns|ov|vlucht|veerboot|train|trains|flight", "rijdt niet|rijden niet|reed niet|reden niet|gaat niet|gaan niet|ging niet|uitgevallen|valt uit|vallen uit|vertraging|vertraagd|storing|staking|staken|geannuleerd|not running|cancelled|canceled|delayed")}|sneeuw ~ houdt ~ me|door de sneeuw|door de ijzel|stuck in the snow`,
);

/** Work or paper worry is asked about only in a message this short: a long one says more than that. */
const WORRY_TOKENS = 30;

/** Below this many tokens the model's counts are too few to go on alone. */
const SHORT = 8;
/** The tokens the model counts: a masked idiom says nothing ("ik wil er een eind aan maken, aan die schulden" leaves "ik wil er een"). */
const wordsRead = (m: Matches) => m.tokens.reduce((n, t) => (t === MASK ? n : n + 1), 0);
/** Above this many, its counts add up to noise: long messages are read by the rules only. */
const LONG = 120;

/**
 * Overwhelmed, in a few words and nothing else ("het wordt me allemaal te veel", "ik hou het niet
 * meer vol"): no alarm, but Koers asks, whatever the model's counts of so few words say.
 */
const OVERWHELMED = pattern("wordt me ~ te veel|word ~ me ~ te veel|is me ~ te veel|het is ~ te veel|hou het niet meer vol|houd het niet meer vol|trek het niet meer|kan het niet meer aan|kan niet meer|it is too much|cannot take it");

/** ... but not of laughing, a full stomach, impatience or a website: "kan niet meer van het lachen", "ik kan niet meer wachten", "ik kan niet meer inloggen". */
const NOT_OVERWHELMED = pattern("lachen|gelachen|haha|lol|vol gegeten|zit vol|zit ~ vol|gegeten|toetje|wachten|inloggen|internet|wifi|app|website");

/** A call for help and nothing else: not clear enough for an alarm, too serious to ignore. */
const SOS = pattern("^ help $|^ help me $|^ help help|^ hulp $|^ sos $|^ help ~ alsjeblieft $|^ please help $|^ help mij $|^ red me $");

/** Stands for the model (model.ts) in the list of hits: its category is set per message. */
function modelRule(category: CrisisCategory, also: readonly CrisisCategory[]): Rule {
  // Danger is danger now by its definition, and an overdose is (as for the rules: rule.ts); for the
  // others the model's place in the message is no place at all, so a time or a means anywhere in
  // it makes the signal acute (see acute()).
  return { id: `${category}.model`, category, all: [], window: 0, reach: 0, negatable: false, acute: category === "danger" || category === "overdose" ? "always" : "soon", scope: "message", together: 1, also };
}
const MODEL_RULES = new Map<string, Rule>();

/** The tokens the rules and the model read: normalised, idioms masked. */
export function crisisTokens(text: string): string[] {
  return masked(normalise(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text));
}

/** The committed model (model-data.ts). Tools pass another to measure a model trained without a set. */
const COMMITTED: Scorer = (tokens) => scoreBoth(MODEL, tokens);

/** One message as the rules and the model read it. The model's verdict is asked for once. */
class Reading {
  readonly hits: Hit[] = [];
  evidence: string[] = [];
  /** The model read a crisis the words around it make unclear: asked about, no alarm. */
  askInstead = false;
  private scored: ModelVerdict | undefined;

  constructor(
    readonly m: Matches,
    private readonly scorer: Scorer,
  ) {}

  verdict(): ModelVerdict {
    return (this.scored ??= this.scorer(this.m.tokens));
  }
}

/**
 * The last message read: the bot asks detectCrisis and then crisisDoubt about the same text, and
 * crisisDoubt asks detectCrisis again. A reading is never changed after read() made it.
 */
let last: { text: string; scorer: Scorer; reading: Reading } | undefined;

function read(text: string, scorer: Scorer = COMMITTED): Reading {
  if (last && last.text === text && last.scorer === scorer) return last.reading;
  const reading = readFresh(text, scorer);
  last = { text, scorer, reading };
  return reading;
}

/**
 * Whether a rule read the words and found them denied by a negator right after them ("nee, mijn
 * man slaat me niet", "ik snij niet meer"; not "geen toekomst", whose negation is the crisis),
 * with no word of distress outside what it denied.
 */
function deniedByRules(m: Matches, deniedAfter: readonly Rule[], distress: readonly Span[]): boolean {
  // Only a rule that had a place set aside by a negator after it can fire without that check.
  for (const rule of deniedAfter) {
    const span = fires(rule, m, false);
    if (span && distress.every(([s, e]) => s >= span[0] && e <= span[1] + 2)) return true;
  }
  return false;
}

function readFresh(text: string, scorer: Scorer): Reading {
  const m = new Matches(crisisTokens(text));
  const r = new Reading(m, scorer);
  const hits = r.hits;
  if (m.tokens.length === 0) return r;
  const deniedAfter: Rule[] = [];
  const denied = (rule: Rule) => deniedAfter.push(rule);
  for (const rule of RULES) {
    const span = fires(rule, m, true, denied);
    if (span) hits.push({ rule, span });
  }
  if (hits.length > 0) return r;
  // No rule fired: the model may still know this way of saying it.
  // A short message needs a word of distress: "I don't know" is no crisis, whatever the counts say.
  const verdict = r.verdict();
  // A short message is too little to go on for an alarm from counts alone: Koers asks instead (crisisDoubt).
  if (m.tokens.length > LONG || verdict.score <= MODEL_THRESHOLD || wordsRead(m) < SHORT) return r;
  if (m.of(REASSURED).length > 0 && m.of(DISTRESS).length === 0 && m.of(STILL_WORRYING).length === 0) return r;
  // In these two checks "spullen te pakken" (what a bailiff comes for) and the Dutch "die" (not
  // the English word) are no words of distress.
  const distress = m.of(DISTRESS).filter(([s, e]) => !(s === e && (m.tokens[s] === "pakken" || m.tokens[s] === "die")));
  if ((verdict.category === "danger" || verdict.category === "violence") && m.of(PAPER_THREAT).length > 0 && distress.length === 0 && m.of(STILL_WORRYING_PAPER).length === 0) return r;
  if (verdict.category === "violence" && m.of(PLAYING).length > 0 && m.of(HURT_IN_PLAY).length === 0) return r;
  if (m.tokens.length <= WORRY_TOKENS && (m.of(NEIGHBOUR_NOISE).length > 0 || m.of(TRAVEL_TROUBLE).length > 0) && distress.length === 0 && m.of(STILL_WORRYING).length === 0) return r;
  if (verdict.category === "violence" && m.tokens.length <= WORRY_TOKENS && m.of(BUMPED).length > 0 && distress.length === 0 && m.of(STILL_WORRYING).length === 0) return r;
  if (verdict.category === "danger" && m.of(OUTING).length > 0 && m.of(HURT_IN_PLAY).length === 0) return r;
  // One pill for the pain, read by the counts alone: asked, not an alarm.
  // "veel pijn" is the pain the pill is for: neither the quantity nor the distress.
  const single = m.of(SINGLE_DOSE);
  const inSingle = ([s, e]: Span) => single.some(([a, b]) => a <= s && b >= e);
  if (verdict.category === "overdose" && single.length > 0 && distress.every(inSingle) && m.of(TO_DIE).length === 0 && m.of(QUANTITY).every(inSingle)) {
    r.askInstead = true;
    return r;
  }
  // Away on a beach: its "weg" is no word of distress.
  const awayOnHoliday = m.of(HOLIDAY).length > 0 && m.of(FOR_GOOD).length === 0 && distress.every(([s, e]) => s === e && m.tokens[s] === "weg");
  if (verdict.category === "suicide" && m.tokens.length <= WORRY_TOKENS && (((m.of(WORK_WORRY).length > 0 || m.of(PAPER_THREAT).length > 0 || trusting(m)) && distress.length === 0) || awayOnHoliday) && m.of(TO_DIE).length === 0) {
    r.askInstead = true;
    return r;
  }
  // "nee, mijn man slaat me niet": a rule of this kind read the words and found them denied; the
  // model, which counts words, is not heard over that, unless distress is said as well.
  if (deniedByRules(m, deniedAfter, distress)) return r;
  const key = verdict.categories.join(",");
  let rule = MODEL_RULES.get(key);
  if (!rule) MODEL_RULES.set(key, (rule = modelRule(verdict.category, verdict.categories.slice(1))));
  const where = verdict.evidence[0] ? m.tokens.indexOf(verdict.evidence[0].split(" ")[0]!) : 0;
  hits.push({ rule, span: [Math.max(0, where), Math.max(0, where)] });
  r.evidence = verdict.evidence;
  return r;
}

/** Every rule that fires on `text`, in rule order. For the detector and for explaining it. */
export function crisisHits(text: string): Hit[] {
  return [...read(text).hits];
}

/**
 * Danger now for oneself, beyond a time and a means at hand: sitting with the blade or rope
 * ("ik zit met een mesje in de badkamer"), a wound that will not stop or wants stitches, and a
 * goodbye that is the last message.
 */
const SELF_NOW = pattern(
  "zit ~ met ~ mes|zit ~ met ~ mesje*|zit ~ met ~ scheermes*|zit ~ met ~ touw|zit hier ~ met|lig ~ met ~ scheermes*|lig in bad met|sit ~ with ~ knife|sitting ~ with ~ knife|" +
    "gehecht|hechten|hechting*|blijft ~ bloeden|doorbloeden|niet ~ stoppen met bloeden|stopt niet met bloeden|krijg het niet gestopt|gaapt|eerste hulp|spoedeisende hulp|te diep|dieper dan anders|" +
    "laatste bericht|mijn laatste bericht|iedereen ~ gedag gezegd|afscheid genomen|last message|said goodbye",
);
const NOW = pattern(`${SOON.source}|${AT_HAND.source}`);
/**
 * Violence going on as it is written: "hij is aan het slaan", the writer hiding or locked in a
 * room, blood now (not things thrown "als hij boos is": that is how it goes, not what goes on).
 */
const VIOLENCE_NOW = pattern(
  "is ~ aan het slaan|aan het slaan|slaat ~ nu|zit ~ in de kast|zitten ~ in de kast|zit ~ op de wc|zit ~ opgesloten|opgesloten in|heb me opgesloten|sleutel ~ meegenomen|sleutel ~ afgepakt|sleutels afgepakt|zit onder de tafel|zit met de kinderen|zitten met de kinderen|ik bloed|bloed uit|kan nie opstaan|kan niet opstaan|locked in|locks the door|im in the bathroom",
);

function acute(hit: Hit, m: Matches): boolean {
  if (hit.rule.acute === "always") return true;
  if (hit.rule.acute === "never") return false;
  const others = hit.rule.category === "violence" || hit.rule.category === "sexual";
  // Each list is looked for on its own, so that a longer phrase of one cannot hide a nearer word of the other.
  return (others ? [DANGER_NOW, VIOLENCE_NOW] : [NOW, SELF_NOW]).some((now) => (hit.rule.all.length === 0 ? m.of(now).length > 0 : m.of(now).some(([s, e]) => s <= hit.span[1] + 12 && e >= hit.span[0] - 12)));
}

/** Drugs or pills taken, for an emergency that is an overdose too. */
const DRUG_TAKEN = pattern(`${SUBSTANCE.source}|${POISON.source}|speed|lachgas|ballon|ballonnen|mdma|ketamine|keta|vaatwastablet*|vaatwasblok*|wasmiddelcapsule*|schoonmaakmiddel*|schoonmaak fles|geslikt|ingeslikt|ingenomen|opgedronken|te veel genomen|teveel genomen|te veel ingenomen|iets genomen|iets ingenomen|iets geslikt|gespoten|gesnoven|over op g|op g|jenever|drank ~ pillen|pillen ~ drank|heroine|coke`);

/** A dose taken already (not pills kept or counted): "ik heb ze allemaal geslikt", "vol gespoten". */
const DOSE_TAKEN = pattern("ingenomen|genomen|geslikt|ingeslikt|gespoten|vol gespoten|volgespoten|opgegeten|leeggegeten|leeg gegeten|opgedronken|opgemaakt|took|swallowed|overdosed");
/** Taken to die: "omdat ik niet meer wil", "het maakt niet meer uit". */
const TO_DIE = pattern("niet meer wil|wil niet meer|wil dood|dood wil|maakt ~ niet meer uit|niet meer wakker|nooit meer wakker|voor altijd slapen|klaar mee|hoeft niet meer|afscheid|om dood te gaan|want to die|do not want to wake");

/** Words that put a danger at home: a partner, an ex, family, a quarrel. */
const HOME_CONTEXT = pattern(
  "mijn man|mijn vrouw|mijn vriend|mijn vriendin|mijn partner|mijn ex|ex lief|mijn exlief|mijn vader|mijn stiefvader|mijn moeder|mijn broer|mijn schoonvader|" +
    "mijn zoon|mijn dochter|mijn zus|mijn stiefmoeder|mijn schoonmoeder|mijn oom|mijn kleinzoon|mijn neef|my son|my brother|my mother|my mom|" +
    "mijn schoonfamilie|mijn zwager|mijn schoonzus|mijn opa|mijn stiefzoon|mijn stiefdochter|mijn ouders|mijn vriendje|mijn lief|mijn verloofde|mijn echtgenoot|mijn echtgenote|vader van mijn|moeder van mijn|mijn exman|mijn exvrouw|my wife|my girlfriend|my stepdad|my stepfather|my uncle|my parents|" +
    "als we ruzie|ruzie hebben|ruzie maken|we hebben ruzie|thuis|bij ons thuis|my husband|my boyfriend|my ex|my partner|my dad|my father|at home",
);

/** Someone else about to jump or fall: danger now, not from the family around them. */
const ON_EDGE = /^danger\.(someone-on-edge|someone-jumping)$/;

function onEdgeOnly(hits: readonly Hit[]): boolean {
  return hits.some((h) => ON_EDGE.test(h.rule.id)) && !hits.some((h) => h.rule.category === "danger" && !ON_EDGE.test(h.rule.id));
}

/** People fighting or threatening with a weapon, now. */
const FIGHT = pattern("vecht*|vechtpartij|steekpartij|gestoken|neergestoken|geschoten|te dreigen|staat ~ dreigen|fighting|stabbed|stabbing");
/** A blade, for thoughts of dying by cutting. */
const BLADE = pattern("mesje*|scheermes*|razor*|blade*|snijden|snij|krassen|kras");

/** A crisis that is over: "vroeger", "jaren geleden", "toen ik 20 was". */
const PAST = pattern(
  "vroeger|geleden|ago|in die tijd|die tijd dat|de tijd dat|in de tijd dat|toen we ~ klein waren|toen ik ~ klein was|when i was little|when we were little|that time when|toen ik ~ zat|toen ik in ~ zat|toen ik nog|in de jaren|in the eighties|in the nineties|toen we samen waren|op de basisschool|op de middelbare|vorige winter|vorige zomer|in 19*|in 200*|in 201*|in 2020|in 2021|in 2022|in 2023|in 2024|jaren geleden|jaar geleden|toen ik ~ was|toen zat ik|toen dacht ik|toen wilde ik|toen was ik|back then|as a teen|as a kid|in my teens|als puber|in mijn tienertijd|mijn tienerjaren|vorig jaar|lang geleden|in het verleden|ooit|years ago|jaren terug|jaar terug|tijd terug|toen mijn ~ stierf|toen mijn ~ overleed|toen ~ overleed|toen ~ stierf|jaar ~ terug|ik was ~ toen ik|was ik ~ toen|eerste huwelijk|vorige relatie|vorig huwelijk|mijn vorige man|mijn vorige vrouw|voor het laatst wilde|when i was|used to|destijds|als kind|als tiener|een tijd terug|tijd geleden|op mijn ~ e|op mijn ~ ste|jaar van hem af|jaren van hem af|jaar van haar af|jaar bij hem weg|jaar weg bij hem|in het kamp|op de vlucht|tijdens de vlucht|in de oorlog|in high school|op de middelbare school",
);
/** ... and the writer says it is over now. */
const OVER_NOW = pattern(
  "heb rust|better place now|much better now|therapy ~ helped|helped a lot|bijna nooit meer|nu nooit meer|nu bijna niet meer|nu bijna nooit|dat het goed gaat|het goed gaat|rust gekomen|is er rust|er is rust|ben er ~ vanaf|ben ervan af|ben er ~ van af|ik woon alleen|het is goed|is goed nu|gescheiden|is verwerkt|verwerkt|therapie ~ gehad|therapie voor gehad|goed leven|fijn leven|gelukkig leven|good life|woont nu in|woont ~ ver weg|woont ~ in het buitenland|ander land|is weg|uit beeld|geen contact meer|no contact|niet meer in mijn leven|doing well|stopped|gestopt|quit|i am well|doing good|nu gaat het goed|gaat ~ goed|gaat ~ beter|nu niet meer|al ~ jaar niet meer|doe het ~ niet meer|ben ~ blij|ben veilig|ben trots|ben er trots|leeft nog|leeft niet meer|zit nu vast|zit vast|dankzij|ben er ~ doorheen|ben ~ er overheen|lieve man|lieve vrouw|i am safe|i am okay|i am fine|doing better|niet gelukt|gelukkig|best goed|veel beter|heel goed|beter nu|nu beter|woon ~ veilig|veilig ~ woon|jaar veilig|jaren veilig|nu ~ jaar ~ veilig|al ~ jaar ~ veilig|nu veilig|ben nu veilig|been fine|fine for years|fine now|ok now|okay now|niet eens meer|al jaren niet|al ~ jaar ~ niet|al ~ jaren ~ clean|clean|vaste psycholoog|word ik blij|blij van|al jaren goed|jaren goed|hertrouwd|getrouwd|van hem af|van haar af|is ~ veranderd|echt veranderd|sindsdien ~ niet meer|sindsdien ~ niks meer|sindsdien ~ nooit meer|we zijn ~ blij|zijn allebei blij|weer vrienden|zijn nu maten|helpt goed|helpt ~ goed|geen last meer|hersteld|behandeld|al jaren niet meer|al jaren ~ niet meer|ervaringsdeskundige|echte vrienden|nu heb ik een|nu heb ik werk|nu heb ik echte|gaat ~ nu ~ beter|gaat ~ nu ~ goed|gebruik ~ niks meer|gebruik ~ niets meer|doe het ~ jaren niet meer|recovered|in recovery|sober|al lang voorbij|lang voorbij|is voorbij|afgelopen sinds|is afgelopen|eindelijk veilig|voel me ~ veilig|nu teken ik|nu heb ik een nieuw|" +
    "ben ik blij|ben ik ~ blij|blij dat ik ~ nog|ben ik gelukkig|ben ik trots|ben ik veilig|voel ik me ~ veilig|voel ik me ~ goed|gaat het ~ goed|gaat het ~ beter|" +
    "woon ~ alleen|woon ~ jaar alleen|woont in een andere stad|in een andere stad|ben nu sterk|ben ~ jaar weg|al ~ jaar weg|het is veilig|is ~ nu veilig|al ~ voorbij|al ~ jaar voorbij|al jaren voorbij|nog steeds clean|nog altijd clean|still clean|still sober|jaar ~ clean vandaag|jaar clean|" +
    "er vandaag aan denken|er vandaag aan gedacht|moest er vandaag aan|dacht er vandaag aan|niet meer bang|nooit meer bang|not scared anymore|fijn huis|eigen huis|doing great|nu is het goed|nu is het good|is het nu goed|heeft me gered|hebben me gered|heb ik rust|nu ~ rust|vrede mee|vrede mee gesloten|dat is over|is ~ over nu|weer plezier|nu help ik|help ik nu|vier het ~ vandaag|vieren het ~ vandaag|vier het|vieren het|is een schat|nieuwe man|nieuwe vriend|tweede man|ben er nog|ben ik er nog|" +
    "woon ~ veilig|woon ~ jaren veilig|al lang weg|is al lang weg|is nu ~ weg|is ~ echt weg|jaar nuchter|jaar ~ nuchter|nu ~ nuchter|herstelgroep|helpt ~ anderen|ervaringsdeskundig*|" +
    "nu ga ik hardlopen|nu ga ik sporten|nu ga ik wandelen|nu ren ik|nu doe ik|in plaats daarvan|instead i|" +
    "goed contact|bloeit ~ op|is afgerond|zaak ~ afgerond|afgesloten|have not in|have not since|not since|schaam me ~ niet meer|schaam me er niet meer|niks gehoord|niets gehoord|niks meer gehoord|niets meer gehoord|nu weet ik wat ik|weet ik wat ik moet doen|alles is oke|alles is ok|alles is goed|wordt minder|het wordt minder|nieuw huis|nieuwe woning|ander huis|" +
    // "weer" is back ("nu doe ik het weer"), but not in these: "ik heb weer een doel".
    "drink ~ niks meer|drink ~ niets meer|drink ~ geen druppel|is dat ~ weg|is het ~ weg|zijn ze ~ weg|zijn die ~ weg|is dat ~ over|" +
    "weer een doel|weer werk|weer plannen|weer een ritme|weer ritme|weer vrienden|weer een baan|weer hoop|weer zin|weer rust|weer contact|weer een leven|weer blij|weer gelukkig",
);
/** ... unless it is back: "en nu weer". */
const BACK_NOW = pattern(
  "nu weer|weer|sinds vorige week|sinds gisteren|sinds een paar dagen|sinds deze week|in mijn hoofd niet|maar in mijn hoofd|is ~ terug|komt ~ terug|begint ~ weer|weer ~ begonnen|denk ~ er weer|again|opnieuw|nu ook|sinds kort|deze week|vandaag|vannacht|vanavond|gisteren|nog steeds|nog altijd|still|nu wil|now i want",
);
/** "Zelfmoord? Nee joh." The word itself, denied. */
const DENIED = pattern("nee joh|nee hoor|zo erg ~ niet|niet zo erg|no no|geen zorgen|maak je geen zorgen|dont worry|do not worry|not like that");
/** A plain no, as the answer to a question. */
const SAID_NO = pattern("nee joh|nee hoor|nee echt niet|nee zeker niet|no no|nope");
/** ... said to reassure: only then does a no set aside what the model alone read ("nee hoor, het gaat niet" is no denial). */
const REASSURING = pattern("geen zorgen|maak je geen zorgen|hoef je ~ niet ~ zorgen|niks aan|niets aan|gaat goed|gaat wel goed|het gaat wel|ik ben oke|ik ben ok|dont worry|do not worry|i am fine|i am ok");

/** Someone else's words: "mijn vriendin zegt dat ze niet meer wil leven". */
const REPORTED = pattern(
  "praat over|praat ~ over|heeft het over|vertelt over|talks about|zegt dat ze|zegt dat hij|zei dat ze|zei dat hij|zegt dat zij|vertelde dat ze|vertelde dat hij|says she|says he|said she|said he|told me she|told me he|schreef dat ze|schreef dat hij|appte dat ze|appte dat hij",
);

/** Asking how to help someone else: "een vriendin is verkracht, hoe kan ik haar steunen?" */
const HELPING_OTHER = pattern(
  "naar 113 verwezen|verwezen|bij haar gebleven|bij hem gebleven|hoe kan ik haar|hoe kan ik hem|wat kan ik doen om haar|wat kan ik doen om hem|hoe help ik|haar steunen|hem steunen|how can i help her|how can i help him|support her|support him|om haar te helpen|om hem te helpen|haar helpen|hem helpen",
);

/** Someone else, the one the message is about. */
const OTHER_PERSON = pattern(
  "mijn vriendin|mijn vriend|een vriendin van mij|een vriend van mij|een klasgenoot|klasgenoot|mijn klasgenoot|mijn buurvrouw zegt|haar man|haar vriend|zijn vrouw|mijn beste vriendin|mijn beste vriend|mijn broer|mijn zus|mijn neef|mijn nicht|mijn buurvrouw|mijn buurman|mijn buurjongen|mijn buurmeisje|" +
    "mijn collega|een collega|mijn moeder|mijn vader|mijn zoon|mijn dochter|mijn oom|mijn tante|mijn oma|mijn opa|mijn kamergenoot|mijn huisgenoot|mijn ex vriendin|mijn exvriendin|" +
    "een vriendin|een vriend|iemand|de buurkinderen|de buren|my friend|a friend|my roommate|my brother|my sister|my mom|my dad|someone|a colleague",
);
/** A question for advice or information: what to do, where to go, which number. */
const ASKING = pattern(
  "wat moet ik doen|wat kan ik doen|ik wil helpen|wil ~ helpen maar|wat moet ik met|waar kan ze|waar kan hij|hoe krijg ik hem|hoe krijg ik haar|hoe kan ze|advies krijgen|wat moet ik|hoe kan ik|hoe help ik|hoe praat ik|moet ik ~ zorgen maken|moet ik het|moet ik iemand|kan ik dat melden|waar kan ik|waar moet ik|" +
    "wat is het nummer|welk nummer|welke signalen|heb ik het goed gedaan|met wie kan ze|met wie kan hij|kan zij daarheen|kan hij daarheen|wat is het centrum|klopt het dat|" +
    "what should i do|how can i|how do i help|what number|asking for|is that normal|is dat normaal",
);
/** The writer as the one it happens to. */
const FIRST_PERSON = new Set(["ik", "me", "mij", "mezelf", "mijzelf", "i", "myself", "ons", "we", "wij"]);

/** A message about someone else, asking what to do: "mijn vriendin snijdt zichzelf, wat moet ik doen?" */
function aboutSomeoneElse(h: Hit, m: Matches): boolean {
  if (h.rule.category === "danger" || m.of(OTHER_PERSON).length === 0 || m.of(ASKING).length === 0) return false;
  for (let i = Math.max(0, h.span[0] - 3); i <= h.span[1]; i++) if (FIRST_PERSON.has(m.tokens[i] ?? "")) return false;
  return true;
}

/** A message about a book, a lesson, a song, the news: a crisis word there is not the writer's crisis. */
const LEARNING = pattern(
  "les over|een les|lezing|voorlichtingsavond|leesclub|theater|toneel|een stuk over|voorstelling|casus|opleiding|uitzending|training van|cursus over|cursus|ehbo|leerden|workshop|werkstuk|spreekbeurt|paper over|presentatie over|" +
    "hoe werkt|wat is een|hoe herken ik|signalen van|wat moet je doen bij|wat doe je bij|voor mijn werk|ik ben trainer|zeg mijn oma altijd|zegt mijn oma altijd|zegt mijn moeder altijd|" +
    "liedje|liefdesliedje|songtekst|op repeat|het nummer|boek|roman|film|serie|documentaire|docu|podcast|nieuws|journaal|artikel|school over|biologie|voorlichting|" +
    "folder|flyer|krant|stond in de|waar kan iemand|waar kan je|waar kun je|waar je terecht|is het waar dat|vroeg waar|vroeg of",
);
const WORD_RULE = /\.(word|home-word)$/;

/** No "ik", "me", "mij" in the words just before and just after the hit: it is about someone else. */
function withoutWriter(m: Matches, [start, end]: Span): boolean {
  for (let j = Math.max(0, start - 8); j <= Math.min(m.tokens.length - 1, end + 3); j++) {
    if (m.tokens[j] === BOUNDARY && j > end) break;
    // "een vriendin van mij": the writer only names whose friend it is.
    if (FIRST_PERSON.has(m.tokens[j]!) && m.tokens[j - 1] !== "van") return false;
  }
  return true;
}

/** Someone else's story told on: "mijn collega vertelde dat haar dochter is aangerand". */
const TOLD = pattern("vertelde dat|vertelde me dat|vertelt dat|zei dat|zegt dat|hoorde dat|heb gehoord dat|las dat|stond in de krant|in de krant|op het nieuws|told me that|heard that");

/** A child, by a word or an age under 18 ("ze is 9", "van 6 jaar", "mijn dochter 16", "zoon (14)"). */
const CHILD = pattern("kind|kindje|kinderen|baby|peuter|kleuter|kleintje|basisschool|zoontje|dochtertje|jongetje|tiener|puber|child|kid|kids");
const AGE_BEFORE = new Set(["is", "van", "pas", "nog", "aged", "age", "dochter", "zoon", "nichtje", "neefje", "kleindochter", "kleinzoon", "stiefdochter", "stiefzoon", "daughter", "son"]);

function childNamed(m: Matches): boolean {
  if (m.of(CHILD).length > 0) return true;
  return m.tokens.some((t, i) => /^\d{1,2}$/.test(t) && Number(t) < 18 && (AGE_BEFORE.has(m.tokens[i - 1] ?? "") || m.tokens[i + 1] === "jaar" || m.tokens[i + 1] === "jr"));
}

/** Someone else now past waking, breathing or answering: an emergency, whoever writes. */
const NOT_WAKING = pattern("ligt ~ te schokken|ligt ~ schokken|schokt ~ helemaal|stuipen|wordt niet wakker|niet wakker|reageert niet|bewusteloos|ademt niet|ademt ~ raar|wordt blauw|snurkt ~ raar|schuim|praat ~ raar|praat ~ vreemd|praat ~ onduidelijk|praat ~ langzaam|ogen ~ dicht|ogen gaan dicht|valt ~ in slaap|kan ~ niet ~ op ~ benen|valt ~ steeds ~ weg|not waking|unconscious|not breathing|talks ~ strange");

/** What the writer saw or read in the news, told on: "ik zag op het journaal dat een moeder ...". */
const NEWS = pattern("op het journaal|op het nieuws|in het nieuws|in de krant|zag ~ op tv|zag ~ op televisie|zag ~ op tiktok|zag ~ op youtube|las ~ op|las ~ in|on the news|saw on");

/** The hit told after a word of the news, with no "ik" between: someone else's deed that was reported. */
function inTheNews(h: Hit, m: Matches): boolean {
  return m.of(NEWS).some(([, e]) => {
    if (e >= h.span[0] || h.span[0] - e > 10) return false;
    for (let j = e + 1; j <= h.span[1]; j++) if (FIRST_PERSON.has(m.tokens[j]!) || m.tokens[j] === BOUNDARY) return false;
    return true;
  });
}
/** Someone named by a relative clause: "iemand die van het dak wilde springen". */
const SOMEONE_WHO = pattern("iemand die|een man die|een vrouw die|een jongen die|een meisje die|mensen die|een kind die|een klant die|someone who|a man who|a woman who|people who");

/** A pet, the one that ate or swallowed it: "de kat had rattengif gegeten". */
const ANIMAL = pattern("kat|poes|kater|hond|hondje|puppy|kitten|konijn|cavia|hamster|vogel|parkiet|paard|dierenarts|cat|dog|vet");

/** An overdose told of a pet, in the same clause before it, with no "ik" between. */
function ofAnAnimal(h: Hit, m: Matches): boolean {
  return m.of(ANIMAL).some(([s, e]) => {
    if (m.clause[s] !== m.clause[h.span[0]] || e >= h.span[0] || h.span[0] - e > 8) return false;
    for (let j = e + 1; j < h.span[0]; j++) if (FIRST_PERSON.has(m.tokens[j]!)) return false;
    return true;
  });
}

/** A pet's scratches: "de kat heeft me gekrabd, hele arm vol krassen". */
const SCRATCHED = pattern("kat ~ gekrabd|poes ~ gekrabd|kitten ~ gekrabd|kater ~ gekrabd|gekrabd door ~ kat|gekrabd door ~ poes|kat ~ krabt|poes ~ krabt|kat ~ krabde|poes ~ krabde|cat ~ scratched|scratched by ~ cat");

/** Kinds of sentence that are about someone else by what they say: never set aside as reported. */
const OF_SOMEONE_ELSE = new Set(["selfharm.child", "overdose.someone-fitting"]);

function reported(h: Hit, m: Matches): boolean {
  if (OF_SOMEONE_ELSE.has(h.rule.id)) return false;
  if (h.rule.category === "overdose" && ofAnAnimal(h, m)) return true;
  if (h.rule.category === "selfharm" && m.of(SCRATCHED).length > 0 && m.tokens.slice(h.span[0], h.span[1] + 1).some((t) => t.startsWith("kras") || t === "gekrast")) return true;
  if (WORD_RULE.test(h.rule.id) && m.of(LEARNING).length > 0) return true;
  if (h.rule.category !== "danger" && inTheNews(h, m)) return true;
  if (
    h.rule.category !== "danger" &&
    m.of(SOMEONE_WHO).some(([s, e]) => m.clause[s] === m.clause[h.span[0]] && e < h.span[0] + 1 && s >= h.span[0] - 8) &&
    withoutWriter(m, h.span)
  )
    return true;
  // "mijn oma heeft vroeger zelfmoord geprobeerd": another person's crisis in the past.
  if (WORD_RULE.test(h.rule.id) && m.of(PAST).length > 0 && m.of(OTHER_PERSON).length > 0 && withoutWriter(m, h.span)) return true;
  if (WORD_RULE.test(h.rule.id) && m.of(TOLD).length > 0 && withoutWriter(m, h.span)) return true;
  // A child hurt at home, or someone not waking after drugs: Koers answers even if the writer asks for someone else.
  if ((h.rule.category === "violence" || h.rule.category === "sexual") && childNamed(m)) return false;
  if (h.rule.category === "overdose" && m.of(NOT_WAKING).length > 0) return false;
  if (h.rule.category !== "danger" && m.of(HELPING_OTHER).length > 0) return true;
  if (aboutSomeoneElse(h, m)) return true;
  if (h.rule.category !== "suicide" && h.rule.category !== "selfharm") return false;
  return m.of(REPORTED).some(([s, e]) => m.clause[s] === m.clause[h.span[0]] && e < h.span[0] + 2 && s >= h.span[0] - 8);
}

/** Danger now can be over only when it is said to be long ago: "de brand was 2 jaar geleden". */
const LONG_AGO = pattern("jaar geleden|jaren geleden|maanden geleden|vorig jaar|jaren terug|jaar terug|years ago|last year|months ago|jaar veilig|jaren veilig|jaar ~ veilig|years safe");

/** A few hours or days ago: "ik heb 2 dagen geleden een hoop ibuprofen genomen ... nu heb ik buikpijn". */
const RECENT = pattern("dagen geleden|dag geleden|uur geleden|uren geleden|uurtje geleden|eergisteren|gisteren|vannacht|vanochtend|vanmiddag|gisteravond|minuten geleden|minuutje geleden|days ago|day ago|hours ago|hour ago|minutes ago|yesterday|last night|this morning");

/** Within this many tokens of a hit, a word of time belongs to it. */
const TIME_REACH = 20;

function over(hits: readonly Hit[], m: Matches): boolean {
  const overNow = m.of(OVER_NOW);
  if (overNow.length === 0) return false;
  const near = (spans: readonly Span[], h: Hit) => spans.some(([s, e]) => s <= h.span[1] + TIME_REACH && e >= h.span[0] - TIME_REACH);
  // "nog steeds clean", "4 jaar clean vandaag": a word of now inside a phrase of "over" is not "back".
  // "dat is jaren terug": "terug" in a phrase of the past is not "is terug" either.
  const past = m.of(PAST);
  const back = m.of(BACK_NOW).filter(([s, e]) => !overNow.some(([os, oe]) => os <= s && oe >= e) && !past.some(([ps, pe]) => ps <= e && pe >= s));
  const longAgo = m.of(LONG_AGO);
  // Pills taken days ago still harm now: an overdose of days or hours ago is not over.
  const recent = m.of(RECENT);
  return hits.every((h) => (h.rule.category !== "danger" || near(longAgo, h)) && !(h.rule.category === "overdose" && near(recent, h)) && near(past, h) && !near(back, h));
}

/** Laughter: "ik wil dood haha" is most often a way of speaking, and sometimes a mask. */
const LAUGHING = pattern("haha|hahaha|hihi|lol|lmao|xd|grapje|geintje|jk|just kidding|" +
  // Taken back: "dat van ik wil verdwijnen was niet zo bedoeld". Asked about, like laughter.
  "niet zo bedoeld|niet serieus bedoeld|bedoelde het niet zo|bedoelde ik niet zo|niet letterlijk bedoeld|did not mean it like that|did not mean it|" +
  // Put right at once: "over een jaar ben ik er niet meer... in dit huis bedoel ik".
  "niet serieus|not serious|huis bedoel ik|woning bedoel ik|stad bedoel ik|hier bedoel ik|werk bedoel ik|baan bedoel ik|land bedoel ik|buurt bedoel ik|in this house i mean|at this job i mean");
/** Rules about a plan, a means or a deed: laughter does not make them lighter. */
const DEED = /\.(method|farewell|giving|attempt|plan|ready|saving|taken|count|did-it|at-once|cutting|burn|blade)/;

/**
 * A wish to be dead said laughing, with no plan and nothing acute: not clear enough for an alarm,
 * too serious to let go. Koers asks (crisisDoubt).
 */
/** An intention, laughing or not: "daar zorg ik zelf voor". */
const INTENT = pattern("zorg ik ~ zelf voor|zorg ik ~ voor|doe ik ~ zelf|ik doe het|ga het ~ doen|ik ga het ~ doen|ik heb een plan|mijn plan|plan is|i will do it|gonna do it|i have a plan|toch niet meer|niet meer meemaken");

/** "geen grap", "serieus": the writer says the laughter is a mask. */
const SERIOUS = pattern("fr|frfr|for real|no cap|deadass|serieus|geen grap|geen grapje|niet grappig|bedoel ~ niet grappig|ik meen het|meen het echt|meen ik het|meen het ~ een beetje|half serieus|kind of mean it|no joke|not joking|not a joke|i mean it|i am serious|zonder grap|echt waar|niet als grap");

/** "en dan zegt hij dat het een grapje was": someone else calls it a joke, the writer does not laugh. */
const JOKE_CLAIMED = pattern("zegt ~ ~ grapje|zei ~ ~ grapje|zegt ~ grapje|zei ~ grapje|zeggen ~ grapje|noemt ~ grapje|noemde ~ grapje|zegt ~ geintje|zei ~ geintje|says ~ joking|said ~ joking");

/**
 * Danger called out and taken back at once: "ik ruik gas nee grapje het is de kool", "brand in de
 * keuken 😂 nee grapje mn rijst is aangebrand". Not clear enough for an alarm; asked about.
 */
const TAKEN_BACK = pattern("nee grapje|nee geintje|neee grapje|nee hoor grapje|grapje hoor|geintje hoor|haha nee|nee haha|no jk|nah jk|just kidding|only joking|nee hoor ~ grapje");

function dangerTakenBack(hits: readonly Hit[], m: Matches): boolean {
  if (m.of(TAKEN_BACK).length === 0 || m.of(SERIOUS).length > 0 || m.of(INTENT).length > 0) return false;
  return hits.every((h) => h.rule.category === "danger" && !h.rule.id.endsWith(".model"));
}

/**
 * A wish with a pause, and then what it was about: "Ik wil niet meer... naar die tandarts", "I want
 * to end it... my contract with the phone company". The part after the dots names an everyday
 * thing, nothing of a life, and alarms on nothing by itself. Not clear enough for an alarm; asked.
 */
const PAUSE = /\s*(?:\.{2,}|…)\s*/;
const CONTINUES = /^(naar|zonder|met|aan|bij|van|op|in|voor|over|mijn|mn|die|dat|dit|de|het|my|the|that|this|with|without|to|at|for|of)\b/i;
const EVERYDAY_THING = pattern(`${NOT_A_LIFE.source}|tandarts|dokter|huisarts|kapper|koffie|thee|koffiemachine|winkel|supermarkt|gemeente|uwv|telefoon|phone|provider|abonnement|subscription|company|bedrijf|dentist|coffee|school|cursus|sport|fitness|feest|verjaardag`);
const A_LIFE = pattern(`${MEANS.source}|${SUBSTANCE.source}|alles|iedereen|mezelf|mijzelf|mij|leven|bestaan|wereld|brug|spoor|trein|station|flat|dak|balkon|water|kanaal|rivier|snelweg|everything|myself|life|world|bridge|train|roof|tracks`);

function pausedThenThing(text: string, hits: readonly Hit[]): boolean {
  const parts = text.split(PAUSE);
  if (parts.length !== 2 || !CONTINUES.test(parts[1]!.trim())) return false;
  if (!hits.every((h) => h.rule.category === "suicide" && !DEED.test(h.rule.id))) return false;
  const after = new Matches(crisisTokens(parts[1]!));
  if (after.of(EVERYDAY_THING).length === 0 || after.of(A_LIFE).length > 0 || after.of(TO_DIE).length > 0) return false;
  return readFresh(parts[1]!, COMMITTED).hits.length === 0;
}

/** Strangling: laughed about or not, the gravest sign of violence at home. */
const STRANGLED = pattern("keel ~ dichtgeknepen|keel ~ dicht ~ geknepen|keel ~ dichtgedrukt|handen om mijn keel|hand om mijn keel|gewurgd|wurgde|wurgt|choked me|strangled me|chokes me");

function laughing(hits: readonly Hit[], m: Matches): boolean {
  if (m.of(STRANGLED).length > 0) return false;
  const claimed = m.of(JOKE_CLAIMED);
  const laughs = m.of(LAUGHING).filter(([s, e]) => !claimed.some(([cs, ce]) => cs <= s && ce >= e));
  // "niet serieus" is no "serieus": the writer takes it back.
  const serious = m.of(SERIOUS).filter(([s]) => !NEGATORS.has(m.tokens[s - 1] ?? ""));
  if (laughs.length === 0 || m.of(INTENT).length > 0 || serious.length > 0) return false;
  return hits.every((h) => (h.rule.category === "suicide" || h.rule.category === "violence") && !DEED.test(h.rule.id) && !acute(h, m));
}

/**
 * A time and "doe ik het" and nothing dark: in a coaching talk that is how a client promises a
 * step ("morgen doe ik het", "ik bel morgen de schuldhulp, ik ga het doen"). Out of context it may
 * also be a plan to die, so when nothing else is said Koers asks (crisisDoubt); when the step is
 * named (a call, a letter, an appointment) it is a promise and no doubt, and so is stopping with a
 * habit named ("morgen stop ik ermee, met blowen"); a bare "vanavond stop ik ermee" stays an alarm.
 * With distress, dying, a means, a goodbye or the night ("vannacht doe ik het") it stays an alarm.
 */
const PROMISE_RULE = "suicide.method-time";
const DARK = pattern(`${DISTRESS.source}|${TO_DIE.source}|${MEANS.source}|${SUBSTANCE.source}|${FAREWELL.source}|vannacht|tonight|sorry|laatste|last|klaar*|geregeld|ready|niemand|nobody`);
/** The words of doing a step: "doe ik het", "ga ik het doen" (not "vanavond kan het", "vanavond ga ik"). */
const DOING = new Set(["doe", "doen", "do", "doing"]);
const TASK = pattern(
  "bel|bellen|belt|gebeld|opbellen|terugbellen|afspraak|formulier*|brief|brieven|mail*|schuldhulp|gemeente|uwv|huisarts|solliciteren|sollicitatie*|vacature*|boodschappen|opruimen|ruim ~ op|huiswerk|sporten|wandelen|fietsen|koken|schoonmaken|de was|stofzuigen|aanmelden|inschrijven|invullen|aanvragen|call|appointment|form|letter",
);

/** A habit a client wants to quit: "morgen stop ik ermee, met blowen" is a goal, not an ending. */
const HABIT = pattern("roken|rook|blowen|blow|wiet|drinken|drank|alcohol|bier|gokken|gok|gamen|snoepen|suiker|sigaret*|shaggies|vapen|cola|energiedrank*|smoking|drinking|gambling");
const STOPPING = new Set(["stop", "stoppen", "stopt"]);

function promising(hits: readonly Hit[], m: Matches): "promise" | "unclear" | null {
  if (!hits.every((h) => h.rule.id === PROMISE_RULE) || m.of(DARK).length > 0) return null;
  const said = (h: Hit, words: Set<string>) => m.tokens.slice(h.span[0], h.span[1] + 1).some((t) => words.has(t));
  if (hits.every((h) => said(h, STOPPING)) && m.of(HABIT).length > 0) return "promise";
  if (!hits.every((h) => said(h, DOING))) return null;
  return m.of(TASK).length > 0 ? "promise" : "unclear";
}

/**
 * "Zelfmoord? Nee joh." The word, or what only the model read, denied; or a wish echoed as a
 * question and answered with no at once ("dood willen? nee joh. ik wil juist leven").
 */
function denied(hits: readonly Hit[], m: Matches): boolean {
  if (m.of(DENIED).length === 0) return false;
  // Only a plain no: "maak je geen zorgen" also ends a goodbye.
  const noes = m.of(SAID_NO);
  const answeredNo = (h: Hit) => noes.some(([s]) => s > h.span[1] && s <= h.span[1] + 2 && m.tokens.slice(h.span[1] + 1, s).includes(BOUNDARY));
  const reassured = m.of(REASSURING).length > 0;
  return hits.every((h) => h.rule.id === "suicide.word" || (noes.length > 0 && ((reassured && h.rule.id.endsWith(".model")) || answeredNo(h))));
}

export function detectCrisis(text: string, scorer: Scorer = COMMITTED): CrisisSignal | null {
  if (isOwnAnswerText(text)) return null;
  const reading = read(text, scorer);
  const { m, hits: all, evidence } = reading;
  const hits = all.filter((h) => !reported(h, m));
  if (hits.length === 0 || over(hits, m) || denied(hits, m) || laughing(hits, m) || dangerTakenBack(hits, m) || pausedThenThing(text, hits) || promising(hits, m)) return null;
  const now = hits.filter((h) => acute(h, m));
  const isAcute = now.length > 0;
  const found = new Set(hits.flatMap((h) => [h.rule.category, ...h.rule.also]));
  // A rule named the danger, and the model is sure of another kind: that answer is given too,
  // after the rule's (leave-one-set-out, the right kind was named more often this way).
  const second = evidence.length === 0 && m.tokens.length <= LONG ? reading.verdict() : null;
  // Violence going on now, or an attacker here, is danger now as well: 112 first.
  if (now.some((h) => h.rule.category === "violence" || h.rule.category === "sexual")) found.add("danger");
  // Someone unconscious, blue or snoring oddly after drugs or pills: an overdose as well.
  if (found.has("danger") && !found.has("overdose") && m.of(DRUG_TAKEN).length > 0) found.add("overdose");
  // Danger from a partner, an ex or family is violence at home as well: Veilig Thuis next.
  // Not when the danger is someone in the family on a ledge or the rails: that is no violence.
  if (found.has("danger") && !found.has("violence") && !onEdgeOnly(hits) && m.of(HOME_CONTEXT).length > 0) found.add("violence");
  // People fighting, stabbing or threatening here and now: violence as well as danger.
  if (found.has("danger") && !found.has("violence") && m.of(FIGHT).length > 0) found.add("violence");
  // Pills or drugs taken already, with thoughts of dying: an overdose and suicide both (113 and 112).
  if (found.has("suicide") && !found.has("overdose") && m.of(DOSE_TAKEN).length > 0 && m.of(DRUG_TAKEN).length > 0) found.add("overdose");
  if (found.has("overdose") && !found.has("suicide") && m.of(TO_DIE).length > 0) found.add("suicide");
  // A blade at hand with thoughts of dying is self-harm as much as suicide (both: 113).
  if (found.has("suicide") && !found.has("selfharm") && m.of(BLADE).length > 0) found.add("selfharm");
  const categories = SERIOUSNESS.filter((c) => found.has(c));
  if (second && second.score > MODEL_THRESHOLD && !found.has(second.category)) categories.push(second.category);
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
export function crisisDoubt(text: string, scorer: Scorer = COMMITTED): CrisisDoubt | null {
  if (isOwnAnswerText(text) || detectCrisis(text, scorer)) return null;
  const reading = read(text, scorer);
  const { m, hits } = reading;
  const tokens = m.tokens;
  if (tokens.length === 0 || tokens.length > LONG) return null;
  if (m.of(SOS).length > 0) return { score: DOUBT_THRESHOLD, category: "danger", categories: ["danger"] };
  // Someone here or back, in a few words and nothing else ("ex is hier", "hij is terug"): asked.
  if (tokens.length < SHORT && m.of(SOMEONE_HERE).length > 0 && m.of(BUSY).length === 0) return { score: DOUBT_THRESHOLD, category: "danger", categories: ["danger"] };
  if (hits.length === 0 && wordsRead(m) < SHORT && m.of(OVERWHELMED).length > 0 && m.of(NOT_OVERWHELMED).length === 0) return { score: DOUBT_THRESHOLD, category: "suicide", categories: ["suicide"] };
  const own = hits.filter((h) => !reported(h, m));
  if (own.length > 0 && !over(own, m) && (laughing(own, m) || dangerTakenBack(own, m) || pausedThenThing(text, own) || promising(own, m) === "unclear")) {
    const category = own[0]!.rule.category;
    return { score: MODEL_THRESHOLD, category, categories: [category] };
  }
  const verdict = reading.verdict();
  // A model-only alarm set aside as unclear (askInstead) is asked about. Otherwise a short message
  // the model finds clearly worrying is asked about even without a word of distress ("ik heb weer
  // geknipt"): a question is better than a silent miss. Not one word alone ("sorry") unless it
  // names a means ("🪢😵", read "touw"), and not when its two strongest reasons are only particles
  // and the verbs of an everyday answer ("zeg het maar", "ik zeg het zelf wel": an answer in a
  // talk, where a few words are too few for its counts).
  if (!reading.askInstead) {
    const words = wordsRead(m);
    if (verdict.score <= DOUBT_THRESHOLD || (verdict.score > MODEL_THRESHOLD && words >= SHORT)) return null;
    if (m.of(DISTRESS).length === 0 && !((tokens.length > 1 || m.of(MEANS).length > 0) && words < SHORT && verdict.score > MODEL_THRESHOLD && !verdict.evidence.slice(0, 2).every(plainAnswer))) return null;
  }
  const rule = modelRule(verdict.category, verdict.categories.slice(1));
  const hit: Hit = { rule, span: [0, Math.max(0, tokens.length - 1)] };
  if (reported(hit, m) || m.of(HELPING_OTHER).length > 0 || over([hit], m)) return null;
  return { score: verdict.score, category: verdict.category, categories: verdict.categories };
}
