/**
 * Bolt's receiver for our own HTTP server: Slack posts slash commands, button presses, modal
 * submissions and events to one path, `/slack/events`, which the server hands to `route`.
 * Every request must carry Slack's signature (HMAC-SHA256 of `v0:<ts>:<raw body>` with the
 * signing secret) and a timestamp within five minutes; the same signed request twice is a replay.
 * Unsigned, wrongly signed, stale and replayed requests get 401 and never reach a listener.
 */
import type http from "node:http";
import {
  HTTPModuleFunctions as httpFunc,
  HTTPResponseAck,
  type App,
  type BufferedIncomingMessage,
  type Logger as SlackLogger,
  type Receiver,
} from "@slack/bolt";
import type { Logger } from "pino";
import type { SqlRunner } from "../db/migrate.js";
import type { Route } from "../http/server.js";
import { countSlackRefused } from "../metrics.js";
import { wellFormedDeep } from "../well-formed.js";
import { boltLogger } from "./log.js";

export const SLACK_EVENTS_PATH = "/slack/events";

/** Slack's allowed clock difference; older (or further in the future) requests are refused. */
const MAX_SKEW_SECONDS = 5 * 60;

export interface ReceiverDeps {
  signingSecret: string;
  logger: Logger;
  clock: () => Date;
  /**
   * How long a listener may take to acknowledge before the request is answered as unhandled.
   * Slack itself waits 3 s; tests on a loaded machine may allow more.
   */
  ackTimeoutMs?: number;
  replays: ReplayGuard;
  /**
   * Called when a verified request was handled by no listener that acknowledged it (an unknown
   * command, action or view): it is answered with an empty 200 and reported here.
   */
  onUnhandled?: (body: Record<string, unknown>, why: "unhandled" | "malformed") => Promise<void>;
}

/** Interaction payloads: Bolt reads `user.id` from each. */
const INTERACTIVE = new Set(["block_actions", "block_suggestion", "view_submission", "view_closed", "shortcut", "message_action", "interactive_message", "dialog_submission", "dialog_suggestion", "dialog_cancellation"]);

/** Slack team and enterprise ids: capitals and digits. */
const SLACK_ID = /^[A-Z0-9]{1,32}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether Bolt can route this body without throwing: it reads `user.id`, `view.callback_id`,
 * `channel.id` and `'user' in event` unchecked, so a signed body where those are null or not
 * objects would crash inside Bolt (and answer 500). Such a body is no request Slack sends.
 */
export function boltCanRead(body: Record<string, unknown>): boolean {
  // Bolt gives the team to every Web API call of the request; a forged one (a lone surrogate)
  // made each call throw before it was sent, so not even a refusal could reach the person.
  const teams = [body.team_id, body.enterprise_id, (body.team as { id?: unknown } | null)?.id, (body.user as { team_id?: unknown } | null)?.team_id, (body.enterprise as { id?: unknown } | null)?.id, (body.view as { app_installed_team_id?: unknown } | null)?.app_installed_team_id];
  if (teams.some((t) => t !== undefined && t !== null && !(typeof t === "string" && SLACK_ID.test(t)))) return false;
  if ("event" in body && !(isObject(body.event) && (!("item" in body.event) || isObject(body.event.item)))) return false;
  if (body.event !== undefined || body.command !== undefined) return true;
  if ("channel" in body && body.channel !== undefined && !isObject(body.channel)) return false;
  if ("team" in body && body.team !== undefined && body.team !== null && !isObject(body.team)) return false;
  if ("enterprise" in body && body.enterprise !== undefined && body.enterprise !== null && !isObject(body.enterprise)) return false;
  if ("actions" in body && !(Array.isArray(body.actions) && body.actions.every(isObject))) return false;
  const interactive = body.actions !== undefined || INTERACTIVE.has(String(body.type));
  if (interactive && !isObject(body.user)) return false;
  if ((body.type === "view_submission" || body.type === "view_closed") && !isObject(body.view)) return false;
  return true;
}

/**
 * Remembers the signatures of the last minutes, for every instance at once: a replay is refused
 * after a restart and on another instance that shares the database.
 */
export interface ReplayGuard {
  /** True the first time this signature is seen (by any instance). */
  firstTime(signature: string, ts: number, nowSeconds: number): Promise<boolean>;
}

/**
 * The replay guard in the database (PostgreSQL or PGlite): one row per signature, inserted or
 * found (ON CONFLICT DO NOTHING), so two instances racing for the same request let one through.
 * Rows older than Slack's window (with a margin for clocks that differ) are pruned now and then.
 */
export function databaseReplayGuard(sql: SqlRunner): ReplayGuard {
  let prunedAt = 0;
  return {
    async firstTime(signature, ts, nowSeconds) {
      if (nowSeconds - prunedAt >= PRUNE_EVERY_SECONDS) {
        prunedAt = nowSeconds;
        await sql.query(`DELETE FROM "SlackSeenRequest" WHERE "requestTs" < $1`, [new Date((nowSeconds - KEEP_SECONDS) * 1000)]);
      }
      const rows = await sql.query<{ signature: string }>(
        `INSERT INTO "SlackSeenRequest" ("signature", "requestTs") VALUES ($1, $2) ON CONFLICT ("signature") DO NOTHING RETURNING "signature"`,
        [signature.slice(0, 200), new Date(ts * 1000)],
      );
      return rows.length === 1;
    },
  };
}

