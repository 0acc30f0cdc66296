/**
 * Delivery of coach nudges: one Slack message per nudge, or for coaches who asked for it
 * (nudgeMode DAILY_DIGEST) one digest a day. A crisis always goes out at once.
 *
 * Unlike client messages, nudges are delivered at least once: Slack has no idempotency key
 * either, and a coach seeing the same note twice after a rare crash is a small cost next to a
 * missed crisis.
 */
import type { Database } from "../db/client.js";
import { enqueueOnce } from "../db/queue.js";
import { firstName } from "../domain/clients.js";
import { NUDGE_DELIVERY as COACH_NUDGE, openNudge, type NudgeRequest } from "../domain/nudges.js";
import type { Client, Member, Nudge } from "../generated/prisma/client.js";
import { isoDay, localTime } from "../domain/reminders/schedule.js";
import type { JobHandler } from "./types.js";

/** Payload of a `coach.nudge` job: deliver this Nudge row to its coach. */
export interface CoachNudgePayload {
  nudgeId: string;
}

export const DIGEST_SEND = "coach.digest.send";
/** Most nudges listed in one digest message (Slack allows 50 blocks; each nudge takes two). */
export const DIGEST_MAX = 15;

/** What a coach is told: the client's first name, what happened, since when. Never more. */
export interface NudgeNote {
  nudgeId: string;
  cause: string;
  /** The digest counts clients, and one client can have several nudges open. */
  clientId: string;
  clientFirstName: string;
  since: Date;
  detail: Record<string, unknown>;
}

export interface CoachAddress {
  id: string;
  name: string;
  slackUserId: string | null;
}

export interface Delivered {
  channel: string | null;
  ts: string | null;
}

/** Where nudges go: Slack, or the log when Slack is not configured. */
export interface NudgeSink {
  deliver(coach: CoachAddress, notes: NudgeNote[], kind: "single" | "digest", now: Date): Promise<Delivered>;
}

export function toNote(nudge: Nudge & { client: Client }): NudgeNote {
  const detail = (nudge.detail ?? {}) as Record<string, unknown>;
  const since = typeof detail.since === "string" ? new Date(detail.since) : nudge.openedAt;
  // A forgotten client's nudge names them from its own detail: the client row has no name any more.
  const name = typeof detail.name === "string" ? detail.name : firstName(nudge.client);
  return { nudgeId: nudge.id, cause: nudge.cause, clientId: nudge.clientId, clientFirstName: name, since, detail };
}

function address(coach: Member): CoachAddress {
  return { id: coach.id, name: coach.name, slackUserId: coach.slackUserId };
}

/** `coach.nudge`: delivers one nudge unless it was closed or put off meanwhile, or waits for the digest. */
export function coachNudgeHandler(sink: NudgeSink): JobHandler {
  return async (job, ctx) => {
    const payload = job.payload as CoachNudgePayload | NudgeRequest;
    if (!("nudgeId" in payload)) {
      // A job queued before nudges had rows of their own: open the row, which queues the delivery.
      await ctx.db.prisma.$transaction((tx) => openNudge(tx, { ...payload, now: ctx.now() }));
      return;
    }
    const nudge = await ctx.db.prisma.nudge.findUnique({ where: { id: payload.nudgeId }, include: { client: true, coach: true } });
    if (!nudge || nudge.status !== "OPEN" || nudge.notifiedAt) return;
    if (nudge.coach.nudgeMode === "DAILY_DIGEST" && nudge.cause !== "crisis") return;
    // After a crisis signal the crisis alert speaks; other nudges wait until the coach resumes (alerts.ts).
    if (nudge.client.crisisHoldSince && nudge.cause !== "crisis") return;
    const now = ctx.now();
    const where = await sink.deliver(address(nudge.coach), [toNote(nudge)], "single", now);
    await ctx.db.prisma.nudge.update({
      where: { id: nudge.id },
      data: { notifiedAt: now, slackChannel: where.channel, slackTs: where.ts },
    });
  };
}

/** The daily round: one `coach.digest.send` job per digest coach with something new. */
export async function planDigests(db: Database, now: Date): Promise<number> {
  const coaches = await db.prisma.member.findMany({
    where: { nudgeMode: "DAILY_DIGEST", active: true, nudges: { some: { status: "OPEN", notifiedAt: null } } },
    select: { id: true },
  });
  const day = isoDay(localTime(now).day);
  for (const c of coaches) {
    await enqueueOnce(db.prisma, { kind: DIGEST_SEND, payload: { coachId: c.id }, idempotencyKey: `${DIGEST_SEND}:${c.id}:${day}`, dueAt: now });
  }
  return coaches.length;
}

/** `coach.digest.send`: every open nudge the coach has not seen yet, in one message. */
export function digestHandler(sink: NudgeSink): JobHandler {
  return async (job, ctx) => {
    const { coachId } = job.payload as { coachId: string };
    const coach = await ctx.db.prisma.member.findUnique({ where: { id: coachId } });
    if (!coach) return;
    const nudges = await ctx.db.prisma.nudge.findMany({
      where: { coachId, status: "OPEN", notifiedAt: null, client: { crisisHoldSince: null } },
      include: { client: true },
      orderBy: { openedAt: "asc" },
    });
    if (!nudges.length) return;
    const now = ctx.now();
    const where = await sink.deliver(address(coach), nudges.map(toNote), "digest", now);
    await ctx.db.prisma.nudge.updateMany({
      where: { id: { in: nudges.map((n) => n.id) } },
      data: { notifiedAt: now, slackChannel: where.channel, slackTs: where.ts },
    });
  };
}

export { COACH_NUDGE };
