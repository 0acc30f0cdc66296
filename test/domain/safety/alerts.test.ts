import { describe, expect, it } from "vitest";
import { actOnCrisisAlert, CRISIS_ESCALATE, CRISIS_NOTIFY, mayFollowUp, onCrisisHold, openAlertOf, resumeClientByAdmin, type CrisisAction } from "../../../src/domain/safety/alerts.js";
import type { Database } from "../../../src/db/client.js";
import type { Member } from "../../../src/generated/prisma/client.js";
import { backends, useDb } from "../../support/db.js";
import { alertWorld, NOW, raised } from "./alert-world.js";

const act = (db: Database, alertId: string, member: Member, action: CrisisAction, now = NOW) => db.prisma.$transaction((tx) => actOnCrisisAlert(tx, { alertId, member, action, now }));
const jobKeys = async (db: Database) => (await db.prisma.job.findMany({ where: { kind: { in: [CRISIS_NOTIFY, CRISIS_ESCALATE] } }, orderBy: { id: "asc" } })).map((j) => `${j.kind}@${j.dueAt.toISOString()}`);

describe("onCrisisHold", () => {
  it("is true while the hold has a start", () => {
    expect(onCrisisHold({ crisisHoldSince: NOW })).toBe(true);
    expect(onCrisisHold({ crisisHoldSince: null })).toBe(false);
  });
});

describe.each(backends)("crisis alerts on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("a first signal opens an alert, holds the client, tells the coach now and the team after 30 minutes", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert, fresh: isNew } = await raised(db, w);
    expect(isNew).toBe(true);
    expect([alert.status, alert.category, alert.rule, alert.messageText, alert.coachId]).toEqual(["OPEN", "suicide", "suicide.wish-dead", "ik wil dood", w.coach.id]);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } })).crisisHoldSince).toEqual(NOW);
    expect(await jobKeys(db)).toEqual([`${CRISIS_NOTIFY}@${NOW.toISOString()}`, `${CRISIS_ESCALATE}@2027-03-10T09:30:00.000Z`]);
    const events = await db.prisma.crisisAlertEvent.findMany({ where: { alertId: alert.id } });
    expect(events.map((e) => [e.type, e.actorKind, e.messageText])).toEqual([["signal", "CLIENT", "ik wil dood"]]);
  });

  it.runIf(available)("a second signal goes into the open alert: one more notice, no second timer", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const first = await raised(db, w);
    const later = new Date(NOW.getTime() + 60_000);
    const second = await raised(db, w, "ik heb pillen", later);
    expect([second.fresh, second.alert.id, second.alert.followUp]).toEqual([false, first.alert.id, "pending"]);
    expect(await jobKeys(db)).toEqual([`${CRISIS_NOTIFY}@${NOW.toISOString()}`, `${CRISIS_ESCALATE}@2027-03-10T09:30:00.000Z`, `${CRISIS_NOTIFY}@${later.toISOString()}`]);
    expect(await db.prisma.crisisAlert.count()).toBe(1);
  });

  it.runIf(available)("the coach and the team may follow up; a partner, an inactive member and another team may not", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const other = await alertWorld(db);
    const may = (m: Member) => db.prisma.$transaction((tx) => mayFollowUp(tx, m, w.client));
    expect([await may(w.coach), await may(w.colleague), await may(w.partner), await may(other.coach), await may({ ...w.colleague, active: false })]).toEqual([true, true, false, false, false]);
  });

  it.runIf(available)("ack, then contacted: each once, recorded as events", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    const ack = await act(db, alert.id, w.colleague, "ack");
    expect(ack.kind === "ok" && [ack.previous, ack.alert.status, ack.alert.acknowledgedBy]).toEqual(["OPEN", "ACKNOWLEDGED", w.colleague.id]);
    expect((await act(db, alert.id, w.coach, "ack")).kind).toBe("already");
    const contacted = await act(db, alert.id, w.coach, "contacted");
    expect(contacted.kind === "ok" && [contacted.alert.status, contacted.alert.contactedBy, contacted.alert.acknowledgedBy]).toEqual(["CONTACTED", w.coach.id, w.colleague.id]);
    expect((await act(db, alert.id, w.coach, "contacted")).kind).toBe("already");
    expect(await db.prisma.$transaction((tx) => openAlertOf(tx, w.client.id))).toBeNull();
    const events = await db.prisma.crisisAlertEvent.findMany({ where: { alertId: alert.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["signal", "acknowledged", "contacted"]);
  });

  it.runIf(available)("contacted without an ack first counts as acknowledged by the same person", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    const r = await act(db, alert.id, w.coach, "contacted");
    expect(r.kind === "ok" && [r.alert.acknowledgedBy, r.alert.acknowledgedAt]).toEqual([w.coach.id, NOW]);
  });

  it.runIf(available)("a refusal is recorded and changes nothing; an unknown alert is not found", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    expect(await act(db, alert.id, w.partner, "ack")).toEqual({ kind: "notAllowed" });
    expect((await db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("OPEN");
    const refused = await db.prisma.crisisAlertEvent.findMany({ where: { alertId: alert.id, type: "refused" } });
    expect(refused.map((e) => [e.actorKind, e.actorId])).toEqual([["PARTNER", w.partner.id]]);
    expect(await act(db, "0f8fad5b-d9cb-469f-a165-70867728950e", w.coach, "ack")).toEqual({ kind: "notFound" });
  });

  it.runIf(available)("resume lifts the hold once; the command line says when there is none", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    const r = await act(db, alert.id, w.coach, "resume");
    expect(r.kind === "ok" && [r.alert.resumedBy, r.alert.status]).toEqual([w.coach.id, "OPEN"]);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } })).crisisHoldSince).toBeNull();
    expect((await act(db, alert.id, w.coach, "resume")).kind).toBe("already");
    expect(await db.prisma.$transaction((tx) => resumeClientByAdmin(tx, w.client.id, NOW))).toBe("notHeld");
  });

  it.runIf(available)("an administrator lifts the hold from the command line, recorded on the last alert", async () => {
    const db = await freshDb();
    const w = await alertWorld(db);
    const { alert } = await raised(db, w);
    expect(await db.prisma.$transaction((tx) => resumeClientByAdmin(tx, w.client.id, NOW))).toBe("resumed");
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } })).crisisHoldSince).toBeNull();
    const last = await db.prisma.crisisAlertEvent.findFirstOrThrow({ where: { alertId: alert.id }, orderBy: { id: "desc" } });
    expect([last.type, last.actorKind, last.detail]).toEqual(["resumed", "ADMIN", { via: "cli" }]);
  });
});
