/**
 * Flood control per client, through the Telegram emulator and the real service: a client who
 * sends 100 messages in 5 seconds gets at most 20 answers plus one calm message, not 100
 * replies; a crisis message inside the flood still gets the crisis answer; after a quiet pause
 * the bot answers again. Inside a flood the crisis check ("Ben je in gevaar?"), the answer to it
 * and /stop are answered at once too: the engine runs them before flood control.
 *
 * The replies are counted in the outbox (everything the service queued for the chat): sending
 * them all would take a while at Telegram's one message a second per chat.
 */
import { describe, expect, it } from "vitest";
import { CRISIS_KEYS } from "../../src/domain/safety/answer.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
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
/** The turn that is a crisis answer (its first key is one of the crisis answer's keys). */
const isCrisisTurn = (turn: string[]) => CRISIS_KEYS.has(turn[0] ?? "");
/** Waits until the service has handled this many updates in all. */
const handled = (count: number) =>
  waitFor(`${count} updates handled`, async () => (await svc.koers.db.prisma.processedUpdate.count()) >= count || undefined, 20_000);

describe("a client who floods the bot", () => {
  it("gets one calm message instead of 100 replies, the crisis answer inside the flood, and answers again after a pause", { timeout: 120_000 }, async () => {
    const invited = await inviteClient(svc.koers.db, { coach: "Ahmed", client: "Samira" });
    const samira = svc.emulator.user({ chatId: 8601 });
    await samira.command(`/start ${invited.code}`);
    await samira.botMessages(4);
    const before = (await queuedTurns(invited.clientId)).length;
    const updatesBefore = await svc.koers.db.prisma.processedUpdate.count();

    const TOTAL = 100;
    const CRISIS_AT = 60;
    const started = Date.now();
    for (let i = 0; i < TOTAL; i++) {
      await samira.say(i === CRISIS_AT ? "ik wil dood" : (CHATTER[i % CHATTER.length] as string));
      const due = started + ((i + 1) * 5000) / TOTAL;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    // Every update was handled (recorded), answered or not.
    await handled(updatesBefore + TOTAL);
    const client = await svc.koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } });
    expect(client.lastClientMessageAt?.getTime()).toBeGreaterThanOrEqual(started);

    const turns = (await queuedTurns(invited.clientId)).slice(before);
    const replies = turns.flat();
    const calm = replies.filter((k) => k === "common.flood");
    const crisis = turns.filter(isCrisisTurn);
    // "help" (in the chatter) is a maybe: Koers asks "Ben je in gevaar?" once, and not again that day.
    const asked = replies.filter((k) => k === "crisis.check.ask");
    const answered = turns.filter((t) => !t.includes("common.flood") && !isCrisisTurn(t) && !t.includes("crisis.check.ask"));
    process.stdout.write(
      `flood: ${TOTAL} messages in ${Date.now() - started} ms -> ${answered.length} answered (${answered.flat().length} messages), ${calm.length} calm, ${crisis.length} crisis, ${asked.length} check\n`,
    );
    expect(calm).toEqual(["common.flood"]);
    expect(crisis).toHaveLength(1);
    expect(asked).toEqual(["crisis.check.ask"]);
    // At most the first 20 messages are answered (one turn each); the 80 after them are not.
    expect(answered.length).toBeLessThanOrEqual(20);
    expect(answered.length).toBeGreaterThan(0);
    // The crisis message came well after the calm message, deep in the flood, and was answered.
    expect(turns.findIndex(isCrisisTurn)).toBeGreaterThan(turns.findIndex((t) => t.includes("common.flood")));
    const crisisFirst = nlText(crisis[0]![0]!).split("\n")[0]!;

    // The crisis answer reaches the client (at one message a second per chat), ahead of what was
    // queued before it; what was still queued then (answers, the calm message) is not sent after it.
    const seen: string[] = [];
    const calmText = nlText("common.flood");
    await waitFor(
      "the crisis answer at the client",
      async () => {
        seen.push(...(await samira.unread()).map((m) => m.text));
        return seen.some((t) => t.startsWith(crisisFirst)) || undefined;
      },
      80_000,
      200,
    );
    await new Promise((r) => setTimeout(r, 3_000));
    seen.push(...(await samira.unread()).map((m) => m.text));
    const crisisAt = seen.findIndex((t) => t.startsWith(crisisFirst));
    process.stdout.write(`flood: at the client the crisis answer came as message ${crisisAt + 1} of ${seen.length}, the calm message as ${seen.indexOf(calmText) + 1}\n`);
    expect(seen.filter((t) => t === calmText).length).toBeLessThanOrEqual(1);
    expect(seen.slice(crisisAt + 1)).toEqual([]);

    // A quiet pause (the last 10 seconds hold at most 10 messages), then a normal answer.
    await new Promise((r) => setTimeout(r, 10_500));
    const n = (await queuedKeys(invited.clientId)).length;
    await samira.say("sorry. ik ben er weer");
    await waitFor("an answer after the pause", async () => (await queuedKeys(invited.clientId)).length > n, 10_000);
    const after = (await queuedKeys(invited.clientId)).slice(n);
    expect(after).not.toContain("common.flood");
    expect(after.length).toBeGreaterThan(0);
  });

  it("answers the crisis check, a yes to it and /stop at once in a flood, and holds the chatter around them", { timeout: 60_000 }, async () => {
    const invited = await inviteClient(svc.koers.db, { coach: "Ahmed", client: "Joris" });
    const joris = svc.emulator.user({ chatId: 8602 });
    await joris.command(`/start ${invited.code}`);
    await joris.botMessages(4);
    // Chatter without the words Koers is unsure about: only the flood decides about these.
    const chatter = CHATTER.filter((m) => m !== "help");
    let updates = await svc.koers.db.prisma.processedUpdate.count();
    /** Sends messages and waits until the service handled them; returns the turns queued for them. */
    const send = async (...messages: string[]): Promise<string[][]> => {
      const n = (await queuedTurns(invited.clientId)).length;
      for (const m of messages) await (m.startsWith("/") ? joris.command(m) : joris.say(m));
      updates += messages.length;
      await handled(updates);
      return (await queuedTurns(invited.clientId)).slice(n);
    };

    // 25 messages as fast as they go: the 21st gets the calm message, the ones after it nothing.
    const opening = await send(...Array.from({ length: 25 }, (_, i) => chatter[i % chatter.length]!));
    expect(opening.flat().filter((k) => k === "common.flood")).toHaveLength(1);
    expect(opening.length).toBeLessThanOrEqual(21);
    expect(await send("oke", "hallooo")).toEqual([]);

    // A maybe inside the flood is asked about at once, and the yes gets the crisis answer at once.
    expect(await send("ik weet het niet meer")).toEqual([["crisis.check.ask"]]);
    const yes = await send("ja soms");
    expect(yes).toHaveLength(1);
    expect(isCrisisTurn(yes[0]!)).toBe(true);
    const alerts = await svc.koers.db.prisma.crisisAlert.findMany({ where: { clientId: invited.clientId } });
    expect(alerts).toMatchObject([{ rule: "check.confirmed", messageText: "ik weet het niet meer" }]);

    // Still flooding: more chatter is held, then /stop is answered and done.
    expect(await send("hoi", "?", "ben je daar")).toEqual([]);
    expect(await send("/stop")).toEqual([["stop.done"]]);
    expect(await svc.koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({ status: "STOPPED" });
    const row = await svc.koers.db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } });
    expect(row.floodSince).not.toBeNull();
  });
});
