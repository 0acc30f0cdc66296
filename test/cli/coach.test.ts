/**
 * `invite --coach <name>`: a known coach is found (also with --team); an unknown name is not
 * silently a second coach but refused with the coaches there are and the way to add one, unless
 * --new-coach asks for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoachUsageError, findOrAddCoach } from "../../src/cli/coach.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";

let t: EmbeddedTestDb;
beforeAll(async () => {
  t = await freshEmbeddedDb();
  const team = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam" } });
  await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("invite --coach", () => {
  it("finds a known coach and adds nobody", async () => {
    const { coach, created } = await findOrAddCoach(t.db, "Ahmed", undefined);
    expect(coach.name).toBe("Ahmed");
    expect(created).toBe(false);
  });

  it("refuses an unknown coach (a typo) with the coaches there are, and adds nobody", async () => {
    const before = await t.db.prisma.member.count();
    const refusal = findOrAddCoach(t.db, "Ahmd", undefined);
    await expect(refusal).rejects.toBeInstanceOf(CoachUsageError);
    await expect(findOrAddCoach(t.db, "Ahmd", undefined)).rejects.toThrow(/no coach called "Ahmd".*Coaches now: Ahmed.*member add.*--new-coach/);
    expect(await t.db.prisma.member.count()).toBe(before);
  });

  it("adds the coach when --new-coach asks for it", async () => {
    const { coach, created } = await findOrAddCoach(t.db, "Fleur", undefined, true);
    expect(created).toBe(true);
    expect(coach.organisation.name).toBe("Coachteam");
    expect((await findOrAddCoach(t.db, "Fleur", undefined)).created).toBe(false);
  });
});
