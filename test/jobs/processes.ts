/** Dispatchers in child processes (test/jobs/fixtures/worker.ts), to kill and to run side by side. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SERVICE_MAIN } from "../support/dist.js";
import type { Delivery } from "./fake-telegram.js";

const WORKER = path.resolve(import.meta.dirname, "fixtures/worker.ts");

/** A process a test started. */
interface Child {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
}

export interface Worker extends Child {
  /** Resolves when the dispatcher runs. */
  ready: Promise<void>;
  stderr(): string;
}

/**
 * Follows a child: `output()` is what it wrote so far on `streams`; `exited`, its exit code (or
 * signal); `until(read, died)`, the first value `read` finds at a write on stdout (it gets the
 * chunk), or an error with `died(code)` when the child exits first; `stop(graceMs)`, SIGTERM, and
 * SIGKILL if it has not stopped after `graceMs` (when given).
 */
function follow(child: ChildProcess, streams: ("stdout" | "stderr")[]) {
  let out = "";
  for (const stream of streams) child[stream]?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const until = <T>(read: (chunk: string) => T | undefined, died: (code: number | string) => string) =>
    new Promise<T>((resolve, reject) => {
      child.stdout?.on("data", (c: Buffer) => {
        const found = read(c.toString("utf8"));
        if (found !== undefined) resolve(found);
      });
      exited.then((code) => reject(new Error(died(code))), reject);
    });
  const stop = async (graceMs?: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = graceMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { output: () => out, exited, until, stop };
}

export function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { output, exited, until } = follow(child, ["stderr"]);
  const ready = until(
    (chunk) => (chunk.includes("ready") ? true : undefined),
    (code) => `worker exited (${code}) before it was ready: ${output().slice(-2000)}`,
  ).then(() => undefined);
  return { child, ready, exited, stderr: output };
}

/** Polls `check` every 20 ms until it is true, or fails after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ServiceProcess extends Child {
  /** Resolves with the HTTP port once the service says it runs. */
  port: Promise<number>;
  output(): string;
  /** SIGTERM, then SIGKILL if it has not stopped after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The real service (compiled: `dist/src/main.js`) in a process of its own, configured by `env` on top of a
 * minimal environment (PATH, HOME, PORT=0 on 127.0.0.1, LOG_LEVEL=warn).
 */
export function spawnService(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...(process.env.KOERS_DATA_KEY ? { KOERS_DATA_KEY: process.env.KOERS_DATA_KEY } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { output, exited, until, stop } = follow(child, ["stdout", "stderr"]);
  const port = until(
    () => {
      const m = /Koers runs on port (\d+)/.exec(output());
      return m ? Number(m[1]) : undefined;
    },
    (code) => `the service exited (${code}) before it ran: ${output().slice(-2000)}`,
  );
  return { child, port, exited, output, stop: (graceMs = 10_000) => stop(graceMs) };
}

export interface FakeTelegramProcess {
  apiRoot: string;
  /** Everything delivered so far, with the arrival times the fake's own process noted. */
  deliveries(): Promise<Delivery[]>;
  stop(): Promise<void>;
}

/** The fake Bot API in a child process (test/jobs/fixtures/fake-telegram-server.ts). */
export async function spawnFakeTelegram(opts: { latencyMs?: number } = {}): Promise<FakeTelegramProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "fixtures/fake-telegram-server.ts")], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LATENCY_MS: String(opts.latencyMs ?? 0) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { output, until, stop } = follow(child, ["stdout", "stderr"]);
  const apiRoot = await until(
    () => /apiRoot (\S+)/.exec(output())?.[1] || undefined,
    (code) => `the fake Bot API exited (${code}): ${output().slice(-2000)}`,
  );
  return {
    apiRoot,
    async deliveries() {
      const res = await fetch(`${apiRoot}/_deliveries`);
      return (await res.json()) as Delivery[];
    },
    stop: () => stop(),
  };
}
