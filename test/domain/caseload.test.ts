/**
 * A coach's caseload for the App Home (src/domain/caseload.ts), on the embedded database: only
 * the coach's own clients, those who need attention first (an open crisis alert, then open
 * nudges, oldest first, then by name), pages of CASELOAD_MAX, the last score hidden when the
 * client no longer shares with the coach, open referrals counted, and every client shown audited.
 */
import { describe, expect, it } from "vitest";
import { CASELOAD_MAX, coachCaseload, coachCaseloadIn } from "../../src/domain/caseload.js";
import { initialReferral, stepReferral } from "../../src/domain/referrals/lifecycle.js";
import type { Member } from "../../src/generated/prisma/client.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";

const file = dbForFile(freshEmbeddedDb);
let seq = 0;

async function team(): Promise<{ coach: Member; colleague: Member; partner: Member }> {
  seq++;
  const p = file.db.prisma;
  const org = await p.organisation.create({ data: { kind: "COACH_TEAM", name: `Caseload team ${seq}` } });
  const partnerOrg = await p.organisation.create({ data: { kind: "PARTNER", name: `Caseload partner ${seq}` } });
  return {
    coach: await p.member.create({ data: { organisationId: org.id, name: "Ahmed", role: "COACH" } }),
    colleague: await p.member.create({ data: { organisationId: org.id, name: "Fleur", role: "COACH" } }),
    partner: await p.member.create({ data: { organisationId: partnerOrg.id, name: "Petra", role: "PARTNER" } }),
  };
}

const addClient = (coach: Member, name: string, data: { crisisHoldSince?: Date } = {}) =>
  file.db.prisma.client.create({ data: { name, coachId: coach.id, status: "ACTIVE", ...data } });

const nudge = (coach: Member, clientId: string, cause: string, openedAt: Date) =>
  file.db.prisma.nudge.create({ data: { coachId: coach.id, clientId, cause, openedAt } });

const names = (lines: { client: { name: string } }[]) => lines.map((l) => l.client.name);

