/**
 * The trajectory's later talks (src/domain/trajectory.ts) on the embedded database, one for the
 * file: a talk planned on a day (10:00 in Amsterdam, or now for today), who may plan it, the
 * closing announced in the client's words, the end with or without check-ins after closing, and
 * what the client file reads of it. The talks themselves run in test/telegram/trajectory-aftercare.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  AFTERCARE_DUE,
  announceKey,
  CLOSING_DUE,
  closeTrajectory,
  endTrajectory,
  EVALUATION_DUE,
  hasAftercareConsent,
  plannedTalks,
  planTalk,
  TrajectoryError,
} from "../../src/domain/trajectory.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { DAY, embeddedFile } from "../support/domain.js";
import { activeClient, insertJob, type ClientOptions } from "../jobs/support.js";

const { file, clientRow: row } = embeddedFile();
/** Monday 1 February 2027, 09:00 in Amsterdam (CET). */
const NOW = new Date("2027-02-01T08:00:00.000Z");
const WEEK = 7 * DAY;

const p = () => file.db.prisma;
const pending = (clientId: string, kind: string) => p().job.findMany({ where: { clientId, kind, status: "PENDING" }, orderBy: { dueAt: "asc" } });

async function client(o: ClientOptions = {}) {
  const c = await activeClient(file.db, o);
  await p().client.update({ where: { id: c.clientId }, data: { phase: "DOING" } });
  return c;
}

