/**
 * `npm run koers -- data status` (src/cli/data.ts), in-process on an embedded database of its
 * own: everything sealed with the current key says so; rows still plain are counted per table
 * until the re-seal job has done them; any other subcommand is a usage error. Key rotation on
 * PostgreSQL is in test/db/at-rest.test.ts.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataStatus, runData, staleCounts } from "../../src/cli/data.js";
import { parseConfig, type Config } from "../../src/config.js";
import { resealBatch } from "../../src/jobs/reseal.js";
import { runIn, withDb } from "../support/cli.js";
import { templateDataDir } from "../support/service.js";

let dataDir: string;
let config: Config;

const data = (args: string[]) => runIn(runData, config, args);

beforeAll(async () => {
  dataDir = templateDataDir();
  config = parseConfig({ DATA_DIR: dataDir }, process.cwd());
  await withDb(config, async (db) => {
    const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam" } });
    const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
    const client = await db.prisma.client.create({ data: { name: "Samira", callName: "Sam", coachId: coach.id, status: "ACTIVE" } });
    await db.prisma.goal.create({ data: { clientId: client.id, text: "Werk vinden", steps: { create: [{ what: "Bellen" }] } } });
  });
});
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("koers data status", () => {
  it("says all is sealed with the current key when the service wrote everything", async () => {
    const r = await data(["status"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^All client texts are encrypted with key "[^"]+"\. Keys no longer needed can be removed from KOERS_DATA_KEY\.\n$/);
  });

  it("counts rows still plain per table, and none once the re-seal job did them", async () => {
    await withDb(config, async (db) => {
      await db.sql.query(`UPDATE "Goal" SET text = 'oud'`);
      await db.sql.query(`UPDATE "Step" SET what = 'oud', helper = 'buurman'`);
      await db.sql.query(`UPDATE "Client" SET "callName" = 'Sam'`);
      expect(await staleCounts(db)).toEqual({ Client: 1, Goal: 1, Step: 1 });
      const status = await dataStatus(db);
      expect(status.split("\n")).toEqual([
        `3 row(s) still to encrypt with key "${db.keyring.current}" (the data.reseal job does this every 10 minutes, while Koers runs):`,
        "  Client: 1",
        "  Goal: 1",
        "  Step: 1",
        "Keep the older keys in KOERS_DATA_KEY until this says none are left.",
      ]);
    });
    expect((await data(["status"])).out).toContain("3 row(s) still to encrypt");
    await withDb(config, async (db) => {
      await resealBatch(db);
      expect(await staleCounts(db)).toEqual({});
    });
    expect((await data(["status"])).out).toMatch(/^All client texts are encrypted/);
  });

  it("anything but 'status' is a usage error that shows the command there is", async () => {
    for (const [args, message] of [
      [[], "Give a data command."],
      [["reseal"], 'Unknown command "data reseal".'],
      [["STATUS"], 'Unknown command "data STATUS".'],
    ] as const) {
      const r = await data([...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).toContain("data status");
      expect(r.out).toBe("");
    }
  });
});
