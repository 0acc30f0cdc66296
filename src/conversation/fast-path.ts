/**
 * The common update in three SQL statements: a linked client answers the question of the
 * conversation they are in (typed text, or one of its buttons), nothing else is going on, and the
 * step only asks the next question (or ends the conversation, with nothing waiting after it).
 * Most updates are this one. Everything else (an unknown chat, a command, a crisis signal or
 * doubt, a pending crisis question, a flood, a pause, an old button, a step with effects or
 * "niet nu", the end of a conversation that shows a chart or lets another one come back...) goes
 * the full way through the engine and Prisma, unchanged.
 *
 * It writes what the full way writes for this update: the client (last message time, flood
 * window), the run (turn, version, last question, snapshot; at the end its status, end time and
 * outcome), the client file's answer (`FlowAnswer`, with the client's consent, built by the same
 * `answerRow`) and the outbox row. Client words are sealed as the Prisma extension seals them
 * (src/db/sealed.ts): the snapshot, prompt and outcome as one sealed JSON string each, the answer's
 * text and vars, the outbox payload's `messages`; sealed values it reads are opened the same way.
 *
 * The guarantees are the engine's: one transaction per update, the client row locked FOR UPDATE
 * first (the same lock the full way takes, so the two ways never interleave for one client, also
 * across instances), the update id recorded in the same transaction, the outbox row written in
 * it. When the fast path finds, after locking and reading, that this update is not the common
 * one, it rolls back (nothing was written) and the full way handles it from the start.
 *
 * 1. lock and read the client (READ COMMITTED re-reads a row it waited for, so it is fresh);
 * 2. record the update id (insert on conflict), read the active run and the client's last data
 *    consent, in a statement that starts after the lock is held, so it sees what the previous
 *    holder committed;
 * 3. one statement writes the client, the run, the answer and the outbox row, and COMMIT goes out
 *    right behind it (on PostgreSQL BEGIN also goes out with the first statement, so the three
 *    statements take three round trips, see `pipelinedTransaction` in src/db/client.ts).
 */
import { insertOnceSql } from "../db/queue.js";
import type { ClientEvent, FlowDefinition, Say } from "../../flows/types.js";
import type { FlowRun } from "../generated/prisma/client.js";
import { lockChatClientRow } from "../db/locks.js";
import type { SqlRunner } from "../db/migrate.js";
import { openDeep, seal, sealJson, type Keyring } from "../db/sealed.js";
import { scaleOfRun } from "../domain/chart-message.js";
import { crisisDoubt, detectCrisis } from "../domain/safety/index.js";
import { isCrisisAnswer } from "../domain/safety/answer.js";
import { parseCallbackData, TELEGRAM_SEND, toOutMessage, type OutMessage, type TelegramSendPayload } from "../outbox/messages.js";
import { answerRow, DATA_CONSENT, endedOutcome } from "./answers.js";
import { crisisTextOf } from "./crisis.js";
import { DEFAULT_FLOOD, type FloodLimits } from "./flood.js";
import { restoreFlow, stepFlow } from "./runtime.js";
import { lastQuestion, PARK_WHEN } from "./runs.js";

/** What the engine hands over: the update, and what the full way would need to decide the same. */
export interface FastUpdate {
  updateId: number | undefined;
  chatId: number;
  input: { kind: "text"; text: string } | { kind: "button"; data: string };
  /** The outbox key part of this update (`u<updateId>`), as the full way builds it. */
  key: string;
  now: Date;
}

export type FastOutcome =
  | { kind: "duplicate" }
  | { kind: "handled"; clientId: string; queued: boolean }
  /** Not the common case: nothing was written, take the full way. */
  | { kind: "full" };

export interface FastPathDeps {
  sql: SqlRunner;
  /** The keys of the Prisma extension (src/db/sealed.ts): this SQL seals and opens as it does. */
  keyring: Keyring;
  flows: Record<string, FlowDefinition>;
  flood?: FloodLimits;
  maxText: number;
}

