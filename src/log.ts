import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

/**
 * Logs never hold a token, a secret or what a client wrote. Three layers:
 * - `redact`: fields that carry secrets or client text are censored wherever a caller puts them;
 * - the `err` serializer (`safeError`) keeps of an error only its kind, message, stack, codes and
 *   cause: grammY's `BotError` carries the whole context (the update with the client's text, the
 *   API with the token), `GrammyError` the call's `payload` (the message text), `HttpError` the
 *   fetch error whose message holds the URL `https://api.telegram.org/bot<token>/...`;
 * - every written line is scrubbed of anything shaped like a Telegram bot token or a Slack token
 *   and of the configured secret values (`protectSecrets`), whatever the path it took.
 */

/** A Telegram bot token (`123456:ABC...`), also inside a Bot API URL. */
const TELEGRAM_TOKEN = /\d{3,}:[A-Za-z0-9_-]{30,}/g;
/** A Bot API path with anything as token: `/bot<token>/`. */
const BOT_PATH = /\/bot[^/\s"']{8,}\//g;
/** Slack tokens: bot, user, app and refresh tokens. */
const SLACK_TOKEN = /xox[abposre]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,}/g;

export const REDACTED = "[redacted]";

/** Masks tokens and the given secret values in a string. */
export function scrub(text: string, secrets: Iterable<string> = []): string {
  let out = text.replace(BOT_PATH, "/bot[redacted]/").replace(TELEGRAM_TOKEN, REDACTED).replace(SLACK_TOKEN, REDACTED);
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join(REDACTED);
  return out;
}

/**
 * Fields whose value is a secret or may hold client text, at the top of a log line and one level
 * down (pino's wildcards). Our own code logs ids, kinds and causes, never these.
 */
const REDACT_PATHS = [
  "token", "botToken", "signingSecret", "webhookSecret", "secret", "secretToken", "authorization", "password",
  "text", "caption", "update", "payload", "body", "ctx", "callbackQuery", "callName", "firstName", "clientName",
  "headers.authorization", "headers.cookie", 'headers["x-telegram-bot-api-secret-token"]', 'headers["x-slack-signature"]',
].flatMap((p) => [p, `*.${p}`]);

/** An error as a log line may show it: kind, message, stack, codes, cause; never its context. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> | string {
  if (!(err instanceof Error)) return typeof err === "string" ? err.slice(0, 500) : `non-error value (${typeof err})`;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.name || e.constructor.name, message: e.message };
  if (e.stack) out.stack = e.stack;
  // grammY: GrammyError has method, error_code, description; HttpError wraps the fetch error.
  for (const key of ["code", "error_code", "method", "description", "statusCode", "retryAfter"] as const) {
    const v = e[key];
    if (typeof v === "string" || typeof v === "number") out[key] = v;
  }
  // Bolt and the Slack Web API: the platform's error code, never the request.
  const data = e.data as { error?: unknown } | undefined;
  if (data && typeof data.error === "string") out.slackError = data.error;
  if (depth < 3) {
    // BotError wraps the middleware's error in `error`; HttpError the fetch error; Error has `cause`.
    const inner = e.name === "BotError" || e.name === "HttpError" ? e.error : undefined;
    if (inner !== undefined) out.error = safeError(inner, depth + 1);
    if (e.cause !== undefined) out.cause = safeError(e.cause, depth + 1);
    if (e.original instanceof Error) out.original = safeError(e.original, depth + 1);
  }
  return out;
}

interface Guard {
  secrets: Set<string>;
}
const guards = new WeakMap<Logger, Guard>();

/**
 * Adds secret values (bot token, webhook secret, Slack token and signing secret) that no line of
 * this logger, or of its children, may show. Loggers not made by `createLogger` are left alone.
 */
export function protectSecrets(logger: Logger, values: (string | undefined | null)[]): void {
  const guard = guards.get(logger);
  if (!guard) return;
  for (const v of values) if (v) guard.secrets.add(v);
}

/** The secret values of a configuration: what `protectSecrets` should be given. */
export function configSecrets(config: Config): string[] {
  const out: string[] = [];
  if (config.telegram.mode !== "off") {
    out.push(config.telegram.token);
    if (config.telegram.webhookSecret) out.push(config.telegram.webhookSecret);
  }
  if (config.slack.mode === "on") out.push(config.slack.botToken, config.slack.signingSecret);
  for (const part of config.database.dataKey?.split(",") ?? []) {
    const key = part.slice(part.indexOf(":") + 1).trim();
    if (key) out.push(key);
  }
  if (config.database.kind === "postgres") {
    try {
      const pw = decodeURIComponent(new URL(config.database.url).password);
      if (pw) out.push(pw);
    } catch {
      // a URL that does not parse was refused by the configuration already
    }
  }
  return out;
}

/** The service's logger: JSON lines on stderr, level from the configuration. */
export function createLogger(
  level: Config["logLevel"],
  destination: NodeJS.WritableStream = process.stderr,
  opts: { secrets?: (string | undefined)[] } = {},
): Logger {
  const guard: Guard = { secrets: new Set() };
  const scrubbed = {
    write(line: string) {
      return destination.write(scrub(line, guard.secrets));
    },
  };
  const logger = pino(
    {
      level,
      base: { service: "koers" },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: safeError, error: safeError },
    },
    scrubbed as pino.DestinationStream,
  );
  guards.set(logger, guard);
  protectSecrets(logger, opts.secrets ?? []);
  return logger;
}

/** A logger that drops everything (tests). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
