/**
 * What a client can throw at the bot besides the answer we hope for: the same update twice,
 * stickers and voice notes, essays, buttons the bot never sent or sent long ago, group chats,
 * text where a button is expected, the commands, a crisis, a conversation saved by an older bot.
 * Each gets a calm answer in Dutch, and nothing in the conversation moves that should not.
 *
 * Offline, the way grammY tests itself (test/support/offline-bot.ts): real bot edge, engine,
 * outbox and sender; a transformer records the Bot API calls.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { FORGOTTEN_CLIENT_FIELDS } from "../../src/domain/effects.js";
import { callbackUpdate, commandUpdate, groupChat, photoUpdate, stickerUpdate, textUpdate, voiceUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { footprint, nlText } from "../support/service.js";
import { inviteClient } from "../support/world.js";

let db: Database;
let ob: OfflineBot;
let lastChat = 61_000;

offlineBotPerFile((file) => ({ db, ob } = file));

type Step = "consent" | "name" | "reminders";

/** A client of coach Ahmed, linked through the bot and brought to a step of onboarding. */
async function clientAt(step: Step) {
  const chat = ++lastChat;
  const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
  expect(texts(await ob.deliver(commandUpdate(chat, `/start ${invited.code}`))).at(-1)).toBe(nlText("onboarding.consent.ask"));
  if (step !== "consent") {
    expect(texts(await ob.deliver(callbackUpdate(chat, "k:1:yes")))).toEqual([nlText("onboarding.name.ask")]);
  }
  if (step === "reminders") {
    expect(texts(await ob.deliver(textUpdate(chat, "Sam")))).toEqual([nlText("onboarding.reminders.ask", { name: "Sam" })]);
  }
  return { chat, ...invited };
}

/**
 * Everything about a client that a stray message must not change. `lastClientMessageAt`,
 * `floodTimes` (flood control counts every message) and so `updatedAt` do change on purpose: the
 * client did write.
 */
async function conversationState(clientId: string) {
  const { lastClientMessageAt: _seen, floodTimes: _times, updatedAt: _updated, ...client } = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  const runs = await db.prisma.flowRun.findMany({
    where: { clientId },
    orderBy: { createdAt: "asc" },
    select: { id: true, flowId: true, status: true, turn: true, machineVersion: true, snapshot: true, prompt: true },
  });
  const consents = await db.prisma.consentRecord.count({ where: { clientId } });
  const goals = await db.prisma.goal.count({ where: { clientId } });
  return { client, runs, consents, goals };
}

const snapshotValue = async (clientId: string) =>
  ((await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } })).snapshot as { value: unknown }).value;

