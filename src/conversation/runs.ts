import { cancelPending, enqueue } from "../db/queue.js";
import type { Logger } from "pino";
import type { ClientEvent, FlowDefinition, FlowInput, Say } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import { progressChart } from "../domain/chart-message.js";
import { applyEffects, forgetClient } from "../domain/effects.js";
import { checkParkedOften } from "../domain/nudges.js";
import { flowData } from "../domain/flow-data.js";
import { isWaitingTalk } from "../domain/flow-runs.js";
import { Prisma, type Client, type FlowRun } from "../generated/prisma/client.js";
import { CONVERSATION_RESUME, toOutMessage, type OutMessage } from "../outbox/messages.js";
import { endedOutcome, hasDataConsent, recordAnswer } from "./answers.js";
import { restoreFlow, startFlow, stepFlow, type FlowStep } from "./runtime.js";

/** A conversation cannot be started; the message says why in words a coach understands. */
export class ConversationError extends Error {
  override name = "ConversationError";
}

export interface RunDeps {
  flows: Record<string, FlowDefinition>;
  clock: () => Date;
  logger: Logger;
}

export type Runs = ReturnType<typeof createRuns>;

/**
 * Flow runs of one client inside the caller's transaction: start one, step the active one with a
 * client event, repeat its last question. Each step applies the flow's effects and saves the
 * snapshot; the messages are returned for the outbox.
 */
