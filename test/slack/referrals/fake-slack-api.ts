/**
 * A local fake of the Slack Web API on 127.0.0.1 for the referral app: answers the methods the
 * app uses the way Slack does and records every call, in order. (test/slack/fake-slack.ts is
 * the nudges' smaller fake; this one also knows chat.update, views.open, postEphemeral, ...)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { keepIdleConnections } from "../../support/keep-alive.js";
import { onSlackCall } from "../../support/slack-call.js";

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` / SLACK_API_URL, ending in `/api/`. */
  url: string;
  calls: SlackCall[];
  of(method: string): SlackCall[];
  /** Resolves when `count` calls of `method` have arrived (or throws after `ms`). */
  waitFor(method: string, count?: number, ms?: number): Promise<SlackCall[]>;
  /** The next call of `method` answers `{ ok: false, error }`, as Slack does (e.g. "not_in_channel"). */
  failNext(method: string, error: string): void;
  close(): Promise<void>;
}

function answer(method: string, params: Record<string, unknown>, next: () => string): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, user_id: "UKOERSBOT", bot_id: "BKOERS", team_id: "T1" };
    case "conversations.open":
      return { ok: true, channel: { id: `D${String(params.users)}` } };
    case "chat.postMessage":
      return { ok: true, channel: params.channel, ts: next() };
    case "chat.update":
    case "chat.delete":
      return { ok: true, channel: params.channel, ts: params.ts };
    case "chat.postEphemeral":
      return { ok: true, message_ts: next() };
    case "views.open":
    case "views.update":
    case "views.publish":
      return { ok: true, view: { id: `V${next()}` } };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, string>();
  let ts = 1_800_000_000;
  const server = http.createServer((req, res) => {
    onSlackCall(req, ({ method, params }) => {
      calls.push({ method, params });
      res.writeHead(200, { "content-type": "application/json" });
      const failure = failures.get(method);
      failures.delete(method);
      res.end(JSON.stringify(failure ? { ok: false, error: failure } : answer(method, params, () => `${ts++}.000100`)));
    });
  });
  await new Promise<void>((resolve) => keepIdleConnections(server).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const of = (method: string) => calls.filter((c) => c.method === method);
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    of,
    async waitFor(method, count = 1, ms = 10_000) {
      const until = Date.now() + ms;
      while (of(method).length < count) {
        if (Date.now() > until) throw new Error(`waited ${ms} ms for ${count} × ${method}; got ${calls.map((c) => c.method).join(", ")}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return of(method);
    },
    failNext: (method, error) => void failures.set(method, error),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
