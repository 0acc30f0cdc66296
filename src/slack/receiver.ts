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
import type { Route } from "../http/server.js";
import { countSlackRefused } from "../metrics.js";
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
}

/**
 * Remembers the signatures seen in the last five minutes. Within one instance this refuses a
 * replay; across several instances each would accept it once, which the referral row lock and
 * the state machine make harmless (a second "accept" changes nothing).
 */
class ReplayGuard {
  private seen = new Map<string, number>();

  /** True the first time this signature is seen. */
  firstTime(signature: string, ts: number, nowSeconds: number): boolean {
    for (const [sig, at] of this.seen) if (at < nowSeconds - MAX_SKEW_SECONDS) this.seen.delete(sig);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, ts);
    return true;
  }
}

export class KoersReceiver implements Receiver {
  private app: App | undefined;
  private readonly slackLogger: SlackLogger;
  private readonly replays = new ReplayGuard();

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
    return Promise.resolve();
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
      body = httpFunc.parseHTTPRequestBody(verified) as Record<string, unknown>;
    } catch {
      httpFunc.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === "1") return httpFunc.buildSSLCheckResponse(res);
    if (body.type === "url_verification") return httpFunc.buildUrlVerificationResponse(res, body);
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
    if (!fresh || !this.replays.firstTime(httpFunc.getHeader(req, "x-slack-signature"), ts, nowSeconds)) {
      this.deps.logger.warn({ path: SLACK_EVENTS_PATH, reason: fresh ? "replayed" : "timestamp in the future" }, "Slack request refused");
      countSlackRefused(fresh ? "replayed" : "future");
      httpFunc.buildNoBodyResponse(res, 401);
      return null;
    }
    return verified;
  }

  /** Hands the request to Bolt and answers with what the listener acknowledged. */
  private async dispatch(req: http.IncomingMessage, res: http.ServerResponse, verified: BufferedIncomingMessage, body: Record<string, unknown>): Promise<void> {
    const ack = new HTTPResponseAck({
      logger: this.slackLogger,
      // The answer waits for the listener: a modal's inline errors are part of the answer.
      processBeforeResponse: true,
      unhandledRequestHandler: httpFunc.defaultUnhandledRequestHandler,
      unhandledRequestTimeoutMillis: this.deps.ackTimeoutMs ?? 3001,
      httpRequest: verified,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: httpFunc.extractRetryNumFromHTTPRequest(req),
        retryReason: httpFunc.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
      if (ack.storedResponse !== undefined) httpFunc.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      const acked = await httpFunc.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.slackLogger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acked) ack.ack();
    }
  }
}
