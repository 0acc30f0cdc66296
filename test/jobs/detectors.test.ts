/**
 * The periodic detectors (src/jobs/detectors.ts) on the embedded database, one for the file: who
 * counts as silent (active, not in aftercare, since their last message or the invite), a
 * check-in missed (only the latest, from when it came back), a step overdue (open, of an active
 * goal, after the grace hours, each step once), a long pause, and an open promise (open or partly
 * done two weeks after its day, one at a time). Each finding once per thing, also after the coach
 * closed it. The first look at these is in test/slack/nudges.test.ts.
 */
import { describe, expect, it } from "vitest";
import { detectNudges, detectOpenPromises } from "../../src/jobs/detectors.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient, type ClientOptions } from "./support.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;
const NOW = new Date("2027-02-01T09:00:00.000Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms);

const detect = (now = NOW, opts: Partial<Parameters<typeof detectNudges>[2]> = {}) => detectNudges(file.db, now, { silentDays: 7, ...opts });
const causes = async (clientId: string) => (await p().nudge.findMany({ where: { clientId }, orderBy: { openedAt: "asc" } })).map((n) => n.cause);
const closeAll = (clientId: string) => p().nudge.updateMany({ where: { clientId }, data: { status: "DONE" } });
/** A client who wrote an hour ago, unless told otherwise: silence is not what these tests are about. */
const client = (o: ClientOptions = {}) => activeClient(file.db, { lastClientMessageAt: ago(HOUR), ...o });

describe("silent", () => {
  it("an active client who wrote nothing for the days set, or never wrote since the invite; not in aftercare, not paused", async () => {
    const quiet = await client({ lastClientMessageAt: ago(8 * DAY) });
    const never = await client({ lastClientMessageAt: null, createdAt: ago(9 * DAY) });
    const fresh = await client({ lastClientMessageAt: null, createdAt: ago(2 * DAY) });
    const aftercare = await client({ lastClientMessageAt: ago(30 * DAY) });
    await p().client.update({ where: { id: aftercare.clientId }, data: { phase: "AFTERCARE" } });
    const stopped = await client({ status: "STOPPED", lastClientMessageAt: ago(30 * DAY) });
    await detect();
    expect(await causes(quiet.clientId)).toEqual(["silent"]);
    expect(await causes(never.clientId)).toEqual(["silent"]);
    for (const c of [fresh, aftercare, stopped]) expect(await causes(c.clientId)).toEqual([]);
    const nudge = await p().nudge.findFirstOrThrow({ where: { clientId: quiet.clientId } });
    expect(nudge.detail).toEqual({ since: ago(8 * DAY).toISOString(), ref: ago(8 * DAY).toISOString() });
  });

  it("the same silence closed by the coach is not opened again; a new silence after a message is", async () => {
    const c = await client({ lastClientMessageAt: ago(10 * DAY) });
    await detect();
    await closeAll(c.clientId);
    await detect(new Date(NOW.getTime() + DAY));
    expect(await causes(c.clientId)).toEqual(["silent"]);
    await p().client.update({ where: { id: c.clientId }, data: { lastClientMessageAt: new Date(NOW.getTime() + 2 * DAY) } });
    await detect(new Date(NOW.getTime() + 10 * DAY));
    expect(await causes(c.clientId)).toEqual(["silent", "silent"]);
  });

  it("a run opens at most `limit` per detector; the next run takes the rest", async () => {
    const many = [await client({ lastClientMessageAt: ago(20 * DAY) }), await client({ lastClientMessageAt: ago(20 * DAY) }), await client({ lastClientMessageAt: ago(20 * DAY) })];
    const first = await detect(NOW, { limit: 1 });
    expect(first.silent).toBe(1);
    for (let i = 0; i < 5; i++) await detect(NOW, { limit: 1 });
    for (const c of many) expect(await causes(c.clientId)).toEqual(["silent"]);
  });
});

describe("missed_checkin", () => {
  const checkin = (clientId: string, status: "ACTIVE" | "DONE" | "PARKED", createdAt: Date, resumeAt: Date | null = null) =>
    p().flowRun.create({ data: { clientId, flowId: "checkin", machineVersion: 1, snapshot: {}, status, createdAt, resumeAt } });

  it("only the latest check-in counts, and a parked one from when it came back", async () => {
    const missed = await client();
    await checkin(missed.clientId, "ACTIVE", ago(3 * DAY));
    const redone = await client();
    await checkin(redone.clientId, "ACTIVE", ago(9 * DAY));
    await checkin(redone.clientId, "DONE", ago(2 * DAY));
    const parked = await client();
    await checkin(parked.clientId, "PARKED", ago(10 * DAY), ago(HOUR));
    const recent = await client();
    await checkin(recent.clientId, "ACTIVE", ago(47 * HOUR));
    await detect();
    expect(await causes(missed.clientId)).toEqual(["missed_checkin"]);
    for (const c of [redone, parked, recent]) expect(await causes(c.clientId)).toEqual([]);
    await detect(NOW, { missedCheckinHours: 24 });
    expect(await causes(recent.clientId)).toEqual(["missed_checkin"]);
  });
});

describe("step_overdue", () => {
  async function withSteps(steps: { what: string; dueAt: Date; status?: "OPEN" | "PARTLY" | "DONE" }[], goalStatus: "ACTIVE" | "REACHED" = "ACTIVE") {
    const c = await client();
    await p().goal.create({ data: { clientId: c.clientId, text: "Werk", status: goalStatus, steps: { create: steps.map((s) => ({ ...s, status: s.status ?? "OPEN" })) } } });
    const ids = await p().step.findMany({ where: { goal: { clientId: c.clientId } }, orderBy: { dueAt: "asc" } });
    return { ...c, steps: ids };
  }

  it("an open step of an active goal, past its day and the grace hours; not a step partly done, done, or of a reached goal", async () => {
    const late = await withSteps([{ what: "Bellen", dueAt: ago(25 * HOUR) }]);
    const grace = await withSteps([{ what: "Bellen", dueAt: ago(23 * HOUR) }]);
    const partly = await withSteps([{ what: "Bellen", dueAt: ago(3 * DAY), status: "PARTLY" }]);
    const reached = await withSteps([{ what: "Bellen", dueAt: ago(3 * DAY) }], "REACHED");
    await detect();
    expect(await causes(late.clientId)).toEqual(["step_overdue"]);
    for (const c of [grace, partly, reached]) expect(await causes(c.clientId)).toEqual([]);
    expect((await p().nudge.findFirstOrThrow({ where: { clientId: late.clientId } })).detail).toMatchObject({ ref: late.steps[0]?.id });
  });

  it("the earliest step first; each step once, also after the coach closed it; then the next step", async () => {
    const c = await withSteps([
      { what: "Eerste", dueAt: ago(5 * DAY) },
      { what: "Tweede", dueAt: ago(3 * DAY) },
    ]);
    await detect();
    await closeAll(c.clientId);
    await detect();
    await closeAll(c.clientId);
    await detect();
    const refs = (await p().nudge.findMany({ where: { clientId: c.clientId }, orderBy: { openedAt: "asc" } })).map((n) => (n.detail as { ref: string }).ref);
    expect(refs.sort()).toEqual([c.steps[0]?.id, c.steps[1]?.id].sort());
    expect(await p().nudge.count({ where: { clientId: c.clientId, detail: { path: ["ref"], equals: c.steps[0]?.id ?? "" } } })).toBe(1);
  });
});

describe("client_paused", () => {
  it("a client on /pauze for the days set, once per pause", async () => {
    const c = await client({ status: "PAUSED", lastClientMessageAt: ago(15 * DAY) });
    const short = await client({ status: "PAUSED", lastClientMessageAt: ago(13 * DAY) });
    await detect();
    expect(await causes(c.clientId)).toEqual(["client_paused"]);
    expect(await causes(short.clientId)).toEqual([]);
    await closeAll(c.clientId);
    await detect(new Date(NOW.getTime() + DAY));
    expect(await causes(c.clientId)).toEqual(["client_paused"]);
    await detect(NOW, { pausedDays: 10 });
    expect(await causes(short.clientId)).toEqual(["client_paused"]);
  });
});

describe("detectOpenPromises", () => {
  it("a step open or partly done two weeks after its day, one per client at a time, each step once", async () => {
    const c = await client();
    await p().goal.create({
      data: {
        clientId: c.clientId,
        text: "Werk",
        steps: { create: [{ what: "Oud", dueAt: ago(20 * DAY), status: "PARTLY" }, { what: "Ook oud", dueAt: ago(16 * DAY) }, { what: "Nog niet", dueAt: ago(10 * DAY) }, { what: "Klaar", dueAt: ago(30 * DAY), status: "DONE" }] },
      },
    });
    const steps = await p().step.findMany({ where: { goal: { clientId: c.clientId } }, orderBy: { dueAt: "asc" } });
    const byDue = (d: number) => steps.find((s) => s.dueAt?.getTime() === ago(d * DAY).getTime())?.id;
    const refs = async () => (await p().nudge.findMany({ where: { clientId: c.clientId, cause: "open_promise" }, orderBy: { openedAt: "asc" } })).map((n) => (n.detail as { ref: string }).ref);
    await detectOpenPromises(file.db, NOW);
    await detectOpenPromises(file.db, NOW);
    expect(await refs()).toEqual([byDue(20)]);
    await closeAll(c.clientId);
    await detectOpenPromises(file.db, new Date(NOW.getTime() + HOUR));
    expect(await refs()).toEqual([byDue(20), byDue(16)]);
    await closeAll(c.clientId);
    await detectOpenPromises(file.db, new Date(NOW.getTime() + 2 * HOUR));
    expect(await refs()).toHaveLength(2);
    // The step's words stay out of the nudge.
    const details = JSON.stringify((await p().nudge.findMany({ where: { clientId: c.clientId } })).map((n) => n.detail));
    expect(details).not.toContain("Oud");
  });
});
