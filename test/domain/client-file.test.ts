/**
 * The client file (src/domain/client-file.ts) on the embedded database, one for the file: the
 * access rule (own coach; a colleague of the same team only with a reason; never a partner or
 * another team), an audit row for every look and every refusal, what is held back when the client
 * took back sharing with their coach, and what the file reads of conversations, parked topics and
 * the ladder. How it renders is in client-file-golden.test.ts.
 */
import { describe, expect, it } from "vitest";
import { lastConversations, loadClientFile, mayOpenFile, openClientFileIn, setRungFromFile } from "../../src/domain/client-file.js";
import type { Member } from "../../src/generated/prisma/client.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient } from "../jobs/support.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;
const NOW = new Date("2027-02-01T09:00:00.000Z");

/** A client with their coach, a colleague, an admin and a partner in the coach's team, and a coach of another team. */
async function people() {
  const c = await activeClient(file.db, { name: "Samira El Amrani", callName: "Sam" });
  const coach = await p().member.findUniqueOrThrow({ where: { id: c.coachId } });
  const member = (name: string, role: "COACH" | "ADMIN" | "PARTNER", active = true, organisationId = coach.organisationId) =>
    p().member.create({ data: { organisationId, name, role, active } });
  const elsewhere = await p().organisation.create({ data: { kind: "COACH_TEAM", name: `Elders ${c.clientId}` } });
  return {
    ...c,
    coach,
    colleague: await member("Fleur", "COACH"),
    admin: await member("Beheer", "ADMIN"),
    partner: await member("Petra", "PARTNER"),
    retired: await member("Kees", "COACH", false),
    outsider: await member("Karin", "COACH", true, elsewhere.id),
  };
}
const audits = (clientId: string) => p().auditEvent.findMany({ where: { clientId }, orderBy: { id: "asc" } });

describe("mayOpenFile", () => {
  it("the client's own active coach, or an active coach or admin of the same team; nobody else", async () => {
    const w = await people();
    expect(mayOpenFile(w.coach, w.coach)).toBe(true);
    expect(mayOpenFile(w.colleague, w.coach)).toBe(true);
    expect(mayOpenFile(w.admin, w.coach)).toBe(true);
    expect(mayOpenFile(w.partner, w.coach)).toBe(false);
    expect(mayOpenFile(w.retired, w.coach)).toBe(false);
    expect(mayOpenFile(w.outsider, w.coach)).toBe(false);
    expect(mayOpenFile({ ...w.coach, active: false } as Member, w.coach)).toBe(false);
  });
});

describe("openClientFile", () => {
  it("the own coach opens it at once, audited as their caseload", async () => {
    const w = await people();
    const opened = await openClientFileIn(file.db, { member: w.coach, clientId: w.clientId, via: "slack.file" });
    expect(opened.kind).toBe("ok");
    expect((await audits(w.clientId)).map((a) => [a.action, a.actorKind, a.actorId, a.detail])).toEqual([["clientFile.viewed", "COACH", w.coachId, { via: "slack.file", why: "caseload" }]]);
  });

  it("a colleague sees nothing until they pick one of the reasons; then the reason is audited", async () => {
    const w = await people();
    for (const reason of [undefined, "", "nieuwsgierig", "__proto__"]) {
      const asked = await openClientFileIn(file.db, { member: w.colleague, clientId: w.clientId, via: "cli.show", ...(reason !== undefined ? { reason } : {}) });
      expect(asked).toEqual({ kind: "needsReason", name: "Sam", coach: w.coach.name });
    }
    expect(await audits(w.clientId)).toEqual([]);
    const opened = await openClientFileIn(file.db, { member: w.admin, clientId: w.clientId, via: "cli.show", reason: "vervanging" });
    expect(opened.kind).toBe("ok");
    expect((await audits(w.clientId)).map((a) => [a.action, a.actorKind, a.actorId, a.detail])).toEqual([["clientFile.viewed", "ADMIN", w.admin.id, { via: "cli.show", why: "vervanging" }]]);
  });

  it("a partner, a coach of another team and a coach who left are refused, and each attempt is audited", async () => {
    const w = await people();
    for (const m of [w.partner, w.outsider, w.retired]) {
      expect(await openClientFileIn(file.db, { member: m, clientId: w.clientId, via: "slack.file", reason: "crisis" })).toEqual({ kind: "notAllowed" });
    }
    expect((await audits(w.clientId)).map((a) => [a.action, a.actorId])).toEqual([
      ["clientFile.refused", w.partner.id],
      ["clientFile.refused", w.outsider.id],
      ["clientFile.refused", w.retired.id],
    ]);
    expect(await openClientFileIn(file.db, { member: w.coach, clientId: "00000000-0000-4000-8000-000000000000", via: "slack.file" })).toEqual({ kind: "notFound" });
  });
});

