/**
 * Trajectory phases: a move is recorded once, a guarded move does not pull a client back, and the
 * phase at a past moment is read from the recorded moves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movePhase, phaseAt } from "../../src/domain/phase.js";
import { freshEmbeddedDb, type TestDb } from "../support/db.js";

let t: TestDb;
let clientId: string;
beforeAll(async () => {
  t = await freshEmbeddedDb();
  const team = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
  const coach = await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
  const client = await t.db.prisma.client.create({ data: { name: "Jan", coachId: coach.id, createdAt: new Date("2026-10-01T09:00:00Z") } });
  clientId = client.id;
});
afterAll(() => t.cleanup());

describe("trajectory phases", () => {
  it("a new client starts as REFERRED; each move is one PhaseChange; the same move twice changes nothing", async () => {
    expect((await t.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).phase).toBe("REFERRED");
    const at = new Date("2026-10-05T10:00:00Z");
    expect(await t.db.prisma.$transaction((tx) => movePhase(tx, { clientId, to: "FIRST_CONTACT", actor: { kind: "CLIENT" }, now: at }))).toBe("REFERRED");
    expect(await t.db.prisma.$transaction((tx) => movePhase(tx, { clientId, to: "FIRST_CONTACT", actor: { kind: "CLIENT" }, now: at }))).toBeNull();
    const rows = await t.db.prisma.phaseChange.findMany({ where: { clientId } });
    expect(rows.map((r) => [r.from, r.phase, r.actorKind])).toEqual([["REFERRED", "FIRST_CONTACT", "CLIENT"]]);
    const client = await t.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    expect([client.phase, client.phaseSince.toISOString()]).toEqual(["FIRST_CONTACT", at.toISOString()]);
  });

  it("a guarded move happens only from the phases named", async () => {
    const now = new Date("2026-10-10T10:00:00Z");
    expect(await t.db.prisma.$transaction((tx) => movePhase(tx, { clientId, to: "DOING", actor: { kind: "SYSTEM" }, now, onlyFrom: ["GOAL_AND_PLAN", "CLARIFYING"] }))).toBeNull();
    expect(await t.db.prisma.$transaction((tx) => movePhase(tx, { clientId, to: "GOAL_AND_PLAN", actor: { kind: "SYSTEM" }, now }))).toBe("FIRST_CONTACT");
    expect(await t.db.prisma.$transaction((tx) => movePhase(tx, { clientId, to: "DOING", actor: { kind: "SYSTEM" }, now: new Date("2026-10-20T10:00:00Z"), onlyFrom: ["GOAL_AND_PLAN", "CLARIFYING"] }))).toBe("GOAL_AND_PLAN");
  });

  it("the phase at a past moment comes from the moves", async () => {
    const phase = (iso: string) => t.db.prisma.$transaction((tx) => phaseAt(tx, clientId, new Date(iso)));
    expect(await phase("2026-09-30T00:00:00Z")).toBeNull();
    expect(await phase("2026-10-02T00:00:00Z")).toBe("REFERRED");
    expect(await phase("2026-10-06T00:00:00Z")).toBe("FIRST_CONTACT");
    expect(await phase("2026-10-15T00:00:00Z")).toBe("GOAL_AND_PLAN");
    expect(await phase("2026-11-01T00:00:00Z")).toBe("DOING");
  });
});
