/**
 * The trajectory buttons of the Slack file (src/slack/file/trajectory.ts), their real listeners
 * with the real engine on an embedded database of its own, and a Web API client that records what
 * would reach Slack: which buttons a phase shows, "evaluate now" only for the own coach, the date
 * picker pushed over the file (or opened) on Amsterdam's today, and a submitted day planned, or an
 * inline error when it cannot be. Over signed requests to Bolt: test/slack/trajectory-buttons.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/generated/prisma/client.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { silentLogger } from "../../../src/log.js";
import type { SlackDeps } from "../../../src/slack/context.js";
import { registerTrajectory, trajectoryButtons, type TrajectoryDeps } from "../../../src/slack/file/trajectory.js";
import { TRAJECTORY_ACTIONS, TRAJECTORY_VIEWS } from "../../../src/slack/ids.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { referralWorld, type ReferralWorld } from "../../domain/referrals-world.js";
import { contextOf, fakeApp, listenersFor } from "../views/fake-bolt.js";

const file = dbForFile(freshEmbeddedDb);
const t = createSlackTranslator("nl");
/** Sunday 7 March 2027 in UTC, but 00:30 on Monday 8 March in Amsterdam (CET). */
const NOW = new Date("2027-03-07T23:30:00.000Z");

function harness(w: ReferralWorld, over: Partial<TrajectoryDeps> = {}) {
  const { app, views, actions } = fakeApp();
  let queued = 0;
  const deps: SlackDeps & TrajectoryDeps = {
    service: w.service,
    db: file.db,
    t,
    logger: silentLogger(),
    clock: () => NOW,
    botUsername: async () => null,
    engine: w.engine,
    aftercareWeeks: [4, 12],
    onQueued: () => void queued++,
    ...over,
  };
  registerTrajectory(app, deps);
  const told: string[] = [];
  const modals: { how: "push" | "open"; view: { callback_id: string; private_metadata: string; blocks: { element?: { initial_date?: string } }[] } }[] = [];
  const acks: unknown[] = [];
  const client = {
    chat: { postMessage: async (m: { text: string }) => (told.push(m.text), { ok: true, ts: "1.1" }), postEphemeral: async () => ({ ok: true }) },
    conversations: { open: async ({ users }: { users: string }) => ({ ok: true, channel: { id: `D${users}` } }) },
    views: {
      push: async ({ view }: { view: (typeof modals)[number]["view"] }) => (modals.push({ how: "push", view }), { ok: true }),
      open: async ({ view }: { view: (typeof modals)[number]["view"] }) => (modals.push({ how: "open", view }), { ok: true }),
    },
  };
  const ack = async (r?: unknown) => void acks.push(r ?? "ack");
  const press = async (actionId: string, who: Member | null, value: unknown, extra: Record<string, unknown> = {}) => {
    for (const l of listenersFor(actions, actionId)) await l({ ack, body: { user: { id: who?.slackUserId ?? "UNOBODY" }, trigger_id: "trig", ...extra }, action: { action_id: actionId, value }, client, context: contextOf(who) });
  };
  const submit = async (kind: "evaluation" | "closing", who: Member | null, date: string | null, meta: string) => {
    const listener = views.get(TRAJECTORY_VIEWS[kind]);
    if (!listener) throw new Error("no listener");
    await listener({ ack, body: { user: { id: who?.slackUserId ?? "UNOBODY" } }, view: { private_metadata: meta, state: { values: { date: { v: { selected_date: date } } } } }, client, context: contextOf(who) });
  };
  return { press, submit, told, modals, acks, queued: () => queued };
}
const jobs = (clientId: string, kind: string) => file.db.prisma.job.findMany({ where: { clientId, kind, status: "PENDING" } });