describe("planTalk", () => {
  it("plans the evaluation at 10:00 Amsterdam time on the day, audited; planned again, only the new day stays", async () => {
    const { clientId, coachId } = await client();
    expect(await planTalk(file.db, "evaluation", { clientId, coachId, on: "2027-02-10", now: NOW })).toEqual(new Date("2027-02-10T09:00:00.000Z"));
    // Summer time: 10:00 is 08:00 UTC.
    const at = await planTalk(file.db, "evaluation", { clientId, coachId, on: "2027-06-15", now: NOW });
    expect(at).toEqual(new Date("2027-06-15T08:00:00.000Z"));
    const jobs = await pending(clientId, EVALUATION_DUE);
    expect(jobs.map((j) => [j.dueAt, j.payload])).toEqual([[at, { coachId }]]);
    expect(await p().job.count({ where: { clientId, kind: EVALUATION_DUE, status: "CANCELLED" } })).toBe(1);
    const audits = await p().auditEvent.findMany({ where: { clientId, action: "trajectory.evaluationPlanned" } });
    expect(audits.map((a) => [a.actorId, a.detail])).toContainEqual([coachId, { at: at.toISOString() }]);
    expect((await row(clientId)).phase).toBe("DOING");
  });

  it("today after ten starts now; yesterday or a malformed day is refused and plans nothing", async () => {
    const { clientId, coachId } = await client();
    const afternoon = new Date("2027-02-01T14:00:00.000Z");
    expect(await planTalk(file.db, "evaluation", { clientId, coachId, on: "2027-02-01", now: afternoon })).toEqual(afternoon);
    for (const on of ["2027-01-31", "1-2-2027", "2027-02-01T10:00", "", "morgen"]) {
      await expect(planTalk(file.db, "evaluation", { clientId, coachId, on, now: afternoon })).rejects.toThrow(TrajectoryError);
    }
    expect(await pending(clientId, EVALUATION_DUE)).toHaveLength(1);
  });

  it("a colleague of the same team may plan; a coach of another team, a partner or an inactive colleague may not", async () => {
    const { clientId, coachId } = await client();
    const other = await client();
    const coach = await p().member.findUniqueOrThrow({ where: { id: coachId } });
    const colleague = await p().member.create({ data: { organisationId: coach.organisationId, name: "Fleur", role: "COACH" } });
    const gone = await p().member.create({ data: { organisationId: coach.organisationId, name: "Kees", role: "COACH", active: false } });
    const partner = await p().member.create({ data: { organisationId: coach.organisationId, name: "Petra", role: "PARTNER" } });
    await expect(planTalk(file.db, "evaluation", { clientId, coachId: colleague.id, on: "2027-02-10", now: NOW })).resolves.toBeInstanceOf(Date);
    for (const id of [other.coachId, gone.id, partner.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(planTalk(file.db, "evaluation", { clientId, coachId: id, on: "2027-02-11", now: NOW })).rejects.toThrow("not your client");
    }
    await expect(planTalk(file.db, "evaluation", { clientId: "00000000-0000-4000-8000-000000000000", coachId, on: "2027-02-11", now: NOW })).rejects.toThrow("unknown client");
    // A forged id is refused as such, not as a database error.
    for (const forged of ["", "x", `${clientId}'`]) {
      await expect(planTalk(file.db, "evaluation", { clientId: forged, coachId, on: "2027-02-11", now: NOW })).rejects.toThrow(new TrajectoryError("unknown client"));
    }
    await expect(planTalk(file.db, "closing", { clientId, coachId: "", on: "2027-02-11", now: NOW })).rejects.toThrow(new TrajectoryError("not your client"));
    expect((await pending(clientId, EVALUATION_DUE)).map((j) => j.payload)).toEqual([{ coachId: colleague.id }]);
  });

  it("a client who never opened the link, stopped or closed gets no talk", async () => {
    const unlinked = await client();
    await p().client.update({ where: { id: unlinked.clientId }, data: { telegramChatId: null } });
    await expect(planTalk(file.db, "closing", { ...unlinked, on: "2027-02-10", now: NOW })).rejects.toThrow(/invite link/);
    for (const status of ["STOPPED", "ONBOARDING"] as const) {
      const c = await client({ status });
      await expect(planTalk(file.db, "closing", { ...c, on: "2027-02-10", now: NOW })).rejects.toThrow(TrajectoryError);
      expect(await row(c.clientId)).toMatchObject({ phase: "DOING" });
      expect(await p().job.count({ where: { clientId: c.clientId } })).toBe(0);
    }
    const paused = await client({ status: "PAUSED" });
    await expect(planTalk(file.db, "evaluation", { ...paused, on: "2027-02-10", now: NOW })).resolves.toBeInstanceOf(Date);
  });

  it("announcing the closing moves the client to CLOSING and tells them when, in their call name", async () => {
    const { clientId, coachId } = await client({ name: "Samira El Amrani", callName: "Sam" });
    const at = await planTalk(file.db, "closing", { clientId, coachId, on: "2027-02-15", now: NOW, aftercareWeeks: [4, 12] });
    expect(await row(clientId)).toMatchObject({ phase: "CLOSING", phaseSince: NOW });
    expect((await pending(clientId, CLOSING_DUE)).map((j) => j.payload)).toEqual([{ coachId, aftercareWeeks: [4, 12] }]);
    const [sent] = await pending(clientId, "telegram.send");
    const payload = sent?.payload as unknown as TelegramSendPayload;
    expect(payload.messages).toEqual([{ key: "closing.announce.weeks", vars: { name: "Sam", n: 2, date: at.toISOString() } }]);
    expect(await p().auditEvent.count({ where: { clientId, action: "trajectory.closingAnnounced", actorId: coachId } })).toBe(1);
  });

  it("without weeks chosen, the closing asks for the default check-ins after closing", async () => {
    const { clientId, coachId } = await client();
    await planTalk(file.db, "closing", { clientId, coachId, on: "2027-02-08", now: NOW, aftercareWeeks: [] });
    const [job] = await pending(clientId, CLOSING_DUE);
    expect((job?.payload as { aftercareWeeks: number[] }).aftercareWeeks.length).toBeGreaterThan(0);
  });
});

describe("announceKey", () => {
  const at = (days: number) => new Date(NOW.getTime() + days * DAY);
  it.each([
    [0, "closing.announce.soon", 0],
    [1, "closing.announce.soon", 1],
    [3, "closing.announce.days", 3],
    [7, "closing.announce.week", 1],
    [10, "closing.announce.days", 10],
    [14, "closing.announce.weeks", 2],
    [21, "closing.announce.weeks", 3],
  ])("%i days on: %s (%i)", (days, key, n) => {
    expect(announceKey(NOW, at(days))).toEqual({ key, n });
  });

  it("counts calendar days in Amsterdam, not 24-hour periods", () => {
    // 23:30 on Monday in Amsterdam, and 10:00 on Tuesday: one day on, though less than 24 hours.
    expect(announceKey(new Date("2027-02-01T22:30:00.000Z"), new Date("2027-02-02T09:00:00.000Z"))).toEqual({ key: "closing.announce.soon", n: 1 });
  });
});

describe("closeTrajectory", () => {
  it("with permission: AFTERCARE, at most two check-ins after closing, reminders and planned talks stop", async () => {
    const { clientId } = await client();
    await insertJob(file.db, { kind: EVALUATION_DUE, payload: {}, clientId, dueAt: new Date(NOW.getTime() + DAY) });
    await insertJob(file.db, { kind: "reminder.checkin", payload: {}, clientId, dueAt: new Date(NOW.getTime() + DAY) });
    const c = await row(clientId);
    await p().$transaction((tx) => closeTrajectory(tx, c, { aftercare: true, weeks: [2, 6, 12], now: NOW }));
    expect(await row(clientId)).toMatchObject({ phase: "AFTERCARE", status: "ACTIVE", remindersWanted: false });
    expect((await pending(clientId, AFTERCARE_DUE)).map((j) => [j.dueAt, j.payload])).toEqual([
      [new Date(NOW.getTime() + 2 * WEEK), { weeks: 2, last: false }],
      [new Date(NOW.getTime() + 6 * WEEK), { weeks: 6, last: true }],
    ]);
    expect(await pending(clientId, EVALUATION_DUE)).toEqual([]);
    expect(await pending(clientId, "reminder.checkin")).toEqual([]);
    expect(await p().$transaction((tx) => plannedTalks(tx, clientId))).toEqual([
      { kind: AFTERCARE_DUE, dueAt: new Date(NOW.getTime() + 2 * WEEK), weeks: 2 },
      { kind: AFTERCARE_DUE, dueAt: new Date(NOW.getTime() + 6 * WEEK), weeks: 6 },
    ]);
  });

  it("without permission, or with no weeks, the trajectory is closed", async () => {
    for (const args of [{ aftercare: false, weeks: [2, 6] }, { aftercare: true, weeks: [] }]) {
      const { clientId } = await client();
      const c = await row(clientId);
      await p().$transaction((tx) => closeTrajectory(tx, c, { ...args, now: NOW }));
      expect(await row(clientId)).toMatchObject({ phase: "CLOSED", status: "CLOSED", phaseSince: NOW });
      expect(await pending(clientId, AFTERCARE_DUE)).toEqual([]);
    }
  });
});

describe("endTrajectory", () => {
  it("closes the phase and cancels the check-ins after closing; a client who stopped keeps that status", async () => {
    const { clientId } = await client();
    await insertJob(file.db, { kind: AFTERCARE_DUE, payload: { weeks: 6 }, clientId, dueAt: new Date(NOW.getTime() + WEEK) });
    await p().$transaction((tx) => endTrajectory(tx, clientId, NOW));
    expect(await row(clientId)).toMatchObject({ phase: "CLOSED", status: "CLOSED" });
    expect(await pending(clientId, AFTERCARE_DUE)).toEqual([]);
    const change = await p().phaseChange.findFirstOrThrow({ where: { clientId, phase: "CLOSED" } });
    expect(change).toMatchObject({ from: "DOING", actorKind: "SYSTEM", actorId: null });

    const stopped = await client({ status: "STOPPED" });
    await p().$transaction((tx) => endTrajectory(tx, stopped.clientId, NOW));
    expect(await row(stopped.clientId)).toMatchObject({ phase: "CLOSED", status: "STOPPED" });
  });
});

describe("hasAftercareConsent", () => {
  it("is the client's last answer about check-ins after closing; never asked is no", async () => {
    const { clientId } = await client();
    expect(await hasAftercareConsent(p(), clientId)).toBe(false);
    await p().consentRecord.create({ data: { clientId, subject: "aftercare", textVersion: "closing@1", decision: "GIVEN", at: NOW } });
    await p().consentRecord.create({ data: { clientId, subject: "data", textVersion: "v1", decision: "WITHDRAWN", at: new Date(NOW.getTime() + 2000) } });
    expect(await hasAftercareConsent(p(), clientId)).toBe(true);
    await p().consentRecord.create({ data: { clientId, subject: "aftercare", textVersion: "closing@1", decision: "WITHDRAWN", at: new Date(NOW.getTime() + 1000) } });
    expect(await hasAftercareConsent(p(), clientId)).toBe(false);
  });
});