const RECORD_AND_RUN = `
  WITH seen AS (INSERT INTO "ProcessedUpdate" ("updateId") SELECT $2::bigint WHERE $2::bigint IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1)
  SELECT ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM seen)) AS first, r.id::text AS "runId", r."flowId", r."machineVersion", r.snapshot, r.turn, r.prompt, r.outcome,
    EXISTS (SELECT 1 FROM "FlowRun" p WHERE p."clientId" = $1::uuid AND p.status = 'PARKED') AS parked,
    COALESCE((SELECT c.decision::text = 'GIVEN' FROM "ConsentRecord" c WHERE c."clientId" = $1::uuid AND c.subject = '${DATA_CONSENT}' ORDER BY c.at DESC LIMIT 1), false) AS consent
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT id, "flowId", "machineVersion", snapshot, turn, prompt, outcome FROM "FlowRun" WHERE "clientId" = $1::uuid AND status = 'ACTIVE' ORDER BY "createdAt" DESC LIMIT 1) r ON true`;

const WRITE = `
  WITH c AS (
    UPDATE "Client" SET "lastClientMessageAt" = $2, "floodTimes" = $3::jsonb, "floodSince" = NULL, "updatedAt" = $4 WHERE id = $1::uuid),
  r AS (
    UPDATE "FlowRun" SET turn = $6, "machineVersion" = $7, prompt = COALESCE($8::jsonb, prompt), snapshot = $9::jsonb,
      status = $13::"FlowRunStatus", "resumeAt" = NULL, "endedAt" = COALESCE($14::timestamptz, "endedAt"), outcome = COALESCE($15::jsonb, outcome),
      "updatedAt" = $4 WHERE id = $5::uuid),
  a AS (
    INSERT INTO "FlowAnswer" ("flowRunId", "clientId", state, "promptKey", "promptVars", text, choice, "choiceLabel", at)
    SELECT $5::uuid, $1::uuid, $16::text, $17::text, $18::jsonb, $19::text, $20::text, $21::text, $22::timestamptz WHERE $23::boolean)
  ${insertOnceSql(TELEGRAM_SEND, { payload: "$10", clientId: "$1", key: "$11", priority: "$12" })}`;

interface RunRow {
  first: boolean;
  runId: string | null;
  flowId: string | null;
  machineVersion: number | null;
  snapshot: Record<string, unknown> | null;
  turn: number | null;
  prompt: unknown;
  outcome: unknown;
  /** The client's last decision about keeping their data is "yes" (`hasDataConsent`). */
  consent: boolean;
  /** The client has parked or waiting conversations (one may come back when this one ends). */
  parked: boolean;
}

/** Thrown inside the transaction to roll it back and take the full way. */
class TakeFullWay extends Error {}

/** The flood window as `checkFlood` keeps it; null when this message would start or continue a flood. */
function floodTimes(stored: unknown, now: Date, limits: FloodLimits): number[] | null {
  const from = now.getTime() - limits.seconds * 1000;
  const kept = Array.isArray(stored) ? stored.filter((t): t is number => typeof t === "number") : [];
  const times = [...kept.filter((t) => t > from), now.getTime()].slice(-(limits.messages + 1));
  return times.length > limits.messages ? null : times;
}

