/**
 * The client file: what a client's conversations produced, read from the database in one place
 * for the client (/doel, /mijnverhaal), their coach (Slack) and teams without Slack (the CLI).
 * Reading it for a professional goes through `openClientFile`, which applies the access rule and
 * writes the audit row; the client reads their own data through the small functions below.
 */
import type { ScaleKind } from "../../flows/types.js";
import { isWaitingTalk, outcomeOf } from "./flow-runs.js";
import type { Database, Tx } from "../db/client.js";
import { firstName } from "./clients.js";
import type { Client, FlowAnswer, FlowRun, Goal, Member, Nudge, Organisation, Step } from "../generated/prisma/client.js";
import { audit } from "./audit.js";
import { actorKindOf } from "./members.js";
import { ladderHistory, recordRung, type LadderPoint } from "./ladder.js";
import { plannedTalks } from "./trajectory.js";
import { sharesWithCoach } from "./consent.js";

export const SCALE_KINDS: readonly ScaleKind[] = ["PROGRESS", "MOTIVATION", "CONFIDENCE", "COPING", "WELLBEING"];

/** Conversations that are no topic of their own: the menu is an offer, the referral list a view. */
const NOT_A_CONVERSATION = new Set(["menu", "referralList"]);

export interface ScorePoint {
  score: number;
  at: Date;
  note: string | null;
}

/** A conversation as the file shows it: what it was, when, and what came out of it. */
export interface ConversationEntry {
  runId: string;
  flowId: string;
  status: FlowRun["status"];
  startedAt: Date;
  /** When it ended; for runs from before the client file the last change. */
  endedAt: Date | null;
  /** The scale and score it gave (scaling, check-in), from its outcome. */
  scale: ScaleKind | null;
  score: number | null;
  answers: FlowAnswer[];
}

/** Conversations worth a line: not the menu, not a coach's talk still waiting to begin. */
export function isConversation(run: FlowRun): boolean {
  return !NOT_A_CONVERSATION.has(run.flowId) && !isWaitingTalk(run);
}

function entryOf(run: FlowRun & { answers?: FlowAnswer[] }): ConversationEntry {
  const o = outcomeOf(run);
  const ctx = o?.context ?? {};
  const score = typeof ctx["score"] === "number" ? ctx["score"] : null;
  const kind = run.flowId === "checkin" ? "WELLBEING" : typeof ctx["kind"] === "string" && (SCALE_KINDS as readonly string[]).includes(ctx["kind"]) ? (ctx["kind"] as ScaleKind) : null;
  return {
    runId: run.id,
    flowId: run.flowId,
    status: run.status,
    startedAt: run.createdAt,
    endedAt: run.endedAt ?? (run.status === "ACTIVE" ? null : run.updatedAt),
    scale: score !== null ? kind : null,
    score,
    answers: run.answers ?? [],
  };
}

