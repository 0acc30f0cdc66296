/**
 * Delivering coach nudges (src/jobs/nudge-jobs.ts) on the embedded database, one for the file,
 * with a sink that records what would reach Slack: one message per nudge unless it was closed,
 * put off or seen meanwhile; a digest coach waits for the day's digest except for a crisis; a
 * client on crisis hold waits; the digest planned once per Amsterdam day. The Slack side is in
 * test/slack/nudges.test.ts.
 */
import { describe, expect, it } from "vitest";
import { openNudge } from "../../src/domain/nudges.js";
import { coachNudgeHandler, DIGEST_SEND, digestHandler, planDigests, toNote, type CoachAddress, type NudgeNote, type NudgeSink } from "../../src/jobs/nudge-jobs.js";
import type { ClaimedJob, JobContext } from "../../src/jobs/types.js";
import type { Nudge } from "../../src/generated/prisma/client.js";
import { silentLogger } from "../../src/log.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient, type ClientOptions } from "./support.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;
const NOW = new Date("2027-02-01T09:00:00.000Z");

function recordingSink(): NudgeSink & { calls: { coach: CoachAddress; notes: NudgeNote[]; kind: string }[] } {
  const calls: { coach: CoachAddress; notes: NudgeNote[]; kind: string }[] = [];
  return {
    calls,
    deliver: async (coach, notes, kind) => {
      calls.push({ coach, notes, kind });
      return { channel: `D${coach.slackUserId ?? ""}`, ts: `${calls.length}.0001` };
    },
  };
}

const ctx = (now = NOW): JobContext => ({ db: file.db, now: () => now, logger: silentLogger(), savePayload: async () => undefined });
const job = (kind: string, payload: object) => ({ id: 1n, kind, payload, dueAt: NOW, attempts: 1 }) as unknown as ClaimedJob;

async function opened(o: ClientOptions, cause = "silent", extra: { detail?: Record<string, string> } = {}): Promise<Nudge & { clientId: string; coachId: string }> {
  const c = await activeClient(file.db, o);
  const r = await p().$transaction((tx) => openNudge(tx, { clientId: c.clientId, coachId: c.coachId, cause, now: NOW, ...extra }));
  return { ...(await p().nudge.findUniqueOrThrow({ where: { id: r.id ?? "" } })), clientId: c.clientId, coachId: c.coachId };
}

describe("toNote", () => {
  it("names the client by first name, says since when (the detail's, else when it opened), and nothing else of the client", async () => {
    const n = await opened({ name: "Samira El Amrani" }, "silent", { detail: { since: "2027-01-20T08:00:00.000Z" } });
    const nudge = await p().nudge.findUniqueOrThrow({ where: { id: n.id }, include: { client: true } });
    expect(toNote(nudge)).toEqual({ nudgeId: n.id, cause: "silent", clientId: n.clientId, clientFirstName: "Samira", since: new Date("2027-01-20T08:00:00.000Z"), detail: nudge.detail });
    expect(toNote({ ...nudge, detail: {} }).since).toEqual(nudge.openedAt);
    // A forgotten client: the name the nudge kept, not the erased row's.
    expect(toNote({ ...nudge, detail: { name: "Sam" }, client: { ...nudge.client, name: "(vergeten)" } }).clientFirstName).toBe("Sam");
  });
});

describe("coachNudgeHandler", () => {
  it("delivers an open nudge once and remembers where", async () => {
    const sink = recordingSink();
    const n = await opened({ coach: { slackUserId: "UONE" } });
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: n.id }), ctx());
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: n.id }), ctx());
    expect(sink.calls.map((c) => [c.coach.slackUserId, c.kind, c.notes.map((x) => x.nudgeId)])).toEqual([["UONE", "single", [n.id]]]);
    expect(await p().nudge.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ notifiedAt: NOW, slackChannel: "DUONE", slackTs: "1.0001" });
  });

  it("a nudge closed or put off meanwhile, or that no longer exists, is not delivered", async () => {
    const sink = recordingSink();
    const done = await opened({});
    const snoozed = await opened({});
    await p().nudge.update({ where: { id: done.id }, data: { status: "DONE" } });
    await p().nudge.update({ where: { id: snoozed.id }, data: { status: "SNOOZED" } });
    for (const id of [done.id, snoozed.id, "00000000-0000-4000-8000-000000000000"]) await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: id }), ctx());
    expect(sink.calls).toEqual([]);
  });

  it("a digest coach waits for the digest, except for a crisis", async () => {
    const sink = recordingSink();
    const silent = await opened({ coach: { nudgeMode: "DAILY_DIGEST" } });
    const crisis = await opened({ coach: { nudgeMode: "DAILY_DIGEST" } }, "crisis");
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: silent.id }), ctx());
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: crisis.id }), ctx());
    expect(sink.calls.map((c) => c.notes[0]?.cause)).toEqual(["crisis"]);
    expect((await p().nudge.findUniqueOrThrow({ where: { id: silent.id } })).notifiedAt).toBeNull();
  });

  it("while a client is on crisis hold only the crisis speaks", async () => {
    const sink = recordingSink();
    const step = await opened({}, "step_overdue");
    const crisis = await p().$transaction((tx) => openNudge(tx, { clientId: step.clientId, coachId: step.coachId, cause: "crisis", now: NOW }));
    await p().client.update({ where: { id: step.clientId }, data: { crisisHoldSince: NOW } });
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: step.id }), ctx());
    await coachNudgeHandler(sink)(job("coach.nudge", { nudgeId: crisis.id ?? "" }), ctx());
    expect(sink.calls.map((c) => c.notes[0]?.cause)).toEqual(["crisis"]);
  });

  it("a job from before nudges had rows opens the row, whose own delivery follows; nothing is sent now", async () => {
    const sink = recordingSink();
    const c = await activeClient(file.db);
    await coachNudgeHandler(sink)(job("coach.nudge", { clientId: c.clientId, coachId: c.coachId, cause: "unreachable" }), ctx());
    expect(sink.calls).toEqual([]);
    const nudge = await p().nudge.findFirstOrThrow({ where: { clientId: c.clientId } });
    expect(nudge).toMatchObject({ cause: "unreachable", status: "OPEN" });
    expect(await p().job.count({ where: { kind: "coach.nudge", payload: { equals: { nudgeId: nudge.id } } } })).toBe(1);
  });
});

