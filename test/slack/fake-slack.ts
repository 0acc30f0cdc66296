/**
 * A local fake of the Slack Web API on 127.0.0.1: answers conversations.open and
 * chat.postMessage like Slack does, and records every call. `failNext` makes the next call of a
 * method answer with a Slack error (`{ ok: false, error }`) or a 429.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { onSlackCall, type ReceivedSlackCall } from "../support/slack-call.js";

export type SlackCall = ReceivedSlackCall;

export interface FakeSlack {
  /** Base URL for `slackApiUrl` / SLACK_API_URL, ending in `/api/`. */
  url: string;
  calls: SlackCall[];
  posts(): SlackCall[];
  failNext(method: string, error: string | { ratelimited: number }): void;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, string | { ratelimited: number }>();
  let ts = 1_700_000_000;
  const server = http.createServer((req, res) => {
    onSlackCall(req, (call) => {
      const { method, params } = call;
      calls.push(call);
      const failure = failures.get(method);
      failures.delete(method);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (failure && typeof failure === "object") return send(429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.ratelimited) });
      if (failure) return send(200, { ok: false, error: failure });
      if (method === "conversations.open") return send(200, { ok: true, channel: { id: `D${String(params.users)}` } });
      if (method === "chat.postMessage") return send(200, { ok: true, channel: params.channel, ts: `${ts++}.000100` });
      return send(200, { ok: false, error: "unknown_method" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    posts: () => calls.filter((c) => c.method === "chat.postMessage"),
    failNext: (method, error) => failures.set(method, error),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