/** The client's last conversations, newest first. */
export async function lastConversations(tx: Tx, clientId: string, take: number, withAnswers = false): Promise<ConversationEntry[]> {
  const runs = await tx.flowRun.findMany({
    where: { clientId, flowId: { notIn: [...NOT_A_CONVERSATION] } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    // A coach's talks still waiting are left out below; a few more rows make up for them.
    take: take + 5,
    ...(withAnswers ? { include: { answers: { orderBy: { id: "asc" } } } } : {}),
  });
  return runs.filter(isConversation).slice(0, take).map(entryOf);
}

/** Every score of the client per kind, oldest first. */
export async function scoreHistory(tx: Tx, clientId: string): Promise<Record<ScaleKind, ScorePoint[]>> {
  const rows = await tx.scaleScore.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const out = Object.fromEntries(SCALE_KINDS.map((k) => [k, [] as ScorePoint[]])) as Record<ScaleKind, ScorePoint[]>;
  for (const r of rows) out[r.kind].push({ score: r.score, at: r.at, note: r.note });
  return out;
}

export async function currentGoal(tx: Tx, clientId: string): Promise<(Goal & { steps: Step[] }) | null> {
  return tx.goal.findFirst({
    where: { clientId, status: "ACTIVE" },
    orderBy: { createdAt: "desc" },
    include: { steps: { orderBy: { createdAt: "asc" } } },
  });
}

export interface ParkedTopic {
  runId: string;
  flowId: string;
  parkedAt: Date;
  resumeAt: Date | null;
  /** The question it comes back at. */
  promptKey: string | null;
}

export interface ReferralLine {
  id: string;
  direction: "IN" | "OUT";
  status: string;
  need: string;
  partner: string;
  updatedAt: Date;
}

export interface PendingReminder {
  kind: string;
  dueAt: Date;
}

/** Everything a coach sees of one client. */
export interface ClientFile {
  client: Client;
  coach: Member & { organisation: Organisation };
  consent: "GIVEN" | "REFUSED" | "WITHDRAWN" | null;
  goal: (Goal & { steps: Step[] }) | null;
  scores: Record<ScaleKind, ScorePoint[]>;
  conversations: ConversationEntry[];
  parked: ParkedTopic[];
  reminders: PendingReminder[];
  referrals: ReferralLine[];
  nudges: Nudge[];
  /** The participation ladder over time, oldest first, coach's and client's records both. */
  ladder: LadderPoint[];
  trajectory: TrajectoryView;
  /** False when the client took back sharing with their coach (/toestemming): goal, scores, conversations and parked topics are then not loaded. */
  shared: boolean;
}

/** The trajectory as the file shows it: the phase, what is planned, and what the later talks gave. */
export interface TrajectoryView {
  phase: Client["phase"];
  since: Date;
  planned: { kind: string; dueAt: Date; weeks?: number }[];
  /** The client's last answer about check-ins after closing; null when never asked. */
  aftercare: boolean | null;
  clarifying: { picked: string[]; focus: string | null } | null;
  evaluation: { at: Date; reached: string; needed: string; proud: string } | null;
  closing: { next: string; firstStep: string } | null;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

async function trajectoryView(tx: Tx, client: Client): Promise<TrajectoryView> {
  const last = async (flowId: string) => {
    const run = await tx.flowRun.findFirst({ where: { clientId: client.id, flowId, status: "DONE" }, orderBy: { createdAt: "desc" } });
    const o = run ? outcomeOf(run) : null;
    return run && o ? { at: run.endedAt ?? run.updatedAt, ctx: o.context } : null;
  };
  const aftercare = await tx.consentRecord.findFirst({ where: { clientId: client.id, subject: "aftercare" }, orderBy: { at: "desc" } });
  const clarifying = await last("clarifying");
  const evaluation = await last("evaluation");
  const closing = await last("closing");
  return {
    phase: client.phase,
    since: client.phaseSince,
    planned: await plannedTalks(tx, client.id),
    aftercare: aftercare ? aftercare.decision === "GIVEN" : null,
    clarifying: clarifying ? { picked: Array.isArray(clarifying.ctx["picked"]) ? (clarifying.ctx["picked"] as unknown[]).map(str).filter(Boolean) : [], focus: str(clarifying.ctx["focus"]) || null } : null,
    evaluation: evaluation ? { at: evaluation.at, reached: str(evaluation.ctx["reached"]), needed: str(evaluation.ctx["needed"]), proud: str(evaluation.ctx["proud"]) } : null,
    closing: closing ? { next: str(closing.ctx["next"]) || "other", firstStep: str(closing.ctx["firstStep"]) || str(closing.ctx["nextText"]) } : null,
  };
}

export const FILE_CONVERSATIONS = 20;

/** Loads the file of one client, without any access check (see `openClientFile`). */
export async function loadClientFile(tx: Tx, clientId: string, opts: { conversations?: number } = {}): Promise<ClientFile | null> {
  const client = await tx.client.findUnique({ where: { id: clientId } });
  if (!client) return null;
  const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId }, include: { organisation: true } });
  const consent = await tx.consentRecord.findFirst({ where: { clientId, subject: "data" }, orderBy: { at: "desc" } });
  const parkedRuns = await tx.flowRun.findMany({ where: { clientId, status: "PARKED" }, orderBy: { updatedAt: "desc" } });
  const reminders = await tx.job.findMany({ where: { clientId, status: "PENDING", kind: { startsWith: "reminder." } }, orderBy: { dueAt: "asc" }, take: 10 });
  const referrals = await tx.referral.findMany({ where: { clientId }, orderBy: { updatedAt: "desc" }, include: { fromOrg: true, toOrg: true } });
  const nudges = await tx.nudge.findMany({ where: { clientId, status: { not: "DONE" } }, orderBy: { openedAt: "asc" } });
  const shared = await sharesWithCoach(tx, clientId);
  if (!shared) {
    const none = Object.fromEntries(SCALE_KINDS.map((k) => [k, [] as ScorePoint[]])) as Record<ScaleKind, ScorePoint[]>;
    // The coach still sees where the trajectory is and the rungs they recorded, not the client's words or answers.
    const trajectory = { ...(await trajectoryView(tx, client)), clarifying: null, evaluation: null, closing: null };
    const ladder = (await ladderHistory(tx, clientId)).filter((r) => r.source === "COACH");
    return { client, coach, consent: consent?.decision ?? null, goal: null, scores: none, conversations: [], parked: [], reminders: [], referrals: [], nudges, ladder, trajectory, shared };
  }
  return {
    shared,
    client,
    coach,
    consent: consent?.decision ?? null,
    goal: await currentGoal(tx, clientId),
    scores: await scoreHistory(tx, clientId),
    conversations: await lastConversations(tx, clientId, opts.conversations ?? FILE_CONVERSATIONS, true),
    parked: parkedRuns.filter(isConversation).map((r) => {
      const from = r.resumeFrom as { prompt?: { key?: unknown }[] } | null;
      const key = from?.prompt?.[from.prompt.length - 1]?.key;
      return { runId: r.id, flowId: r.flowId, parkedAt: r.endedAt ?? r.updatedAt, resumeAt: r.resumeAt, promptKey: typeof key === "string" ? key : null };
    }),
    reminders: reminders.map((j) => ({ kind: j.kind, dueAt: j.dueAt })),
    referrals: referrals.map((r) => ({
      id: r.id,
      direction: r.direction,
      status: r.status,
      need: r.need,
      partner: (r.direction === "OUT" ? r.toOrg : r.fromOrg).name,
      updatedAt: r.updatedAt,
    })),
    nudges,
    ladder: await ladderHistory(tx, clientId),
    trajectory: await trajectoryView(tx, client),
  };
}

