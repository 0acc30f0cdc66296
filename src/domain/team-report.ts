/**
 * The team report (METHOD.md section 7: overviews use pseudonymous ids): per coach team and
 * calendar month (Europe/Amsterdam), what the team's clients did, as counts only. No names, no
 * free text, no client ids, no per-client rows at all: every number is over the team's clients.
 *
 * - clients in each phase at the month's end, from the PhaseChange rows (the same rule as
 *   `phaseAt`: the last move before the end; a client without any move is where the migration
 *   placed them; a client created after the month is not counted);
 * - conversations held: FlowRuns DONE that ended in the month, per kind (not the menu, not the
 *   referral list);
 * - steps done in the month;
 * - the average score change per scale kind: per client the last score in the month minus the
 *   first score in the month, over the clients with two or more scores of that kind in the month;
 * - rungs moved on the participation ladder, over the clients with a rung recorded in the month
 *   (by the coach or by the client): the last rung in the month against the rung before the month
 *   (or, when there was none, the first one in the month): up, down or same; "first" when the only
 *   record ever is one in this month;
 * - referrals: new in the month (out: filed by the team's coaches; in: to the team), and those
 *   that ended in the month, by the state they ended in (a forgotten client's referral history
 *   is emptied, so it no longer counts as ended).
 *
 * Which clients are the team's: those whose coach is a member of the team now (a client who moved
 * to another team counts there, for earlier months too).
 *
 * Small numbers: a count from 1 to 4 is shown as "<5", and an average only over 5 clients or
 * more (`REPORT_MIN_COUNT`): a report that leaves the team then does not single out one person
 * ("the one client who was referred to debt help this month"). The numbers themselves are kept
 * exact in `TeamReport`; only what is shown (CSV, Slack) is cut.
 */
import type { ScaleKind } from "../../flows/types.js";
import { flowRegistry } from "../../flows/index.js";
import { referralMachine, type Direction } from "../../flows/referral/index.js";
import type { Database, Tx } from "../db/client.js";
import type { TrajectoryPhase } from "../generated/prisma/client.js";
import { atLocal } from "./reminders/schedule.js";
import { audit } from "./audit.js";
import { SCALE_KINDS } from "./client-file.js";
import { PHASES } from "./phase.js";

export const REPORT_MIN_COUNT = 5;

/** Conversations that are no conversation of their own (see client-file.ts). */
const NOT_COUNTED = ["menu", "referralList"];

export interface ScoreChange {
  kind: ScaleKind;
  /** Clients with two or more scores of this kind in the month. */
  clients: number;
  /** Sum over those clients of (last - first). */
  totalChange: number;
  /** totalChange / clients, rounded to one decimal; null without clients. */
  averageChange: number | null;
}

export interface ReferralOutcome {
  direction: Direction;
  /** The final state of the referral's lifecycle (flows/referral/). */
  outcome: string;
  count: number;
}

export interface TeamReport {
  team: { id: string; name: string };
  /** "2026-11" */
  month: string;
  from: Date;
  /** Exclusive: the first instant of the next month. */
  to: Date;
  /** The team's clients that existed at the month's end. */
  clients: number;
  phases: Record<TrajectoryPhase, number>;
  /** Per conversation kind (flow id), every kind there is, sorted by id. */
  conversations: { flowId: string; count: number }[];
  stepsDone: number;
  scores: ScoreChange[];
  ladder: { up: number; down: number; same: number; first: number };
  referralsNew: Record<Direction, number>;
  referralsEnded: ReferralOutcome[];
}

export class ReportError extends Error {}

/** The month's bounds in Amsterdam time; throws on anything but YYYY-MM. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new ReportError(`The month is written as YYYY-MM (2026-11), not "${month}".`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { from: atLocal({ y, m: mo, d: 1 }, 0), to: atLocal(mo === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: mo + 1, d: 1 }, 0) };
}

/** The final states of a referral's lifecycle, per direction. */
export function finalStates(direction: Direction): string[] {
  const states = referralMachine(direction).root.states as Record<string, { type: string }>;
  return Object.entries(states)
    .filter(([, node]) => node.type === "final")
    .map(([name]) => name);
}

const TEAM = `WITH team AS (
  SELECT c.id, c.phase, c."createdAt" FROM "Client" c JOIN "Member" m ON m.id = c."coachId" WHERE m."organisationId" = $1::uuid)`;

