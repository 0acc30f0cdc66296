import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { checkFlood, DEFAULT_FLOOD, type FloodLimits } from "../../src/conversation/flood.js";
import type { ClientInput } from "../../src/conversation/input.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";

const START = new Date("2026-12-03T08:00:00.000Z").getTime();
const LIMITS: FloodLimits = { messages: 4, seconds: 10 };
const text: ClientInput = { kind: "text", text: "hoi" };

/** A client of a coach, and `send`: one message at `ms` after START, checked as the engine does. */
async function world(db: Database, limits = LIMITS) {
  const org = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team" } });
  const coach = await db.prisma.member.create({ data: { organisationId: org.id, name: "Coach", role: "COACH" } });
  const client = await db.prisma.client.create({ data: { name: "Sam", coachId: coach.id, status: "ACTIVE" } });
  const row = () => db.prisma.client.findUniqueOrThrow({ where: { id: client.id } });
  const send = async (ms: number, input: ClientInput = text) => {
    const current = await row();
    return db.prisma.$transaction((tx) => checkFlood(tx, current, input, new Date(START + ms), limits));
  };
  return { id: client.id, row, send };
}

describe("checkFlood", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("answers up to the limit, sends the calm message once for the message over it, then holds back quietly", async () => {
    const c = await world(await freshDb());
    for (let i = 0; i < 4; i++) expect(await c.send(i * 100)).toEqual({ kind: "answer" });
    expect(await c.send(400)).toEqual({ kind: "hold", messages: [{ key: "common.flood" }] });
    expect((await c.row()).floodSince?.toISOString()).toBe(new Date(START + 400).toISOString());
    expect(await c.send(500)).toEqual({ kind: "hold", messages: [] });
    expect(await c.send(600)).toEqual({ kind: "hold", messages: [] });
    // The flood started at the fifth message, not later.
    expect((await c.row()).floodSince?.toISOString()).toBe(new Date(START + 400).toISOString());
  });

  it("keeps the times of the latest messages + 1 messages only", async () => {
    const c = await world(await freshDb());
    for (let i = 0; i < 8; i++) await c.send(i * 100);
    expect((await c.row()).floodTimes).toEqual([300, 400, 500, 600, 700].map((ms) => START + ms));
  });

  it("answers again once the last seconds hold at most half the limit, and ends the flood", async () => {
    const c = await world(await freshDb());
    for (let i = 0; i < 5; i++) await c.send(i * 100);
    expect((await c.row()).floodSince).not.toBeNull();
    // At 10.25 s the window holds the messages at 0.3 and 0.4 s and this one: 3 > 2, still held.
    expect(await c.send(10_250)).toEqual({ kind: "hold", messages: [] });
    // At 10.45 s: the one at 10.25 s and this one, 2 = half of 4: answered, the flood is over.
    expect(await c.send(10_450)).toEqual({ kind: "answer" });
    expect((await c.row()).floodSince).toBeNull();
    expect((await c.row()).floodTimes).toEqual([START + 10_250, START + 10_450]);
    // After a quiet pause only this message is in the window.
    expect(await c.send(25_000)).toEqual({ kind: "answer" });
    expect((await c.row()).floodSince).toBeNull();
    expect((await c.row()).floodTimes).toEqual([START + 25_000]);
  });

  it("counts a message exactly `seconds` old as out of the window", async () => {
    const c = await world(await freshDb(), { messages: 1, seconds: 10 });
    expect(await c.send(0)).toEqual({ kind: "answer" });
    expect(await c.send(10_000)).toEqual({ kind: "answer" });
    expect(await c.send(19_999)).toEqual({ kind: "hold", messages: [{ key: "common.flood" }] });
  });

  it("always answers /stop, in Dutch or English, and a stop neither starts nor ends a flood", async () => {
    const c = await world(await freshDb());
    for (let i = 0; i < 4; i++) await c.send(i * 100);
    expect(await c.send(400, { kind: "command", command: "stoppen", args: "" })).toEqual({ kind: "answer" });
    expect((await c.row()).floodSince).toBeNull();
    expect(await c.send(500)).toEqual({ kind: "hold", messages: [{ key: "common.flood" }] });
    expect(await c.send(600, { kind: "command", command: "stop", args: "" })).toEqual({ kind: "answer" });
    expect((await c.row()).floodSince?.toISOString()).toBe(new Date(START + 500).toISOString());
    // Another command is held back like any message.
    expect(await c.send(700, { kind: "command", command: "hulp", args: "" })).toEqual({ kind: "hold", messages: [] });
  });

  it("ignores what is not a time in the stored window", async () => {
    const db = await freshDb();
    const c = await world(db);
    await db.prisma.client.update({ where: { id: c.id }, data: { floodTimes: ["x", null, START, { t: START }, START + 1] } });
    expect(await c.send(100)).toEqual({ kind: "answer" });
    expect((await c.row()).floodTimes).toEqual([START, START + 1, START + 100]);
    await db.prisma.client.update({ where: { id: c.id }, data: { floodTimes: { not: "an array" } } });
    expect(await c.send(200)).toEqual({ kind: "answer" });
    expect((await c.row()).floodTimes).toEqual([START + 200]);
  });

  it("by default allows 20 messages in 10 seconds", async () => {
    expect(DEFAULT_FLOOD).toEqual({ messages: 20, seconds: 10 });
    const c = await world(await freshDb(), DEFAULT_FLOOD);
    for (let i = 0; i < 20; i++) expect(await c.send(i * 10)).toEqual({ kind: "answer" });
    expect(await c.send(200)).toEqual({ kind: "hold", messages: [{ key: "common.flood" }] });
  });
});
