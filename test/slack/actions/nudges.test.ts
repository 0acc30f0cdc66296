/**
 * The buttons of a coach nudge (src/slack/actions/nudges.ts) on the embedded database, with
 * fakes for Bolt and the Web API: only the nudge's own coach may answer, and the message is
 * replaced by what was chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import type { Member } from "../../../src/domain/members.js";
import { registerNudgeActions } from "../../../src/slack/actions/nudges.js";
import { NUDGE_ACTIONS } from "../../../src/slack/ids.js";
import { freshEmbeddedDb, type TestDb } from "../../support/db.js";
import { expectListeners, fakeApp, fakeDeps, pressButton } from "../views/fake-bolt.js";

const NOW = new Date("2027-03-10T09:00:00.000Z");
let test: TestDb;
let db: Database;
let seq = 0;
beforeAll(async () => {
  test = await freshEmbeddedDb();
  db = test.db;
});
afterAll(async () => {
  await test?.cleanup();
});

async function world(clientStatus: "ACTIVE" | "STOPPED" = "ACTIVE") {
  seq++;
  const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `Team ${seq}` } });
  const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: `UAHMED${seq}` } });
  const colleague = await db.prisma.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH", slackUserId: `UFLEUR${seq}` } });
  const client = await db.prisma.client.create({ data: { name: "Samira El Amrani", callName: "Sam <3", coachId: coach.id, status: clientStatus } });
  const nudge = await db.prisma.nudge.create({ data: { coachId: coach.id, clientId: client.id, cause: "silent", detail: { since: NOW.toISOString() } } });
  const f = fakeDeps({}, { now: NOW });
  const deps = { ...f.deps, db, clock: () => NOW };
  const { app, actions } = fakeApp();
  registerNudgeActions(app, deps);
  const press = (actionId: string, value: unknown, who: Member | null, body: Record<string, unknown> = {}) =>
    pressButton(actions, { actionId, value, who, client: f.client, body: { user: { id: who?.slackUserId ?? "UNOBODY" }, channel: { id: "D1" }, message: { ts: "1700.1" }, ...body } });
  const refusals = () => db.prisma.auditEvent.findMany({ where: { action: "slack.refused", actorId: { in: [coach.id, colleague.id] } }, orderBy: { at: "asc" } });
  return { ...f, coach: coach as Member, colleague: colleague as Member, client, nudge, press, actions, refusals };
}

describe("the buttons of a coach nudge", () => {
  it("listen to the three nudge buttons", async () => {
    const w = await world();
    expectListeners(w.actions, 3, Object.values(NUDGE_ACTIONS));
  });

  it("'klaar' closes the nudge and replaces the message with what was chosen, naming the client safely", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.done, w.nudge.id, w.coach);
    const row = await db.prisma.nudge.findUniqueOrThrow({ where: { id: w.nudge.id } });
    expect([row.status, row.closedAt?.toISOString()]).toEqual(["DONE", NOW.toISOString()]);
    expect(w.rec.updated).toEqual([expect.objectContaining({ channel: "D1", ts: "1700.1", text: 'nudge.chosen.done {"name":"Sam &lt;3"}' })]);
  });

  it("'over 3 dagen weer' snoozes it; 'ik neem contact op' closes it", async () => {
    const snoozed = await world();
    await snoozed.press(NUDGE_ACTIONS.snooze, snoozed.nudge.id, snoozed.coach);
    const s = await db.prisma.nudge.findUniqueOrThrow({ where: { id: snoozed.nudge.id } });
    expect(s.status).toBe("SNOOZED");
    expect(s.snoozedUntil?.getTime()).toBeGreaterThan(NOW.getTime());
    expect(snoozed.rec.updated.map((u) => u.text.split(" ")[0])).toEqual(["nudge.chosen.snooze"]);
    const contact = await world();
    await contact.press(NUDGE_ACTIONS.contact, contact.nudge.id, contact.coach);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: contact.nudge.id } })).status).toBe("DONE");
  });

  it("without the channel of the press, the message's container channel is used; without a message nothing is updated", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.snooze, w.nudge.id, w.coach, { channel: undefined, container: { channel_id: "D9" } });
    expect(w.rec.updated.map((u) => u.channel)).toEqual(["D9"]);
    const noMessage = await world();
    await noMessage.press(NUDGE_ACTIONS.done, noMessage.nudge.id, noMessage.coach, { message: undefined });
    expect(noMessage.rec.updated).toEqual([]);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: noMessage.nudge.id } })).status).toBe("DONE");
  });

  it("another coach may not answer it: told privately, audited, and the nudge stays open", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.done, w.nudge.id, w.colleague);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: w.nudge.id } })).status).toBe("OPEN");
    expect(w.rec.ephemeral.map((e) => e.text)).toEqual(["nudge.refused.notYours"]);
    expect((await w.refusals()).map((r) => (r.detail as { why: string }).why)).toEqual(["notYours"]);
    expect(w.rec.updated).toEqual([]);
  });

  it("a nudge answered already, or about a client who left, changes nothing", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.done, w.nudge.id, w.coach);
    await w.press(NUDGE_ACTIONS.snooze, w.nudge.id, w.coach);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: w.nudge.id } })).status).toBe("DONE");
    expect(w.rec.ephemeral.map((e) => e.text)).toEqual(["nudge.refused.alreadyDone"]);
    const left = await world("STOPPED");
    await left.press(NUDGE_ACTIONS.done, left.nudge.id, left.coach);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: left.nudge.id } })).status).toBe("OPEN");
    expect(left.rec.ephemeral.map((e) => e.text)).toEqual(["nudge.refused.clientLeft"]);
  });

  it("a forged value is refused before any query; an unknown id is not found", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.done, "'; DROP TABLE \"Nudge\"; --", w.coach);
    await w.press(NUDGE_ACTIONS.done, "00000000-0000-4000-8000-000000000000", w.coach);
    expect(w.rec.ephemeral.map((e) => e.text)).toEqual(["nudge.refused.notFound", "nudge.refused.notFound"]);
    expect((await w.refusals()).map((r) => (r.detail as { why: string }).why)).toEqual(["malformedId", "notFound"]);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: w.nudge.id } })).status).toBe("OPEN");
  });

  it("someone unknown changes nothing", async () => {
    const w = await world();
    await w.press(NUDGE_ACTIONS.done, w.nudge.id, null);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: w.nudge.id } })).status).toBe("OPEN");
    expect(w.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notMember"]);
  });
});