/** Computes the report of one coach team for one month. */
export async function teamReport(tx: Tx, teamId: string, month: string): Promise<TeamReport> {
  const { from, to } = monthBounds(month);
  const team = await tx.organisation.findUnique({ where: { id: teamId } });
  if (!team || team.kind !== "COACH_TEAM") throw new ReportError("There is no coach team with that id.");

  const phaseRows = await tx.$queryRawUnsafe<{ phase: TrajectoryPhase; n: number }[]>(
    `${TEAM}
    SELECT p.phase::text AS phase, count(*)::int AS n FROM (
      SELECT coalesce(
        (SELECT pc.phase FROM "PhaseChange" pc WHERE pc."clientId" = t.id AND pc.at < $2 ORDER BY pc.at DESC LIMIT 1),
        CASE WHEN EXISTS (SELECT 1 FROM "PhaseChange" pc WHERE pc."clientId" = t.id) THEN 'REFERRED'::"TrajectoryPhase" ELSE t.phase END) AS phase
      FROM team t WHERE t."createdAt" < $2) p
    GROUP BY p.phase`,
    teamId,
    to,
  );
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<TrajectoryPhase, number>;
  for (const r of phaseRows) phases[r.phase] = r.n;

  const runRows = await tx.$queryRawUnsafe<{ flowId: string; n: number }[]>(
    `${TEAM}
    SELECT r."flowId", count(*)::int AS n FROM "FlowRun" r JOIN team t ON t.id = r."clientId"
    WHERE r.status = 'DONE' AND coalesce(r."endedAt", r."updatedAt") >= $2 AND coalesce(r."endedAt", r."updatedAt") < $3
      AND r."flowId" <> ALL($4::text[])
    GROUP BY r."flowId"`,
    teamId,
    from,
    to,
    NOT_COUNTED,
  );
  const kinds = new Set([...Object.keys(flowRegistry).filter((id) => !NOT_COUNTED.includes(id)), ...runRows.map((r) => r.flowId)]);
  const conversations = [...kinds].sort().map((flowId) => ({ flowId, count: runRows.find((r) => r.flowId === flowId)?.n ?? 0 }));

  const [steps] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `${TEAM}
    SELECT count(*)::int AS n FROM "Step" s JOIN "Goal" g ON g.id = s."goalId" JOIN team t ON t.id = g."clientId"
    WHERE s.status = 'DONE' AND s."doneAt" >= $2 AND s."doneAt" < $3`,
    teamId,
    from,
    to,
  );

  const scoreRows = await tx.$queryRawUnsafe<{ kind: ScaleKind; clients: number; total: number }[]>(
    `${TEAM}
    SELECT x.kind::text AS kind, count(*)::int AS clients, sum(x.last - x.first)::int AS total FROM (
      SELECT s."clientId", s.kind,
        (array_agg(s.score ORDER BY s.at, s.id))[1] AS first,
        (array_agg(s.score ORDER BY s.at DESC, s.id DESC))[1] AS last,
        count(*) AS n
      FROM "ScaleScore" s JOIN team t ON t.id = s."clientId"
      WHERE s.at >= $2 AND s.at < $3
      GROUP BY s."clientId", s.kind) x
    WHERE x.n >= 2 GROUP BY x.kind`,
    teamId,
    from,
    to,
  );
  const scores = SCALE_KINDS.map((kind): ScoreChange => {
    const r = scoreRows.find((s) => s.kind === kind);
    const clients = r?.clients ?? 0;
    const totalChange = r?.total ?? 0;
    return { kind, clients, totalChange, averageChange: clients ? Math.round((totalChange / clients) * 10) / 10 : null };
  });

  const rungRows = await tx.$queryRawUnsafe<{ before: number | null; firstIn: number; lastIn: number; n: number }[]>(
    `${TEAM}
    SELECT x.* FROM (
      SELECT
        (SELECT l.rung FROM "LadderRung" l WHERE l."clientId" = t.id AND l.at < $2 ORDER BY l.at DESC, l.id DESC LIMIT 1) AS before,
        (SELECT l.rung FROM "LadderRung" l WHERE l."clientId" = t.id AND l.at >= $2 AND l.at < $3 ORDER BY l.at, l.id LIMIT 1) AS "firstIn",
        (SELECT l.rung FROM "LadderRung" l WHERE l."clientId" = t.id AND l.at >= $2 AND l.at < $3 ORDER BY l.at DESC, l.id DESC LIMIT 1) AS "lastIn",
        (SELECT count(*)::int FROM "LadderRung" l WHERE l."clientId" = t.id AND l.at >= $2 AND l.at < $3) AS n
      FROM team t) x
    WHERE x.n > 0`,
    teamId,
    from,
    to,
  );
  const ladder = { up: 0, down: 0, same: 0, first: 0 };
  for (const r of rungRows) {
    const start = r.before ?? (r.n >= 2 ? r.firstIn : null);
    if (start === null) ladder.first++;
    else if (r.lastIn > start) ladder.up++;
    else if (r.lastIn < start) ladder.down++;
    else ladder.same++;
  }

  const newRows = await tx.$queryRawUnsafe<{ direction: Direction; n: number }[]>(
    `SELECT r.direction::text AS direction, count(*)::int AS n FROM "Referral" r
    WHERE ((r.direction = 'OUT' AND r."fromOrgId" = $1::uuid) OR (r.direction = 'IN' AND r."toOrgId" = $1::uuid))
      AND r."createdAt" >= $2 AND r."createdAt" < $3
    GROUP BY r.direction`,
    teamId,
    from,
    to,
  );
  // A referral event's data is sealed at rest (it can hold a reason in the partner's words): read
  // through Prisma and only its `to` (the state it moved to) looked at, in memory.
  const referrals = await tx.referral.findMany({
    where: { OR: [{ direction: "OUT", fromOrgId: teamId }, { direction: "IN", toOrgId: teamId }] },
    select: { id: true, direction: true },
  });
  const directionOf = new Map(referrals.map((r) => [r.id, r.direction]));
  const events = referrals.length
    ? await tx.referralEvent.findMany({ where: { referralId: { in: referrals.map((r) => r.id) }, at: { gte: from, lt: to } }, select: { referralId: true, data: true } })
    : [];
  const ended = new Map<string, Set<string>>();
  for (const e of events) {
    const direction = directionOf.get(e.referralId);
    const state = (e.data as { to?: unknown } | null)?.to;
    if (!direction || typeof state !== "string" || !finalStates(direction).includes(state)) continue;
    const key = `${direction}:${state}`;
    ended.set(key, (ended.get(key) ?? new Set()).add(e.referralId));
  }
  const referralsEnded = (["OUT", "IN"] as const).flatMap((direction) =>
    finalStates(direction).map((outcome) => ({ direction, outcome, count: ended.get(`${direction}:${outcome}`)?.size ?? 0 })),
  );

  return {
    team: { id: team.id, name: team.name },
    month,
    from,
    to,
    clients: Object.values(phases).reduce((a, b) => a + b, 0),
    phases,
    conversations,
    stepsDone: steps?.n ?? 0,
    scores,
    ladder,
    referralsNew: { OUT: newRows.find((r) => r.direction === "OUT")?.n ?? 0, IN: newRows.find((r) => r.direction === "IN")?.n ?? 0 },
    referralsEnded,
  };
}

