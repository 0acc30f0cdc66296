/**
 * Coaches hear what matters, through the offline bot and the real job queue: a client who sends
 * /stop, who is on /pauze for long, who refuses consent, who parks the same topic a third time,
 * or who reports a step done (with the step, to pass on a compliment).
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { detectNudges } from "../../src/jobs/detectors.js";
import { toNote } from "../../src/jobs/nudge-jobs.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { describeCause } from "../../src/slack/nudge-message.js";
import { callbackUpdate, commandUpdate, textUpdate } from "../fixtures/updates.js";
import { offlineBotPerFile, type OfflineBot } from "../support/offline-bot.js";
import { choose, onboarded } from "../support/offline-journeys.js";
import { inviteClient } from "../support/world.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

const nudgesOf = async (clientId: string) => (await db.prisma.nudge.findMany({ where: { clientId }, orderBy: { openedAt: "asc" } })).map((n) => n.cause);

describe("nudges about the client's own choices", () => {
  it("/stop tells the coach once, also when the client sends it twice", async () => {
    const c = await onboarded(db, ob, 74_001);
    await ob.deliver(commandUpdate(c.chat, "/stop"), commandUpdate(c.chat, "/stoppen"));
    expect(await nudgesOf(c.clientId)).toEqual(["client_stopped"]);
    const delivered = ob.nudges.flatMap((n) => n.notes).filter((n) => n.clientId === c.clientId);
    expect(delivered.map((n) => n.cause)).toEqual(["client_stopped"]);
  });

  it("a refusal of consent tells the coach, and nothing else of the client is kept", async () => {
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Noor" });
    await ob.deliver(commandUpdate(74_002, `/start ${invited.code}`), callbackUpdate(74_002, "k:1:no"));
    await ob.deliver(await choose(db, 74_002, invited.clientId, "yes"));
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).status).toBe("REFUSED");
    expect(await nudgesOf(invited.clientId)).toEqual(["consent_refused"]);
  });

  it("a step reported done tells the coach which step", async () => {
    const c = await onboarded(db, ob, 74_003);
    const goal = await db.prisma.goal.create({ data: { clientId: c.clientId, text: "Werk", steps: { create: [{ what: "Cv naar het uitzendbureau mailen" }] } } });
    const step = await db.prisma.step.findFirstOrThrow({ where: { goalId: goal.id } });
    await ob.engine.startConversation(c.clientId, "checkin", { step: { id: step.id, what: step.what } });
    await ob.deliver(textUpdate(c.chat, "een 7"), textUpdate(c.chat, "ik heb lekker geslapen"), textUpdate(c.chat, "door vroeg naar bed te gaan"), textUpdate(c.chat, "ja gedaan hoor"));
    const nudge = await db.prisma.nudge.findFirstOrThrow({ where: { clientId: c.clientId, cause: "step_done" }, include: { client: true } });
    expect(describeCause(createSlackTranslator("nl"), toNote(nudge), new Date())).toBe("heeft een stap gedaan: 'Cv naar het uitzendbureau mailen'. Een compliment waard!");
  });

  it("the same topic parked the third time tells the coach; twice does not", async () => {
    const c = await onboarded(db, ob, 74_004);
    for (let i = 1; i <= 3; i++) {
      await ob.engine.startConversation(c.clientId, "miracle");
      await ob.deliver(textUpdate(c.chat, "niet nu"), textUpdate(c.chat, "volgende week"));
      expect(await nudgesOf(c.clientId)).toEqual(i < 3 ? [] : ["parked_often"]);
    }
    const nudge = await db.prisma.nudge.findFirstOrThrow({ where: { clientId: c.clientId, cause: "parked_often" }, include: { client: true } });
    expect(describeCause(createSlackTranslator("nl"), toNote(nudge), new Date())).toBe("zei al 3 keer 'niet nu' bij: Wondervraag. Misschien samen bespreken?");
  });

  it("a long pause is found by the detector, once", async () => {
    const c = await onboarded(db, ob, 74_005);
    await ob.deliver(commandUpdate(c.chat, "/pauze"));
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect((await detectNudges(db, new Date(Date.now() + 3 * 86_400_000), { silentDays: 30 })).client_paused).toBe(0);
    expect((await detectNudges(db, later, { silentDays: 30 })).client_paused).toBe(1);
    expect((await detectNudges(db, later, { silentDays: 30 })).client_paused).toBe(0);
    expect(await nudgesOf(c.clientId)).toEqual(["client_paused"]);
  });
});
