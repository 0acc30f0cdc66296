/**
 * What the client reads of their own file: `/doel` (goal, steps with state and dates, the last
 * scores per kind with their names) and `/mijnverhaal` (the last conversations, one line each),
 * through the offline bot, in Dutch and in English.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { commandUpdate, textUpdate } from "../fixtures/updates.js";
import type { OfflineBot } from "../support/offline-bot.js";
import { offlineBotPerFile, texts } from "../support/offline-bot.js";
import { onboarded } from "../support/offline-journeys.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

let chatSeq = 72_000;
const day = (iso: string) => new Date(iso);

async function withGoalAndScores(clientId: string) {
  await db.prisma.goal.create({
    data: {
      clientId,
      text: "Werk vinden voor de zomer",
      steps: {
        create: [
          { what: "Cv maken met Kees", status: "DONE", doneAt: day("2026-11-20T10:00:00Z"), createdAt: day("2026-11-10T10:00:00Z") },
          { what: "Bij twee winkels vragen", status: "PARTLY", createdAt: day("2026-11-11T10:00:00Z") },
          { what: "Het uitzendbureau bellen", dueAt: day("2026-12-11T11:00:00Z"), createdAt: day("2026-11-12T10:00:00Z") },
          { what: "Iets dat niet meer hoeft", status: "DROPPED", createdAt: day("2026-11-13T10:00:00Z") },
        ],
      },
    },
  });
  const scores: [string, number, string][] = [
    ["CONFIDENCE", 5, "2026-11-01"],
    ["WELLBEING", 4, "2026-11-02"],
    ["CONFIDENCE", 6, "2026-11-08"],
    ["PROGRESS", 3, "2026-11-09"],
    ["CONFIDENCE", 8, "2026-11-15"],
    ["CONFIDENCE", 7, "2026-11-22"],
    ["WELLBEING", 6, "2026-11-23"],
  ];
  for (const [kind, score, at] of scores) {
    await db.prisma.scaleScore.create({ data: { clientId, kind: kind as "CONFIDENCE", score, at: day(`${at}T09:00:00Z`) } });
  }
}

describe("/doel and /mijnverhaal", () => {
  it("/doel: steps with their state and date, dropped steps left out, scores per kind by name, oldest first", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await withGoalAndScores(c.clientId);
    const [text] = texts(await ob.deliver(commandUpdate(c.chat, "/doel")));
    expect(text).toBe(
      [
        "Dit is je doel: Werk vinden voor de zomer",
        "• Cv maken met Kees — gedaan op vrijdag 20 november ✓",
        "• Bij twee winkels vragen — een deel gedaan",
        "• Het uitzendbureau bellen (uiterlijk vrijdag 11 december)",
        "Je laatste cijfers:",
        "Hoe ver je bent: 3",
        "Vertrouwen: 6 → 8 → 7",
        "Hoe het gaat: 4 → 6",
        "Klopt dit nog? Je kunt het altijd met Ahmed bespreken.",
      ].join("\n"),
    );
  });

  it("/doel in English for a client whose Telegram is in English", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await db.prisma.client.update({ where: { id: c.clientId }, data: { language: "en" } });
    await withGoalAndScores(c.clientId);
    const [text] = texts(await ob.deliver(commandUpdate(c.chat, "/goal")));
    expect(text).toContain("Confidence: 6 → 8 → 7");
    expect(text).toContain("• Cv maken met Kees — done on Friday 20 November ✓");
  });

  it("/mijnverhaal: one line per conversation, newest first, with the score it gave, a parked one says it goes on later", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await ob.engine.startConversation(c.clientId, "scaling", { scale: "CONFIDENCE" });
    await ob.deliver(textUpdate(c.chat, "zeven"), textUpdate(c.chat, "ik heb het gwoon geprobeerd"), textUpdate(c.chat, "meer rust"), textUpdate(c.chat, "vroeg slapen"));
    await ob.engine.startConversation(c.clientId, "miracle");
    await ob.deliver(textUpdate(c.chat, "niet nu"), textUpdate(c.chat, "volgende week"));
    const [text] = texts(await ob.deliver(commandUpdate(c.chat, "/mijnverhaal")));
    const today = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long" }).format(new Date());
    expect(text).toBe(
      [
        "Dit waren onze laatste gesprekken:",
        `• ${today}: Hoe een goede dag eruitziet`,
        "   Hier gaan we later mee verder.",
        `• ${today}: Een cijfer voor je vertrouwen: een 7`,
        `• ${today}: We leerden elkaar kennen`,
        "Wil je iets bespreken? Dat kan met Ahmed.",
      ].join("\n"),
    );
  });

  it("/mijnverhaal for runs from before the client file (no outcome): the kind of conversation, without a score", async () => {
    const c = await onboarded(db, ob, ++chatSeq);
    await db.prisma.flowRun.create({
      data: { clientId: c.clientId, flowId: "scaling", machineVersion: 1, snapshot: { value: "done" }, status: "DONE", createdAt: day("2026-10-05T10:00:00Z") },
    });
    await db.prisma.flowRun.updateMany({ where: { clientId: c.clientId, flowId: "onboarding" }, data: { createdAt: day("2026-10-01T10:00:00Z") } });
    const [text] = texts(await ob.deliver(commandUpdate(c.chat, "/verhaal")));
    expect(text?.split("\n").slice(1, 3)).toEqual(["• 5 oktober: Een cijfer gegeven", "• 1 oktober: We leerden elkaar kennen"]);
  });
});
