/**
 * Restarts: the conversation lives in the database, not in the process. A service that is
 * stopped halfway through onboarding, or killed, picks up where the client was; a message queued
 * in the outbox before a crash is delivered after the restart, once.
 *
 * The child-process cases run `node dist/src/main.js`, one process, as production does. (Not
 * through npm or `npx tsx`: npm does not pass SIGTERM on and SIGKILL would orphan the real process,
 * which keeps the embedded database open.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Koers } from "../../src/app.js";
import { openDatabase } from "../../src/db/client.js";
import { SERVICE_MAIN } from "../support/dist.js";
import { nlText, outboxIdle, startOnEmulator, templateDataDir } from "../support/service.js";
import { startApiGate, startEmulator, waitFor, type ApiGate, type Emulator } from "../support/telegram.js";
import { inviteClient, type InvitedClient } from "../support/world.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let emulator: Emulator;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await emulator?.stop();
});

function dataDirForTest(): string {
  const dir = templateDataDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Creates a coach and an invited client in a data folder that no process has open. */
async function seedInvite(dataDir: string, names: { coach: string; client: string }): Promise<InvitedClient> {
  const db = await openDatabase({ kind: "embedded", dataDir });
  try {
    return await inviteClient(db, names);
  } finally {
    await db.close();
  }
}

interface Child {
  proc: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the service (dist/src/main.js) as its own process and resolves once it says it runs. */
async function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, [SERVICE_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout?.on("data", (d: Buffer) => stdout.push(d.toString("utf8")));
  proc.stderr?.on("data", (d: Buffer) => stderr.push(d.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGKILL");
      await exited;
    }
  });
  let gone = false;
  proc.once("exit", () => (gone = true));
  await waitFor(
    "the service to say it runs",
    () => {
      if (gone) throw new Error(`the service exited early:\n${stdout.join("")}\n${stderr.join("")}`);
      return stdout.join("").includes("Koers runs on port");
    },
    30_000,
    50,
  );
  return { proc, stderr, exited };
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a restart halfway through onboarding", () => {
  it("continues at the step the client was at, in a new service instance on the same data", async () => {
    const dataDir = dataDirForTest();
    let koers: Koers | undefined = await startOnEmulator(emulator, dataDir);
    cleanups.push(() => koers?.stop());
    const invited = await inviteClient(koers.db, { coach: "Ahmed", client: "Samira" });
    const samira = emulator.user({ chatId: 8101 });

    await samira.command(`/start ${invited.code}`);
    const intro = await samira.botMessages(4);
    await samira.press(intro[3]!, nlText("onboarding.consent.yes"));
    expect((await samira.botMessages(1))[0]?.text).toBe(nlText("onboarding.name.ask"));
    await outboxIdle(koers.db);
    await koers.stop();

    koers = await startOnEmulator(emulator, dataDir);
    // "Sam" is understood as the answer to the name question asked by the previous instance.
    await samira.say("Sam");
    const [reminders] = await samira.botMessages(1);
    expect(reminders?.text).toBe(nlText("onboarding.reminders.ask", { name: "Sam" }));
    // The consent button from before the restart is recognised as an old one.
    await samira.press(intro[3]!, nlText("onboarding.consent.yes"));
    expect((await samira.botMessages(1)).map((m) => m.text)).toEqual([nlText("common.oldButton")]);

    await samira.press(reminders!, nlText("onboarding.reminders.no"));
    expect((await samira.botMessages(2)).map((m) => m.text)).toEqual([
      nlText("onboarding.reminders.noOk"),
      nlText("onboarding.done", { name: "Sam", coach: "Ahmed" }),
    ]);
    await outboxIdle(koers.db);
    expect(await samira.unread()).toEqual([]);
    expect(await koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({
      status: "ACTIVE",
      callName: "Sam",
      remindersWanted: false,
    });
    const runs = await koers.db.prisma.flowRun.findMany({ where: { clientId: invited.clientId } });
    expect(runs.map((r) => r.status)).toEqual(["DONE"]);
  });
});

