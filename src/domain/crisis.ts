/**
 * A first, deliberately broad crisis check on what a client writes (METHOD.md section 8).
 * A false alarm costs one caring message and a nudge to the coach; a miss can cost a life,
 * so this errs on the side of answering. Later work can add urgency scoring.
 */
const PATTERNS: RegExp[] = [
  /\bzelfmoord\b/i,
  /\bsuicid/i,
  /\bsuïcid/i,
  /\bdood\s+(willen|wil)\b/i,
  /\b(wil|wou|zou willen)\b[^.!?]{0,30}\bdood\b/i,
  /\bniet\s+meer\s+(leven|verder\s*(leven|willen|wil|kunnen|kan))\b/i,
  /\b(mezelf|mijzelf)\s+(iets\s+aan\s*doen|van\s+het\s+leven\s+beroven|ophangen|doden)\b/i,
  /\bmaak\s+er\s+een\s+eind\s+aan\b/i,
  /\ber\s+een\s+eind(e)?\s+aan\s+maken\b/i,
  /\been\s+eind(e)?\s+aan\s+(mijn|m'n)\s+leven\b/i,
  /\bhet\s+leven\s+niet\s+meer\s+zien\s+zitten\b/i,
  /\bslaat\s+(mij|me)\b/i,
  /\b(hij|zij|ze)\s+(slaat|schopt|bedreigt)\s+(mij|me|de\s+kinderen)\b/i,
  /\bik\s+word\s+(geslagen|mishandeld|bedreigd)\b/i,
  /\bkill\s+myself\b/i,
  /\bend\s+(it\s+all|my\s+life)\b/i,
  /\bwant\s+to\s+die\b/i,
  /\bsuicide\b/i,
];

export function isCrisisSignal(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}
