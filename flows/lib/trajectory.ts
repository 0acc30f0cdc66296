/**
 * What the evaluation and closing talks say back to the client from their own data (the engine
 * reads it, src/domain/flow-data.ts): the goal, the steps done and the scores. The client's words
 * are turned to our side ("ik wil werk" is "werk"), as GROW's summary does.
 */
import type { Say } from "../types.js";
import { bare } from "./controls.js";
import { asAim, stepWithout } from "./rephrase.js";

export interface ScoreTrend {
  kind: string;
  first: number;
  last: number;
  count: number;
}

export interface TrajectoryFacts {
  goal: string;
  stepsDone: string[];
  stepsOpen: number;
  scores: ScoreTrend[];
}

/** Steps named in a sentence of ours: at most three, the most recent ones. */
export const STEPS_NAMED = 3;

export function factsOf(data: Record<string, unknown> | undefined): TrajectoryFacts {
  const goal = typeof data?.["goal"] === "string" ? data["goal"] : "";
  const done = Array.isArray(data?.["stepsDone"]) ? (data["stepsDone"] as unknown[]).filter((s): s is string => typeof s === "string" && s.trim() !== "") : [];
  const open = typeof data?.["stepsOpen"] === "number" ? data["stepsOpen"] : 0;
  const scores = Array.isArray(data?.["scores"])
    ? (data["scores"] as Partial<ScoreTrend>[]).filter(
        (s): s is ScoreTrend => typeof s?.kind === "string" && typeof s.first === "number" && typeof s.last === "number" && typeof s.count === "number",
      )
    : [];
  return { goal, stepsDone: done, stepsOpen: open, scores };
}

export function goalSaid(f: TrajectoryFacts): string {
  return f.goal ? bare(asAim(f.goal)) : "";
}

export function stepsSaid(f: TrajectoryFacts): string {
  return f.stepsDone
    .slice(-STEPS_NAMED)
    .map((s) => bare(stepWithout(s) || s))
    .join(", ");
}

/** The goal and the steps done in one message, in the words that fit what there is. */
export function recap(prefix: string, f: TrajectoryFacts, vars: Record<string, string | number>): Say {
  const goal = goalSaid(f);
  const steps = stepsSaid(f);
  const key = goal && steps ? "goalSteps" : goal ? "goalOnly" : steps ? "stepsOnly" : "nothing";
  return { key: `${prefix}.${key}`, vars: { ...vars, goal, steps } };
}

/** The score line of the evaluation: the kind with most scores, its first and last. */
export function scoreLine(f: TrajectoryFacts): Say | null {
  const best = [...f.scores].filter((s) => s.count >= 2).sort((a, b) => b.count - a.count)[0];
  if (!best) return null;
  const way = best.last > best.first ? "up" : best.last < best.first ? "down" : "same";
  return { key: `evaluation.scores.${best.kind.toLowerCase()}.${way}`, vars: { from: best.first, to: best.last } };
}
