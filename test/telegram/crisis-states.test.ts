/**
 * A crisis in the middle of things, through the real bot edge offline (grammY's `handleUpdate`
 * with an API transformer, test/support/offline-bot.ts; the engine, the outbox and the job
 * dispatcher are the real ones): a client halfway a GROW conversation, a paused and a stopped
 * client, and a chat with messages already queued. The answer always comes first and at once;
 * the conversation waits until the client picks it up.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createTranslator } from "../../src/i18n.js";
import { enqueueTelegram } from "../../src/outbox/messages.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { nlText } from "../support/service.js";
import * as journeys from "../support/offline-journeys.js";

let db: Database;
let ob: OfflineBot;
let lastChat = 87_000;

offlineBotPerFile((file) => ({ db, ob } = file));

/** The crisis answer as the client reads it: one message, its lines joined. */
const answer = (...keys: string[]) => keys.map((k) => nlText(`crisis.answer.${k}`)).join("\n");
const SUICIDE = answer("suicide", "coachTold", "keepWriting");
const en = (key: string, vars?: Record<string, string | number>) => createTranslator().t("en", key, vars);
const VIOLENCE = answer("violence", "coachTold", "keepWriting");

const client = (id: string) => db.prisma.client.findUniqueOrThrow({ where: { id } });
const activeRun = (clientId: string) => db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
const alertsOf = (clientId: string) => db.prisma.crisisAlert.findMany({ where: { clientId }, include: { events: { orderBy: { id: "asc" } } } });
const contextOf = (run: { snapshot: unknown }) => (run.snapshot as { context: Record<string, unknown> }).context;

describe("a crisis in the middle of a GROW conversation", () => {
  it("gets the 113 answer, not the next GROW question; the GROW waits, and 'Verder' brings it back where it was", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    // The words would otherwise be taken as the answer to "how is it now?".
    const calls = await ob.deliver(textUpdate(c.chat, "slecht. ik wil niet meer leven"));
    expect(texts(calls)).toEqual([SUICIDE]);
    expect(texts(calls).join("\n")).not.toContain(nlText("grow.reality.helps"));
    const parked = await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } });
    expect(parked).toMatchObject({ status: "PARKED", turn: c.run.turn, flowId: "grow" });
    expect(parked.snapshot).toEqual(c.run.snapshot);
    const [alert] = await alertsOf(c.clientId);
    expect(alert).toMatchObject({ category: "suicide", parkedRunId: c.run.id, status: "OPEN" });
    expect((await client(c.clientId)).crisisHoldSince).not.toBeNull();

    // The next message is answered kindly, with the choice to go on or not.
    const next = await ob.deliver(textUpdate(c.chat, "ok"));
    expect(texts(next)).toEqual([nlText("crisis.after.ask")]);
    expect(keyboard(next[0])).toEqual([[[nlText("crisis.after.resume"), "s:resume"]], [[nlText("crisis.after.rest"), "s:rest"]]]);
    // Still nothing of the GROW while the client has not chosen.
    expect(await db.prisma.flowRun.count({ where: { clientId: c.clientId, status: "ACTIVE" } })).toBe(0);

    // "Verder met ons gesprek": the same question again, the same conversation with its answers.
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "s:resume")))).toEqual([nlText("crisis.after.back"), nlText("grow.reality.now")]);
    const back = await activeRun(c.clientId);
    expect(back.id).toBe(c.run.id);
    expect(contextOf(back)).toMatchObject({ goal: "Ik wil werk", whenText: "voor de zomer" });
    expect((await alertsOf(c.clientId))[0]?.followUp).toBe("done");
    expect(texts(await ob.deliver(textUpdate(c.chat, "Slecht")))).toEqual([nlText("grow.reality.helps")]);
    // Going on with the conversation does not lift the hold on reminders: that is for the coach.
    expect((await client(c.clientId)).crisisHoldSince).not.toBeNull();
  });

  it("'Even niet' leaves the GROW parked; a typed 'verder' picks it up later, also after the menu came up", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    expect(texts(await ob.deliver(textUpdate(c.chat, "Ik wil dood")))).toEqual([SUICIDE]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "sorry")))).toEqual([nlText("crisis.after.ask")]);
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "s:rest")))).toEqual([nlText("crisis.after.restOk")]);
    expect((await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } })).status).toBe("PARKED");
    // An ordinary message afterwards gets the menu, not the GROW by itself ...
    expect(texts(await ob.deliver(textUpdate(c.chat, "dank je")))).toEqual([nlText("menu.ask", { name: "Sam" })]);
    const menu = await activeRun(c.clientId);
    expect([menu.flowId, (await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } })).status]).toEqual(["menu", "PARKED"]);
    // ... and "verder", as the bot said to type, still brings the GROW back where it was.
    expect(texts(await ob.deliver(textUpdate(c.chat, "Verder")))).toEqual([nlText("crisis.after.back"), nlText("grow.reality.now")]);
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
    expect((await db.prisma.flowRun.findUniqueOrThrow({ where: { id: menu.id } })).status).toBe("ABORTED");
    expect(texts(await ob.deliver(textUpdate(c.chat, "slecht")))).toEqual([nlText("grow.reality.helps")]);
  });

  it("a yes typed to the kind question picks the GROW up too", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    expect(texts(await ob.deliver(textUpdate(c.chat, "hij slaat me")))).toEqual([VIOLENCE]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik ben bang")))).toEqual([nlText("crisis.after.ask")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "ja")))).toEqual([nlText("crisis.after.back"), nlText("grow.reality.now")]);
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
  });

  it("in English: the English answer, and 'continue' picks the GROW up", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    await db.prisma.client.update({ where: { id: c.clientId }, data: { language: "en" } });
    const reply = texts(await ob.deliver(textUpdate(c.chat, "honestly i want to die", { languageCode: "en" })));
    expect(reply).toEqual([["suicide", "coachTold", "keepWriting"].map((k) => en(`crisis.answer.${k}`)).join("\n")]);
    expect(reply[0]).toContain("113");
    expect(texts(await ob.deliver(textUpdate(c.chat, "ok", { languageCode: "en" })))).toEqual([en("crisis.after.ask")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "continue", { languageCode: "en" })))).toEqual([en("crisis.after.back"), en("grow.reality.now")]);
    expect((await activeRun(c.clientId)).id).toBe(c.run.id);
  });
});

