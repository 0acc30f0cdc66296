/**
 * `koers ladder --client <name or id> --rung N [--coach <name>]`: recorded as the coach (who must
 * be the client's coach or of the same team) or as ADMIN, audited; a bad rung, an unknown or
 * ambiguous client and a coach of another team are refused; `clients show` lists the rungs with
 * their source.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsShow } from "../../src/cli/clients.js";
import { LadderUsageError, recordLadderFromCli } from "../../src/cli/ladder.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";

let t: EmbeddedTestDb;
let samId = "";
let ahmedId = "";
beforeAll(async () => {
  t = await freshEmbeddedDb();
  const p = t.db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam" } });
  const other = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Zuid" } });
  ahmedId = (await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } })).id;
  await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH" } });
  await p.member.create({ data: { organisationId: other.id, name: "Karin", role: "COACH" } });
  samId = (await p.client.create({ data: { name: "Samira", callName: "Sam", coachId: ahmedId, status: "ACTIVE" } })).id;
  await p.client.create({ data: { name: "Joost", coachId: ahmedId, status: "ACTIVE" } });
  await p.client.create({ data: { name: "Joost", coachId: ahmedId, status: "INVITED" } });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("koers ladder", () => {
  it("records the rung as the coach or as ADMIN, audited, and clients show lists it with its source", async () => {
    expect(await recordLadderFromCli(t.db, { client: "sam", rung: "3", coach: "Ahmed" }, new Date("2026-11-02T10:00:00Z"))).toBe("Sam: rung 3 (doet mee aan georganiseerde activiteiten) recorded by Ahmed.");
    expect(await recordLadderFromCli(t.db, { client: "Fleur", rung: "4", coach: "Fleur" }).catch((e: Error) => e.message)).toBe('No client "Fleur" (invite name, chosen name or id).');
    expect(await recordLadderFromCli(t.db, { client: samId, rung: "4", coach: "Fleur" }, new Date("2026-11-09T10:00:00Z"))).toContain("recorded by Fleur");
    expect(await recordLadderFromCli(t.db, { client: "Samira", rung: "5" }, new Date("2026-11-16T10:00:00Z"))).toBe("Sam: rung 5 (betaald werk met ondersteuning) recorded.");
    const rows = await t.db.prisma.ladderRung.findMany({ where: { clientId: samId }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.rung, r.source, r.memberId === ahmedId])).toEqual([[3, "COACH", true], [4, "COACH", false], [5, "COACH", false]]);
    expect(rows[2]?.memberId).toBeNull();
    const audits = await t.db.prisma.auditEvent.findMany({ where: { action: "ladder.recorded" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorKind, a.detail])).toEqual([
      ["COACH", { rung: 3, via: "cli" }],
      ["COACH", { rung: 4, via: "cli" }],
      ["ADMIN", { rung: 5, via: "cli" }],
    ]);
    const file = await clientsShow(t.db, "sam", new Date("2026-12-01T10:00:00Z"), "vervanging");
    expect(file).toContain(
      ["== Participatieladder", "• 3 · doet mee aan georganiseerde activiteiten · coach Ahmed · 2 nov", "• 4 · onbetaald werk of vrijwilligerswerk · coach Fleur · 9 nov", "• 5 · betaald werk met ondersteuning · beheerder (CLI) · 16 nov"].join("\n"),
    );
  });

  it("refuses a rung that is no rung, an ambiguous client and a coach of another team", async () => {
    for (const rung of ["0", "7", "3.5", "drie", ""]) await expect(recordLadderFromCli(t.db, { client: "sam", rung })).rejects.toThrow(LadderUsageError);
    await expect(recordLadderFromCli(t.db, { client: "Joost", rung: "2" })).rejects.toThrow(/2 clients match "Joost"; use the id/);
    await expect(recordLadderFromCli(t.db, { client: "sam", rung: "2", coach: "Karin" })).rejects.toThrow(`"Karin" is not Sam's coach, nor a coach of the same team.`);
    expect(await t.db.prisma.ladderRung.count({ where: { rung: 2 } })).toBe(0);
  });
});
