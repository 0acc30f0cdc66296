import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";
import { currentGoal, lastConversations, scoreHistory, SCALE_KINDS, type ConversationEntry } from "./client-file.js";

const MAX_STEPS = 5;
/** Scores shown per kind, oldest first: "Vertrouwen: 5 → 6 → 8". */
const SCORES_PER_KIND = 3;
/** Conversations /mijnverhaal lists. */
const STORY_LINES = 8;

/**
 * What `/doel` shows: the client's current goal, its steps with their state and dates, and the
 * last scores of each kind with its name, in one short message. Only the client's own data.
 */
export async function goalOverview(tx: Tx, client: Client): Promise<OutMessage> {
  const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId } });
  const goal = await currentGoal(tx, client.id);
  if (!goal) return { key: "overview.noGoal" };
  const lines: OutMessage[] = goal.steps
    .filter((s) => s.status !== "DROPPED")
    .slice(0, MAX_STEPS)
    .map((s): OutMessage => {
      if (s.status === "DONE") return s.doneAt ? { key: "overview.stepDoneOn", vars: { what: s.what, date: s.doneAt.toISOString() } } : { key: "overview.stepDone", vars: { what: s.what } };
      if (s.status === "PARTLY") return { key: "overview.stepPartly", vars: { what: s.what } };
      if (s.dueAt) return { key: "overview.stepDue", vars: { what: s.what, date: s.dueAt.toISOString() } };
      return { key: "overview.step", vars: { what: s.what } };
    });
  if (!lines.length) lines.push({ key: "overview.noSteps" });
  const history = await scoreHistory(tx, client.id);
  const kinds = SCALE_KINDS.filter((k) => history[k].length);
  if (kinds.length) {
    lines.push({ key: "overview.scoresTitle" });
    for (const k of kinds) {
      const scores = history[k].slice(-SCORES_PER_KIND).map((p) => p.score).join(" → ");
      lines.push({ key: `overview.score.${k}`, vars: { scores } });
    }
  }
  lines.push({ key: "overview.end", vars: { coach: coach.name } });
  return { key: "overview.goal", vars: { goal: goal.text }, lines };
}

/** The text key for a conversation's kind in /mijnverhaal. */
function storyWhat(c: ConversationEntry): string {
  const known = ["onboarding", "grow", "miracle", "scaling", "checkin", "reminders"];
  if (known.includes(c.flowId)) return `story.flow.${c.flowId}`;
  if (c.flowId.startsWith("referral")) return "story.flow.referral";
  return "story.flow.other";
}

/** What `/mijnverhaal` shows: the last conversations, one line each, newest first. */
export async function storyOverview(tx: Tx, client: Client): Promise<OutMessage> {
  const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId } });
  const conversations = (await lastConversations(tx, client.id, STORY_LINES)).filter((c) => c.status !== "ABORTED");
  if (!conversations.length) return { key: "story.none" };
  const lines = conversations.flatMap((c): OutMessage[] => {
    const date = c.startedAt.toISOString();
    const line: OutMessage = c.score !== null && c.scale ? { key: `story.score.${c.scale}`, vars: { date, score: c.score } } : { key: storyWhat(c), vars: { date } };
    return c.status === "PARKED" ? [line, { key: "story.parked" }] : [line];
  });
  lines.push({ key: "story.end", vars: { coach: coach.name } });
  return { key: "story.title", lines };
}
