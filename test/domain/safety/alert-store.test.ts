import { describe, expect, it } from "vitest";
import { alertEvent, answerAlert, auditStrangerPress, escalateNow, loadAlertView, markEscalated, recordAlertEvent, saveAlertThread, teamMembers } from "../../../src/domain/safety/alert-store.js";
import { CRISIS_ESCALATE } from "../../../src/domain/safety/alerts.js";
import { backends, useDb } from "../../support/db.js";
import { alertWorld, NOW, raised } from "./alert-world.js";

const UNKNOWN = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe.each(backends)("the crisis alert store on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("loads an alert with its client and the coach's team, or null", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    const view = await loadAlertView(db, alert.id);
    expect(view?.alert.id).toBe(alert.id);
    expect(view?.client).toEqual({ id: w.client.id, name: "Samira", callName: "Sam", crisisHoldSince: NOW });
    expect([view?.coach.id, view?.coach.organisation.contactMemberId, view?.coach.organisation.backupMemberId]).toEqual([w.coach.id, w.colleague.id, w.backup.id]);
    expect(await loadAlertView(db, UNKNOWN)).toBeNull();
  });

  it.runIf(available)("records a system event with its audit row, and reads an event back", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    await recordAlertEvent(db, alert, "notified", { to: "coach" }, NOW);
    const event = await db.prisma.crisisAlertEvent.findFirstOrThrow({ where: { alertId: alert.id, type: "notified" } });
    expect([event.actorKind, event.detail]).toEqual(["SYSTEM", { to: "coach" }]);
    expect((await alertEvent(db, event.id.toString()))?.type).toBe("notified");
    expect(await alertEvent(db, "999999999")).toBeNull();
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "crisis.notified" } });
    expect(audits.map((a) => [a.clientId, a.detail])).toEqual([[w.client.id, { alertId: alert.id, to: "coach" }]]);
  });

  it.runIf(available)("saves the Slack thread once unless told to replace it, and never without a ts", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    const place = async () => {
      const a = await db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } });
      return [a.slackChannel, a.slackTs];
    };
    await saveAlertThread(db, alert.id, { channel: "C1", ts: null }, true);
    expect(await place()).toEqual([null, null]);
    await saveAlertThread(db, alert.id, { channel: "C1", ts: "1.1" }, false);
    await saveAlertThread(db, alert.id, { channel: "C2", ts: "2.2" }, false);
    expect(await place()).toEqual(["C1", "1.1"]);
    await saveAlertThread(db, alert.id, { channel: "C2", ts: "2.2" }, true);
    expect(await place()).toEqual(["C2", "2.2"]);
  });

  it.runIf(available)("gives the team's active contact and backup, in that order", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const ids = async (contactMemberId: string | null, backupMemberId: string | null) => (await teamMembers(db, { contactMemberId, backupMemberId })).map((m) => m.id);
    expect(await ids(w.colleague.id, w.backup.id)).toEqual([w.colleague.id, w.backup.id]);
    expect(await ids(w.backup.id, w.colleague.id)).toEqual([w.backup.id, w.colleague.id]);
    expect(await ids(null, w.backup.id)).toEqual([w.backup.id]);
    await db.prisma.member.update({ where: { id: w.colleague.id }, data: { active: false } });
    expect(await ids(w.colleague.id, w.backup.id)).toEqual([w.backup.id]);
  });

  it.runIf(available)("escalates now once, and marks the escalation", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    await escalateNow(db, alert.id, NOW);
    await escalateNow(db, alert.id, NOW);
    const jobs = await db.prisma.job.findMany({ where: { kind: CRISIS_ESCALATE }, orderBy: { dueAt: "asc" } });
    expect(jobs.map((j) => [(j.payload as { why: string }).why, j.dueAt])).toEqual([["noSlack", NOW], ["timer", new Date("2027-03-10T09:30:00.000Z")]]);
    await markEscalated(db, alert.id, NOW);
    expect((await db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } })).escalatedAt).toEqual(NOW);
  });

  it.runIf(available)("audits a stranger's press on an alert that exists, and answers a member's press", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    await auditStrangerPress(db, { alertId: alert.id, action: "ack", slackUser: "USTRANGER" });
    await auditStrangerPress(db, { alertId: UNKNOWN, action: "ack", slackUser: "USTRANGER" });
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "crisis.refused" } });
    expect(audits.map((a) => [a.clientId, a.detail])).toEqual([[w.client.id, { alertId: alert.id, action: "ack", slackUser: "USTRANGER", reason: "notMember" }]]);
    const answered = await answerAlert(db, { alertId: alert.id, member: w.coach, action: "ack", now: NOW });
    expect(answered.kind === "ok" && answered.alert.status).toBe("ACKNOWLEDGED");
  });
});
