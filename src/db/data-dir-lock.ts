/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file (`koers.pid`) guards the folder. It is created atomically (written to a temporary
 * file, then hard-linked into place, which fails when the name exists), so of two processes
 * starting together exactly one gets it. It records who holds it: pid, the process's start time
 * (Linux), hostname and a random id. A file whose process is gone, or whose pid now belongs to
 * another process (pids are reused after a crash or reboot), is stale and taken over, with a log
 * line.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PID_FILE = "koers.pid";

export interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat), null where unknown. */
  startTime: string | null;
  hostname: string;
  instanceId: string;
}

export interface DataDirLockOptions {
  /** Told when a stale file is taken over (the service logs it). */
  onTakeover?: (previous: LockOwner | { raw: string }, reason: string) => void;
  /** Only for tests: who "we" are. */
  self?: LockOwner;
}

/** The start time of a process, from /proc (Linux); null elsewhere or when it is gone. */
export function processStartTime(pid: number | "self"): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null; // field 22 of the whole line
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof v.pid === "number" && Number.isInteger(v.pid) && v.pid > 0 && typeof v.hostname === "string" && typeof v.instanceId === "string") {
      return { pid: v.pid, startTime: typeof v.startTime === "string" ? v.startTime : null, hostname: v.hostname, instanceId: v.instanceId };
    }
  } catch {
    // not ours, or an older plain pid: handled by the caller
  }
  return null;
}

/**
 * Whether the holder recorded in `raw` is still running: null when it is (with the sentence to
 * refuse with), else the reason the file is stale.
 */
function judge(raw: string, self: LockOwner, dataDir: string): { inUse: string } | { stale: string } {
  const owner = parseOwner(raw);
  const busy = (pid: number, where = "") => ({
    inUse: `The embedded database in ${dataDir} is in use by another Koers process (pid ${pid}${where}). Stop that process first, or use PostgreSQL (DATABASE_URL) to run several.`,
  });
  if (!owner) {
    // An older Koers wrote only its pid. Without a start time, the command line tells whether
    // that pid is still a Koers (a node process) or was reused by something else.
    const pid = Number(raw.trim());
    if (!Number.isInteger(pid) || pid <= 0) return { stale: "the file holds no pid" };
    if (pid === self.pid) return { stale: "it names this process" };
    if (!isAlive(pid)) return { stale: `process ${pid} is gone` };
    let cmdline: string | null = null;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      return busy(pid); // no /proc: cannot tell, so do not take it
    }
    return /node|koers|tsx/i.test(cmdline) ? busy(pid) : { stale: `process ${pid} is not Koers` };
  }
  if (owner.hostname !== self.hostname) {
    return {
      inUse: `The embedded database in ${dataDir} is held by a Koers on host ${owner.hostname} (pid ${owner.pid}). If that one no longer runs, delete ${path.join(dataDir, PID_FILE)}.`,
    };
  }
  if (owner.pid === self.pid) return { stale: owner.instanceId === self.instanceId ? "it is this instance" : "it names this process" };
  if (!isAlive(owner.pid)) return { stale: `process ${owner.pid} is gone` };
  const now = processStartTime(owner.pid);
  if (owner.startTime !== null && now !== null && now !== owner.startTime) return { stale: `pid ${owner.pid} now belongs to another process` };
  return busy(owner.pid);
}

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
};

/** Takes the folder for this process, or throws one sentence saying who holds it. Returns the release. */
export function lockDataDir(dataDir: string, opts: DataDirLockOptions = {}): () => void {
  const self: LockOwner = opts.self ?? { pid: process.pid, startTime: processStartTime("self"), hostname: os.hostname(), instanceId: randomUUID() };
  const file = path.join(dataDir, PID_FILE);
  const mine = JSON.stringify(self);
  const tmp = path.join(dataDir, `${PID_FILE}.${self.instanceId}.tmp`);
  fs.writeFileSync(tmp, mine);
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        fs.linkSync(tmp, file);
        return () => {
          // Only our own file: never remove one a later process took over.
          if (readOrNull(file) === mine) fs.rmSync(file, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const raw = readOrNull(file);
      if (raw === null) continue; // released meanwhile
      const verdict = judge(raw, self, dataDir);
      if ("inUse" in verdict) throw new Error(verdict.inUse);
      // Move the stale file aside (atomic: of two processes taking over, one moves it), then
      // check that what was moved is what was judged, not a new holder's file.
      const aside = path.join(dataDir, `${PID_FILE}.${self.instanceId}.stale`);
      try {
        fs.renameSync(file, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw err;
      }
      const moved = readOrNull(aside) ?? "";
      if (moved !== raw) {
        // Another process took over in between: give its file back and look again.
        try {
          fs.linkSync(aside, file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        }
        fs.rmSync(aside, { force: true });
        continue;
      }
      fs.rmSync(aside, { force: true });
      opts.onTakeover?.(parseOwner(raw) ?? { raw: raw.slice(0, 100) }, verdict.stale);
    }
    throw new Error(`Could not take the embedded database in ${dataDir}: its pid file kept changing. Is another Koers starting?`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
