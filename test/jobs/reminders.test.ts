import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/conversation/engine.js";
import { createTranslator } from "../../src/i18n.js";
import type { Database } from "../../src/db/client.js";
import { planReminders } from "../../src/domain/reminders/plan.js";
import { DAYPART_WINDOWS, isQuietHours, localTime } from "../../src/domain/reminders/schedule.js";
import { activeClient, backends, fakeClock, useDb, type FakeClock, type SentMessage } from "./support.js";
import { jobsWorld } from "./world.js";

let update = 50_000;

function world(db: Database, clock: FakeClock) {
  const w = jobsWorld(db, clock, () => update++);
  const command = (chatId: number, name: string) => w.engine.handle({ updateId: update++, chatId, input: { kind: "command", command: name, args: "" } });
  return { ...w, engine: w.engine as Engine, command };
}

const keysOf = (messages: SentMessage[]) => messages.map((m) => m.key);
const inMorning = (d: Date) => localTime(d).minutes >= DAYPART_WINDOWS.morning.start && localTime(d).minutes < DAYPART_WINDOWS.morning.end;
const pendingJobs = (db: Database, clientId: string) => db.prisma.job.count({ where: { clientId, status: "PENDING" } });

// Dates lie ahead of the real clock: the outbox's own rows are due at the database's now().
const MONDAY_0830 = "2027-01-11T07:30:00Z";

