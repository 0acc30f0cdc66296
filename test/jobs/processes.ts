/** Dispatchers in child processes (test/jobs/fixtures/worker.ts), to kill and to run side by side. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

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
