import { describe, expect, test } from "vitest";
import type { Database } from "../../src/db/client.js";
import {
  cancelPending,
  deleteFinished,
  deleteFinishedBefore,
  enqueue,
  enqueueOnce,
  enqueueOrRevive,
  insertOnce,
  insertOnceSql,
  leaseQueue,
  markStarted,
  reschedule,
  revivePending,
  setPayload,
} from "../../src/db/queue.js";
import { backends, useDb } from "../support/db.js";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

async function seedClient(db: Database): Promise<string> {
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team" } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: "U1" } });
  const client = await db.prisma.client.create({ data: { name: "Samira", coachId: coach.id, telegramChatId: 77n, status: "ACTIVE" } });
  return client.id;
}

const job = (db: Database, key: string) => db.prisma.job.findUniqueOrThrow({ where: { idempotencyKey: key } });

describe.each(backends)("the job queue on %s", (_name, fresh, available) => {
  const db = useDb(fresh);

  test.skipIf(!available)("enqueue writes a new key and fails on a used one; enqueueOnce and insertOnce keep the first", async () => {
    const d = await db();
    const clientId = await seedClient(d);
    await enqueue(d.prisma, { kind: "k.a", payload: { n: 1 }, idempotencyKey: "a", clientId, dueAt: later(1000) });
    expect(await job(d, "a")).toMatchObject({ kind: "k.a", payload: { n: 1 }, clientId, dueAt: later(1000), priority: 0, status: "PENDING" });
    await expect(enqueue(d.prisma, { kind: "k.a", payload: { n: 2 }, idempotencyKey: "a" })).rejects.toThrow();

    await enqueueOnce(d.prisma, { kind: "k.b", payload: { messages: [{ key: "x" }] }, idempotencyKey: "b", clientId, priority: 1 });
    await enqueueOnce(d.prisma, { kind: "k.b", payload: { messages: [{ key: "y" }] }, idempotencyKey: "b", clientId });
    expect(await job(d, "b")).toMatchObject({ payload: { messages: [{ key: "x" }] }, priority: 1 });

    await insertOnce(d.prisma, { kind: "k.c", payload: { nudgeId: "n1" }, idempotencyKey: "c", dueAt: later(5000), priority: 1 });
    await insertOnce(d.prisma, { kind: "k.c", payload: { nudgeId: "n2" }, idempotencyKey: "c", dueAt: later(9000) });
    expect(await job(d, "c")).toMatchObject({ payload: { nudgeId: "n1" }, clientId: null, dueAt: later(5000), priority: 1 });
  });

  test.skipIf(!available)("enqueueOrRevive brings back a cancelled key only, with its new time and payload and attempts reset", async () => {
    const d = await db();
    const clientId = await seedClient(d);
    const args = { kind: "reminder.step", idempotencyKey: "r", clientId };
    await enqueueOrRevive(d.prisma, { ...args, payload: { v: 1 }, dueAt: later(1000) });
    await enqueueOrRevive(d.prisma, { ...args, payload: { v: 2 }, dueAt: later(2000) });
    expect(await job(d, "r")).toMatchObject({ payload: { v: 1 }, dueAt: later(1000) });
    await d.prisma.$transaction((tx) => cancelPending(tx, { clientId }));
    await d.sql.query(`UPDATE "Job" SET attempts = 3, "lastError" = 'x' WHERE "idempotencyKey" = 'r'`);
    await enqueueOrRevive(d.prisma, { ...args, payload: { v: 3 }, dueAt: later(3000) });
    expect(await job(d, "r")).toMatchObject({ status: "PENDING", payload: { v: 3 }, dueAt: later(3000), attempts: 0, lastError: null });
    await d.sql.query(`UPDATE "Job" SET status = 'DONE' WHERE "idempotencyKey" = 'r'`);
    await enqueueOrRevive(d.prisma, { ...args, payload: { v: 4 }, dueAt: later(4000) });
    expect(await job(d, "r")).toMatchObject({ status: "DONE", payload: { v: 3 } });
  });

  test.skipIf(!available)("reschedule, setPayload and markStarted change one job", async () => {
    const d = await db();
    await enqueue(d.prisma, { kind: "k", payload: { a: 1 }, idempotencyKey: "one", dueAt: later(0) });
    await enqueue(d.prisma, { kind: "k", payload: { a: 1 }, idempotencyKey: "two", dueAt: later(0) });
    const one = await job(d, "one");
    await reschedule(d.prisma, one.id, later(60_000), { a: 2 });
    expect(await job(d, "one")).toMatchObject({ dueAt: later(60_000), payload: { a: 2 } });
    await setPayload(d.prisma, one.id, { a: 3, answer: "done" });
    await markStarted(d.prisma, one.id.toString());
    expect((await job(d, "one")).payload).toEqual({ a: 3, answer: "done", started: true });
    expect(await job(d, "two")).toMatchObject({ dueAt: later(0), payload: { a: 1 } });
  });

  test.skipIf(!available)("cancelPending cancels what the filter names and nothing else, and counts it; revivePending and deleteFinished", async () => {
    const d = await db();
    const clientId = await seedClient(d);
    const put = (key: string, kind: string, extra: { priority?: number; dueAt?: Date; clientId?: string | null } = {}) =>
      enqueue(d.prisma, { kind, payload: {}, idempotencyKey: key, clientId, dueAt: T0, ...extra });
    await put("send0", "telegram.send");
    await put("send1", "telegram.send", { priority: 1 });
    await put("resume", "conversation.resume", { dueAt: later(3_600_000) });
    await put("remind", "reminder.step");
    await put("nudge", "coach.nudge", { clientId: null });
    const status = async () => Object.fromEntries((await d.prisma.job.findMany()).map((j) => [j.idempotencyKey, j.status]));

    expect(await cancelPending(d.prisma, { clientId, kinds: ["telegram.send"], priority: 0 })).toBe(1);
    expect(await status()).toMatchObject({ send0: "CANCELLED", send1: "PENDING" });
    expect(await cancelPending(d.prisma, { idempotencyKey: "resume" })).toBe(1);
    expect(await cancelPending(d.prisma, { clientId, exceptKind: "telegram.send" })).toBe(1);
    expect(await status()).toEqual({ send0: "CANCELLED", send1: "PENDING", resume: "CANCELLED", remind: "CANCELLED", nudge: "PENDING" });

    await revivePending(d.prisma, ["resume", "remind"], { dueAfter: later(60_000), anyTime: [] });
    expect(await status()).toMatchObject({ resume: "PENDING", remind: "CANCELLED" });
    await revivePending(d.prisma, ["remind"], { dueAfter: later(60_000), anyTime: ["remind"] });
    expect(await status()).toMatchObject({ remind: "PENDING" });

    expect(await cancelPending(d.prisma, { clientId })).toBe(3);
    await d.sql.query(`UPDATE "Job" SET status = 'DONE' WHERE "idempotencyKey" = 'send1'`);
    await deleteFinished(d.prisma, clientId);
    expect(await status()).toEqual({ nudge: "PENDING" });
  });

  test.skipIf(!available)("deleteFinishedBefore deletes finished jobs before one time and dead ones before another", async () => {
    const d = await db();
    const day = 86_400_000;
    for (const [key, status, dueAt] of [
      ["done-old", "DONE", later(-10 * day)],
      ["done-new", "DONE", later(-1 * day)],
      ["dead-old", "DEAD", later(-40 * day)],
      ["dead-new", "DEAD", later(-10 * day)],
      ["pending-old", "PENDING", later(-40 * day)],
    ] as const) {
      await enqueue(d.prisma, { kind: "k", payload: {}, idempotencyKey: key, dueAt });
      await d.sql.query(`UPDATE "Job" SET status = $2::"JobStatus" WHERE "idempotencyKey" = $1`, [key, status]);
    }
    expect(await deleteFinishedBefore(d.sql, later(-7 * day), later(-30 * day))).toBe(2);
    expect((await d.prisma.job.findMany({ orderBy: { idempotencyKey: "asc" } })).map((j) => j.idempotencyKey)).toEqual(["dead-new", "done-new", "pending-old"]);
  });

  test.skipIf(!available)("insertOnceSql: the fast path's row, none for a NULL payload, once per key", async () => {
    const d = await db();
    const clientId = await seedClient(d);
    const sql = `${insertOnceSql("telegram.send", { payload: "$1", clientId: "$2", key: "$3", priority: "$4" })}`;
    await d.sql.query(sql, [null, clientId, "fast:0", 0]);
    await d.sql.query(sql, [JSON.stringify({ n: 1 }), clientId, "fast:1", 1]);
    await d.sql.query(sql, [JSON.stringify({ n: 2 }), clientId, "fast:1", 0]);
    const rows = await d.prisma.job.findMany();
    expect(rows.map((j) => [j.kind, j.idempotencyKey, j.payload, j.priority, j.clientId])).toEqual([["telegram.send", "fast:1", { n: 1 }, 1, clientId]]);
  });

  test.skipIf(!available)("the lease: claim takes due jobs by priority, and every later write is fenced by the worker", async () => {
    const d = await db();
    const clientId = await seedClient(d);
    await enqueue(d.prisma, { kind: "k", payload: {}, idempotencyKey: "low", clientId, dueAt: later(-2000) });
    await enqueue(d.prisma, { kind: "u", payload: {}, idempotencyKey: "high", clientId, dueAt: later(-1000), priority: 1 });
    await enqueue(d.prisma, { kind: "k", payload: {}, idempotencyKey: "future", dueAt: later(86_400_000) });
    const a = leaseQueue(d.sql, "worker-a", 60);
    const b = leaseQueue(d.sql, "worker-b", 60);
    const claimed = await a.claim(10, T0);
    expect(claimed.map((r) => [r.idempotencyKey, r.attempts, r.recovered])).toEqual([["high", 1, false], ["low", 1, false]]);
    expect(await b.claim(10, T0)).toEqual([]);
    const [high, low] = claimed.map((r) => r.id) as [string, string];

    expect(await b.savePayload(high, { x: 1 })).toBe(false);
    expect(await a.savePayload(high, { x: 1 })).toBe(true);
    expect(await a.done(high, T0, { y: 2 })).toBe(true);
    expect(await job(d, "high")).toMatchObject({ status: "DONE", doneAt: T0, payload: { x: 1, y: 2 }, lockedBy: null, lockedUntil: null });
    expect(await a.done(high, T0)).toBe(false);

    // Not counted: the attempt is given back, or (holding back) one more attempt is allowed.
    expect(await a.later(low, later(1000))).toBe(true);
    expect(await job(d, "low")).toMatchObject({ status: "PENDING", attempts: 0, maxAttempts: 8, dueAt: later(1000) });
    await a.claim(10, later(1000));
    expect(await a.later(low, later(2000), true)).toBe(true);
    expect(await job(d, "low")).toMatchObject({ attempts: 1, maxAttempts: 9 });
    await a.claim(10, later(2000));
    expect(await a.retry(low, later(3000), "rate limited", { notCountedHoldingBack: true })).toBe(true);
    expect(await job(d, "low")).toMatchObject({ status: "PENDING", attempts: 2, maxAttempts: 10, lastError: "rate limited" });
    await a.claim(10, later(3000));
    expect(await a.retry(low, later(4000), "boom")).toBe(true);
    expect(await job(d, "low")).toMatchObject({ status: "PENDING", attempts: 3, maxAttempts: 10, lastError: "boom", dueAt: later(4000) });

    // A lease that ran out: another worker takes the job over, and the first one's writes are refused.
    await a.claim(10, later(4000));
    const taken = await b.claim(10, later(4000 + 61_000));
    expect(taken.map((r) => [r.idempotencyKey, r.recovered, r.attempts])).toEqual([["low", true, 5]]);
    expect(await a.dead(low, "late")).toBe(false);
    expect(await b.dead(low, "gave up")).toBe(true);
    expect(await job(d, "low")).toMatchObject({ status: "DEAD", lastError: "gave up", lockedBy: null });
  });
});
