/**
 * `clients list` and `clients show`: found by invite name or chosen name (any case), an
 * ambiguous name gives a list to choose from, and every show is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsList, clientsShow } from "../../src/cli/clients.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";

let t: EmbeddedTestDb;
beforeAll(async () => {
  t = await freshEmbeddedDb();
  const p = t.db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam" } });
  const ahmed = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
  const fleur = await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH" } });
  const sam = await p.client.create({ data: { name: "Samira", callName: "Sam", coachId: ahmed.id, status: "ACTIVE" } });
  await p.client.create({ data: { name: "Samira", coachId: fleur.id, status: "INVITED" } });
  await p.scaleScore.create({ data: { clientId: sam.id, kind: "CONFIDENCE", score: 7 } });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("koers clients", () => {
  it("list shows status and last scores, per coach when asked", async () => {
    const all = await clientsList(t.db);
    // A header that says whose data it is and that the view is audited, then a line per client.
    expect(all.split("\n")).toHaveLength(3);
    expect(all.split("\n")[0]).toBe("All clients (2); this view is in the audit log.");
    const rows = await t.db.prisma.auditEvent.findMany({ where: { action: "caseload.viewed", actorKind: "ADMIN" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.detail).toEqual({ via: "cli.list", why: "administration" });
    const ahmed = await clientsList(t.db, "Ahmed");
    expect(ahmed).toMatch(/Sam \(Samira\), coach Ahmed, active, last contact never, last scores: confidence 7$/);
  });

  it("show by chosen name prints the file and audits it; an ambiguous invite name gives a list", async () => {
    // Without a reason nothing is shown (and nothing audited).
    await expect(clientsShow(t.db, "sam")).rejects.toThrow("Say why you open this file: --reason vervanging|crisis|overdracht");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed" } })).toBe(0);
    const text = await clientsShow(t.db, "sam", new Date(), "vervanging");
    expect(text.split("\n")[0]).toBe("Dossier van Sam");
    expect(text.split("\n")[2]).toBe("Je opent dit dossier als vervanger van de coach. Dat staat in het logboek: wie, wat en waarom.");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", detail: { path: ["why"], equals: "vervanging" } } })).toBe(1);
    expect(text).toContain("== Cijfers: vertrouwen");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", detail: { path: ["via"], equals: "cli.show" } } })).toBe(1);
    const list = await clientsShow(t.db, "Samira", new Date(), "crisis");
    expect(list.split("\n")[0]).toBe('2 clients match "Samira"; show one by id:');
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed" } })).toBe(1);
    await expect(clientsShow(t.db, "Nobody", new Date(), "crisis")).rejects.toThrow('No client called "Nobody"');
  });
});
