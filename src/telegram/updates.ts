/**
 * The way in for Telegram updates, shared by the webhook and long polling:
 * - `readUpdate` checks an update's shape at the edge, before anything reaches the engine: a body
 *   that is not an update is refused, a malformed update or one of a kind we do not handle is
 *   ignored (Telegram must not retry it), a good one is passed on with only the parts we read;
 * - `createUpdateHandler` runs one update through the bot and decides what a failure means: with
 *   the database unreachable it is an outage, the update is not confirmed and comes again; with
 *   the database up it is tried a few times, then the client gets a calm answer and the update
 *   is let go (a poison update must not block the queue for ever);
 * - `createPolling` is long polling that confirms an update (moves the offset past it) only once
 *   it was handled, and reports a 409 Conflict (another instance polling the same token);
 * - `webhookRoute` is the webhook: 401 without the secret, 400 for what is not an update, 200 for
 *   what is handled or ignored, 500 for what should come again.
 */
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { BotError, GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { z } from "zod";
import type { Translator } from "../i18n.js";
import { withMetrics, withUpdateNote, type Metrics } from "../metrics.js";
import { wellFormedDeep } from "../well-formed.js";

const id = z.number().int().refine(Number.isSafeInteger);
const user = z.looseObject({
  id,
  is_bot: z.boolean().optional(),
  first_name: z.string().max(256).optional(),
  language_code: z.string().max(35).optional(),
});
const chat = z.looseObject({ id, type: z.string().max(32) });
const entities = z.array(z.looseObject({ type: z.string().max(64), offset: z.number().int().min(0), length: z.number().int().min(0) })).max(200);
/** Longer than Telegram ever sends (4,096 characters): such an update is forged. */
const MAX_TEXT = 20_000;
const message = z.looseObject({
  message_id: id,
  date: z.number().optional(),
  chat,
  from: user,
  text: z.string().max(MAX_TEXT).optional(),
  entities: entities.optional(),
  caption: z.string().max(MAX_TEXT).optional(),
  caption_entities: entities.optional(),
});
const callbackQuery = z.looseObject({
  id: z.string().max(256),
  from: user,
  data: z.string().max(256).optional(),
  message: z.looseObject({ message_id: id.optional(), chat: chat.optional() }).optional(),
});

/** The kinds of update the bot handles; any other kind is ignored at the edge. */
const KINDS = { message, edited_message: message, callback_query: callbackQuery } as const;
type Kind = keyof typeof KINDS;

export type ReadUpdate =
  | { kind: "refused"; why: string }
  | { kind: "ignored"; updateId: number; why: string }
  | { kind: "update"; update: Update };

/** Checks a parsed request body (or an update from getUpdates) before anything acts on it. */
export function readUpdate(body: unknown): ReadUpdate {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { kind: "refused", why: "not an object" };
  // Escapes Telegram never sends (a lone surrogate, NUL) would make every query with the text fail.
  const raw = wellFormedDeep(body as Record<string, unknown>);
  const updateId = raw.update_id;
  if (typeof updateId !== "number") return { kind: "refused", why: "no update_id" };
  if (!Number.isSafeInteger(updateId) || updateId < 0) return { kind: "ignored", updateId: 0, why: "update_id out of range" };
  const present = (Object.keys(KINDS) as Kind[]).filter((k) => k in raw);
  if (present.length !== 1) return { kind: "ignored", updateId, why: present.length ? "more than one kind" : "a kind the bot does not handle" };
  const kind = present[0]!;
  const parsed = KINDS[kind].safeParse(raw[kind]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "ignored", updateId, why: `malformed ${kind} (${issue ? `${issue.path.join(".")}: ${issue.code}` : "?"})` };
  }
  return { kind: "update", update: { update_id: updateId, [kind]: parsed.data } as unknown as Update };
}

export type HandleOutcome = "handled" | "ignored" | "refused" | "retry" | "gave_up";

