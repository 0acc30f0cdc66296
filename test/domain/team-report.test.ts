/**
 * The team report on a seeded data set with known numbers: two coach teams, two months (October
 * and November 2026, Amsterdam time, across the end of summer time), clients with phase moves,
 * conversations, steps, scores, ladder rungs and referrals, and noise that must not count (the
 * other team, the other month, runs not done, the menu). Exact numbers, the CSV text (with and
 * without the "<5" of small counts), the CLI, the audit row, and no name, text or client id.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { runReport } from "../../src/cli/report.js";
import { parseConfig, type Config } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { phaseAt, PHASES } from "../../src/domain/phase.js";
import { monthBounds, reportCsv, teamReport, type TeamReport } from "../../src/domain/team-report.js";
import type { TrajectoryPhase } from "../../src/generated/prisma/client.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { reportBlocks } from "../../src/slack/report.js";
import { sink, withDb } from "../support/cli.js";
import { templateDataDir } from "../support/service.js";

let dataDir: string;
let config: Config;
let teamA = "";
let teamB = "";
const clientIds: string[] = [];
/** Every name and free text in the data set: none may reach the report. */
const SECRETS = ["Samira", "El Amrani", "Joost", "Fatima", "Pieter", "Anouk", "Yara", "Karim", "Lotte", "Bram", "Ahmed", "Fleur", "Karin", "Petra",
  "Rust in mijn hoofd", "Bellen met de woningcorporatie", "Schulden bij de energie", "ik ben naar buiten geweest", "Het ging best goed", "06 1234"];

const at = (iso: string) => new Date(iso);

