/** Dispatchers in child processes (test/jobs/fixtures/worker.ts), to kill and to run side by side. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SERVICE_MAIN } from "../support/dist.js";
import type { Delivery } from "./fake-telegram.js";

const WORKER = path.resolve(import.meta.dirname, "fixtures/worker.ts");

export interface Worker {
  child: ChildProcess;
  /** Resolves when the dispatcher runs. */
  ready: Promise<void>;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
  stderr(): string;
}

export function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (c: Buffer) => (err += c.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (c: Buffer) => {
      if (c.toString("utf8").includes("ready")) resolve();
    });
    exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready: ${err.slice(-2000)}`)), reject);
  });
  return { child, ready, exited, stderr: () => err };
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

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the HTTP port once the service says it runs. */
  port: Promise<number>;
  exited: Promise<number | string>;
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
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const port = new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /Koers runs on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout?.on("data", onData);
    exited.then((code) => reject(new Error(`the service exited (${code}) before it ran: ${out.slice(-2000)}`)), reject);
  });
  return {
    child,
    port,
    exited,
    output: () => out,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
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
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const apiRoot = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const m = /apiRoot (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`the fake Bot API exited (${code}): ${out.slice(-2000)}`)), reject);
  });
  return {
    apiRoot,
    async deliveries() {
      const res = await fetch(`${apiRoot}/_deliveries`);
      return (await res.json()) as Delivery[];
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
