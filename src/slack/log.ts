// From the Web API client (Bolt re-exports the same): importing Bolt costs a second at start, also without Slack.
import { LogLevel, type Logger as SlackLogger } from "@slack/web-api";
import type { Logger } from "pino";

/** `http request body: {...}`, `http request result: {...}`, `http request headers: {...}` (@slack/web-api). */
const WEB_API_BODY = /^(http (?:request|response) (?:body|result|headers))\s*:/;

/**
 * What of one of Bolt's log arguments reaches the log: strings (cut short), an error's kind and
 * message; never an object, which may be a request body with what someone typed.
 */
function describeArg(arg: unknown): string {
  if (typeof arg === "string") {
    // The Web API client's debug lines carry each call's whole body and answer as JSON (a nudge
    // with the client's name, a referral card's summary): only that such a line was there.
    const body = WEB_API_BODY.exec(arg);
    if (body) return `${body[1]}: [not logged]`;
    return arg.length > 300 ? `${arg.slice(0, 300)}...` : arg;
  }
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
  return `[${typeof arg}]`;
}

/** Bolt's and the Web API client's own log lines go to our logger, under a stable component name. */
export function boltLogger(logger: Logger, component = "slack-bolt"): SlackLogger {
  const log = logger.child({ component });
  let level = LogLevel.WARN;
  const line = (msg: unknown[]) => msg.map(describeArg).join(" ");
  return {
    debug: (...msg: unknown[]) => log.debug(line(msg)),
    info: (...msg: unknown[]) => log.info(line(msg)),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    error: (...msg: unknown[]) => log.error(line(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
