/**
 * The referral operations the Slack app calls, each in its own transaction: file, act, accept,
 * ask the client for consent. A refused attempt (wrong person, forged id, a state that does not
 * allow it) is audited in a transaction of its own, because the attempt itself was rolled back.
 */
import { allows, type ReferralEvent, type ReferralEventType } from "../../../flows/referral/index.js";
import type { ReferralConsentData } from "../../../flows/referral-consent.js";
import type { Database, Tx } from "../../db/client.js";
import type { Member, Referral } from "../../generated/prisma/client.js";
import type { Translator } from "../../i18n.js";
import { audit } from "../audit.js";
import { act, auditRefusal, lockFor } from "./access.js";
import { referralOverview } from "./overview.js";
import { acceptInReferral, fileInReferral, reinvite, type Accepted, type InDraft } from "./in.js";
import { restoreReferral, stateOf } from "./lifecycle.js";
import { fileOutReferral, markConsentAsked, type OutDraft } from "./out.js";
import { ReferralRefused } from "./types.js";

export interface ReferralServiceDeps {
  db: Database;
  /** The conversation engine (src/conversation/engine.ts), which sits above domain: only what is needed here. */
  engine: { startConversation(clientId: string, flowId: string, data: Record<string, unknown>, byCoachId: string): Promise<void> };
  /** Client texts: the consent question lists the items in the client's own language. */
  translator: Translator;
  clock: () => Date;
  inviteDays: number;
  /** Called after a commit that queued messages, to wake the dispatcher. */
  onQueued?: () => void;
}

export type ReferralService = ReturnType<typeof createReferralService>;

/** Input problems that a modal cannot produce: the choice was not offered, so the submission was forged (or stale). */
const FORGED = new Set(["referral.error.unknownClient", "referral.error.unknownPartner", "referral.error.unknownTeam", "referral.error.unknownCoach"]);

/** At most this many choices in one answer (Slack shows 100 options at most). */
const MAX_CHOICES = 100;

/** A typed search, as a case-insensitive "contains" filter on a name. */
const named = (query: string) => (query.trim() ? { name: { contains: query.trim().slice(0, 100), mode: "insensitive" as const } } : {});

/** The start data of the consent conversation: exactly what would be shared, as the client reads it. */
export async function consentData(tx: Tx, referral: Referral, translator: Translator): Promise<ReferralConsentData> {
  const client = await tx.client.findUniqueOrThrow({ where: { id: referral.clientId ?? "" }, include: { coach: true } });
  const partner = await tx.organisation.findUniqueOrThrow({ where: { id: referral.toOrgId } });
  const lang = client.language;
  const values: Record<string, string | null> = { name: referral.personName, phone: referral.personContact, summary: referral.summary, goal: referral.wish };
  return {
    referralId: referral.id,
    partner: partner.name,
    domain: translator.t(lang, `referralConsent.domain.${referral.lifeDomain ?? "financien"}`),
    need: referral.need,
    coachJoins: referral.coachJoins,
    items: referral.proposedItems.map((id) => ({ id, line: translator.t(lang, `referralConsent.line.${id}`, { value: values[id] ?? "", coach: client.coach.name }) })),
  };
}

/** An event of this type with valid data, to ask "could this happen now?" before a modal opens. */
function sampleEvent(type: ReferralEventType): ReferralEvent {
  const text = "-";
  const samples: Partial<Record<ReferralEventType, ReferralEvent>> = {
    "partner.rejected": { type: "partner.rejected", reason: text },
    "partner.redirected": { type: "partner.redirected", reason: text },
    "partner.closed": { type: "partner.closed", reason: text },
    "partner.planned": { type: "partner.planned", at: "2000-01-01T00:00:00.000Z", place: text },
    "partner.completed": { type: "partner.completed", outcome: text },
    "partner.answeredInfo": { type: "partner.answeredInfo", answer: text },
    "team.accepted": { type: "team.accepted", coachId: text },
    "team.askedInfo": { type: "team.askedInfo", question: text },
    "team.declined": { type: "team.declined", reason: text },
  };
  return samples[type] ?? ({ type } as ReferralEvent);
}

