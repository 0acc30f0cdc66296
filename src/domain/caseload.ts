/**
 * A coach's own clients for the App Home: status, last contact, last scale score, open
 * referrals and open nudges. Only the coach's own clients; each client shown is audited.
 * Clients who need attention come first, whatever their name: an open crisis alert, then open
 * nudges (the oldest first), then the rest by name; a page shows CASELOAD_MAX of them.
 */
import { notSharingWithCoach } from "./consent.js";
import type { Database, Tx } from "../db/client.js";
import type { Client, Member, Nudge, ScaleScore } from "../generated/prisma/client.js";
import { audit } from "./audit.js";
import { isClosed } from "./referrals/lifecycle.js";

export const CASELOAD_MAX = 20;

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
  /** Where this page starts in the attention order. */
  offset: number;
}

/** The coach's client ids in attention order: open crisis alert, open nudges (oldest first), then by name. */
async function attentionOrder(tx: Tx, coachId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM "Client" c
    LEFT JOIN LATERAL (SELECT 1 AS open FROM "CrisisAlert" a WHERE a."clientId" = c.id AND a.status <> 'CONTACTED' LIMIT 1) alert ON true
    LEFT JOIN LATERAL (SELECT min(n."openedAt") AS since FROM "Nudge" n WHERE n."clientId" = c.id AND n."coachId" = c."coachId" AND n.status = 'OPEN') nudge ON true
    WHERE c."coachId" = ${coachId}::uuid
    ORDER BY (alert.open IS NULL), (nudge.since IS NULL), nudge.since, lower(c.name), c.id`;
  return rows.map((r) => r.id);
}

export async function coachCaseload(tx: Tx, member: Member, offset = 0): Promise<Caseload> {
  if (member.role !== "COACH") return { lines: [], total: 0, offset: 0 };
  const order = await attentionOrder(tx, member.id);
  const total = order.length;
  const start = Math.max(0, Math.min(Math.floor(offset), Math.max(0, total - 1)));
  const ids = order.slice(start, start + CASELOAD_MAX);
  const found = await tx.client.findMany({ where: { id: { in: ids }, coachId: member.id } });
  const clients = ids.flatMap((id) => found.filter((c) => c.id === id));
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
  const hidden = await notSharingWithCoach(tx, ids);
  const lines = clients.map((client) => ({
    client,
    lastScore: hidden.has(client.id) ? null : (scores.find((s) => s.clientId === client.id) ?? null),
    openReferrals: referrals.filter((r) => r.clientId === client.id && !isClosed(r)).length,
    openNudges: nudges.filter((n) => n.clientId === client.id),
    heldAlertId: alerts.find((a) => a.clientId === client.id)?.id ?? null,
  }));
  for (const client of clients) {
    await audit(tx, { actorKind: "COACH", actorId: member.id, action: "caseload.viewed", clientId: client.id, detail: { via: "slack.home", why: "caseload" } });
  }
  return { lines, total, offset: start };
}

/** `coachCaseload` in a transaction of its own. */
export async function coachCaseloadIn(db: Database, ...args: Parameters<typeof coachCaseload> extends [unknown, ...infer R] ? R : never): Promise<Caseload> {
  return db.prisma.$transaction((tx) => coachCaseload(tx, ...args));
}
