import type { Database } from "../db/client.js";
import { audit } from "../domain/audit.js";
import { isClosed } from "../domain/referrals/lifecycle.js";
import { lockClient } from "../db/locks.js";
import { deleteFinishedBefore } from "../db/queue.js";

/** Finished jobs are kept this long (for support questions), then deleted. */
export const KEEP_FINISHED_DAYS = 7;
/** Dead jobs are kept longer, so someone can look into what failed. */
export const KEEP_DEAD_DAYS = 30;

/**
 * Deletes finished jobs past their retention. Outbox jobs hold a chat id and what was said to the
 * client, so they must not pile up: we keep what we need, no longer (METHOD.md section 7).
 * Recurring occurrences are finished jobs too and go the same way.
 */
export async function deleteOldJobs(db: Database, now: Date): Promise<number> {
  const day = 24 * 3600 * 1000;
  return deleteFinishedBefore(db.sql, new Date(now.getTime() - KEEP_FINISHED_DAYS * day), new Date(now.getTime() - KEEP_DEAD_DAYS * day));
}

/** Conversation texts are kept this many months after the client stopped or the coaching closed. */
export const DEFAULT_TEXT_MONTHS = 12;

/** Statuses in which a client no longer talks with Koers. */
const ENDED = ["CLOSED", "STOPPED", "UNREACHABLE", "REFUSED"];

/**
 * Deletes the conversation texts of clients whose coaching closed or who stopped (or blocked the
 * bot) and have not written for `months`: conversations, goals and steps, score notes, the crisis
 * check and the words of crisis signals. The client row (the coach's record), consents, the
 * audit log and crisis alerts without their words stay. Returns how many clients were cleared.
 */
export async function deleteOldTexts(db: Database, now: Date, months: number = DEFAULT_TEXT_MONTHS): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const clients = await db.sql.query<{ id: string }>(
    `SELECT c.id::text AS id FROM "Client" c
     WHERE c.status::text = ANY($1) AND GREATEST(c."updatedAt", coalesce(c."lastClientMessageAt", c."createdAt")) < $2
       AND (EXISTS (SELECT 1 FROM "FlowRun" r WHERE r."clientId" = c.id) OR EXISTS (SELECT 1 FROM "Goal" g WHERE g."clientId" = c.id)
         OR EXISTS (SELECT 1 FROM "ScaleScore" s WHERE s."clientId" = c.id AND s.note IS NOT NULL) OR c."crisisCheckText" IS NOT NULL
         OR EXISTS (SELECT 1 FROM "CrisisAlert" a WHERE a."clientId" = c.id AND a."messageText" <> ''))
     LIMIT 500`,
    [ENDED, cutoff],
  );
  for (const { id } of clients) {
    await db.prisma.$transaction(async (tx) => {
      await lockClient(tx, id);
      await tx.flowRun.deleteMany({ where: { clientId: id } });
      await tx.goal.deleteMany({ where: { clientId: id } });
      await tx.scaleScore.updateMany({ where: { clientId: id, note: { not: null } }, data: { note: null } });
      await tx.crisisAlertEvent.updateMany({ where: { alert: { clientId: id }, messageText: { not: null } }, data: { messageText: null, detail: {} } });
      await tx.crisisAlert.updateMany({ where: { clientId: id }, data: { messageText: "" } });
      await tx.client.update({ where: { id }, data: { crisisCheckText: null, crisisCheckStep: null } });
    });
  }
  return clients.length;
}

/** What was shared in a referral is kept this many months after it ended, unless the partner's agreement says otherwise. */
export const DEFAULT_SHARE_MONTHS = 12;

/**
 * The end of a partner agreement's term: what was shared with a partner (or by one, in a referral
 * in) is erased `Organisation.shareRetentionMonths` (else `defaultMonths`) after the referral
 * ended (closed, or the client took their consent back): the person's name and contact, the need,
 * the wish, the summary and the data of its history. The referral stays as a row (who, when,
 * which state), marked `sharesClearedAt`, with an audit row. Returns how many were cleared.
 */
export async function clearOldShares(db: Database, now: Date, defaultMonths: number = DEFAULT_SHARE_MONTHS): Promise<number> {
  const partners = await db.prisma.organisation.findMany({ where: { kind: "PARTNER" }, select: { id: true, shareRetentionMonths: true } });
  let cleared = 0;
  for (const org of partners) {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - (org.shareRetentionMonths ?? defaultMonths));
    // updatedAt is never before the end, so this finds every candidate; the end itself is checked below.
    const candidates = await db.prisma.referral.findMany({
      where: { sharesClearedAt: null, updatedAt: { lt: cutoff }, OR: [{ direction: "OUT", toOrgId: org.id }, { direction: "IN", fromOrgId: org.id }] },
      take: 500,
    });
    for (const r of candidates) {
      const ended = r.consentWithdrawnAt ?? (isClosed(r) ? r.updatedAt : null);
      if (!ended || ended >= cutoff) continue;
      await db.prisma.$transaction(async (tx) => {
        await tx.referral.update({ where: { id: r.id }, data: { personName: null, personContact: null, need: "", wish: null, summary: null, sharesClearedAt: now } });
        await tx.referralEvent.updateMany({ where: { referralId: r.id }, data: { data: {} } });
        await audit(tx, { actorKind: "SYSTEM", action: "referral.sharesCleared", clientId: r.clientId, referralId: r.id, detail: { months: org.shareRetentionMonths ?? defaultMonths } });
      });
      cleared++;
    }
  }
  return cleared;
}
