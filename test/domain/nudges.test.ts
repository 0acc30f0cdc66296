/**
 * Nudges (src/domain/nudges.ts) on the embedded database, one database for the file: what a new
 * nudge holds and queues, a snoozed nudge brought back by a new signal (always for a crisis), a
 * score that drops, a topic parked often, and a coach's answer from Slack. The Slack side and the
 * detectors are in test/slack/nudges.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Tx } from "../../src/db/client.js";
import {
  answerNudge,
  checkParkedOften,
  checkScoreDrop,
  NUDGE_DELIVERY,
  openNudge,
  openRequestedNudge,
  queueNudgeDelivery,
  resurfaceSnoozed,
  SNOOZE_DAYS,
} from "../../src/domain/nudges.js";
import { DAY, embeddedFile } from "../support/domain.js";
import { activeClient } from "../jobs/support.js";

const { file, clientRow } = embeddedFile();
const NOW = new Date("2027-02-01T09:00:00.000Z");

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => file.db.prisma.$transaction(fn);
const deliveries = (nudgeId: string) =>
  file.db.prisma.job.findMany({ where: { kind: NUDGE_DELIVERY, payload: { equals: { nudgeId } } }, orderBy: { id: "asc" } });

describe("openNudge", () => {
  it("says since when (now, unless the detail says otherwise) and queues one delivery that no /stop can cancel", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const opened = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "silent", now: NOW }));
    expect(opened.kind).toBe("opened");
    const nudge = await file.db.prisma.nudge.findFirstOrThrow({ where: { clientId, cause: "silent" } });
    expect(nudge).toMatchObject({ id: opened.id, coachId, status: "OPEN", openedAt: NOW, detail: { since: NOW.toISOString() } });
    const [job, ...more] = await deliveries(nudge.id);
    expect(more).toEqual([]);
    expect(job).toMatchObject({ clientId: null, dueAt: NOW, idempotencyKey: `${NUDGE_DELIVERY}:${nudge.id}:0`, status: "PENDING" });

    const earlier = "2027-01-20T08:00:00.000Z";
    await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "step_overdue", now: NOW, detail: { since: earlier, ref: "s1" } }));
    expect((await file.db.prisma.nudge.findFirstOrThrow({ where: { clientId, cause: "step_overdue" } })).detail).toEqual({ since: earlier, ref: "s1" });
  });

  it("a second signal while one is open changes nothing and queues nothing", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const first = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "unreachable", now: NOW, detail: { n: 1 } }));
    const second = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "unreachable", now: new Date(NOW.getTime() + DAY), detail: { n: 2 } }));
    expect(second).toEqual({ kind: "alreadyOpen", id: first.id });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: first.id ?? "" } })).detail).toMatchObject({ n: 1 });
    expect(await deliveries(first.id ?? "")).toHaveLength(1);
  });

  it("a snoozed nudge stays put, unless the new signal asks to bring it back: then it is open and delivered again", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const { id } = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "score_drop", now: NOW }));
    await file.db.prisma.nudge.update({ where: { id: id ?? "" }, data: { status: "SNOOZED", snoozedUntil: new Date(NOW.getTime() + 3 * DAY), notifiedAt: NOW } });
    const later = new Date(NOW.getTime() + DAY);
    expect(await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "score_drop", now: later }))).toEqual({ kind: "alreadyOpen", id });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: id ?? "" } })).status).toBe("SNOOZED");
    expect(await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "score_drop", now: later, reopenSnoozed: true }))).toEqual({ kind: "reopened", id });
    expect(await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: id ?? "" } })).toMatchObject({ status: "OPEN", snoozedUntil: null, notifiedAt: null });
    const jobs = await deliveries(id ?? "");
    expect(jobs.map((j) => [j.idempotencyKey, j.dueAt])).toEqual([
      [`${NUDGE_DELIVERY}:${id}:0`, NOW],
      [`${NUDGE_DELIVERY}:${id}:${later.getTime()}`, later],
    ]);
  });
});

describe("openRequestedNudge", () => {
  it("a crisis brings back a crisis nudge the coach put off; any other cause does not", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const crisis = await inTx((tx) => openRequestedNudge(tx, { clientId, coachId, cause: "crisis", detail: { level: "high" } }, NOW));
    const other = await inTx((tx) => openRequestedNudge(tx, { clientId, coachId, cause: "evaluation_done" }, NOW));
    await file.db.prisma.nudge.updateMany({ where: { clientId }, data: { status: "SNOOZED", snoozedUntil: new Date(NOW.getTime() + 3 * DAY) } });
    const later = new Date(NOW.getTime() + 60_000);
    expect(await inTx((tx) => openRequestedNudge(tx, { clientId, coachId, cause: "crisis" }, later))).toEqual({ kind: "reopened", id: crisis.id });
    expect(await inTx((tx) => openRequestedNudge(tx, { clientId, coachId, cause: "evaluation_done" }, later))).toEqual({ kind: "alreadyOpen", id: other.id });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: crisis.id ?? "" } })).detail).toEqual({ since: NOW.toISOString(), level: "high" });
  });
});

describe("checkScoreDrop", () => {
  const score = async (clientId: string, kind: "WELLBEING" | "MOTIVATION", value: number, at: Date) => {
    const client = await clientRow(clientId);
    await inTx(async (tx) => {
      await checkScoreDrop(tx, client, kind, value, at);
      await tx.scaleScore.create({ data: { clientId, kind, score: value, at } });
    });
  };
  const drops = (clientId: string) => file.db.prisma.nudge.findMany({ where: { clientId, cause: "score_drop" } });

  it("a first score of 3 or lower is a nudge without a previous score; a first 4 is not", async () => {
    const low = await activeClient(file.db);
    await score(low.clientId, "WELLBEING", 3, NOW);
    const [nudge] = await drops(low.clientId);
    expect(nudge?.detail).toEqual({ since: NOW.toISOString(), scale: "WELLBEING", to: 3 });
    const fine = await activeClient(file.db);
    await score(fine.clientId, "WELLBEING", 4, NOW);
    expect(await drops(fine.clientId)).toEqual([]);
  });

  it("compares with the last score of the same scale only, and a drop of one is no news", async () => {
    const { clientId } = await activeClient(file.db);
    await score(clientId, "MOTIVATION", 9, NOW);
    await score(clientId, "WELLBEING", 6, new Date(NOW.getTime() + 1000));
    await score(clientId, "MOTIVATION", 8, new Date(NOW.getTime() + 2000));
    expect(await drops(clientId)).toEqual([]);
    await score(clientId, "MOTIVATION", 6, new Date(NOW.getTime() + 3000));
    const [nudge] = await drops(clientId);
    expect(nudge?.detail).toMatchObject({ scale: "MOTIVATION", from: 8, to: 6 });
  });

  it("a score that went up is no news, even if it went up by a lot", async () => {
    const { clientId } = await activeClient(file.db);
    await score(clientId, "WELLBEING", 4, NOW);
    await score(clientId, "WELLBEING", 9, new Date(NOW.getTime() + 1000));
    expect(await drops(clientId)).toEqual([]);
  });
});

describe("checkParkedOften", () => {
  let n = 0;
  const run = (clientId: string, flowId: string, status: "DONE" | "PARKED" | "ABORTED", outcome: object | null) =>
    file.db.prisma.flowRun.create({
      data: { clientId, flowId, machineVersion: 1, snapshot: {}, status, ...(outcome ? { outcome } : {}), createdAt: new Date(NOW.getTime() + ++n * 1000) },
    });
  const check = async (clientId: string, flowId: string, at = NOW) => {
    const client = await clientRow(clientId);
    await inTx((tx) => checkParkedOften(tx, client, flowId, at));
    return file.db.prisma.nudge.findMany({ where: { clientId, cause: "parked_often" }, orderBy: { openedAt: "asc" } });
  };

  it("counts the parks of this topic since it was last finished, across runs; the third tells the coach", async () => {
    const { clientId } = await activeClient(file.db);
    await run(clientId, "grow", "PARKED", { state: "parked", context: {}, parks: 1 });
    await run(clientId, "grow", "DONE", { state: "done", context: {}, parks: 0 });
    await run(clientId, "grow", "PARKED", { state: "parked", context: {}, parks: 1 });
    await run(clientId, "miracle", "PARKED", { state: "parked", context: {}, parks: 2 });
    await run(clientId, "grow", "PARKED", { state: "parked", context: {}, parks: 1 });
    // Two parks of grow since it was finished (the one before does not count), two of another topic.
    expect(await check(clientId, "grow")).toEqual([]);
    await run(clientId, "grow", "PARKED", { state: "parked", context: {}, parks: 1 });
    const [nudge] = await check(clientId, "grow");
    expect(nudge?.detail).toEqual({ since: NOW.toISOString(), flow: "grow", count: 3, ref: "grow:1" });
  });

  it("a run parked and picked up again counts each of its parks; a run without an outcome (no consent) none", async () => {
    const { clientId } = await activeClient(file.db);
    await run(clientId, "scaling", "DONE", null);
    await run(clientId, "scaling", "PARKED", { state: "parked", context: {}, parks: 2 });
    expect(await check(clientId, "scaling")).toEqual([]);
    await run(clientId, "scaling", "PARKED", { state: "parked", context: {}, parks: 1 });
    expect((await check(clientId, "scaling")).map((x) => x.detail)).toMatchObject([{ count: 3 }]);
  });

  it("a nudge the coach closed comes back only at the next three parks, not at every park after the third", async () => {
    const { clientId } = await activeClient(file.db);
    for (let i = 0; i < 3; i++) await run(clientId, "miracle", "PARKED", { state: "parked", context: {}, parks: 1 });
    expect(await check(clientId, "miracle")).toHaveLength(1);
    await file.db.prisma.nudge.updateMany({ where: { clientId }, data: { status: "DONE", closedAt: NOW } });
    for (let i = 4; i <= 5; i++) {
      await run(clientId, "miracle", "PARKED", { state: "parked", context: {}, parks: 1 });
      expect((await check(clientId, "miracle")).map((x) => x.status)).toEqual(["DONE"]);
    }
    await run(clientId, "miracle", "PARKED", { state: "parked", context: {}, parks: 1 });
    const nudges = await check(clientId, "miracle");
    expect(nudges.map((x) => [x.status, (x.detail as { ref: string }).ref])).toEqual([
      ["DONE", "miracle:1"],
      ["OPEN", "miracle:2"],
    ]);
  });
});

describe("resurfaceSnoozed", () => {
  it("brings back only the snoozes that ran out, each delivered once however often it runs", async () => {
    const a = await activeClient(file.db);
    const b = await activeClient(file.db);
    const due = await inTx((tx) => openNudge(tx, { clientId: a.clientId, coachId: a.coachId, cause: "silent", now: NOW }));
    const notYet = await inTx((tx) => openNudge(tx, { clientId: b.clientId, coachId: b.coachId, cause: "silent", now: NOW }));
    const until = new Date(NOW.getTime() + SNOOZE_DAYS * DAY);
    await file.db.prisma.nudge.update({ where: { id: due.id ?? "" }, data: { status: "SNOOZED", snoozedUntil: until, notifiedAt: NOW } });
    await file.db.prisma.nudge.update({ where: { id: notYet.id ?? "" }, data: { status: "SNOOZED", snoozedUntil: new Date(until.getTime() + DAY) } });
    const at = new Date(until.getTime() + 60_000);
    // Later runs of the recurring job, or a second instance, find nothing left to do.
    expect(await inTx((tx) => resurfaceSnoozed(tx, at))).toBeGreaterThanOrEqual(1);
    expect(await inTx((tx) => resurfaceSnoozed(tx, at))).toBe(0);
    expect(await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: due.id ?? "" } })).toMatchObject({ status: "OPEN", snoozedUntil: null, notifiedAt: null });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: notYet.id ?? "" } })).status).toBe("SNOOZED");
    expect((await deliveries(due.id ?? "")).map((j) => j.idempotencyKey)).toEqual([`${NUDGE_DELIVERY}:${due.id}:0`, `${NUDGE_DELIVERY}:${due.id}:resurface:${until.getTime()}`]);
  });

  it("queueNudgeDelivery queues a round once", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const { id } = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "job_failed", now: NOW }));
    await inTx((tx) => queueNudgeDelivery(tx, id ?? "", "0", new Date(NOW.getTime() + DAY)));
    await inTx((tx) => queueNudgeDelivery(tx, id ?? "", "x", NOW));
    await inTx((tx) => queueNudgeDelivery(tx, id ?? "", "x", NOW));
    expect((await deliveries(id ?? "")).map((j) => [j.idempotencyKey.split(":").at(-1), j.dueAt])).toEqual([
      ["0", NOW],
      ["x", NOW],
    ]);
  });
});

describe("answerNudge", () => {
  it("answers the nudge's own coach with the client's first name, and audits the act", async () => {
    const { clientId, coachId } = await activeClient(file.db, { name: "Samira El Amrani", callName: "Sam" });
    const { id } = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "missed_checkin", now: NOW }));
    expect(await answerNudge(file.db, { nudgeId: id ?? "", memberId: coachId, action: "contact", now: NOW })).toEqual({ kind: "ok", name: "Sam" });
    const audit = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { clientId, action: "nudge.contact" } });
    expect(audit).toMatchObject({ actorKind: "COACH", actorId: coachId, detail: { nudgeId: id, cause: "missed_checkin" } });
    expect(await answerNudge(file.db, { nudgeId: id ?? "", memberId: coachId, action: "done", now: NOW })).toEqual({ kind: "alreadyDone" });
  });

  it("refuses another coach and an unknown nudge, and changes nothing", async () => {
    const mine = await activeClient(file.db);
    const other = await activeClient(file.db);
    const { id } = await inTx((tx) => openNudge(tx, { clientId: mine.clientId, coachId: mine.coachId, cause: "silent", now: NOW }));
    expect(await answerNudge(file.db, { nudgeId: id ?? "", memberId: other.coachId, action: "done", now: NOW })).toEqual({ kind: "notYours" });
    expect(await answerNudge(file.db, { nudgeId: "00000000-0000-4000-8000-000000000000", memberId: mine.coachId, action: "done", now: NOW })).toEqual({ kind: "notFound" });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: id ?? "" } })).status).toBe("OPEN");
    expect(await file.db.prisma.auditEvent.count({ where: { clientId: mine.clientId } })).toBe(0);
  });

  it.each(["STOPPED", "CLOSED", "REFUSED"] as const)("refuses for a client who left (%s): nothing is snoozed or audited", async (status) => {
    const { clientId, coachId } = await activeClient(file.db);
    const { id } = await inTx((tx) => openNudge(tx, { clientId, coachId, cause: "silent", now: NOW }));
    await file.db.prisma.client.update({ where: { id: clientId }, data: { status } });
    expect(await answerNudge(file.db, { nudgeId: id ?? "", memberId: coachId, action: "snooze", now: NOW })).toEqual({ kind: "clientLeft" });
    expect((await file.db.prisma.nudge.findUniqueOrThrow({ where: { id: id ?? "" } })).status).toBe("OPEN");
    expect(await file.db.prisma.auditEvent.count({ where: { clientId } })).toBe(0);
  });
});
