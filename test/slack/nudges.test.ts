import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { actOnNudge, checkScoreDrop, openNudge, resurfaceSnoozed } from "../../src/domain/nudges.js";
import { detectNudges } from "../../src/jobs/detectors.js";
import { createJobs } from "../../src/jobs/index.js";
import { planDigests, type NudgeSink } from "../../src/jobs/nudge-jobs.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import { silentLogger } from "../../src/log.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createSlackNudgeSink } from "../../src/slack/nudge-sink.js";
import { createWebClient } from "../../src/slack/web.js";
import { activeClient, backends, fakeClock, recordingSender, useDb, type FakeClock } from "../jobs/support.js";
import { startFakeSlack, type FakeSlack } from "./fake-slack.js";

const DAY = 86_400_000;
const NOW = "2027-02-01T09:00:00Z";
let slack: FakeSlack;
beforeAll(async () => (slack = await startFakeSlack()));
afterAll(() => slack.close());

function jobs(db: Database, clock: FakeClock, sink?: NudgeSink) {
  const nudges = sink ?? createSlackNudgeSink({ web: createWebClient({ token: "xoxb-test-token", apiUrl: slack.url, logger: silentLogger() }), t: createSlackTranslator("nl") });
  const engine = { withClient: async () => undefined as never, resumeParked: async () => "gone" as const, reask: async () => "not needed" as const };
  return createJobs({ db, engine, sender: recordingSender(), nudges, logger: silentLogger(), clock: clock.now, limiter: unlimited, silentDays: 7 });
}

const open = (db: Database, clientId: string, coachId: string, cause: string, now: Date, extra = {}) =>
  db.prisma.$transaction((tx) => openNudge(tx, { clientId, coachId, cause, now, ...extra }));

