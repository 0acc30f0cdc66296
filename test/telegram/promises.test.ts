/**
 * The promises the bot makes to a client, each kept, through the real bot edge offline (grammY's
 * `handleUpdate` with an API transformer, test/support/offline-bot.ts; the engine, the outbox and
 * the job dispatcher are the real ones): a topic parked with "Ik zeg het zelf" comes back when
 * the client says they want to go on; a parked topic survives /stop and /start; the message after
 * /pauze is not taken as an answer.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createTranslator } from "../../src/i18n.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { nlText } from "../support/service.js";
import * as journeys from "../support/offline-journeys.js";

let db: Database;
let ob: OfflineBot;
let lastChat = 91_000;

offlineBotPerFile((file) => ({ db, ob } = file));

const client = (id: string) => db.prisma.client.findUniqueOrThrow({ where: { id } });
const activeRun = (clientId: string) => db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
const runOf = (id: string) => db.prisma.flowRun.findUniqueOrThrow({ where: { id } });
const contextOf = (run: { snapshot: unknown }) => (run.snapshot as { context: Record<string, unknown> }).context;

type Chat = { chat: number; clientId: string };
/** What the bot says to a press on one of the client's buttons. */
const press = async (c: Chat, choice: string) => texts(await ob.deliver(await journeys.choose(db, c.chat, c.clientId, choice)));
/** "Niet nu", then `when` (a park button): what the bot says to the second. */
async function parkWith(c: Chat, when: string) {
  await press(c, "notNow");
  return press(c, when);
}

/** Halfway a GROW, "niet nu", then "Ik zeg het zelf" (typed or the button): the GROW is parked without a day. */
async function parkedBySelf(how: "button" | "typed") {
  const c = await journeys.halfwayGrow(db, ob, ++lastChat);
  expect(await press(c, "notNow")).toEqual([nlText("controls.park.when")]);
  const self = how === "button" ? await journeys.choose(db, c.chat, c.clientId, "self") : textUpdate(c.chat, "ik zeg het zelf wel");
  expect(texts(await ob.deliver(self))).toEqual([nlText("controls.park.okSelf")]);
  expect(await runOf(c.run.id)).toMatchObject({ status: "PARKED", resumeAt: null });
  return c;
}

