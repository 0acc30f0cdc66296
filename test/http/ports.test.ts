/**
 * Picking a free port and binding it are two steps: another process (or an outgoing connection
 * that takes an ephemeral port) can take the port in between. A clean-clone CI run on 3 December
 * 2026 failed so (EADDRINUSE in test/log-redaction.test.ts). `onFreePort` starts again on
 * another port then, and only then.
 */
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, isAddressInUse, onFreePort } from "../../src/http/ports.js";
import { listen } from "../../src/http/server.js";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Listens on a given port, as a service that must name its port in a public URL does. */
async function serveOn(port: number): Promise<http.Server> {
  const server = http.createServer((_req, res) => res.end("ok"));
  await listen(server, port, "127.0.0.1");
  servers.push(server);
  return server;
}

describe("onFreePort", () => {
  it("starts again on another port when the one it picked was taken before the bind", async () => {
    const taken = await serveOn(0);
    const takenPort = (taken.address() as { port: number }).port;
    const picks = [takenPort];
    const tried: number[] = [];
    const server = await onFreePort(
      (port) => {
        tried.push(port);
        return serveOn(port);
      },
      { pick: async () => picks.shift() ?? freePort() },
    );
    const port = (server.address() as { port: number }).port;
    expect(tried).toHaveLength(2);
    expect(tried[0]).toBe(takenPort);
    expect(port).toBe(tried[1]);
    expect(port).not.toBe(takenPort);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
  });

  it("gives up after its attempts, with the bind's own error", async () => {
    const taken = await serveOn(0);
    const takenPort = (taken.address() as { port: number }).port;
    let tries = 0;
    const start = onFreePort(
      (port) => {
        tries++;
        return serveOn(port);
      },
      { attempts: 3, pick: async () => takenPort },
    );
    await expect(start).rejects.toThrow(/EADDRINUSE/);
    expect(tries).toBe(3);
  });

  it("does not try again after any other failure", async () => {
    let tries = 0;
    const start = onFreePort(async () => {
      tries++;
      throw new Error("the database is not there");
    });
    await expect(start).rejects.toThrow("the database is not there");
    expect(tries).toBe(1);
  });

  it("knows a taken port by the error code or by the message a child process printed", () => {
    expect(isAddressInUse(Object.assign(new Error("listen failed"), { code: "EADDRINUSE" }))).toBe(true);
    expect(isAddressInUse(new Error("listen EADDRINUSE: address already in use 127.0.0.1:36639"))).toBe(true);
    expect(isAddressInUse(new Error("listen EACCES: permission denied 127.0.0.1:80"))).toBe(false);
    expect(isAddressInUse(undefined)).toBe(false);
  });
});
