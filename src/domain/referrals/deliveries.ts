/**
 * Who hears of a referral change, written to the outbox in the change's own transaction: the card
 * in the receiving organisation's channel (posted once, then updated), a line in its thread,
 * direct messages to the coach or the referrer, and a Telegram message when it concerns the
 * client. A crash after the commit loses nothing: the jobs are still pending.
 */
import { enqueueOnce } from "../../db/queue.js";
import type { Tell } from "../../../flows/referral/index.js";
import type { Tx } from "../../db/client.js";
import type { Referral } from "../../generated/prisma/client.js";
import { enqueueTelegram } from "../../outbox/messages.js";
import type { Applied } from "./lifecycle.js";
import { memberLabel } from "./labels.js";

export const SLACK_REFERRAL_JOB = "slack.referral";

export interface Line {
  key: string;
  vars: Record<string, string>;
}

/** Buttons a direct message carries, rendered by the Slack side. */
export type DmControls = "askAgain" | "answerInfo";

export interface SlackReferralPayload {
  referralId: string;
  /** Post the card (first time) or update it to the referral's current state. */
  card: boolean;
  thread?: Line;
  dms: { memberId: string; line: Line; controls?: DmControls }[];
  /** Steps already done, so a retry does not post twice ("card", "thread", "dm:0", ...). */
  done?: string[];
}

/** Client tells that mention the appointment need its time and place. */
const NEEDS_PLAN = new Set(["referralNews.planned"]);

/**
 * An OUT referral has a card only once the client agreed to share something: before that the
 * partner must not see that the referral exists.
 */
export function hasCard(referral: Referral): boolean {
  return referral.direction === "IN" || referral.consentedItems.length > 0;
}

async function names(tx: Tx, referral: Referral) {
  const [toOrg, fromOrg, client] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: referral.toOrgId } }),
    tx.organisation.findUniqueOrThrow({ where: { id: referral.fromOrgId } }),
    referral.clientId ? tx.client.findUnique({ where: { id: referral.clientId }, include: { coach: true } }) : null,
  ]);
  return { toOrg, fromOrg, client };
}

/** The free texts and facts of an event, as template variables (the Slack side escapes them). */
function eventVars(applied: Applied): Record<string, string> {
  const e = applied.event;
  const vars: Record<string, string> = {};
  if ("reason" in e) vars.reason = e.reason;
  if ("outcome" in e) vars.outcome = e.outcome;
  if ("question" in e) vars.question = e.question;
  if ("answer" in e) vars.answer = e.answer;
  if (e.type === "partner.planned") {
    vars.when = new Date(e.at).toISOString();
    vars.place = e.place;
  }
  // i18next picks `<key>_withCoach` or `<key>_alone` when they exist.
  if (e.type === "partner.contactMade") vars.context = e.withCoach ? "withCoach" : "alone";
  return vars;
}

/** Queues everything that follows from one applied change. `actorLabel` names who did it in the thread. */
export async function deliverChange(tx: Tx, applied: Applied, actorLabel: string, now: Date): Promise<void> {
  const { referral } = applied;
  const { toOrg, fromOrg, client } = await names(tx, referral);
  // A referrer reads the name they wrote themselves, never more of a client record.
  const person = referral.direction === "IN" ? (referral.personName ?? "") : (client?.name ?? "");
  const base = { partner: toOrg.name, team: toOrg.name, from: fromOrg.name, client: person, coach: client?.coach.name ?? "" };
  const slackVars = { ...base, ...eventVars(applied), actor: actorLabel, coach: client ? memberLabel(client.coach) : "" };
  const payload: SlackReferralPayload = { referralId: referral.id, card: hasCard(referral), dms: [] };
  if (payload.card) payload.thread = { key: `referral.thread.${applied.event.type}`, vars: slackVars };
  for (const tell of applied.tells) {
    if (tell.to === "client") {
      if (client) await tellClient(tx, referral, tell, { ...base, ...eventVars(applied) }, String(applied.eventId));
      continue;
    }
    const memberId = tell.to === "referrer" ? referral.filedByMemberId : client?.coachId;
    if (!memberId) continue;
    const controls = controlsFor(tell);
    payload.dms.push({ memberId, line: { key: tell.key, vars: slackVars }, ...(controls ? { controls } : {}) });
  }
  // OUT jobs carry the client, so the dispatcher keeps one client's referral messages in order.
  // IN jobs do not: the invited client may still be removed as a duplicate (in.ts).
  await enqueueSlack(tx, payload, referral.direction === "OUT" ? referral.clientId : null, `${referral.id}:${applied.eventId}`, now);
}

function controlsFor(tell: Tell): DmControls | undefined {
  if (tell.key === "referral.dm.out.askedCoach") return "askAgain";
  if (tell.key === "referral.dm.in.infoRequested") return "answerInfo";
  return undefined;
}

/** A Telegram message to the client, unless they stopped the bot or are not linked. */
async function tellClient(tx: Tx, referral: Referral, tell: Tell, vars: Record<string, string>, key: string): Promise<void> {
  const client = referral.clientId ? await tx.client.findUnique({ where: { id: referral.clientId } }) : null;
  if (!client?.telegramChatId || client.status === "STOPPED" || client.status === "REFUSED") return;
  if (NEEDS_PLAN.has(tell.key) && !vars.when) return;
  await enqueueTelegram(tx, {
    clientId: client.id,
    chatId: client.telegramChatId,
    language: client.language,
    messages: [{ key: tell.key, vars }],
    key: `referral:${referral.id}:${key}:${tell.key}`,
  });
}

/** Writes one Slack job for a referral; its key makes a retried transaction queue it once. */
export async function enqueueSlack(tx: Tx, payload: SlackReferralPayload, clientId: string | null, key: string, now: Date): Promise<void> {
  if (!payload.card && !payload.thread && payload.dms.length === 0) return;
  const idempotencyKey = `${SLACK_REFERRAL_JOB}:${key}`;
  await enqueueOnce(tx, { kind: SLACK_REFERRAL_JOB, payload, clientId, dueAt: now, idempotencyKey });
}