export function createFastPath(deps: FastPathDeps) {
  const limits = deps.flood ?? DEFAULT_FLOOD;
  const ring = deps.keyring;

  /** True when the message itself rules the fast path out, before any SQL. */
  function excluded(u: FastUpdate): boolean {
    if (u.input.kind === "text") {
      if (u.input.text.length > deps.maxText) return true;
    } else if (!parseCallbackData(u.input.data)) {
      return true; // reminder buttons, crisis buttons, old formats
    }
    // Any crisis signal or doubt takes the full way (which also counts it).
    const t = crisisTextOf(u.input);
    return t !== null && (detectCrisis(t.text) !== null || crisisDoubt(t.text) !== null);
  }

  async function inTx(sql: SqlRunner, u: FastUpdate): Promise<FastOutcome> {
    const client = await lockChatClientRow(sql, u.chatId);
    if (!client) return { kind: "full" };
    if ((client.status !== "ACTIVE" && client.status !== "ONBOARDING") || client.flooding || client.checkPending) throw new TakeFullWay();
    const times = floodTimes(client.floodTimes, u.now, limits);
    if (!times) throw new TakeFullWay();
    const [row] = await sql.query<RunRow>(RECORD_AND_RUN, [client.id, u.updateId ?? null], "koers_fast_record");
    if (!row) throw new TakeFullWay();
    if (!row.first) return { kind: "duplicate" };
    if (!row.runId || row.flowId === null || row.flowId === "menu" || row.snapshot === null || row.turn === null || row.machineVersion === null) throw new TakeFullWay();
    // Opened as Prisma's reads open them (sealed, or plain from before sealing).
    const snapshot = openDeep(ring, row.snapshot);
    const prompt = openDeep(ring, row.prompt);
    const outcome = openDeep(ring, row.outcome);
    if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot) || (prompt !== null && !Array.isArray(prompt))) throw new TakeFullWay();
    const run: Pick<FlowRun, "id" | "clientId" | "snapshot" | "prompt" | "outcome"> = { id: row.runId, clientId: client.id, snapshot: snapshot as FlowRun["snapshot"], prompt: prompt as FlowRun["prompt"], outcome: outcome as FlowRun["outcome"] };
    const flow = deps.flows[row.flowId];
    if (!flow) throw new TakeFullWay();

    let event: ClientEvent;
    if (u.input.kind === "button") {
      const parsed = parseCallbackData(u.input.data);
      const offered = ((prompt as Say[] | null) ?? []).some((s) => s.choices?.some((r) => r.some((c) => c.id === parsed?.choice)));
      if (!parsed || parsed.turn !== row.turn || !offered) throw new TakeFullWay();
      event = { type: "client.chose", choice: parsed.choice, now: u.now.toISOString() };
    } else {
      event = { type: "client.said", text: u.input.text, now: u.now.toISOString() };
    }
    const restored = restoreFlow(flow, snapshot as Record<string, unknown>, row.machineVersion);
    if (!restored.ok) throw new TakeFullWay();
    const step = stepFlow(flow, restored.snapshot, event);
    // Effects and "niet nu" are the full way's; so is the end of a conversation when a parked or
    // waiting one may come back after it (with none, the full way would send nothing more either),
    // or when it gave a score (the full way may add the progress chart).
    if (step.effects.length || step.persisted.value === PARK_WHEN) throw new TakeFullWay();
    if (step.done && (row.parked || scaleOfRun(row.flowId, step.persisted) !== null)) throw new TakeFullWay();

    const turn = step.says.length ? row.turn + 1 : row.turn;
    const messages: OutMessage[] = step.says.map((s) => toOutMessage(s, turn));
    const payload: TelegramSendPayload | null = messages.length
      ? { chatId: String(u.chatId), language: client.language, messages, sent: 0, ...(messages.some(isCrisisAnswer) ? { urgent: true } : {}) }
      : null;
    // The client file: the answer to the question the run waited at, and at the end what came out of it.
    const answer = answerRow(run, event, u.now);
    const ended = endedOutcome(run, step.persisted, false, row.consent);
    const sealed = (value: unknown) => JSON.stringify(sealJson(ring, value));
    const written = new Date();
    // The last statement: COMMIT goes with it.
    await sql.queryAndCommit(WRITE, [
      client.id, u.now, JSON.stringify(times), written,
      row.runId, turn, flow.version, step.says.length ? sealed(lastQuestion(step.says)) : null, sealed(step.persisted),
      payload ? JSON.stringify({ ...payload, messages: sealJson(ring, payload.messages) }) : null, `${TELEGRAM_SEND}:${client.id}:${u.key}`, payload?.urgent ? 1 : 0, step.done ? "DONE" : "ACTIVE",
      step.done ? u.now : null, step.done && ended !== undefined ? sealed(ended) : null,
      answer.state, answer.promptKey ?? null, answer.promptVars !== undefined ? sealed(answer.promptVars) : null,
      typeof answer.text === "string" ? seal(ring, answer.text) : null, answer.choice ?? null, answer.choiceLabel ?? null, answer.at, row.consent,
    ], "koers_fast_write");
    return { kind: "handled", clientId: client.id, queued: payload !== null };
  }

  return {
    /** Handles the update when it is the common one; `full` when the engine must take it. */
    async handle(u: FastUpdate): Promise<FastOutcome> {
      if (excluded(u)) return { kind: "full" };
      try {
        return await deps.sql.transaction((sql) => inTx(sql, u));
      } catch (err) {
        if (err instanceof TakeFullWay) return { kind: "full" };
        throw err;
      }
    },
  };
}