describe("the same update delivered twice", () => {
  it("is handled once: one reply, one step of the conversation", async () => {
    const c = await clientAt("consent");
    const before = await conversationState(c.clientId);
    const update = textUpdate(c.chat, "hm?");

    expect(texts(await ob.deliver(update))).toEqual([nlText("onboarding.consent.unclear"), nlText("onboarding.consent.ask")]);
    const afterFirst = await conversationState(c.clientId);
    expect(afterFirst.runs[0]?.turn).toBe((before.runs[0]?.turn ?? 0) + 1);

    expect(await ob.deliver(update)).toEqual([]);
    expect(await conversationState(c.clientId)).toEqual(afterFirst);
    expect(await db.prisma.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(1);

    // A button press redelivered: the spinner is answered, the choice counts once.
    const press = callbackUpdate(c.chat, "k:2:yes");
    expect(texts(await ob.deliver(press))).toEqual([nlText("onboarding.name.ask")]);
    const again = await ob.deliver(press);
    expect(again.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(await snapshotValue(c.clientId)).toBe("name");
    expect(await db.prisma.consentRecord.count({ where: { clientId: c.clientId } })).toBe(1);
  });
});

describe("messages the bot cannot use", () => {
  it.each([
    ["a sticker", stickerUpdate],
    ["a photo", photoUpdate],
    ["a voice note", voiceUpdate],
  ])("answers %s calmly that it reads only text, and nothing moves", async (_what, build) => {
    const c = await clientAt("name");
    const before = await conversationState(c.clientId);
    expect(texts(await ob.deliver(build(c.chat)))).toEqual([nlText("common.onlyText")]);
    expect(await conversationState(c.clientId)).toEqual(before);
  });

  it("asks to say a 5,000-character message shorter, and does not use it", async () => {
    const c = await clientAt("name");
    const before = await conversationState(c.clientId);
    expect(texts(await ob.deliver(textUpdate(c.chat, "Ik heet ".padEnd(5000, "a"))))).toEqual([nlText("common.tooLong")]);
    expect(await conversationState(c.clientId)).toEqual(before);
  });

  it("ignores group chats: no answer, nothing stored, an invite code there links nothing", async () => {
    const invited = await inviteClient(db);
    const group = groupChat(-4001);
    const before = await footprint(db);
    const calls = await ob.deliver(
      textUpdate(61_999, "hallo allemaal", { chat: group }),
      commandUpdate(61_999, `/start ${invited.code}`, { chat: group }),
      callbackUpdate(61_999, "k:1:yes", { chat: group }),
    );
    expect(calls).toEqual([]);
    expect(await footprint(db)).toEqual(before);
    expect(await db.prisma.invite.findFirstOrThrow({ where: { clientId: invited.clientId } })).toMatchObject({ usedAt: null });
  });
});

describe("buttons", () => {
  it.each([
    ["data that is not ours", "zzz", "common.unknownButton"],
    ["a turn that was never asked", "k:999:yes", "common.unknownButton"],
    ["the current turn with a choice that was not offered", "k:2:notachoice", "common.unknownButton"],
    ["a button of an earlier question", "k:1:yes", "common.oldButton"],
  ])("answers %s calmly and changes nothing", async (_what, data, key) => {
    const c = await clientAt("name");
    const before = await conversationState(c.clientId);
    const calls = await ob.deliver(callbackUpdate(c.chat, data));
    expect(calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(texts(calls)).toEqual([nlText(key)]);
    expect(await conversationState(c.clientId)).toEqual(before);
  });

  it("asks again, with the same buttons, when the client types where a button is expected", async () => {
    const c = await clientAt("reminders");
    const calls = await ob.deliver(textUpdate(c.chat, "blabla"));
    expect(texts(calls)).toEqual([nlText("common.pickButton"), nlText("onboarding.reminders.ask", { name: "Sam" })]);
    expect(keyboard(calls[1]).map((row) => row.map(([label]) => label))).toEqual([
      [nlText("onboarding.reminders.yes")],
      [nlText("onboarding.reminders.no")],
      [nlText("onboarding.reminders.later")],
    ]);
    expect(await snapshotValue(c.clientId)).toBe("reminders");
    // The new buttons work.
    const yes = keyboard(calls[1])[0]?.[0]?.[1] ?? "";
    expect(yes).toBe("k:4:yes");
    expect(texts(await ob.deliver(callbackUpdate(c.chat, yes)))).toEqual([nlText("onboarding.reminders.when")]);
  });
});

describe("commands", () => {
  it("/stop: no more messages, answers are not used; /start brings back the last question", async () => {
    const c = await clientAt("name");
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/stop")))).toEqual([nlText("stop.done")]);
    const stopped = await conversationState(c.clientId);
    expect(stopped.client.status).toBe("STOPPED");

    expect(texts(await ob.deliver(textUpdate(c.chat, "Sam")))).toEqual([nlText("stop.stopped")]);
    expect(await conversationState(c.clientId)).toEqual(stopped);

    const back = await ob.deliver(commandUpdate(c.chat, "/start"));
    expect(texts(back)).toEqual([nlText("start.welcomeBack", { name: "Samira" }), nlText("onboarding.name.ask")]);
    expect(keyboard(back[1])).toEqual([[[nlText("onboarding.name.keep", { name: "Samira" }), "k:2:keep"]]]);
    expect((await conversationState(c.clientId)).client.status).toBe("ONBOARDING");
    expect(texts(await ob.deliver(textUpdate(c.chat, "Sam")))).toEqual([nlText("onboarding.reminders.ask", { name: "Sam" })]);
  });

  it("/pauze: quiet until the client writes; that message is used", async () => {
    const c = await clientAt("name");
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/pauze")))).toEqual([nlText("pause.done")]);
    expect((await conversationState(c.clientId)).client.status).toBe("PAUSED");
    expect(texts(await ob.deliver(textUpdate(c.chat, "Sam")))).toEqual([
      nlText("pause.back"),
      nlText("onboarding.reminders.ask", { name: "Sam" }),
    ]);
    expect((await conversationState(c.clientId)).client).toMatchObject({ status: "ONBOARDING", callName: "Sam" });
  });

  it("/hulp explains, an unknown command is answered calmly; neither moves the conversation", async () => {
    const c = await clientAt("name");
    const before = await conversationState(c.clientId);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/hulp")))).toEqual([nlText("help.text")]);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/help@KoersTestBot")))).toEqual([nlText("help.text")]);
    expect(texts(await ob.deliver(commandUpdate(c.chat, "/foo")))).toEqual([nlText("common.unknownCommand")]);
    expect(await conversationState(c.clientId)).toEqual(before);
  });
});

