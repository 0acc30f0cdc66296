import type { CrisisCategory, CrisisSignal } from "./types.js";

/**
 * Placeholder with the first, narrow patterns; replaced by the full detector (normalisation,
 * lexicon, free word order, exceptions). Callers use only `detectCrisis`.
 */
const PATTERNS: { rule: string; category: CrisisCategory; re: RegExp }[] = [
  { rule: "suicide.word", category: "suicide", re: /\bzelfmoord|\bsuicid|\bsuïcid|\bsuicide\b/i },
  { rule: "suicide.wish-dead", category: "suicide", re: /\bdood\s+(willen|wil)\b|\b(wil|wou|zou willen)\b[^.!?]{0,30}\bdood\b/i },
  { rule: "suicide.not-live", category: "suicide", re: /\bniet\s+meer\s+(leven|verder\s*(leven|willen|wil|kunnen|kan))\b/i },
  { rule: "selfharm.myself", category: "selfharm", re: /\b(mezelf|mijzelf)\s+(iets\s+aan\s*doen|van\s+het\s+leven\s+beroven|ophangen|doden)\b/i },
  { rule: "suicide.end-it", category: "suicide", re: /\bmaak\s+er\s+een\s+eind\s+aan\b|\ber\s+een\s+eind(e)?\s+aan\s+maken\b|\been\s+eind(e)?\s+aan\s+(mijn|m'n)\s+leven\b/i },
  { rule: "suicide.no-future", category: "suicide", re: /\bhet\s+leven\s+niet\s+meer\s+zien\s+zitten\b/i },
  { rule: "violence.hits-me", category: "violence", re: /\bslaat\s+(mij|me)\b|\b(hij|zij|ze)\s+(slaat|schopt|bedreigt)\s+(mij|me|de\s+kinderen)\b|\bik\s+word\s+(geslagen|mishandeld|bedreigd)\b/i },
  { rule: "suicide.en", category: "suicide", re: /\bkill\s+myself\b|\bend\s+(it\s+all|my\s+life)\b|\bwant\s+to\s+die\b/i },
];

export function detectCrisis(text: string): CrisisSignal | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) return { category: p.category, categories: [p.category], acute: false, rule: p.rule, matched: m[0] };
  }
  return null;
}
