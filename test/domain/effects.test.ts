/**
 * A flow's effects applied to the database (src/domain/effects.ts), on the embedded database, one
 * for the file: what each effect writes, what it tells the coach, which ones the engine gets back,
 * and that an id from flow input never reaches another client's goals. `forgetClient` keeps the
 * refusal and the row the coach made, and nothing of what the client told. The referral effects
 * are in test/domain/referrals/out.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Effect } from "../../flows/types.js";
import { applyEffects, FORGOTTEN_CLIENT_FIELDS, forgetClient } from "../../src/domain/effects.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient, insertJob } from "../jobs/support.js";

const file = dbForFile(freshEmbeddedDb);
const NOW = new Date("2027-02-01T09:00:00.000Z");

async function apply(clientId: string, effects: Effect[], now = NOW) {
  const client = await file.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  return file.db.prisma.$transaction((tx) => applyEffects(tx, client, effects, { now, key: "test" }));
}
const nudges = async (clientId: string) => (await file.db.prisma.nudge.findMany({ where: { clientId }, orderBy: { openedAt: "asc" } })).map((n) => n.cause);
const row = (clientId: string) => file.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });

describe("applyEffects", () => {
  it("returns what the engine must do, and does nothing else for those", async () => {
    const { clientId } = await activeClient(file.db);
    expect(await apply(clientId, [])).toEqual({ forget: false });
    expect(await apply(clientId, [{ kind: "startFlow", flowId: "grow" }, { kind: "park", resumeAt: "2027-02-03T08:00:00.000Z" }, { kind: "forgetClient" }])).toEqual({
      forget: true,
      startFlow: "grow",
      park: { resumeAt: new Date("2027-02-03T08:00:00.000Z") },
    });
    expect(await apply(clientId, [{ kind: "park" }])).toEqual({ forget: false, park: { resumeAt: null } });
    expect(await row(clientId)).toMatchObject({ status: "ACTIVE", telegramChatId: expect.any(BigInt) });
  });

  it("records a consent answer; a no or a take-back of data or coach sharing tells the coach, other subjects do not", async () => {
    const { clientId } = await activeClient(file.db);
    const at = (n: number) => new Date(NOW.getTime() + n * 1000);
    await apply(clientId, [{ kind: "consent", subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN" }], at(0));
    await apply(clientId, [{ kind: "consent", subject: "reminders", textVersion: "onboarding.reminders@1", decision: "REFUSED" }], at(1));
    await apply(clientId, [{ kind: "consent", subject: "aftercare", textVersion: "closing@1", decision: "WITHDRAWN" }], at(2));
    expect(await nudges(clientId)).toEqual([]);
    await apply(clientId, [{ kind: "consent", subject: "coach", textVersion: "consent.coach@1", decision: "WITHDRAWN" }], at(3));
    await apply(clientId, [{ kind: "consent", subject: "data", textVersion: "onboarding.consent@1", decision: "REFUSED" }], at(4));
    expect(await nudges(clientId)).toEqual(["consent_withdrawn", "consent_refused"]);
    const records = await file.db.prisma.consentRecord.findMany({ where: { clientId }, orderBy: { at: "asc" } });
    expect(records.map((r) => [r.subject, r.decision, r.textVersion, r.at])).toEqual([
      ["data", "GIVEN", "onboarding.consent@1", at(0)],
      ["reminders", "REFUSED", "onboarding.reminders@1", at(1)],
      ["aftercare", "WITHDRAWN", "closing@1", at(2)],
      ["coach", "WITHDRAWN", "consent.coach@1", at(3)],
      ["data", "REFUSED", "onboarding.consent@1", at(4)],
    ]);
  });

  it("reminders off clears the rhythm, is recorded as a refusal and cancels what was planned", async () => {
    const { clientId } = await activeClient(file.db, { daypart: "morning", everyDays: 7 });
    const pending = await insertJob(file.db, { kind: "reminder.checkin", payload: { daypart: "morning" }, clientId, dueAt: new Date(NOW.getTime() + 86_400_000) });
    await apply(clientId, [{ kind: "setReminders", wanted: false, daypart: "evening", everyDays: 3 }]);
    expect(await row(clientId)).toMatchObject({ remindersWanted: false, reminderDaypart: null, checkinEveryDays: null });
    expect((await file.db.prisma.job.findUniqueOrThrow({ where: { id: BigInt(pending) } })).status).toBe("CANCELLED");
    await apply(clientId, [{ kind: "setReminders", wanted: true, daypart: "evening", everyDays: 14 }], new Date(NOW.getTime() + 1000));
    expect(await row(clientId)).toMatchObject({ remindersWanted: true, reminderDaypart: "evening", checkinEveryDays: 14 });
    const consents = await file.db.prisma.consentRecord.findMany({ where: { clientId, subject: "reminders" }, orderBy: { at: "asc" } });
    expect(consents.map((c) => c.decision)).toEqual(["REFUSED", "GIVEN"]);
  });

  it("a call name, and activation moves a new client on to clarifying, never back from later", async () => {
    const fresh = await activeClient(file.db, { status: "ONBOARDING" });
    await file.db.prisma.client.update({ where: { id: fresh.clientId }, data: { phase: "FIRST_CONTACT" } });
    await apply(fresh.clientId, [{ kind: "setCallName", name: "Sam" }, { kind: "activateClient" }]);
    expect(await row(fresh.clientId)).toMatchObject({ callName: "Sam", status: "ACTIVE", phase: "CLARIFYING", phaseSince: NOW });
    const change = await file.db.prisma.phaseChange.findFirstOrThrow({ where: { clientId: fresh.clientId } });
    expect(change).toMatchObject({ from: "FIRST_CONTACT", phase: "CLARIFYING", actorKind: "CLIENT", actorId: fresh.clientId });

    const later = await activeClient(file.db, { status: "PAUSED" });
    await file.db.prisma.client.update({ where: { id: later.clientId }, data: { phase: "EVALUATION" } });
    await apply(later.clientId, [{ kind: "activateClient" }]);
    expect(await row(later.clientId)).toMatchObject({ status: "ACTIVE", phase: "EVALUATION" });
  });

  it("a goal is saved with its steps and moves the client to doing, unless they are further on", async () => {
    const { clientId } = await activeClient(file.db);
    await file.db.prisma.client.update({ where: { id: clientId }, data: { phase: "GOAL_AND_PLAN" } });
    await apply(clientId, [
      {
        kind: "saveGoal",
        text: "Werk vinden",
        whenText: "voor de zomer",
        confidence: 6,
        steps: [{ what: "Cv maken", dueAt: "2027-02-05T09:00:00.000Z", helper: "Kees" }, { what: "Bellen" }],
      },
    ]);
    const goal = await file.db.prisma.goal.findFirstOrThrow({ where: { clientId }, include: { steps: true } });
    // Sealed at rest: sorted here, not by the database.
    goal.steps.sort((a, b) => b.what.localeCompare(a.what));
    expect(goal).toMatchObject({ text: "Werk vinden", whenText: "voor de zomer", signText: null, confidence: 6, status: "ACTIVE" });
    expect(goal.steps.map((s) => [s.what, s.dueAt, s.helper, s.status])).toEqual([
      ["Cv maken", new Date("2027-02-05T09:00:00.000Z"), "Kees", "OPEN"],
      ["Bellen", null, null, "OPEN"],
    ]);
    expect((await row(clientId)).phase).toBe("DOING");

    const closing = await activeClient(file.db);
    await file.db.prisma.client.update({ where: { id: closing.clientId }, data: { phase: "CLOSING" } });
    await apply(closing.clientId, [{ kind: "saveGoal", text: "Nog iets", steps: [] }]);
    expect((await row(closing.clientId)).phase).toBe("CLOSING");
  });

  it("a score belongs to the newest active goal; a low one tells the coach unless the flow does so itself", async () => {
    const { clientId } = await activeClient(file.db);
    const old = await file.db.prisma.goal.create({ data: { clientId, text: "Oud", createdAt: new Date(NOW.getTime() - 2000) } });
    const current = await file.db.prisma.goal.create({ data: { clientId, text: "Nieuw", createdAt: new Date(NOW.getTime() - 1000) } });
    await file.db.prisma.goal.create({ data: { clientId, text: "Klaar", status: "REACHED", createdAt: NOW } });
    await apply(clientId, [{ kind: "recordScale", scale: "CONFIDENCE", score: 2, note: "moeilijk", coachTold: true }]);
    expect(await nudges(clientId)).toEqual([]);
    await apply(clientId, [{ kind: "recordScale", scale: "CONFIDENCE", score: 2 }], new Date(NOW.getTime() + 1000));
    expect(await nudges(clientId)).toEqual(["score_drop"]);
    const scores = await file.db.prisma.scaleScore.findMany({ where: { clientId }, orderBy: { at: "asc" } });
    expect(scores.map((s) => [s.goalId, s.kind, s.score, s.note])).toEqual([
      [current.id, "CONFIDENCE", 2, "moeilijk"],
      [current.id, "CONFIDENCE", 2, null],
    ]);
    expect(scores.some((s) => s.goalId === old.id)).toBe(false);
  });

  it("a step done gets its day and tells the coach once; made smaller it keeps the new words", async () => {
    const { clientId } = await activeClient(file.db);
    const goal = await file.db.prisma.goal.create({ data: { clientId, text: "Werk", steps: { create: [{ what: "x".repeat(250) }, { what: "Groot plan" }] } } });
    const steps = await file.db.prisma.step.findMany({ where: { goalId: goal.id } });
    const long = steps.find((s) => s.what.startsWith("x"));
    const big = steps.find((s) => s.what === "Groot plan");
    await apply(clientId, [{ kind: "updateStep", stepId: long?.id ?? "", status: "DONE" }]);
    await apply(clientId, [{ kind: "updateStep", stepId: long?.id ?? "", status: "DONE" }]);
    const done = await file.db.prisma.nudge.findMany({ where: { clientId, cause: "step_done" } });
    expect(done).toHaveLength(1);
    expect(done[0]?.detail).toMatchObject({ ref: long?.id, what: "x".repeat(200) });
    expect(await file.db.prisma.step.findUniqueOrThrow({ where: { id: long?.id ?? "" } })).toMatchObject({ status: "DONE", doneAt: NOW });
    await apply(clientId, [{ kind: "updateStep", stepId: big?.id ?? "", status: "PARTLY", smallerWhat: "Eerste stukje" }]);
    expect(await file.db.prisma.step.findUniqueOrThrow({ where: { id: big?.id ?? "" } })).toMatchObject({ status: "PARTLY", doneAt: null, what: "Eerste stukje" });
    await apply(clientId, [{ kind: "addStep", afterStepId: big?.id ?? "", what: "Tweede stukje" }]);
    expect(await file.db.prisma.step.count({ where: { goalId: goal.id } })).toBe(3);
  });

  it("never changes or adds to another client's steps, whatever id the flow passes", async () => {
    const me = await activeClient(file.db);
    const other = await activeClient(file.db);
    const goal = await file.db.prisma.goal.create({ data: { clientId: other.clientId, text: "Van een ander", steps: { create: [{ what: "Hun stap" }] } } });
    const theirs = await file.db.prisma.step.findFirstOrThrow({ where: { goalId: goal.id } });
    await apply(me.clientId, [
      { kind: "updateStep", stepId: theirs.id, status: "DONE", smallerWhat: "gekaapt" },
      { kind: "addStep", afterStepId: theirs.id, what: "erbij" },
      { kind: "updateStep", stepId: "00000000-0000-4000-8000-000000000000", status: "DONE" },
    ]);
    expect(await file.db.prisma.step.findMany({ where: { goalId: goal.id } })).toMatchObject([{ what: "Hun stap", status: "OPEN", doneAt: null }]);
    expect(await nudges(me.clientId)).toEqual([]);
    expect(await nudges(other.clientId)).toEqual([]);
  });

  it("a flow's request for the coach is a nudge with its detail; a ladder rung only from 1 to 6", async () => {
    const { clientId } = await activeClient(file.db);
    await apply(clientId, [{ kind: "notifyCoach", cause: "evaluation_done", detail: { reached: "ja" } }, { kind: "recordLadder", rung: 4 }, { kind: "recordLadder", rung: 7 }, { kind: "recordLadder", rung: 2.5 }]);
    expect((await file.db.prisma.nudge.findFirstOrThrow({ where: { clientId } })).detail).toEqual({ since: NOW.toISOString(), reached: "ja" });
    expect((await file.db.prisma.ladderRung.findMany({ where: { clientId } })).map((r) => [r.rung, r.source, r.memberId])).toEqual([[4, "CLIENT", null]]);
  });

  it("the closing phase ends the trajectory; another phase is a move by the client, if allowed from where they are", async () => {
    const { clientId } = await activeClient(file.db);
    await file.db.prisma.client.update({ where: { id: clientId }, data: { phase: "DOING" } });
    await apply(clientId, [{ kind: "phase", to: "EVALUATION", onlyFrom: ["CLARIFYING"] }]);
    expect((await row(clientId)).phase).toBe("DOING");
    await apply(clientId, [{ kind: "phase", to: "EVALUATION" }]);
    expect((await row(clientId)).phase).toBe("EVALUATION");
    await apply(clientId, [{ kind: "phase", to: "CLOSED" }]);
    expect(await row(clientId)).toMatchObject({ phase: "CLOSED", status: "CLOSED" });
  });
});

describe("forgetClient", () => {
  it("keeps the row the coach made and the refusal; drops what the client said, unlinks the chat, cancels their jobs", async () => {
    const { clientId } = await activeClient(file.db, { callName: "Sam", lastClientMessageAt: NOW });
    const other = await activeClient(file.db);
    const p = file.db.prisma;
    for (const id of [clientId, other.clientId]) {
      await p.goal.create({ data: { clientId: id, text: "Werk", steps: { create: [{ what: "Bellen" }] } } });
      await p.scaleScore.create({ data: { clientId: id, kind: "WELLBEING", score: 5 } });
      await p.flowRun.create({ data: { clientId: id, flowId: "grow", machineVersion: 1, snapshot: {} } });
      await p.ladderRung.create({ data: { clientId: id, rung: 2, source: "CLIENT" } });
    }
    await p.consentRecord.create({ data: { clientId, subject: "data", textVersion: "v1", decision: "GIVEN" } });
    await p.consentRecord.create({ data: { clientId, subject: "data", textVersion: "v1", decision: "REFUSED" } });
    const reminder = await insertJob(file.db, { kind: "reminder.checkin", payload: {}, clientId, dueAt: new Date(NOW.getTime() + 3_600_000) });
    const sent = await insertJob(file.db, { kind: "telegram.send", payload: {}, clientId });
    await p.job.update({ where: { id: BigInt(sent) }, data: { status: "DONE" } });
    // A message still to send (the goodbye is queued after this, but one may be waiting already).
    const unsent = await insertJob(file.db, { kind: "telegram.send", payload: {}, clientId, dueAt: new Date(NOW.getTime() + 1000) });

    await p.$transaction((tx) => forgetClient(tx, clientId));

    expect(await row(clientId)).toMatchObject({
      name: "Samira El Amrani",
      status: "REFUSED",
      ...FORGOTTEN_CLIENT_FIELDS,
    });
    expect(await p.goal.count({ where: { clientId } })).toBe(0);
    expect(await p.scaleScore.count({ where: { clientId } })).toBe(0);
    expect(await p.flowRun.count({ where: { clientId } })).toBe(0);
    expect(await p.ladderRung.count({ where: { clientId } })).toBe(0);
    expect((await p.consentRecord.findMany({ where: { clientId } })).map((c) => c.decision)).toEqual(["REFUSED"]);
    // Cancelled and, like the sent message that held the chat id, deleted; only what is still to send stays.
    expect(await p.job.count({ where: { id: { in: [BigInt(reminder), BigInt(sent)] } } })).toBe(0);
    expect((await p.job.findUniqueOrThrow({ where: { id: BigInt(unsent) } })).status).toBe("PENDING");
    // The other client keeps everything.
    expect([await p.goal.count({ where: { clientId: other.clientId } }), await p.flowRun.count({ where: { clientId: other.clientId } })]).toEqual([1, 1]);
  });

  it("forgets every client column that is not kept on purpose (so a new one, or one dropped from the list, fails here)", () => {
    /** The coach's row, the refusal, the crisis hold a coach must lift, flood control and the trajectory. */
    const kept = ["id", "name", "language", "coachId", "status", "crisisHoldSince", "floodTimes", "floodSince", "createdAt", "updatedAt", "phase", "phaseSince"];
    expect(Object.values(Prisma.ClientScalarFieldEnum).filter((f) => !kept.includes(f))).toEqual(Object.keys(FORGOTTEN_CLIENT_FIELDS));
  });
});
