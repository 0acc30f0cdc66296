/**
 * `koers backup` and `koers restore` for the embedded database: a real migrated database with a
 * client who went through onboarding (their messages in the outbox, a goal), packed, restored
 * into a new folder and opened again; and the refusals an operator can run into.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, inject, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { runBackup } from "../../src/cli/backup.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type IncomingMessage } from "../../src/conversation/engine.js";
import { openDatabase } from "../../src/db/client.js";
import { silentLogger } from "../../src/log.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";
import { waitFor } from "../support/telegram.js";
import { button, inviteClient, takeMessages } from "../support/world.js";

const root = path.resolve(import.meta.dirname, "../..");
/** The migrations in the repository, oldest first: a fresh database has them all. */
const migrations = fs
  .readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const lastMigration = migrations[migrations.length - 1]!;

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs the CLI command as `npm run koers -- <command> …` would, with DATA_DIR set. */
async function koers(dataDir: string, command: "backup" | "restore", args: string[], extraEnv: Record<string, string> = {}) {
  const out = sink();
  const err = sink();
  const config = parseConfig({ DATA_DIR: dataDir, ...extraEnv }, root);
  const code = await runBackup(config, command, args, out.stream, err.stream, new Date("2026-03-02T09:30:00Z"));
  return { code, out: out.text(), err: err.text() };
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A new empty folder, removed after the test. */
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "backup-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated embedded database with one onboarded client, closed again. */
async function databaseWithAClient(): Promise<{ dataDir: string; clientId: string; messages: number }> {
  const t: EmbeddedTestDb = await freshEmbeddedDb();
  cleanups.push(() => t.cleanup());
  const { db } = t;
  const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger() });
  const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira Bakker" });
  let update = 1;
  const chat = 5551234;
  const send = (input: IncomingMessage["input"]) => engine.handle({ updateId: update++, chatId: chat, input });
  await send({ kind: "command", command: "start", args: invited.code });
  const welcome = await takeMessages(db, invited.clientId);
  await send({ kind: "button", data: button(welcome, "yes") });
  await send({ kind: "text", text: "sam" });
  await db.prisma.goal.create({ data: { clientId: invited.clientId, text: "Elke dag een rondje lopen", confidence: 6 } });
  const messages = await db.prisma.job.count({ where: { clientId: invited.clientId, kind: "telegram.send" } });
  await db.close();
  return { dataDir: t.dataDir, clientId: invited.clientId, messages };
}

