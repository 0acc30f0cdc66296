/**
 * The check-in end to end, through the Telegram emulator with the real service: a coach starts it
 * (or a reminder does), the client answers with buttons and typed words, and what they say lands
 * in the database: the WELLBEING score, the step's new status or a smaller step. A low score gets
 * the coping and the exception question. The last test lets the check-in reminder plan itself and
 * reach the client in their part of the day, and the client answers the check-in there.
 *
 * The check-ins of different clients run side by side (each chat gets about one message a second
 * from the bot, Telegram's limit); the reminder test moves the clock, so it runs alone, last.
 */
import { describe, expect, it } from "vitest";
import { DAYPART_WINDOWS, localTime } from "../../src/domain/reminders/schedule.js";
import {
  atLocal, comingMonday, dayAfter, expectQuiet, hear, labels, last, notNowRow, onboardedClient, runningClock, scaleLabels, seedGoal,
} from "../support/coaching.js";
import { nlText, serviceForFile } from "../support/service.js";
import { waitFor } from "../support/telegram.js";

const clock = runningClock(comingMonday());
const svc = serviceForFile(clock.now);

const stepRows = () => [[nlText("checkin.step.done"), nlText("checkin.step.partly")], [nlText("checkin.step.notYet")], notNowRow()];

async function wellbeing(clientId: string): Promise<number[]> {
  const scores = await svc.koers.db.prisma.scaleScore.findMany({ where: { clientId }, orderBy: { at: "asc" } });
  expect(scores.every((s) => s.kind === "WELLBEING")).toBe(true);
  return scores.map((s) => s.score);
}

