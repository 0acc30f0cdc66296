/**
 * A loopback HTTP peer in a worker thread that closes idle keep-alive connections on its own
 * clock, while the test thread may be blocked (as a loaded event loop is): the close is not read
 * before the next request starts. For the race that lost a Telegram message (src/telegram/agent.ts).
 *
 * `counters`: [connections closed by the server, requests to `countPath` it received, connections
 * it accepted]; `Atomics.wait(counters, 0, n)` waits for a close.
 */
import { Worker } from "node:worker_threads";

const SERVER = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const counters = new Int32Array(workerData.shared);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url.endsWith(workerData.countPath)) Atomics.add(counters, 1, 1);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(workerData.answer);
  });
});
// Node's server says "Keep-Alive: timeout=N" and closes an idle connection after about that.
server.keepAliveTimeout = workerData.keepAliveMs;
server.on("connection", (socket) => {
  Atomics.add(counters, 2, 1);
  socket.on("close", () => {
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

export interface IdleCloseServer {
  url: string;
  counters: Int32Array;
  stop(): Promise<void>;
}

export async function startIdleCloseServer(opts: { keepAliveMs: number; countPath: string; answer: unknown }): Promise<IdleCloseServer> {
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const worker = new Worker(SERVER, { eval: true, workerData: { shared, keepAliveMs: opts.keepAliveMs, countPath: opts.countPath, answer: JSON.stringify(opts.answer) } });
  const port = await new Promise<number>((resolve, reject) => worker.once("message", resolve).once("error", reject));
  return { url: `http://127.0.0.1:${port}`, counters: new Int32Array(shared), stop: () => worker.terminate().then(() => undefined) };
}