export interface UpdateHandlerDeps {
  bot: Bot;
  translator: Translator;
  logger: Logger;
  metrics: Metrics;
  /** True when the database answers: a failure with it down is an outage, not a bad update. */
  healthy: () => Promise<boolean>;
  /** Failures of one update (database up) before the client is answered and it is let go. */
  maxAttempts?: number;
}

export interface UpdateHandler {
  handle(body: unknown): Promise<HandleOutcome>;
}

function chatOf(update: Update): { id: number; type: string; language?: string | undefined } | null {
  const m = update.message ?? update.edited_message;
  if (m) return { id: m.chat.id, type: m.chat.type, language: m.from?.language_code };
  const c = update.callback_query;
  if (c?.message?.chat) return { id: c.message.chat.id, type: c.message.chat.type, language: c.from.language_code };
  return null;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const { bot, logger, metrics } = deps;
  const maxAttempts = deps.maxAttempts ?? 3;
  const failures = new Map<number, number>();

  async function answerCalmly(update: Update): Promise<void> {
    const chat = chatOf(update);
    if (!chat || chat.type !== "private") return;
    const language = chat.language === "en" ? "en" : "nl";
    await bot.api.sendMessage(chat.id, deps.translator.t(language, "common.error")).catch((err: unknown) => {
      logger.warn({ err, updateId: update.update_id }, "could not tell the client that their message failed");
    });
  }

  return {
    async handle(body) {
      const read = readUpdate(body);
      if (read.kind === "refused") {
        metrics.updates.inc({ outcome: "refused" });
        logger.warn({ why: read.why }, "not a Telegram update; refused");
        return "refused";
      }
      if (read.kind === "ignored") {
        metrics.updates.inc({ outcome: "ignored" });
        logger.info({ updateId: read.updateId, why: read.why }, "Telegram update ignored");
        return "ignored";
      }
      const { update } = read;
      const updateId = update.update_id;
      const stopTimer = metrics.updateSeconds.startTimer();
      try {
        const note = { duplicate: false };
        await withMetrics(metrics, () => withUpdateNote(note, () => bot.handleUpdate(update)));
        stopTimer();
        failures.delete(updateId);
        metrics.updates.inc({ outcome: note.duplicate ? "duplicate" : "handled" });
        return "handled";
      } catch (caught) {
        const err = caught instanceof BotError ? caught.error : caught;
        if (!(await deps.healthy())) {
          metrics.updates.inc({ outcome: "retried" });
          logger.warn({ err, updateId }, "update failed while the database is unreachable; it is not confirmed and comes again");
          return "retry";
        }
        const attempt = (failures.get(updateId) ?? 0) + 1;
        if (failures.size > 10_000) failures.clear();
        if (attempt < maxAttempts) {
          failures.set(updateId, attempt);
          metrics.updates.inc({ outcome: "failed" });
          logger.error({ err, updateId, attempt }, "update failed; it is tried again");
          return "retry";
        }
        failures.delete(updateId);
        metrics.updates.inc({ outcome: "given_up" });
        logger.error({ err, updateId, attempts: attempt }, "update failed too often; the client is answered calmly and the update let go");
        await answerCalmly(update);
        return "gave_up";
      }
    },
  };
}

/** Why polling is not working, for `/healthz`; null while it works. */
export interface PollingProblem {
  status: "conflict" | "unauthorized";
  reason: string;
}

export const CONFLICT_REASON = "another instance is polling this bot token; use webhook mode to run several instances";

export interface PollingDeps {
  bot: Bot;
  handler: UpdateHandler;
  logger: Logger;
  /** Long-poll timeout in seconds (Telegram's default here: 30). */
  timeoutSeconds?: number;
  /** First wait after a failure, doubled up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface Polling {
  /** Resolves once the loop has ended (after `stop()`). */
  done: Promise<void>;
  problem(): PollingProblem | null;
  /** Finishes the update in hand, confirms what was handled, and ends the loop. */
  stop(): Promise<void>;
}

/**
 * Long polling with `getUpdates`, one update at a time. The offset moves past an update only once
 * it was handled (or ignored, or given up), so an update that failed in an outage is not
 * confirmed: it is tried again here, and after a restart Telegram sends it again.
 */
