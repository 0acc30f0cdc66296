import { describe, expect, it } from "vitest";
import type { Member } from "../../src/domain/members.js";
import { PHASES } from "../../src/domain/phase.js";
import type { TeamReport } from "../../src/domain/team-report.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { REPORT_ACTION } from "../../src/slack/ids.js";
import { reportBlocks, reportButtons, reportMonths } from "../../src/slack/report.js";

const t = createSlackTranslator("nl");

describe("reportMonths", () => {
  it("gives this month and the one before, in Amsterdam", () => {
    expect(reportMonths(new Date("2026-11-15T12:00:00Z"))).toEqual({ current: "2026-11", last: "2026-10" });
  });

  it("goes back a year in January", () => {
    expect(reportMonths(new Date("2027-01-03T12:00:00Z"))).toEqual({ current: "2027-01", last: "2026-12" });
  });

  it("counts the month in Amsterdam, not in UTC", () => {
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(reportMonths(new Date("2026-11-30T23:30:00Z"))).toEqual({ current: "2026-12", last: "2026-11" });
  });
});

describe("reportButtons", () => {
  const now = new Date("2026-11-15T12:00:00Z");
  const member = (role: Member["role"]): Member => ({ id: "m", organisationId: "o", name: "Kim", slackUserId: "U1", role, nudgeMode: "SINGLE", active: true, createdAt: now });

  it("gives a coach of a coach team the two months as buttons", () => {
    expect(reportButtons(t, member("COACH"), "COACH_TEAM", now)).toEqual([
      {
        type: "actions",
        block_id: "report.team",
        elements: [
          { type: "button", action_id: `${REPORT_ACTION}.last`, value: "2026-10", text: { type: "plain_text", text: t("report.lastMonth") } },
          { type: "button", action_id: `${REPORT_ACTION}.current`, value: "2026-11", text: { type: "plain_text", text: t("report.thisMonth") } },
        ],
      },
    ]);
    expect(reportButtons(t, member("ADMIN"), "COACH_TEAM", now)).toHaveLength(1);
  });

  it("gives partners, and anyone outside a coach team, no buttons", () => {
    expect(reportButtons(t, member("PARTNER"), "COACH_TEAM", now)).toEqual([]);
    expect(reportButtons(t, member("COACH"), "PARTNER", now)).toEqual([]);
    expect(reportButtons(t, member("ADMIN"), "PARTNER", now)).toEqual([]);
  });
});

describe("reportBlocks", () => {
  const report = (over: Partial<TeamReport> = {}): TeamReport => ({
    team: { id: "team", name: "Team <Noord>" },
    month: "2026-11",
    from: new Date("2026-10-31T23:00:00Z"),
    to: new Date("2026-11-30T23:00:00Z"),
    clients: 12,
    phases: Object.fromEntries(PHASES.map((p, i) => [p, i])) as TeamReport["phases"],
    conversations: [{ flowId: "checkin", count: 6 }, { flowId: "no-such-flow", count: 5 }],
    stepsDone: 3,
    scores: [{ kind: "WELLBEING", clients: 5, totalChange: 6, averageChange: 1.2 }, { kind: "MOTIVATION", clients: 2, totalChange: 2, averageChange: 1 }],
    ladder: { up: 5, down: 0, same: 7, first: 1 },
    referralsNew: { OUT: 6, IN: 2 },
    referralsEnded: [],
    ...over,
  });
  const texts = (r: TeamReport) =>
    reportBlocks(t, r).blocks.flatMap((b) => {
      const x = b as { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] };
      return [...(x.text ? [x.text.text] : []), ...(x.fields ?? []).map((f) => f.text), ...(x.elements ?? []).map((e) => e.text)];
    });

  it("titles the report with the team (escaped in mrkdwn, as typed in the header) and the month in Dutch", () => {
    const out = reportBlocks(t, report());
    expect(out.text).toBe("Teamrapport Team &lt;Noord&gt; · november 2026");
    expect(out.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Teamrapport Team <Noord> · november 2026" } });
  });

  it("shows counts from 1 to 4 as <5, escaped, and 0 and 5 or more as they are", () => {
    const all = texts(report());
    expect(all).toContain("*Cliënten:* 12\n*Stappen gedaan:* &lt;5");
    expect(all).toContain(`${t("report.phase.REFERRED")}\n*0*`);
    expect(all).toContain(`${t("report.phase.FIRST_CONTACT")}\n*&lt;5*`);
    expect(all).toContain(`${t("report.phase.CLOSED")}\n*8*`);
    expect(all).toContain(`${t("report.ladderMove.up")}\n*5*`);
    expect(all).toContain(`${t("report.ladderMove.first")}\n*&lt;5*`);
    expect(all).toContain(t("report.referralsNew", { out: "6", in: "&lt;5" }));
  });

  it("names a known conversation kind and shows an unknown one by its id", () => {
    const all = texts(report());
    expect(all).toContain(`${t("file.flow.checkin")}\n*6*`);
    expect(all).toContain("no-such-flow\n*5*");
  });

  it("shows an average change over five or more clients only", () => {
    const all = texts(report());
    expect(all).toContain("hoe het gaat\n*+1.2 (5 cliënten)*");
    expect(all).toContain("motivatie\n*– (&lt;5 cliënten)*");
  });

  it("says none when no referral ended, and lists the ended ones by direction otherwise", () => {
    expect(texts(report())).toContain(`${t("report.referralsEnded")}: ${t("report.none")}`);
    const ended = texts(report({ referralsEnded: [{ direction: "OUT", outcome: "completed", count: 7 }, { direction: "IN", outcome: "declined", count: 2 }, { direction: "IN", outcome: "contactMade", count: 0 }] }));
    expect(ended).toContain(`→ ${t("referral.state.out.completed")}\n*7*`);
    expect(ended).toContain(`← ${t("referral.state.in.declined")}\n*&lt;5*`);
    expect(ended.some((x) => x.includes(t("referral.state.in.contactMade")))).toBe(false);
  });

  it("puts at most ten fields in a section and keeps within Slack's 50 blocks", () => {
    const many = report({ conversations: Array.from({ length: 23 }, (_, i) => ({ flowId: `flow-${i}`, count: i })) });
    const out = reportBlocks(t, many);
    const sections = out.blocks.flatMap((b) => ((b as { fields?: unknown[] }).fields ? [(b as { fields: unknown[] }).fields.length] : []));
    // Phases 9; conversations 23 as 10 + 10 + 3; scores 2; the ladder 4.
    expect(sections).toEqual([PHASES.length, 10, 10, 3, 2, 4]);
    expect(out.blocks.length).toBeLessThanOrEqual(50);
  });
});