describe("a crisis from a paused or a stopped client", () => {
  it("/pauze: the answer at once and the coach's alert; the client stays paused until they write again", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/pauze")))).toEqual([nlText("pause.done")]);
    const paused = await client(c.clientId);
    expect(paused.status).toBe("PAUSED");
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik wil dood")))).toEqual([SUICIDE]);
    const [alert] = await alertsOf(c.clientId);
    expect(alert).toMatchObject({ category: "suicide", rule: "suicide.wish-dead", messageText: "ik wil dood", coachId: c.coachId, status: "OPEN", parkedRunId: null });
    const notify = await db.prisma.job.findMany({ where: { kind: "crisis.notify", payload: { path: ["alertId"], equals: alert?.id } } });
    expect(notify.map((j) => j.status)).toEqual(["DONE"]);
    const after = await client(c.clientId);
    expect(after.crisisHoldSince).not.toBeNull();
    // Nothing else about the client changed: still paused, same language, same reminders.
    const { crisisHoldSince: _h, lastClientMessageAt: _l, updatedAt: _u, ...rest } = after;
    const { crisisHoldSince: _h0, lastClientMessageAt: _l0, updatedAt: _u0, ...restBefore } = paused;
    expect(rest).toEqual(restBefore);
    // The next message is answered kindly (no conversation to go on with), and still paused.
    expect(texts(await ob.deliver(textUpdate(c.chat, "ok")))).toEqual([nlText("crisis.after.askNoRun")]);
    expect((await client(c.clientId)).status).toBe("PAUSED");
  });

  it("/pauze halfway a GROW: the GROW is parked; choosing to go on ends the pause and asks the same question", async () => {
    const c = await journeys.halfwayGrow(db, ob, ++lastChat);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/pauze")))).toEqual([nlText("pause.done")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "ik wil niet meer leven")))).toEqual([SUICIDE]);
    expect(await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } })).toMatchObject({ status: "PARKED" });
    expect((await client(c.clientId)).status).toBe("PAUSED");
    expect(texts(await ob.deliver(textUpdate(c.chat, "hoi")))).toEqual([nlText("crisis.after.ask")]);
    expect((await client(c.clientId)).status).toBe("PAUSED");
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "s:resume")))).toEqual([nlText("crisis.after.back"), nlText("grow.reality.now")]);
    expect((await client(c.clientId)).status).toBe("ACTIVE");
  });

  it("/stop: the answer and the coach's alert all the same; the client stays stopped and their jobs stay cancelled", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    await db.prisma.client.update({ where: { id: c.clientId }, data: { remindersWanted: true, reminderDaypart: "morning", checkinEveryDays: 7 } });
    const reminder = await db.prisma.job.create({ data: { kind: "reminder.checkin", payload: {}, clientId: c.clientId, idempotencyKey: `reminder.checkin:${c.clientId}:test`, dueAt: new Date(Date.now() + 86_400_000) } });
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/stop")))).toEqual([nlText("stop.done")]);
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("CANCELLED");
    // Someone who stopped the messages and then writes this still gets the help numbers.
    expect(texts(await ob.deliver(textUpdate(c.chat, "hij slaat me")))).toEqual([VIOLENCE]);
    const [alert] = await alertsOf(c.clientId);
    expect(alert).toMatchObject({ category: "violence", messageText: "hij slaat me", coachId: c.coachId, status: "OPEN" });
    // The alert's jobs carry no client id, so the /stop never cancels them: the coach is told.
    const crisisJobs = await db.prisma.job.findMany({ where: { kind: { startsWith: "crisis." }, payload: { path: ["alertId"], equals: alert?.id } }, orderBy: { id: "asc" } });
    // This coach is not in Slack: the team is told at once, and the 30-minute check still waits.
    expect(crisisJobs.map((j) => [j.kind, (j.payload as { why?: string }).why ?? null, j.status, j.clientId])).toEqual([
      ["crisis.notify", null, "DONE", null],
      ["crisis.escalate", "timer", "PENDING", null],
      ["crisis.escalate", "noSlack", "DONE", null],
    ]);
    expect(await db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert?.id ?? "" } })).toMatchObject({ escalatedAt: expect.any(Date) });
    expect(await client(c.clientId)).toMatchObject({ status: "STOPPED" });
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("CANCELLED");
    // Once a kind word, then "you stopped the messages" as before; still stopped, no conversation.
    expect(texts(await ob.deliver(textUpdate(c.chat, "hallo?")))).toEqual([nlText("crisis.after.askNoRun")]);
    expect(texts(await ob.deliver(textUpdate(c.chat, "hallo?")))).toEqual([nlText("stop.stopped")]);
    expect(await client(c.clientId)).toMatchObject({ status: "STOPPED" });
    expect(await db.prisma.flowRun.count({ where: { clientId: c.clientId, status: "ACTIVE" } })).toBe(0);
  });
});

