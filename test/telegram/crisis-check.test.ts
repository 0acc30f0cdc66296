/**
 * When a message may be a crisis but is not clearly one, Koers asks rather than guesses: "Ben je
 * in gevaar, of denk je eraan om dood te gaan?" with two buttons. Through the real bot edge
 * offline (grammY's handleUpdate with an API transformer; the engine, outbox and dispatcher are
 * the real ones), for a client halfway a GROW conversation and for a stranger.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { crisisDoubt, detectCrisis } from "../../src/domain/safety/index.js";
import { callbackUpdate, photoUpdate, textUpdate } from "../fixtures/updates.js";
import { keyboard, offlineBotPerFile, texts, type OfflineBot } from "../support/offline-bot.js";
import { nlText } from "../support/service.js";
import * as journeys from "../support/offline-journeys.js";

let db: Database;
let ob: OfflineBot;
let lastChat = 91_000;

offlineBotPerFile((file) => ({ db, ob } = file));

/** Messages the detector is unsure about (checked first, so a changed model fails loudly here). */
const UNSURE = ["het wordt me allemaal te veel", "ik kan niet meer", "ik weet het niet meer"];
const ASK = nlText("crisis.check.ask");

const client = (id: string) => db.prisma.client.findUniqueOrThrow({ where: { id } });
const activeRun = (clientId: string) => db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
const alertsOf = (clientId: string) => db.prisma.crisisAlert.findMany({ where: { clientId }, include: { events: true } });

const halfwayGrow = () => journeys.halfwayGrow(db, ob, ++lastChat);

