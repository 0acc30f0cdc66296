/**
 * What the fakes of the Slack Web API (test/slack/fake-slack.ts, test/slack/referrals/fake-slack-api.ts)
 * read from a request: the method from the path, the bot token, and the parameters as the app
 * sent them (form or JSON), the form fields that carry JSON parsed.
 */
import type { IncomingMessage } from "node:http";

export interface ReceivedSlackCall {
  method: string;
  token: string | undefined;
  params: Record<string, unknown>;
}

/** Form fields the Web API client sends as JSON text. */
const JSON_FIELDS = new Set(["blocks", "view", "attachments"]);

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return JSON.parse(raw || "{}") as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) params[k] = JSON_FIELDS.has(k) ? (JSON.parse(v) as unknown) : v;
  return params;
}

/** Calls `handle` with the call once the whole request is read. */
export function onSlackCall(req: IncomingMessage, handle: (call: ReceivedSlackCall) => void): void {
  let raw = "";
  req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
  req.on("end", () => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    handle({ method, token: req.headers.authorization?.replace(/^Bearer /, ""), params: parseBody(raw, req.headers["content-type"]) });
  });
}