async function seed(db: Database): Promise<void> {
  const p = db.prisma;
  const a = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
  const b = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Zuid" } });
  const partner = await p.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp Oost" } });
  teamA = a.id;
  teamB = b.id;
  const ahmed = await p.member.create({ data: { organisationId: a.id, name: "Ahmed", role: "COACH" } });
  const fleur = await p.member.create({ data: { organisationId: a.id, name: "Fleur", role: "COACH" } });
  const karin = await p.member.create({ data: { organisationId: b.id, name: "Karin", role: "COACH" } });
  const petra = await p.member.create({ data: { organisationId: partner.id, name: "Petra", role: "PARTNER" } });
  const created = at("2026-09-15T10:00:00Z");
  const client = async (name: string, coachId: string, phase: TrajectoryPhase = "REFERRED", createdAt = created) => {
    const c = await p.client.create({ data: { name, callName: name.split(" ")[0] ?? name, coachId, status: "ACTIVE", phase, createdAt } });
    clientIds.push(c.id);
    return c.id;
  };
  const A1 = await client("Samira El Amrani", ahmed.id);
  const A2 = await client("Joost de Vries", ahmed.id);
  const A3 = await client("Fatima Bakker", fleur.id);
  const A4 = await client("Pieter Jansen", fleur.id);
  const A5 = await client("Anouk Visser", ahmed.id);
  // From before phases were recorded: where the migration placed them, and no move since.
  const A6 = await client("Karim Smit", fleur.id, "DOING");
  // Came in November: not in October's numbers.
  const A7 = await client("Lotte Mulder", ahmed.id, "REFERRED", at("2026-11-15T09:00:00Z"));
  const B1 = await client("Bram de Boer", karin.id);
  const B2 = await client("Yara Bos", karin.id, "GOAL_AND_PLAN");

  const moves: [string, TrajectoryPhase, TrajectoryPhase, string][] = [
    [A1, "REFERRED", "FIRST_CONTACT", "2026-09-20T10:00:00Z"],
    [A1, "FIRST_CONTACT", "GOAL_AND_PLAN", "2026-09-25T10:00:00Z"],
    [A1, "GOAL_AND_PLAN", "DOING", "2026-10-05T10:00:00Z"],
    [A2, "REFERRED", "FIRST_CONTACT", "2026-10-10T10:00:00Z"],
    [A2, "FIRST_CONTACT", "DOING", "2026-10-20T10:00:00Z"],
    [A2, "DOING", "EVALUATION", "2026-11-10T10:00:00Z"],
    [A3, "REFERRED", "FIRST_CONTACT", "2026-10-02T10:00:00Z"],
    // 23:30 on 31 October in Amsterdam: still October.
    [A3, "FIRST_CONTACT", "DOING", "2026-10-31T22:30:00Z"],
    [A4, "REFERRED", "FIRST_CONTACT", "2026-10-03T10:00:00Z"],
    // Midnight at the start of 1 November in Amsterdam: November.
    [A4, "FIRST_CONTACT", "DOING", "2026-10-31T23:00:00Z"],
    [A5, "REFERRED", "DOING", "2026-10-06T10:00:00Z"],
    [A5, "DOING", "CLOSING", "2026-11-20T10:00:00Z"],
    [A7, "REFERRED", "FIRST_CONTACT", "2026-11-16T10:00:00Z"],
    [B1, "REFERRED", "DOING", "2026-10-10T10:00:00Z"],
  ];
  for (const [clientId, from, phase, when] of moves) {
    await p.phaseChange.create({ data: { clientId, from, phase, actorKind: "SYSTEM", at: at(when) } });
    await p.client.update({ where: { id: clientId }, data: { phase, phaseSince: at(when) } });
  }

  // Conversations: November, team A: checkin 6, grow 2, scaling 1, ladder 1.
  const run = async (clientId: string, flowId: string, endedAt: string, status: "DONE" | "ACTIVE" | "PARKED" = "DONE") => {
    const r = await p.flowRun.create({
      data: { clientId, flowId, machineVersion: 1, snapshot: {}, status, createdAt: at(endedAt), endedAt: status === "ACTIVE" ? null : at(endedAt), outcome: { state: "done", context: { goal: "Rust in mijn hoofd over geld" } } },
    });
    await p.flowAnswer.create({ data: { flowRunId: r.id, clientId, state: "better", promptKey: "checkin.better.ask", text: "ik ben naar buiten geweest" } });
  };
  for (const [c, when] of [[A1, "2026-11-03T09:00:00Z"], [A1, "2026-11-17T09:00:00Z"], [A2, "2026-11-04T09:00:00Z"], [A3, "2026-11-05T09:00:00Z"], [A4, "2026-11-06T09:00:00Z"], [A5, "2026-11-30T22:59:00Z"]] as const) {
    await run(c, "checkin", when);
  }
  await run(A1, "grow", "2026-11-02T10:00:00Z");
  await run(A7, "grow", "2026-11-20T10:00:00Z");
  await run(A3, "scaling", "2026-11-12T10:00:00Z");
  await run(A4, "ladder", "2026-11-13T10:00:00Z");
  // Not counted: October, a run still going, a parked one, the menu, the other team, December.
  await run(A1, "checkin", "2026-10-27T09:00:00Z");
  await run(A2, "checkin", "2026-11-20T09:00:00Z", "ACTIVE");
  await run(A3, "grow", "2026-11-21T09:00:00Z", "PARKED");
  await run(A3, "menu", "2026-11-21T09:00:00Z");
  await run(B1, "checkin", "2026-11-10T09:00:00Z");
  await run(A1, "checkin", "2026-11-30T23:00:00Z");

  // Steps: 5 done in November in team A.
  const goal = async (clientId: string) => p.goal.create({ data: { clientId, text: "Rust in mijn hoofd over geld" } });
  const gA1 = await goal(A1);
  const gA2 = await goal(A2);
  const gA3 = await goal(A3);
  const gB1 = await goal(B1);
  const step = (goalId: string, status: "DONE" | "OPEN", doneAt?: string) =>
    p.step.create({ data: { goalId, what: "Bellen met de woningcorporatie", status, doneAt: doneAt ? at(doneAt) : null } });
  await step(gA1.id, "DONE", "2026-11-02T10:00:00Z");
  await step(gA1.id, "DONE", "2026-11-09T10:00:00Z");
  await step(gA2.id, "DONE", "2026-11-11T10:00:00Z");
  await step(gA3.id, "DONE", "2026-11-12T10:00:00Z");
  await step(gA3.id, "DONE", "2026-10-31T23:30:00Z");
  await step(gA3.id, "DONE", "2026-10-20T10:00:00Z");
  await step(gA3.id, "OPEN");
  await step(gB1.id, "DONE", "2026-11-12T10:00:00Z");

  // Scores: WELLBEING changes in November +2, -2, +3, +1, +2 (5 clients: +1.2); CONFIDENCE +2, 0.
  const score = (clientId: string, kind: "WELLBEING" | "CONFIDENCE", s: number, when: string) =>
    p.scaleScore.create({ data: { clientId, kind, score: s, at: at(when), note: "Het ging best goed" } });
  await score(A1, "WELLBEING", 2, "2026-10-20T10:00:00Z");
  for (const [c, points] of [[A1, [5, 6, 7]], [A2, [6, 4]], [A3, [3, 5, 6]], [A4, [7, 8]], [A5, [4, 6]], [A6, [5]]] as const) {
    let day = 2;
    for (const s of points) await score(c, "WELLBEING", s, `2026-11-${String((day += 3)).padStart(2, "0")}T10:00:00Z`);
  }
  await score(A1, "CONFIDENCE", 4, "2026-11-03T10:00:00Z");
  await score(A1, "CONFIDENCE", 6, "2026-11-25T10:00:00Z");
  await score(A2, "CONFIDENCE", 5, "2026-11-03T10:00:00Z");
  await score(A2, "CONFIDENCE", 5, "2026-11-24T10:00:00Z");
  await score(B1, "WELLBEING", 2, "2026-11-03T10:00:00Z");
  await score(B1, "WELLBEING", 9, "2026-11-24T10:00:00Z");

  // The ladder. October: A1, A2, A3 first; A6 same (5 and 5). November: A1 up, A2 down, A3 same, A4 up (1 then 2), A5 first.
  const rung = (clientId: string, r: number, when: string, source: "COACH" | "CLIENT" = "COACH") =>
    p.ladderRung.create({ data: { clientId, rung: r, source, memberId: source === "COACH" ? ahmed.id : null, at: at(when) } });
  await rung(A1, 2, "2026-10-05T10:00:00Z");
  await rung(A2, 3, "2026-10-06T10:00:00Z");
  await rung(A3, 4, "2026-10-07T10:00:00Z");
  await rung(A6, 5, "2026-10-07T10:00:00Z");
  await rung(A6, 5, "2026-10-20T10:00:00Z", "CLIENT");
  await rung(A1, 3, "2026-11-10T10:00:00Z", "CLIENT");
  await rung(A2, 2, "2026-11-10T10:00:00Z");
  await rung(A3, 4, "2026-11-10T10:00:00Z", "CLIENT");
  await rung(A4, 1, "2026-11-03T10:00:00Z");
  await rung(A4, 2, "2026-11-28T10:00:00Z", "CLIENT");
  await rung(A5, 3, "2026-11-15T10:00:00Z");
  await rung(B1, 1, "2026-11-15T10:00:00Z");

  // Referrals: out from team A (completed, rejected, one still open), in to team A (contact made), in to team B.
  const referral = async (direction: "OUT" | "IN", clientId: string | null, fromOrgId: string, toOrgId: string, createdAt: string, moves: [string, string, string][]) => {
    const r = await p.referral.create({
      data: {
        direction, clientId, fromOrgId, toOrgId, filedByMemberId: direction === "OUT" ? ahmed.id : petra.id, status: "requested", need: "Schulden bij de energie",
        personName: direction === "IN" ? "Yara Bos" : null, personContact: direction === "IN" ? "06 1234 5678" : null, machineVersion: 1, snapshot: {}, createdAt: at(createdAt),
      },
    });
    for (const [type, to, when] of moves) {
      await p.referralEvent.create({ data: { referralId: r.id, type, actorKind: "PARTNER", data: { from: "x", to, reason: "Schulden bij de energie" }, at: at(when) } });
    }
  };
  await referral("OUT", A1, a.id, partner.id, "2026-10-20T10:00:00Z", [["system.consentAsked", "awaitingConsent", "2026-10-20T10:00:00Z"], ["client.consented", "sent", "2026-10-21T10:00:00Z"], ["partner.completed", "completed", "2026-11-12T10:00:00Z"]]);
  await referral("OUT", A2, a.id, partner.id, "2026-11-03T10:00:00Z", [["client.consented", "sent", "2026-11-04T10:00:00Z"], ["partner.rejected", "rejected", "2026-11-15T10:00:00Z"]]);
  await referral("OUT", A3, a.id, partner.id, "2026-11-05T10:00:00Z", [["client.consented", "sent", "2026-11-06T10:00:00Z"]]);
  await referral("IN", A7, partner.id, a.id, "2026-11-01T10:00:00Z", [["team.accepted", "accepted", "2026-11-02T10:00:00Z"], ["system.invited", "invited", "2026-11-02T10:05:00Z"], ["system.contactMade", "contactMade", "2026-11-08T10:00:00Z"]]);
  await referral("IN", B2, partner.id, b.id, "2026-11-02T10:00:00Z", [["team.declined", "declined", "2026-11-03T10:00:00Z"]]);
}

