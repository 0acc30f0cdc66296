/**
 * Members and organisations as the Slack edge reads them (src/domain/members.ts), on the embedded
 * database, and the actor kind of a member in audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { actorKindOf, memberById, memberNames, organisationKind, organisationName } from "../../src/domain/members.js";
import { freshEmbeddedDb, type TestDb } from "../support/db.js";

const NOBODY = "00000000-0000-4000-8000-000000000000";
let test: TestDb;
let db: Database;
beforeAll(async () => {
  test = await freshEmbeddedDb();
  db = test.db;
});
afterAll(async () => {
  await test?.cleanup();
});

describe("actorKindOf", () => {
  it("is the role, for coaches, partners and admins", () => {
    expect(actorKindOf({ role: "COACH" })).toBe("COACH");
    expect(actorKindOf({ role: "PARTNER" })).toBe("PARTNER");
    expect(actorKindOf({ role: "ADMIN" })).toBe("ADMIN");
  });
});

describe("the organisation and member look-ups", () => {
  it("name and kind of an organisation; an unknown one has no kind, and no name is an error", async () => {
    const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Noord" } });
    const partner = await db.prisma.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp Oost" } });
    expect(await organisationName(db, team.id)).toBe("Coachteam Noord");
    expect([await organisationKind(db, team.id), await organisationKind(db, partner.id)]).toEqual(["COACH_TEAM", "PARTNER"]);
    expect(await organisationKind(db, NOBODY)).toBeNull();
    await expect(organisationName(db, NOBODY)).rejects.toThrow();
  });

  it("a member by id, or null", async () => {
    const org = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Zuid" } });
    const ahmed = await db.prisma.member.create({ data: { organisationId: org.id, name: "Ahmed", role: "COACH", slackUserId: "UAHMEDM" } });
    expect(await memberById(db, ahmed.id)).toMatchObject({ id: ahmed.id, name: "Ahmed", role: "COACH", slackUserId: "UAHMEDM", organisationId: org.id });
    expect(await memberById(db, NOBODY)).toBeNull();
  });

  it("the names of several members at once, leaving out ids that are not members; none asked, none read", async () => {
    const org = await db.prisma.organisation.create({ data: { kind: "PARTNER", name: "Woonstichting West" } });
    const petra = await db.prisma.member.create({ data: { organisationId: org.id, name: "Petra", role: "PARTNER" } });
    const bas = await db.prisma.member.create({ data: { organisationId: org.id, name: "Bas", role: "PARTNER" } });
    const names = await memberNames(db, [petra.id, bas.id, NOBODY, petra.id]);
    expect([...names.entries()].sort()).toEqual([[bas.id, "Bas"], [petra.id, "Petra"]].sort());
    expect((await memberNames(db, [])).size).toBe(0);
  });
});
