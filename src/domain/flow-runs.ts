/** Reading a stored flow run (a FlowRun row): what the conversation and the client file both need. */
import type { FlowRun } from "../generated/prisma/client.js";

/** A coach's conversation that waits for the one the client is in (`queueTalk`). */
export function isWaitingTalk(run: FlowRun): boolean {
  const from = run.resumeFrom as { waiting?: unknown } | null;
  return from !== null && typeof from === "object" && from.waiting === true;
}

/** What a run keeps in `outcome` when it ends: its final state and context, and how often it was parked. */
export interface RunOutcome {
  state: string;
  context: Record<string, unknown>;
  /** How often the client said "niet nu" in this run. */
  parks: number;
}

export function outcomeOf(run: Pick<FlowRun, "outcome">): RunOutcome | null {
  const o = run.outcome as Partial<RunOutcome> | null;
  if (!o || typeof o !== "object" || typeof o.state !== "string") return null;
  return { state: o.state, context: o.context && typeof o.context === "object" ? o.context : {}, parks: typeof o.parks === "number" ? o.parks : 0 };
}