describe("when Koers is unsure whether a message is a crisis", () => {
  it("the messages used here are unsure, not clear alarms", () => {
    for (const m of UNSURE) {
      expect(detectCrisis(m), m).toBeNull();
      expect(crisisDoubt(m), m).not.toBeNull();
    }
  });

  it("asks with two buttons instead of taking the words as the answer; 'Ja' makes it a crisis signal with the client's own words", async () => {
    const c = await halfwayGrow();
    const calls = await ob.deliver(textUpdate(c.chat, UNSURE[0]!));
    expect(texts(calls)).toEqual([ASK]);
    expect(keyboard(calls[0]!)).toEqual([[[nlText("crisis.check.yes"), "s:check:yes"]], [[nlText("crisis.check.no"), "s:check:no"]]]);
    // The GROW did not move on: the unsure words are not its answer.
    expect(await activeRun(c.clientId)).toMatchObject({ id: c.run.id, turn: c.run.turn, snapshot: c.run.snapshot });
    expect(await alertsOf(c.clientId)).toEqual([]);

    const yes = await ob.deliver(callbackUpdate(c.chat, "s:check:yes"));
    expect(texts(yes)[0]).toContain(nlText("crisis.answer.suicide").split("\n")[0]!);
    const [alert] = await alertsOf(c.clientId);
    expect(alert).toMatchObject({ rule: "check.confirmed", messageText: UNSURE[0] });
    expect((await db.prisma.flowRun.findUniqueOrThrow({ where: { id: c.run.id } })).status).toBe("PARKED");
    // The words are kept with the alert, not on the client row.
    expect(await client(c.clientId)).toMatchObject({ crisisCheckText: null });
  });

  it("'Nee, dat niet' is thanked and the words they were asked about answer the conversation's question (not typed again); nothing is alerted; no second question that day", async () => {
    const c = await halfwayGrow();
    expect(texts(await ob.deliver(textUpdate(c.chat, UNSURE[1]!)))).toEqual([ASK]);
    const no = await ob.deliver(callbackUpdate(c.chat, "s:check:no"));
    expect(texts(no)[0]).toBe(nlText("crisis.check.noAnswer"));
    expect(texts(no).slice(1)).not.toContain(nlText("grow.reality.now"));
    expect(texts(no).length).toBeGreaterThan(1);
    const moved = await activeRun(c.clientId);
    expect(moved.turn).toBeGreaterThan(c.run.turn);
    // Saved as the answer to "Hoe is het nu?", as if it had been typed after the question.
    expect(await db.prisma.flowAnswer.findMany({ where: { flowRunId: c.run.id }, select: { state: true, text: true }, orderBy: { id: "desc" }, take: 1 })).toEqual([{ state: "reality", text: UNSURE[1] }]);
    expect(await alertsOf(c.clientId)).toEqual([]);
    expect(await client(c.clientId)).toMatchObject({ crisisCheckText: null, crisisCheckStep: null });
    // Asked once a day at most: another unsure message is now the answer to the next question.
    const next = await ob.deliver(textUpdate(c.chat, UNSURE[2]!));
    expect(texts(next)).not.toContain(ASK);
    expect((await activeRun(c.clientId)).turn).toBeGreaterThan(moved.turn);
    expect(await alertsOf(c.clientId)).toEqual([]);
  });

  it("a typed 'nee' takes the words as the answer too; the same words answer once, and a second 'Nee' button is an old button", async () => {
    const c = await halfwayGrow();
    await ob.deliver(textUpdate(c.chat, UNSURE[0]!));
    const no = await ob.deliver(textUpdate(c.chat, "nee"));
    expect(texts(no)[0]).toBe(nlText("crisis.check.noAnswer"));
    const turn = (await activeRun(c.clientId)).turn;
    expect(turn).toBeGreaterThan(c.run.turn);
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "s:check:no")))).toEqual([nlText("common.oldButton")]);
    expect((await activeRun(c.clientId)).turn).toBe(turn);
  });

  it("words that came with a photo are no answer: after 'Nee, dat niet' the question is asked again", async () => {
    const c = await halfwayGrow();
    expect(texts(await ob.deliver(photoUpdate(c.chat, { caption: UNSURE[1]! })))).toEqual([ASK]);
    expect(await client(c.clientId)).toMatchObject({ crisisCheckText: UNSURE[1], crisisCheckStep: null });
    const no = await ob.deliver(callbackUpdate(c.chat, "s:check:no"));
    expect(texts(no)).toEqual([nlText("crisis.check.noOk"), nlText("grow.reality.now")]);
    expect(await activeRun(c.clientId)).toMatchObject({ id: c.run.id, turn: c.run.turn });
  });

  it("a typed 'ja, soms wel' counts as yes; a typed answer that is neither lets the conversation go on", async () => {
    const a = await halfwayGrow();
    await ob.deliver(textUpdate(a.chat, UNSURE[2]!));
    await ob.deliver(textUpdate(a.chat, "ja, soms wel"));
    expect(await alertsOf(a.clientId)).toHaveLength(1);

    const b = await halfwayGrow();
    await ob.deliver(textUpdate(b.chat, UNSURE[1]!));
    const other = await ob.deliver(textUpdate(b.chat, "het gaat wel, ik heb weinig geld"));
    expect(texts(other)).not.toContain(ASK);
    expect(await alertsOf(b.clientId)).toEqual([]);
    expect((await client(b.clientId)).crisisCheckText).toBeNull();
  });

  it("'help' and nothing else is asked about too; a yes gets 112 first", async () => {
    const c = await halfwayGrow();
    expect(detectCrisis("help")).toBeNull();
    expect(texts(await ob.deliver(textUpdate(c.chat, "HELP")))).toEqual([ASK]);
    const yes = await ob.deliver(callbackUpdate(c.chat, "s:check:yes"));
    expect(texts(yes)[0]).toContain(nlText("crisis.answer.danger").split("\n")[0]!);
    expect(await alertsOf(c.clientId)).toMatchObject([{ category: "danger", rule: "check.confirmed", messageText: "HELP" }]);
  });

  it("a forged or old 'Ja' button raises nothing", async () => {
    const c = await halfwayGrow();
    expect(texts(await ob.deliver(callbackUpdate(c.chat, "s:check:yes")))).toEqual([nlText("common.oldButton")]);
    expect(await alertsOf(c.clientId)).toEqual([]);
  });

  it("a stranger gets the help numbers gently, then the usual answer; nothing is stored", async () => {
    const before = await db.prisma.client.count();
    const calls = await ob.deliver(textUpdate(++lastChat, UNSURE[0]!));
    expect(texts(calls)).toEqual([nlText("crisis.check.stranger"), nlText("start.noCode")]);
    expect(await db.prisma.client.count()).toBe(before);
  });
});
