/**
 * What comes from Slack is checked at the edge, before any query: ids must look like ids, the
 * user must be a Slack user id. A signed request can still be forged by someone who has the
 * signing secret, or be a stale button; whatever is refused leaves an audit row `slack.refused`
 * (who: the Slack user and the member when known; what: the command, action or view; why) and
 * counts in the "Slack requests refused" metric.
 */
import { z } from "zod";
import { auditSlackRefusal as auditRefusal } from "../domain/audit.js";
import type { DataHandle, Member } from "../domain/members.js";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A database id (uuid) as a button value, a modal's metadata or a chosen option. */
export const uuidSchema = z.string().regex(UUID_PATTERN);
/** Slack user, channel and team ids: capitals and digits. */
export const slackIdSchema = z.string().regex(/^[A-Z0-9]{2,32}$/);

/** The id, or null when it is not a well-formed uuid (so it never reaches a query). */
export function parseUuid(value: unknown): string | null {
  const parsed = uuidSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseSlackId(value: unknown): string | null {
  const parsed = slackIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The Slack user behind a request body, if the body names one that looks real. */
export function slackUserOf(body: unknown): string | null {
  const b = (body ?? {}) as { user?: { id?: unknown } | unknown; user_id?: unknown; event?: { user?: unknown } };
  const user = b.user && typeof b.user === "object" ? (b.user as { id?: unknown }).id : b.user_id ?? b.event?.user;
  return parseSlackId(user);
}

export type Surface = "command" | "action" | "view" | "options" | "event" | "request";

export interface Refusal {
  surface: Surface;
  /** The command, action id, view callback id or event type (cut to 64 characters). */
  what: string;
  /** Why: "notMember", "malformedId", "notYours", "unknownAction", ... */
  why: string;
  slackUserId: string | null;
  member?: Member | null;
  referralId?: string | null;
}

const short = (v: string | null | undefined, max: number) => (v ?? "").slice(0, max);

/** Writes the audit row of one refusal in its own transaction; a failure to write is logged by the caller. */
export async function auditSlackRefusal(db: DataHandle, r: Refusal): Promise<void> {
  await auditRefusal(db, {
    why: r.why,
    member: r.member ?? null,
    referralId: parseUuid(r.referralId),
    detail: { surface: r.surface, what: short(r.what, 64), why: short(r.why, 64), slackUser: parseSlackId(r.slackUserId) },
  });
}