describe.concurrent("check-ins started by the coach", () => {
  it("a low score gets the coping and exception questions; a step not done yet becomes a smaller one", { timeout: 60_000 }, async ({ expect }) => {
    const c = await onboardedClient(svc.koers.db, { chatId: 9_401, coach: "Ahmed", callName: "Sam", now: clock.now() });
    const [stepId] = await seedGoal(svc.koers.db, c.clientId, {
      text: "Meer rust in mijn hoofd",
      steps: [{ what: "De huisarts bellen.", dueAt: atLocal(dayAfter(clock.start, -3), 12 * 60) }],
    });
    const chat = svc.emulator.user({ chatId: c.chatId });

    await svc.koers.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    let turn = await hear(chat, [nlText("checkin.hello", { name: "Sam" }), nlText("checkin.mood")]);
    expect(labels(last(turn))).toEqual(scaleLabels());
    // Two numbers: which one? Asked again, calmly.
    await chat.say("5 of 6");
    turn = await hear(chat, [nlText("controls.scaleUnknown"), nlText("checkin.mood")]);

    await chat.press(last(turn), "3");
    await hear(chat, [nlText("checkin.coping")]);
    expect(await wellbeing(c.clientId)).toEqual([3]);
    await chat.say("Voor mijn kinderen. Zij hebben mij nodig.");
    await hear(chat, [nlText("checkin.exception")]);
    await chat.say("Zondag, toen mijn zus op bezoek was");
    turn = await hear(chat, [nlText("checkin.step.ask", { step: "de huisarts bellen" })]);
    expect(labels(last(turn))).toEqual(stepRows());

    await chat.say("nee nog niet");
    await hear(chat, [nlText("checkin.step.blocked")]);
    await chat.say("Ik durfde niet te bellen");
    turn = await hear(chat, [nlText("checkin.step.smaller")]);
    expect(labels(last(turn))).toEqual([[nlText("checkin.step.smallerYes")], [nlText("checkin.step.keep")], notNowRow()]);
    await chat.say("ja");
    await hear(chat, [nlText("checkin.step.smallerWhat")]);
    await chat.say("Het nummer opzoeken en opschrijven");
    await hear(chat, [nlText("checkin.step.smallerOk"), nlText("checkin.end", { name: "Sam" })]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    const step = await svc.koers.db.prisma.step.findUniqueOrThrow({ where: { id: stepId! } });
    expect(step).toMatchObject({ what: "Het nummer opzoeken en opschrijven", status: "OPEN", doneAt: null });
    expect(await wellbeing(c.clientId)).toEqual([3]);
    const runs = await svc.koers.db.prisma.flowRun.findMany({ where: { clientId: c.clientId } });
    expect(runs.map((r) => [r.flowId, r.status])).toEqual([["checkin", "DONE"]]);
    const audit = await svc.koers.db.prisma.auditEvent.findMany({ where: { clientId: c.clientId } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["conversation.started", c.coachId]]);
  });

  it("a step done in part, and in the next check-in done; /doel then shows it done", { timeout: 60_000 }, async ({ expect }) => {
    const c = await onboardedClient(svc.koers.db, { chatId: 9_402, coach: "Fleur", callName: "Mo", name: "Mohamed Bakkali", now: clock.now() });
    const [first, second] = await seedGoal(svc.koers.db, c.clientId, {
      text: "Een baan voor drie dagen per week",
      steps: [{ what: "Drie sollicitatiebrieven schrijven", dueAt: atLocal(dayAfter(clock.start, -1), 12 * 60) }, { what: "Een uitzendbureau bellen" }],
    });
    const chat = svc.emulator.user({ chatId: c.chatId });

    await svc.koers.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    await hear(chat, [nlText("checkin.hello", { name: "Mo" }), nlText("checkin.mood")]);
    await chat.say("ik denk een 8");
    await hear(chat, [nlText("checkin.better.ask")]);
    await chat.say("Ik ben elke ochtend gaan wandelen");
    await hear(chat, [nlText("checkin.better.how")]);
    await chat.say("Ik zette een wekker");
    let turn = await hear(chat, [nlText("checkin.step.ask", { step: "drie sollicitatiebrieven schrijven" })]);
    await chat.press(last(turn), nlText("checkin.step.partly"));
    await hear(chat, [nlText("checkin.step.partlyOk"), nlText("checkin.end", { name: "Mo" })]);
    await expectQuiet(svc.koers.db, chat, c.clientId);
    expect(await svc.koers.db.prisma.step.findUniqueOrThrow({ where: { id: first! } })).toMatchObject({ status: "PARTLY", doneAt: null });

    // The next check-in asks about the same step again: it is not finished.
    await svc.koers.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    await hear(chat, [nlText("checkin.hello", { name: "Mo" }), nlText("checkin.mood")]);
    // Higher than last time: the rise is named (the last score comes from the database).
    await chat.say("negen");
    await hear(chat, [nlText("checkin.rise.ask", { from: 8, to: 9 })]);
    await chat.say("niks eigenlijk");
    turn = await hear(chat, [nlText("checkin.rise.anyway"), nlText("checkin.step.ask", { step: "drie sollicitatiebrieven schrijven" })]);
    await chat.say("gedaan!");
    // The compliment names the step; the next step may wait.
    turn = await hear(chat, [nlText("checkin.step.doneOk", { step: "drie sollicitatiebrieven schrijven" }), nlText("checkin.step.nextAsk")]);
    expect(labels(last(turn))).toEqual([[nlText("checkin.step.nextNotSure")], notNowRow()]);
    await chat.press(last(turn), nlText("checkin.step.nextNotSure"));
    await hear(chat, [nlText("checkin.step.nextLater", { coach: "Fleur" }), nlText("checkin.end", { name: "Mo" })]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    const done = await svc.koers.db.prisma.step.findUniqueOrThrow({ where: { id: first! } });
    expect(done.status).toBe("DONE");
    expect(done.doneAt).toBeInstanceOf(Date);
    expect(await svc.koers.db.prisma.step.findUniqueOrThrow({ where: { id: second! } })).toMatchObject({ status: "OPEN" });
    expect(await wellbeing(c.clientId)).toEqual([8, 9]);

    await chat.command("/doel");
    await hear(chat, [
      [
        nlText("overview.goal", { goal: "Een baan voor drie dagen per week" }),
        nlText("overview.stepDoneOn", { what: "Drie sollicitatiebrieven schrijven", date: done.doneAt! }),
        nlText("overview.step", { what: "Een uitzendbureau bellen" }),
        nlText("overview.scoresTitle"),
        nlText("overview.score.WELLBEING", { scores: "8 → 9" }),
        nlText("overview.end", { coach: "Fleur" }),
      ].join("\n"),
    ]);
    await expectQuiet(svc.koers.db, chat, c.clientId);
  });

  it("'later' on the first question parks the check-in until the client says so", { timeout: 60_000 }, async ({ expect }) => {
    const c = await onboardedClient(svc.koers.db, { chatId: 9_403, callName: "Ria", now: clock.now() });
    const chat = svc.emulator.user({ chatId: c.chatId });

    await svc.koers.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    await hear(chat, [nlText("checkin.hello", { name: "Ria" }), nlText("checkin.mood")]);
    await chat.say("later");
    const turn = await hear(chat, [nlText("controls.park.when")]);
    expect(labels(last(turn))).toEqual([[nlText("controls.park.tomorrow")], [nlText("controls.park.nextWeek")], [nlText("controls.park.self")]]);
    await chat.press(last(turn), nlText("controls.park.self"));
    await hear(chat, [nlText("controls.park.okSelf")]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    const run = await svc.koers.db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId } });
    expect(run).toMatchObject({ flowId: "checkin", status: "PARKED", resumeAt: null });
    expect(await svc.koers.db.prisma.job.count({ where: { clientId: c.clientId, kind: "conversation.resume" } })).toBe(0);
    expect(await svc.koers.db.prisma.scaleScore.count({ where: { clientId: c.clientId } })).toBe(0);
  });
});

