/**
 * A Bot API in front of the Telegram emulator that a test can break. It serves `getUpdates`
 * itself, with Telegram's offset rules (an update is kept until a call asks for an offset past
 * it; the emulator instead forgets an update once it has handed it out), so a test can push any
 * update, even a malformed one, and see which offsets the bot asked for. Every other call is
 * passed on to the emulator, so what the bot sends can be read with `emulator.user(...)`.
 *
 * Faults: `getUpdatesFault` answers every getUpdates call with an error (409, 401, 500...);
 * `sendFaults` answers the next sendMessage calls with errors; `dropSends` and `dropGetUpdates`
 * cut the connection of the next sendMessage or getUpdates calls (grammY then throws an HttpError).
 */
import type http from "node:http";
import { keepIdleConnections } from "./keep-alive.js";
import { listen } from "../../src/http/server.js";
import { botApiProxy } from "./telegram.js";

export interface ApiFault {
  status: number;
  description: string;
  retryAfter?: number;
}

export interface FaultApi {
  /** Use as TELEGRAM_API_ROOT. */
  url: string;
  /** Updates for getUpdates (any JSON: they are not checked here). */
  push(...updates: unknown[]): void;
  /** The offset of every getUpdates call, in order (0 when none was given). */
  offsets: number[];
  /** Updates handed out, by update_id, counting redeliveries. */
  deliveries: Map<number, number>;
  /** When set, every getUpdates call gets this error. */
  getUpdatesFault: ApiFault | null;
  /** The next sendMessage calls get these errors, one each. */
  sendFaults: ApiFault[];
  /** The next this-many sendMessage calls get their connection cut. */
  dropSends: number;
  /** The next this-many getUpdates calls get their connection cut. */
  dropGetUpdates: number;
  /** Bot API methods called, in order, with the status answered. */
  calls: { method: string; status: number; at: number }[];
  stop(): Promise<void>;
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function errorBody(fault: ApiFault) {
  return {
    ok: false,
    error_code: fault.status,
    description: fault.description,
    ...(fault.retryAfter !== undefined ? { parameters: { retry_after: fault.retryAfter } } : {}),
  };
}

export async function startFaultApi(emulatorApiURL: string, opts: { holdMs?: number } = {}): Promise<FaultApi> {
  const holdMs = opts.holdMs ?? 300;
  const queue: { update_id: number }[] = [];
  const waiters = new Set<() => void>();
  const api: FaultApi = {
    url: "",
    push(...updates) {
      for (const u of updates) queue.push(u as { update_id: number });
      for (const w of [...waiters]) w();
    },
    offsets: [],
    deliveries: new Map(),
    getUpdatesFault: null,
    sendFaults: [],
    dropSends: 0,
    dropGetUpdates: 0,
    calls: [],
    stop: async () => undefined,
  };

  function getUpdates(raw: Buffer, res: http.ServerResponse): void {
    if (api.dropGetUpdates > 0) {
      api.dropGetUpdates--;
      api.calls.push({ method: "getUpdates", status: 0, at: Date.now() });
      res.socket?.destroy();
      return;
    }
    const params = JSON.parse(raw.toString("utf8") || "{}") as { offset?: number; limit?: number; timeout?: number };
    const offset = params.offset ?? 0;
    api.offsets.push(offset);
    if (api.getUpdatesFault) {
      api.calls.push({ method: "getUpdates", status: api.getUpdatesFault.status, at: Date.now() });
      return answer(res, api.getUpdatesFault.status, errorBody(api.getUpdatesFault));
    }
    // Telegram: asking for an offset confirms every update below it.
    for (let i = queue.length - 1; i >= 0; i--) {
      const id = queue[i]!.update_id;
      if (typeof id === "number" && id < offset) queue.splice(i, 1);
    }
    const reply = () => {
      const batch = queue.slice(0, params.limit ?? 100);
      for (const u of batch) api.deliveries.set(u.update_id, (api.deliveries.get(u.update_id) ?? 0) + 1);
      api.calls.push({ method: "getUpdates", status: 200, at: Date.now() });
      answer(res, 200, { ok: true, result: batch });
    };
    if (queue.length || !params.timeout) return reply();
    let timer: NodeJS.Timeout | undefined = undefined;
    const wake = () => {
      waiters.delete(wake);
      clearTimeout(timer);
      if (!res.writableEnded && !res.destroyed) reply();
    };
    timer = setTimeout(wake, Math.min(params.timeout * 1000, holdMs));
    waiters.add(wake);
    res.on("close", () => {
      waiters.delete(wake);
      clearTimeout(timer);
    });
  }

  const server = botApiProxy(
    emulatorApiURL,
    (method, body, res, req) => {
      if (method === "getUpdates") {
        getUpdates(body, res);
        return true;
      }
      if (method === "sendMessage" && api.dropSends > 0) {
        api.dropSends--;
        api.calls.push({ method, status: 0, at: Date.now() });
        req.socket.destroy();
        return true;
      }
      const fault = method === "sendMessage" ? api.sendFaults.shift() : undefined;
      if (!fault) return false;
      api.calls.push({ method, status: fault.status, at: Date.now() });
      answer(res, fault.status, errorBody(fault));
      return true;
    },
    (method, status) => api.calls.push({ method, status, at: Date.now() }),
  );
  api.url = `http://127.0.0.1:${await listen(keepIdleConnections(server), 0, "127.0.0.1")}`;
  api.stop = () =>
    new Promise((resolve) => {
      for (const w of [...waiters]) w();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return api;
}