let nov: TeamReport;
let oct: TeamReport;
let novB: TeamReport;

beforeAll(async () => {
  dataDir = templateDataDir();
  config = parseConfig({ DATA_DIR: dataDir }, process.cwd());
  await withDb(config, async (db) => {
    await seed(db);
    [nov, oct, novB] = await db.prisma.$transaction(async (tx) => [await teamReport(tx, teamA, "2026-11"), await teamReport(tx, teamA, "2026-10"), await teamReport(tx, teamB, "2026-11")]);
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const zeroPhases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<TrajectoryPhase, number>;
const counts = (r: TeamReport) => Object.fromEntries(r.conversations.filter((c) => c.count).map((c) => [c.flowId, c.count]));

describe("the team report", () => {
  it("months are Amsterdam months, across the end of summer time", () => {
    expect(monthBounds("2026-10")).toEqual({ from: at("2026-09-30T22:00:00Z"), to: at("2026-10-31T23:00:00Z") });
    expect(monthBounds("2026-12").to).toEqual(at("2026-12-31T23:00:00Z"));
    expect(() => monthBounds("2026-13")).toThrow("YYYY-MM");
    expect(() => monthBounds("november")).toThrow("YYYY-MM");
  });

  it("counts the clients in each phase at the month's end, as phaseAt reads them", async () => {
    expect(nov.clients).toBe(7);
    expect(nov.phases).toEqual({ ...zeroPhases, FIRST_CONTACT: 1, DOING: 4, EVALUATION: 1, CLOSING: 1 });
    expect(oct.clients).toBe(6);
    expect(oct.phases).toEqual({ ...zeroPhases, FIRST_CONTACT: 1, DOING: 5 });
    expect(novB.phases).toEqual({ ...zeroPhases, GOAL_AND_PLAN: 1, DOING: 1 });
    // The set-based count agrees with phaseAt, client by client.
    await withDb(config, async (db) => {
      for (const [report, month] of [[nov, "2026-11"], [oct, "2026-10"]] as const) {
        const end = new Date(monthBounds(month).to.getTime() - 1);
        const byPhaseAt = { ...zeroPhases };
        const teamClients = await db.prisma.client.findMany({ where: { coach: { organisationId: teamA } }, select: { id: true } });
        for (const c of teamClients) {
          const phase = await db.prisma.$transaction((tx) => phaseAt(tx, c.id, end));
          if (phase) byPhaseAt[phase]++;
        }
        expect(report.phases).toEqual(byPhaseAt);
      }
    });
  });

  it("counts conversations done per kind, steps done, score changes, ladder moves and referrals", () => {
    expect(counts(nov)).toEqual({ checkin: 6, grow: 2, scaling: 1, ladder: 1 });
    expect(counts(oct)).toEqual({ checkin: 1 });
    expect(counts(novB)).toEqual({ checkin: 1 });
    expect(nov.conversations.map((c) => c.flowId)).toEqual(Object.keys(flowRegistry).filter((id) => id !== "menu" && id !== "referralList").sort());
    // One of November's five was done at 00:30 on 1 November in Amsterdam (23:30 UTC the day before).
    expect([nov.stepsDone, oct.stepsDone, novB.stepsDone]).toEqual([5, 1, 1]);
    expect(nov.scores.find((s) => s.kind === "WELLBEING")).toEqual({ kind: "WELLBEING", clients: 5, totalChange: 6, averageChange: 1.2 });
    expect(nov.scores.find((s) => s.kind === "CONFIDENCE")).toEqual({ kind: "CONFIDENCE", clients: 2, totalChange: 2, averageChange: 1 });
    expect(nov.scores.filter((s) => s.clients === 0).map((s) => s.kind)).toEqual(["PROGRESS", "MOTIVATION", "COPING"]);
    expect(oct.scores.every((s) => s.clients === 0 && s.averageChange === null)).toBe(true);
    expect(novB.scores.find((s) => s.kind === "WELLBEING")).toMatchObject({ clients: 1, totalChange: 7 });
    expect(nov.ladder).toEqual({ up: 2, down: 1, same: 1, first: 1 });
    expect(oct.ladder).toEqual({ up: 0, down: 0, same: 1, first: 3 });
    expect(novB.ladder).toEqual({ up: 0, down: 0, same: 0, first: 1 });
    expect(nov.referralsNew).toEqual({ OUT: 2, IN: 1 });
    expect(oct.referralsNew).toEqual({ OUT: 1, IN: 0 });
    expect(nov.referralsEnded.filter((o) => o.count)).toEqual([
      { direction: "OUT", outcome: "completed", count: 1 },
      { direction: "OUT", outcome: "rejected", count: 1 },
      { direction: "IN", outcome: "contactMade", count: 1 },
    ]);
    expect(oct.referralsEnded.filter((o) => o.count)).toEqual([]);
    expect(novB.referralsEnded.filter((o) => o.count)).toEqual([{ direction: "IN", outcome: "declined", count: 1 }]);
  });

  it("the CSV: every number, small counts as <5 and averages only over 5 clients or more", () => {
    const kinds = Object.keys(flowRegistry).filter((id) => id !== "menu" && id !== "referralList").sort();
    const done: Record<string, string> = { checkin: "6", grow: "<5", scaling: "<5", ladder: "<5" };
    const expected = [
      "section,item,value",
      "team,name,Wijkteam Noord",
      "team,month,2026-11",
      "team,clients,7",
      "phase_at_month_end,REFERRED,0",
      "phase_at_month_end,FIRST_CONTACT,<5",
      "phase_at_month_end,CLARIFYING,0",
      "phase_at_month_end,GOAL_AND_PLAN,0",
      "phase_at_month_end,DOING,<5",
      "phase_at_month_end,EVALUATION,<5",
      "phase_at_month_end,CLOSING,<5",
      "phase_at_month_end,AFTERCARE,0",
      "phase_at_month_end,CLOSED,0",
      ...kinds.map((k) => `conversations_done,${k},${done[k] ?? "0"}`),
      "steps,done,5",
      "score_change_clients,PROGRESS,0",
      "score_change_average,PROGRESS,",
      "score_change_clients,MOTIVATION,0",
      "score_change_average,MOTIVATION,",
      "score_change_clients,CONFIDENCE,<5",
      "score_change_average,CONFIDENCE,",
      "score_change_clients,COPING,0",
      "score_change_average,COPING,",
      "score_change_clients,WELLBEING,5",
      "score_change_average,WELLBEING,+1.2",
      "ladder,up,<5",
      "ladder,down,<5",
      "ladder,same,<5",
      "ladder,first,<5",
      "referrals_new,OUT,<5",
      "referrals_new,IN,<5",
      "referrals_ended_out,completed,<5",
      "referrals_ended_out,rejected,<5",
      "referrals_ended_out,redirected,0",
      "referrals_ended_out,declinedByClient,0",
      "referrals_ended_out,consentWithdrawn,0",
      "referrals_ended_out,cancelledByCoach,0",
      "referrals_ended_out,failed,0",
      "referrals_ended_out,enteredInError,0",
      "referrals_ended_in,contactMade,<5",
      "referrals_ended_in,noContact,0",
      "referrals_ended_in,declined,0",
      "referrals_ended_in,withdrawn,0",
      "referrals_ended_in,enteredInError,0",
    ];
    expect(reportCsv(nov)).toBe(`${expected.join("\n")}\n`);
    // Without the cut (a threshold of 1) the same rows hold the exact numbers.
    const exact = reportCsv(nov, 1).trimEnd().split("\n");
    expect(exact).toContain("phase_at_month_end,DOING,4");
    expect(exact).toContain("score_change_clients,CONFIDENCE,2");
    expect(exact).toContain("score_change_average,CONFIDENCE,+1.0");
    expect(exact).toContain("ladder,up,2");
    expect(exact).toContain("referrals_ended_in,contactMade,1");
    expect(exact).toHaveLength(expected.length);
  });

  it("holds no name, no free text and no client id, in the CSV or in Slack", () => {
    const t = createSlackTranslator("nl");
    for (const r of [nov, oct, novB]) {
      const all = [reportCsv(r), reportCsv(r, 1), JSON.stringify(reportBlocks(t, r))].join("\n");
      for (const secret of SECRETS) expect(all).not.toContain(secret);
      for (const id of clientIds) expect(all).not.toContain(id);
    }
    const slack = reportBlocks(t, nov);
    expect(slack.text).toBe("Teamrapport Wijkteam Noord · november 2026");
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    const fields = slack.blocks.flatMap((b) => ((b as { fields?: { text: string }[] }).fields ?? []).map((f) => f.text));
    expect(fields).toContain("aan de slag\n*&lt;5*");
    expect(fields).toContain("hoe het gaat\n*+1.2 (5 cliënten)*");
    expect(fields).toContain("Check-in\n*6*");
    expect(fields).toContain("→ afgerond\n*&lt;5*");
    expect(fields.every((f) => f.length <= 2000)).toBe(true);
  });

  it("the CLI prints it as text or CSV, audits it, and refuses an unknown team or month", async () => {
    const run = async (args: string[]) => {
      const out = sink();
      const err = sink();
      const code = await runReport(config, args, out, err);
      return { code, out: out.text(), err: err.text() };
    };
    const csv = await run(["--team", "Wijkteam Noord", "--month", "2026-11", "--csv"]);
    expect(csv.code).toBe(0);
    expect(csv.out).toBe(reportCsv(nov));
    const text = await run(["--team", teamB, "--month", "2026-11"]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Team report: Wijkteam Zuid, 2026-11");
    expect(text.out).toContain("Referrals ended (in): contactMade 0, noContact 0, declined <5");
    expect(await run(["--team", "Wijkteam West", "--month", "2026-11"])).toMatchObject({ code: 2, err: expect.stringContaining('There is no coach team "Wijkteam West". Teams: Wijkteam Noord, Wijkteam Zuid.') });
    expect(await run(["--team", "Wijkteam Noord", "--month", "11-2026"])).toMatchObject({ code: 2, err: expect.stringContaining("YYYY-MM") });
    expect((await run(["--team", "Wijkteam Noord"])).code).toBe(2);
    const audits = await withDb(config, (db) => db.prisma.auditEvent.findMany({ where: { action: "report.viewed" }, orderBy: { id: "asc" } }));
    expect(audits.map((a) => [a.actorKind, a.clientId, a.detail])).toEqual([
      ["ADMIN", null, { team: teamA, month: "2026-11", via: "cli.csv" }],
      ["ADMIN", null, { team: teamB, month: "2026-11", via: "cli.text" }],
    ]);
  });
});