describe("coachCaseload", () => {
  it("only the coach's own clients: a crisis alert first, then open nudges oldest first, then by name", async () => {
    const { coach, colleague } = await team();
    const anna = await addClient(coach, "anna");
    const bram = await addClient(coach, "Bram");
    const cees = await addClient(coach, "Cees");
    const dirk = await addClient(coach, "Dirk");
    const eva = await addClient(coach, "Eva");
    await addClient(colleague, "Zoë van Fleur");
    await nudge(coach, dirk.id, "silent", new Date("2027-03-05T09:00:00.000Z"));
    await nudge(coach, cees.id, "silent", new Date("2027-03-06T09:00:00.000Z"));
    await nudge(coach, cees.id, "stepOverdue", new Date("2027-03-01T09:00:00.000Z"));
    await file.db.prisma.nudge.create({ data: { coachId: coach.id, clientId: bram.id, cause: "silent", status: "DONE", openedAt: new Date("2027-01-01T00:00:00.000Z") } });
    await file.db.prisma.crisisAlert.create({ data: { clientId: eva.id, coachId: coach.id, category: "danger", rule: "t", acute: false, messageText: "" } });
    const got = await coachCaseloadIn(file.db, coach);
    expect(names(got.lines)).toEqual(["Eva", "Cees", "Dirk", "anna", "Bram"]);
    expect(got.total).toBe(5);
    expect(got.lines.find((l) => l.client.id === cees.id)?.openNudges.map((n) => n.cause)).toEqual(["stepOverdue", "silent"]);
    expect(got.lines.find((l) => l.client.id === anna.id)?.openNudges).toEqual([]);
  });

  it("a contacted alert no longer puts a client first", async () => {
    const { coach } = await team();
    await addClient(coach, "Anna");
    const bram = await addClient(coach, "Bram");
    await file.db.prisma.crisisAlert.create({ data: { clientId: bram.id, coachId: coach.id, category: "danger", rule: "t", acute: false, messageText: "", status: "CONTACTED" } });
    expect(names((await coachCaseloadIn(file.db, coach)).lines)).toEqual(["Anna", "Bram"]);
  });

  it("the last score, unless the client took back sharing with the coach; open referrals counted, closed ones not", async () => {
    const { coach, partner } = await team();
    const anna = await addClient(coach, "Anna");
    const bram = await addClient(coach, "Bram");
    for (const c of [anna, bram]) {
      await file.db.prisma.scaleScore.create({ data: { clientId: c.id, kind: "CONFIDENCE", score: 4, at: new Date("2027-03-01T10:00:00.000Z") } });
      await file.db.prisma.scaleScore.create({ data: { clientId: c.id, kind: "PROGRESS", score: 7, at: new Date("2027-03-02T10:00:00.000Z") } });
    }
    await file.db.prisma.consentRecord.create({ data: { clientId: bram.id, subject: "coach", textVersion: "consent.purpose@1", decision: "WITHDRAWN" } });
    const referral = () => file.db.prisma.referral.create({
      data: { direction: "OUT", clientId: anna.id, fromOrgId: coach.organisationId, toOrgId: partner.organisationId, filedByMemberId: coach.id, need: "-", ...initialReferral("OUT") },
    });
    await referral();
    const cancelled = await referral();
    await file.db.prisma.$transaction((tx) => stepReferral(tx, cancelled, { type: "coach.cancelled" }, { kind: "COACH", id: coach.id }, new Date()));
    const got = await coachCaseloadIn(file.db, coach);
    const [a, b] = got.lines;
    expect([a?.lastScore?.kind, a?.lastScore?.score]).toEqual(["PROGRESS", 7]);
    expect(b?.lastScore).toBeNull();
    expect([a?.openReferrals, b?.openReferrals]).toEqual([1, 0]);
  });

  it("a client on crisis hold carries the alert whose button lifts the hold, the newest", async () => {
    const { coach } = await team();
    const held = await addClient(coach, "Anna", { crisisHoldSince: new Date("2027-03-01T10:00:00.000Z") });
    const free = await addClient(coach, "Bram");
    const alert = (clientId: string, createdAt: Date) =>
      file.db.prisma.crisisAlert.create({ data: { clientId, coachId: coach.id, category: "danger", rule: "t", acute: false, messageText: "", status: "CONTACTED", createdAt } });
    await alert(held.id, new Date("2027-02-01T10:00:00.000Z"));
    const newest = await alert(held.id, new Date("2027-03-01T10:00:00.000Z"));
    await alert(free.id, new Date("2027-03-01T10:00:00.000Z"));
    const got = await coachCaseloadIn(file.db, coach);
    expect(got.lines.map((l) => l.heldAlertId)).toEqual([newest.id, null]);
  });

  it("pages of CASELOAD_MAX; an offset past the end shows the last client", async () => {
    const { coach } = await team();
    for (let i = 0; i < CASELOAD_MAX + 3; i++) await addClient(coach, `Client ${String(i).padStart(2, "0")}`);
    const first = await coachCaseloadIn(file.db, coach);
    expect([first.lines.length, first.total, first.offset]).toEqual([CASELOAD_MAX, CASELOAD_MAX + 3, 0]);
    const second = await coachCaseloadIn(file.db, coach, CASELOAD_MAX);
    expect(names(second.lines)).toEqual(["Client 20", "Client 21", "Client 22"]);
    const past = await coachCaseloadIn(file.db, coach, 1000);
    expect([names(past.lines), past.offset]).toEqual([["Client 22"], CASELOAD_MAX + 2]);
    expect((await coachCaseloadIn(file.db, coach, -5)).offset).toBe(0);
  });

  it("each client shown is audited as viewed by the coach; clients on another page are not", async () => {
    const { coach } = await team();
    const clients = [];
    for (let i = 0; i < CASELOAD_MAX + 1; i++) clients.push(await addClient(coach, `Audit ${String(i).padStart(2, "0")}`));
    await coachCaseloadIn(file.db, coach);
    const rows = await file.db.prisma.auditEvent.findMany({ where: { actorId: coach.id, action: "caseload.viewed" } });
    expect(rows).toHaveLength(CASELOAD_MAX);
    expect(rows[0]).toMatchObject({ actorKind: "COACH", detail: { via: "slack.home", why: "caseload" } });
    expect(rows.map((r) => r.clientId)).not.toContain(clients.at(-1)?.id);
  });

  it("a partner has no caseload, even where a row names them as coach, and nothing is audited", async () => {
    const { partner } = await team();
    await addClient(partner, "Anna");
    expect(await file.db.prisma.$transaction((tx) => coachCaseload(tx, partner))).toEqual({ lines: [], total: 0, offset: 0 });
    expect(await file.db.prisma.auditEvent.count({ where: { actorId: partner.id } })).toBe(0);
  });
});
