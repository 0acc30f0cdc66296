/**
 * `npm run koers -- forget --coach <name> --client <name>`: a coach forgets a client of their own
 * caseload on the client's request, after typing the client's name; audited as done by the coach.
 */
import fs from "node:fs";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runForget } from "../../src/cli/forget.js";
import { parseConfig, type Config } from "../../src/config.js";
import { onboardedClient, seedGoal } from "../support/coaching.js";
import { sink, withDb } from "../support/cli.js";
import { templateDataDir } from "../support/service.js";

let dataDir: string;
let config: Config;
let clientId = "";

async function forget(args: string[], typed: string) {
  const input = new PassThrough();
  input.end(`${typed}\n`);
  const out = sink();
  const err = sink();
  const code = await runForget(config, args, { input, out, err });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  dataDir = templateDataDir();
  config = parseConfig({ DATA_DIR: dataDir }, process.cwd());
  clientId = await withDb(config, async (db) => {
    const c = await onboardedClient(db, { chatId: 9_801, coach: "Ahmed", name: "Fatima", callName: "Fati" });
    await seedGoal(db, c.clientId, { text: "Ik wil Nederlands leren", steps: [{ what: "Inschrijven bij de taalschool" }] });
    return c.clientId;
  });
});
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("forget from the command line", () => {
  it("refuses someone else's client and changes nothing without the typed name", async () => {
    expect((await forget(["--coach", "Ahmed", "--client", "Fatma"], "Fatma")).err).toContain('Ahmed has no client called "Fatma".');
    const no = await forget(["--coach", "Ahmed", "--client", "Fatima"], "ja");
    expect(no.code).toBe(1);
    expect(no.out).toContain("It cannot be undone");
    expect(no.out).toContain("Nothing was changed.");
    expect(await withDb(config, (db) => db.prisma.client.findUniqueOrThrow({ where: { id: clientId } }))).toMatchObject({ status: "ACTIVE", callName: "Fati" });
  });

  it("forgets the client after the name is typed, sends a goodbye, audits the coach", async () => {
    const r = await forget(["--coach", "Ahmed", "--client", "Fatima"], "Fatima");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Fatima is forgotten.");
    await withDb(config, async (db) => {
      expect(await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).toMatchObject({ status: "FORGOTTEN", name: "(vergeten)", callName: null, telegramChatId: null });
      expect(await db.prisma.goal.count({ where: { clientId } })).toBe(0);
      const coach = await db.prisma.member.findFirstOrThrow({ where: { name: "Ahmed" } });
      expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { clientId, action: "client.forgotten" } })).toMatchObject({ actorKind: "COACH", actorId: coach.id, detail: { via: "cli" } });
      const goodbye = await db.prisma.job.findFirstOrThrow({ where: { clientId, kind: "telegram.send", status: "PENDING" } });
      expect(goodbye.payload).toMatchObject({ chatId: "9801", messages: [{ key: "forget.doneByCoach" }] });
      expect((await db.prisma.nudge.findFirstOrThrow({ where: { clientId, cause: "forgotten" } })).detail).toMatchObject({ via: "cli", name: "Fati" });
    });
    expect((await forget(["--coach", "Ahmed", "--client", "Fatima"], "Fatima")).err).toContain("no client called");
  });
});
