/**
 * The HTTP agent the Bot API is called with: keep-alive, but never over a connection that has been
 * idle long enough for the server to have closed it.
 *
 * grammY's own agent keeps connections open for ever (Node 20 only applies a server's
 * `Keep-Alive: timeout=N` hint when the agent has a timeout of its own). A server closes an idle
 * connection after its keep-alive timeout (5 s for Node's, in the tests' fake Bot API). When the
 * next message goes out at about that moment, over the old connection, before this process has
 * read the server's close (a busy event loop: exactly when there is a lot to send), the request
 * dies with ECONNRESET ("socket hang up") and never reached the server. The outbox cannot tell that
 * from a request that did arrive, so the message is "in doubt", is not sent again, and its re-ask
 * is left out when the client wrote since: a message lost (seen in test/jobs/three-instances.test.ts
 * under CI load: the welcome message of an onboarding).
 *
 * So a free connection is only reused when it has been idle for less than `maxIdleMs`, or less than
 * the server's hint minus a second when that is shorter (Node's own margin). The age is measured at
 * reuse with the clock, not with a timer, so an event loop that was stalled cannot reuse a
 * connection that the server closed meanwhile. Idle connections are also closed by a timer at that
 * age (Node's agent `timeout`), which keeps the pool small when nothing is sent.
 */
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";

/** Below the 5 s keep-alive timeout of Node's HTTP server, the shortest one commonly met. */
export const DEFAULT_MAX_IDLE_MS = 4000;

/** The parts of Node's agent this relies on that @types/node does not declare. */
interface AgentInternals {
  /** Node's returns whether the connection is kept (@types/node says void). */
  keepSocketAlive(socket: Socket): boolean;
  addRequest(req: http.ClientRequest, options: http.RequestOptions): void;
  removeSocket(socket: Socket, options: http.RequestOptions): void;
  getName(options?: http.RequestOptions): string;
  freeSockets: NodeJS.ReadOnlyDict<Socket[]>;
}

/** When each free connection became free, and how long it may stay idle before it is not reused. */
const idle = new WeakMap<Socket, { since: number; limitMs: number }>();

function freshen<A extends http.Agent>(agent: A, maxIdleMs: number, now: () => number): A {
  const self = agent as unknown as AgentInternals;
  const keepSocketAlive = self.keepSocketAlive.bind(self);
  self.keepSocketAlive = (socket: Socket): boolean => {
    // Node sets the idle timeout here: the agent's `timeout`, or the server's hint less a second.
    const keep = keepSocketAlive(socket);
    if (keep) idle.set(socket, { since: now(), limitMs: Math.min(maxIdleMs, socket.timeout || maxIdleMs) });
    return keep;
  };
  const addRequest = self.addRequest.bind(self);
  self.addRequest = (req: http.ClientRequest, options: http.RequestOptions): void => {
    for (const socket of [...(self.freeSockets[self.getName(options)] ?? [])]) {
      const mark = idle.get(socket);
      if (!mark || now() - mark.since < mark.limitMs) continue;
      // Too old to trust: the server may have closed it. Out of the pool first, then closed.
      socket.destroy();
      self.removeSocket(socket, options);
    }
    addRequest(req, options);
  };
  return agent;
}

/** A keep-alive agent for `apiRoot` (http or https) that does not reuse connections idle for `maxIdleMs` or more. */
export function freshConnectionAgent(apiRoot: string, opts: { maxIdleMs?: number; now?: () => number } = {}): http.Agent {
  const maxIdleMs = opts.maxIdleMs ?? DEFAULT_MAX_IDLE_MS;
  const now = opts.now ?? Date.now;
  const agentOpts = { keepAlive: true, timeout: maxIdleMs };
  return freshen(apiRoot.startsWith("http:") ? new http.Agent(agentOpts) : new https.Agent(agentOpts), maxIdleMs, now);
}