export function createRuns(deps: RunDeps) {
  const { flows, clock } = deps;

  async function flowInput(tx: Tx, client: Client, data?: Record<string, unknown>): Promise<FlowInput> {
    const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId } });
    return {
      now: clock().toISOString(),
      client: { name: client.name, callName: client.callName ?? undefined },
      coach: { name: coach.name },
      ...(data ? { data } : {}),
    };
  }

  function flowOf(id: string): FlowDefinition {
    const flow = flows[id];
    if (!flow) throw new ConversationError(`unknown conversation "${id}"; known: ${Object.keys(flows).join(", ")}`);
    return flow;
  }

  /** Saves a new run of a flow and returns its first messages. */
  async function beginRun(tx: Tx, client: Client, flowId: string, data?: Record<string, unknown>): Promise<OutMessage[]> {
    const flow = flowOf(flowId);
    await tx.flowRun.updateMany({ where: { clientId: client.id, status: "ACTIVE" }, data: { status: "ABORTED", endedAt: clock() } });
    data = await flowData(tx, client, flowId, data);
    const step = startFlow(flow, await flowInput(tx, client, data));
    const run = await tx.flowRun.create({
      data: {
        clientId: client.id,
        flowId,
        machineVersion: flow.version,
        snapshot: step.persisted as Prisma.InputJsonValue,
        data: data as Prisma.InputJsonValue,
        status: step.done ? "DONE" : "ACTIVE",
        turn: 1,
        prompt: lastQuestion(step.says) as unknown as Prisma.InputJsonValue,
      },
    });
    return finishStep(tx, client, run, step, `${run.id}:0`);
  }

  /** Applies a step's effects, saves the run and returns the messages to send. */
  async function finishStep(tx: Tx, client: Client, run: FlowRun, step: FlowStep, key: string): Promise<OutMessage[]> {
    const messages = step.says.map((s) => toOutMessage(s, run.turn));
    const engineEffects = await applyEffects(tx, client, step.effects, { now: clock(), key });
    let status: FlowRun["status"] = step.done ? "DONE" : "ACTIVE";
    if (engineEffects.park) status = "PARKED";
    // The client file: what came out of the conversation, when it ends (src/conversation/answers.ts).
    const outcome = status !== "ACTIVE" && !engineEffects.forget ? endedOutcome(run, step.persisted, status === "PARKED", await hasDataConsent(tx, client.id)) : undefined;
    await tx.flowRun.update({
      where: { id: run.id },
      data: {
        snapshot: step.persisted as Prisma.InputJsonValue,
        status,
        resumeAt: engineEffects.park?.resumeAt ?? null,
        ...(status !== "ACTIVE" ? { endedAt: clock() } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
      },
    });
    // The same topic parked a third time: the coach hears of it (src/domain/nudges.ts).
    if (engineEffects.park) await checkParkedOften(tx, client, run.flowId, clock());
    if (engineEffects.park?.resumeAt) {
      // The topic comes back when the client agreed; the job starts it again then.
      await enqueue(tx, { kind: CONVERSATION_RESUME, payload: { flowRunId: run.id }, clientId: client.id, dueAt: engineEffects.park.resumeAt, idempotencyKey: `${CONVERSATION_RESUME}:${run.id}` });
    }
    if (engineEffects.forget) {
      await forgetClient(tx, client.id);
      return messages;
    }
    // Progress as a picture: after a conversation that gave a score, once there are three of its kind.
    if (status === "DONE") messages.push(...(await progressChart(tx, client, run.flowId, step.persisted)));
    if (engineEffects.startFlow && status !== "ACTIVE") {
      messages.push(...(await beginRun(tx, client, engineEffects.startFlow)));
    }
    return messages;
  }

  /** The last question of the active run, to repeat after /start, a pause or a help text. */
  function repeatPrompt(run: FlowRun | null): OutMessage[] {
    const prompt = run?.prompt as Say[] | null | undefined;
    return prompt?.length ? prompt.map((s) => toOutMessage(s, run?.turn ?? 0)) : [];
  }

  async function activeRun(tx: Tx, clientId: string): Promise<FlowRun | null> {
    return tx.flowRun.findFirst({ where: { clientId, status: "ACTIVE" }, orderBy: { createdAt: "desc" } });
  }

  /** Steps the active flow with one client event. */
  async function stepActive(tx: Tx, client: Client, run: FlowRun, event: ClientEvent, key: string): Promise<OutMessage[]> {
    const flow = flowOf(run.flowId);
    const restored = restoreFlow(flow, run.snapshot as Record<string, unknown>, run.machineVersion);
    if (!restored.ok) {
      deps.logger.warn({ clientId: client.id, flowId: run.flowId, savedVersion: run.machineVersion, reason: restored.reason }, "flow restarted");
      await tx.flowRun.update({ where: { id: run.id }, data: { status: "ABORTED", endedAt: clock() } });
      return [{ key: "common.restartPart" }, ...(await beginRun(tx, client, run.flowId, runData(run)))];
    }
    // The client file: the answer to the question this run is waiting at (src/conversation/answers.ts).
    await recordAnswer(tx, run, event, clock(), await hasDataConsent(tx, client.id));
    const step = stepFlow(flow, restored.snapshot, event);
    const turn = step.says.length ? run.turn + 1 : run.turn;
    // "Niet nu" at a question: the question is kept, so the topic can come back at it later.
    const parking = step.persisted.value === PARK_WHEN && (run.snapshot as { value?: unknown }).value !== PARK_WHEN;
    const resumeFrom: ResumePoint = { snapshot: run.snapshot as Record<string, unknown>, prompt: run.prompt, version: run.machineVersion };
    const updated = await tx.flowRun.update({
      where: { id: run.id },
      data: {
        turn,
        machineVersion: flow.version,
        ...(parking ? { resumeFrom: resumeFrom as unknown as Prisma.InputJsonValue } : {}),
        ...(step.says.length ? { prompt: lastQuestion(step.says) as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    return finishStep(tx, client, updated, step, key);
  }

  /**
   * The client wants to go on with a parked topic ("verder", "ik wil verder"): the last one parked
   * becomes the active run again, at the question where it stopped, with its answers so far; the
   * menu, if it was up, makes way; a pending job to bring it back later is cancelled. Returns its
   * question, or null when nothing parked can come back.
   */
  async function reopenParked(tx: Tx, client: Client, opts: { interrupted?: boolean } = {}): Promise<OutMessage[] | null> {
    const all = await tx.flowRun.findMany({ where: { clientId: client.id, status: "PARKED" }, orderBy: { updatedAt: "desc" } });
    const parked = all.find((r) => !isWaitingTalk(r) && (!opts.interrupted || isInterrupted(r)));
    if (!parked) return null;
    return reactivate(tx, client, parked);
  }

  /**
   * A parked run becomes the active one again at the question where it stopped, with its answers
   * so far; its job to come back later is cancelled. Returns that question, or null when its saved
   * state no longer fits the flow (the caller then starts the topic anew).
   */
  async function reactivate(tx: Tx, client: Client, parked: FlowRun): Promise<OutMessage[] | null> {
    const flow = flows[parked.flowId];
    if (!flow) return null;
    const point = resumePointOf(parked);
    if (!restoreFlow(flow, point.snapshot, point.version).ok) return null;
    await tx.flowRun.updateMany({ where: { clientId: client.id, status: "ACTIVE" }, data: { status: "ABORTED", endedAt: clock() } });
    const run = await tx.flowRun.update({
      where: { id: parked.id },
      data: {
        status: "ACTIVE",
        endedAt: null,
        snapshot: point.snapshot as Prisma.InputJsonValue,
        machineVersion: point.version,
        prompt: (point.prompt ?? []) as Prisma.InputJsonValue,
        // Buttons sent before the park are old now.
        turn: parked.turn + 1,
        resumeAt: null,
        resumeFrom: Prisma.DbNull,
      },
    });
    await cancelPending(tx, { idempotencyKey: `${CONVERSATION_RESUME}:${parked.id}` });
    return repeatPrompt(run);
  }

  /**
   * A coach's conversation for a client who is in the middle of another: kept as a parked run that
   * has not started yet, started when the current one ends or is parked (`startWaitingTalk`), or
   * by its job an hour on when the client is free by then.
   */
  async function queueTalk(tx: Tx, client: Client, flowId: string, data: Record<string, unknown> | undefined): Promise<void> {
    const flow = flowOf(flowId);
    const run = await tx.flowRun.create({
      data: {
        clientId: client.id,
        flowId,
        machineVersion: flow.version,
        snapshot: {},
        ...(data ? { data: data as Prisma.InputJsonValue } : {}),
        status: "PARKED",
        resumeFrom: { waiting: true },
      },
    });
    await enqueue(tx, { kind: CONVERSATION_RESUME, payload: { flowRunId: run.id }, clientId: client.id, dueAt: new Date(clock().getTime() + WAITING_RETRY_MS), idempotencyKey: `${CONVERSATION_RESUME}:${run.id}` });
  }

  async function waitingTalks(tx: Tx, clientId: string): Promise<FlowRun[]> {
    const parked = await tx.flowRun.findMany({ where: { clientId, status: "PARKED" }, orderBy: { createdAt: "asc" } });
    return parked.filter(isWaitingTalk);
  }

  /** The oldest waiting coach's conversation begins now; [] when none waits. */
  async function startWaitingTalk(tx: Tx, client: Client): Promise<OutMessage[]> {
    const [next] = await waitingTalks(tx, client.id);
    if (!next) return [];
    await tx.flowRun.update({ where: { id: next.id }, data: { status: "DONE" } });
    await cancelPending(tx, { idempotencyKey: `${CONVERSATION_RESUME}:${next.id}` });
    return [{ key: "coachTalk.now" }, ...(await beginRun(tx, client, next.flowId, runData(next)))];
  }

  return { flowOf, beginRun, stepActive, repeatPrompt, activeRun, reopenParked, reactivate, queueTalk, waitingTalks, startWaitingTalk };
}

/** A waiting coach's conversation tries again after this long when nothing freed the client before. */
const WAITING_RETRY_MS = 3_600_000;

/** A conversation put aside by a command (/herinneringen): it comes back when that one ends. */
function isInterrupted(run: FlowRun): boolean {
  const from = run.resumeFrom as { interrupted?: unknown } | null;
  return from !== null && typeof from === "object" && from.interrupted === true;
}

/** The state every flow's "niet nu" goes to (flows/lib/controls.ts `parkStates`). */
export const PARK_WHEN = "parkWhen";

/** Where a parked topic comes back: the question the client said "niet nu" to. */
interface ResumePoint {
  snapshot: Record<string, unknown>;
  prompt: unknown;
  version: number;
}

/** What a parked run keeps in `resumeFrom`: its question, or a mark (waiting coach's talk, interrupted). */

/** The question a parked run comes back at: the one kept at "niet nu", or (parked by a crisis) where it is. */
function resumePointOf(run: FlowRun): ResumePoint {
  const kept = run.resumeFrom as Partial<ResumePoint> | null;
  if (kept && typeof kept === "object" && kept.snapshot && typeof kept.version === "number") return { snapshot: kept.snapshot, prompt: kept.prompt, version: kept.version };
  return { snapshot: run.snapshot as Record<string, unknown>, prompt: run.prompt, version: run.machineVersion };
}

export function runData(run: FlowRun): Record<string, unknown> | undefined {
  return run.data && typeof run.data === "object" && !Array.isArray(run.data) ? (run.data as Record<string, unknown>) : undefined;
}

/** The message to repeat later: the last one with buttons, or else the last one. */
export function lastQuestion(says: Say[]): Say[] {
  const withChoices = [...says].reverse().find((s) => s.choices?.length);
  const last = withChoices ?? says[says.length - 1];
  return last ? [last] : [];
}
