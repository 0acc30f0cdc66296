/**
 * Scaling questions and the miracle question end to end, through the Telegram emulator with the
 * real service. A coach starts them; the client answers with buttons and typed words. A second
 * scaling run with a higher number gets the compliment for the rise. "Niet nu" on the miracle
 * question parks it until the day the client names, with a `conversation.resume` job at that
 * moment; when the clock gets there, the topic comes back and the client finishes it.
 *
 * The two clients talk side by side; the return of the parked topic moves the clock, so it runs
 * alone, last.
 */
import { describe, expect, it } from "vitest";
import {
  atLocal, comingMonday, converse, dayAfter, expectQuiet, hear, labels, last, longAnswer, notNowRow, onboardedClient, runningClock, scaleLabels, seedGoal,
  type Onboarded,
} from "../support/coaching.js";
import { nlText, serviceForFile } from "../support/service.js";
import type { ChatUser } from "../support/telegram.js";

const clock = runningClock(comingMonday());
const svc = serviceForFile(clock.now);

/** The miracle client, parked in the concurrent part and brought back in the last test. */
let parked: { client: Onboarded; chat: ChatUser; runId: string; resumeAt: Date } | undefined;

describe.concurrent("started by the coach", () => {
  it("scaling: the score is saved as the kind the coach asked for; a higher score next time gets the rise compliment", { timeout: 60_000 }, async ({ expect }) => {
    const c = await onboardedClient(svc.koers.db, { chatId: 9_501, coach: "Ahmed", callName: "Sam", now: clock.now() });
    await seedGoal(svc.koers.db, c.clientId, { text: "Weer gaan sporten", steps: [] });
    const goal = await svc.koers.db.prisma.goal.findFirstOrThrow({ where: { clientId: c.clientId } });
    const chat = svc.emulator.user({ chatId: c.chatId });

    await svc.koers.engine.startConversation(c.clientId, "scaling", { scale: "MOTIVATION" }, c.coachId);
    let turn = await hear(chat, [nlText("scaling.intro", { name: "Sam" }), nlText("scaling.ask.motivation")]);
    expect(labels(last(turn))).toEqual(scaleLabels());
    await chat.say("-3");
    await hear(chat, [nlText("controls.scaleRange"), nlText("scaling.ask.motivation")]);
    await chat.say("👍");
    await hear(chat, [nlText("controls.scaleUnknown"), nlText("scaling.ask.motivation")]);
    await chat.say("zes denk ik");
    turn = await hear(chat, [nlText("scaling.how.plain", { score: 6 })]);
    expect(labels(last(turn))).toEqual([notNowRow()]);
    // Saved the moment the client gives it.
    let scores = await svc.koers.db.prisma.scaleScore.findMany({ where: { clientId: c.clientId } });
    expect(scores.map((s) => [s.kind, s.score, s.goalId])).toEqual([["MOTIVATION", 6, goal.id]]);

    await converse(chat, [
      [longAnswer(700), [nlText("controls.tooLong"), nlText("scaling.how.plain", { score: 6 })]],
      ["Ik wil fit zijn voor mijn kinderen", [nlText("scaling.higher", { next: 7 })]],
      ["Dan ga ik twee keer per week zwemmen", [nlText("scaling.step")]],
      ["Zaterdag naar het zwembad", [nlText("scaling.end", { name: "Sam" })]],
    ]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    // Next time: the bot knows the last MOTIVATION score, and an 8 is a rise.
    await svc.koers.engine.startConversation(c.clientId, "scaling", { scale: "MOTIVATION" }, c.coachId);
    turn = await hear(chat, [nlText("scaling.intro", { name: "Sam" }), nlText("scaling.ask.motivation")]);
    await chat.press(last(turn), "8");
    await hear(chat, [nlText("scaling.how.rise", { from: 6, to: 8 })]);
    await converse(chat, [
      ["Ik ben gewoon gegaan, ook toen ik geen zin had", [nlText("scaling.higher", { next: 9 })]],
      ["Dan neem ik mijn buurvrouw mee", [nlText("scaling.step")]],
      ["Mijn buurvrouw vragen", [nlText("scaling.end", { name: "Sam" })]],
    ]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    scores = await svc.koers.db.prisma.scaleScore.findMany({ where: { clientId: c.clientId }, orderBy: { at: "asc" } });
    expect(scores.map((s) => [s.kind, s.score])).toEqual([
      ["MOTIVATION", 6],
      ["MOTIVATION", 8],
    ]);
    const runs = await svc.koers.db.prisma.flowRun.findMany({ where: { clientId: c.clientId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => [r.flowId, r.status, (r.data as { previousScore?: number }).previousScore])).toEqual([
      ["scaling", "DONE", undefined],
      ["scaling", "DONE", 6],
    ]);
  });

  it("miracle: an answer about others only is brought back to the client; 'niet nu' parks it until the day they name", { timeout: 60_000 }, async ({ expect }) => {
    const c = await onboardedClient(svc.koers.db, { chatId: 9_502, coach: "Ahmed", callName: "Nora", now: clock.now() });
    const chat = svc.emulator.user({ chatId: c.chatId });

    await svc.koers.engine.startConversation(c.clientId, "miracle", undefined, c.coachId);
    let turn = await hear(chat, [nlText("miracle.intro", { name: "Nora" }), nlText("miracle.setup"), nlText("miracle.first")]);
    expect(labels(last(turn))).toEqual([notNowRow()]);
    await chat.say("Mijn man is dan aardiger");
    await hear(chat, [nlText("miracle.firstOwn")]);
    await chat.say("Ik voel me rustig");
    turn = await hear(chat, [nlText("miracle.who")]);

    await chat.press(last(turn), nlText("controls.notNow"));
    turn = await hear(chat, [nlText("controls.park.when")]);
    expect(labels(last(turn))).toEqual([[nlText("controls.park.tomorrow")], [nlText("controls.park.nextWeek")], [nlText("controls.park.self")]]);
    // No day in it, a day that has been, then one that is coming.
    await chat.say("als het beter uitkomt");
    await hear(chat, [nlText("controls.dateUnknown"), nlText("controls.park.when")]);
    const lastFriday = dayAfter(clock.start, -3);
    await chat.say(`${lastFriday.d}-${lastFriday.m}`);
    await hear(chat, [nlText("controls.datePast"), nlText("controls.park.when")]);
    await chat.say("morgen");
    await hear(chat, [nlText("controls.park.okDay")]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    const tomorrowAtTen = atLocal(dayAfter(clock.start, 1), 10 * 60);
    const run = await svc.koers.db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId } });
    expect(run).toMatchObject({ flowId: "miracle", status: "PARKED", resumeAt: tomorrowAtTen });
    const jobs = await svc.koers.db.prisma.job.findMany({ where: { clientId: c.clientId, kind: "conversation.resume" } });
    expect(jobs.map((j) => ({ status: j.status, dueAt: j.dueAt, payload: j.payload }))).toEqual([
      { status: "PENDING", dueAt: tomorrowAtTen, payload: { flowRunId: run.id } },
    ]);
    // Nothing of the miracle question is saved.
    expect(await svc.koers.db.prisma.goal.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(await svc.koers.db.prisma.scaleScore.count({ where: { clientId: c.clientId } })).toBe(0);
    parked = { client: c, chat, runId: run.id, resumeAt: tomorrowAtTen };
  });
});

describe("a parked topic", () => {
  it("comes back at the agreed time and the client finishes it", { timeout: 60_000 }, async () => {
    expect(parked, "needs the parked miracle question of the test before").toBeDefined();
    const { client: c, chat, runId, resumeAt } = parked!;

    // Not before its time.
    expect(await chat.unread()).toEqual([]);
    clock.jumpTo(new Date(resumeAt.getTime() + 1000));
    svc.koers.dispatcher.poke();
    // Back at the question it was parked at, with the answers from before the park.
    let turn = await hear(chat, [nlText("controls.comeBack"), nlText("miracle.who")]);
    expect(await svc.koers.db.prisma.flowRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "ACTIVE" });

    await converse(chat, [
      ["Mijn zus", [nlText("miracle.whoDoes", { who: "je zus" })]],
      ["ze knuffelt me", [nlText("miracle.different")]],
      ["Ik sta op tijd op en ik maak ontbijt voor de kinderen.", [nlText("miracle.need")]],
    ]);
    await chat.say("weet ik niet");
    turn = await hear(chat, [
      nlText("miracle.needLater"),
      nlText("miracle.summary.first", { first: "je voelt je rustig" }),
      nlText("miracle.summary.whoDoes", { who: "je zus", does: "ze knuffelt je" }),
      nlText("miracle.summary.different", { different: "je staat op tijd op en je maakt ontbijt voor de kinderen" }),
      nlText("miracle.summary.check"),
    ]);
    expect(labels(last(turn))).toEqual([[nlText("miracle.summary.yes")], [nlText("miracle.summary.no")], notNowRow()]);
    await chat.press(last(turn), nlText("miracle.summary.yes"));
    await hear(chat, [nlText("miracle.end", { name: "Nora" })]);
    await expectQuiet(svc.koers.db, chat, c.clientId);

    const runs = await svc.koers.db.prisma.flowRun.findMany({ where: { clientId: c.clientId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => [r.id === runId, r.flowId, r.status])).toEqual([[true, "miracle", "DONE"]]);
    const resume = await svc.koers.db.prisma.job.findFirstOrThrow({ where: { clientId: c.clientId, kind: "conversation.resume" } });
    expect(resume.status).toBe("DONE");
  });

  it("nobody logged an error", () => {
    expect(svc.logLines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
