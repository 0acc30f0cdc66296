/**
 * The answer to a crisis signal, as one message: what to do now and whom to call for this kind of
 * danger (113, 112, Veilig Thuis, Centrum Seksueel Geweld), that the coach is told (not for people
 * without a coach) and that the person may keep writing. Pure: the texts are in locales/.
 */
import type { OutMessage } from "../../outbox/messages.js";
import type { CrisisCategory, CrisisSignal } from "./types.js";

/** First line of the answer for each category; the crisis answer is recognised by it. */
export const CRISIS_ANSWER_KEYS: Record<CrisisCategory, string> = {
  suicide: "crisis.answer.suicide",
  selfharm: "crisis.answer.selfharm",
  overdose: "crisis.answer.overdose",
  violence: "crisis.answer.violence",
  sexual: "crisis.answer.sexual",
  danger: "crisis.answer.danger",
};

/** Every key that starts a crisis answer (and the first version's text, still in old outboxes). */
export const CRISIS_KEYS: ReadonlySet<string> = new Set([...Object.values(CRISIS_ANSWER_KEYS), "crisis.answer.acute", "crisis.text"]);

/** Categories whose own text already says 112 first. */
const SAYS_112_FIRST = new Set<CrisisCategory>(["overdose", "danger"]);

/** The help line each category points to: two categories with the same line get one text. */
const HELP_LINE: Record<CrisisCategory, string> = {
  suicide: "113",
  selfharm: "113",
  overdose: "112",
  violence: "veiligthuis",
  sexual: "csg",
  danger: "112",
};

export function isCrisisAnswer(msg: OutMessage): boolean {
  return CRISIS_KEYS.has(msg.key);
}

/**
 * One message: 112 first when there is danger now, then the text for the most serious category,
 * then (for a second category with another help line) its text too, then who is told.
 */
export function crisisAnswer(signal: Pick<CrisisSignal, "category" | "categories" | "acute">, opts: { hasCoach: boolean }): OutMessage {
  const categories = signal.categories.length ? signal.categories : [signal.category];
  const lines: OutMessage[] = [];
  const seen = new Set<string>();
  for (const c of [signal.category, ...categories]) {
    if (seen.has(HELP_LINE[c]) || lines.length >= 2) continue;
    seen.add(HELP_LINE[c]);
    lines.push({ key: CRISIS_ANSWER_KEYS[c] });
  }
  if (signal.acute && !SAYS_112_FIRST.has(signal.category)) lines.unshift({ key: "crisis.answer.acute" });
  lines.push({ key: opts.hasCoach ? "crisis.answer.coachTold" : "crisis.answer.noCoach" });
  lines.push({ key: "crisis.answer.keepWriting" });
  const [first, ...rest] = lines;
  return { ...(first as OutMessage), lines: rest };
}
