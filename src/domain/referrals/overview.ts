/**
 * What a professional sees of referrals in the Slack App Home: a coach their own clients'
 * referrals; a member of a receiving organisation the referrals it received (for a partner only
 * after the client's consent, and without the name once consent is withdrawn); a referrer the
 * referrals its organisation filed, by status only. Each view is audited per referral.
 */
import type { Tx } from "../../db/client.js";
import type { Member, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { actorOf } from "./access.js";
import { stateOf } from "./lifecycle.js";

export interface OverviewLine {
  referralId: string;
  direction: "IN" | "OUT";
  what: string;
  state: string;
  at: Date;
}

export interface Overview {
  mine: OverviewLine[];
  incoming: OverviewLine[];
  filed: OverviewLine[];
  org: string;
}

type WithNames = Referral & { toOrg: { name: string }; client: { name: string } | null };

const TAKE = 15;

function line(r: WithNames, what: string): OverviewLine {
  return { referralId: r.id, direction: r.direction, what, state: stateOf(r), at: r.updatedAt };
}

/** The name a partner may see: only when the client shared it and did not take it back. */
function partnerSees(r: Referral): string {
  const named = r.consentedItems.includes("name") && !r.consentWithdrawnAt && r.personName;
  return named ? r.personName ?? "" : `#${r.id.slice(0, 8)}`;
}

export async function referralOverview(tx: Tx, member: Member): Promise<Overview> {
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
  const include = { toOrg: true, client: true } as const;
  const order = { updatedAt: "desc" } as const;
  const mine =
    member.role === "COACH"
      ? (await tx.referral.findMany({ where: { client: { coachId: member.id } }, include, orderBy: order, take: TAKE })).map((r) =>
          line(r, `${r.client?.name ?? ""} → ${r.direction === "OUT" ? r.toOrg.name : org.name}`),
        )
      : [];
  const incomingWhere = org.kind === "PARTNER" ? { toOrgId: org.id, direction: "OUT" as const, NOT: { consentedItems: { isEmpty: true } } } : { toOrgId: org.id, direction: "IN" as const };
  const incoming = (await tx.referral.findMany({ where: incomingWhere, include, orderBy: order, take: TAKE })).map((r) =>
    line(r, r.direction === "OUT" ? partnerSees(r) : (r.personName ?? "")),
  );
  const filed =
    org.kind === "PARTNER"
      ? (await tx.referral.findMany({ where: { fromOrgId: org.id, direction: "IN" }, include, orderBy: order, take: TAKE })).map((r) => line(r, `${r.personName ?? ""} → ${r.toOrg.name}`))
      : [];
  // Why each is shown: the member's own client, a referral to their organisation (a partner's only
  // with the client's consent), or one their organisation filed.
  const why = new Map<string, string>();
  for (const l of filed) why.set(l.referralId, "filed");
  for (const l of incoming) why.set(l.referralId, org.kind === "PARTNER" ? "consented" : "referredIn");
  for (const l of mine) why.set(l.referralId, "caseload");
  for (const [referralId, reason] of why) await audit(tx, { actorKind: actorOf(member).kind, actorId: member.id, action: "referral.viewed", referralId, detail: { via: "slack.home", why: reason } });
  return { mine, incoming, filed, org: org.name };
}
