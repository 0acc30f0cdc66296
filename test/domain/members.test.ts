/**
 * Members and organisations as the Slack edge reads them (src/domain/members.ts), on the embedded
 * database, and the actor kind of a member in audit rows.
 */
import { describe, expect, it } from "vitest";
import { actorKindOf, memberById, memberNames, organisationKind, organisationName } from "../../src/domain/members.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";

const NOBODY = "00000000-0000-4000-8000-000000000000";
const file = dbForFile(freshEmbeddedDb);

describe("actorKindOf", () => {
  it("is the role, for coaches, partners and admins", () => {
    expect(actorKindOf({ role: "COACH" })).toBe("COACH");
    expect(actorKindOf({ role: "PARTNER" })).toBe("PARTNER");
    expect(actorKindOf({ role: "ADMIN" })).toBe("ADMIN");
  });
});

describe("the organisation and member look-ups", () => {
  it("name and kind of an organisation; an unknown one has no kind, and no name is an error", async () => {
    const team = await file.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Noord" } });
    const partner = await file.db.prisma.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp Oost" } });
    expect(await organisationName(file.db, team.id)).toBe("Coachteam Noord");
    expect([await organisationKind(file.db, team.id), await organisationKind(file.db, partner.id)]).toEqual(["COACH_TEAM", "PARTNER"]);
    expect(await organisationKind(file.db, NOBODY)).toBeNull();
    await expect(organisationName(file.db, NOBODY)).rejects.toThrow();
  });

  it("a member by id, or null", async () => {
    const org = await file.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Zuid" } });
    const ahmed = await file.db.prisma.member.create({ data: { organisationId: org.id, name: "Ahmed", role: "COACH", slackUserId: "UAHMEDM" } });
    expect(await memberById(file.db, ahmed.id)).toMatchObject({ id: ahmed.id, name: "Ahmed", role: "COACH", slackUserId: "UAHMEDM", organisationId: org.id });
    expect(await memberById(file.db, NOBODY)).toBeNull();
  });

  it("the names of several members at once, leaving out ids that are not members; none asked, none read", async () => {
    const org = await file.db.prisma.organisation.create({ data: { kind: "PARTNER", name: "Woonstichting West" } });
    const petra = await file.db.prisma.member.create({ data: { organisationId: org.id, name: "Petra", role: "PARTNER" } });
    const bas = await file.db.prisma.member.create({ data: { organisationId: org.id, name: "Bas", role: "PARTNER" } });
    const names = await memberNames(file.db, [petra.id, bas.id, NOBODY, petra.id]);
    expect([...names.entries()].sort()).toEqual([[bas.id, "Bas"], [petra.id, "Petra"]].sort());
    expect((await memberNames(file.db, [])).size).toBe(0);
  });
});
