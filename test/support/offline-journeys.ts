/**
 * The first steps of a client through the offline bot (offline-bot.ts), shared by the tests that
 * start from them: onboarded, and halfway a GROW conversation.
 */
import type { Update } from "grammy/types";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { texts, type OfflineBot } from "./offline-bot.js";
import { nlText } from "./service.js";
import { inviteClient } from "./world.js";

const activeRun = (db: Database, clientId: string) => db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });

/** Presses the button with this choice under the running conversation's last question. */
export async function choose(db: Database, chat: number, clientId: string, choice: string): Promise<Update> {
  return callbackUpdate(chat, `k:${(await activeRun(db, clientId)).turn}:${choice}`);
}

/** A client of coach Ahmed who finished onboarding through the bot in `chat` (consent, name "Sam", no reminders). */
export async function onboarded(db: Database, ob: OfflineBot, chat: number) {
  const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
  await ob.deliver(commandUpdate(chat, `/start ${invited.code}`));
  await ob.deliver(callbackUpdate(chat, "k:1:yes"));
  await ob.deliver(textUpdate(chat, "Sam"));
  await ob.deliver(await choose(db, chat, invited.clientId, "no"));
  expect((await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).status).toBe("ACTIVE");
  return { chat, ...invited };
}

/** Hoi, the menu, GROW, the goal and its "when": the client is at the question about now. */
export async function halfwayGrow(db: Database, ob: OfflineBot, chat: number) {
  const c = await onboarded(db, ob, chat);
  expect(texts(await ob.deliver(textUpdate(c.chat, "hoi")))).toEqual([nlText("menu.ask", { name: "Sam" })]);
  expect(texts(await ob.deliver(await choose(db, c.chat, c.clientId, "grow")))).toEqual([nlText("grow.intro", { name: "Sam" }), nlText("grow.goal.ask")]);
  expect(texts(await ob.deliver(textUpdate(c.chat, "Ik wil werk")))).toEqual([nlText("grow.goal.when")]);
  expect(texts(await ob.deliver(textUpdate(c.chat, "voor de zomer")))).toEqual([nlText("grow.reality.now")]);
  return { ...c, run: await activeRun(db, c.clientId) };
}
