/**
 * Conversation texts are deleted a configurable time (TEXT_RETENTION_MONTHS, default 12) after a
 * client stopped or the coaching closed, by the recurring `texts.cleanup` job; a fake clock moves
 * time on. The client row, consents and audit log stay; crisis alerts lose only the words.
 */
import { describe, expect, it } from "vitest";
import { recurringJobs } from "../../src/jobs/index.js";
import { silentLogger } from "../../src/log.js";
import { onboardedClient, seedGoal } from "../support/coaching.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";

describe("retention of conversation texts", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("clears stopped and closed clients' texts after the configured months, and nobody else's", async () => {
    const db = await freshDb();
    const start = new Date("2026-01-10T10:00:00Z");
    const make = async (chatId: number, status: "ACTIVE" | "STOPPED" | "CLOSED") => {
      const c = await onboardedClient(db, { chatId, now: start });
      await seedGoal(db, c.clientId, { text: `Doel van ${chatId}`, steps: [{ what: "Een stap" }] });
      await db.prisma.scaleScore.create({ data: { clientId: c.clientId, kind: "WELLBEING", score: 4, note: "slecht geslapen", at: start } });
      await db.prisma.flowRun.create({ data: { clientId: c.clientId, flowId: "checkin", snapshot: { answers: ["het gaat wel"] }, status: "DONE", machineVersion: 1 } });
      await db.sql.query(`UPDATE "Client" SET status = $2, "updatedAt" = $3, "lastClientMessageAt" = $3 WHERE id = $1::uuid`, [c.clientId, status, start]);
      return c.clientId;
    };
    const stopped = await make(9_901, "STOPPED");
    const closed = await make(9_902, "CLOSED");
    const active = await make(9_903, "ACTIVE");
    const textsOf = async (clientId: string) => ({
      goals: await db.prisma.goal.count({ where: { clientId } }),
      runs: await db.prisma.flowRun.count({ where: { clientId } }),
      notes: await db.prisma.scaleScore.count({ where: { clientId, note: { not: null } } }),
      scores: await db.prisma.scaleScore.count({ where: { clientId } }),
    });
    const kept = { goals: 1, runs: 1, notes: 1, scores: 1 };
    const cleared = { goals: 0, runs: 0, notes: 0, scores: 1 };

    const job = (months?: number) => recurringJobs(14, months).find((r) => r.kind === "texts.cleanup")!;
    const runAt = (at: Date, months?: number) =>
      job(months).run({ db, now: () => at, logger: silentLogger(), savePayload: () => Promise.resolve() });

    // Eleven months on: nothing is deleted with the default of 12.
    expect(await runAt(new Date("2026-12-10T03:35:00Z"))).toBe(0);
    for (const id of [stopped, closed, active]) expect(await textsOf(id)).toEqual(kept);
    // With TEXT_RETENTION_MONTHS=6 the stopped and closed clients are cleared, the active one not.
    expect(await runAt(new Date("2026-12-10T03:35:00Z"), 6)).toBe(2);
    expect(await textsOf(stopped)).toEqual(cleared);
    expect(await textsOf(closed)).toEqual(cleared);
    expect(await textsOf(active)).toEqual(kept);
    // Thirteen months on with the default: nothing left to do, and the client rows stay.
    expect(await runAt(new Date("2027-02-11T03:35:00Z"))).toBe(0);
    expect(await db.prisma.client.count({ where: { id: { in: [stopped, closed, active] } } })).toBe(3);
    expect(job().next(new Date("2027-02-11T12:00:00Z")).toISOString()).toBe("2027-02-12T02:35:00.000Z");
  });

  it("uses the default of 12 months", async () => {
    const db = await freshDb();
    const c = await onboardedClient(db, { chatId: 9_911 });
    await seedGoal(db, c.clientId, { text: "Werk", steps: [] });
    const at = new Date("2025-01-01T10:00:00Z");
    await db.sql.query(`UPDATE "Client" SET status = 'STOPPED', "updatedAt" = $2, "lastClientMessageAt" = $2 WHERE id = $1::uuid`, [c.clientId, at]);
    const run = (now: string) => recurringJobs(14).find((r) => r.kind === "texts.cleanup")!.run({ db, now: () => new Date(now), logger: silentLogger(), savePayload: () => Promise.resolve() });
    expect(await run("2025-12-31T10:00:00Z")).toBe(0);
    expect(await run("2026-01-02T10:00:00Z")).toBe(1);
    expect(await db.prisma.goal.count({ where: { clientId: c.clientId } })).toBe(0);
  });
});
