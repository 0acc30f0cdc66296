/**
 * The database side of test/well-formed.test.ts: a lone UTF-16 surrogate is refused by PGlite and
 * Prisma ("JSON Error"), and what wellFormed() makes of it is stored.
 */
import { describe, expect, it } from "vitest";
import { wellFormed } from "../../src/well-formed.js";
import { freshEmbeddedDb } from "../support/db.js";

describe("well-formed strings in the database", () => {
  it("is what PGlite and Prisma store, where the raw string is refused", async () => {
    const t = await freshEmbeddedDb();
    try {
      const p = t.db.prisma;
      const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Team" } });
      const raw = "Sam \ud800";
      await expect(p.member.create({ data: { organisationId: team.id, name: raw, role: "COACH" } })).rejects.toThrow(/JSON Error/);
      const saved = await p.member.create({ data: { organisationId: team.id, name: wellFormed(raw), role: "COACH" } });
      expect(saved.name).toBe("Sam \ufffd");
    } finally {
      await t.cleanup();
    }
  });
});
