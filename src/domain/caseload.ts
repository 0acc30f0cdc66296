/**
 * A coach's own clients for the App Home: status, last contact, last scale score, open
 * referrals and open nudges. Only the coach's own clients; each client shown is audited.
 */
import type { Tx } from "../db/client.js";
import type { Client, Member, Nudge, ScaleScore } from "../generated/prisma/client.js";
import { audit } from "./audit.js";
import { isClosed } from "./referrals/lifecycle.js";

export const CASELOAD_MAX = 30;

export interface CaseloadLine {
  client: Client;
  lastScore: ScaleScore | null;
  openReferrals: number;
  openNudges: (Nudge & { client: Client })[];
  /** While the client's reminders are on crisis hold: the alert whose "hervat herinneringen" lifts it. */
  heldAlertId: string | null;
}

export interface Caseload {
  lines: CaseloadLine[];
  /** How many clients the coach has in all (more than shown when over CASELOAD_MAX). */
  total: number;
}

export async function coachCaseload(tx: Tx, member: Member): Promise<Caseload> {
  if (member.role !== "COACH") return { lines: [], total: 0 };
  const where = { coachId: member.id };
  const clients = await tx.client.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: CASELOAD_MAX });
  const total = await tx.client.count({ where });
  const ids = clients.map((c) => c.id);
  // One transaction, one connection: the queries run one after the other.
  const scores = await tx.scaleScore.findMany({ where: { clientId: { in: ids } }, orderBy: [{ clientId: "asc" }, { at: "desc" }], distinct: ["clientId"] });
  const referrals = await tx.referral.findMany({ where: { clientId: { in: ids } } });
  const nudges = await tx.nudge.findMany({
    where: { clientId: { in: ids }, coachId: member.id, status: "OPEN" },
    orderBy: { openedAt: "asc" },
    include: { client: true },
  });
  const held = clients.filter((c) => c.crisisHoldSince !== null).map((c) => c.id);
  const alerts = held.length ? await tx.crisisAlert.findMany({ where: { clientId: { in: held } }, orderBy: [{ clientId: "asc" }, { createdAt: "desc" }], distinct: ["clientId"] }) : [];
  const lines = clients.map((client) => ({
    client,
    lastScore: scores.find((s) => s.clientId === client.id) ?? null,
    openReferrals: referrals.filter((r) => r.clientId === client.id && !isClosed(r)).length,
    openNudges: nudges.filter((n) => n.clientId === client.id),
    heldAlertId: alerts.find((a) => a.clientId === client.id)?.id ?? null,
  }));
  for (const client of clients) {
    await audit(tx, { actorKind: "COACH", actorId: member.id, action: "caseload.viewed", clientId: client.id, detail: { via: "slack.home" } });
  }
  return { lines, total };
}
