/**
 * Telegram delivers an update again when it is not sure we got it (a webhook answer that came
 * too late, a restart before the offset was confirmed), and the second delivery can arrive while
 * the first is still being handled. Both deliveries go through the bot edge at the same time
 * here; the update must count once. On PostgreSQL the two really run in parallel transactions.
 */
import { describe, expect, it } from "vitest";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { backends, useDb } from "../support/db.js";
import { offlineBot, texts } from "../support/offline-bot.js";
import { nlText } from "../support/service.js";
import { inviteClient } from "../support/world.js";

describe.each(backends)("two deliveries of one update at the same time, on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("a linking /start <code>: linked once, welcomed once, no 'link already used'", async () => {
    const db = await freshDb();
    const ob = offlineBot(db);
    const invited = await inviteClient(db, { coach: "Ahmed" });
    const update = commandUpdate(62_001, `/start ${invited.code}`);

    await Promise.all([ob.bot.handleUpdate(update), ob.bot.handleUpdate(update)]);
    const calls = [...ob.calls, ...(await ob.deliver())];

    expect(texts(calls)).toEqual([
      nlText("onboarding.welcome"),
      nlText("onboarding.whoAmI", { coach: "Ahmed" }),
      nlText("onboarding.whatWeSave", { coach: "Ahmed" }),
      nlText("onboarding.consent.ask"),
    ]);
    expect(await db.prisma.flowRun.count({ where: { clientId: invited.clientId } })).toBe(1);
    expect(await db.prisma.job.count({ where: { clientId: invited.clientId, kind: "telegram.send" } })).toBe(1);
  });

  it.runIf(available)("an answer and a button press: one reply each, one step each", async () => {
    const db = await freshDb();
    const ob = offlineBot(db);
    const invited = await inviteClient(db);
    await ob.deliver(commandUpdate(62_002, `/start ${invited.code}`));

    const said = textUpdate(62_002, "hm?");
    await Promise.all([ob.bot.handleUpdate(said), ob.bot.handleUpdate(said)]);
    expect(texts(await ob.deliver())).toEqual([nlText("onboarding.consent.unclear"), nlText("onboarding.consent.ask")]);
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: invited.clientId } });
    expect(run.turn).toBe(2);

    const press = callbackUpdate(62_002, "k:2:yes");
    const from = ob.calls.length;
    await Promise.all([ob.bot.handleUpdate(press), ob.bot.handleUpdate(press)]);
    await ob.deliver();
    const calls = ob.calls.slice(from);
    expect(texts(calls)).toEqual([nlText("onboarding.name.ask")]);
    // Both deliveries stop the button's spinner; neither says anything else.
    expect(calls.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(2);
    const consents = await db.prisma.consentRecord.findMany({ where: { clientId: invited.clientId } });
    expect(consents.map((c) => [c.subject, c.decision])).toEqual([["data", "GIVEN"]]);
    expect(await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: invited.clientId } })).toMatchObject({ turn: 3 });
  });
});
