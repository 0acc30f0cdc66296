/**
 * The client file at the engine's edge: every answer a client gives to a conversation is kept as
 * (run, state, question, answer, time), and what came out of a conversation (the machine's final
 * context) when it ends. Generic on purpose: the flows stay pure and do not know about it, and a
 * flow that changes its states changes the keys, not this code.
 *
 * Only with the client's consent: onboarding asks for it ("data"), and until the last decision on
 * it is GIVEN nothing is kept here. After a refusal `forgetClient` deletes the runs, and with them
 * their answers (ON DELETE CASCADE).
 */
import type { ClientEvent, Say } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import type { FlowRun, Prisma } from "../generated/prisma/client.js";
import type { PersistedFlow } from "../../flows/types.js";
import { outcomeOf, type RunOutcome } from "../domain/flow-runs.js";

/** The consent subject onboarding asks for (flows/onboarding.ts). */
export const DATA_CONSENT = "data";

/** True when the client's last decision about keeping their data is "yes". */
export async function hasDataConsent(tx: Tx, clientId: string): Promise<boolean> {
  const last = await tx.consentRecord.findFirst({ where: { clientId, subject: DATA_CONSENT }, orderBy: { at: "desc" } });
  return last?.decision === "GIVEN";
}

/** A machine state as one key: "how", or "reality.now" for a nested state. */
export function stateKey(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    return k === undefined ? "" : [k, stateKey(v)].filter(Boolean).join(".");
  }
  return "";
}

/** The question that was waiting for this answer: the last `say` with buttons, or the last one. */
function questionOf(run: Pick<FlowRun, "prompt">): Say | undefined {
  const prompt = (run.prompt as Say[] | null) ?? [];
  return prompt[prompt.length - 1];
}

/**
 * Keeps one answer of the client to the question `run` is waiting at. `run` is the run as it was
 * before the event was stepped (its snapshot is the state that asked the question).
 */
export async function recordAnswer(tx: Tx, run: FlowRun, event: ClientEvent, at: Date, consent: boolean): Promise<void> {
  if (!consent) return;
  await tx.flowAnswer.create({ data: answerRow(run, event, at) });
}

/** The FlowAnswer row `recordAnswer` writes (also written by the fast path, src/conversation/fast-path.ts). */
export function answerRow(run: Pick<FlowRun, "id" | "clientId" | "prompt" | "snapshot">, event: ClientEvent, at: Date): Prisma.FlowAnswerUncheckedCreateInput {
  const question = questionOf(run);
  const label = event.type === "client.chose" ? question?.choices?.flat().find((c) => c.id === event.choice)?.label : undefined;
  return {
    flowRunId: run.id,
    clientId: run.clientId,
    state: stateKey((run.snapshot as { value?: unknown }).value),
    promptKey: question?.key ?? null,
    ...(question?.vars ? { promptVars: question.vars as Prisma.InputJsonValue } : {}),
    text: event.type === "client.said" ? event.text : null,
    choice: event.type === "client.chose" ? event.choice : null,
    choiceLabel: label ?? null,
    at,
  };
}

/** The `outcome` to save for a run that ends now in `persisted`, or undefined to leave it as it is (no consent). */
export function endedOutcome(run: Pick<FlowRun, "outcome">, persisted: PersistedFlow, parked: boolean, consent: boolean): Prisma.InputJsonValue | undefined {
  if (!consent) return undefined;
  const before = outcomeOf(run)?.parks ?? 0;
  const context = persisted["context"];
  const out: RunOutcome = {
    state: stateKey(persisted["value"]),
    context: context && typeof context === "object" ? (context as Record<string, unknown>) : {},
    parks: before + (parked ? 1 : 0),
  };
  return out as unknown as Prisma.InputJsonValue;
}
