/**
 * Turns a message as clients type it into the tokens the crisis lexicon is written for:
 * lower case, no accents, no stretched letters, chat spelling and common misspellings spelled
 * out, glued words and compounds split ("kwilnietmeerleve" -> "ik wil niet meer leven").
 * A "." token stands where a sentence ended. Pure and cheap (a few µs a message).
 */
import { BOUNDARY, isKnownWord } from "./match.js";

/** Chat spelling and misspellings, one token to one or more tokens. */
const CHAT: Record<string, string> = {
  nt: "niet", nie: "niet", ni: "niet", nit: "niet", neit: "niet", niej: "niet", nied: "niet", niett: "niet",
  mn: "mijn", mijne: "mijn", mien: "mijn", mein: "mijn", mijm: "mijn", mjn: "mijn",
  zn: "zijn", d: "de", t: "het", ut: "het", et: "het", n: "een", un: "een",
  k: "ik", ikke: "ik", ic: "ik", ick: "ik", ek: "ik",
  kheb: "ik heb", kwil: "ik wil", kben: "ik ben", kga: "ik ga", kzie: "ik zie", kdenk: "ik denk", kwou: "ik wou",
  kan: "kan", kn: "kan", kunnu: "kunnen", wl: "wil", wll: "wil", wild: "wil", wilt: "wil",
  zm: "zelfmoord", sh: "zelfbeschadiging", shd: "zelfbeschadiging gedaan", geseden: "gesneden", gesnede: "gesneden", mesj: "mesje", aub: "alsjeblieft", pls: "alsjeblieft", plz: "alsjeblieft", plis: "alsjeblieft", svp: "alsjeblieft", zmgedachten: "zelfmoord gedachten", ff: "even", effe: "even", ns: "eens", es: "eens",
  nx: "niets", niks: "niets", nks: "niets", nooit: "nooit", nooid: "nooit", mss: "misschien",
  mzelf: "mezelf", mzlf: "mezelf", mezlf: "mezelf", mijzelf: "mezelf", mezelve: "mezelf", mezelluf: "mezelf", mzelluf: "mezelf",
  leve: "leven", levn: "leven", lefen: "leven", leeve: "leven", dod: "dood", doot: "dood", dooie: "dood", ded: "dead",
  sterve: "sterven", ophange: "ophangen", ophangn: "ophangen", vermoorde: "vermoorden", vermoort: "vermoordt",
  meer: "meer", mer: "meer", mear: "meer", meeer: "meer", lnger: "langer",
  gwn: "gewoon", gewn: "gewoon", echt: "echt", egt: "echt", eg: "echt", iedereen: "iedereen", iedreen: "iedereen",
  hj: "hij", trg: "terug", terg: "terug", geslagn: "geslagen", pilen: "pillen", binnegekomen: "binnengekomen", snell: "snel",
  tevee: "te veel", tevel: "te veel", teveul: "te veel", tveel: "te veel", tefeel: "te veel",
  zlf: "zelf", wrm: "waarom", wrom: "waarom", waaro: "waarom", slaap: "slaap", vd: "van de", vh: "van het", idd: "inderdaad", tog: "toch",
  eruit: "er uit", erop: "er op", eraf: "er af", eraan: "er aan", erin: "er in", ervan: "er van", erover: "er over",
  der: "er", make: "maken", ertussenuit: "er tussenuit", erbij: "er bij", ermee: "er mee",
  // Dialect: Limburgs ("ich wil neet", "ich snie mich", "vreuger", "noe"), Brabants ("hedde
  // gij", "da", "wor"), Fries-influenced ("ik wol"), Rotterdams and chat ("wat ie zegt", "mept").
  ich: "ik", isch: "ik", neet: "niet", mich: "mij", vreuger: "vroeger", veurger: "vroeger", noe: "nu", snie: "snij", snieje: "snijden",
  ingenaome: "ingenomen", genaome: "genomen", jaore: "jaren", laote: "laten", wuur: "werd", verkrach: "verkracht", verkragt: "verkracht",
  hedde: "heb je", zijde: "ben je", ge: "je", gij: "jij", da: "dat", wor: "word", worre: "worden", wol: "wou", ie: "hij",
  mept: "slaat", meppen: "slaan", gemept: "geslagen", mepte: "sloeg", sin: "zin",
  // Gronings, Drents, Twents and Brabants ("mien vent hef mie ne optater geven", "te veul pillekes", "nie goe").
  veul: "veel", pillekes: "pillen", pilleke: "pil", goe: "goed", hef: "heeft", optater: "klap", oplawaai: "klap",
  // Limburgs and Brabants ("ich höb mich gesnieje", "miene pa sleit mich", "bie de buren", "t trappenhoes").
  gesnieje: "gesneden", gesneje: "gesneden", sleit: "slaat", sloog: "sloeg", geslage: "geslagen", miene: "mijn",
  hob: "heb", altied: "altijd", haet: "heeft", thoes: "thuis", bie: "bij", staait: "staat", trappenhoes: "trappenhuis", dr: "er",
  // Frisian ("ik wol net mear libje", "te folle pillen nommen", "ik bin sa dizenich").
  libje: "leven", hoecht: "hoeft", folle: "veel", nommen: "genomen", dizenich: "duizelig",
  // English chat
  im: "i am", ive: "i have", ill: "i will", u: "you", ur: "your", wanna: "want to", gonna: "going to",
  kms: "kill myself", kys: "kill yourself", unalive: "kill", cant: "cannot", dont: "do not", wont: "will not",
  didnt: "did not", doesnt: "does not", isnt: "is not", hes: "he is", shes: "she is", theres: "there is",
  anymore: "any more", hell: "he will", wasnt: "was not", werent: "were not", couldnt: "could not", wouldnt: "would not",
  shouldnt: "should not", havent: "have not", hasnt: "has not", arent: "are not", aint: "is not", myslef: "myself", mysef: "myself", suicde: "suicide",
};

