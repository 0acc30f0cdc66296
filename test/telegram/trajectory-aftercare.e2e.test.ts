/**
 * The end of a trajectory end to end: the real service on the Telegram emulator, Slack's Web API
 * at a local fake, a running test clock. The coach announces the closing talk two weeks ahead
 * (the client hears it at once, with the real period and day); on that day the job starts the
 * closing talk and tells the coach; the client names a next step, declines a handover, gives
 * permission for check-ins (after an unclear answer that does not count); the farewell names
 * what they did. Four weeks later the check-in comes, the client answers low, and the coach gets
 * the relapse note in Slack; the phases moved as they should, each move recorded.
 */
import { describe, expect, it } from "vitest";
import { announceClosing } from "../../src/domain/trajectory.js";
import { atLocal, comingMonday, dayAfter, hear, labels, last, onboardedClient, runningClock, seedGoal } from "../support/coaching.js";
import { nlText, serviceWithSlackForFile } from "../support/service.js";
import { waitFor } from "../support/telegram.js";

const clock = runningClock(comingMonday());
const svc = serviceWithSlackForFile(clock.now);

/** The texts of the Slack messages Koers posted. */
const slackTexts = () => svc.slack.posts().map((c) => String(c.params["text"] ?? ""));

describe("closing, then a check-in four weeks later", () => {
  it("a low score in the check-in after closing reaches the coach in Slack", { timeout: 120_000 }, async () => {
    const { db } = svc.koers;
    const c = await onboardedClient(db, { chatId: 9_801, coach: "Ahmed", callName: "Sam", now: clock.now() });
    await db.prisma.member.update({ where: { id: c.coachId }, data: { slackUserId: "U0AHMED01" } });
    await db.prisma.client.update({ where: { id: c.clientId }, data: { phase: "DOING" } });
    const [stepId] = await seedGoal(db, c.clientId, { text: "Ik wil van mijn schulden af", steps: [{ what: "De schuldhulp bellen" }] });
    await db.prisma.step.update({ where: { id: stepId! }, data: { status: "DONE", doneAt: clock.now() } });
    const chat = svc.emulator.user({ chatId: c.chatId });

    // Announced two weeks ahead: the client hears the real period and day at once.
    const closingDay = dayAfter(clock.start, 14);
    const iso = `${closingDay.y}-${String(closingDay.m).padStart(2, "0")}-${String(closingDay.d).padStart(2, "0")}`;
    const at = await db.prisma.$transaction((tx) => announceClosing(tx, { clientId: c.clientId, coachId: c.coachId, on: iso, now: clock.now() }));
    expect(at.toISOString()).toBe(atLocal(closingDay, 10 * 60).toISOString());
    const [announce] = await hear(chat, [nlText("closing.announce.weeks", { name: "Sam", n: 2, date: at })]);
    expect(announce?.text).toMatch(/^Hoi Sam\. Over 2 weken stoppen onze gesprekken\. Op \S+ \d+ \S+ praten we/);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } })).phase).toBe("CLOSING");

    // The day comes: the closing talk starts and the coach is told.
    clock.jumpTo(new Date(at.getTime() + 60_000));
    svc.koers.dispatcher.poke();
    let turn = await hear(chat, [nlText("closing.intro", { name: "Sam" }), nlText("closing.next.ask")], 30_000);
    await waitFor("the closing_due nudge in Slack", () => slackTexts().some((t) => t.startsWith("Sam") && t.includes("laatste gesprek")), 15_000);
    await chat.say("vrijwilligerswerk denk ik");
    await hear(chat, [nlText("closing.firstStep")]);
    await chat.say("bij de voedselbank vragen");
    turn = await hear(chat, [nlText("closing.firstStepOk"), nlText("closing.handover.ask", { coach: "Ahmed" })]);
    await chat.press(last(turn), nlText("closing.handover.no"));
    turn = await hear(chat, [nlText("closing.handover.noOk"), nlText("closing.aftercare.askTwo", { first: 4, second: 12 })]);
    expect(labels(last(turn))).toEqual([[nlText("closing.aftercare.yes")], [nlText("closing.aftercare.no")]]);
    // Unclear is never a yes.
    await chat.say("ja maar niet te vaak");
    turn = await hear(chat, [nlText("closing.aftercare.unclear"), nlText("closing.aftercare.askTwo", { first: 4, second: 12 })]);
    expect(await db.prisma.consentRecord.count({ where: { clientId: c.clientId, subject: "aftercare" } })).toBe(0);
    await chat.press(last(turn), nlText("closing.aftercare.yes"));
    await hear(chat, [
      nlText("closing.aftercare.yesOk", { first: 4 }),
      nlText("closing.farewell.goalSteps", { name: "Sam", goal: "van je schulden af", steps: "de schuldhulp bellen" }),
      nlText("closing.bye", { name: "Sam", coach: "Ahmed" }),
    ]);
    const closed = await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
    expect(closed).toMatchObject({ phase: "AFTERCARE", status: "ACTIVE", remindersWanted: false });
    const planned = await db.prisma.job.findMany({ where: { clientId: c.clientId, kind: "trajectory.aftercare", status: "PENDING" }, orderBy: { dueAt: "asc" } });
    expect(planned.map((j) => Math.round((j.dueAt.getTime() - clock.now().getTime()) / (7 * 86_400_000)))).toEqual([4, 12]);

    // Four weeks on: the check-in, a low score, and the coach hears of it in Slack.
    const checkin = planned[0]!.dueAt;
    const fourWeeks = atLocal(dayAfter(checkin, 0), 11 * 60);
    clock.jumpTo(fourWeeks > checkin ? fourWeeks : new Date(checkin.getTime() + 60_000));
    svc.koers.dispatcher.poke();
    turn = await hear(chat, [nlText("aftercare.hello", { name: "Sam", weeks: 4 }), nlText("aftercare.mood")], 30_000);
    await chat.press(last(turn), "2");
    await hear(chat, [nlText("aftercare.lowWhat", { coach: "Ahmed" })]);
    const relapse = await waitFor("the relapse nudge in Slack", () => slackTexts().find((t) => t.startsWith("Sam") && t.includes("niet goed gaat")), 15_000);
    expect(relapse).toContain("4 weken na de afsluiting");
    expect(relapse).toContain("cijfer 2");
    const nudges = await db.prisma.nudge.findMany({ where: { clientId: c.clientId }, orderBy: { openedAt: "asc" } });
    expect(nudges.map((n) => n.cause)).toEqual(expect.arrayContaining(["closing_due", "aftercare_due", "aftercare_relapse"]));
    // One nudge for one low score: the relapse says it, not a score drop as well.
    expect(nudges.map((n) => n.cause)).not.toContain("score_drop");
    await chat.say("Ik ben mijn werk kwijt");
    await hear(chat, [nlText("aftercare.lowEnd", { name: "Sam", coach: "Ahmed" })]);

    const moves = await db.prisma.phaseChange.findMany({ where: { clientId: c.clientId }, orderBy: { at: "asc" } });
    expect(moves.map((m) => [m.from, m.phase])).toEqual([
      ["DOING", "CLOSING"],
      ["CLOSING", "AFTERCARE"],
    ]);
  });
});