describe("trajectoryButtons", () => {
  it("three buttons while coaching, only the closing's once announced, none after", () => {
    const ids = (phase: string) => trajectoryButtons(t, "c-1", phase).flatMap((b) => ("elements" in b ? (b.elements as { action_id: string; value: string }[]) : [])).map((e) => [e.action_id, e.value]);
    for (const phase of ["REFERRED", "CLARIFYING", "DOING", "EVALUATION"]) {
      expect(ids(phase)).toEqual([
        [TRAJECTORY_ACTIONS.evaluateNow, "c-1"],
        [TRAJECTORY_ACTIONS.planEvaluation, "c-1"],
        [TRAJECTORY_ACTIONS.announceClosing, "c-1"],
      ]);
    }
    expect(ids("CLOSING")).toEqual([[TRAJECTORY_ACTIONS.announceClosing, "c-1"]]);
    expect(trajectoryButtons(t, "c-1", "AFTERCARE")).toEqual([]);
    expect(trajectoryButtons(t, "c-1", "CLOSED")).toEqual([]);
  });
});

describe("evaluate now", () => {
  it("starts the evaluation for the own coach, audited, and says so by first name", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.press(TRAJECTORY_ACTIONS.evaluateNow, w.coach, w.client.id);
    expect(h.told).toEqual([t("trajectory.done.evaluationNow", { name: "Sam" })]);
    expect(await file.db.prisma.flowRun.count({ where: { clientId: w.client.id, flowId: "evaluation" } })).toBe(1);
    expect(await file.db.prisma.auditEvent.count({ where: { clientId: w.client.id, actorId: w.coach.id, action: "conversation.started" } })).toBe(1);
  });

  it("a colleague, a paused client, a forged value or no engine: told why, nothing started", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.press(TRAJECTORY_ACTIONS.evaluateNow, w.colleague, w.client.id);
    expect(h.told.at(-1)).toBe(t("trajectory.refused", { why: "not your client" }));
    await file.db.prisma.client.update({ where: { id: w.client.id }, data: { status: "PAUSED" } });
    await h.press(TRAJECTORY_ACTIONS.evaluateNow, w.coach, w.client.id);
    expect(h.told.at(-1)).toBe(t("trajectory.refused", { why: "this client cannot get a conversation now (paused)" }));
    for (const value of ["nope", "00000000-0000-4000-8000-000000000000", undefined]) {
      await h.press(TRAJECTORY_ACTIONS.evaluateNow, w.coach, value);
      expect(h.told.at(-1)).toBe(t("file.refused.notFound"));
    }
    const noEngine = harness(w, { engine: undefined });
    await noEngine.press(TRAJECTORY_ACTIONS.evaluateNow, w.coach, w.client.id);
    expect(noEngine.told).toEqual([t("file.refused.notFound")]);
    expect(await file.db.prisma.flowRun.count({ where: { clientId: w.client.id, flowId: "evaluation" } })).toBe(0);
    // Every refusal is in the audit log, with who asked and why.
    const refused = await file.db.prisma.auditEvent.findMany({
      where: { action: "slack.refused", actorId: { in: [w.coach.id, w.colleague.id] }, detail: { path: ["what"], equals: TRAJECTORY_ACTIONS.evaluateNow } },
      orderBy: { id: "asc" },
    });
    expect(refused.map((r) => [r.actorId, (r.detail as { why?: string }).why])).toEqual([
      [w.colleague.id, "notAllowed"],
      [w.coach.id, "notAllowed"],
      [w.coach.id, "malformedId"],
      [w.coach.id, "notFound"],
      [w.coach.id, "malformedId"],
      [w.coach.id, "notFound"],
    ]);
  });

  it("someone who is no member is audited and told nothing", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.press(TRAJECTORY_ACTIONS.evaluateNow, null, w.client.id);
    expect(h.told).toEqual([]);
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "slack.refused", detail: { path: ["what"], equals: TRAJECTORY_ACTIONS.evaluateNow } }, orderBy: { id: "desc" } });
    expect(row.detail).toMatchObject({ why: "notMember" });
  });
});