describe("'Ik zeg het zelf': the topic comes back when the client wants to go on", () => {
  for (const [how, said] of [["button", "ik wil verder"], ["typed", "verder"], ["button", "ga maar door"], ["typed", "Ik wil graag verder!"], ["button", "ok ga maar verder"]] as const) {
    it(`"${said}" (after the ${how}) brings the GROW back at its question, with its answers, not the menu`, async () => {
      const c = await parkedBySelf(how);
      const back = texts(await ob.deliver(textUpdate(c.chat, said)));
      expect(back).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
      expect(back).not.toContain(nlText("menu.ask", { name: "Sam" }));
      const run = await activeRun(c.clientId);
      expect(run.id).toBe(c.run.id);
      expect(contextOf(run)).toMatchObject({ goal: "Ik wil werk", whenText: "voor de zomer" });
      // The next message is the answer to that question.
      expect(texts(await ob.deliver(textUpdate(c.chat, "Slecht")))).toEqual([nlText("grow.reality.helps")]);
    });
  }

  it("an old button from before the park is not taken; the question's own buttons work after coming back", async () => {
    const c = await parkedBySelf("button");
    const oldNotNow = callbackUpdate(c.chat, `k:${c.run.turn}:notNow`);
    expect(texts(await ob.deliver(textUpdate(c.chat, "verder")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
    expect(texts(await ob.deliver(oldNotNow))).toEqual([nlText("common.oldButton")]);
    expect(await press(c, "notNow")).toEqual([nlText("controls.park.when")]);
  });

  it("an ordinary message still gets the menu, and 'verder' from the menu picks the GROW up", async () => {
    const c = await parkedBySelf("typed");
    expect(texts(await ob.deliver(textUpdate(c.chat, "hoi")))).toEqual([nlText("menu.ask", { name: "Sam" })]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik wil eigenlijk verder met mijn doel")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
  });

  it("'niet verder' is no wish to go on: the topic stays parked", async () => {
    const c = await parkedBySelf("typed");
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik wil niet verder")))).not.toContain(nlText("controls.goOn"));
    expect((await runOf(c.run.id)).status).toBe("PARKED");
  });

  it("a topic parked until tomorrow also comes back early on 'verder', and its job does not bring it a second time", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    expect(await parkWith(c, "tomorrow")).toEqual([nlText("controls.park.okTomorrow")]);
    const job = await db.prisma.job.findFirstOrThrow({ where: { clientId: c.clientId, kind: "conversation.resume" } });
    expect(job.status).toBe("PENDING");
    expect(texts(await ob.deliver(textUpdate(c.chat, "toch maar verder")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("CANCELLED");
    expect(await ob.engine.resumeParked(c.run.id)).toBe("gone");
  });
});

describe("a parked topic survives /stop and /start", () => {
  it("parked with 'Ik zeg het zelf': after /start the client is offered it, and 'verder' brings it back at its question", async () => {
    const c = await parkedBySelf("button");
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/stop")))).toEqual([nlText("stop.done")]);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/start")))).toEqual([nlText("start.welcomeBack", { name: "Sam" }), nlText("start.parkedOffer")]);
    expect((await client(c.clientId)).status).toBe("ACTIVE");
    expect(texts(await ob.deliver(textUpdate(c.chat, "ja verder")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
  });

  it("parked until tomorrow: /stop holds its job, /start gives it back, and it comes back at the agreed time", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    expect(await parkWith(c, "tomorrow")).toEqual([nlText("controls.park.okTomorrow")]);
    const job = await db.prisma.job.findFirstOrThrow({ where: { clientId: c.clientId, kind: "conversation.resume" } });
    await ob.deliver(commandUpdate(c.chat, "/stop"));
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("CANCELLED");
    // While stopped, the agreed time brings nothing.
    expect(await ob.engine.resumeParked(c.run.id)).toBe("gone");
    // Back before the agreed day: nothing extra to say, the topic comes at its time.
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/start")))).toEqual([nlText("start.welcomeBack", { name: "Sam" })]);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "PENDING", dueAt: job.dueAt });
    const from = ob.calls.length;
    expect(await ob.engine.resumeParked(c.run.id)).toBe("resumed");
    await ob.jobs.dispatcher.drain();
    expect(texts(ob.calls.slice(from))[0]).toBe(nlText("controls.comeBack"));
  });

  it("parked until tomorrow: on the agreed day it comes back at its own question, with the answers so far", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await press(c, "notNow");
    expect(texts(await ob.deliver(textUpdate(c.chat, "morgen graag")))).toEqual([nlText("controls.park.okDay")]);
    const from = ob.calls.length;
    expect(await ob.engine.resumeParked(c.run.id)).toBe("resumed");
    await ob.jobs.dispatcher.drain();
    expect(texts(ob.calls.slice(from))).toEqual([nlText("controls.comeBack"), nlText("grow.reality.now")]);
    const run = await activeRun(c.clientId);
    expect(run.id).toBe(c.run.id);
    expect(contextOf(run)).toMatchObject({ goal: "Ik wil werk", whenText: "voor de zomer" });
    // Its buttons are new ones; the next message answers that question.
    expect(run.turn).toBeGreaterThan(c.run.turn);
    expect(texts(await ob.deliver(textUpdate(c.chat, "gaat wel, ik heb al veel brieven gestuurd")))).toEqual([nlText("grow.options.ask")]);
    expect(await ob.engine.resumeParked(c.run.id)).toBe("gone");
  });

  it("parked until a day that passed while stopped: after /start the client is offered it", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await parkWith(c, "tomorrow");
    await ob.deliver(commandUpdate(c.chat, "/stop"));
    // The agreed day went by while the client had stopped the messages.
    const past = new Date(Date.now() - 3_600_000);
    await db.prisma.job.updateMany({ where: { clientId: c.clientId, kind: "conversation.resume" }, data: { dueAt: past } });
    await db.prisma.flowRun.update({ where: { id: c.run.id }, data: { resumeAt: past } });
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/start")))).toEqual([nlText("start.welcomeBack", { name: "Sam" }), nlText("start.parkedOffer")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "ga maar door")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
  });
});

describe("/pauze does not eat the next message", () => {
  for (const said of ["ik ben er weer", "hoi ben er weer hoor", "Hallo, daar ben ik weer!", "im back"]) {
    it(`"${said}" after /pauze is not the answer: welcome back, the waiting question again`, async () => {
      const c = await journeys.halfwayGrow(db, ob, ++lastChat);
      expect(texts(await ob.deliver(commandUpdate(c.chat, "/pauze")))).toEqual([nlText("pause.done")]);
      expect(texts(await ob.deliver(textUpdate(c.chat, said)))).toEqual([nlText("pause.back"), nlText("grow.reality.now")]);
      const run = await activeRun(c.clientId);
      expect(run.id).toBe(c.run.id);
      // Nothing was taken as the answer: the GROW is where it was.
      expect(run.snapshot).toEqual(c.run.snapshot);
      expect((await client(c.clientId)).status).toBe("ACTIVE");
      expect(texts(await ob.deliver(textUpdate(c.chat, "Slecht")))).toEqual([nlText("grow.reality.helps")]);
      expect(contextOf(await activeRun(c.clientId))).toMatchObject({ goal: "Ik wil werk" });
    });
  }

  it("a button of the waiting question pressed after /pauze is its answer", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await ob.deliver(commandUpdate(c.chat, "/pauze"));
    expect(await press(c, "notNow")).toEqual([nlText("pause.back"), nlText("controls.park.when")]);
  });

  it("with nothing going on, the message after /pauze gets the welcome and the menu", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    await ob.deliver(commandUpdate(c.chat, "/pauze"));
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik ben er weer")))).toEqual([nlText("pause.back"), nlText("menu.ask", { name: "Sam" })]);
  });
});

