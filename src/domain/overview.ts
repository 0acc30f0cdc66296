import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../jobs/outbox.js";

const MAX_STEPS = 5;
const MAX_SCORES = 5;

/**
 * What `/doel` shows: the client's current goal, its steps and recent scores, in one short
 * message. Only the client's own data, straight from the database.
 */
export async function goalOverview(tx: Tx, client: Client): Promise<OutMessage> {
  const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId } });
  const goal = await tx.goal.findFirst({
    where: { clientId: client.id, status: "ACTIVE" },
    orderBy: { createdAt: "desc" },
    include: { steps: { orderBy: { createdAt: "asc" }, take: MAX_STEPS } },
  });
  if (!goal) return { key: "overview.noGoal" };
  const scores = await tx.scaleScore.findMany({ where: { clientId: client.id }, orderBy: { at: "desc" }, take: MAX_SCORES });
  const lines: OutMessage[] = goal.steps.map((s): OutMessage => {
    if (s.status === "DONE") return { key: "overview.stepDone", vars: { what: s.what } };
    if (s.dueAt) return { key: "overview.stepDue", vars: { what: s.what, date: s.dueAt.toISOString() } };
    return { key: "overview.step", vars: { what: s.what } };
  });
  if (!lines.length) lines.push({ key: "overview.noSteps" });
  if (scores.length) {
    lines.push({ key: "overview.scores", vars: { scores: scores.reverse().map((s) => s.score).join(", ") } });
  }
  lines.push({ key: "overview.end", vars: { coach: coach.name } });
  return { key: "overview.goal", vars: { goal: goal.text }, lines };
}
