/**
 * The embedded database's pid file (src/db/data-dir-lock.ts): taken atomically, a stale file of a
 * pid that now belongs to another program is taken over (and said so), a running Koers is refused,
 * and of several processes starting at once exactly one gets the folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { lockDataDir, PID_FILE, processStartTime, type LockOwner } from "../../src/db/data-dir-lock.js";

const CHILD = path.resolve(import.meta.dirname, "fixtures/lock-child.ts");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "lock-"));
  dirs.push(dir);
  return dir;
}

/** Some live process that is not Koers. */
function unrelatedProcess(): ChildProcess {
  const p = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(p);
  return p;
}

function racer(dir: string, startFile: string): { proc: ChildProcess; ready: Promise<void>; said: Promise<string> } {
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD, dir, startFile], { stdio: ["pipe", "pipe", "pipe"] });
  children.push(proc);
  let out = "";
  let err = "";
  proc.stderr?.on("data", (c: Buffer) => (err += c.toString("utf8")));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      if (out.includes("ready")) resolve();
    });
    proc.on("exit", (code) => reject(new Error(`racer exited (${code}): ${err}`)));
  });
  const said = ready.then(
    () =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const line = out.split("\n").find((l) => l.startsWith("won") || l.startsWith("lost"));
          if (line) resolve(line);
        };
        proc.stdout?.on("data", check);
        proc.on("exit", (code) => reject(new Error(`racer exited (${code}): ${err}`)));
        check();
      }),
  );
  return { proc, ready, said };
}

describe.skipIf(process.platform !== "linux")("the embedded database's pid file", () => {
  it("takes over a stale pid (older plain format) that now belongs to an unrelated live process, and says so", () => {
    const dir = dataDir();
    const other = unrelatedProcess();
    fs.writeFileSync(path.join(dir, PID_FILE), String(other.pid));
    const told: string[] = [];

    const release = lockDataDir(dir, { onTakeover: (_prev, reason) => told.push(reason) });

    expect(told).toEqual([`process ${other.pid} is not Koers`]);
    const owner = JSON.parse(fs.readFileSync(path.join(dir, PID_FILE), "utf8")) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, hostname: os.hostname(), startTime: processStartTime("self") });
    release();
    expect(fs.existsSync(path.join(dir, PID_FILE))).toBe(false);
  });

  it("takes over a file whose pid is alive but was started at another time (a reused pid)", () => {
    const dir = dataDir();
    const other = unrelatedProcess();
    const stale: LockOwner = { pid: other.pid!, startTime: "1", hostname: os.hostname(), instanceId: "crashed-koers" };
    fs.writeFileSync(path.join(dir, PID_FILE), JSON.stringify(stale));
    const told: string[] = [];
    const release = lockDataDir(dir, { onTakeover: (prev, reason) => told.push(`${(prev as LockOwner).instanceId}: ${reason}`) });
    expect(told).toEqual([`crashed-koers: pid ${other.pid} now belongs to another process`]);
    release();
  });

  it("takes over the file of a process that is gone", () => {
    const dir = dataDir();
    const gone: LockOwner = { pid: 2 ** 22 + 17, startTime: "5", hostname: os.hostname(), instanceId: "x" };
    fs.writeFileSync(path.join(dir, PID_FILE), JSON.stringify(gone));
    const told: string[] = [];
    lockDataDir(dir, { onTakeover: (_p, reason) => told.push(reason) })();
    expect(told).toEqual([`process ${gone.pid} is gone`]);
  });

  it("refuses while the Koers that holds it runs, and leaves its file alone", async () => {
    const dir = dataDir();
    const start = path.join(dir, "go");
    fs.writeFileSync(start, "");
    const holder = racer(dir, start);
    expect(await holder.said).toBe("won");
    const before = fs.readFileSync(path.join(dir, PID_FILE), "utf8");

    expect(() => lockDataDir(dir)).toThrow(`The embedded database in ${dir} is in use by another Koers process (pid ${holder.proc.pid}).`);
    expect(fs.readFileSync(path.join(dir, PID_FILE), "utf8")).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(["go", PID_FILE]);
  });

  it("of four processes starting at once, exactly one gets the folder", { timeout: 30_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const dir = dataDir();
      const start = path.join(dir, "go");
      const racers = [1, 2, 3, 4].map(() => racer(dir, start));
      await Promise.all(racers.map((r) => r.ready));
      fs.writeFileSync(start, "");
      const said = await Promise.all(racers.map((r) => r.said));

      expect(said.filter((s) => s === "won")).toHaveLength(1);
      expect(said.filter((s) => s.startsWith("lost: The embedded database"))).toHaveLength(3);
      const winner = racers[said.indexOf("won")]!;
      expect((JSON.parse(fs.readFileSync(path.join(dir, PID_FILE), "utf8")) as LockOwner).pid).toBe(winner.proc.pid);
      for (const r of racers) r.proc.kill("SIGKILL");
    }
  });
});
