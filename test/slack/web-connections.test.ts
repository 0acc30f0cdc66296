/**
 * The Web API client (src/slack/web.ts) and the race that lost a Telegram message
 * (src/telegram/agent.ts): a server closes an idle keep-alive connection while this process is
 * too busy to notice, and the next call goes out over the dead connection. @slack/web-api 8 calls
 * Slack with the global `fetch`, and its calls do not leave a connection open to be reused: a
 * crisis alert after a quiet hour goes over a new connection. This test keeps that true when the
 * library changes.
 *
 * The server runs in a worker thread (test/support/idle-close-server.ts), so it closes connections
 * on its own clock while this thread is blocked, as a loaded event loop is.
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createWebClient } from "../../src/slack/web.js";
import { startIdleCloseServer, type IdleCloseServer } from "../support/idle-close-server.js";

const servers: IdleCloseServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

describe("the Slack Web API client", () => {
  it("sends a call that comes after a long busy spell, when the server has closed idle connections", { timeout: 30_000 }, async () => {
    // [connections closed, chat.postMessage calls received, connections accepted]
    const server = await startIdleCloseServer({ keepAliveMs: 1000, countPath: "/chat.postMessage", answer: { ok: true, channel: "D1", ts: "1.2" } });
    servers.push(server);
    const counters = server.counters;
    const web = createWebClient({ token: "xoxb-test", apiUrl: `${server.url}/api/`, logger: silentLogger() });

    await web.chat.postMessage({ channel: "D1", text: "one" });
    await new Promise((r) => setTimeout(r, 20));
    // Blocked for longer than the server's keep-alive timeout: whatever it kept open, it closes now.
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      // a busy event loop: nothing here reads a close
    }
    await expect(web.chat.postMessage({ channel: "D1", text: "two" })).resolves.toMatchObject({ ok: true });
    expect(Atomics.load(counters, 1)).toBe(2);
    // Over a new connection: the first was not kept for reuse (when a new version of the library
    // keeps them, this says so, and src/telegram/agent.ts shows what to do).
    expect(Atomics.load(counters, 2)).toBe(2);
  });
});