describe("planDigests and digestHandler", () => {
  it("plans one digest a day (an Amsterdam day) per active digest coach with something unseen", async () => {
    const a = await opened({ coach: { nudgeMode: "DAILY_DIGEST" } });
    const seen = await opened({ coach: { nudgeMode: "DAILY_DIGEST" } });
    await p().nudge.update({ where: { id: seen.id }, data: { notifiedAt: NOW } });
    const gone = await opened({ coach: { nudgeMode: "DAILY_DIGEST" } });
    await p().member.update({ where: { id: gone.coachId }, data: { active: false } });
    await opened({ coach: { nudgeMode: "SINGLE" } });
    const keys = async () => (await p().job.findMany({ where: { kind: DIGEST_SEND, payload: { equals: { coachId: a.coachId } } } })).map((j) => j.idempotencyKey);
    const digestCoaches = async (at: Date) => {
      await planDigests(file.db, at);
      return (await p().job.findMany({ where: { kind: DIGEST_SEND } })).map((j) => (j.payload as { coachId: string }).coachId);
    };
    const planned = await digestCoaches(NOW);
    expect(planned).toContain(a.coachId);
    expect(planned).not.toContain(seen.coachId);
    expect(planned).not.toContain(gone.coachId);
    // 23:30 the same day in Amsterdam, then 00:30 the next (still 1 February in UTC).
    await planDigests(file.db, new Date("2027-02-01T22:30:00.000Z"));
    expect(await keys()).toEqual([`${DIGEST_SEND}:${a.coachId}:2027-02-01`]);
    await planDigests(file.db, new Date("2027-02-01T23:30:00.000Z"));
    expect((await keys()).sort()).toEqual([`${DIGEST_SEND}:${a.coachId}:2027-02-01`, `${DIGEST_SEND}:${a.coachId}:2027-02-02`]);
  });

  it("the digest holds every unseen open nudge of the coach, oldest first, without clients on crisis hold; then they are seen", async () => {
    const sink = recordingSink();
    const first = await opened({ name: "Anna", coach: { nudgeMode: "DAILY_DIGEST", slackUserId: "UDIG" } });
    const coachId = first.coachId;
    const more = async (name: string, cause: string, minutes: number) => {
      const client = await p().client.create({ data: { name, coachId, status: "ACTIVE", telegramChatId: BigInt(830_000 + minutes) } });
      await p().$transaction((tx) => openNudge(tx, { clientId: client.id, coachId, cause, now: new Date(NOW.getTime() + minutes * 60_000) }));
      return client;
    };
    await more("Bram", "missed_checkin", 5);
    const held = await more("Cas", "silent", 6);
    await p().client.update({ where: { id: held.id }, data: { crisisHoldSince: NOW } });
    const seen = await more("Dirk", "silent", 7);
    await p().nudge.updateMany({ where: { clientId: seen.id }, data: { notifiedAt: NOW } });
    await more("Eva", "step_overdue", 8);

    await digestHandler(sink)(job(DIGEST_SEND, { coachId }), ctx());
    expect(sink.calls.map((c) => [c.kind, c.notes.map((n) => n.clientFirstName)])).toEqual([["digest", ["Anna", "Bram", "Eva"]]]);
    expect(await p().nudge.count({ where: { coachId, notifiedAt: null } })).toBe(1);
    await digestHandler(sink)(job(DIGEST_SEND, { coachId }), ctx());
    await digestHandler(sink)(job(DIGEST_SEND, { coachId: "00000000-0000-4000-8000-000000000000" }), ctx());
    expect(sink.calls).toHaveLength(1);
  });
});
