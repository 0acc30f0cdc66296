/**
 * The trajectory's talks on their day (src/domain/trajectory.ts): the evaluation and the closing
 * talk the coach planned, and the check-ins after closing the client agreed to. Each tells the
 * coach (`evaluation_due`, `closing_due`, `aftercare_due`) and starts its conversation in the
 * same transaction, unless the client is in another conversation (tried again in two hours), on
 * a crisis hold (every hour), or no longer there for it.
 */
import type { Tx } from "../db/client.js";
import { lockJobPayload } from "../db/locks.js";
import { markStarted } from "../db/queue.js";
import { onCrisisHold } from "../domain/safety/alerts.js";
import { openNudge } from "../domain/nudges.js";
import { AFTERCARE_DUE, CLOSING_DUE, EVALUATION_DUE, hasAftercareConsent, type TrajectoryJobPayload } from "../domain/trajectory.js";
import type { Client } from "../generated/prisma/client.js";
import { isQuietHours, nextSlot } from "../domain/reminders/schedule.js";
import type { WithClient } from "./reminder-jobs.js";
import type { JobHandler, JobHandlers, JobOutcome } from "./types.js";

const BUSY_MS = 2 * 3_600_000;
const HOLD_MS = 3_600_000;

interface Talk {
  flowId: string;
  cause: string;
  /** Whether the talk still applies to this client now; a reason when not. */
  check: (tx: Tx, client: Client, p: TrajectoryJobPayload) => Promise<string | null>;
  data: (p: TrajectoryJobPayload) => Record<string, unknown>;
}

function talkHandler(withClient: WithClient, talk: Talk): JobHandler {
  return async (job, ctx) => {
    const now = ctx.now();
    // Never at night: the talk waits for the morning.
    if (isQuietHours(now)) return { retryAt: nextSlot(now, "morning", job.id), reason: "quiet hours" };
    if (!job.clientId) return { patch: { skipped: "no client" } };
    const payload = job.payload as TrajectoryJobPayload;
    try {
      return await withClient(job.clientId, async ({ tx, client, start }): Promise<JobOutcome> => {
        const p = await lockJobPayload<TrajectoryJobPayload>(tx, job.id);
        if (!p || p.started) return undefined;
        if (client.telegramChatId === null) return { patch: { skipped: "this client has not opened the invite link yet" } };
        if (client.status !== "ACTIVE") return { patch: { skipped: `client ${client.status.toLowerCase()}` } };
        const why = await talk.check(tx, client, p);
        if (why) return { patch: { skipped: why } };
        if (onCrisisHold(client)) return { retryAt: new Date(now.getTime() + HOLD_MS), reason: "crisis hold: waiting for the coach" };
        const busy = await tx.flowRun.findFirst({ where: { clientId: client.id, status: "ACTIVE", flowId: { not: "menu" }, updatedAt: { gt: new Date(now.getTime() - BUSY_MS) } } });
        if (busy) return { retryAt: new Date(now.getTime() + BUSY_MS), reason: "the client is in another conversation" };
        await markStarted(tx, job.id);
        await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: talk.cause, now, detail: { ref: job.id, ...(typeof p.weeks === "number" ? { weeks: p.weeks } : {}) } });
        await start(talk.flowId, talk.data(payload));
        return undefined;
      });
    } catch (err) {
      // The client cannot get a conversation (unlinked, forgotten): nothing to start, nothing to retry.
      if (err instanceof Error && err.name === "ConversationError") return { patch: { skipped: err.message } };
      throw err;
    }
  };
}

/** The handlers of the three trajectory jobs. */
export function trajectoryHandlers(withClient: WithClient): JobHandlers {
  const always = () => Promise.resolve(null);
  return {
    [EVALUATION_DUE]: talkHandler(withClient, {
      flowId: "evaluation",
      cause: "evaluation_due",
      check: (_tx, client) => Promise.resolve(["CLOSING", "AFTERCARE", "CLOSED"].includes(client.phase) ? "the trajectory is closing" : null),
      data: () => ({ trigger: "planned" }),
    }),
    [CLOSING_DUE]: talkHandler(withClient, {
      flowId: "closing",
      cause: "closing_due",
      check: always,
      data: (p) => ({ trigger: "planned", ...(p.aftercareWeeks ? { aftercareWeeks: p.aftercareWeeks } : {}) }),
    }),
    [AFTERCARE_DUE]: talkHandler(withClient, {
      flowId: "aftercare",
      cause: "aftercare_due",
      check: async (tx, client) => {
        if (client.phase !== "AFTERCARE") return `phase ${client.phase.toLowerCase()}`;
        return (await hasAftercareConsent(tx, client.id)) ? null : "no permission for check-ins after closing";
      },
      data: (p) => ({ weeks: p.weeks ?? 4, last: p.last === true }),
    }),
  };
}
