/**
 * The trajectory's phases (METHOD.md section 2): where a client is, and every move between them.
 * `Client.phase` is the current phase; each move is one `PhaseChange` row, written in the caller's
 * transaction, so the team report (which counts phases per month) and the client file agree with
 * what happened. Phase words never reach the client; Slack shows them as plain labels.
 */
import type { Tx } from "../db/client.js";
import type { ActorKind, TrajectoryPhase } from "../generated/prisma/client.js";

/** The phases in the order of the trajectory. */
export const PHASES: readonly TrajectoryPhase[] = [
  "REFERRED",
  "FIRST_CONTACT",
  "CLARIFYING",
  "GOAL_AND_PLAN",
  "DOING",
  "EVALUATION",
  "CLOSING",
  "AFTERCARE",
  "CLOSED",
];

export interface PhaseMove {
  clientId: string;
  to: TrajectoryPhase;
  actor: { kind: ActorKind; id?: string | null };
  now: Date;
  /**
   * Only move when the client is in one of these phases (e.g. a goal set moves GOAL_AND_PLAN or
   * CLARIFYING on to DOING, but must not pull a client in EVALUATION back). Omitted: always.
   */
  onlyFrom?: readonly TrajectoryPhase[];
}

/**
 * Moves the client to `to` and records the move. Returns the phase before, or null when nothing
 * changed (already there, unknown client, or not in `onlyFrom`).
 */
export async function movePhase(tx: Tx, move: PhaseMove): Promise<TrajectoryPhase | null> {
  const client = await tx.client.findUnique({ where: { id: move.clientId }, select: { phase: true } });
  if (!client || client.phase === move.to) return null;
  if (move.onlyFrom && !move.onlyFrom.includes(client.phase)) return null;
  const updated = await tx.client.updateMany({
    where: { id: move.clientId, phase: client.phase },
    data: { phase: move.to, phaseSince: move.now },
  });
  if (updated.count === 0) return null; // moved meanwhile by another transaction
  await tx.phaseChange.create({
    data: { clientId: move.clientId, from: client.phase, phase: move.to, actorKind: move.actor.kind, actorId: move.actor.id ?? null, at: move.now },
  });
  return client.phase;
}

/** The client's phase at a moment, from the recorded moves (null: the client did not exist yet). */
export async function phaseAt(tx: Tx, clientId: string, at: Date): Promise<TrajectoryPhase | null> {
  const last = await tx.phaseChange.findFirst({ where: { clientId, at: { lte: at } }, orderBy: { at: "desc" }, select: { phase: true } });
  if (last) return last.phase;
  const client = await tx.client.findUnique({ where: { id: clientId }, select: { createdAt: true, phase: true, phaseChanges: { select: { id: true }, take: 1 } } });
  if (!client || client.createdAt > at) return null;
  // No move recorded before `at`: the client was where they started (REFERRED), or, for a client
  // from before phases were recorded, where the migration placed them.
  return client.phaseChanges.length === 0 ? client.phase : "REFERRED";
}