/** "doodmoe", "doodeng", "doodgewoon": "dood" as "very", not death. */
const INTENSIFIED = /^dood(moe|ziek|op|eng|gewoon|leuk|zonde|stil|normaal|jammer|simpel|saai|serieus|kalm|rustig|nerveus|zenuwachtig|benauwd|ongelukkig|vermoeid|bang|ernstig|eenvoudig|verlegen|nuchter|kapot|af|ziek|stom|triest|treurig|doodmoe)$/;

/** Stems that start compounds: "zelfmoordplannen" -> "zelfmoord plannen", "doodgaan" -> "dood gaan". */
const STEM_SPLITS: { re: RegExp; head: string }[] = [
  { re: /^[zs]e?lf?m[oe]*r*[dt]+(.*)$/, head: "zelfmoord" },
  { re: /^(?:zelf|self)(doding|beschadig\w*|verwond\w*|harm)$/, head: "zelf" },
  { re: /^dood(?!s)(.{2,})$/, head: "dood" },
  { re: /^(?:ik|k)(wil|wou|ben|heb|ga|kan|zie|denk|snij|sla|voel|doe|hoop|mag|moet|zit|sta|lig|loop|wil)(.*)$/, head: "ik" },
];

/** Words the splitter may cut a glued token into (and stretched letters may shrink back to). */
const VOCAB = new Set(
  (
    "ik je jij hij zij ze we wij mij me mijn jouw zijn haar hem ons onze hun er het de een dat die dit deze " +
    "niet geen nooit meer langer wel nog al ook maar en of want dan als om te op in aan uit van voor met naar bij door " +
    "wil wou willen ben bent is was zijn heb heeft had ga gaat gaan kan kun kunnen zie zit sta lig loop denk doe " +
    "dood doodgaan sterven leven levend zelfmoord zelf mezelf myself iedereen niemand alles alleen klaar weg eind einde " +
    "zin moe ziek snij sla slaat sloeg brand kras pijn pillen pil tabletten slaappillen mes help hulp bang bedreigt " +
    "springen spring ophangen hangen vannacht vanavond nu straks morgen even gewoon echt soms meteen hebben " +
    "zat beu gehad worden word wordt wakker huis vol rook brand kapot stoppen stop ermee mee ophouden " +
    "hier daar wereld aarde "+
    "want to die kill end it all my life live not no more i you he she me him her"
  ).split(" "),
);

/** Two-letter words the splitter may cut off; other short words would cut ordinary words apart. */
const SHORT_PIECES = new Set(["ik", "er", "me", "op"]);

