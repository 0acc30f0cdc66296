/**
 * The project's own plain-Dutch check (B1), so `npm test` guards client texts where
 * ../shared/tools/plain-dutch-check is not available. Same measures: sentence length, a jargon
 * list (a jargon word is allowed when explained in brackets in the same sentence) and the
 * Flesch-Douma reading ease over all strings.
 */
export const JARGON = [
  "traject", "trajecten", "participatie", "participeren", "interventie", "indicatie", "zelfredzaamheid",
  "zelfredzaam", "doelstelling", "doelstellingen", "evaluatie", "evalueren", "casus", "casemanager",
  "verwijzing", "doorverwijzing", "intake", "gegevensverwerking", "verwerkingsverantwoordelijke",
  "persoonsgegevens", "toestemmingsverklaring", "activering", "re-integratie", "reintegratie", "competentie",
  "competenties", "faciliteren", "implementeren", "prioriteren", "monitoren", "escaleren", "escalatie",
  "multidisciplinair", "ketenpartner", "ketenpartners", "hulpverlening", "nazorg", "wondervraag",
  "schaalvraag", "grow", "smart", "cliënt", "client", "privacy", "dossier", "avg", "module", "interactie",
];

export interface ReadabilityReport {
  strings: number;
  sentences: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  fleschDouma: number;
  problems: string[];
}

export function* strings(node: unknown, key = ""): Generator<[string, string]> {
  if (typeof node === "string") yield [key, node];
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) yield* strings(v, key ? `${key}.${k}` : k);
  }
}

function clean(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, "X")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\/[a-z]+/g, " ")
    .replace(/[*_`~]/g, "")
    .replace(/\p{Extended_Pictographic}/gu, " ");
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

function words(sentence: string): string[] {
  return sentence.split(/[^\p{L}\p{N}'-]+/u).filter((w) => /\p{L}/u.test(w));
}

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/ij/g, "y");
  const groups = w.match(/[ëïüö]?[aeiouyàáâäèéêìíîòóôùúû]*/g) ?? [];
  return Math.max(1, groups.filter((g) => g.length > 0).length);
}

export function checkReadability(resources: unknown, opts: { maxWords?: number; minScore?: number } = {}): ReadabilityReport {
  const maxWords = opts.maxWords ?? 15;
  const minScore = opts.minScore ?? 70;
  let nStrings = 0;
  let nSentences = 0;
  let nWords = 0;
  let nSyllables = 0;
  const problems: string[] = [];
  for (const [key, raw] of strings(resources)) {
    nStrings++;
    for (const s of sentences(clean(raw))) {
      const ws = words(s);
      if (!ws.length) continue;
      nSentences++;
      nWords += ws.length;
      for (const w of ws) nSyllables += syllables(w);
      if (ws.length > maxWords) problems.push(`${key}: sentence of ${ws.length} words: "${s}"`);
      const explained = /\([^)]*\)/.test(s);
      for (const w of ws.map((x) => x.toLowerCase())) {
        const hit = JARGON.includes(w) ? w : JARGON.find((j) => j.length >= 7 && w.includes(j));
        if (hit && !explained) problems.push(`${key}: jargon "${w}": "${s}"`);
      }
    }
  }
  const wps = nSentences ? nWords / nSentences : 0;
  const spw = nWords ? nSyllables / nWords : 0;
  const score = nWords ? 206.84 - 0.77 * (100 * spw) - 0.93 * wps : 0;
  if (score < minScore) problems.push(`Flesch-Douma ${score.toFixed(1)} is below ${minScore}`);
  return { strings: nStrings, sentences: nSentences, wordsPerSentence: wps, syllablesPerWord: spw, fleschDouma: score, problems };
}
