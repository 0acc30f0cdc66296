/**
 * The Slack message of a nudge (and of the daily digest): the client's first name, what
 * happened and since when, with three buttons. The Bolt listeners for the buttons use the
 * action ids below and find the nudge by the button's value.
 */
import type { CoachAddress, NudgeNote } from "../jobs/nudge-jobs.js";
import { DIGEST_MAX } from "../jobs/nudge-jobs.js";
import type { SlackT } from "../i18n-slack.js";
import { clip, escapeSlack, mrkdwn, SLACK_LIMITS } from "./text.js";
import { NUDGE_ACTIONS } from "./ids.js";


/** A Slack Block Kit block, loosely typed: we only build a few kinds. */
export type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** "heeft al 7 dagen niets laten horen." and the like. */
export function describeCause(t: SlackT, note: NudgeNote, now: Date): string {
  const d = note.detail;
  const scale = typeof d.scale === "string" ? t(`nudge.scale.${d.scale}`) : "";
  switch (note.cause) {
    case "silent":
      return t("nudge.cause.silent", { count: Math.max(1, Math.floor((now.getTime() - note.since.getTime()) / 86_400_000)) });
    case "score_drop":
      return d.from === undefined
        ? t("nudge.cause.score_low", { scale, to: String(d.to) })
        : t("nudge.cause.score_drop", { scale, from: String(d.from), to: String(d.to) });
    case "missed_checkin":
    case "step_overdue":
    case "unreachable":
    case "crisis":
    case "job_failed":
    case "client_stopped":
    case "client_paused":
    case "consent_refused":
    case "consent_withdrawn":
    case "open_promise":
      return t(`nudge.cause.${note.cause}`);
    case "parked_often":
      return t("nudge.cause.parked_often", { flow: t(`file.flow.${typeof d.flow === "string" && ["grow", "miracle", "scaling", "checkin"].includes(d.flow) ? d.flow : "other"}`), times: String(d.count ?? 3) });
    case "step_done":
      return t("nudge.cause.step_done", { what: typeof d.what === "string" ? escapeSlack(d.what) : "" });
    // the trajectory (src/domain/trajectory.ts, flows/evaluation.ts, flows/closing.ts, flows/aftercare.ts)
    case "evaluation_due":
    case "evaluation_done":
    case "closing_due":
      return t(`nudge.cause.${note.cause}`);
    case "closing_handover":
      return t("nudge.cause.closing_handover", { next: t(`nudge.next.${typeof d.next === "string" && ["work", "volunteering", "course", "care"].includes(d.next) ? d.next : "other"}`) });
    case "aftercare_due":
      return t("nudge.cause.aftercare_due", { weeks: String(d.weeks ?? "") });
    case "aftercare_relapse":
      return t("nudge.cause.aftercare_relapse", { weeks: String(d.weeks ?? ""), score: typeof d.score === "number" ? t("nudge.scoreSuffix", { score: String(d.score) }) : "" });
    case "forgotten":
      return t(d.via === "cli" ? "nudge.cause.forgottenByCoach" : "nudge.cause.forgotten");
    default:
      return t("nudge.cause.other", { cause: note.cause });
  }
}

function noteBlocks(t: SlackT, note: NudgeNote, now: Date): Block[] {
  const title = t("nudge.title", { name: escapeSlack(note.clientFirstName), what: describeCause(t, note, now) });
  const since = t("nudge.since", { since: note.since.toISOString() });
  return [{ type: "section", text: mrkdwn(`${title}\n${since}`) }, nudgeButtons(t, note.nudgeId)];
}

/** The three buttons of one nudge; each button's value is the nudge id. */
export function nudgeButtons(t: SlackT, nudgeId: string): Block {
  const button = (action: keyof typeof NUDGE_ACTIONS, style?: "primary") => ({
    type: "button",
    action_id: NUDGE_ACTIONS[action],
    value: nudgeId,
    text: { type: "plain_text", text: t(`nudge.button.${action}`) },
    ...(style ? { style } : {}),
  });
  return { type: "actions", block_id: `nudge:${nudgeId}`, elements: [button("contact", "primary"), button("snooze"), button("done")] };
}

/** One nudge: a section with the essentials and the three buttons. */
export function nudgeMessage(t: SlackT, note: NudgeNote, now: Date): SlackMessage {
  // The fallback text is read by Slack as mrkdwn too (and shown in notifications).
  const text = clip(`${escapeSlack(note.clientFirstName)} ${describeCause(t, note, now)}`, SLACK_LIMITS.fallback);
  return { text, blocks: noteBlocks(t, note, now) };
}

/** The daily digest: a title with the number of clients, and up to DIGEST_MAX nudges; the rest are counted. */
export function digestMessage(t: SlackT, notes: NudgeNote[], now: Date): SlackMessage {
  const title = t("nudge.digest.title", { count: new Set(notes.map((n) => n.clientId)).size });
  const shown = notes.slice(0, DIGEST_MAX);
  const blocks: Block[] = [{ type: "section", text: { type: "mrkdwn", text: `*${title}*` } }];
  for (const note of shown) blocks.push({ type: "divider" }, ...noteBlocks(t, note, now));
  if (notes.length > shown.length) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t("nudge.digest.more", { count: notes.length - shown.length }) }] });
  }
  return { text: title, blocks };
}

/** A one-line description for the log, when Slack is not configured. */
export function logLine(t: SlackT, coach: CoachAddress, note: NudgeNote, now: Date): string {
  return `${coach.name}: ${note.clientFirstName} ${describeCause(t, note, now)}`;
}