describe("the check-in reminder", () => {
  it("is planned in the client's part of the day, reaches them there, and they answer the check-in", { timeout: 90_000 }, async () => {
    const c = await onboardedClient(svc.koers.db, {
      chatId: 9_404,
      callName: "Joyce",
      reminders: { daypart: "morning", everyDays: 7 },
      now: clock.now(),
    });
    const [stepId] = await seedGoal(svc.koers.db, c.clientId, {
      text: "Zelf mijn boodschappen doen",
      steps: [{ what: "Met een lijstje naar de markt", dueAt: atLocal(dayAfter(clock.start, 2), 12 * 60) }],
    });
    const chat = svc.emulator.user({ chatId: c.chatId });

    // The planner runs every ten minutes: move the clock to its next round.
    const plan = await svc.koers.db.prisma.job.findFirstOrThrow({ where: { kind: "reminders.plan", status: "PENDING" } });
    clock.jumpTo(new Date(plan.dueAt.getTime() + 1000));
    svc.koers.dispatcher.poke();
    const reminder = await waitFor(
      "the check-in reminder to be planned",
      () => svc.koers.db.prisma.job.findFirst({ where: { clientId: c.clientId, kind: "reminder.checkin" } }).then((j) => j ?? undefined),
      15_000,
    );
    const due = localTime(reminder.dueAt);
    expect(due.day).toEqual(dayAfter(clock.start, 7));
    expect(due.minutes).toBeGreaterThanOrEqual(DAYPART_WINDOWS.morning.start);
    expect(due.minutes).toBeLessThan(DAYPART_WINDOWS.morning.end);
    expect(reminder.status).toBe("PENDING");
    expect(await chat.unread()).toEqual([]);

    // A week later, in the client's morning slot.
    clock.jumpTo(reminder.dueAt);
    svc.koers.dispatcher.poke();
    let turn = await hear(chat, [nlText("reminders.checkin.intro"), nlText("checkin.hello", { name: "Joyce" }), nlText("checkin.mood")]);
    expect(labels(turn[0])).toEqual([[nlText("reminders.button.checkin.later")], [nlText("reminders.button.checkin.stop")]]);
    expect(labels(last(turn))).toEqual(scaleLabels());

    await chat.press(last(turn), "7");
    await hear(chat, [nlText("checkin.better.ask")]);
    await chat.say("Ik ben op tijd opgestaan");
    await hear(chat, [nlText("checkin.better.how")]);
    await chat.say("Met een wekker naast mijn bed");
    turn = await hear(chat, [nlText("checkin.step.ask", { step: "met een lijstje naar de markt" })]);
    await chat.press(last(turn), nlText("checkin.step.done"));
    await hear(chat, [nlText("checkin.step.doneOk", { step: "met een lijstje naar de markt" }), nlText("checkin.step.nextAsk")]);
    await chat.say("volgende keer ook groente kopen");
    await hear(chat, [nlText("checkin.step.nextOk"), nlText("checkin.end", { name: "Joyce" })]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    expect(await wellbeing(c.clientId)).toEqual([7]);
    const doneStep = await svc.koers.db.prisma.step.findUniqueOrThrow({ where: { id: stepId! } });
    expect(doneStep).toMatchObject({ status: "DONE" });
    // The next step joins the same goal, open.
    const next = await svc.koers.db.prisma.step.findMany({ where: { goalId: doneStep.goalId, NOT: { id: stepId! } } });
    expect(next.map((s) => [s.what, s.status])).toEqual([["volgende keer ook groente kopen", "OPEN"]]);
    const ran = await svc.koers.db.prisma.job.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(ran.status).toBe("DONE");
    expect(ran.payload).toMatchObject({ started: true, daypart: "morning", everyDays: 7 });
    const runs = await svc.koers.db.prisma.flowRun.findMany({ where: { clientId: c.clientId } });
    expect(runs.map((r) => [r.flowId, r.status, (r.data as { trigger?: string }).trigger])).toEqual([["checkin", "DONE", "reminder"]]);
  });

  it("nobody logged an error", () => {
    expect(svc.logLines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
