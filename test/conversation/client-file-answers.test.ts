/**
 * The client file's data: every answer a client gives is kept per conversation (state, question,
 * answer), and what came out of it when the conversation ends, for each coaching flow, through
 * the real engine and bot (offline). Nothing is kept without consent.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { outcomeOf } from "../../src/domain/flow-runs.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import type { OfflineBot } from "../support/offline-bot.js";
import { offlineBotPerFile } from "../support/offline-bot.js";
import { choose, halfwayGrow, onboarded } from "../support/offline-journeys.js";
import { inviteClient } from "../support/world.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

let chatSeq = 71_000;

async function answersOf(flowRunId: string) {
  const rows = await db.prisma.flowAnswer.findMany({ where: { flowRunId }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.state, r.promptKey, r.text ?? `[${r.choice}]`]);
}

async function lastRun(clientId: string, flowId: string) {
  return db.prisma.flowRun.findFirstOrThrow({ where: { clientId, flowId }, orderBy: { createdAt: "desc" } });
}

describe("answers and outcomes are kept per conversation", () => {
  it("scaling: the score, the 'how', 'one point higher' and the small step, and the score in the outcome", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await ob.engine.startConversation(c.clientId, "scaling", { scale: "CONFIDENCE" });
    await ob.deliver(textUpdate(c.chat, "een 6 of zo"));
    await ob.deliver(textUpdate(c.chat, "ik heb gwoon doorgezet"));
    await ob.deliver(textUpdate(c.chat, "als ik beter slaap"));
    await ob.deliver(textUpdate(c.chat, "morgen vroeg naar bed"));
    const run = await lastRun(c.clientId, "scaling");
    expect(run.status).toBe("DONE");
    expect(await answersOf(run.id)).toEqual([
      ["score", "scaling.ask.confidence", "een 6 of zo"],
      ["how", "scaling.how.plain", "ik heb gwoon doorgezet"],
      ["higher", "scaling.higher", "als ik beter slaap"],
      ["step", "scaling.step", "morgen vroeg naar bed"],
    ]);
    expect(run.endedAt).not.toBeNull();
    expect(outcomeOf(run)).toMatchObject({ state: "done", context: { kind: "CONFIDENCE", score: 6 }, parks: 0 });
  });

  it("miracle: the picture the client drew is kept, although the flow itself saves nothing", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await ob.engine.startConversation(c.clientId, "miracle");
    await ob.deliver(textUpdate(c.chat, "Mijn man doet dan de afwas"));
    await ob.deliver(textUpdate(c.chat, "Ik ben rustig en ik slaap goed"));
    await ob.deliver(textUpdate(c.chat, "Mijn dochter"));
    await ob.deliver(textUpdate(c.chat, "Ze lacht dan meer"));
    await ob.deliver(textUpdate(c.chat, "Ik ga dan wandelen in het park"));
    await ob.deliver(textUpdate(c.chat, "Een beetje rust in huis"));
    await ob.deliver(await choose(db, c.chat, c.clientId, "yes"));
    const run = await lastRun(c.clientId, "miracle");
    const answers = await answersOf(run.id);
    expect(answers.map((a) => a[0])).toEqual(["first", "firstOwn", "who", "whoDoes", "different", "need", "check"]);
    expect(answers[6]).toEqual(["check", "miracle.summary.check", "[yes]"]);
    const row = await db.prisma.flowAnswer.findFirstOrThrow({ where: { flowRunId: run.id, state: "check" } });
    expect(row.choiceLabel).toBe("miracle.summary.yes");
    expect(outcomeOf(run)?.context).toMatchObject({ first: "Ik ben rustig en ik slaap goed", who: "Mijn dochter" });
  });

  it("check-in: the wellbeing score, coping, the exception and how the step went", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    const goal = await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Werk vinden", steps: { create: [{ what: "De huisarts bellen" }] } } });
    const step = await db.prisma.step.findFirstOrThrow({ where: { goalId: goal.id } });
    await ob.engine.startConversation(c.clientId, "checkin", { step: { id: step.id, what: step.what } });
    await ob.deliver(await choose(db, c.chat, c.clientId, "3"));
    await ob.deliver(textUpdate(c.chat, "voor mijn kinderen"));
    await ob.deliver(textUpdate(c.chat, "zondag toen mn zus er was"));
    await ob.deliver(await choose(db, c.chat, c.clientId, "done"));
    await ob.deliver(textUpdate(c.chat, "de vacatures bekijken"));
    const run = await lastRun(c.clientId, "checkin");
    const answers = await answersOf(run.id);
    expect(answers[0]).toEqual(["mood", "checkin.mood", "[3]"]);
    expect(answers.slice(1).map((a) => a[2])).toEqual(["voor mijn kinderen", "zondag toen mn zus er was", "[done]", "de vacatures bekijken"]);
    expect(run.status).toBe("DONE");
    expect(outcomeOf(run)?.context).toMatchObject({ score: 3 });
  });

  it("GROW: the goal and its 'when' are kept at the states that asked them; a park counts in the outcome", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    await ob.deliver(textUpdate(c.chat, "niet nu"));
    await ob.deliver(textUpdate(c.chat, "volgende week"));
    const run = await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } });
    expect(run.status).toBe("PARKED");
    const answers = await answersOf(run.id);
    expect(answers.slice(0, 3)).toEqual([
      ["goal", "grow.goal.ask", "Ik wil werk"],
      ["goalWhen", "grow.goal.when", "voor de zomer"],
      [expect.any(String), "grow.reality.now", "niet nu"],
    ]);
    expect(answers[3]?.[0]).toBe("parkWhen");
    expect(outcomeOf(run)).toMatchObject({ state: "parked", parks: 1, context: { goal: "Ik wil werk" } });
    // The menu choice that started it is kept too.
    const menu = await lastRun(c.clientId, "menu");
    expect(await answersOf(menu.id)).toEqual([["ask", "menu.ask", "[grow]"]]);
  });

  it("without consent nothing is kept: 'later', an unclear answer, and after a refusal not even the runs", async () => {
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Noor" });
    const chat = ++chatSeq;
    await ob.deliver(commandUpdate(chat, `/start ${invited.code}`));
    await ob.deliver(callbackUpdate(chat, "k:1:later"));
    await ob.deliver(textUpdate(chat, "hmm ik weet nie"));
    expect(await db.prisma.flowAnswer.count({ where: { clientId: invited.clientId } })).toBe(0);
    const run = await lastRun(invited.clientId, "onboarding");
    expect(run.outcome).toBeNull();
    await ob.deliver(await choose(db, chat, invited.clientId, "no"));
    await ob.deliver(await choose(db, chat, invited.clientId, "yes"));
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).status).toBe("REFUSED");
    expect(await db.prisma.flowAnswer.count({ where: { clientId: invited.clientId } })).toBe(0);
    expect(await db.prisma.flowRun.count({ where: { clientId: invited.clientId } })).toBe(0);
  });

  it("after consent the onboarding answers (name, reminders) are kept, the consent answer itself lives in ConsentRecord", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    const run = await lastRun(c.clientId, "onboarding");
    const answers = await answersOf(run.id);
    expect(answers.map((a) => a[2])).toEqual(["Sam", "[no]"]);
    expect(run.status).toBe("DONE");
    expect(outcomeOf(run)?.state).toBe("done");
  });
});