export function startPolling(deps: PollingDeps): Polling {
  const { bot, handler, logger } = deps;
  const backoffMs = deps.backoffMs ?? 250;
  const maxBackoffMs = deps.maxBackoffMs ?? 30_000;
  const abort = new AbortController();
  let offset = 0;
  let problem: PollingProblem | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (abort.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        abort.signal.removeEventListener("abort", done);
        resolve();
      }
      abort.signal.addEventListener("abort", done);
    });

  async function fetchBatch(): Promise<Update[] | null> {
    let wait = backoffMs;
    while (!abort.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates({ offset, limit: 100, timeout: deps.timeoutSeconds ?? 30 }, abort.signal as Parameters<Bot["api"]["getUpdates"]>[1]);
        if (problem) logger.info("Telegram long polling works again");
        problem = null;
        return updates;
      } catch (err) {
        if (abort.signal.aborted) return null;
        if (err instanceof GrammyError && err.error_code === 409) {
          if (problem?.status !== "conflict") logger.error({ err }, `Telegram answered 409 Conflict: ${CONFLICT_REASON}. Retrying.`);
          problem = { status: "conflict", reason: CONFLICT_REASON };
          wait = Math.max(wait, 1000);
        } else if (err instanceof GrammyError && err.error_code === 401) {
          if (problem?.status !== "unauthorized") logger.error({ err }, "Telegram refused the bot token (401). Check TELEGRAM_BOT_TOKEN. Retrying.");
          problem = { status: "unauthorized", reason: "Telegram refused the bot token; check TELEGRAM_BOT_TOKEN" };
          wait = Math.max(wait, 5000);
        } else {
          // Flood control: Telegram says how long to wait.
          if (err instanceof GrammyError && err.error_code === 429) wait = Math.max(wait, (err.parameters.retry_after ?? 1) * 1000);
          logger.warn({ err, retryInMs: wait }, "getUpdates failed; retrying");
        }
        await sleep(wait);
        wait = Math.min(wait * 2, maxBackoffMs);
      }
    }
    return null;
  }

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      const started = Date.now();
      const updates = await fetchBatch();
      if (!updates) break;
      // A Bot API server that answers at once instead of holding the request (an emulator).
      if (updates.length === 0 && Date.now() - started < 50) await sleep(50);
      for (const update of updates) {
        let wait = backoffMs;
        let outcome = await handler.handle(update);
        while (outcome === "retry" && !abort.signal.aborted) {
          await sleep(wait);
          wait = Math.min(wait * 2, 5000);
          if (abort.signal.aborted) break;
          outcome = await handler.handle(update);
        }
        if (outcome === "retry") return; // stopping: this one stays unconfirmed
        const updateId = (update as { update_id?: unknown }).update_id;
        if (typeof updateId === "number" && Number.isSafeInteger(updateId)) offset = Math.max(offset, updateId + 1);
        if (abort.signal.aborted) return;
      }
    }
  }

  const done = loop().catch((err: unknown) => logger.error({ err }, "Telegram polling stopped with an error"));
  return {
    done,
    problem: () => problem,
    async stop() {
      abort.abort();
      await done;
      // Confirm what was handled, so it is not delivered again to the next start.
      if (offset > 0) await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}

/** Largest webhook body accepted (Telegram's updates are far smaller). */
const MAX_BODY = 1 << 20;

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Telegram's webhook. */
export function webhookRoute(handler: UpdateHandler, secret: string | undefined): Route {
  const answer = (res: http.ServerResponse, status: number, body: Record<string, unknown>) =>
    void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return async (req, res) => {
    if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
    if (secret !== undefined && !sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      req.resume();
      return answer(res, 401, { error: "wrong secret" });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) {
        answer(res, 413, { error: "too large" });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return answer(res, 400, { error: "not JSON" });
    }
    const outcome = await handler.handle(body);
    if (outcome === "refused") return answer(res, 400, { error: "not a Telegram update" });
    if (outcome === "retry") return answer(res, 500, { error: "try again" });
    answer(res, 200, { ok: true });
  };
}
