/**
 * The right to be forgotten (src/domain/forget.ts) on the embedded database: only the client's
 * own coach may forget a client from Slack (a refusal is audited); forgetting erases the name,
 * the consent records and invites, tells the coach with the name the row no longer holds, is
 * audited, and happens once.
 */
import { describe, expect, it } from "vitest";
import { forgetLocked, forgetOnRequest, FORGOTTEN_NAME, ownClientToForget } from "../../src/domain/forget.js";
import { onboardedClient } from "../support/coaching.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";

const file = dbForFile(freshEmbeddedDb);
const NOW = new Date("2027-03-12T10:00:00.000Z");
let chat = 930_000;

describe("ownClientToForget", () => {
  it("the client's own coach gets the name the client goes by; a colleague is refused and the refusal audited; a forgotten client is nobody's", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat });
    const coach = await file.db.prisma.member.findUniqueOrThrow({ where: { id: c.coachId } });
    const colleague = await file.db.prisma.member.create({ data: { organisationId: coach.organisationId, name: "Fleur", role: "COACH" } });
    expect(await ownClientToForget(file.db, coach, c.clientId, "button")).toEqual({ name: "Sam" });
    expect(await ownClientToForget(file.db, colleague, c.clientId, "button")).toBeNull();
    const refused = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "client.forgetRefused", actorId: colleague.id } });
    expect(refused).toMatchObject({ actorKind: "COACH", clientId: c.clientId, detail: { via: "slack", what: "button" } });
    await forgetLocked(file.db, { clientId: c.clientId, by: { kind: "COACH", id: coach.id }, via: "slack", now: NOW });
    expect(await ownClientToForget(file.db, coach, c.clientId, "button")).toBeNull();
  });
});

describe("forgetOnRequest", () => {
  it("erases the name, consents and invites; the coach gets a nudge that names the client; audited with who and how", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat, callName: "Sam" });
    await file.db.prisma.nudge.create({ data: { coachId: c.coachId, clientId: c.clientId, cause: "silent" } });
    await forgetLocked(file.db, { clientId: c.clientId, by: { kind: "CLIENT", id: c.clientId }, via: "telegram", now: NOW });
    const row = await file.db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
    expect([row.name, row.status, row.crisisHoldSince]).toEqual([FORGOTTEN_NAME, "FORGOTTEN", null]);
    expect(await file.db.prisma.consentRecord.count({ where: { clientId: c.clientId } })).toBe(0);
    const nudges = await file.db.prisma.nudge.findMany({ where: { clientId: c.clientId }, orderBy: { openedAt: "asc" } });
    expect(nudges.map((n) => [n.cause, n.status])).toEqual([["silent", "DONE"], ["forgotten", "OPEN"]]);
    expect(nudges[1]?.detail).toEqual({ since: NOW.toISOString(), via: "telegram", name: "Sam" });
    const audited = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { clientId: c.clientId, action: "client.forgotten" } });
    expect(audited).toMatchObject({ actorKind: "CLIENT", actorId: c.clientId, detail: { via: "telegram", referralsWithdrawn: 0 } });
  });

  it("a second request forgets nothing more, and an unknown client is not forgotten", async () => {
    const c = await onboardedClient(file.db, { chatId: ++chat });
    const req = { clientId: c.clientId, by: { kind: "ADMIN" as const, id: null }, via: "cli" as const, now: NOW };
    expect(await file.db.prisma.$transaction((tx) => forgetOnRequest(tx, req))).toEqual({ forgotten: true, referralsWithdrawn: 0 });
    expect(await file.db.prisma.$transaction((tx) => forgetOnRequest(tx, req))).toEqual({ forgotten: false, referralsWithdrawn: 0 });
    expect(await file.db.prisma.auditEvent.count({ where: { clientId: c.clientId, action: "client.forgotten" } })).toBe(1);
    const unknown = { ...req, clientId: "00000000-0000-4000-8000-000000000000" };
    expect(await file.db.prisma.$transaction((tx) => forgetOnRequest(tx, unknown))).toEqual({ forgotten: false, referralsWithdrawn: 0 });
  });
});
