/**
 * What the crisis detector tells the rest of Koers. The detector itself (detect.ts) is pure and
 * fast; everything that answers the client or alerts a person works from this shape only.
 */

/** The kinds of danger that each need their own answer (113, Veilig Thuis, CSG, 112). */
export type CrisisCategory =
  /** Thoughts of suicide, a wish to be dead, a plan. Answer: 113. */
  | "suicide"
  /** Hurting oneself (cutting, burning, hitting oneself). Answer: 113. */
  | "selfharm"
  /** Took (too many) pills, drugs or poison. Answer: 112 now, then 113. */
  | "overdose"
  /** Violence or abuse at home, also against children. Answer: Veilig Thuis 0800-2000. */
  | "violence"
  /** Sexual violence. Answer: Centrum Seksueel Geweld 0800-0188. */
  | "sexual"
  /** Danger right now (someone is at the door with a knife, a fire, a child in danger). Answer: 112. */
  | "danger";

export interface CrisisSignal {
  /** The most serious category found; `categories` lists all of them, most serious first. */
  category: CrisisCategory;
  categories: CrisisCategory[];
  /** Danger now (a method at hand, a time, "now", an overdose taken, an attacker present): 112 first. */
  acute: boolean;
  /** The rule that fired, e.g. "suicide.wish-dead", explainable to a coach. */
  rule: string;
  /** The words of the (normalised) message that matched, for the coach's alert. */
  matched: string;
}
