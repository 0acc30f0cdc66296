/**
 * /vergeet through the Telegram emulator and the real service: a calm explanation and two
 * buttons; "Nee" keeps everything; "Ja" erases the client's name, goal, steps, scores,
 * conversations and crisis words, withdraws nothing that is not theirs, keeps an audit row
 * without their words, tells the coach (a nudge; logged here, Slack is off) and unlinks the chat.
 */
import { describe, expect, it } from "vitest";
import { FORGOTTEN_NAME } from "../../src/domain/forget.js";
import { comingMonday, hear, labels, onboardedClient, runningClock, seedGoal } from "../support/coaching.js";
import { nlText, serviceForFile } from "../support/service.js";

const clock = runningClock(comingMonday());
const svc = serviceForFile(clock.now);

describe("/vergeet: the client asks to be forgotten", () => {
  it("asks first; 'Nee, toch niet' keeps everything", { timeout: 60_000 }, async () => {
    const sam = await onboardedClient(svc.koers.db, { chatId: 9_701, name: "Samira El Amrani", callName: "Sammie", now: clock.now() });
    await seedGoal(svc.koers.db, sam.clientId, { text: "Ik wil mijn rijbewijs halen", steps: [{ what: "Theorieboek lenen bij de bieb" }] });
    const chat = svc.emulator.user({ chatId: sam.chatId, firstName: "Samira" });
    await chat.command("/vergeet");
    const [, ask] = await hear(chat, [nlText("forget.explain"), nlText("forget.ask")]);
    expect(labels(ask)).toEqual([[nlText("forget.yes")], [nlText("forget.no")]]);
    await chat.press(ask!, nlText("forget.no"));
    await hear(chat, [nlText("forget.kept")]);
    const client = await svc.koers.db.prisma.client.findUniqueOrThrow({ where: { id: sam.clientId } });
    expect(client).toMatchObject({ status: "ACTIVE", callName: "Sammie", telegramChatId: BigInt(sam.chatId) });
    expect(await svc.koers.db.prisma.goal.count({ where: { clientId: sam.clientId } })).toBe(1);
  });

  it("'Ja, vergeet alles' erases the client's data and words, keeps who did what, tells the coach and unlinks the chat", { timeout: 60_000 }, async () => {
    const db = svc.koers.db;
    const sam = await onboardedClient(db, { chatId: 9_702, name: "Samira Bouzid", callName: "Sami", now: clock.now() });
    await seedGoal(db, sam.clientId, { text: "Ik wil minder schulden", steps: [{ what: "Alle rekeningen in een map" }] });
    const chat = svc.emulator.user({ chatId: sam.chatId, firstName: "Samira" });
    // Something the client wrote earlier that may point to a crisis: the alert stays, the words go.
    await chat.say("ik wil niet meer leven");
    await hear(chat, [nlText("crisis.answer.suicide")]).catch(() => undefined);
    await chat.unread();
    expect(await db.prisma.crisisAlert.count({ where: { clientId: sam.clientId } })).toBe(1);

    await chat.command("/vergeet");
    const [, ask] = await hear(chat, [nlText("forget.explain"), nlText("forget.ask")]);
    await chat.press(ask!, nlText("forget.yes"));
    await hear(chat, [nlText("forget.done")]);

    const client = await db.prisma.client.findUniqueOrThrow({ where: { id: sam.clientId } });
    expect(client).toMatchObject({ status: "FORGOTTEN", name: FORGOTTEN_NAME, callName: null, telegramChatId: null });
    for (const n of [
      await db.prisma.goal.count({ where: { clientId: sam.clientId } }),
      await db.prisma.flowRun.count({ where: { clientId: sam.clientId } }),
      await db.prisma.scaleScore.count({ where: { clientId: sam.clientId } }),
      await db.prisma.consentRecord.count({ where: { clientId: sam.clientId } }),
    ]) expect(n).toBe(0);
    const alert = await db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: sam.clientId }, include: { events: true } });
    expect(alert.messageText).toBe("");
    for (const e of alert.events) expect(e.messageText).toBeNull();
    const forgotten = await db.prisma.auditEvent.findFirstOrThrow({ where: { clientId: sam.clientId, action: "client.forgotten" } });
    expect(forgotten).toMatchObject({ actorKind: "CLIENT", actorId: sam.clientId, detail: { via: "telegram", referralsWithdrawn: 0 } });
    // Nothing the client wrote or was called is left in any row about them.
    const rows = JSON.stringify(
      await Promise.all([
        db.prisma.client.findUnique({ where: { id: sam.clientId } }),
        db.prisma.auditEvent.findMany({ where: { clientId: sam.clientId } }),
        db.prisma.crisisAlert.findMany({ where: { clientId: sam.clientId }, include: { events: true } }),
        db.prisma.job.findMany({ where: { clientId: sam.clientId, kind: { not: "telegram.send" } } }),
      ]),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const words of ["Sami", "Bouzid", "schulden", "rekeningen", "leven"]) expect(rows, words).not.toContain(words);
    // The coach is told: a nudge that names the client (its own sealed copy of the name).
    const nudge = await db.prisma.nudge.findFirstOrThrow({ where: { clientId: sam.clientId, cause: "forgotten" } });
    expect(nudge.detail).toMatchObject({ via: "telegram", name: "Sami" });

    // The chat is unlinked: a new message is from a stranger, and pressing "Ja" again does nothing.
    await chat.press(ask!, nlText("forget.yes"));
    await chat.say("hallo?");
    const after = await chat.botMessages(1);
    expect(after[0]?.text).not.toBe(nlText("forget.done"));
    expect(await db.prisma.auditEvent.count({ where: { clientId: sam.clientId, action: "client.forgotten" } })).toBe(1);
  });
});