export function createReferralService(deps: ReferralServiceDeps) {
  const { db, clock } = deps;

  /**
   * Runs `fn` in a transaction; audits a refusal and rethrows it. Plain input mistakes (a field
   * left empty, a date in the past) are not audited; a choice the modal never offered (someone
   * else's client, another team's coach) is.
   */
  async function run<T>(member: Member | null, what: string, referralId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      const out = await db.prisma.$transaction(fn);
      deps.onQueued?.();
      return out;
    } catch (err) {
      const forged = err instanceof ReferralRefused ? err.problems.filter((p) => FORGED.has(p.key)).map((p) => p.field) : [];
      if (err instanceof ReferralRefused && (err.reason !== "invalid" || forged.length)) {
        const reason = err.reason === "invalid" ? `invalid:${forged.join(",")}` : err.reason;
        await db.prisma.$transaction((tx) => auditRefusal(tx, member, referralId, what, reason));
      }
      throw err;
    }
  }

  /**
   * Asks the client in Telegram. The conversation is started by the engine in its own transaction;
   * only when that worked is the referral marked as waiting for consent.
   */
  async function askConsent(referralId: string, coachId: string): Promise<boolean> {
    const { clientId, data } = await db.prisma.$transaction(async (tx) => {
      const referral = await tx.referral.findUniqueOrThrow({ where: { id: referralId } });
      return { clientId: referral.clientId ?? "", data: await consentData(tx, referral, deps.translator) };
    });
    try {
      await deps.engine.startConversation(clientId, "referralConsent", data as unknown as Record<string, unknown>, coachId);
    } catch {
      // The client cannot be asked now (paused, stopped, not linked): the referral stays on hold.
      return false;
    }
    await db.prisma.$transaction((tx) => markConsentAsked(tx, referralId, clock()));
    deps.onQueued?.();
    return true;
  }

  return {
    /** The active member behind a Slack user id, or null. */
    async member(slackUserId: string): Promise<Member | null> {
      if (typeof slackUserId !== "string" || !/^[A-Z0-9]{2,32}$/.test(slackUserId)) return null;
      const m = await db.prisma.member.findUnique({ where: { slackUserId } });
      return m?.active ? m : null;
    },

    /**
     * The coach's own clients who can be asked in the chat whose name contains `query`, at most
     * `take` (100); listing them is audited.
     */
    async caseload(member: Member, query = "", take = MAX_CHOICES) {
      if (member.role !== "COACH" || !member.active) return [];
      return db.prisma.$transaction(async (tx) => {
        const clients = await tx.client.findMany({
          where: { coachId: member.id, status: "ACTIVE", telegramChatId: { not: null }, ...named(query) },
          orderBy: { name: "asc" },
          take: Math.min(take, MAX_CHOICES),
        });
        await audit(tx, { actorKind: "COACH", actorId: member.id, action: "clients.listed", detail: { count: clients.length, for: "referral", why: "caseload" } });
        return clients;
      });
    },

    /** Organisations of a kind that can receive cards (they have a channel), by a typed part of the name. */
    receivers(kind: "PARTNER" | "COACH_TEAM", query = "", take = MAX_CHOICES) {
      return db.prisma.organisation.findMany({ where: { kind, referralChannel: { not: null }, ...named(query) }, orderBy: { name: "asc" }, take: Math.min(take, MAX_CHOICES) });
    },

    /** The active coaches of a team, to assign an IN referral to, by a typed part of the name. */
    coachesOf(orgId: string, query = "", take = MAX_CHOICES) {
      return db.prisma.member.findMany({ where: { organisationId: orgId, role: "COACH", active: true, ...named(query) }, orderBy: { name: "asc" }, take: Math.min(take, MAX_CHOICES) });
    },

    /** The App Home overview of a member; every referral shown is audited as viewed. */
    overview(member: Member) {
      return db.prisma.$transaction((tx) => referralOverview(tx, member));
    },

    /** Files a referral out and asks the client. `asked` is false when the client could not be asked now. */
    async fileOut(member: Member, draft: OutDraft): Promise<{ referral: Referral; asked: boolean }> {
      const referral = await run(member, "fileOut", null, (tx) => fileOutReferral(tx, member, draft, clock()));
      return { referral, asked: await askConsent(referral.id, member.id) };
    },

    /** Only files it (checked and committed): Slack answers the modal first, then `askConsent` follows. */
    fileOutOnly(member: Member, draft: OutDraft): Promise<Referral> {
      return run(member, "fileOut", null, (tx) => fileOutReferral(tx, member, draft, clock()));
    },

    /** Asks the client about a referral the coach just filed; false when the client cannot be asked now. */
    askConsent,

    /** The coach asks again after the client wanted to talk first (or the first ask failed). */
    async askAgain(member: Member, referralId: string): Promise<boolean> {
      await run(member, "system.consentAsked", referralId, async (tx) => {
        const { referral } = await lockFor(tx, member, referralId, "system.consentAsked");
        if (!["filed", "clientQuestion"].includes(stateOf(referral))) throw new ReferralRefused("notNow", "referral.refused.notNow");
      });
      return askConsent(referralId, member.id);
    },

    fileIn(member: Member, draft: InDraft): Promise<Referral> {
      return run(member, "fileIn", null, (tx) => fileInReferral(tx, member, draft, clock()));
    },

    act(member: Member, referralId: string, event: ReferralEvent) {
      return run(member, event.type, referralId, (tx) => act(tx, member, referralId, event, clock()));
    },

    accept(member: Member, referralId: string, coachId: string): Promise<Accepted> {
      return run(member, "team.accepted", referralId, (tx) => acceptInReferral(tx, member, referralId, coachId, { now: clock(), inviteDays: deps.inviteDays }));
    },

    reinvite(member: Member, referralId: string): Promise<Accepted> {
      return run(member, "team.reinvited", referralId, (tx) => reinvite(tx, member, referralId, { now: clock(), inviteDays: deps.inviteDays }));
    },

    /**
     * Checks, before a modal opens, that this member may send this event now. The submission is
     * checked again: the state may change while the modal is open.
     */
    async check(member: Member, referralId: string, type: ReferralEventType): Promise<Referral> {
      return run(member, type, referralId, async (tx) => {
        const { referral } = await lockFor(tx, member, referralId, type);
        if (!allows(restoreReferral(referral), sampleEvent(type))) throw new ReferralRefused("notNow", "referral.refused.notNow");
        return referral;
      });
    },
  };
}