/** Emoji that stand for a word of the crisis lexicon. */
const EMOJI_WORDS: readonly [RegExp, string][] = [
  [/\u{1F52A}/gu, " mes "],
  [/\u{1FA78}/gu, " bloed "],
  [/\u{1F48A}/gu, " pillen "],
  [/\u{1FAA2}/gu, " touw "],
  [/\u{26B0}\u{FE0F}?/gu, " dood "],
  [/\u{1F52B}/gu, " pistool "],
];

const LAUGH = /[\u{1F480}\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F604}\u{1F601}\u{1F600}\u{1F639}]/gu;

function stretchFree(token: string): string {
  const stretched = /([a-z])\1{2,}/.test(token);
  let t = token.replace(/([a-z])\1{2,}/g, "$1$1").replace(/([ihjqwxyv])\1/g, "$1");
  // "leeeeven" -> "leven"; but "been", "oom", "woont" and "will" are words, not stretched letters.
  if (stretched && !VOCAB.has(t) && !Object.hasOwn(CHAT, t)) {
    const single = t.replace(/(.)\1/g, "$1");
    if (single !== t && (VOCAB.has(single) || Object.hasOwn(CHAT, single))) t = single;
  }
  return t;
}

/** Cuts a glued token into vocabulary words ("nietmeer" -> "niet meer"), or null if it cannot. */
function segment(token: string): string[] | null {
  const n = token.length;
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const sofar = best[i];
    if (!sofar) continue;
    for (let j = i + 2; j <= Math.min(n, i + 12); j++) {
      const piece = token.slice(i, j);
      const known = VOCAB.has(piece) || (piece.length >= 3 && Object.hasOwn(CHAT, piece));
      if (!known || (piece.length < 3 && !SHORT_PIECES.has(piece))) continue;
      const cand = [...sofar, piece];
      const prev = best[j];
      if (!prev || cand.length < prev.length) best[j] = cand;
    }
  }
  const out = best[n];
  return out && out.length >= 2 ? out : null;
}

/** `token` with one doubled letter made single, if that gives a known word; else null. */
function undoubled(token: string): string | null {
  for (let i = 1; i < token.length; i++) {
    if (token[i] !== token[i - 1] || /\d/.test(token[i]!)) continue;
    const single = token.slice(0, i) + token.slice(i + 1);
    // Dutch doubles many letters ("normaal", "kussen"): only a known short word or chat spelling counts.
    if (single.length >= 3 && (VOCAB.has(single) || Object.hasOwn(CHAT, single))) return single;
  }
  return null;
}

/** Sounds spelled alike by people who write by ear: f/v, s/z at the start, g/ch, t/d at the end, ei/ij. */
const SOUND_ALIKE: readonly [RegExp, string][] = [
  [/^f/, "v"],
  [/^s/, "z"],
  [/gt$/, "cht"],
  [/g$/, "ch"],
  [/t$/, "d"],
  [/d$/, "t"],
  [/ei/, "ij"],
  [/ij/, "ei"],
  [/elt$/, "eld"],
];

function soundAlike(token: string): string | null {
  for (const [re, to] of SOUND_ALIKE) {
    if (!re.test(token)) continue;
    const heard = token.replace(re, to);
    if (heard !== token && (isKnownWord(heard) || VOCAB.has(heard))) return heard;
  }
  return null;
}