/** Seen signatures are kept for twice Slack's window; any older request is refused as stale anyway. */
const KEEP_SECONDS = 2 * MAX_SKEW_SECONDS;
const PRUNE_EVERY_SECONDS = 60;

export class KoersReceiver implements Receiver {
  private app: App | undefined;
  private readonly slackLogger: SlackLogger;
  /** Listener work still running after its request was answered. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: ReceiverDeps) {
    this.slackLogger = boltLogger(deps.logger, "slack-receiver");
  }

  init(app: App): void {
    this.app = app;
  }

  /** Our HTTP server is started and stopped by the service, not by Bolt. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return this.settled();
  }

  /** Resolves when all listener work that is running now (and what it started) has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Runs work that goes on after the answer, so `settled()` waits for it. */
  private async track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** The handler for `/slack/events`. */
  readonly route: Route = async (req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const verified = await this.verify(req, res);
    if (!verified) return;
    let body: Record<string, unknown>;
    try {
      // Escapes Slack never sends (a lone surrogate, NUL) would make every query with them fail.
      body = wellFormedDeep(httpFunc.parseHTTPRequestBody(verified) as Record<string, unknown>);
    } catch {
      httpFunc.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === "1") return httpFunc.buildSSLCheckResponse(res);
    if (body.type === "url_verification") return httpFunc.buildUrlVerificationResponse(res, body);
    if (!boltCanRead(body)) {
      httpFunc.buildContentResponse(res, "");
      await this.track(this.deps.onUnhandled?.(body, "malformed") ?? Promise.resolve());
      return;
    }
    await this.dispatch(req, res, verified, body);
  };

  /** Checks signature, age and replay; answers 401 (or 413) itself and returns null when it fails. */
  private async verify(req: http.IncomingMessage, res: http.ServerResponse): Promise<BufferedIncomingMessage | null> {
    const nowMs = this.deps.clock().getTime();
    let verified: BufferedIncomingMessage;
    try {
      verified = await httpFunc.parseAndVerifyHTTPRequest({ signingSecret: this.deps.signingSecret, nowMilliseconds: () => nowMs }, req);
    } catch (err) {
      const tooLarge = httpFunc.isRawBodyError(err) && (err.type === "entity.too.large" || err.statusCode === 413);
      this.deps.logger.warn({ path: SLACK_EVENTS_PATH, reason: err instanceof Error ? err.message : String(err) }, "Slack request refused");
      countSlackRefused(tooLarge ? "too_large" : "signature");
      httpFunc.buildNoBodyResponse(res, tooLarge ? 413 : 401);
      return null;
    }
    const ts = Number(httpFunc.getHeader(req, "x-slack-request-timestamp"));
    const nowSeconds = Math.floor(nowMs / 1000);
    // Bolt refuses old requests only; one from the future is as suspect.
    const fresh = ts <= nowSeconds + MAX_SKEW_SECONDS;
    let first: boolean;
    try {
      first = fresh && (await this.deps.replays.firstTime(httpFunc.getHeader(req, "x-slack-signature"), ts, nowSeconds));
    } catch (err) {
      // Without the database we cannot tell a replay: Slack retries events, people press again.
      this.deps.logger.error({ path: SLACK_EVENTS_PATH, err: err instanceof Error ? err.message.split("\n")[0] : String(err) }, "Slack request not checked for replay: the database did not answer");
      httpFunc.buildNoBodyResponse(res, 503);
      return null;
    }
    if (!first) {
      this.deps.logger.warn({ path: SLACK_EVENTS_PATH, reason: fresh ? "replayed" : "timestamp in the future" }, "Slack request refused");
      countSlackRefused(fresh ? "replayed" : "future");
      httpFunc.buildNoBodyResponse(res, 401);
      return null;
    }
    return verified;
  }

  /**
   * Hands the request to Bolt. The answer goes out as soon as the listener acknowledges (with a
   * modal's inline errors, if any): what the listener does after `ack()` (messages, views) does
   * not count against Slack's 3 seconds. The work goes on and is tracked (`settled()`); its
   * errors go to the app's error boundary.
   */
  private async dispatch(req: http.IncomingMessage, res: http.ServerResponse, verified: BufferedIncomingMessage, body: Record<string, unknown>): Promise<void> {
    const ack = new HTTPResponseAck({
      logger: this.slackLogger,
      processBeforeResponse: false,
      unhandledRequestHandler: httpFunc.defaultUnhandledRequestHandler,
      unhandledRequestTimeoutMillis: this.deps.ackTimeoutMs ?? 3001,
      httpRequest: verified,
      httpRequestBody: body,
      httpResponse: res,
    });
    let acked = false;
    const bound = ack.bind();
    const work = (async () => {
      try {
        await this.app?.processEvent({
          body,
          ack: async (response) => {
            acked = true;
            await bound(response);
          },
          retryNum: httpFunc.extractRetryNumFromHTTPRequest(req),
          retryReason: httpFunc.extractRetryReasonFromHTTPRequest(req),
          customProperties: {},
        });
        if (!acked && !res.headersSent) {
          // No listener took it (an unknown command, action or view): answered calmly, reported.
          ack.ack();
          httpFunc.buildContentResponse(res, "");
          await this.deps.onUnhandled?.(body, "unhandled");
        }
      } catch (error) {
        const answered = await httpFunc.defaultProcessEventErrorHandler({
          error: error as Error,
          logger: this.slackLogger,
          request: req,
          response: res,
          storedResponse: undefined,
        });
        if (answered) ack.ack();
      }
    })();
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}