/**
 * The access rule, the one place it is written: a professional may open a client's file when
 * they are the client's own coach, or a coach or admin of the same coach team (colleagues stand
 * in for each other). Partners never read a file here; they see only what a referral shares.
 */
export function mayOpenFile(member: Member, coach: Member): boolean {
  if (!member.active) return false;
  if (member.id === coach.id) return true;
  return (member.role === "COACH" || member.role === "ADMIN") && member.organisationId === coach.organisationId;
}

/** Why a professional opens the file of a client who is not in their own caseload: one of these, picked first. */
export const ACCESS_REASONS = ["vervanging", "crisis", "overdracht"] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];
export const isAccessReason = (v: unknown): v is AccessReason => typeof v === "string" && (ACCESS_REASONS as readonly string[]).includes(v);

export type OpenFileResult =
  | { kind: "ok"; file: ClientFile }
  | { kind: "notFound" }
  | { kind: "notAllowed" }
  /** Allowed, but not the member's own client: nothing is shown until they pick a reason. */
  | { kind: "needsReason"; name: string; coach: string };

/**
 * Opens a client's file for a professional: the access rule, then the file, with an audit row
 * in the same transaction (also for a refusal, so attempts are visible) saying who, where (`via`:
 * "slack.file", "cli.show") and why: "caseload" for the own coach, else the reason picked from
 * `ACCESS_REASONS`, without which nothing is shown.
 */
export async function openClientFile(tx: Tx, args: { member: Member; clientId: string; via: string; reason?: string; actorKind?: "COACH" | "ADMIN" }): Promise<OpenFileResult> {
  const file = await loadClientFile(tx, args.clientId);
  const actorKind = args.actorKind ?? actorKindOf(args.member);
  if (!file) return { kind: "notFound" };
  if (!mayOpenFile(args.member, file.coach)) {
    await audit(tx, { actorKind, actorId: args.member.id, action: "clientFile.refused", clientId: args.clientId, detail: { via: args.via } });
    return { kind: "notAllowed" };
  }
  const own = args.member.id === file.coach.id;
  if (!own && !isAccessReason(args.reason)) return { kind: "needsReason", name: file.client.callName ?? file.client.name, coach: file.coach.name };
  await audit(tx, { actorKind, actorId: args.member.id, action: "clientFile.viewed", clientId: args.clientId, detail: { via: args.via, why: own ? "caseload" : (args.reason ?? "") } });
  return { kind: "ok", file };
}

/** `openClientFile` in a transaction of its own. */
export async function openClientFileIn(db: Database, args: Parameters<typeof openClientFile>[1]): Promise<OpenFileResult> {
  return db.prisma.$transaction((tx) => openClientFile(tx, args));
}

export type RungFromFile = { kind: "ok"; file: ClientFile; name: string; why: string } | { kind: "notFound" | "notAllowed" | "needsReason" };

/**
 * A rung chosen in the client file: saved as the member (audited), then the file read again;
 * refused (and audited) for a member who may not open the file, or who is not the client's coach
 * and gave no reason for opening it.
 */
export async function setRungFromFile(db: Database, args: { member: Member; clientId: string; rung: number; reason?: AccessReason | undefined; now: Date }): Promise<RungFromFile> {
  const { member, clientId, rung, reason, now } = args;
  return db.prisma.$transaction(async (tx): Promise<RungFromFile> => {
    const target = await tx.client.findUnique({ where: { id: clientId }, include: { coach: true } });
    if (!target || target.status === "FORGOTTEN") return { kind: "notFound" };
    if (!mayOpenFile(member, target.coach)) {
      await audit(tx, { actorKind: actorKindOf(member), actorId: member.id, action: "ladder.refused", clientId, detail: { via: "slack.file" } });
      return { kind: "notAllowed" };
    }
    // Not their own client: the same rule as opening the file, so nothing is saved without a reason.
    if (target.coachId !== member.id && !reason) {
      await audit(tx, { actorKind: actorKindOf(member), actorId: member.id, action: "ladder.refused", clientId, detail: { via: "slack.file", why: "noReason" } });
      return { kind: "needsReason" };
    }
    await recordRung(tx, { clientId, rung, source: "COACH", by: { kind: member.role === "ADMIN" ? "ADMIN" : "COACH", memberId: member.id, via: "slack.file" }, now });
    const opened = await openClientFile(tx, { member, clientId, via: "slack.file", ...(reason ? { reason } : {}) });
    return opened.kind === "ok" ? { kind: "ok", file: opened.file, name: firstName(target), why: target.coachId === member.id ? "caseload" : (reason ?? "caseload") } : { kind: "notFound" };
  });
}
