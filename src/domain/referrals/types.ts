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

/** A refused request: nothing changed. Listeners turn it into an ephemeral message or a modal error. */
export class ReferralRefused extends Error {
  override name = "ReferralRefused";
  /** `message` is a key in locales/<lang>/slack.json; `vars` fill it in. */
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly field?: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
