/**
 * Flood control per client, through the Telegram emulator and the real service: a client who
 * sends 100 messages in 5 seconds gets at most 20 answers plus one calm message, not 100
 * replies; a crisis message inside the flood still gets the crisis answer; after a quiet pause
 * the bot answers again.
 *
 * The replies are counted in the outbox (everything the service queued for the chat): sending
 * them all would take a while at Telegram's one message a second per chat.
 */
import { describe, expect, it } from "vitest";
import type { TelegramSendPayload } from "../../src/jobs/outbox.js";
import { nlText, serviceForFile } from "../support/service.js";
import { waitFor } from "../support/telegram.js";
import { inviteClient } from "../support/world.js";

const svc = serviceForFile(() => new Date());

/** Messy chat, as a stressed client types it. */
const CHATTER = ["hallo??", "hoi", "ben je daar", "antwoord nou", "hallooo", "?", "ik snap t niet", "help", "wat moet ik doen", "😡", "oke", "jaaa", "hey bot", "Hello?", "nee"];

/** The replies queued for a client, one list of message keys per answered update. */
async function queuedTurns(clientId: string): Promise<string[][]> {
  const jobs = await svc.koers.db.prisma.job.findMany({ where: { clientId, kind: "telegram.send" }, orderBy: { id: "asc" } });
  return jobs.map((j) => (j.payload as unknown as TelegramSendPayload).messages.map((m) => m.key));
}
const queuedKeys = async (clientId: string) => (await queuedTurns(clientId)).flat();

describe("a client who floods the bot", () => {
  it("gets one calm message instead of 100 replies, the crisis answer inside the flood, and answers again after a pause", { timeout: 60_000 }, async () => {
    const invited = await inviteClient(svc.koers.db, { coach: "Ahmed", client: "Samira" });
    const samira = svc.emulator.user({ chatId: 8601 });
    await samira.command(`/start ${invited.code}`);
    await samira.botMessages(4);
    const before = (await queuedTurns(invited.clientId)).length;

    const TOTAL = 100;
    const CRISIS_AT = 60;
    const started = Date.now();
    for (let i = 0; i < TOTAL; i++) {
      await samira.say(i === CRISIS_AT ? "ik wil dood" : (CHATTER[i % CHATTER.length] as string));
      const due = started + ((i + 1) * 5000) / TOTAL;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    expect(Date.now() - started).toBeLessThan(7000);
    // Every update was handled (recorded), answered or not.
    await waitFor(
      "all 100 updates handled",
      async () => (await svc.koers.db.prisma.processedUpdate.count()) >= TOTAL + 1,
      20_000,
    );
    const client = await svc.koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } });
    expect(client.lastClientMessageAt?.getTime()).toBeGreaterThanOrEqual(started);

    const turns = (await queuedTurns(invited.clientId)).slice(before);
    const replies = turns.flat();
    const calm = replies.filter((k) => k === "common.flood");
    const crisis = replies.filter((k) => k === "crisis.text");
    const answered = turns.filter((t) => !t.includes("common.flood") && !t.includes("crisis.text"));
    process.stdout.write(
      `flood: ${TOTAL} messages in ${Date.now() - started} ms -> ${answered.length} answered (${replies.length - calm.length - crisis.length} messages), ${calm.length} calm, ${crisis.length} crisis\n`,
    );
    expect(calm).toEqual(["common.flood"]);
    expect(crisis).toEqual(["crisis.text"]);
    // At most the first 20 messages are answered (one turn each); the 80 after them are not.
    expect(answered.length).toBeLessThanOrEqual(20);
    expect(answered.length).toBeGreaterThan(0);

    // The calm message and the crisis answer reach the client (at one message a second per chat).
    const seen: string[] = [];
    await waitFor(
      "the calm message and the crisis answer at the client",
      async () => {
        seen.push(...(await samira.unread()).map((m) => m.text));
        return seen.includes(nlText("crisis.text")) || undefined;
      },
      40_000,
      200,
    );
    expect(seen.filter((t) => t === nlText("common.flood"))).toHaveLength(1);

    // A quiet pause (the last 10 seconds hold at most 10 messages), then a normal answer.
    await new Promise((r) => setTimeout(r, 10_500));
    const n = (await queuedKeys(invited.clientId)).length;
    await samira.say("sorry. ik ben er weer");
    await waitFor("an answer after the pause", async () => (await queuedKeys(invited.clientId)).length > n, 10_000);
    const after = (await queuedKeys(invited.clientId)).slice(n);
    expect(after).not.toContain("common.flood");
    expect(after.length).toBeGreaterThan(0);
  });
});
