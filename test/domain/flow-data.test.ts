import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { flowData, isScaleKind, trajectoryFacts } from "../../src/domain/flow-data.js";
import { freshEmbeddedDb, useDb } from "../support/db.js";

const T0 = new Date("2026-11-01T10:00:00.000Z").getTime();
const at = (days: number) => new Date(T0 + days * 24 * 3600 * 1000);

async function clientIn(db: Database) {
  const org = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team" } });
  const coach = await db.prisma.member.create({ data: { organisationId: org.id, name: "Coach", role: "COACH" } });
  return db.prisma.client.create({ data: { name: "Sam", coachId: coach.id, status: "ACTIVE" } });
}

describe("isScaleKind", () => {
  it("knows the five scales, spelled as the database spells them", () => {
    for (const k of ["PROGRESS", "MOTIVATION", "CONFIDENCE", "COPING", "WELLBEING"]) expect(isScaleKind(k)).toBe(true);
    for (const k of ["progress", "HAPPINESS", "", 3, null, undefined]) expect(isScaleKind(k)).toBe(false);
  });
});

describe("flowData", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("a check-in gets the first open step of the active goal (by due day, undated last) and the last wellbeing score", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    const goal = await db.prisma.goal.create({ data: { clientId: client.id, text: "werk vinden" } });
    const dropped = await db.prisma.goal.create({ data: { clientId: client.id, text: "oud", status: "DROPPED" } });
    await db.prisma.step.create({ data: { goalId: dropped.id, what: "van een oud doel", dueAt: at(0) } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "zonder dag", createdAt: at(0) } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "al gedaan", dueAt: at(1), status: "DONE" } });
    const first = await db.prisma.step.create({ data: { goalId: goal.id, what: "cv maken", dueAt: at(3), status: "PARTLY" } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "later", dueAt: at(5) } });
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "WELLBEING", score: 3, at: at(1) } });
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "WELLBEING", score: 6, at: at(2) } });
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "PROGRESS", score: 9, at: at(4) } });
    const data = await db.prisma.$transaction((tx) => flowData(tx, client, "checkin"));
    expect(data).toEqual({ step: { id: first.id, what: "cv maken", dueAt: at(3).toISOString() }, previousScore: 6 });
  });

  it("what is given wins over what is derived, and a check-in without steps or scores gets nothing", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    expect(await db.prisma.$transaction((tx) => flowData(tx, client, "checkin"))).toEqual({});
    const goal = await db.prisma.goal.create({ data: { clientId: client.id, text: "werk" } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "bellen" } });
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "WELLBEING", score: 4 } });
    const given = { step: null, previousScore: 8, from: "coach" };
    expect(await db.prisma.$transaction((tx) => flowData(tx, client, "checkin", given))).toEqual(given);
  });

  it("a scaling question gets its scale (progress when none or an unknown one is given) and the last score of that scale", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "CONFIDENCE", score: 5, at: at(1) } });
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "PROGRESS", score: 2, at: at(2) } });
    const run = (given?: Record<string, unknown>) => db.prisma.$transaction((tx) => flowData(tx, client, "scaling", given));
    expect(await run({ scale: "CONFIDENCE" })).toEqual({ scale: "CONFIDENCE", previousScore: 5 });
    expect(await run()).toEqual({ scale: "PROGRESS", previousScore: 2 });
    expect(await run({ scale: "drop table" })).toEqual({ scale: "PROGRESS", previousScore: 2 });
    expect(await run({ scale: "COPING" })).toEqual({ scale: "COPING" });
  });

  it("another conversation gets only what was given", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    await db.prisma.scaleScore.create({ data: { clientId: client.id, kind: "WELLBEING", score: 4 } });
    expect(await db.prisma.$transaction((tx) => flowData(tx, client, "onboarding", { a: 1 }))).toEqual({ a: 1 });
  });

  it("GROW gets the focus of the last clarifying talk, unless a goal was set after it", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    const clarifying = (focus: string | number, createdAt: Date) =>
      db.prisma.flowRun.create({ data: { clientId: client.id, flowId: "clarifying", machineVersion: 1, snapshot: {}, status: "DONE", outcome: { context: { focus } }, createdAt } });
    const grow = () => db.prisma.$transaction((tx) => flowData(tx, client, "grow"));
    expect(await grow()).toEqual({});
    await clarifying("werk", at(1));
    await clarifying("geld", at(2));
    expect(await grow()).toEqual({ focus: "geld" });
    await db.prisma.goal.create({ data: { clientId: client.id, text: "schulden", createdAt: at(3) } });
    expect(await grow()).toEqual({});
    await clarifying(7, at(4));
    expect(await grow()).toEqual({});
  });
});

describe("trajectoryFacts", () => {
  const freshDb = useDb(freshEmbeddedDb);

  it("gives the latest goal that was not dropped, the steps done in the order they were done, the open ones, and each scale's first and last score", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    await db.prisma.goal.create({ data: { clientId: client.id, text: "eerste doel", createdAt: at(0) } });
    const goal = await db.prisma.goal.create({ data: { clientId: client.id, text: "werk vinden", createdAt: at(1) } });
    await db.prisma.goal.create({ data: { clientId: client.id, text: "laten vallen", status: "DROPPED", createdAt: at(2) } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "tweede", status: "DONE", doneAt: at(5), createdAt: at(1) } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "eerste", status: "DONE", doneAt: at(4), createdAt: at(2) } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "open", status: "OPEN" } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "half", status: "PARTLY" } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "weg", status: "DROPPED" } });
    for (const [kind, score, day] of [["PROGRESS", 3, 1], ["PROGRESS", 5, 2], ["PROGRESS", 7, 3], ["COPING", 6, 2]] as const) {
      await db.prisma.scaleScore.create({ data: { clientId: client.id, kind, score, at: at(day) } });
    }
    expect(await db.prisma.$transaction((tx) => trajectoryFacts(tx, client.id))).toEqual({
      goal: "werk vinden",
      stepsDone: ["eerste", "tweede"],
      stepsOpen: 2,
      scores: [
        { kind: "PROGRESS", first: 3, last: 7, count: 3 },
        { kind: "COPING", first: 6, last: 6, count: 1 },
      ],
    });
  });

  it("gives empty facts for a client without goals, steps or scores", async () => {
    const db = await freshDb();
    const client = await clientIn(db);
    expect(await db.prisma.$transaction((tx) => trajectoryFacts(tx, client.id))).toEqual({ goal: "", stepsDone: [], stepsOpen: 0, scores: [] });
  });
});