function expand(token: string, out: string[]): void {
  const t = stretchFree(token);
  // Own keys only: "constructor" is a word here, not Object's.
  const chat = Object.hasOwn(CHAT, t) ? CHAT[t] : undefined;
  if (chat !== undefined) {
    if (chat === t) out.push(t);
    else for (const w of chat.split(" ")) expand(w, out);
    return;
  }
  const very = INTENSIFIED.exec(t);
  if (very) {
    out.push("heel", very[1]!);
    return;
  }
  for (const { re, head } of STEM_SPLITS) {
    const m = re.exec(t);
    if (!m) continue;
    if (head === "ik") {
      out.push("ik", m[1]!);
      if (m[2]) expand(m[2], out);
    } else if (head === "zelf") {
      out.push(t);
    } else {
      out.push(head);
      if (m[1]) expand(m[1], out);
    }
    return;
  }
  // Spoken Dutch drops the final n: "pille genome", "draaie".
  if (t.length >= 4 && t.endsWith("e") && !VOCAB.has(t) && !isKnownWord(t) && isKnownWord(`${t}n`)) {
    out.push(`${t}n`);
    return;
  }
  // A doubled letter typed by mistake: "doodd", "leevn" (-> "levn" -> "leven"), when only the
  // shorter spelling is a word of the splitter's vocabulary or the chat list.
  if (!VOCAB.has(t) && !isKnownWord(t)) {
    const fixed = undoubled(t);
    if (fixed !== null) {
      expand(fixed, out);
      return;
    }
  }
  // Spelling by ear: "fader", "siek", "verkragt", "gebelt": a token the lexicon does
  // not know, one sound-alike letter away from a word it does.
  if (t.length >= 3 && !VOCAB.has(t) && !isKnownWord(t)) {
    const heard = soundAlike(t);
    if (heard !== null) {
      out.push(heard);
      return;
    }
  }
  // A word the lexicon uses whole ("voorbij", "geleden") is not cut into pieces.
  if (t.length >= 6 && !VOCAB.has(t) && !isKnownWord(t)) {
    const parts = segment(t);
    if (parts) {
      for (const p of parts) expand(p, out);
      return;
    }
  }
  out.push(t);
}

/** The tokens of `text`; "." marks the end of a sentence. */
export function normalise(text: string): string[] {
  const flat = EMOJI_WORDS.reduce((s, [re, word]) => s.replace(re, word), text)
    .replace(LAUGH, " haha ")

    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    // Letters that keep no accent to take off: Polish "ł", Turkish "ı", Nordic "ø".
    .replace(/ł/g, "l")
    .replace(/ı/g, "i")
    .replace(/ø/g, "o")
    // "zo'n" is "zo een", not the sun ("zon").
    .replace(/\bzo['’`´]n\b/g, "zo een")
    // m'n, z'n, 'k, don't: the apostrophe goes, the word stays whole.
    .replace(/(\p{L})['’`´](\p{L})/gu, "$1$2")
    .replace(/(^|\s)['’`´](\p{L})/gu, "$1$2")
    .replace(/(\d)(\p{L})/gu, "$1 $2")
    .replace(/(\p{L})(\d)/gu, "$1 $2")
    .replace(/(\d)[.,](\d)/g, "$1$2")
    .replace(/[.!?;:\n\r]+/g, " . ")
    .replace(/[^a-z0-9.]+/g, " ");
  const out: string[] = [];
  for (const raw of flat.split(" ")) {
    if (!raw) continue;
    if (raw === BOUNDARY) {
      if (out.length > 0 && out[out.length - 1] !== BOUNDARY) out.push(BOUNDARY);
      continue;
    }
    // "mie" is "meer" after "niet" (Limburgs "neet mie"), "me" after a verb (Gronings "hai hef mie
    // slagen"), noodles elsewhere.
    if (raw === "mie" && out[out.length - 1] === "niet") {
      out.push("meer");
      continue;
    }
    if (raw === "mie" && MIE_AS_ME.has(out[out.length - 1] ?? "")) {
      out.push("me");
      continue;
    }
    expand(raw, out);
  }
  while (out[out.length - 1] === BOUNDARY) out.pop();
  return joinFragments(out);
}

/** Verbs after which "mie" is "me". */
const MIE_AS_ME = new Set(["heeft", "had", "slaat", "sloeg", "geeft", "gaf", "doet", "deed", "pakt", "pakte", "schopt", "schopte", "duwt", "duwde", "dreigt", "bedreigt", "zit", "zat"]);

/** Words that carry a sentence on: "Ik ben klaar. Met alles." is one sentence, cut for weight. */
const CARRY_ON = new Set(["met", "with", "en", "and", "van", "of", "voor", "for", "echt", "really", "voorgoed", "forever", "allemaal", "alles", "all", "everything"]);

/** Joins a short fragment (at most three words) that carries the sentence before it on. */
function joinFragments(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === BOUNDARY && out.length > 0 && CARRY_ON.has(tokens[i + 1] ?? "")) {
      let len = 0;
      while (i + 1 + len < tokens.length && tokens[i + 1 + len] !== BOUNDARY) len++;
      if (len <= 3) continue;
    }
    out.push(t);
  }
  return out;
}

/** The normalised message as one line, for tests and for showing a coach what was matched. */
export function normaliseText(text: string): string {
  return normalise(text).join(" ");
}
