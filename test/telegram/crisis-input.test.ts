/**
 * A crisis in every kind of message and every state, through the real bot edge offline (grammY's
 * `handleUpdate` with an API transformer, test/support/offline-bot.ts): a photo's and a file's
 * caption, an edited message, a stranger, a client in onboarding, and the answer that fits each
 * kind of danger. Without Slack the alert is logged with ids and the category only.
 */
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { commandUpdate, callbackUpdate, person, privateChat, textUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { footprint, nlText } from "../support/service.js";
import * as journeys from "../support/offline-journeys.js";
import { inviteClient } from "../support/world.js";

let db: Database;
let ob: OfflineBot;
let lastChat = 83_000;
let ids = 900_000;

offlineBotPerFile((file) => ({ db, ob } = file));

/** The crisis answer as the client reads it: one message, its lines joined. */
export function answer(...keys: string[]): string {
  return keys.map((k) => nlText(`crisis.answer.${k}`)).join("\n");
}

function captioned(chatId: number, kind: "photo" | "document", caption: string): Update {
  const media =
    kind === "photo"
      ? { photo: [{ file_id: "photo-9", file_unique_id: "p9", width: 90, height: 90 }] }
      : { document: { file_id: "doc-9", file_unique_id: "d9", file_name: "brief.pdf" } };
  return {
    update_id: ++ids,
    message: { message_id: ++ids, date: Math.floor(Date.now() / 1000), chat: privateChat(chatId), from: person(chatId), caption, ...media },
  };
}

function edited(chatId: number, text: string): Update {
  return {
    update_id: ++ids,
    edited_message: { message_id: ++ids, date: Math.floor(Date.now() / 1000) - 60, edit_date: Math.floor(Date.now() / 1000), chat: privateChat(chatId), from: person(chatId), text },
  };
}

/** A client of coach Ahmed who finished onboarding through the bot (consent, name, no reminders). */
const onboarded = () => journeys.onboarded(db, ob, ++lastChat);

const alerts = (clientId: string) => db.prisma.crisisAlert.findMany({ where: { clientId }, include: { events: { orderBy: { id: "asc" } } } });

describe("a crisis in any kind of message", () => {
  it("a photo's caption gets the crisis answer instead of 'only text', and the coach's alert has the caption", async () => {
    const c = await onboarded();
    const calls = await ob.deliver(captioned(c.chat, "photo", "dit is mijn arm. ik wil mezelf iets aan doen"));
    // "Mezelf iets aandoen" is how people say they may take their life: the 113 answer for suicide.
    expect(texts(calls)).toEqual([answer("suicide", "coachTold", "keepWriting")]);
    const [alert] = await alerts(c.clientId);
    expect(alert).toMatchObject({ category: "suicide", rule: "suicide.kill-self", messageText: "dit is mijn arm. ik wil mezelf iets aan doen", status: "OPEN", coachId: c.coachId });
    expect(alert?.events[0]?.detail).toMatchObject({ source: "caption:photo" });
    // An ordinary caption is still "only text, please".
    expect(texts(await ob.deliver(captioned(c.chat, "document", "mijn brief van de gemeente")))).not.toContain(answer("suicide", "coachTold", "keepWriting"));
  });

  it("a file's caption and an edited message are read too; an ordinary edit gets no answer", async () => {
    const c = await onboarded();
    expect(texts(await ob.deliver(captioned(c.chat, "document", "Ik denk aan zelfmoord")))).toEqual([answer("suicide", "coachTold", "keepWriting")]);
    expect(texts(await ob.deliver(edited(c.chat, "sorry, typfout: morgen bel ik")))).toEqual([]);
    expect(texts(await ob.deliver(edited(c.chat, "hij slaat me elke avond")))).toEqual([answer("violence", "coachTold", "keepWriting")]);
    const [alert] = await alerts(c.clientId);
    // The second signal is added to the open alert, not a new one.
    expect(alert?.events.filter((e) => e.type === "signal").map((e) => [e.category, (e.detail as { source: string }).source])).toEqual([
      ["suicide", "caption:document"],
      ["violence", "edited"],
    ]);
  });

  it("a stranger without an invite gets the help numbers, not 'I only talk to people with a coach'; nothing is stored", async () => {
    const before = await footprint(db);
    const alertsBefore = await db.prisma.crisisAlert.count();
    const chat = ++lastChat;
    const replies = texts(await ob.deliver(textUpdate(chat, "ik wil dood")));
    expect(replies).toEqual([answer("suicide", "noCoach", "keepWriting")]);
    expect(replies[0]).not.toContain(nlText("crisis.answer.coachTold"));
    expect(texts(await ob.deliver(captioned(chat, "photo", "hij slaat me")))).toEqual([answer("violence", "noCoach", "keepWriting")]);
    expect(texts(await ob.deliver(edited(chat, "Ik denk aan zelfmoord")))).toEqual([answer("suicide", "noCoach", "keepWriting")]);
    expect(texts(await ob.deliver(edited(chat, "hallo")))).toEqual([]);
    expect(texts(await ob.deliver(textUpdate(chat, "hallo")))).toEqual([nlText("start.noCode")]);
    expect(await footprint(db)).toEqual(before);
    expect(await db.prisma.crisisAlert.count()).toBe(alertsBefore);
  });

  it("a stranger writing in English gets the English answer", async () => {
    const chat = ++lastChat;
    const calls = await ob.deliver(textUpdate(chat, "I want to die", { languageCode: "en" }));
    expect(texts(calls)[0]).toContain("113");
    expect(texts(calls)[0]).toContain("I am only a chatbot");
  });

  it("in the middle of onboarding: the answer, the onboarding question is not asked, and 'verder' brings it back", async () => {
    const chat = ++lastChat;
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
    await ob.deliver(commandUpdate(chat, `/start ${invited.code}`));
    await ob.deliver(callbackUpdate(chat, "k:1:yes"));
    // At the name step "ik wil niet meer leven" would otherwise be taken as a name.
    expect(texts(await ob.deliver(textUpdate(chat, "ik wil niet meer leven")))).toEqual([answer("suicide", "coachTold", "keepWriting")]);
    expect(await db.prisma.flowRun.count({ where: { clientId: invited.clientId, status: "ACTIVE" } })).toBe(0);
    expect(await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({ callName: null, status: "ONBOARDING" });
    const next = await ob.deliver(textUpdate(chat, "ok"));
    expect(texts(next)).toEqual([nlText("crisis.after.ask")]);
    expect(keyboard(next[0])).toEqual([[[nlText("crisis.after.resume"), "s:resume"]], [[nlText("crisis.after.rest"), "s:rest"]]]);
    expect(texts(await ob.deliver(textUpdate(chat, "verder")))).toEqual([nlText("crisis.after.back"), nlText("onboarding.name.ask")]);
    expect(texts(await ob.deliver(textUpdate(chat, "Sam")))).toEqual([nlText("onboarding.reminders.ask", { name: "Sam" })]);
  });

  it("each kind of danger gets its own help: Veilig Thuis, 112 first when acute, 113", async () => {
    const c = await onboarded();
    expect(texts(await ob.deliver(textUpdate(c.chat, "Hij slaat me en de kinderen zijn bang")))).toEqual([answer("violence", "coachTold", "keepWriting")]);
    expect(answer("violence")).toContain("0800-2000");
    expect(answer("sexual")).toContain("0800-0188");
    expect(answer("overdose")).toMatch(/112.*113/s);
    expect(answer("suicide")).toContain("0800-0113");
    expect(answer("suicide")).toContain("113.nl");
  });
});

describe("without Slack the alert is logged", () => {
  it("with ids and the category, never the client's words or name", async () => {
    const c = await onboarded();
    const from = ob.logLines.length;
    await ob.deliver(textUpdate(c.chat, "Samira hier. ik wil dood, echt"));
    const lines = ob.logLines.slice(from);
    const alert = lines.find((l) => l.msg.startsWith("crisis alert"));
    expect(alert).toMatchObject({ clientId: c.clientId, category: "suicide" });
    const all = JSON.stringify(lines);
    expect(all).not.toContain("ik wil dood");
    expect(all).not.toContain("Samira");
    expect(all).not.toContain("Sam");
  });
});
