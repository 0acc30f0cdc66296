/**
 * The App Home: the referrals this member may see, grouped (my clients, received by my
 * organisation, filed by my organisation), with a refresh button. Shown when the tab opens.
 */
import type { App, types, webApi } from "@slack/bolt";
import { coachCaseload, type Caseload } from "../../domain/caseload.js";
import type { OverviewLine } from "../../domain/referrals/overview.js";
import type { Member } from "../../generated/prisma/client.js";
import { firstName, toNote } from "../../jobs/nudge-jobs.js";
import type { SlackDeps } from "../context.js";
import { resumeButtonRow } from "../crisis.js";
import { describeCause, nudgeButtons } from "../nudge-message.js";
import { recordRefusal } from "../context.js";
import { parseSlackId } from "../refusals.js";
import { escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "../text.js";

export const HOME_REFRESH = "home.refresh";

/** Slack allows 100 blocks in a view; the referral sections and the refresh button take fewer than 10. */
const CASELOAD_BLOCKS = 85;

/** "Mijn cliënten": each client with status, last contact, last score, open referrals and nudges (with their buttons). */
function caseloadSection(deps: SlackDeps, caseload: Caseload, now: Date): types.KnownBlock[] {
  const t = deps.t;
  const blocks: types.KnownBlock[] = [{ type: "header", text: plainText(t("referral.home.caseload.title"), SLACK_LIMITS.header) }];
  if (!caseload.lines.length) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: t("referral.home.caseload.none") } });
    return blocks;
  }
  let shown = 0;
  for (const line of caseload.lines) {
    const needed = 1 + line.openNudges.length + (line.heldAlertId ? 1 : 0);
    if (blocks.length + needed > CASELOAD_BLOCKS - 1) break;
    const c = line.client;
    const score = line.lastScore ? `${line.lastScore.score} (${t(`nudge.scale.${line.lastScore.kind}`)})` : t("referral.home.caseload.noScore");
    const text = [
      t("referral.home.caseload.line", {
        name: escapeSlack(firstName(c)),
        status: t(`referral.home.caseload.status.${c.status}`),
        last: c.lastClientMessageAt ? t("referral.home.caseload.lastAt", { at: c.lastClientMessageAt.toISOString() }) : t("referral.home.caseload.never"),
        score,
        referrals: line.openReferrals,
        nudges: line.openNudges.length,
      }),
      ...line.openNudges.map((n) => `• ${describeCause(t, toNote(n), now)}`),
      ...(line.heldAlertId && c.crisisHoldSince ? [t("referral.home.caseload.crisisHold", { since: c.crisisHoldSince.toISOString() })] : []),
    ].join("\n");
    blocks.push({ type: "section", text: mrkdwn(text) });
    if (line.heldAlertId) blocks.push(resumeButtonRow(t, line.heldAlertId));
    for (const n of line.openNudges) blocks.push(nudgeButtons(t, n.id) as unknown as types.KnownBlock);
    shown++;
  }
  if (caseload.total > shown) {
    blocks.push({ type: "context", elements: [mrkdwn(t("referral.home.caseload.more", { count: caseload.total - shown }))] });
  }
  return blocks;
}

/** The coach's own clients, audited as viewed; nobody else has a caseload. */
async function caseloadOf(deps: SlackDeps, member: Member): Promise<Caseload | null> {
  if (member.role !== "COACH") return null;
  return deps.db.prisma.$transaction((tx) => coachCaseload(tx, member));
}

function section(deps: SlackDeps, title: string, lines: OverviewLine[]): types.KnownBlock[] {
  const text = lines.length
    ? lines.map((l) => deps.t("referral.home.line", { what: escapeSlack(l.what), state: deps.t(`referral.state.${l.direction === "OUT" ? "out" : "in"}.${l.state}`), date: l.at.toISOString() })).join("\n")
    : deps.t("referral.home.none");
  return [{ type: "header", text: plainText(title, SLACK_LIMITS.header) }, { type: "section", text: mrkdwn(text) }];
}

/** Publishes the member's home tab; someone unknown sees how to get access. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string, what: string): Promise<void> {
  const user = parseSlackId(userId);
  if (!user) return recordRefusal(deps, { surface: what === HOME_REFRESH ? "action" : "event", what, why: "noUser", slackUserId: null });
  const member = await deps.service.member(user);
  const blocks: types.KnownBlock[] = [{ type: "header", text: plainText(deps.t("referral.home.title"), SLACK_LIMITS.header) }];
  if (!member) {
    await recordRefusal(deps, { surface: what === HOME_REFRESH ? "action" : "event", what, why: "notMember", slackUserId: user });
    blocks.push({ type: "section", text: mrkdwn(deps.t("referral.home.unknown")) });
  } else {
    const caseload = await caseloadOf(deps, member);
    if (caseload) blocks.push(...caseloadSection(deps, caseload, deps.clock()));
    const o = await deps.service.overview(member);
    if (member.role === "COACH") blocks.push(...section(deps, deps.t("referral.home.mine"), o.mine));
    const org = escapeSlack(o.org);
    blocks.push(...section(deps, deps.t("referral.home.incoming", { org }), o.incoming));
    if (o.filed.length || member.role === "PARTNER") blocks.push(...section(deps, deps.t("referral.home.filed", { org }), o.filed));
    blocks.push({ type: "actions", elements: [{ type: "button", action_id: HOME_REFRESH, text: { type: "plain_text", text: "↻" } }] });
  }
  await client.views.publish({ user_id: user, view: { type: "home", blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks) } });
}

export function registerHome(app: App, deps: SlackDeps): void {
  app.action(HOME_REFRESH, async ({ ack, body, client }) => {
    await ack();
    await publishHome(deps, client, (body.user as { id?: string } | undefined)?.id ?? "", HOME_REFRESH);
  });
}
