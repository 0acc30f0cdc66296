import { describe, expect, it } from "vitest";
import { deleteOldJobs } from "../../src/jobs/retention.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";

describe("job retention", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("deletes finished jobs after a week and dead ones after a month, and keeps what still waits", async () => {
    const db = await freshDb();
    const now = new Date("2026-11-23T03:15:00Z");
    const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600 * 1000);
    const rows: [string, "DONE" | "CANCELLED" | "DEAD" | "PENDING", Date][] = [
      ["old-done", "DONE", daysAgo(8)],
      ["new-done", "DONE", daysAgo(2)],
      ["old-cancelled", "CANCELLED", daysAgo(9)],
      ["dead-10", "DEAD", daysAgo(10)],
      ["dead-40", "DEAD", daysAgo(40)],
      ["old-pending", "PENDING", daysAgo(20)],
    ];
    for (const [key, status, at] of rows) {
      await db.prisma.job.create({
        data: { kind: "telegram.send", payload: {}, idempotencyKey: key, status, dueAt: at, doneAt: status === "DONE" ? at : null },
      });
    }
    expect(await deleteOldJobs(db, now)).toBe(3);
    const left = (await db.prisma.job.findMany({ orderBy: { idempotencyKey: "asc" } })).map((j) => j.idempotencyKey);
    expect(left).toEqual(["dead-10", "new-done", "old-pending"]);
  });
});