describe.each(backends)("reminders on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  it.runIf(available)("plan the agreed check-in once, in the chosen part of the day, only when wanted", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const wants = await activeClient(db, { daypart: "morning", everyDays: 7 });
    const refuses = await activeClient(db, { remindersWanted: false });
    await planReminders(db, clock.now());
    await planReminders(db, clock.now());
    const jobs = await db.prisma.job.findMany({ where: { kind: "reminder.checkin" } });
    expect(jobs.map((j) => j.clientId)).toEqual([wants.clientId]);
    const due = jobs[0]?.dueAt as Date;
    expect(localTime(due).day).toEqual({ y: 2027, m: 1, d: 18 });
    expect(inMorning(due)).toBe(true);
    expect(await pendingJobs(db, refuses.clientId)).toBe(0);
  });

  it.runIf(available)("a due check-in reminder starts the check-in conversation once, with its own buttons", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db, { callName: "Sam" });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const job = await db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.checkin" } });
    clock.set(job.dueAt);
    const out = await w.delivered();
    expect(keysOf(out).slice(0, 3)).toEqual(["reminders.checkin.intro", "checkin.hello", "checkin.mood"]);
    expect(out[0]?.buttons).toEqual([`r:${job.id}:l`, `r:${job.id}:s`]);
    expect(await db.prisma.flowRun.count({ where: { clientId, flowId: "checkin", status: "ACTIVE" } })).toBe(1);
    // A crash after starting, before the job was marked done: the retry finds it started.
    await db.prisma.job.update({ where: { id: job.id }, data: { status: "RUNNING", lockedUntil: new Date(0) } });
    expect(keysOf(await w.delivered())).toEqual([]);
    expect(await db.prisma.flowRun.count({ where: { clientId, flowId: "checkin" } })).toBe(1);
    expect(chatId).toBeGreaterThan(0);
  });

  it.runIf(available)("never at night: a reminder that is late moves to the next slot", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    await activeClient(db, { daypart: "evening" });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const job = await db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.checkin" } });
    clock.set(new Date(job.dueAt.getTime() + 3 * 3_600_000)); // far past the evening window: at night
    expect(isQuietHours(clock.now())).toBe(true);
    expect(await w.delivered()).toEqual([]);
    const moved = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(moved.status).toBe("PENDING");
    expect(moved.attempts).toBe(0);
    expect(isQuietHours(moved.dueAt)).toBe(false);
    expect(moved.dueAt.getTime() - job.dueAt.getTime()).toBe(24 * 3_600_000);
  });

  it.runIf(available)("a step's reminder: done, a second press, later twice, stop, and a reminder that is gone", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db, { everyDays: null });
    const goal = await db.prisma.goal.create({
      data: { clientId, text: "Werk vinden", steps: { create: [{ what: "Het UWV bellen", dueAt: new Date("2027-01-12T11:00:00Z") }, { what: "CV maken", dueAt: new Date("2027-01-13T11:00:00Z") }] } },
      include: { steps: true },
    });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const jobs = await db.prisma.job.findMany({ where: { kind: "reminder.step" }, orderBy: { dueAt: "asc" } });
    expect(jobs).toHaveLength(2);
    clock.set(jobs[0]?.dueAt as Date);
    const [reminder] = await w.delivered();
    expect(reminder).toMatchObject({ key: "reminders.step.text", vars: { what: "Het UWV bellen" } });
    const [done, later, stop] = reminder?.buttons ?? [];

    await w.press(chatId, done ?? "");
    expect(keysOf(await w.delivered())).toEqual(["reminders.answer.stepDone"]);
    expect((await db.prisma.step.findUniqueOrThrow({ where: { id: goal.steps[0]?.id ?? "" } })).status).toBe("DONE");
    await w.press(chatId, later ?? "");
    expect(keysOf(await w.delivered())).toEqual(["reminders.answer.already"]);

    clock.set(jobs[1]?.dueAt as Date);
    const [second] = await w.delivered();
    const [, later2, stop2] = second?.buttons ?? [];
    const before = await pendingJobs(db, clientId);
    await w.press(chatId, later2 ?? "");
    await w.press(chatId, later2 ?? "");
    expect(keysOf(await w.delivered())).toEqual(["reminders.answer.later", "reminders.answer.already"]);
    expect(await pendingJobs(db, clientId)).toBe(before + 1);
    const snooze = await db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.step", status: "PENDING" } });
    expect(snooze.dueAt.getTime() - (jobs[1]?.dueAt as Date).getTime()).toBe(24 * 3_600_000);

    await w.press(chatId, stop2 ?? "");
    expect(keysOf(await w.delivered())).toEqual(["reminders.answer.stopped"]);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).remindersWanted).toBe(false);
    expect(await pendingJobs(db, clientId)).toBe(0);

    // The first reminder's row is gone (cleaned up): stop gets a calm answer and changes nothing.
    await db.prisma.job.delete({ where: { id: jobs[0]?.id ?? 0n } });
    const count = await db.prisma.job.count();
    await w.press(chatId, stop ?? "");
    expect(keysOf(await w.delivered())).toEqual(["reminders.answer.gone"]);
    expect(await db.prisma.job.count()).toBe(count + 1); // only the answer itself, in the outbox
  });

  it.runIf(available)("an appointment is reminded the day before, with where and when", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId } = await activeClient(db, { everyDays: null, daypart: "morning" });
    await db.prisma.appointment.create({ data: { clientId, at: new Date("2027-01-13T13:30:00Z"), place: "het wijkteam" } });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    const job = await db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.appointment" } });
    expect(localTime(job.dueAt).day.d).toBe(12);
    clock.set(job.dueAt);
    const [msg] = await w.delivered();
    expect(msg).toMatchObject({ key: "reminders.appointment.tomorrowAt", vars: { time: "2027-01-13T13:30:00.000Z", place: "het wijkteam" } });
    // The instant travels through the outbox; the text shows it in Amsterdam time, in each language.
    const texts = createTranslator();
    expect(texts.t("nl", msg?.key ?? "", msg?.vars)).toBe("Hoi Samira El Amrani. Even een herinnering. Morgen om 14:30 heb je een afspraak bij het wijkteam.");
    expect(texts.t("en", msg?.key ?? "", msg?.vars)).toBe("Hi Samira El Amrani. A quick reminder. Tomorrow at 14:30 you have an appointment at het wijkteam.");
    expect(msg?.buttons.map((b) => b.slice(-1))).toEqual(["d", "l", "s"]);
  });

  it.runIf(available)("/herinneringen changes the part of the day; pending reminders move with it", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db, { daypart: "morning", everyDays: 7 });
    const w = world(db, clock);
    await planReminders(db, clock.now());
    await w.command(chatId, "herinneringen");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.current.morning", "reminders.flow.rhythmNow.weekly", "reminders.flow.menu"]);
    await w.say(chatId, "ander moment");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.when"]);
    await w.say(chatId, "25:00");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.noSuchTime", "reminders.flow.when"]);
    await w.say(chatId, "23:00");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.night", "reminders.flow.when"]);
    await w.say(chatId, "om 19:00");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.saved.evening", "reminders.flow.rhythmNow.weekly"]);
    const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(client).toMatchObject({ remindersWanted: true, reminderDaypart: "evening", checkinEveryDays: 7 });
    const job = await db.prisma.job.findFirstOrThrow({ where: { kind: "reminder.checkin", status: "PENDING" } });
    expect(localTime(job.dueAt).minutes).toBeGreaterThanOrEqual(DAYPART_WINDOWS.evening.start);
  });

  it.runIf(available)("/herinneringen: 'nooit' asks whether to turn them off, and does so", async () => {
    const db = await newDb();
    const clock = fakeClock(MONDAY_0830);
    const { clientId, chatId } = await activeClient(db);
    const w = world(db, clock);
    await planReminders(db, clock.now());
    await w.command(chatId, "herinneringen");
    await w.press(chatId, (await w.delivered()).at(-1)?.buttons.find((b) => b.endsWith(":daypart")) ?? "");
    await w.delivered();
    await w.say(chatId, "nooit");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.offAsk"]);
    await w.say(chatId, "ja");
    expect(keysOf(await w.delivered())).toEqual(["reminders.flow.savedOff"]);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).remindersWanted).toBe(false);
    expect(await db.prisma.job.count({ where: { clientId, kind: "reminder.checkin", status: "PENDING" } })).toBe(0);
  });
});