describe("messages already queued for the chat", () => {
  it("the crisis answer goes out first and alone: messages queued for the moment before it are not sent after it", async () => {
    const c = await journeys.onboarded(db, ob, ++lastChat);
    const chatId = BigInt(c.chat);
    // Queued and due now, not sent yet: two messages from the coach's side and a conversation the coach started.
    await db.prisma.$transaction(async (tx) => {
      await enqueueTelegram(tx, { clientId: c.clientId, chatId, language: "nl", messages: [{ key: "reminders.answer.stepDone" }] });
      await enqueueTelegram(tx, { clientId: c.clientId, chatId, language: "nl", messages: [{ key: "pause.back" }, { key: "help.text" }] });
    });
    await ob.engine.startConversation(c.clientId, "scaling", {}, c.coachId);
    const queued = await db.prisma.job.count({ where: { clientId: c.clientId, kind: "telegram.send", status: "PENDING" } });
    expect(queued).toBe(3);

    const calls = await ob.deliver(textUpdate(c.chat, "ik wil dood"));
    const sent = texts(calls);
    // No "Goed gedaan!" or the next question of a conversation after "ik wil dood".
    expect(sent).toEqual([SUICIDE]);
    expect(await db.prisma.job.count({ where: { clientId: c.clientId, kind: "telegram.send", status: "CANCELLED" } })).toBe(3);
    // The conversation the coach started was parked by the signal: it waits until the client picks it up.
    expect((await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId, flowId: "scaling" } })).status).toBe("PARKED");
    expect(calls.filter((c) => c.method === "sendMessage").every((call) => call.payload.chat_id === c.chat)).toBe(true);
  });
});
