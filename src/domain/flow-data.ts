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
  if (flowId === "scaling") {
    const scale = isScaleKind(data["scale"]) ? data["scale"] : "PROGRESS";
    data["scale"] = scale;
    if (data["previousScore"] === undefined) {
      const last = await tx.scaleScore.findFirst({ where: { clientId: client.id, kind: scale }, orderBy: { at: "desc" } });
      if (last) data["previousScore"] = last.score;
    }
  }
  return data;
}
