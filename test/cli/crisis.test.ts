/**
 * `npm run koers -- crisis list|resume`: the open alerts and the clients on hold, lifting one
 * client's hold (audited), and calm refusals with a non-zero exit code. The alerts are raised
 * through the real engine; the commands run in-process (`runCrisis`, as `src/cli.ts` calls it)
 * and once as the real process.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { crisisList, crisisResume, runCrisis } from "../../src/cli/crisis.js";
import { parseConfig, type Config } from "../../src/config.js";
import { createEngine } from "../../src/conversation/engine.js";
import { openDatabase } from "../../src/db/client.js";
import { silentLogger } from "../../src/log.js";
import { sink, withDb } from "../support/cli.js";
import { templateDataDir } from "../support/service.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

let dataDir: string;
let config: Config;
const ids: Record<string, string> = {};

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await runCrisis(config, args, out, err);
  return { code, out: out.text(), err: err.text() };
}

let update = 40_000;

beforeAll(async () => {
  dataDir = templateDataDir();
  config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(process.env.KOERS_DATA_KEY ? { KOERS_DATA_KEY: process.env.KOERS_DATA_KEY } : {}) });
  await withDb(config, async (db) => {
    const p = db.prisma;
    const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Noord" } });
    const ahmed = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
    const fleur = await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH" } });
    const person = (name: string, callName: string, coachId: string, chatId: number) =>
      p.client.create({ data: { name, callName, coachId, status: "ACTIVE", telegramChatId: BigInt(chatId), remindersWanted: true, reminderDaypart: "morning" } });
    ids.samira = (await person("Samira El Amrani", "Sam", ahmed.id, 5_101)).id;
    ids.joris = (await person("Joris Bakker", "Joris", fleur.id, 5_102)).id;
    ids.kees = (await person("Kees de Vries", "Kees", ahmed.id, 5_103)).id;
    // Two people with the same name: only the id tells them apart.
    ids.mo1 = (await person("Mo Jansen", "Mo", ahmed.id, 5_104)).id;
    ids.mo2 = (await person("Mo Jansen", "Mo", fleur.id, 5_105)).id;
    const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger() });
    const say = (chatId: number, text: string) => engine.handle({ updateId: ++update, chatId, input: { kind: "text", text } });
    await say(5_101, "ik wil dood");
    await say(5_101, "echt, ik wil niet meer leven");
    await say(5_102, "hij slaat me");
    await say(5_103, "hoi, hoe gaat het");
    await say(5_104, "ik wil dood");
  });
});

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("crisis list", () => {
  it("shows each open alert with client, coach, kind and number of signals, and who is on hold; never the words", async () => {
    const { code, out, err } = await cli("list");
    expect([code, err]).toEqual([0, ""]);
    const [alerts, held] = out.trim().split("\n\n");
    const lines = alerts?.split("\n") ?? [];
    expect(lines[0]).toBe("Open crisis alerts:");
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines.find((l) => l.includes(ids.samira ?? "-"))).toMatch(/Sam \(.+\), coach Ahmed: suicide, open, 2 signal\(s\)$/);
    expect(lines.find((l) => l.includes(ids.joris ?? "-"))).toMatch(/Joris \(.+\), coach Fleur: violence, open, 1 signal\(s\)$/);
    expect(out).not.toContain(ids.kees);
    expect(held?.split("\n")[0]).toBe("Reminders paused since a crisis signal:");
    expect(held?.split("\n").slice(1).map((l) => l.split(" (")[0])).toEqual(["Sam", "Joris", "Mo"]);
    for (const words of ["ik wil dood", "niet meer leven", "slaat", "El Amrani"]) expect(out).not.toContain(words);
  });
});

describe("crisis resume", () => {
  it("lifts one client's hold by name, records who and when, and leaves the alert open for the coach", async () => {
    const { code, out, err } = await cli("resume", "--client", "Samira El Amrani");
    expect([code, out, err]).toEqual([0, "Reminders and nudges about Sam go on again.\n", ""]);
    await withDb(config, async (db) => {
      const client = await db.prisma.client.findUniqueOrThrow({ where: { id: ids.samira ?? "" } });
      expect(client.crisisHoldSince).toBeNull();
      const alert = await db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: client.id }, include: { events: { orderBy: { id: "asc" } } } });
      expect(alert).toMatchObject({ status: "OPEN", resumedAt: expect.any(Date), resumedBy: null });
      expect(alert.events.at(-1)).toMatchObject({ type: "resumed", actorKind: "ADMIN", detail: { via: "cli" } });
      const audits = await db.prisma.auditEvent.findMany({ where: { clientId: client.id, action: "crisis.resumed" } });
      expect(audits.map((a) => [a.actorKind, a.detail])).toEqual([["ADMIN", { alertId: alert.id, via: "cli" }]]);
      // Joris is still on hold.
      expect((await db.prisma.client.findUniqueOrThrow({ where: { id: ids.joris ?? "" } })).crisisHoldSince).not.toBeNull();
    });
    const listed = (await cli("list")).out;
    expect(listed).toContain("coach Ahmed: suicide, open");
    expect(listed.split("Reminders paused since a crisis signal:\n")[1]?.split("\n").map((l) => l.split(" (")[0]).filter(Boolean)).toEqual(["Joris", "Mo"]);
  });

  it("a second time, or for a client never on hold: nothing changes, nothing is audited", async () => {
    expect(await cli("resume", "--client", "Samira El Amrani")).toEqual({ code: 0, out: "Sam's reminders were not paused; nothing changed.\n", err: "" });
    expect((await cli("resume", "--client", ids.kees ?? "")).out).toBe("Kees's reminders were not paused; nothing changed.\n");
    await withDb(config, async (db) => {
      expect(await db.prisma.auditEvent.count({ where: { action: "crisis.resumed" } })).toBe(1);
    });
  });

  it("by id when two clients share a name", async () => {
    const twice = await cli("resume", "--client", "Mo Jansen");
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/^There are 2 clients called "Mo Jansen"\. Use the id: /);
    expect(twice.err).toContain(ids.mo1);
    expect(twice.err).toContain(ids.mo2);
    expect((await cli("resume", "--client", ids.mo1 ?? "")).out).toBe("Reminders and nudges about Mo go on again.\n");
  });

  it("an unknown client, no client or a wrong command: a calm sentence on stderr and exit code 2", async () => {
    const before = await withDb(config, (db) => db.prisma.auditEvent.count());
    expect(await cli("resume", "--client", "Piet Puk")).toEqual({ code: 2, out: "", err: 'There is no client "Piet Puk". See: npm run koers -- crisis list\n' });
    expect(await cli("resume")).toMatchObject({ code: 2, out: "", err: "Give --client <name or id>.\n" });
    expect(await cli("resume", "--client", "   ")).toMatchObject({ code: 2, err: "Give --client <name or id>.\n" });
    const wrong = await cli("hervat", "--client", "Joris Bakker");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Unknown command "crisis hervat".');
    expect(wrong.err).toContain("crisis resume --client <name or id>");
    const flag = await cli("resume", "--klant", "Joris Bakker");
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("--klant");
    expect(await withDb(config, (db) => db.prisma.auditEvent.count())).toBe(before);
    expect(await withDb(config, async (db) => (await db.prisma.client.findUniqueOrThrow({ where: { id: ids.joris ?? "" } })).crisisHoldSince)).not.toBeNull();
  });

  it("runs as `npm run koers -- crisis …`: exit code 2 for an unknown client, 0 for a real one", async () => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "silent" };
    const koers = (...args: string[]) => run(process.execPath, ["--import", "tsx", "src/cli.ts", "crisis", ...args], { cwd: root, env });
    const unknown = await koers("resume", "--client", "Piet Puk").then(() => null, (e: { code: number; stdout: string; stderr: string }) => e);
    expect(unknown?.code).toBe(2);
    expect(unknown?.stderr).toBe('There is no client "Piet Puk". See: npm run koers -- crisis list\n');
    const ok = await koers("resume", "--client", "Joris Bakker");
    expect(ok.stdout).toBe("Reminders and nudges about Joris go on again.\n");
  }, 60_000);
});

describe("the functions behind it", () => {
  it("crisisList with nothing open says so; crisisResume refuses an unknown id", async () => {
    const dir = templateDataDir();
    try {
      const db = await openDatabase({ kind: "embedded", dataDir: dir });
      try {
        expect(await crisisList(db)).toBe("No open crisis alerts.");
        await expect(crisisResume(db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow('There is no client "00000000-0000-4000-8000-000000000000"');
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
