/**
 * The Bot API agent (src/telegram/agent.ts) against the race that lost a message in
 * test/jobs/three-instances.test.ts: the server closes an idle keep-alive connection while this
 * process is too busy to notice, and the next message goes out over the dead connection
 * (ECONNRESET, "socket hang up"; the server never had it, the outbox cannot know that).
 *
 * The server runs in a worker thread (test/support/idle-close-server.ts), so it closes the
 * connection on its own clock while this thread is blocked (Atomics.wait), as a loaded event loop
 * is: the close is not read before the next send starts.
 */
import http from "node:http";
import { Api, HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { freshConnectionAgent } from "../../src/telegram/agent.js";
import { telegramFetchConfig } from "../../src/telegram/bot.js";
import { startIdleCloseServer, type IdleCloseServer } from "../support/idle-close-server.js";

type Counters = Int32Array;

const servers: IdleCloseServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** [connections closed by the server, sendMessage requests it received, connections it accepted] */
async function startServer(): Promise<{ apiRoot: string; counters: Counters }> {
  const server = await startIdleCloseServer({
    keepAliveMs: 2000,
    countPath: "/sendMessage",
    answer: { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "x" } },
  });
  servers.push(server);
  return { apiRoot: server.url, counters: server.counters };
}

/**
 * One message, then (this thread blocked) the server closes the idle connection, then a second
 * message started before this thread could read that close. Returns the second send's error, if any.
 */
async function sendAcrossIdleClose(api: Api, counters: Counters): Promise<unknown> {
  await api.sendMessage(1, "one");
  // Back in the pool (that happens a turn of the event loop after the answer).
  await new Promise((r) => setTimeout(r, 20));
  // Blocked: the server's keep-alive timeout runs out and it closes the connection meanwhile.
  expect(Atomics.wait(counters, 0, 0, 10_000)).toBe("ok");
  const until = Date.now() + 50;
  while (Date.now() < until) {
    // the close reaches this side's socket; nothing here reads it yet
  }
  return api.sendMessage(1, "two").then(
    () => undefined,
    (err: unknown) => err,
  );
}

describe("the Bot API agent", () => {
  it("does not send over a connection the server closed for idleness while the event loop was busy", { timeout: 30_000 }, async () => {
    // grammY's own agent (the control): the second message dies on the closed connection, unseen.
    const before = await startServer();
    const plain = await sendAcrossIdleClose(new Api("1:x", { apiRoot: before.apiRoot }), before.counters);
    expect(plain).toBeInstanceOf(HttpError);
    expect(Atomics.load(before.counters, 1)).toBe(1);

    // Koers's agent: the connection was idle too long to trust, the message goes over a new one.
    const { apiRoot, counters } = await startServer();
    const err = await sendAcrossIdleClose(new Api("1:x", { apiRoot, baseFetchConfig: telegramFetchConfig(apiRoot) }), counters);
    expect(err).toBeUndefined();
    expect(Atomics.load(counters, 1)).toBe(2);
    expect(Atomics.load(counters, 2)).toBe(2);
  });

  it("still reuses a connection for messages sent close together", async () => {
    const { apiRoot, counters } = await startServer();
    const api = new Api("1:x", { apiRoot, baseFetchConfig: telegramFetchConfig(apiRoot) });
    for (const text of ["one", "two", "three"]) {
      await api.sendMessage(1, text);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(Atomics.load(counters, 1)).toBe(3);
    expect(Atomics.load(counters, 2)).toBe(1);
  });
});

describe("a long poll through the same agent", () => {
  it("is not cut off while it waits for longer than the idle limit (getUpdates waits up to 30 s)", async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      // Telegram holds getUpdates open until an update comes or its timeout ends.
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, result: [] }));
      }, 1500);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const apiRoot = `http://127.0.0.1:${port}`;
      // An idle limit well below the wait: a socket timeout on a busy connection must not end it.
      const api = new Api("123:abc", { apiRoot, baseFetchConfig: { agent: freshConnectionAgent(apiRoot, { maxIdleMs: 300 }) } });
      const started = Date.now();
      expect(await api.getUpdates({ timeout: 2 })).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
