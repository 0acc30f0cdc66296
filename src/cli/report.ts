/**
 * `npm run koers -- report --team <name or id> --month 2026-11 [--csv]`: the pseudonymous team
 * report (src/domain/team-report.ts) as text, or as CSV for a spreadsheet. Counts only, no names,
 * no client ids; counts from 1 to 4 show as "<5". Audited (actor ADMIN: whoever runs the CLI has
 * the database).
 */
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { parseOptions, runOnDatabase, usageError } from "./run.js";
import { openTeamReport, reportCsv, ReportError, REPORT_MIN_COUNT, shownChange, shownCount, type TeamReport } from "../domain/team-report.js";
import { PHASES } from "../domain/phase.js";

export const REPORT_USAGE = `  report --team <name or id> --month YYYY-MM [--csv]
                                           the team's month in numbers (phases, conversations,
                                           steps, scores, ladder, referrals); no names; audited`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report as plain text, the same numbers as the CSV. */
export function reportText(r: TeamReport): string {
  const n = (v: number) => shownCount(v);
  const line = (label: string, items: [string, string][]) => `${label}: ${items.map(([k, v]) => `${k} ${v}`).join(", ")}`;
  return [
    `Team report: ${r.team.name}, ${r.month} (counts from 1 to ${REPORT_MIN_COUNT - 1} show as <${REPORT_MIN_COUNT}; no names)`,
    `Clients: ${n(r.clients)}`,
    line("Phase at the month's end", PHASES.map((p) => [p.toLowerCase(), n(r.phases[p])])),
    line("Conversations done", r.conversations.map((c) => [c.flowId, n(c.count)])),
    `Steps done: ${n(r.stepsDone)}`,
    line("Average score change (clients)", r.scores.map((s) => [s.kind.toLowerCase(), `${shownChange(s) || "-"} (${n(s.clients)})`])),
    line("Participation ladder", [["up", n(r.ladder.up)], ["down", n(r.ladder.down)], ["same", n(r.ladder.same)], ["first", n(r.ladder.first)]]),
    line("Referrals new", [["out", n(r.referralsNew.OUT)], ["in", n(r.referralsNew.IN)]]),
    line("Referrals ended (out)", r.referralsEnded.filter((o) => o.direction === "OUT").map((o) => [o.outcome, n(o.count)])),
    line("Referrals ended (in)", r.referralsEnded.filter((o) => o.direction === "IN").map((o) => [o.outcome, n(o.count)])),
  ].join("\n");
}

export async function teamByRef(db: Database, ref: string): Promise<{ id: string; name: string }> {
  const r = ref.trim();
  const teams = await db.prisma.organisation.findMany({ where: { kind: "COACH_TEAM", ...(UUID.test(r) ? { id: r } : { name: r }) }, select: { id: true, name: true } });
  if (teams[0]) return teams[0];
  const all = await db.prisma.organisation.findMany({ where: { kind: "COACH_TEAM" }, select: { name: true }, orderBy: { name: "asc" } });
  throw new ReportError(`There is no coach team "${r}".${all.length ? ` Teams: ${all.map((t) => t.name).join(", ")}.` : ""}`);
}

/** Runs `report …`; returns the process exit code. */
export async function runReport(config: Config, args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const values = parseOptions({ args, options: { team: { type: "string" }, month: { type: "string" }, csv: { type: "boolean" } } }, err, REPORT_USAGE)?.values;
  if (!values) return 2;
  const { team: teamRef, month, csv } = values;
  if (!teamRef || !month) return usageError(err, "Give --team <name or id> and --month YYYY-MM.", REPORT_USAGE);
  return runOnDatabase(config, out, err, { error: ReportError }, async (db) => {
    const team = await teamByRef(db, teamRef);
    const report = await db.prisma.$transaction((tx) => openTeamReport(tx, { teamId: team.id, month, actor: { kind: "ADMIN", id: null }, via: csv ? "cli.csv" : "cli.text" }));
    // The CSV ends in its own newline; runOnDatabase adds one.
    return csv ? reportCsv(report).replace(/\n$/, "") : reportText(report);
  });
}