/** The report for a professional, with its audit row in the same transaction. */
export async function openTeamReport(
  tx: Tx,
  args: { teamId: string; month: string; actor: { kind: "COACH" | "ADMIN"; id: string | null }; via: string },
): Promise<TeamReport> {
  const report = await teamReport(tx, args.teamId, args.month);
  await audit(tx, { actorKind: args.actor.kind, actorId: args.actor.id, action: "report.viewed", detail: { team: args.teamId, month: args.month, via: args.via } });
  return report;
}

/** `openTeamReport` in a transaction of its own. */
export async function openTeamReportIn(db: Database, args: Parameters<typeof openTeamReport>[1]): Promise<TeamReport> {
  return db.prisma.$transaction((tx) => openTeamReport(tx, args));
}

/** A count as shown: 0, "<5" for 1-4, or the number. */
export function shownCount(n: number, min = REPORT_MIN_COUNT): string {
  return n > 0 && n < min ? `<${min}` : String(n);
}

/** An average change as shown: signed, one decimal ("+1.5", "-0.3", "0.0"); "" over fewer than `min` clients. */
export function shownChange(s: ScoreChange, min = REPORT_MIN_COUNT): string {
  if (s.averageChange === null || s.clients < min) return "";
  const v = s.averageChange.toFixed(1);
  return s.averageChange > 0 ? `+${v}` : v;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The report as CSV: one row per number, `section,item,value`, in a fixed order (a spreadsheet can
 * pivot it). Counts go through `shownCount`, averages through `shownChange`.
 */
export function reportCsv(r: TeamReport, min = REPORT_MIN_COUNT): string {
  const rows: [string, string, string][] = [
    ["team", "name", r.team.name],
    ["team", "month", r.month],
    ["team", "clients", shownCount(r.clients, min)],
    ...PHASES.map((p): [string, string, string] => ["phase_at_month_end", p, shownCount(r.phases[p], min)]),
    ...r.conversations.map((c): [string, string, string] => ["conversations_done", c.flowId, shownCount(c.count, min)]),
    ["steps", "done", shownCount(r.stepsDone, min)],
    ...r.scores.flatMap((s): [string, string, string][] => [
      ["score_change_clients", s.kind, shownCount(s.clients, min)],
      ["score_change_average", s.kind, shownChange(s, min)],
    ]),
    ["ladder", "up", shownCount(r.ladder.up, min)],
    ["ladder", "down", shownCount(r.ladder.down, min)],
    ["ladder", "same", shownCount(r.ladder.same, min)],
    ["ladder", "first", shownCount(r.ladder.first, min)],
    ["referrals_new", "OUT", shownCount(r.referralsNew.OUT, min)],
    ["referrals_new", "IN", shownCount(r.referralsNew.IN, min)],
    ...r.referralsEnded.map((o): [string, string, string] => [`referrals_ended_${o.direction.toLowerCase()}`, o.outcome, shownCount(o.count, min)]),
  ];
  return ["section,item,value", ...rows.map((row) => row.map(csvCell).join(","))].join("\n") + "\n";
}
