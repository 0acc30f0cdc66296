/**
 * The trajectory through the real engine (embedded database): the invite opened moves the client
 * to first contact, onboarding done to clarifying, and the first words after it start the
 * clarifying talk; its chosen part of life seeds GROW's first question. Every move is a
 * PhaseChange row. A crisis signal typed as an answer in
 * the new talks is caught by the engine's detector before the flow sees it.
 */
import { describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { createEngine, type IncomingMessage } from "../../src/conversation/engine.js";
import { silentLogger } from "../../src/log.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";
import { button, inviteClient, keys, takeMessages } from "../support/world.js";

const CHAT = 515151;
let nextUpdate = 5000;
const said = (text: string): IncomingMessage => ({ updateId: nextUpdate++, chatId: CHAT, input: { kind: "text", text } });
const pressed = (data: string): IncomingMessage => ({ updateId: nextUpdate++, chatId: CHAT, input: { kind: "button", data } });
const start = (code: string): IncomingMessage => ({ updateId: nextUpdate++, chatId: CHAT, input: { kind: "command", command: "start", args: code } });

describe("the trajectory in the engine", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("invite → first contact → onboarding done → clarifying; a crisis signal in the new talk is caught", { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger(), clarifyAfterOnboarding: true });
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
    const phase = async () => (await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).phase;

    await engine.handle(start(invited.code));
    let out = await takeMessages(db, invited.clientId);
    expect(await phase()).toBe("FIRST_CONTACT");
    await engine.handle(pressed(button(out, "yes")));
    await takeMessages(db, invited.clientId);
    await engine.handle(said("Sam"));
    await takeMessages(db, invited.clientId);
    await engine.handle(said("nee"));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toContain("onboarding.done");
    expect(await phase()).toBe("CLARIFYING");

    // The first words after onboarding: the clarifying talk, once.
    await engine.handle(said("ok dank je"));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["clarifying.intro", "clarifying.start.ask"]);
    for (const answer of ["ja hoor", "rust in mijn hoofd", "de brieven", "koken", "mijn zus"]) {
      await engine.handle(said(answer));
      out = await takeMessages(db, invited.clientId);
    }
    expect(keys(out).at(-1)).toBe("clarifying.domains.ask");
    // A crisis signal as an answer: the engine's detector answers it, the flow never takes it as a domain.
    await engine.handle(said("ik wil dood"));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out).some((k) => k.startsWith("crisis."))).toBe(true);
    expect(await db.prisma.crisisAlert.count({ where: { clientId: invited.clientId } })).toBe(1);
  });

  it("clarifying picks money and GROW then asks about money; each move is recorded", { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger(), clarifyAfterOnboarding: true });
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
    await engine.handle(start(invited.code));
    let out = await takeMessages(db, invited.clientId);
    await engine.handle(pressed(button(out, "yes")));
    for (const answer of ["Sam", "nee", "hoi", "ja", "rust", "de brieven", "koken", "mijn zus", "mn schulden", "2"]) {
      await engine.handle(said(answer));
      out = await takeMessages(db, invited.clientId);
    }
    expect(keys(out)).toEqual(["clarifying.another.ask"]);
    await engine.handle(pressed(button(out, "no")));
    out = await takeMessages(db, invited.clientId);
    await engine.handle(pressed(button(out, "yes")));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["clarifying.goal.nowOk", "grow.intro", "grow.goal.focus.money"]);
    const moves = await db.prisma.phaseChange.findMany({ where: { clientId: invited.clientId }, orderBy: { at: "asc" } });
    expect(moves.map((m) => m.phase)).toEqual(["FIRST_CONTACT", "CLARIFYING", "GOAL_AND_PLAN"]);
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: invited.clientId, flowId: "clarifying" } });
    expect(run.outcome).toMatchObject({ context: { picked: ["money"], scores: { money: 2 }, focus: "money" } });
  });
});
