/**
 * After a scaling or check-in conversation: the client's scores of that kind as a picture, once
 * there are at least three. The outbox keeps the scores (not the picture); the sender draws it.
 */
import type { ScaleKind } from "../../flows/types.js";
import type { PersistedFlow } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";
import { CHART_MIN_SCORES, type ScoreChartData } from "./chart.js";
import { SCALE_KINDS } from "./client-file.js";

/** Points a chart shows at most (the latest). */
export const CHART_MAX_POINTS = 30;

/** The scale a finished conversation scored, or null when it scored none. */
export function scaleOfRun(flowId: string, persisted: PersistedFlow): ScaleKind | null {
  if (flowId === "checkin") return "WELLBEING";
  if (flowId !== "scaling") return null;
  const kind = (persisted["context"] as { kind?: unknown } | undefined)?.kind;
  return typeof kind === "string" && (SCALE_KINDS as readonly string[]).includes(kind) ? (kind as ScaleKind) : "PROGRESS";
}

/** The chart data of one kind for a client: the latest scores and the agreed days of the current goal's steps. */
export async function chartData(tx: Tx, clientId: string, scale: ScaleKind): Promise<ScoreChartData> {
  const rows = await tx.scaleScore.findMany({ where: { clientId, kind: scale }, orderBy: [{ at: "desc" }, { id: "desc" }], take: CHART_MAX_POINTS });
  const points = rows.reverse().map((r) => ({ at: r.at.toISOString(), score: r.score }));
  const from = rows[0]?.at;
  const steps = await tx.step.findMany({
    where: { goal: { clientId, status: "ACTIVE" }, dueAt: { not: null, ...(from ? { gte: from } : {}) }, status: { not: "DROPPED" } },
    orderBy: { dueAt: "asc" },
  });
  return { scale, points, steps: steps.map((s) => ({ at: (s.dueAt as Date).toISOString() })) };
}

/** The caption (and alt text) of a chart, in plain words: the first and the latest score. */
export function chartCaption(data: ScoreChartData): OutMessage {
  const first = data.points[0];
  const last = data.points[data.points.length - 1];
  const caption: OutMessage = {
    key: `chart.alt.${data.scale}`,
    vars: { first: first?.score ?? 0, firstAt: first?.at ?? "", last: last?.score ?? 0 },
  };
  if (data.steps.length) caption.lines = [{ key: "chart.altSteps" }];
  return caption;
}

/** The chart message after a conversation that gave a score, or none (fewer than three scores). */
export async function progressChart(tx: Tx, client: Client, flowId: string, persisted: PersistedFlow): Promise<OutMessage[]> {
  const scale = scaleOfRun(flowId, persisted);
  if (!scale) return [];
  const data = await chartData(tx, client.id, scale);
  if (data.points.length < CHART_MIN_SCORES) return [];
  return [{ ...chartCaption(data), photo: data }];
}