describe("loadClientFile", () => {
  it("when the client took back sharing with their coach, only the phase, the nudges and the coach's own rungs remain", async () => {
    const w = await people();
    const id = w.clientId;
    await p().goal.create({ data: { clientId: id, text: "Werk", steps: { create: [{ what: "Bellen" }] } } });
    await p().scaleScore.create({ data: { clientId: id, kind: "WELLBEING", score: 4, at: NOW } });
    await p().flowRun.create({ data: { clientId: id, flowId: "grow", machineVersion: 1, snapshot: {}, status: "DONE", outcome: { state: "done", context: {} } } });
    await p().flowRun.create({ data: { clientId: id, flowId: "clarifying", machineVersion: 1, snapshot: {}, status: "DONE", outcome: { state: "done", context: { picked: ["werk"], focus: "werk" } } } });
    await p().ladderRung.create({ data: { clientId: id, rung: 2, source: "COACH", memberId: w.coachId, at: NOW } });
    await p().ladderRung.create({ data: { clientId: id, rung: 3, source: "CLIENT", at: new Date(NOW.getTime() + 1000) } });
    await p().nudge.create({ data: { clientId: id, coachId: w.coachId, cause: "silent" } });
    await p().job.create({ data: { kind: "reminder.checkin", payload: {}, clientId: id, idempotencyKey: `r:${id}`, dueAt: NOW } });

    const shared = await p().$transaction((tx) => loadClientFile(tx, id));
    expect(shared).toMatchObject({ shared: true, goal: { text: "Werk" }, trajectory: { clarifying: { picked: ["werk"], focus: "werk" } } });
    expect([shared?.conversations.length, shared?.scores.WELLBEING.length, shared?.ladder.length, shared?.reminders.length]).toEqual([2, 1, 2, 1]);

    await p().consentRecord.create({ data: { clientId: id, subject: "coach", textVersion: "consent.coach@1", decision: "WITHDRAWN", at: NOW } });
    const withheld = await p().$transaction((tx) => loadClientFile(tx, id));
    expect(withheld).toMatchObject({ shared: false, goal: null, conversations: [], parked: [], reminders: [], referrals: [] });
    expect(Object.values(withheld?.scores ?? {}).flat()).toEqual([]);
    expect(withheld?.trajectory).toMatchObject({ clarifying: null, evaluation: null, closing: null });
    expect(withheld?.ladder.map((r) => [r.rung, r.source])).toEqual([[2, "COACH"]]);
    expect(withheld?.nudges.map((n) => n.cause)).toEqual(["silent"]);
  });

  it("parked topics come back at the question the client said 'niet nu' to; a coach's talk still waiting is no topic", async () => {
    const w = await people();
    const id = w.clientId;
    await p().flowRun.create({
      data: { clientId: id, flowId: "miracle", machineVersion: 1, snapshot: {}, status: "PARKED", endedAt: NOW, resumeAt: new Date(NOW.getTime() + 86_400_000), resumeFrom: { prompt: [{ key: "miracle.intro" }, { key: "miracle.ask" }] } },
    });
    await p().flowRun.create({ data: { clientId: id, flowId: "evaluation", machineVersion: 1, snapshot: {}, status: "PARKED", resumeFrom: { waiting: true } } });
    await p().flowRun.create({ data: { clientId: id, flowId: "scaling", machineVersion: 1, snapshot: {}, status: "PARKED", resumeFrom: { prompt: "not a list" } } });
    const loaded = await p().$transaction((tx) => loadClientFile(tx, id));
    expect(loaded?.parked.map((x) => [x.flowId, x.promptKey])).toEqual(
      expect.arrayContaining([
        ["miracle", "miracle.ask"],
        ["scaling", null],
      ]),
    );
    expect(loaded?.parked.map((x) => x.flowId)).not.toContain("evaluation");
    expect(loaded?.conversations.map((c) => c.flowId)).not.toContain("evaluation");
  });
});

