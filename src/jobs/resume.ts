/**
 * `conversation.resume` (queued by the engine when a client parks a topic until an agreed day):
 * bring the topic back, but never at night, and not in the middle of another conversation.
 */
import type { Engine } from "../conversation/engine.js";
import { isQuietHours, nextSlot } from "../domain/reminders/schedule.js";
import type { JobHandler } from "./types.js";

const BUSY_RETRY_MS = 3_600_000;

export function resumeHandler(engine: Pick<Engine, "resumeParked">): JobHandler {
  return async (job, ctx) => {
    const now = ctx.now();
    const { flowRunId } = job.payload as { flowRunId: string };
    if (isQuietHours(now)) return { retryAt: nextSlot(now, "morning", flowRunId), reason: "quiet hours" };
    const outcome = await engine.resumeParked(flowRunId);
    if (outcome !== "busy") return;
    const later = new Date(now.getTime() + BUSY_RETRY_MS);
    return { retryAt: isQuietHours(later) ? nextSlot(later, "morning", flowRunId) : later, reason: "the client is busy" };
  };
}
