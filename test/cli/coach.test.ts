/**
 * `invite --coach <name>` (src/cli/coach.ts): a known coach is found (also with --team); an
 * unknown name is not silently a second coach but refused with the coaches there are and the way
 * to add one, unless --new-coach asks for it; two coaches of one name need --team; a coach who is
 * no longer active is never the coach of a new client; a partner organisation is no team.
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

  it("two coaches of one name need --team, which picks one; the refusal names the teams", async () => {
    const zuid = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Zuid" } });
    const noord = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
    await t.db.prisma.member.create({ data: { organisationId: zuid.id, name: "Kim", role: "COACH" } });
    await t.db.prisma.member.create({ data: { organisationId: noord.id, name: "Kim", role: "COACH" } });
    await expect(findOrAddCoach(t.db, "Kim", undefined)).rejects.toThrow(/2 coaches called "Kim".*--team.*Wijkteam (Zuid|Noord), Wijkteam (Zuid|Noord)/);
    const { coach, created } = await findOrAddCoach(t.db, "Kim", "Wijkteam Noord");
    expect([coach.organisation.name, created]).toEqual(["Wijkteam Noord", false]);
    await expect(findOrAddCoach(t.db, "Kim", "Wijkteam West")).rejects.toThrow(/no coach called "Kim" in "Wijkteam West"/);
  });

  it("a member of another role with the name is no coach; --new-coach adds the coach to the team given", async () => {
    const team = await t.db.prisma.organisation.findUniqueOrThrow({ where: { name: "Coachteam" } });
    await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Beheer", role: "ADMIN" } });
    await expect(findOrAddCoach(t.db, "Beheer", undefined)).rejects.toBeInstanceOf(CoachUsageError);
    const { coach, created } = await findOrAddCoach(t.db, "Noor", "Wijkteam Oost", true);
    expect([coach.name, coach.role, coach.organisation.name, coach.organisation.kind, created]).toEqual(["Noor", "COACH", "Wijkteam Oost", "COACH_TEAM", true]);
  });

  it("a partner organisation is no team to add a coach to, and nobody is added to it", async () => {
    const partner = await t.db.prisma.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp" } });
    await expect(findOrAddCoach(t.db, "Piet", "Schuldhulp", true)).rejects.toThrow(/partner organisation, not a coach team/);
    expect(await t.db.prisma.member.count({ where: { organisationId: partner.id } })).toBe(0);
  });

  it("a coach who is no longer active is refused, with or without --new-coach, and left out of the names offered", async () => {
    const team = await t.db.prisma.organisation.findUniqueOrThrow({ where: { name: "Coachteam" } });
    await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Kees", role: "COACH", active: false } });
    await expect(findOrAddCoach(t.db, "Kees", undefined)).rejects.toThrow(/"Kees" is no longer active \(Coachteam\)/);
    await expect(findOrAddCoach(t.db, "Kees", "Coachteam", true)).rejects.toBeInstanceOf(CoachUsageError);
    const offered = await findOrAddCoach(t.db, "Keesje", undefined).catch((e: Error) => /Coaches now: ([^.]*)\./.exec(e.message)?.[1]?.split(", "));
    expect(offered).toContain("Ahmed");
    expect(offered).not.toContain("Kees");
    expect(await t.db.prisma.member.count({ where: { name: "Kees" } })).toBe(1);
    // An active coach of that name in another team is still found.
    const west = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam West" } });
    await t.db.prisma.member.create({ data: { organisationId: west.id, name: "Kees", role: "COACH" } });
    expect((await findOrAddCoach(t.db, "Kees", undefined)).coach.organisation.name).toBe("Wijkteam West");
  });
});
