/**
 * /toestemming through the offline bot: every purpose with its state and one button; stopping
 * asks "Weet je het zeker?" first, and only a button decides (a typed "ja" is no decision). A
 * withdrawal stops that use at once (answers no longer kept, the coach's file says the client no
 * longer shares, reminders cancelled, a referral's share withdrawn and the partner told), is a
 * ConsentRecord with its date and an audit row.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { clientsList } from "../../src/cli/clients.js";
import { clientFileText, clientFileView } from "../../src/domain/client-file-view.js";
import { loadClientFile } from "../../src/domain/client-file.js";
import { PURPOSE_TEXT_VERSION } from "../../src/domain/consent.js";
import { reconcileReminders } from "../../src/domain/reminders/plan.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { onboardedClient } from "../support/coaching.js";
import { keyboard, offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { halfwayGrow } from "../support/offline-journeys.js";
import { nlText } from "../support/service.js";
import { buttonData, message, outDraft, referralWorld, slackJobs, telegramFor } from "../domain/referrals-world.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

let chatSeq = 75_000;
const press = (chat: number, data: string) => ob.deliver(callbackUpdate(chat, data));
const lastConsent = (clientId: string, subject: string) => db.prisma.consentRecord.findFirst({ where: { clientId, subject }, orderBy: [{ at: "desc" }, { id: "desc" }] });

describe("/toestemming", () => {
  it("lists each purpose with its state and a button; reminders that are off point to /herinneringen", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    const calls = await ob.deliver(commandUpdate(c.chat, "/toestemming"));
    expect(texts(calls)).toEqual([nlText("consent.intro"), nlText("consent.data.on"), nlText("consent.coach.on"), nlText("consent.reminders.off")]);
    const sends = calls.filter((x) => x.method === "sendMessage");
    expect(keyboard(sends[1])).toEqual([[[nlText("consent.data.stop"), "c:w:data"]]]);
    expect(keyboard(sends[2])).toEqual([[[nlText("consent.coach.stop"), "c:w:coach"]]]);
    expect(keyboard(sends[3])).toEqual([]);
  });

  it("stopping the keeping of answers: asked first, a typed 'ja' decides nothing, 'Nee, toch niet' keeps; confirmed, no answer is kept any more", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    const ask = await press(c.chat, "c:w:data");
    expect(texts(ask)).toEqual([nlText("consent.data.confirm")]);
    expect(keyboard(ask.find((x) => x.method === "sendMessage"))).toEqual([[[nlText("consent.confirmYes"), "c:W:data"]], [[nlText("consent.confirmNo"), "c:k:data"]]]);
    const records = await db.prisma.consentRecord.count({ where: { clientId: c.clientId } });
    // Typed words are the conversation's, never a consent decision.
    await ob.deliver(textUpdate(c.chat, "ja"));
    await ob.deliver(textUpdate(c.chat, "nee toch niet"));
    expect(await db.prisma.consentRecord.count({ where: { clientId: c.clientId } })).toBe(records);
    expect(texts(await press(c.chat, "c:k:data"))).toEqual([nlText("consent.kept")]);
    expect((await lastConsent(c.clientId, "data"))?.decision).toBe("GIVEN");

    expect(texts(await press(c.chat, "c:W:data"))).toEqual([nlText("consent.data.stopped")]);
    const withdrawn = await lastConsent(c.clientId, "data");
    expect([withdrawn?.decision, withdrawn?.textVersion]).toEqual(["WITHDRAWN", PURPOSE_TEXT_VERSION]);
    expect(await db.prisma.auditEvent.findFirst({ where: { clientId: c.clientId, action: "consent.withdrawn" } })).toMatchObject({ actorKind: "CLIENT", detail: { purpose: "data" } });
    expect(await db.prisma.nudge.count({ where: { clientId: c.clientId, cause: "consent_withdrawn" } })).toBe(1);

    const kept = await db.prisma.flowAnswer.count({ where: { clientId: c.clientId } });
    await ob.deliver(textUpdate(c.chat, "ik heb een bijbaantje gezocht"));
    await ob.deliver(textUpdate(c.chat, "mijn zus helpt"));
    expect(await db.prisma.flowAnswer.count({ where: { clientId: c.clientId } })).toBe(kept);
    // A second press of the old confirmation changes nothing.
    expect(texts(await press(c.chat, "c:W:data"))).toEqual([nlText("consent.already")]);

    // Given again with one tap: answers are kept again.
    expect(texts(await press(c.chat, "c:g:data"))).toEqual([nlText("consent.data.given")]);
    await ob.deliver(textUpdate(c.chat, "morgen bellen"));
    expect(await db.prisma.flowAnswer.count({ where: { clientId: c.clientId } })).toBeGreaterThan(kept);
  });

  it("stopping sharing with the coach: the coach's file says the client no longer shares, and shows it again once given", async () => {
    const c = await halfwayGrow(db, ob, ++chatSeq);
    await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Een baan in de zorg" } });
    await db.prisma.scaleScore.create({ data: { clientId: c.clientId, kind: "CONFIDENCE", score: 7 } });
    const listLine = async () => (await clientsList(db)).split("\n").find((l) => l.startsWith(c.clientId)) ?? "";
    expect(await listLine()).toContain("last scores: confidence 7");
    const t = createSlackTranslator("nl");
    const fileText = async () => clientFileText(clientFileView(t, (await db.prisma.$transaction((tx) => loadClientFile(tx, c.clientId)))!, new Date()));
    expect(await fileText()).toContain("Een baan in de zorg");

    await press(c.chat, "c:w:coach");
    expect(texts(await press(c.chat, "c:W:coach"))).toEqual([nlText("consent.coach.stopped")]);
    const file = await fileText();
    expect(file).toContain(t("file.notShared"));
    expect(file).toContain("Dossier van Sam");
    for (const words of ["Een baan in de zorg", "Ik wil werk", "voor de zomer"]) expect(file).not.toContain(words);
    expect((await lastConsent(c.clientId, "coach"))?.decision).toBe("WITHDRAWN");
    // Lists (the CLI's, the App Home's caseload) leave the scores out too.
    expect(await listLine()).not.toContain("last scores");

    const list = await ob.deliver(commandUpdate(c.chat, "/toestemming"));
    expect(texts(list)).toContain(nlText("consent.coach.off"));
    expect(texts(await press(c.chat, "c:g:coach"))).toEqual([nlText("consent.coach.given")]);
    expect(await fileText()).toContain("Een baan in de zorg");
  });

  it("stopping reminders cancels every pending reminder at once", async () => {
    const now = new Date();
    const c = await onboardedClient(db, { chatId: ++chatSeq, reminders: { daypart: "morning", everyDays: 7 }, now });
    await db.prisma.$transaction((tx) => reconcileReminders(tx, c.clientId, now));
    expect(await db.prisma.job.count({ where: { clientId: c.clientId, kind: { startsWith: "reminder." }, status: "PENDING" } })).toBeGreaterThan(0);
    const list = await ob.deliver(commandUpdate(c.chatId, "/toestemming"));
    expect(texts(list)).toContain(nlText("consent.reminders.on"));
    expect(texts(await press(c.chatId, "c:w:reminders"))).toEqual([nlText("consent.reminders.confirm")]);
    expect(texts(await press(c.chatId, "c:W:reminders"))).toEqual([nlText("consent.reminders.stopped")]);
    expect(await db.prisma.job.count({ where: { clientId: c.clientId, kind: { startsWith: "reminder." }, status: "PENDING" } })).toBe(0);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } })).remindersWanted).toBe(false);
    expect((await lastConsent(c.clientId, "reminders"))?.decision).toBe("WITHDRAWN");
  });

  it("a referral's share: withdrawn through the referral's own way, the partner is told", async () => {
    const w = await referralWorld(db, () => new Date());
    const { referral } = await w.service.fileOut(w.coach, outDraft(w));
    await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(db, w.client.id), "yes") }));
    await db.prisma.flowRun.updateMany({ where: { clientId: w.client.id, status: "ACTIVE" }, data: { status: "DONE" } });

    const list = await ob.deliver(commandUpdate(w.chatId, "/toestemming"));
    const line = nlText("consent.referral.on", { partner: w.partner.name });
    expect(texts(list)).toContain(line);
    const card = list.find((x) => x.payload.text === line);
    expect(keyboard(card)).toEqual([[[nlText("consent.referral.stop"), `c:w:referral:${referral.id}`]]]);
    expect(texts(await press(w.chatId, `c:w:referral:${referral.id}`))).toEqual([nlText("consent.referral.confirm", { partner: w.partner.name })]);
    expect(texts(await press(w.chatId, `c:W:referral:${referral.id}`))).toEqual([nlText("consent.referral.stopped", { partner: w.partner.name })]);

    const row = await db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(row.consentWithdrawnAt).not.toBeNull();
    expect((await lastConsent(w.client.id, `referral:${referral.id}`))?.decision).toBe("WITHDRAWN");
    expect((await slackJobs(db, referral.id)).at(-1)?.thread?.key).toBe("referral.thread.client.withdrewConsent");
    // Gone from the list; its old button changes nothing.
    expect(texts(await ob.deliver(commandUpdate(w.chatId, "/toestemming")))).not.toContain(line);
    expect(texts(await press(w.chatId, `c:W:referral:${referral.id}`))).toEqual([nlText("consent.gone")]);
  });
});