describe("/pauze, then a real answer", () => {
  it("a message that is not a hello is still the answer to the waiting question", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await ob.deliver(commandUpdate(c.chat, "/pauze"));
    expect(texts(await ob.deliver(textUpdate(c.chat, "slecht eigenlijk")))).toEqual([nlText("pause.back"), nlText("grow.reality.helps")]);
  });
});

describe("nothing a client is in the middle of is aborted silently", () => {
  const statuses = async (clientId: string) =>
    (await db.prisma.flowRun.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } })).map((r) => [r.flowId, r.status]);

  it("a coach's talk waits until the GROW is parked, the client is told; two talks come one after the other, none aborted", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("coachTalk.waiting")]);
    await ob.engine.startConversation(c.clientId, "miracle", undefined, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("coachTalk.waiting")]);
    // The GROW goes on as it was: the next answer is its answer.
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
    expect(texts(await ob.deliver(textUpdate(c.chat, "Slecht")))).toEqual([nlText("grow.reality.helps")]);
    // The client parks the GROW: the first talk comes now.
    expect(await parkWith(c, "self")).toEqual([
      nlText("controls.park.okSelf"),
      nlText("coachTalk.now"),
      nlText("scaling.intro", { name: "Sam" }),
      nlText("scaling.ask.progress"),
    ]);
    // Then that one ends (parked here too), and the second comes.
    expect(await parkWith(c, "tomorrow")).toEqual([
      nlText("controls.park.okTomorrow"),
      nlText("coachTalk.now"),
      nlText("miracle.intro", { name: "Sam" }),
      nlText("miracle.setup"),
      nlText("miracle.first"),
    ]);
    const all = await statuses(c.clientId);
    expect(all.filter(([, s]) => s === "ABORTED")).toEqual([]);
    expect(all.filter(([f]) => f !== "onboarding" && f !== "menu")).toEqual([
      ["grow", "PARKED"],
      // the two talks while they waited, then as they ran
      ["scaling", "DONE"],
      ["miracle", "DONE"],
      ["scaling", "PARKED"],
      ["miracle", "ACTIVE"],
    ]);
    // The GROW still comes back when the client wants.
    expect((await runOf(c.run.id)).status).toBe("PARKED");
  });

  it("in English: the client is told in English", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await db.prisma.client.update({ where: { id: c.clientId }, data: { language: "en" } });
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    expect(texts(await ob.deliver())).toEqual([createTranslator().t("en", "coachTalk.waiting")]);
  });

  it("with nothing going on, the coach's talk starts at once", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("scaling.intro", { name: "Sam" }), nlText("scaling.ask.progress")]);
  });

  it("/herinneringen during a check-in: the check-in comes back at its question after, and 'een 5' is its answer", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    await ob.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("checkin.hello", { name: "Sam" }), nlText("checkin.mood")]);
    const checkin = await activeRun(c.clientId);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/herinneringen")))).toEqual([nlText("reminders.flow.offOffer")]);
    const end = texts(await ob.deliver(await journeys.choose(db, c.chat, c.clientId, "no")));
    expect(end.slice(-2)).toEqual([nlText("controls.goOn"), nlText("checkin.mood")]);
    expect((await activeRun(c.clientId)).id).toBe(checkin.id);
    expect(texts(await ob.deliver(textUpdate(c.chat, "een 5")))).not.toContain(nlText("menu.ask", { name: "Sam" }));
    expect(contextOf(await runOf(checkin.id))).toMatchObject({ score: 5 });
  });
});

