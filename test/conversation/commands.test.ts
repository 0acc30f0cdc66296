/**
 * The global commands (src/conversation/commands.ts) on the embedded database, one for the file,
 * called as the engine calls them inside the update's transaction: /stop cancels everything and
 * tells the coach once, /start after /stop brings back what was parked (and offers "verder" when
 * nothing comes back by itself), /pauze, /hulp, and a calm answer to what is not a command.
 * The chats around them are in test/telegram/*.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { COMMAND_ALIASES, globalCommand, type GlobalCommand } from "../../src/conversation/commands.js";
import type { Client } from "../../src/generated/prisma/client.js";
import { CONVERSATION_RESUME, type OutMessage } from "../../src/outbox/messages.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient, insertJob } from "../jobs/support.js";

const file = dbForFile(freshEmbeddedDb);
const p = () => file.db.prisma;
const NOW = new Date("2027-02-01T09:00:00.000Z");
const HOUR = 3_600_000;

async function command(clientId: string, cmd: GlobalCommand | undefined, repeat: OutMessage[] = [], resumedStatus: Client["status"] = "ACTIVE", now = NOW) {
  const client = await p().client.findUniqueOrThrow({ where: { id: clientId } });
  return p().$transaction((tx) => globalCommand(tx, client, cmd, { resumedStatus, repeat, now }));
}
const status = async (id: string) => (await p().client.findUniqueOrThrow({ where: { id } })).status;
const jobStatus = async (id: string) => (await p().job.findUniqueOrThrow({ where: { id: BigInt(id) } })).status;
const parkedRun = (clientId: string, resumeFrom: object = { prompt: [{ key: "grow.goal" }] }) =>
  p().flowRun.create({ data: { clientId, flowId: "grow", machineVersion: 1, snapshot: {}, status: "PARKED", resumeFrom } });

describe("COMMAND_ALIASES", () => {
  it("knows each command in Dutch and English, and nothing else", () => {
    expect(COMMAND_ALIASES).toMatchObject({ stop: "stop", stoppen: "stop", pauze: "pause", pause: "pause", hulp: "help", help: "help", doel: "goal", goal: "goal", mijnverhaal: "story", story: "story" });
    for (const notOne of ["toString", "constructor", "__proto__", "STOP", "vergeet"]) expect(Object.hasOwn(COMMAND_ALIASES, notOne)).toBe(false);
  });
});

describe("globalCommand", () => {
  it("/stop stops every pending job, also messages still to send, and tells the coach once", async () => {
    const { clientId } = await activeClient(file.db);
    const send = await insertJob(file.db, { kind: "telegram.send", payload: {}, clientId });
    const reminder = await insertJob(file.db, { kind: "reminder.checkin", payload: {}, clientId, dueAt: new Date(NOW.getTime() + HOUR) });
    expect(await command(clientId, "stop")).toEqual([{ key: "stop.done" }]);
    expect(await status(clientId)).toBe("STOPPED");
    expect([await jobStatus(send), await jobStatus(reminder)]).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await command(clientId, "stop", [], "ACTIVE", new Date(NOW.getTime() + HOUR))).toEqual([{ key: "stop.done" }]);
    const nudges = await p().nudge.findMany({ where: { clientId } });
    expect(nudges.map((n) => [n.cause, n.detail])).toEqual([["client_stopped", { since: NOW.toISOString(), ref: NOW.toISOString() }]]);
    // The nudge's delivery carries no client, so this /stop did not cancel it.
    expect(await p().job.count({ where: { kind: "coach.nudge", status: "PENDING" } })).toBeGreaterThanOrEqual(1);
  });

  it("/start after /stop welcomes back by call name, repeats the last question and brings back a parked topic's agreed time", async () => {
    const { clientId } = await activeClient(file.db, { callName: "Sam" });
    const run = await parkedRun(clientId);
    const resume = await insertJob(file.db, { kind: CONVERSATION_RESUME, payload: { flowRunId: run.id }, clientId, dueAt: new Date(NOW.getTime() + 24 * HOUR), key: `${CONVERSATION_RESUME}:${run.id}` });
    await command(clientId, "stop");
    expect(await jobStatus(resume)).toBe("CANCELLED");
    const repeat: OutMessage[] = [{ key: "checkin.ask" }];
    expect(await command(clientId, "start", repeat, "PAUSED")).toEqual([{ key: "start.welcomeBack", vars: { name: "Sam" } }, { key: "checkin.ask" }]);
    expect(await status(clientId)).toBe("PAUSED");
    expect(await jobStatus(resume)).toBe("PENDING");
  });

  it("/start after /stop offers 'verder' when the parked topic's time went by, unless a question is repeated", async () => {
    const { clientId } = await activeClient(file.db);
    const run = await parkedRun(clientId);
    const resume = await insertJob(file.db, { kind: CONVERSATION_RESUME, payload: { flowRunId: run.id }, clientId, dueAt: new Date(NOW.getTime() + HOUR), key: `${CONVERSATION_RESUME}:${run.id}` });
    await command(clientId, "stop");
    const later = new Date(NOW.getTime() + 2 * HOUR);
    const said = await command(clientId, "start", [], "ACTIVE", later);
    expect(said.map((m) => m.key)).toEqual(["start.welcomeBack", "start.parkedOffer"]);
    expect(await jobStatus(resume)).toBe("CANCELLED");

    const busy = await activeClient(file.db);
    await parkedRun(busy.clientId);
    await command(busy.clientId, "stop");
    expect((await command(busy.clientId, "start", [{ key: "grow.goal" }])).map((m) => m.key)).toEqual(["start.welcomeBack", "grow.goal"]);
  });

  it("a coach's talk that was waiting waits again after /start, whatever its time; it is no topic to offer", async () => {
    const { clientId } = await activeClient(file.db);
    const talk = await parkedRun(clientId, { waiting: true });
    const job = await insertJob(file.db, { kind: CONVERSATION_RESUME, payload: { flowRunId: talk.id }, clientId, dueAt: new Date(NOW.getTime() - HOUR), key: `${CONVERSATION_RESUME}:${talk.id}` });
    await command(clientId, "stop");
    expect((await command(clientId, "start")).map((m) => m.key)).toEqual(["start.welcomeBack"]);
    expect(await jobStatus(job)).toBe("PENDING");
  });

  it("/start after /pauze only welcomes back; /start when already active says so and repeats the question", async () => {
    const { clientId } = await activeClient(file.db);
    expect(await command(clientId, "pause")).toEqual([{ key: "pause.done" }]);
    expect(await status(clientId)).toBe("PAUSED");
    await parkedRun(clientId);
    expect((await command(clientId, "start")).map((m) => m.key)).toEqual(["start.welcomeBack"]);
    expect(await status(clientId)).toBe("ACTIVE");
    expect(await command(clientId, "start", [{ key: "grow.goal" }])).toEqual([{ key: "start.alreadyLinked" }, { key: "grow.goal" }]);
    expect(await p().nudge.count({ where: { clientId } })).toBe(0);
  });

  it("/hulp, /doel and /mijnverhaal answer without changing anything; anything else points to /hulp", async () => {
    const { clientId } = await activeClient(file.db);
    expect(await command(clientId, "help")).toEqual([{ key: "help.text" }]);
    expect(await command(clientId, "goal")).toEqual([{ key: "overview.noGoal" }]);
    expect(await command(clientId, "story")).toEqual([{ key: "story.none" }]);
    expect(await command(clientId, undefined)).toEqual([{ key: "common.unknownCommand" }]);
    expect(await status(clientId)).toBe("ACTIVE");
  });
});
