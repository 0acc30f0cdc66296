import type { Database, Tx } from "../db/client.js";
import type { ActorKind, Prisma } from "../generated/prisma/client.js";
import { countSlackRefused } from "../metrics.js";
import { actorKindOf } from "./members.js";
import { wellFormedDeep } from "../well-formed.js";

export interface AuditEntry {
  actorKind: ActorKind;
  actorId?: string | null;
  /** What was done, as `<object>.<verb>`: "client.invited", "conversation.started", "referral.viewed". */
  action: string;
  clientId?: string | null;
  referralId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * Writes one audit event in the caller's transaction. Every access to client data by a
 * professional goes through here, so the audit log is complete when the action commits and
 * absent when it does not.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      clientId: entry.clientId ?? null,
      referralId: entry.referralId ?? null,
      // A forged action or view id can hold what jsonb refuses.
      detail: wellFormedDeep(entry.detail ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/**
 * The audit row `slack.refused` of one refused Slack request, in its own transaction, and its
 * count in the "Slack requests refused" metric. The caller checks the ids before.
 */
export async function auditSlackRefusal(
  db: Database,
  r: { why: string; member: { id: string; role: "COACH" | "PARTNER" | "ADMIN" } | null; referralId: string | null; detail: Record<string, string | null> },
): Promise<void> {
  countSlackRefused(r.why);
  await db.prisma.$transaction((tx) =>
    audit(tx, {
      actorKind: r.member ? actorKindOf(r.member) : "SYSTEM",
      actorId: r.member?.id ?? null,
      action: "slack.refused",
      referralId: r.referralId,
      detail: r.detail,
    }),
  );
}