describe("a coach's talk that waits", () => {
  it("its job waits while the client is busy, it survives /stop and /start, and it begins when the GROW is parked", async () => {
    const c = await parkedBySelf("typed");
    expect(texts(await ob.deliver(textUpdate(c.chat, "verder")))).toEqual([nlText("controls.goOn"), nlText("grow.reality.now")]);
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("coachTalk.waiting")]);
    const talk = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId, flowId: "scaling" } });
    expect(talk.status).toBe("PARKED");
    // Its job, an hour later, finds the client still in the GROW: it waits more.
    expect(await ob.engine.resumeParked(talk.id)).toBe("busy");
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
    // The client stops and starts again: the GROW's question comes back, the talk still waits.
    await ob.deliver(commandUpdate(c.chat, "/stop"));
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/start")))).toEqual([nlText("start.welcomeBack", { name: "Sam" }), nlText("grow.reality.now")]);
    expect((await db.prisma.job.findFirstOrThrow({ where: { idempotencyKey: `conversation.resume:${talk.id}` } })).status).toBe("PENDING");
    // The GROW ends by a park; the talk begins right then.
    expect(await parkWith(c, "self")).toEqual([
      nlText("controls.park.okSelf"),
      nlText("coachTalk.now"),
      nlText("scaling.intro", { name: "Sam" }),
      nlText("scaling.ask.progress"),
    ]);
    expect(await ob.engine.resumeParked(talk.id)).toBe("gone");
  });

  it("when the client writes while nothing is going on, the waiting talk comes instead of the menu", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    await ob.deliver();
    await db.prisma.flowRun.update({ where: { id: c.run.id }, data: { status: "DONE" } });
    expect(texts(await ob.deliver(textUpdate(c.chat, "hoi")))).toEqual([nlText("coachTalk.now"), nlText("scaling.intro", { name: "Sam" }), nlText("scaling.ask.progress")]);
  });

  it("its job starts it with the coach's words when the client was free by then (the menu does not count)", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    await ob.deliver();
    const talk = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId, flowId: "scaling" } });
    // The GROW was closed another way (it ended), and the menu came up, not picked from yet.
    await db.prisma.flowRun.update({ where: { id: c.run.id }, data: { status: "DONE" } });
    await ob.engine.startConversation(c.clientId, "menu");
    await ob.deliver();
    const from = ob.calls.length;
    expect(await ob.engine.resumeParked(talk.id)).toBe("resumed");
    await ob.jobs.dispatcher.drain();
    expect(texts(ob.calls.slice(from))).toEqual([nlText("coachTalk.now"), nlText("scaling.intro", { name: "Sam" }), nlText("scaling.ask.progress")]);
  });
});

describe("a check-in respects a step's due date", () => {
  /** A client with an active goal and one open step, due in `days` days (noon). */
  async function withStep(days: number) {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    const goal = await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Werk vinden" } });
    const step = await db.prisma.step.create({ data: { goalId: goal.id, what: "Mijn cv afmaken", dueAt: new Date(Date.now() + days * 86_400_000) } });
    await ob.engine.startConversation(c.clientId, "checkin", undefined, c.coachId);
    expect(texts(await ob.deliver())).toEqual([nlText("checkin.hello", { name: "Sam" }), nlText("checkin.mood")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "een 7")))).toEqual([nlText("checkin.better.ask")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "weet ik niet")))).toEqual([nlText("checkin.better.nothing"), nlText("checkin.step.ask", { step: "je cv afmaken" })]);
    return { ...c, step };
  }

  for (const said of ["nog niet, is toch pas zondag", "Nog niet", "nee nog niet gedaan"]) {
    it(`before the due day, "${said}" is no failure: no 'Wat zat er in de weg?', the step stays open`, async () => {
      const c = await withStep(4);
      const reply = texts(await ob.deliver(textUpdate(c.chat, said)));
      expect(reply).toEqual([nlText("checkin.step.notDue"), nlText("checkin.end", { name: "Sam" })]);
      expect(reply).not.toContain(nlText("checkin.step.blocked"));
      expect((await db.prisma.step.findUniqueOrThrow({ where: { id: c.step.id } })).status).toBe("OPEN");
    });
  }

  it("the 'Nog niet' button before the due day is no failure either", async () => {
    const c = await withStep(3);
    expect(await press(c, "notYet")).toEqual([nlText("checkin.step.notDue"), nlText("checkin.end", { name: "Sam" })]);
  });

  it("after the due day, 'nog niet' asks gently what got in the way", async () => {
    const c = await withStep(-2);
    expect(texts(await ob.deliver(textUpdate(c.chat, "nog niet")))).toEqual([nlText("checkin.step.blocked")]);
  });
});
