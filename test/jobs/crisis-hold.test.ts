/**
 * After a crisis signal the client's own reminders (a step, an appointment, the check-in) wait
 * until someone resumes them, however long that takes, and then go out as planned. The engine,
 * the planner, the durable job queue and the reminder handlers are the real ones on a fake clock;
 * what would reach Telegram is recorded.
 */
import { describe, expect, it } from "vitest";
import { crisisResume } from "../../src/cli/crisis.js";
import type { Database } from "../../src/db/client.js";
import { planReminders } from "../../src/domain/reminders/plan.js";
import { DAYPART_WINDOWS, isQuietHours, localTime } from "../../src/domain/reminders/schedule.js";
import { silentLogger } from "../../src/log.js";
import { crisisHandlers } from "../../src/slack/crisis.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { activeClient, fakeClock, useDb, type FakeClock, type SentMessage } from "./support.js";
import { jobsWorld } from "./world.js";
import { freshEmbeddedDb } from "../support/db.js";

const HOUR = 3_600_000;
let update = 61_000;

// Dates lie ahead of the real clock: the outbox's own rows are due at the database's now().
const MONDAY_0830 = "2027-01-11T07:30:00Z";

function world(db: Database, clock: FakeClock) {
  // The coach is told as without Slack (logged); the hold is the same either way.
  const handlers = crisisHandlers({ db, t: createSlackTranslator("nl"), logger: silentLogger(), web: null, escalateMinutes: 30 });
  return jobsWorld(db, clock, () => update++, { handlers });
}

const keysOf = (messages: SentMessage[]) => messages.map((m) => m.key);
const reminderKeys = (messages: SentMessage[]) => keysOf(messages).filter((k) => k.startsWith("reminders."));

describe("a crisis hold on the client's reminders", () => {
  const newDb = useDb(freshEmbeddedDb);

  it("a step's and an appointment's reminder wait while the hold lasts and go out after `crisis resume`", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db, { callName: "Sam", everyDays: null, daypart: "morning" });
    await db.prisma.goal.create({ data: { clientId, text: "Werk vinden", steps: { create: [{ what: "Het UWV bellen", dueAt: new Date("2027-01-12T11:00:00Z") }] } } });
    await db.prisma.appointment.create({ data: { clientId, at: new Date("2027-01-13T13:30:00Z"), place: "het wijkteam" } });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const planned = await db.prisma.job.findMany({ where: { clientId, kind: { in: ["reminder.step", "reminder.appointment"] } }, orderBy: { dueAt: "asc" } });
    expect(planned.map((j) => j.kind).sort()).toEqual(["reminder.appointment", "reminder.step"]);

    await w.say(chatId, "ik wil dood");
    expect(keysOf(await w.delivered())).toEqual(["crisis.answer.suicide"]);

    // Tuesday morning, both reminders are due: nothing reaches the client.
    const due = planned.at(-1)?.dueAt as Date;
    clock.set(due);
    expect(reminderKeys(await w.delivered())).toEqual([]);
    const held = await db.prisma.job.findMany({ where: { id: { in: planned.map((j) => j.id) } } });
    // Waiting, not failed: looked at again in an hour, no attempt counted.
    expect(held.map((j) => [j.status, j.attempts, j.dueAt.getTime()])).toEqual(held.map(() => ["PENDING", 0, due.getTime() + HOUR]));
    clock.advance(30 * 60_000);
    expect(reminderKeys(await w.delivered())).toEqual([]);

    expect(await crisisResume(db, "Samira El Amrani", clock.now())).toBe("Reminders and nudges about Sam go on again.");
    clock.set(new Date(due.getTime() + HOUR));
    const out = await w.delivered();
    expect(reminderKeys(out).sort()).toEqual(["reminders.appointment.tomorrowAt", "reminders.step.text"]);
    expect(out.find((m) => m.key === "reminders.step.text")?.vars).toMatchObject({ name: "Sam", what: "Het UWV bellen" });
    expect(out.find((m) => m.key === "reminders.appointment.tomorrowAt")?.vars).toMatchObject({ place: "het wijkteam" });
    expect((await db.prisma.job.findMany({ where: { id: { in: planned.map((j) => j.id) } } })).map((j) => j.status)).toEqual(["DONE", "DONE"]);
  });

  it("the check-in waits for days without dying, and starts after the hold is lifted, in the client's part of the day", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db, { callName: "Sam", everyDays: 7, daypart: "morning" });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const job = await db.prisma.job.findFirstOrThrow({ where: { clientId, kind: "reminder.checkin" } });

    await w.say(chatId, "hij slaat me");
    expect(keysOf(await w.delivered())).toEqual(["crisis.answer.violence"]);
    clock.set(job.dueAt);
    expect(await w.delivered()).toEqual([]);
    // Nobody resumes for three days: every hourly look finds the hold; the job stays pending.
    for (let i = 0; i < 72; i++) {
      clock.advance(HOUR);
      expect(await w.delivered()).toEqual([]);
    }
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await db.prisma.flowRun.count({ where: { clientId, flowId: "checkin" } })).toBe(0);

    await crisisResume(db, clientId, clock.now());
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).crisisHoldSince).toBeNull();
    // The job comes back at its next look; outside the morning it moves to the next morning.
    let out: SentMessage[] = [];
    for (let i = 0; i < 3 && !out.length; i++) {
      clock.set((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).dueAt);
      out = await w.delivered();
    }
    expect(keysOf(out).slice(0, 2)).toEqual(["reminders.checkin.intro", "checkin.hello"]);
    const at = localTime(clock.now()).minutes;
    expect(isQuietHours(clock.now())).toBe(false);
    expect(at >= DAYPART_WINDOWS.morning.start && at < DAYPART_WINDOWS.morning.end + 60).toBe(true);
    expect(await db.prisma.flowRun.count({ where: { clientId, flowId: "checkin", status: "ACTIVE" } })).toBe(1);
  });

  it("a topic the client put off until tomorrow does not come back during the hold, and does after it", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId, coachId } = await activeClient(db, { callName: "Sam", everyDays: null, daypart: "morning" });
    const w = world(db, clock);
    await w.engine.startConversation(clientId, "grow", {}, coachId);
    expect(keysOf(await w.delivered())).toEqual(["grow.intro", "grow.goal.ask"]);
    const turn = async () => (await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } })).turn;
    await w.press(chatId, `k:${await turn()}:notNow`);
    expect(keysOf(await w.delivered())).toEqual(["controls.park.when"]);
    await w.press(chatId, `k:${await turn()}:tomorrow`);
    expect(keysOf(await w.delivered())).toEqual(["controls.park.okTomorrow"]);
    const job = await db.prisma.job.findFirstOrThrow({ where: { clientId, kind: "conversation.resume" } });

    await w.say(chatId, "ik wil niet meer leven");
    expect(keysOf(await w.delivered())).toEqual(["crisis.answer.suicide"]);
    clock.set(job.dueAt);
    expect(await w.delivered()).toEqual([]);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "PENDING", attempts: 0, dueAt: new Date(job.dueAt.getTime() + HOUR) });

    await crisisResume(db, clientId, clock.now());
    clock.set(new Date(job.dueAt.getTime() + HOUR));
    // It comes back at the question it was put off at.
    expect(keysOf(await w.delivered())).toEqual(["controls.comeBack", "grow.goal.ask"]);
  });
});