describe("the service as a process (dist/src/main.js)", () => {
  it("stops cleanly on SIGTERM: exit code 0, database closed and readable", async () => {
    const dataDir = dataDirForTest();
    const invited = await seedInvite(dataDir, { coach: "Ahmed", client: "Samira" });
    const child = await startChild({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiURL, DATA_DIR: dataDir });
    expect((JSON.parse(fs.readFileSync(path.join(dataDir, "koers.pid"), "utf8")) as { pid: number }).pid).toBe(child.proc.pid);

    const samira = emulator.user({ chatId: 8201 });
    await samira.command(`/start ${invited.code}`);
    expect((await samira.botMessages(4))[3]?.text).toBe(nlText("onboarding.consent.ask"));

    const started = Date.now();
    child.proc.kill("SIGTERM");
    const exit = await withTimeout(child.exited, 15_000, "stopping after SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(15_000);
    // A clean stop releases the folder.
    expect(fs.existsSync(path.join(dataDir, "koers.pid"))).toBe(false);
    expect(child.stderr.join("")).not.toMatch(/"level":(50|60)/);

    const db = await openDatabase({ kind: "embedded", dataDir });
    try {
      expect(await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({
        telegramChatId: 8201n,
        status: "ONBOARDING",
      });
      // Everything the client was sent is done; nothing half-sent is left behind.
      expect(await db.prisma.job.count({ where: { kind: "telegram.send", status: { not: "DONE" } } })).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("delivers, after a SIGKILL and a restart, a message that was queued before the kill", { timeout: 120_000 }, async () => {
    const dataDir = dataDirForTest();
    const invited = await seedInvite(dataDir, { coach: "Ahmed", client: "Samira" });
    const gate: ApiGate = await startApiGate(emulator.apiURL);
    cleanups.push(() => gate.stop());
    const env = { TELEGRAM_BOT_TOKEN: emulator.token, DATA_DIR: dataDir };
    // Info level: the dispatcher logs "rate limited; job waits" there, after saving the job.
    const first = await startChild({ ...env, TELEGRAM_API_ROOT: gate.url, LOG_LEVEL: "info" });

    const samira = emulator.user({ chatId: 8301 });
    await samira.command(`/start ${invited.code}`);
    const intro = await samira.botMessages(4);
    await samira.press(intro[3]!, nlText("onboarding.consent.yes"));
    expect((await samira.botMessages(1))[0]?.text).toBe(nlText("onboarding.name.ask"));

    // Telegram refuses sends for a while (flood control); the client answers; the reply waits
    // in the outbox. The kill comes right after the job was saved as waiting, well before its
    // retry is due (retry_after = 2 s), so what is killed is a queued, undelivered message.
    gate.blockSends = true;
    await samira.say("Sam");
    await waitFor("the refused send to be saved as waiting", () => first.stderr.join("").includes("rate limited; job waits"), 15_000);
    expect(gate.refused.map((c) => c.body.text)).toEqual([nlText("onboarding.reminders.ask", { name: "Sam" })]);

    first.proc.kill("SIGKILL");
    expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await samira.unread()).toEqual([]);

    // A new process on the same folder (the stale lock of the killed one is taken over).
    const second = await startChild({ ...env, TELEGRAM_API_ROOT: emulator.apiURL });
    const [reminders] = await samira.botMessages(1, 15_000);
    expect(reminders?.text).toBe(nlText("onboarding.reminders.ask", { name: "Sam" }));
    await samira.press(reminders!, nlText("onboarding.reminders.later"));
    expect((await samira.botMessages(2)).map((m) => m.text)).toEqual([
      nlText("onboarding.reminders.laterOk"),
      nlText("onboarding.done", { name: "Sam", coach: "Ahmed" }),
    ]);

    second.proc.kill("SIGTERM");
    expect(await withTimeout(second.exited, 15_000, "stopping after SIGTERM")).toEqual({ code: 0, signal: null });
    expect(await samira.unread()).toEqual([]);

    const db = await openDatabase({ kind: "embedded", dataDir });
    try {
      const client = await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } });
      expect(client).toMatchObject({ status: "ACTIVE", callName: "Sam", remindersWanted: false });
      const jobs = await db.prisma.job.findMany({ where: { clientId: invited.clientId }, orderBy: { id: "asc" } });
      // Four turns, every one delivered; the one queued before the kill was sent by the second process.
      expect(jobs.filter((j) => j.kind === "telegram.send").map((j) => [j.status, j.attempts])).toEqual([
        ["DONE", 1],
        ["DONE", 1],
        ["DONE", 2],
        ["DONE", 1],
      ]);
    } finally {
      await db.close();
    }
  });
});
