/**
 * The plain SQL runner's transactions (src/db/client.ts): on PostgreSQL BEGIN goes out with the
 * first statement and COMMIT with `queryAndCommit`'s, pipelined. Still one transaction: all of it
 * or nothing, and a row lock held until it ends.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { lockChatClientRow } from "../../src/db/locks.js";
import { backends, useDb } from "../support/db.js";
import { gate } from "../support/gate.js";

async function seed(db: Database, chatId: number): Promise<string> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `Team ${chatId}` } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: `U${chatId}` } });
  const client = await db.prisma.client.create({ data: { name: "Samira", coachId: coach.id, telegramChatId: BigInt(chatId), status: "ACTIVE" } });
  return client.id;
}

const RENAME = `UPDATE "Client" SET "callName" = $2 WHERE id = $1::uuid RETURNING "callName"`;
const callName = async (db: Database, id: string) => (await db.prisma.client.findUniqueOrThrow({ where: { id } })).callName;

/** A transaction that fails (with `error`, as `toThrow` reads it), after which the client is called `left`. */
async function expectFails(db: Database, id: string, left: string | null, error: string | RegExp | undefined, fn: Parameters<Database["sql"]["transaction"]>[0]): Promise<void> {
  await expect(db.sql.transaction(fn)).rejects.toThrow(error);
  expect(await callName(db, id)).toBe(left);
}

describe.each(backends)("plain SQL transactions on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("commit what ran before queryAndCommit and its own statement, and return its rows", async () => {
    const db = await freshDb();
    const id = await seed(db, 7001);
    const rows = await db.sql.transaction(async (sql) => {
      expect((await lockChatClientRow(sql, 7001))?.id).toBe(id);
      await sql.query(RENAME, [id, "Sam"]);
      return sql.queryAndCommit<{ callName: string }>(`UPDATE "Client" SET "callName" = "callName" || $2 WHERE id = $1::uuid RETURNING "callName"`, [id, "!"]);
    });
    expect(rows).toEqual([{ callName: "Sam!" }]);
    expect(await callName(db, id)).toBe("Sam!");
    // queryAndCommit as the only statement, and a transaction with no statement at all.
    await db.sql.transaction((sql) => sql.queryAndCommit(RENAME, [id, "Sammie"]));
    expect(await db.sql.transaction(async () => 42)).toBe(42);
    expect(await callName(db, id)).toBe("Sammie");
  });

  it.runIf(available)("roll everything back when queryAndCommit's statement fails, or when fn throws", async () => {
    const db = await freshDb();
    const id = await seed(db, 7002);
    await expectFails(db, id, null, undefined, async (sql) => {
      await sql.query(RENAME, [id, "Sam"]);
      await sql.queryAndCommit(`UPDATE "Client" SET status = 'NO SUCH STATUS' WHERE id = $1::uuid`, [id]);
    });
    await expectFails(db, id, null, "changed my mind", async (sql) => {
      await sql.query(RENAME, [id, "Sam"]);
      throw new Error("changed my mind");
    });
    // A failure fn caught still aborted the transaction: the commit says so and nothing is kept.
    await expectFails(db, id, null, undefined, async (sql) => {
      await sql.query(RENAME, [id, "Sam"]);
      await sql.query(`SELECT 1/0`).catch(() => undefined);
      await sql.queryAndCommit(RENAME, [id, "Sammie"]);
    });
    // The runner's connection works as before afterwards.
    await db.sql.transaction((sql) => sql.queryAndCommit(RENAME, [id, "Sam"]));
    expect(await callName(db, id)).toBe("Sam");
  });

  it.runIf(available)("refuse a statement after queryAndCommit", async () => {
    const db = await freshDb();
    const id = await seed(db, 7003);
    await expectFails(db, id, "Sam", /no statement can follow/, async (sql) => {
      await sql.queryAndCommit(RENAME, [id, "Sam"]);
      await sql.query(RENAME, [id, "Sammie"]);
    });
  });

  it.runIf(available)("hold the client's row lock until the commit: a second transaction waits and then reads what the first wrote", async () => {
    const db = await freshDb();
    const id = await seed(db, 7004);
    const order: string[] = [];
    // The first holds the lock until released; the second starts once the first holds it.
    const released = gate();
    const locked = gate();
    const one = db.sql.transaction(async (sql) => {
      await lockChatClientRow(sql, 7004);
      order.push("one locked");
      locked.open();
      await released.opened;
      order.push("one commits");
      await sql.queryAndCommit(RENAME, [id, "Sam"]);
    });
    await locked.opened;
    const two = db.sql.transaction(async (sql) => {
      await lockChatClientRow(sql, 7004);
      order.push("two locked");
      const [row] = await sql.query<{ callName: string | null }>(`SELECT "callName" FROM "Client" WHERE id = $1::uuid`, [id]);
      await sql.queryAndCommit(RENAME, [id, `${row?.callName ?? "nobody"} too`]);
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(order).toEqual(["one locked"]);
    released.open();
    await Promise.all([one, two]);
    expect(order).toEqual(["one locked", "one commits", "two locked"]);
    expect(await callName(db, id)).toBe("Sam too");
  });
});
