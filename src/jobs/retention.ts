import type { Database } from "../db/client.js";

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
  const rows = await db.sql.query<{ n: string }>(
    `WITH gone AS (
       DELETE FROM "Job"
       WHERE (status IN ('DONE', 'CANCELLED') AND COALESCE("doneAt", "dueAt") < $1)
          OR (status = 'DEAD' AND "dueAt" < $2)
       RETURNING 1)
     SELECT count(*)::text AS n FROM gone`,
    [new Date(now.getTime() - KEEP_FINISHED_DAYS * day), new Date(now.getTime() - KEEP_DEAD_DAYS * day)],
  );
  return Number(rows[0]?.n ?? 0);
}
