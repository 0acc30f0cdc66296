/**
 * Free loopback ports. Picking a free port and binding it are two steps, and another process (or
 * an outgoing connection that takes an ephemeral port) can take the port in between. Where a
 * port must be known before the bind (a webhook URL names it), `onFreePort` starts again on
 * another port when that happens.
 */
import net from "node:net";

/** A port that was free a moment ago (someone else may take it before you bind it). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port found"))));
    });
  });
}

/** Whether an error is a bind that failed because another process holds the port. */
export function isAddressInUse(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === "EADDRINUSE" || /EADDRINUSE|address already in use/i.test(String(err));
}

/**
 * Starts something that must know its port before it binds, on a free port; when the bind finds
 * the port taken, it starts again on another one (`start` must have cleaned up after itself).
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, opts: { attempts?: number; pick?: () => Promise<number> } = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const pick = opts.pick ?? (() => freePort());
  for (let attempt = 1; ; attempt++) {
    const port = await pick();
    try {
      return await start(port);
    } catch (err) {
      if (attempt >= attempts || !isAddressInUse(err)) throw err;
    }
  }
}
