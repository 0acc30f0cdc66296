/**
 * `npm run koers -- report --team … --month …` (src/cli/report.ts), in-process on an embedded
 * database of its own: the team found by name or id (a partner organisation is no team), the
 * numbers as text or CSV without a single name, small counts hidden as "<5", every run audited
 * as the administrator, and plain refusals for what is missing or malformed. The numbers
 * themselves are computed and checked in test/domain/team-report.test.ts.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportText, runReport, teamByRef } from "../../src/cli/report.js";
import { parseConfig, type Config } from "../../src/config.js";
import { teamReport } from "../../src/domain/team-report.js";
import { runIn, withDb } from "../support/cli.js";
import { templateDataDir } from "../support/service.js";

let dataDir: string;
let config: Config;
let teamId = "";
let partnerId = "";

const report = (args: string[]) => runIn(runReport, config, args);

beforeAll(async () => {
  dataDir = templateDataDir();
  config = parseConfig({ DATA_DIR: dataDir }, process.cwd());
  await withDb(config, async (db) => {
    const p = db.prisma;
    const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
    await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Zuid" } });
    partnerId = (await p.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp" } })).id;
    teamId = team.id;
    const coach = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
    // Seven clients doing, two closed: 7 shows, 2 hides as "<5".
    for (let i = 0; i < 9; i++) {
      await p.client.create({ data: { name: `Cliënt Achternaam${i}`, coachId: coach.id, status: "ACTIVE", phase: i < 7 ? "DOING" : "CLOSED", createdAt: new Date("2026-10-01T10:00:00Z") } });
    }
  });
});
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("koers report", () => {
  it("prints the team's month as text, small counts hidden and no names, and audits the look as the administrator", async () => {
    const r = await report(["--team", "Wijkteam Noord", "--month", "2026-11"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Team report: Wijkteam Noord, 2026-11 (counts from 1 to 4 show as <5; no names)");
    expect(lines[1]).toBe("Clients: 9");
    expect(lines[2]).toMatch(/^Phase at the month's end: .*doing 7.*closed <5/);
    expect(r.out).not.toContain("Achternaam");
    expect(r.out).not.toContain(teamId);
    expect(r.out.endsWith("\n")).toBe(true);
    const audits = await withDb(config, (db) => db.prisma.auditEvent.findMany({ where: { action: "report.viewed" } }));
    expect(audits.map((a) => [a.actorKind, a.actorId, a.detail])).toEqual([["ADMIN", null, { team: teamId, month: "2026-11", via: "cli.text" }]]);
  });

  it("as CSV: the same numbers, the team found by its id, one newline at the end", async () => {
    const r = await report(["--team", teamId, "--month", "2026-11", "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.out.split("\n");
    expect(rows[0]).toBe("section,item,value");
    expect(rows).toContain("team,clients,9");
    expect(rows).toContain("phase_at_month_end,DOING,7");
    expect(rows).toContain("phase_at_month_end,CLOSED,<5");
    expect(r.out.endsWith("\n") && !r.out.endsWith("\n\n")).toBe(true);
    const last = await withDb(config, (db) => db.prisma.auditEvent.findFirstOrThrow({ where: { action: "report.viewed" }, orderBy: { id: "desc" } }));
    expect(last.detail).toMatchObject({ via: "cli.csv" });
  });

  it("refuses what is missing, an unknown team (naming the teams there are), a partner organisation and a malformed month", async () => {
    for (const args of [[], ["--team", "Wijkteam Noord"], ["--month", "2026-11"]]) {
      const r = await report(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("Give --team <name or id> and --month YYYY-MM.");
      expect(r.out).toBe("");
    }
    const unknown = await report(["--team", "Wijkteam Oost", "--month", "2026-11"]);
    expect([unknown.code, unknown.err.trim()]).toEqual([2, 'There is no coach team "Wijkteam Oost". Teams: Wijkteam Noord, Wijkteam Zuid.']);
    expect((await report(["--team", partnerId, "--month", "2026-11"])).err).toContain("There is no coach team");
    expect((await report(["--team", "Schuldhulp", "--month", "2026-11"])).err).toContain("There is no coach team");
    for (const month of ["2026-13", "11-2026", "2026-1", "november"]) {
      const bad = await report(["--team", "Wijkteam Noord", "--month", month]);
      expect([bad.code, bad.err.trim()]).toEqual([2, `The month is written as YYYY-MM (2026-11), not "${month}".`]);
    }
    // Refused runs look at nothing, so they leave no audit row.
    expect(await withDb(config, (db) => db.prisma.auditEvent.count({ where: { action: "report.viewed" } }))).toBe(2);
  });

  it("teamByRef trims what was typed; reportText is one line per subject", async () => {
    await withDb(config, async (db) => {
      expect(await teamByRef(db, `  ${teamId} `)).toEqual({ id: teamId, name: "Wijkteam Noord" });
      const r = await db.prisma.$transaction((tx) => teamReport(tx, teamId, "2026-11"));
      const text = reportText(r);
      expect(text.split("\n").map((l) => l.split(":")[0])).toEqual([
        "Team report",
        "Clients",
        "Phase at the month's end",
        "Conversations done",
        "Steps done",
        "Average score change (clients)",
        "Participation ladder",
        "Referrals new",
        "Referrals ended (out)",
        "Referrals ended (in)",
      ]);
    });
  });
});
