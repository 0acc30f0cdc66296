import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { AdminUsageError, memberAdd, memberList, memberSetSlack, orgAdd, orgList, orgSetChannel, orgSetContact } from "../../../src/cli/admin.js";
import { freshEmbeddedDb, type TestDb } from "../../support/db.js";
import { templateDataDir } from "../../support/service.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");

async function usageError(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof AdminUsageError)) throw new Error(`expected a usage error, got ${String(err)}`);
  return err.message;
}

describe("admin commands for organisations and members", () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it("adds a team and a partner, members with Slack ids, a channel, a contact and a backup", async () => {
    t = await freshEmbeddedDb();
    const { db } = t;
    expect(await orgAdd(db, { name: "Coachteam Noord", kind: "team", channel: "C0TEAM001" })).toBe('Added coach team "Coachteam Noord".');
    await expect(orgAdd(db, { name: "Schuldhulp Oost", kind: "partner", domains: "financien", "share-months": "drie" })).rejects.toThrow("--share-months must be a whole number of months from 1 to 120");
    expect(await orgAdd(db, { name: "Schuldhulp Oost", kind: "partner", domains: "financien", "share-months": "6" })).toContain("set-channel");
    await orgSetChannel(db, { org: "Schuldhulp Oost", channel: "C0PARTNER1" });
    await memberAdd(db, { org: "Schuldhulp Oost", name: "Petra", role: "partner", slack: "U0PETRA01" });
    expect(await memberAdd(db, { org: "Schuldhulp Oost", name: "Bas", role: "partner" })).toContain("set-slack");
    await memberSetSlack(db, { org: "Schuldhulp Oost", name: "Bas", slack: "U0BAS0001" });
    await memberAdd(db, { org: "Coachteam Noord", name: "Ahmed", role: "coach", slack: "U0AHMED01" });
    await orgSetContact(db, { org: "Schuldhulp Oost", contact: "Petra", backup: "Bas" });
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { name: "Schuldhulp Oost" }, include: { members: true } });
    expect([org.kind, org.referralChannel, org.domains, org.shareRetentionMonths]).toEqual(["PARTNER", "C0PARTNER1", ["financien"], 6]);
    expect(org.members.find((m) => m.id === org.backupMemberId)?.name).toBe("Bas");
    expect(await orgList(db)).toContain("contact: Petra, backup: Bas");
    expect(await memberList(db, { org: "Coachteam Noord" })).toBe("Coachteam Noord: Ahmed (coach) slack U0AHMED01");
  });

  it("refuses wrong kinds, roles, ids and names with a sentence that says what to do", async () => {
    t = await freshEmbeddedDb();
    const { db } = t;
    await orgAdd(db, { name: "Team", kind: "team" });
    expect(await usageError(orgAdd(db, { name: "X", kind: "club" }))).toContain("team or partner");
    expect(await usageError(orgAdd(db, { name: "Team", kind: "team" }))).toContain("already exists");
    expect(await usageError(orgAdd(db, { name: "Y", kind: "partner", domains: "geld" }))).toContain("Unknown life domain");
    expect(await usageError(orgSetChannel(db, { org: "Team", channel: "#algemeen" }))).toContain("not a Slack channel id");
    expect(await usageError(memberAdd(db, { org: "Team", name: "P", role: "partner" }))).toContain("cannot be a member");
    expect(await usageError(memberAdd(db, { org: "Nope", name: "P", role: "coach" }))).toContain("no organisation");
    await memberAdd(db, { org: "Team", name: "A", role: "coach", slack: "U0AAAAAA1" });
    expect(await usageError(memberAdd(db, { org: "Team", name: "B", role: "coach", slack: "U0AAAAAA1" }))).toContain("already belongs");
    expect(await usageError(orgSetContact(db, { org: "Team", contact: "A", backup: "A" }))).toContain("someone else");
    expect(await usageError(orgSetContact(db, { org: "Team", contact: "Z" }))).toContain("no member");
    expect(await usageError(memberAdd(db, { org: "Team", role: "coach" }))).toBe("Give --name <name>.");
  });

  it("runs as `npm run koers -- org …` and exits 2 on a usage mistake", { timeout: 180_000 }, async () => {
    const env = { ...process.env, DATA_DIR: templateDataDir(), DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "silent" };
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: root, env });
    const added = await cli("org", "add", "--name", "Buurtteam", "--kind", "partner", "--channel", "C0BUURT01");
    expect(added.stdout).toContain('Added partner organisation "Buurtteam".');
    expect((await cli("org", "list")).stdout).toContain("channel: C0BUURT01");
    const wrong = await cli("member", "add", "--org", "Buurtteam", "--name", "X", "--role", "chef").then(() => null, (e: { code: number; stderr: string }) => e);
    expect(wrong?.code).toBe(2);
    expect(wrong?.stderr).toContain("--role must be coach, partner or admin");
  });
});
