import type { Server } from "node:http";

/**
 * A loopback peer that keeps idle keep-alive connections open for as long as a test runs.
 *
 * Node's HTTP server closes a connection after 5 s without a request; grammY's agent (and Node's
 * global one) keeps such a connection and may send the next request on it at the very moment the
 * server closes it, which fails as "Network request ... failed". On a busy machine that race was
 * seen once in 1,300 fuzz requests (CI of 2026-12-01). A real Bot API or Slack is not part of the
 * test's question there, so the peers the tests start never close an idle connection first.
 */
export function keepIdleConnections<S extends Server>(server: S): S {
  server.keepAliveTimeout = 600_000;
  // Must stay above keepAliveTimeout, or Node drops a connection waiting for its next request's headers.
  server.headersTimeout = 601_000;
  return server;
}
