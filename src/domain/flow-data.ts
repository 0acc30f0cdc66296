import type { ScaleKind } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";

const SCALES: readonly ScaleKind[] = ["PROGRESS", "MOTIVATION", "CONFIDENCE", "COPING", "WELLBEING"];

export function isScaleKind(value: unknown): value is ScaleKind {
  return typeof value === "string" && (SCALES as readonly string[]).includes(value);
}

/**
 * The facts a conversation starts with, read from the client's own data: the check-in asks about
 * the first open step; a scaling question knows the previous score of its kind, so a rise gets a
 * concrete compliment. `given` (from a coach or a reminder) wins over what is derived.
 */
export async function flowData(tx: Tx, client: Client, flowId: string, given: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...given };
  if (flowId === "checkin" && data["step"] === undefined) {
    const step = await tx.step.findFirst({
      where: { goal: { clientId: client.id, status: "ACTIVE" }, status: { in: ["OPEN", "PARTLY"] } },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    });
    if (step) data["step"] = { id: step.id, what: step.what, ...(step.dueAt ? { dueAt: step.dueAt.toISOString() } : {}) };
  }
  if (flowId === "checkin" && data["previousScore"] === undefined) {
    // The last wellbeing score, so a rise ("van een 3 naar een 7") is named.
    const last = await tx.scaleScore.findFirst({ where: { clientId: client.id, kind: "WELLBEING" }, orderBy: { at: "desc" } });
    if (last) data["previousScore"] = last.score;
  }
  if (flowId === "scaling") {
    const scale = isScaleKind(data["scale"]) ? data["scale"] : "PROGRESS";
    data["scale"] = scale;
    if (data["previousScore"] === undefined) {
      const last = await tx.scaleScore.findFirst({ where: { clientId: client.id, kind: scale }, orderBy: { at: "desc" } });
      if (last) data["previousScore"] = last.score;
    }
  }
  // --- the trajectory: GROW after the clarifying talk, and what the evaluation and closing talks say back
  if (flowId === "grow" && data["focus"] === undefined) {
    const focus = await clarifiedFocus(tx, client.id);
    if (focus) data["focus"] = focus;
  }
  if ((flowId === "evaluation" || flowId === "closing") && data["goal"] === undefined) Object.assign(data, await trajectoryFacts(tx, client.id));
  return data;
}

/**
 * The part of life the client chose to start with in their last clarifying talk, when no goal
 * was set since (a new goal is about something else by then). From the run's outcome, so only
 * with the client's consent to keep their answers.
 */
async function clarifiedFocus(tx: Tx, clientId: string): Promise<string | null> {
  // The outcome is sealed at rest: read it opened, not filtered on in SQL.
  const run = await tx.flowRun.findFirst({ where: { clientId, flowId: "clarifying", status: "DONE" }, orderBy: { createdAt: "desc" } });
  if (!run?.outcome) return null;
  const goalSince = await tx.goal.findFirst({ where: { clientId, createdAt: { gt: run.createdAt } }, select: { id: true } });
  if (goalSince) return null;
  const focus = (run.outcome as { context?: { focus?: unknown } } | null)?.context?.focus;
  return typeof focus === "string" ? focus : null;
}

/** The goal, the steps done (oldest first), how many are open, and per scale the first and last score. */
export async function trajectoryFacts(tx: Tx, clientId: string): Promise<{ goal: string; stepsDone: string[]; stepsOpen: number; scores: { kind: string; first: number; last: number; count: number }[] }> {
  const goal = await tx.goal.findFirst({ where: { clientId, status: { not: "DROPPED" } }, orderBy: { createdAt: "desc" }, include: { steps: { orderBy: { createdAt: "asc" } } } });
  const steps = await tx.step.findMany({ where: { goal: { clientId } }, orderBy: [{ doneAt: "asc" }, { createdAt: "asc" }] });
  const rows = await tx.scaleScore.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const scores = SCALES.map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    return { kind, first: of[0]?.score ?? 0, last: of.at(-1)?.score ?? 0, count: of.length };
  }).filter((s) => s.count > 0);
  return {
    goal: goal?.text ?? "",
    stepsDone: steps.filter((s) => s.status === "DONE").map((s) => s.what),
    stepsOpen: steps.filter((s) => s.status === "OPEN" || s.status === "PARTLY").length,
    scores,
  };
}