describe("koers backup and restore (embedded database)", () => {
  it("backs up a database with a client, restores it into a new folder, and the restored database has the client, their messages and goal", async () => {
    const { dataDir, clientId, messages } = await databaseWithAClient();
    // One outbox job per answer: the welcome, the name question, the reminders question.
    expect(messages).toBe(3);
    const backups = tmp();
    const file = path.join(backups, "koers.tar.gz");

    const made = await koers(dataDir, "backup", ["--to", file]);
    expect(made.err).toBe("");
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Backup written: .*koers\.tar\.gz \(\d+(\.\d)? [kM]B\): /);
    expect(made.out).toContain(`: ${migrations.length} migration(s), the last ${lastMigration}; 1 client(s).`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // The backup released the folder: the service could start on it again.
    expect(fs.existsSync(path.join(dataDir, "koers.pid"))).toBe(false);

    const restoredDir = path.join(backups, "restored");
    const restored = await koers(dataDir, "restore", [file, "--data-dir", restoredDir]);
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`into ${restoredDir}: ${migrations.length} migration(s), the last ${lastMigration}`);
    expect(fs.existsSync(path.join(restoredDir, "koers.pid"))).toBe(false);

    const db = await openDatabase({ kind: "embedded", dataDir: restoredDir });
    try {
      expect((await db.migrate()).applied).toEqual([]);
      const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId }, include: { coach: true, goals: true, consents: true } });
      expect(client).toMatchObject({ name: "Samira Bakker", callName: "Sam", telegramChatId: 5551234n, coach: { name: "Ahmed" } });
      expect(client.goals.map((g) => g.text)).toEqual(["Elke dag een rondje lopen"]);
      expect(client.consents.map((c) => c.decision)).toContain("GIVEN");
      expect(await db.prisma.job.count({ where: { clientId, kind: "telegram.send" } })).toBe(messages);
      // And it is a working database, not a read-only copy.
      await db.prisma.client.update({ where: { id: clientId }, data: { callName: "Sammie" } });
    } finally {
      await db.close();
    }
  }, 90_000);

  it("names the file after the moment when --to is left out, and never overwrites one", async () => {
    const { dataDir } = await databaseWithAClient();
    const cwd = tmp();
    const file = path.join(cwd, "same.tar.gz");
    fs.writeFileSync(file, "an older backup");
    const again = await koers(dataDir, "backup", ["--to", file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; a backup never overwrites a file/);
    expect(fs.readFileSync(file, "utf8")).toBe("an older backup");

    const prev = process.cwd();
    process.chdir(cwd);
    try {
      const named = await koers(dataDir, "backup", []);
      expect(named.code, named.err).toBe(0);
    } finally {
      process.chdir(prev);
    }
    expect(fs.readdirSync(cwd).filter((f) => /^koers-backup-20260302-\d{6}\.tar\.gz$/.test(f))).toHaveLength(1);
  }, 60_000);

  it("refuses while the service runs on the folder, and says to stop it first", async () => {
    const { dataDir } = await databaseWithAClient();
    // A second process holding the database, as the running service does.
    const holder: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", `import { openDatabase } from "./src/db/client.ts"; await openDatabase({ kind: "embedded", dataDir: process.argv[1] }); console.log("open"); setInterval(() => {}, 1000);`, dataDir],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => void holder.kill("SIGKILL"));
    let said = "";
    holder.stdout?.on("data", (d: Buffer) => (said += d.toString("utf8")));
    await waitFor("the other process to open the database", () => said.includes("open"), 60_000, 50);

    const backups = tmp();
    const r = await koers(dataDir, "backup", ["--to", path.join(backups, "b.tar.gz")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`the running Koers service (pid ${holder.pid}) uses it`);
    expect(r.err).toContain("Stop the service first (systemctl stop koers");
    expect(fs.readdirSync(backups)).toEqual([]);
    // The service's lock is left alone.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "koers.pid"), "utf8"))).toMatchObject({ pid: holder.pid });
  }, 90_000);

  it("refuses to restore over a folder that is not empty, and leaves it as it was", async () => {
    const { dataDir } = await databaseWithAClient();
    const backups = tmp();
    const file = path.join(backups, "b.tar.gz");
    expect((await koers(dataDir, "backup", ["--to", file])).code).toBe(0);
    const before = fs.readdirSync(dataDir).sort();

    const r = await koers(dataDir, "restore", [file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dataDir} is not empty: a restore never writes over a database. Move it aside first`);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);

    const inside = await koers(dataDir, "backup", ["--to", path.join(dataDir, "b.tar.gz")]);
    expect(inside.code).toBe(2);
    expect(inside.err).toMatch(/^Write the backup outside the data folder/);
  }, 60_000);

  it("refuses a file that is not a backup, leaving no half-restored folder behind", async () => {
    const dir = tmp();
    const notABackup = path.join(dir, "notes.tar.gz");
    fs.writeFileSync(notABackup, "dit is geen backup\n");
    const target = path.join(dir, "data");
    const r = await koers(target, "restore", [notABackup]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notes\.tar\.gz is not a Koers backup/);
    expect(fs.existsSync(target)).toBe(false);

    const missing = await koers(target, "restore", [path.join(dir, "nope.tar.gz")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/There is no backup file/);
  }, 60_000);

  it("points to pg_dump and pg_restore when the database is PostgreSQL", async () => {
    const r = await koers("/unused", "backup", [], { DATABASE_URL: "postgres://koers:secret@localhost:5432/koers", KOERS_DATA_KEY: process.env.KOERS_DATA_KEY ?? "" });
    expect(r.code).toBe(2);
    expect(r.err).toContain('pg_dump -Fc --no-owner -f koers.dump "$DATABASE_URL"');
    const back = await koers("/unused", "restore", ["x.dump"], { DATABASE_URL: "postgres://koers:secret@localhost:5432/koers", KOERS_DATA_KEY: process.env.KOERS_DATA_KEY ?? "" });
    expect(back.err).toContain("pg_restore --no-owner --exit-on-error");
  });
});