describe("lastConversations", () => {
  it("newest first, without the menu or a waiting talk; a check-in's score is wellbeing, another scale's from its context", async () => {
    const { clientId } = await activeClient(file.db);
    const at = (n: number) => new Date(NOW.getTime() + n * 60_000);
    const run = (flowId: string, n: number, outcome: object | null, extra: object = {}) =>
      p().flowRun.create({ data: { clientId, flowId, machineVersion: 1, snapshot: {}, status: "DONE", createdAt: at(n), ...(outcome ? { outcome } : {}), ...extra } });
    await run("checkin", 1, { state: "done", context: { score: 7 } });
    await run("menu", 2, { state: "done", context: {} });
    await run("scaling", 3, { state: "done", context: { kind: "MOTIVATION", score: 5 } });
    await run("scaling", 4, { state: "done", context: { kind: "NONSENSE", score: 5 } });
    await run("grow", 5, null, { status: "ACTIVE" });
    await run("closing", 6, null, { status: "PARKED", resumeFrom: { waiting: true } });
    const entries = await p().$transaction((tx) => lastConversations(tx, clientId, 10));
    expect(entries.map((e) => [e.flowId, e.scale, e.score, e.endedAt === null])).toEqual([
      ["grow", null, null, true],
      ["scaling", null, 5, false],
      ["scaling", "MOTIVATION", 5, false],
      ["checkin", "WELLBEING", 7, false],
    ]);
    expect((await p().$transaction((tx) => lastConversations(tx, clientId, 2))).map((e) => e.flowId)).toEqual(["grow", "scaling"]);
  });
});

describe("setRungFromFile", () => {
  it("the own coach's rung is saved as theirs, audited, and the file read again", async () => {
    const w = await people();
    const result = await setRungFromFile(file.db, { member: w.coach, clientId: w.clientId, rung: 4, now: NOW });
    expect(result).toMatchObject({ kind: "ok", name: "Sam", why: "caseload" });
    expect(result.kind === "ok" && result.file.ladder.map((r) => r.rung)).toEqual([4]);
    expect((await p().ladderRung.findMany({ where: { clientId: w.clientId } })).map((r) => [r.rung, r.source, r.memberId])).toEqual([[4, "COACH", w.coachId]]);
    expect((await audits(w.clientId)).map((a) => a.action)).toEqual(["ladder.recorded", "clientFile.viewed"]);
  });

  it("a colleague without a reason, or anyone outside the team, saves nothing; each refusal is audited", async () => {
    const w = await people();
    expect(await setRungFromFile(file.db, { member: w.colleague, clientId: w.clientId, rung: 3, now: NOW })).toEqual({ kind: "needsReason" });
    expect(await setRungFromFile(file.db, { member: w.outsider, clientId: w.clientId, rung: 3, reason: "crisis", now: NOW })).toEqual({ kind: "notAllowed" });
    expect(await p().ladderRung.count({ where: { clientId: w.clientId } })).toBe(0);
    expect((await audits(w.clientId)).map((a) => [a.action, a.actorId, a.detail])).toEqual([
      ["ladder.refused", w.colleague.id, { via: "slack.file", why: "noReason" }],
      ["ladder.refused", w.outsider.id, { via: "slack.file" }],
    ]);
    const withReason = await setRungFromFile(file.db, { member: w.colleague, clientId: w.clientId, rung: 3, reason: "overdracht", now: NOW });
    expect(withReason).toMatchObject({ kind: "ok", why: "overdracht" });
  });

  it("a forgotten client is not found", async () => {
    const w = await people();
    await p().client.update({ where: { id: w.clientId }, data: { status: "FORGOTTEN" } });
    expect(await setRungFromFile(file.db, { member: w.coach, clientId: w.clientId, rung: 2, now: NOW })).toEqual({ kind: "notFound" });
    expect(await p().ladderRung.count({ where: { clientId: w.clientId } })).toBe(0);
  });
});
