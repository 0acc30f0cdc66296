import { describe, expect, onTestFinished, test } from "vitest";
import type { Database } from "../../src/db/client.js";
import { lockChatClientRow, lockClient, lockClientByChat, lockClientById, lockJob, lockJobPayload, lockNudge, lockReferral, lockRow } from "../../src/db/locks.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, type TestDb } from "../support/db.js";
import { gate } from "../support/gate.js";

async function use(made: Promise<TestDb>): Promise<Database> {
  const t = await made;
  onTestFinished(() => t.cleanup());
  return t.db;
}

async function seed(db: Database, chatId: number): Promise<string> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `Team ${chatId}` } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: `U${chatId}` } });
  const client = await db.prisma.client.create({ data: { name: "Samira", coachId: coach.id, telegramChatId: BigInt(chatId), status: "ACTIVE" } });
  return client.id;
}

describe("row locks (embedded PGlite)", () => {
  test("each lock reads the row it locks, or nothing when there is none", async () => {
    const db = await use(freshEmbeddedDb());
    const id = await seed(db, 4242);
    const job = await db.prisma.job.create({ data: { kind: "test.kind", payload: { n: 1 }, idempotencyKey: "test.kind:1", clientId: id } });
    await db.prisma.$transaction(async (tx) => {
      expect((await lockClientByChat(tx, 4242))?.id).toBe(id);
      expect(await lockClientByChat(tx, 4343)).toBeNull();
      expect((await lockClientById(tx, id))?.name).toBe("Samira");
      await lockClient(tx, id);
      expect((await lockJob(tx, job.id))?.kind).toBe("test.kind");
      expect(await lockJob(tx, 999_999n)).toBeNull();
      expect(await lockJobPayload<{ n: number }>(tx, job.id.toString())).toEqual({ n: 1 });
      expect(await lockJobPayload(tx, "999999")).toBeNull();
      expect(await lockReferral(tx, "not-a-uuid")).toBeNull();
      expect(await lockNudge(tx, "00000000-0000-4000-8000-000000000000")).toBeNull();
      await lockRow(tx, "Job", job.id.toString(), "bigint");
    });
    const row = await db.sql.transaction((sql) => lockChatClientRow(sql, 4242));
    expect(row).toMatchObject({ id, status: "ACTIVE", flooding: false, checkPending: false });
  });
});

describe.skipIf(!pgAvailable())("row locks (PostgreSQL)", () => {
  test("a locked client keeps a second transaction waiting until the first ends", async () => {
    const db = await use(freshPostgresDb());
    const id = await seed(db, 5151);
    const order: string[] = [];
    // The first holds the lock until released; the second starts once the first holds it.
    const released = gate();
    const locked = gate();
    const one = db.prisma.$transaction(async (tx) => {
      await lockClient(tx, id);
      order.push("one locked");
      locked.open();
      await released.opened;
      order.push("one done");
    });
    await locked.opened;
    const two = db.prisma.$transaction(async (tx) => {
      await lockClient(tx, id);
      order.push("two locked");
    });
    // Wait until the second really waits on the row lock.
    for (;;) {
      const [w] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`);
      if ((w?.n ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(order).toEqual(["one locked"]);
    released.open();
    await Promise.all([one, two]);
    expect(order).toEqual(["one locked", "one done", "two locked"]);
  });
});