describe("a crisis", () => {
  it("gets the 113 / 112 answer, the coach's alert is raised, and the conversation is paused, not moved on", async () => {
    const c = await clientAt("name");
    const before = await conversationState(c.clientId);
    // At the name step this would otherwise be taken as a name.
    const reply = texts(await ob.deliver(textUpdate(c.chat, "ik wil niet meer leven")));
    expect(reply).toEqual([["suicide", "coachTold", "keepWriting"].map((k) => nlText(`crisis.answer.${k}`)).join("\n")]);
    for (const must of ["113", "0800-0113", "113.nl"]) expect(reply[0]).toContain(must);

    const alerts = await db.prisma.crisisAlert.findMany({ where: { clientId: c.clientId } });
    expect(alerts.map((a) => [a.category, a.coachId, a.status])).toEqual([["suicide", c.coachId, "OPEN"]]);
    const jobs = await db.prisma.job.findMany({ where: { kind: "crisis.notify", payload: { path: ["alertId"], equals: alerts[0]?.id } } });
    expect(jobs.map((j) => j.status)).toEqual(["DONE"]);
    const after = await conversationState(c.clientId);
    const { crisisHoldSince, ...client } = after.client;
    const { crisisHoldSince: notHeld, ...clientBefore } = before.client;
    expect([notHeld, crisisHoldSince !== null]).toEqual([null, true]);
    expect(client).toEqual(clientBefore);
    // The same question, the same place in the conversation: only paused.
    expect(after.runs.map(({ status, ...r }) => [status, r])).toEqual(before.runs.map(({ status: _s, ...r }) => ["PARKED", r]));
    expect([after.consents, after.goals]).toEqual([before.consents, before.goals]);
  });
});

describe("a conversation saved by an older version of the bot", () => {
  it.each([
    ["an older machine version", { machineVersion: 0 }],
    ["a state that no longer exists", { snapshotValue: "stateThatWasRemoved" }],
  ])("with %s restarts calmly from the beginning", async (_what, change) => {
    const c = await clientAt("name");
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: c.clientId, status: "ACTIVE" } });
    await db.prisma.flowRun.update({
      where: { id: run.id },
      data:
        "machineVersion" in change
          ? { machineVersion: change.machineVersion }
          : { snapshot: { ...(run.snapshot as Record<string, unknown>), value: change.snapshotValue } },
    });
    const logBefore = ob.logLines.length;

    const calls = await ob.deliver(textUpdate(c.chat, "Sam"));
    expect(texts(calls)).toEqual([
      nlText("common.restartPart"),
      nlText("onboarding.welcome"),
      nlText("onboarding.whoAmI", { coach: "Ahmed" }),
      nlText("onboarding.whatWeSave", { coach: "Ahmed" }),
      nlText("onboarding.consent.ask"),
    ]);
    const runs = await db.prisma.flowRun.findMany({ where: { clientId: c.clientId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => [r.flowId, r.status])).toEqual([
      ["onboarding", "ABORTED"],
      ["onboarding", "ACTIVE"],
    ]);
    expect(ob.logLines.slice(logBefore).map((l) => l.msg)).toEqual(["flow restarted"]);
    // The new run works: its consent button goes on to the name.
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "k:1:yes")))).toEqual([nlText("onboarding.name.ask")]);
  });
});

describe("refusing consent", () => {
  it("says goodbye and keeps only the client row and the refusal", async () => {
    const c = await clientAt("consent");
    // A refusal forgets everything, so it is confirmed first.
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "k:1:no")))).toEqual([nlText("onboarding.consent.refuseCheck")]);
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "k:2:yes")))).toEqual([nlText("onboarding.consent.goodbye", { coach: "Ahmed" })]);

    const client = await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
    expect(client).toMatchObject({
      status: "REFUSED",
      ...FORGOTTEN_CLIENT_FIELDS,
    });
    const consents = await db.prisma.consentRecord.findMany({ where: { clientId: c.clientId } });
    expect(consents.map((r) => [r.subject, r.decision])).toEqual([["data", "REFUSED"]]);
    expect(await db.prisma.flowRun.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(await db.prisma.goal.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(await db.prisma.scaleScore.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(await db.prisma.job.count({ where: { clientId: c.clientId, status: { in: ["PENDING", "RUNNING"] } } })).toBe(0);

    // The chat is a stranger now; the link stays used.
    expect(texts(await ob.deliver(textUpdate(c.chat, "hallo?")))).toEqual([nlText("start.noCode")]);
    expect(texts(await ob.deliver(commandUpdate(c.chat, `/start ${c.code}`)))).toEqual([nlText("start.usedCode")]);
  });
});
