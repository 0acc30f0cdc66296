/**
 * The ladder question as the client meets it in Telegram, through the offline bot (grammY with an
 * API transformer, the real engine and outbox): the coach asks, the client reads one plain
 * question with seven buttons, types around it in chat Dutch (never read as an answer), then
 * presses a button; the rung is theirs in the file. In English the same, in English.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { textUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type ApiCall, type OfflineBot } from "../support/offline-bot.js";
import { choose, onboarded } from "../support/offline-journeys.js";
import { nlText } from "../support/service.js";

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

const sendMessages = (calls: ApiCall[]) => calls.filter((c) => c.method === "sendMessage");

describe("the ladder question in Telegram", () => {
  it("the coach asks; typed words are not an answer; a button is, and it is the client's", async () => {
    const c = await onboarded(db, ob, 75_001);
    const { coachId } = await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
    await ob.engine.startConversation(c.clientId, "ladder", undefined, coachId);
    const asked = await ob.deliver();
    expect(texts(asked)).toEqual([nlText("ladder.intro"), nlText("ladder.ask")]);
    const labels = keyboard(sendMessages(asked).at(-1)).map((row) => row.map(([label]) => label));
    expect(labels).toEqual([["Ik kom weinig buiten"], ["Ik zie soms mensen buiten huis"], ["Ik doe mee aan een club of groep"], ["Ik doe vrijwilligerswerk"], ["Ik heb betaald werk, met hulp"], ["Ik heb betaald werk"], ["Dat zeg ik liever niet"]]);
    for (const said of ["ik werk 3 dagn bij de AH", "6", "vrijwilligers werk", "geen idee eigenlijk"]) {
      expect(texts(await ob.deliver(textUpdate(c.chat, said)))).toEqual([nlText("ladder.pickButton"), nlText("ladder.ask")]);
    }
    expect(await db.prisma.ladderRung.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(texts(await ob.deliver(await choose(db, c.chat, c.clientId, "2")))).toEqual([nlText("ladder.thanks")]);
    const rows = await db.prisma.ladderRung.findMany({ where: { clientId: c.clientId } });
    expect(rows.map((r) => [r.rung, r.source, r.memberId])).toEqual([[2, "CLIENT", null]]);
    // Nothing of it says "participatieladder" to the client.
    for (const text of texts(asked)) expect(text).not.toMatch(/participat|ladder|trede/i);
  });

  it("'liever niet' saves nothing and says so kindly", async () => {
    const c = await onboarded(db, ob, 75_002);
    const { coachId } = await db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
    await ob.engine.startConversation(c.clientId, "ladder", undefined, coachId);
    await ob.deliver();
    expect(texts(await ob.deliver(await choose(db, c.chat, c.clientId, "skip")))).toEqual([nlText("ladder.skipped")]);
    expect(await db.prisma.ladderRung.count({ where: { clientId: c.clientId } })).toBe(0);
  });
});
