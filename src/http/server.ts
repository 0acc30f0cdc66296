import http from "node:http";
import type { Logger } from "pino";
import { withMetrics, type Metrics } from "../metrics.js";

/** A route handler gets the raw request and response. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface HttpServerDeps {
  logger: Logger;
  /** True when the database answers. */
  healthy: () => Promise<boolean>;
  /** Extra routes by exact path (Telegram's webhook, later Slack's events). */
  routes?: Map<string, Route>;
  /** A problem other than the database that makes this instance unhealthy (polling's 409). */
  problem?: () => { status: string; reason: string } | null;
  /** The service's metrics: requests are handled with them as the ones counted into. */
  metrics?: Metrics;
}

/**
 * The service's one HTTP server: `/healthz` (200 with the database reachable and no other
 * problem, 503 otherwise, with the reason), Telegram's webhook, Slack's requests, `/metrics`.
 */
export function createHttpServer(deps: HttpServerDeps): http.Server {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = path === "/healthz" ? health : deps.routes?.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const run = () => Promise.resolve(route(req, res));
    (deps.metrics ? withMetrics(deps.metrics, run) : run()).catch((err: unknown) => {
      deps.logger.error({ err, path }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"error":"internal"}');
    });
  });

  const health: Route = async (_req, res) => {
    const ok = await deps.healthy();
    const problem = deps.problem?.() ?? null;
    const body = problem ? { ...problem, ok: false, database: ok ? "up" : "down" } : { ok, database: ok ? "up" : "down" };
    res.writeHead(ok && !problem ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  return server;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/**
 * Closes a server at once, with every connection it has, also those in the middle of a request:
 * for the fakes of Telegram and Slack, whose clients must not keep them open.
 */
export function closeNow(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