describe("plan a talk", () => {
  it("the date picker goes over the file, or opens on its own, starting at today in Amsterdam", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.press(TRAJECTORY_ACTIONS.planEvaluation, w.coach, w.client.id, { view: { id: "VFILE" } });
    await h.press(TRAJECTORY_ACTIONS.announceClosing, w.coach, w.client.id);
    await h.press(TRAJECTORY_ACTIONS.announceClosing, w.coach, "forged");
    expect(h.modals.map((m) => [m.how, m.view.callback_id, m.view.blocks[0]?.element?.initial_date, m.view.private_metadata])).toEqual([
      ["push", TRAJECTORY_VIEWS.evaluation, "2027-03-08", JSON.stringify({ clientId: w.client.id })],
      ["open", TRAJECTORY_VIEWS.closing, "2027-03-08", JSON.stringify({ clientId: w.client.id })],
      ["open", TRAJECTORY_VIEWS.closing, "2027-03-08", JSON.stringify({ clientId: "" })],
    ]);
    expect(h.modals[1]?.view.blocks).toHaveLength(2);
  });

  it("a submitted day plans the talk, closes the modals, wakes the dispatcher and says when", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.submit("closing", w.coach, "2027-03-22", JSON.stringify({ clientId: w.client.id }));
    expect(h.acks).toEqual([{ response_action: "clear" }]);
    expect(h.queued()).toBe(1);
    const at = new Date("2027-03-22T09:00:00.000Z");
    expect(h.told).toEqual([t("trajectory.done.closingAnnounced", { name: "Sam", date: at.toISOString() })]);
    expect((await jobs(w.client.id, "trajectory.closing")).map((j) => [j.dueAt, j.payload])).toEqual([[at, { coachId: w.coach.id, aftercareWeeks: [4, 12] }]]);
  });

  it("a day gone by, no day, forged metadata or another team's coach: an inline error, nothing planned", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    const meta = JSON.stringify({ clientId: w.client.id });
    const other = await file.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: `Ander team ${w.client.id}` } });
    const stranger = await file.db.prisma.member.create({ data: { organisationId: other.id, name: "Kim", role: "COACH", slackUserId: `UKIM${w.chatId}` } });
    await h.submit("evaluation", w.coach, "2027-03-07", meta);
    await h.submit("evaluation", w.coach, null, meta);
    await h.submit("evaluation", w.coach, "2027-03-20", "{not json");
    await h.submit("evaluation", w.coach, "2027-03-20", JSON.stringify({ clientId: "x" }));
    await h.submit("evaluation", stranger, "2027-03-20", meta);
    expect(h.acks).toHaveLength(5);
    for (const a of h.acks) expect(a).toMatchObject({ response_action: "errors", errors: { date: expect.stringContaining("Dat lukte niet") } });
    expect((h.acks[0] as { errors: { date: string } }).errors.date).toContain("already gone by");
    expect((h.acks[4] as { errors: { date: string } }).errors.date).toContain("not your client");
    expect(await jobs(w.client.id, "trajectory.evaluation")).toEqual([]);
    expect([h.told, h.queued()]).toEqual([[], 0]);
    expect(await file.db.prisma.auditEvent.count({ where: { action: "slack.refused", actorId: { in: [w.coach.id, stranger.id] }, detail: { path: ["what"], equals: TRAJECTORY_VIEWS.evaluation } } })).toBe(5);
  });

  it("someone who is no member gets an inline error, audited", async () => {
    const w = await referralWorld(file.db, () => NOW);
    const h = harness(w);
    await h.submit("closing", null, "2027-03-20", JSON.stringify({ clientId: w.client.id }));
    expect(h.acks).toEqual([{ response_action: "errors", errors: { date: t("referral.refused.notMember") } }]);
    expect((await file.db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } })).phase).not.toBe("CLOSING");
    expect(await file.db.prisma.auditEvent.count({ where: { action: "slack.refused", detail: { path: ["what"], equals: TRAJECTORY_VIEWS.closing } } })).toBe(1);
  });
});