describe.each(backends)("coach nudges on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  it.runIf(available)("are open at most once per client and cause, enforced by the database", async () => {
    const db = await newDb();
    const now = new Date(NOW);
    const { clientId, coachId } = await activeClient(db);
    expect((await open(db, clientId, coachId, "silent", now)).kind).toBe("opened");
    expect((await open(db, clientId, coachId, "silent", now)).kind).toBe("alreadyOpen");
    expect((await open(db, clientId, coachId, "crisis", now)).kind).toBe("opened");
    await expect(
      db.sql.query(`INSERT INTO "Nudge" (id, "coachId", "clientId", cause, status) VALUES (gen_random_uuid(), $1, $2, 'silent', 'SNOOZED')`, [coachId, clientId]),
    ).rejects.toThrow(/unique|duplicate/i);
    const [silent] = await db.prisma.nudge.findMany({ where: { cause: "silent" } });
    await db.prisma.$transaction((tx) => actOnNudge(tx, { nudgeId: silent?.id ?? "", memberId: coachId, action: "done", now }));
    expect((await open(db, clientId, coachId, "silent", now)).kind).toBe("opened");
    expect(await db.prisma.nudge.count()).toBe(3);
  });

  it.runIf(available)("the coach's three answers: contact, snooze (back after 3 days), done; only their own", async () => {
    const db = await newDb();
    const now = new Date(NOW);
    const { clientId, coachId } = await activeClient(db);
    const other = await activeClient(db);
    const act = (nudgeId: string, action: "contact" | "snooze" | "done", memberId = coachId, at = now) =>
      db.prisma.$transaction((tx) => actOnNudge(tx, { nudgeId, memberId, action, now: at }));
    const a = await open(db, clientId, coachId, "silent", now);
    const b = await open(db, clientId, coachId, "step_overdue", now);
    const c = await open(db, clientId, coachId, "missed_checkin", now);
    const ids = [a, b, c].map((r) => (r.kind === "alreadyOpen" ? "" : r.id));
    expect(await act(ids[0] ?? "", "contact", other.coachId)).toEqual({ kind: "notYours" });
    expect(await act(ids[0] ?? "", "contact")).toEqual({ kind: "ok", status: "DONE" });
    expect(await act(ids[0] ?? "", "done")).toEqual({ kind: "alreadyDone" });
    expect(await act(ids[2] ?? "", "done")).toEqual({ kind: "ok", status: "DONE" });
    expect(await act("00000000-0000-4000-8000-000000000000", "done")).toEqual({ kind: "notFound" });
    expect(await act(ids[1] ?? "", "snooze")).toMatchObject({ kind: "ok", status: "SNOOZED", snoozedUntil: new Date(now.getTime() + 3 * DAY) });
    expect(await db.prisma.$transaction((tx) => resurfaceSnoozed(tx, new Date(now.getTime() + 2 * DAY)))).toBe(0);
    expect(await db.prisma.$transaction((tx) => resurfaceSnoozed(tx, new Date(now.getTime() + 3 * DAY)))).toBe(1);
    expect((await db.prisma.nudge.findUniqueOrThrow({ where: { id: ids[1] ?? "" } })).status).toBe("OPEN");
    expect(await db.prisma.job.count({ where: { kind: "coach.nudge", payload: { equals: { nudgeId: ids[1] } } } })).toBe(2);
    const audit = await db.prisma.auditEvent.findMany({ where: { clientId }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["nudge.contact", "nudge.done", "nudge.snooze"]);
    const first = await db.prisma.nudge.findUniqueOrThrow({ where: { id: ids[0] ?? "" } });
    expect(first.detail).toMatchObject({ resolution: "contact" });
  });

  it.runIf(available)("detectors: silence, missed check-in and an overdue step; no nudge twice for the same thing", async () => {
    const db = await newDb();
    const now = new Date(NOW);
    const silent = await activeClient(db, { lastClientMessageAt: new Date(now.getTime() - 8 * DAY) });
    const talking = await activeClient(db, { lastClientMessageAt: new Date(now.getTime() - DAY) });
    await db.prisma.flowRun.create({
      data: { clientId: talking.clientId, flowId: "checkin", machineVersion: 1, snapshot: {}, status: "ACTIVE", createdAt: new Date(now.getTime() - 3 * DAY) },
    });
    await db.prisma.goal.create({
      data: { clientId: talking.clientId, text: "Werk", steps: { create: [{ what: "Bellen", dueAt: new Date(now.getTime() - 2 * DAY) }] } },
    });
    expect(await detectNudges(db, now, { silentDays: 7 })).toEqual({ silent: 1, missed_checkin: 1, step_overdue: 1, client_paused: 0 });
    expect(await detectNudges(db, now, { silentDays: 7 })).toEqual({ silent: 0, missed_checkin: 0, step_overdue: 0, client_paused: 0 });
    await db.prisma.nudge.updateMany({ data: { status: "DONE" } });
    expect(await detectNudges(db, new Date(now.getTime() + DAY), { silentDays: 7 })).toEqual({ silent: 0, missed_checkin: 0, step_overdue: 0, client_paused: 0 });
    // The client wrote again, then went silent again: that is news.
    await db.prisma.client.update({ where: { id: silent.clientId }, data: { lastClientMessageAt: new Date(now.getTime() + DAY) } });
    await detectNudges(db, new Date(now.getTime() + 9 * DAY), { silentDays: 7 });
    expect(await db.prisma.nudge.count({ where: { clientId: silent.clientId, cause: "silent", status: "OPEN" } })).toBe(1);
  });

  it.runIf(available)("a score that drops by 2 or more, or to 3 or lower, is a nudge", async () => {
    const db = await newDb();
    const now = new Date(NOW);
    const { clientId } = await activeClient(db);
    const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    let n = 0;
    const record = async (score: number) => {
      await db.prisma.$transaction(async (tx) => {
        await checkScoreDrop(tx, client, "WELLBEING", score, now);
        await tx.scaleScore.create({ data: { clientId, kind: "WELLBEING", score, at: new Date(now.getTime() + ++n * 1000) } });
      });
      return db.prisma.nudge.findMany({ where: { clientId } });
    };
    expect(await record(7)).toHaveLength(0);
    expect(await record(6)).toHaveLength(0);
    const [drop] = await record(4);
    expect(drop).toMatchObject({ cause: "score_drop", detail: { scale: "WELLBEING", from: 6, to: 4 } });
    await db.prisma.nudge.updateMany({ data: { status: "DONE" } });
    expect(await record(5)).toHaveLength(1);
    const low = (await record(3)).filter((x) => x.status === "OPEN");
    expect(low).toMatchObject([{ cause: "score_drop", detail: { from: 5, to: 3 } }]);
  });

  it.runIf(available)("reach the coach as a Slack DM with the essentials and three buttons", async () => {
    const db = await newDb();
    const clock = fakeClock(NOW);
    const { clientId, coachId } = await activeClient(db, { name: "Samira El Amrani", coach: { slackUserId: "UCOACH1" } });
    await open(db, clientId, coachId, "silent", clock.now(), { detail: { since: new Date(clock.now().getTime() - 8 * DAY).toISOString() } });
    const before = slack.calls.length;
    await jobs(db, clock).dispatcher.drain();
    const calls = slack.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(["conversations.open", "chat.postMessage"]);
    const post = calls[1];
    expect(post?.token).toBe("xoxb-test-token");
    expect(post?.params.channel).toBe("DUCOACH1");
    const text = JSON.stringify(post?.params);
    expect(post?.params.text).toBe("Samira heeft al 8 dagen niets laten horen.");
    expect(text).not.toContain("El Amrani");
    expect(text).toContain("Sinds 24 januari");
    const actions = (post?.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === "actions");
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(["nudge.contact", "nudge.snooze", "nudge.done"]);
    const nudge = await db.prisma.nudge.findFirstOrThrow({ where: { clientId } });
    expect(actions?.elements?.[0]?.value).toBe(nudge.id);
    expect(nudge).toMatchObject({ slackChannel: "DUCOACH1", notifiedAt: clock.now() });
    expect(nudge.slackTs).toMatch(/^\d+\.\d+$/);
  });

  it.runIf(available)("coaches with a daily digest get one message a day; a crisis still comes at once", async () => {
    const db = await newDb();
    const clock = fakeClock(NOW);
    const a = await activeClient(db, { name: "Samira", coach: { slackUserId: "UDIGEST", nudgeMode: "DAILY_DIGEST" } });
    const b = await db.prisma.client.create({ data: { name: "Joost", coachId: a.coachId, status: "ACTIVE", telegramChatId: 9_999_001n } });
    await open(db, a.clientId, a.coachId, "silent", clock.now());
    await open(db, b.id, a.coachId, "missed_checkin", clock.now());
    const { dispatcher } = jobs(db, clock);
    const before = slack.posts().length;
    await dispatcher.drain();
    expect(slack.posts().length).toBe(before);
    expect(await planDigests(db, clock.now())).toBe(1);
    expect(await planDigests(db, clock.now())).toBe(1);
    await dispatcher.drain();
    const digests = slack.posts().slice(before);
    expect(digests).toHaveLength(1);
    expect(JSON.stringify(digests[0]?.params.blocks)).toMatch(/Samira.*Joost|Joost.*Samira/);
    expect(await db.prisma.nudge.count({ where: { notifiedAt: null } })).toBe(0);
    await open(db, b.id, a.coachId, "crisis", clock.now());
    await dispatcher.drain();
    expect(slack.posts().length).toBe(before + 2);
  });

  it.runIf(available)("Slack errors: a revoked token is permanent, a rate limit waits", async () => {
    const db = await newDb();
    const clock = fakeClock(NOW);
    const { clientId, coachId } = await activeClient(db, { coach: { slackUserId: "UERR" } });
    await open(db, clientId, coachId, "silent", clock.now());
    await open(db, clientId, coachId, "crisis", clock.now());
    slack.failNext("conversations.open", { ratelimited: 30 });
    const { dispatcher } = jobs(db, clock);
    await dispatcher.drain();
    const waiting = await db.prisma.job.findMany({ where: { kind: "coach.nudge", status: "PENDING" } });
    expect(waiting).toHaveLength(1);
    expect((waiting[0]?.dueAt.getTime() ?? 0) - clock.now().getTime()).toBe(30_000);
    slack.failNext("chat.postMessage", "token_revoked");
    clock.advance(30_000);
    await dispatcher.drain();
    const dead = await db.prisma.job.findMany({ where: { kind: "coach.nudge", status: "DEAD" } });
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toContain("token_revoked");
  });
});
