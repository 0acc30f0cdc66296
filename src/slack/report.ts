/**
 * The team report in Slack (src/domain/team-report.ts): two buttons in the App Home of a coach or
 * admin of a coach team ("Teamrapport vorige maand", "deze maand"); a press sends the report as a
 * direct message in Block Kit sections with fields, table-like. Counts only, no names, no client
 * ids; counts from 1 to 4 as "<5". Every report is audited; a press by someone else is refused.
 */
import type { App, types } from "@slack/bolt";
import { openTeamReportIn, ReportError, shownChange, shownCount, type TeamReport } from "../domain/team-report.js";
import { PHASES } from "../domain/phase.js";
import { organisationKind, type Member } from "../domain/members.js";
import { localTime } from "../domain/reminders/schedule.js";
import type { SlackDeps } from "./context.js";
import { directMessage, memberOf, recordRefusal, tellUser } from "./context.js";
import type { SlackT } from "../i18n-slack.js";
import { parseSlackId } from "./refusals.js";
import { clip, escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "./text.js";
import { REPORT_ACTION } from "./ids.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Slack allows 10 fields a section. */
const FIELDS = 10;

const monthOf = (y: number, m: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;

/** This month and the one before, in Amsterdam. */
export function reportMonths(now: Date): { last: string; current: string } {
  const { y, m } = localTime(now).day;
  return { current: monthOf(y, m), last: m === 1 ? monthOf(y - 1, 12) : monthOf(y, m - 1) };
}

/** The buttons for the App Home: only coaches and admins, of a coach team. */
export function reportButtons(t: SlackT, member: Member, teamKind: string, now: Date): types.KnownBlock[] {
  if (teamKind !== "COACH_TEAM" || (member.role !== "COACH" && member.role !== "ADMIN")) return [];
  const { last, current } = reportMonths(now);
  return [
    {
      type: "actions",
      block_id: "report.team",
      elements: [
        { type: "button", action_id: `${REPORT_ACTION}.last`, value: last, text: plainText(t("report.lastMonth"), SLACK_LIMITS.button) },
        { type: "button", action_id: `${REPORT_ACTION}.current`, value: current, text: plainText(t("report.thisMonth"), SLACK_LIMITS.button) },
      ],
    },
  ];
}

function fieldSections(title: string, fields: [string, string][]): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [{ type: "section", text: mrkdwn(title) }];
  for (let i = 0; i < fields.length; i += FIELDS) {
    blocks.push({ type: "section", fields: fields.slice(i, i + FIELDS).map(([k, v]) => mrkdwn(clip(`${k}\n*${v}*`, 2000))) });
  }
  return blocks;
}

const flowLabel = (t: SlackT, flowId: string) => {
  const label = t(`file.flow.${flowId}`);
  return label === `file.flow.${flowId}` ? flowId : label;
};

/** The report as Block Kit: a header, the note on what it holds, then one table-like part per measure. */
export function reportBlocks(t: SlackT, r: TeamReport): { text: string; blocks: types.KnownBlock[] } {
  const month = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(r.from);
  const title = t("report.title", { team: escapeSlack(r.team.name), month });
  // "<5" is mrkdwn's "<": escaped, like every value put into a text.
  const n = (v: number) => escapeSlack(shownCount(v));
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plainText(t("report.title", { team: r.team.name, month }), SLACK_LIMITS.header) },
    { type: "context", elements: [mrkdwn(escapeSlack(t("report.note")))] },
    { type: "section", text: mrkdwn(`${t("report.clients", { n: n(r.clients) })}\n${t("report.steps", { n: n(r.stepsDone) })}`) },
    { type: "divider" },
    ...fieldSections(t("report.phases"), PHASES.map((p) => [t(`report.phase.${p}`), n(r.phases[p])])),
    { type: "divider" },
    ...fieldSections(t("report.conversations"), r.conversations.map((c) => [flowLabel(t, c.flowId), n(c.count)])),
    { type: "divider" },
    ...fieldSections(t("report.scores"), r.scores.map((s) => [t(`nudge.scale.${s.kind}`), t("report.score", { change: shownChange(s) || "–", clients: n(s.clients) })])),
    { type: "divider" },
    ...fieldSections(t("report.ladder"), (["up", "down", "same", "first"] as const).map((k) => [t(`report.ladderMove.${k}`), n(r.ladder[k])])),
    { type: "divider" },
    { type: "section", text: mrkdwn(t("report.referralsNew", { out: n(r.referralsNew.OUT), in: n(r.referralsNew.IN) })) },
  ];
  const ended = r.referralsEnded.filter((o) => o.count > 0);
  blocks.push(
    ...(ended.length
      ? fieldSections(t("report.referralsEnded"), ended.map((o) => [`${o.direction === "OUT" ? "→" : "←"} ${t(`referral.state.${o.direction === "OUT" ? "out" : "in"}.${o.outcome}`)}`, n(o.count)]))
      : [{ type: "section" as const, text: mrkdwn(`${t("report.referralsEnded")}: ${t("report.none")}`) }]),
  );
  return { text: title, blocks: blocks.slice(0, 50) };
}

export function registerReport(app: App, deps: SlackDeps): void {
  app.action(/^report\.team\.(last|current)$/, async ({ ack, body, client, action, context }) => {
    await ack();
    const user = parseSlackId((body.user as { id?: string } | undefined)?.id);
    if (!user) return recordRefusal(deps, { surface: "action", what: REPORT_ACTION, why: "noUser", slackUserId: null });
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: REPORT_ACTION, why: "notMember", slackUserId: user });
    const teamKind = await organisationKind(deps.db, member.organisationId);
    const month = (action as { value?: string }).value ?? "";
    if (teamKind !== "COACH_TEAM" || (member.role !== "COACH" && member.role !== "ADMIN")) {
      await recordRefusal(deps, { surface: "action", what: REPORT_ACTION, why: "notTeam", slackUserId: user, member });
      await tellUser(client, { user }, deps.t("report.refused"));
      return;
    }
    if (!MONTH.test(month)) {
      await recordRefusal(deps, { surface: "action", what: REPORT_ACTION, why: "malformedMonth", slackUserId: user, member });
      await tellUser(client, { user }, deps.t("referral.refused.malformed"));
      return;
    }
    let report: TeamReport;
    try {
      report = await openTeamReportIn(deps.db, { teamId: member.organisationId, month, actor: { kind: member.role === "ADMIN" ? "ADMIN" : "COACH", id: member.id }, via: "slack" });
    } catch (err) {
      if (!(err instanceof ReportError)) throw err;
      await tellUser(client, { user }, deps.t("report.refused"));
      return;
    }
    const message = reportBlocks(deps.t, report);
    await directMessage(client, user, message.text, message.blocks);
  });
}
