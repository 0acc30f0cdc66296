/**
 * Words and limits shared by the referral domain, its Slack screens and the client's consent
 * conversation. Kept here (not in src/slack) because the domain checks them again: a forged
 * Slack payload must not get past what the modal would have refused.
 */
import type { ActorKind } from "../../generated/prisma/client.js";

/** What a coach may propose to share with a partner; the client agrees item by item. */
export const SHARE_ITEMS = ["name", "phone", "summary", "goal"] as const;
export type ShareItem = (typeof SHARE_ITEMS)[number];

export const URGENCIES = ["normal", "soon", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Life domains of the Zelfredzaamheid-Matrix (METHOD.md section 4), as codes. */
export const LIFE_DOMAINS = [
  "financien", "werk", "huisvesting", "relaties", "psyche", "gezondheid", "verslaving", "adl", "netwerk", "participatie", "justitie",
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Text limits: below Slack's 3000 characters per text object, so a card always fits. */
export const LIMITS = { name: 100, contact: 200, need: 1000, wish: 1000, summary: 1500, reason: 500, place: 200 } as const;

/** A well-formed uuid: anything else never reaches a query on a uuid column. */
export const isUuid = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export const isShareItem = (v: unknown): v is ShareItem => typeof v === "string" && (SHARE_ITEMS as readonly string[]).includes(v);
export const isUrgency = (v: unknown): v is Urgency => typeof v === "string" && (URGENCIES as readonly string[]).includes(v);
export const isLifeDomain = (v: unknown): v is LifeDomain => typeof v === "string" && (LIFE_DOMAINS as readonly string[]).includes(v);

/** Who did something to a referral. Professionals are members; the client acts through Telegram. */
export interface Actor {
  kind: ActorKind;
  /** Member id for COACH / PARTNER / ADMIN, client id for CLIENT, null for SYSTEM. */
  id: string | null;
}

export const SYSTEM: Actor = { kind: "SYSTEM", id: null };

export type RefusalReason =
  /** No such referral, or one this person may not know about (the two look the same on purpose). */
  | "unknown"
  /** A member of the wrong organisation, or not the client's coach. */
  | "forbidden"
  /** The referral's state does not allow this (already done by someone else, or closed). */
  | "notNow"
  /** The input is incomplete or invalid; `field` says which. */
  | "invalid";

/** One input mistake: the modal block it belongs to and the text (a slack.json key) to show there. */
export interface FieldProblem {
  field: string;
  key: string;
  vars: Record<string, string | number>;
}

/** A refused request: nothing changed. Listeners turn it into an ephemeral message or a modal error. */
export class ReferralRefused extends Error {
  override name = "ReferralRefused";
  /**
   * `message` is a key in locales/<lang>/slack.json; `vars` fill it in. For input mistakes,
   * `problems` lists every field that is wrong, so a modal shows them all at once.
   */
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly field?: string,
    readonly vars: Record<string, string | number> = {},
    readonly problems: FieldProblem[] = field ? [{ field, key: message, vars }] : [],
  ) {
    super(message);
  }
}

/** Collects the input mistakes of one form instead of stopping at the first. */
export class Problems {
  readonly list: FieldProblem[] = [];

  /** Runs one field's check: an input mistake is noted (and undefined returned), anything else rethrown. */
  async field<T>(check: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await check();
    } catch (err) {
      if (!(err instanceof ReferralRefused) || err.reason !== "invalid" || !err.field) throw err;
      this.list.push(...err.problems);
      return undefined;
    }
  }

  /** Throws one refusal that names every problem, when there is any. */
  done(): void {
    const first = this.list[0];
    if (first) throw new ReferralRefused("invalid", first.key, first.field, first.vars, this.list);
  }
}

/** A value a check returned, after `Problems.done()` has made sure there were no problems. */
export function checked<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("a checked value is missing although no problem was noted");
  return value;
}
