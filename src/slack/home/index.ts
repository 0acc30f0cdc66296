/**
 * The App Home: the referrals this member may see, grouped (my clients, received by my
 * organisation, filed by my organisation), with a refresh button. Shown when the tab opens.
 */
import type { App, Context, types, webApi } from "@slack/bolt";
import { CASELOAD_MAX, coachCaseloadIn, type Caseload } from "../../domain/caseload.js";
import type { OverviewLine } from "../../domain/referrals/overview.js";
import { organisationKind, type Member } from "../../domain/members.js";
import { firstName } from "../../domain/clients.js";
import { toNote } from "../../jobs/nudge-jobs.js";
import type { SlackDeps } from "../context.js";
import { resumeButtonRow } from "../crisis.js";
import { describeCause, nudgeButtons } from "../nudge-message.js";
import { memberOf, recordRefusal } from "../context.js";
import { registerReport, reportButtons } from "../report.js";
import { parseSlackId } from "../refusals.js";
import { escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "../text.js";
import { FILE_OPEN, HOME_PAGE, HOME_REFRESH } from "../ids.js";


/** Slack allows 100 blocks in a view; the referral sections and the refresh button take fewer than 10. */
const CASELOAD_BLOCKS = 85;

/** "Mijn cliënten": each client with status, last contact, last score, open referrals and nudges (with their buttons). */
function caseloadSection(deps: SlackDeps, caseload: Caseload, now: Date): types.KnownBlock[] {
  const t = deps.t;
  const blocks: types.KnownBlock[] = [{ type: "header", text: plainText(t("referral.home.caseload.title"), SLACK_LIMITS.header) }];
  if (caseload.total > caseload.lines.length) blocks.push({ type: "context", elements: [mrkdwn(t("file.attention"))] });
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
    const open = { type: "button" as const, action_id: FILE_OPEN, value: c.id, text: plainText(t("file.open"), SLACK_LIMITS.button) };
    blocks.push({ type: "section", text: mrkdwn(text), accessory: open });
    if (line.heldAlertId) blocks.push(resumeButtonRow(t, line.heldAlertId));
    for (const n of line.openNudges) blocks.push(nudgeButtons(t, n.id) as unknown as types.KnownBlock);
    shown++;
  }
  if (caseload.total > shown) {
    const from = caseload.offset + 1;
    const to = caseload.offset + shown;
    blocks.push({ type: "context", elements: [mrkdwn(t("file.page.range", { from, to, total: caseload.total }))] });
    const buttons = [
      ...(caseload.offset > 0 ? [{ type: "button" as const, action_id: `${HOME_PAGE}.prev`, value: String(Math.max(0, caseload.offset - CASELOAD_MAX)), text: plainText(t("file.page.previous"), SLACK_LIMITS.button) }] : []),
      ...(to < caseload.total ? [{ type: "button" as const, action_id: `${HOME_PAGE}.next`, value: String(to), text: plainText(t("file.page.next"), SLACK_LIMITS.button) }] : []),
    ];
    if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  }
  return blocks;
}

/** The coach's own clients, audited as viewed; nobody else has a caseload. */
async function caseloadOf(deps: SlackDeps, member: Member, offset: number): Promise<Caseload | null> {
  if (member.role !== "COACH") return null;
  return coachCaseloadIn(deps.db, member, offset);
}

function section(deps: SlackDeps, title: string, lines: OverviewLine[]): types.KnownBlock[] {
  const text = lines.length
    ? lines.map((l) => deps.t("referral.home.line", { what: escapeSlack(l.what), state: deps.t(`referral.state.${l.direction === "OUT" ? "out" : "in"}.${l.state}`), date: l.at.toISOString() })).join("\n")
    : deps.t("referral.home.none");
  return [{ type: "header", text: plainText(title, SLACK_LIMITS.header) }, { type: "section", text: mrkdwn(text) }];
}

/** Publishes the home tab of the request's member (`memberOf(context)`); someone unknown sees how to get access. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string, what: string, context: Context, offset = 0): Promise<void> {
  const user = parseSlackId(userId);
  if (!user) return recordRefusal(deps, { surface: what === HOME_REFRESH ? "action" : "event", what, why: "noUser", slackUserId: null });
  const member = memberOf(context);
  const blocks: types.KnownBlock[] = [{ type: "header", text: plainText(deps.t("referral.home.title"), SLACK_LIMITS.header) }];
  if (!member) {
    await recordRefusal(deps, { surface: what === HOME_REFRESH ? "action" : "event", what, why: "notMember", slackUserId: user });
    blocks.push({ type: "section", text: mrkdwn(deps.t("referral.home.unknown")) });
  } else {
    const caseload = await caseloadOf(deps, member, offset);
    if (caseload) blocks.push(...caseloadSection(deps, caseload, deps.clock()));
    const o = await deps.service.overview(member);
    if (member.role === "COACH") blocks.push(...section(deps, deps.t("referral.home.mine"), o.mine));
    const org = escapeSlack(o.org);
    blocks.push(...section(deps, deps.t("referral.home.incoming", { org }), o.incoming));
    if (o.filed.length || member.role === "PARTNER") blocks.push(...section(deps, deps.t("referral.home.filed", { org }), o.filed));
    blocks.push({ type: "actions", elements: [{ type: "button", action_id: HOME_REFRESH, text: { type: "plain_text", text: "↻" } }] });
    // The team report (src/slack/report.ts), for coaches and admins of a coach team.
    blocks.push(...reportButtons(deps.t, member, (await organisationKind(deps.db, member.organisationId)) ?? "", deps.clock()));
  }
  await client.views.publish({ user_id: user, view: { type: "home", blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks) } });
}

export function registerHome(app: App, deps: SlackDeps): void {
  registerReport(app, deps);
  app.action(HOME_REFRESH, async ({ ack, body, client, context }) => {
    await ack();
    await publishHome(deps, client, (body.user as { id?: string } | undefined)?.id ?? "", HOME_REFRESH, context);
  });
  app.action(/^home\.page\.(prev|next)$/, async ({ ack, body, client, action, context }) => {
    await ack();
    const offset = Number((action as { value?: string }).value);
    await publishHome(deps, client, (body.user as { id?: string } | undefined)?.id ?? "", HOME_PAGE, context, Number.isSafeInteger(offset) && offset >= 0 ? offset : 0);
  });
}
