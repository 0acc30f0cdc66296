/**
 * The Web API client (src/slack/web.ts) and the race that lost a Telegram message
 * (src/telegram/agent.ts): a server closes an idle keep-alive connection while this process is
 * too busy to notice, and the next call goes out over the dead connection. @slack/web-api 8 calls
 * Slack with the global `fetch`, and its calls do not leave a connection open to be reused: a
 * crisis alert after a quiet hour goes over a new connection. This test keeps that true when the
 * library changes.
 *
 * The server runs in a worker thread, so it closes connections on its own clock while this thread
 * is blocked, as a loaded event loop is.
 */
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createWebClient } from "../../src/slack/web.js";

const SERVER = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const counters = new Int32Array(workerData.shared);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url.endsWith("/chat.postMessage")) Atomics.add(counters, 1, 1);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, channel: "D1", ts: "1.2" }));
  });
});
// Node's server says "Keep-Alive: timeout=1" and closes an idle connection after about that.
server.keepAliveTimeout = 1000;
server.on("connection", (socket) => {
  Atomics.add(counters, 2, 1);
  socket.on("close", () => Atomics.add(counters, 0, 1));
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

describe("the Slack Web API client", () => {
  it("sends a call that comes after a long busy spell, when the server has closed idle connections", { timeout: 30_000 }, async () => {
    // [connections closed, chat.postMessage calls received, connections accepted]
    const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const worker = new Worker(SERVER, { eval: true, workerData: { shared } });
    workers.push(worker);
    const port = await new Promise<number>((resolve, reject) => worker.once("message", resolve).once("error", reject));
    const counters = new Int32Array(shared);
    const web = createWebClient({ token: "xoxb-test", apiUrl: `http://127.0.0.1:${port}/api/`, logger: silentLogger() });

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
