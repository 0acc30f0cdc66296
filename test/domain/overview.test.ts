/**
 * What the client reads in /doel and /mijnverhaal (src/domain/overview.ts), on the embedded
 * database: the current goal with at most five steps (dropped ones left out), each with its
 * state and date, the last three scores of each kind, and the coach's name; the last
 * conversations newest first, without the ones that were broken off, a parked one marked.
 * Only the client's own rows.
 */
import { describe, expect, it } from "vitest";
import { goalOverview, storyOverview } from "../../src/domain/overview.js";
import type { OutMessage } from "../../src/outbox/messages.js";
import type { Client, FlowRunStatus, ScaleKind } from "../../src/generated/prisma/client.js";
import { onboardedClient, seedGoal } from "../support/coaching.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";

const file = dbForFile(freshEmbeddedDb);
let chat = 920_000;

async function client(coach = "Ahmed") {
  const c = await onboardedClient(file.db, { chatId: ++chat, coach });
  return file.db.prisma.client.findUniqueOrThrow({ where: { id: c.clientId } });
}

const lineKeys = (m: OutMessage) => (m.lines ?? []).map((l) => l.key);
const at = (iso: string) => new Date(iso);

async function score(clientId: string, kind: ScaleKind, value: number, iso: string) {
  await file.db.prisma.scaleScore.create({ data: { clientId, kind, score: value, at: at(iso) } });
}

async function run(clientId: string, flowId: string, status: FlowRunStatus, iso: string, context: Record<string, string | number> = {}) {
  await file.db.prisma.flowRun.create({
    data: { clientId, flowId, status, machineVersion: 1, snapshot: {}, createdAt: at(iso), outcome: status === "ACTIVE" ? undefined : { state: "done", context } },
  });
}

type Overview = typeof goalOverview;
const read = (fn: Overview, c: Client) => file.db.prisma.$transaction((tx) => fn(tx, c));

it("a new client: /doel says there is no goal yet, /mijnverhaal that there were no conversations, one line each", async () => {
  const c = await client();
  expect([await read(goalOverview, c), await read(storyOverview, c)]).toEqual([{ key: "overview.noGoal" }, { key: "story.none" }]);
});

describe("goalOverview (/doel)", () => {
  it("the goal, its steps by state (dropped left out, five at most), and the coach's name at the end", async () => {
    const c = await client("Fleur");
    const due = at("2027-04-02T10:00:00.000Z");
    const done = at("2027-03-30T15:00:00.000Z");
    const ids = await seedGoal(file.db, c.id, {
      text: "Weer lekker slapen",
      steps: [{ what: "Om 23 uur naar bed" }, { what: "Telefoon weg" }, { what: "Wandelen" }, { what: "Thee" }, { what: "Bellen met Lotte", dueAt: due }, { what: "Lezen" }, { what: "Dagboek" }, { what: "Zesde" }],
    });
    await file.db.prisma.step.update({ where: { id: ids[0] }, data: { status: "DONE", doneAt: done } });
    await file.db.prisma.step.update({ where: { id: ids[1] }, data: { status: "DONE" } });
    await file.db.prisma.step.update({ where: { id: ids[2] }, data: { status: "PARTLY" } });
    await file.db.prisma.step.update({ where: { id: ids[3] }, data: { status: "DROPPED" } });
    const m = await read(goalOverview, c);
    expect(m.key).toBe("overview.goal");
    expect(m.vars).toEqual({ goal: "Weer lekker slapen" });
    expect(m.lines).toEqual([
      { key: "overview.stepDoneOn", vars: { what: "Om 23 uur naar bed", date: done.toISOString() } },
      { key: "overview.stepDone", vars: { what: "Telefoon weg" } },
      { key: "overview.stepPartly", vars: { what: "Wandelen" } },
      { key: "overview.stepDue", vars: { what: "Bellen met Lotte", date: due.toISOString() } },
      { key: "overview.step", vars: { what: "Lezen" } },
      { key: "overview.end", vars: { coach: "Fleur" } },
    ]);
  });

  it("a goal without steps says so; the last three scores of each kind, oldest first, kinds without scores left out", async () => {
    const c = await client();
    await file.db.prisma.goal.create({ data: { clientId: c.id, text: "Een baan" } });
    for (const [i, s] of [4, 5, 6, 8].entries()) await score(c.id, "CONFIDENCE", s, `2027-03-0${i + 1}T10:00:00.000Z`);
    await score(c.id, "PROGRESS", 3, "2027-03-05T10:00:00.000Z");
    const other = await client();
    await score(other.id, "WELLBEING", 9, "2027-03-05T10:00:00.000Z");
    const m = await read(goalOverview, c);
    expect(m.lines).toEqual([
      { key: "overview.noSteps" },
      { key: "overview.scoresTitle" },
      { key: "overview.score.PROGRESS", vars: { scores: "3" } },
      { key: "overview.score.CONFIDENCE", vars: { scores: "5 → 6 → 8" } },
      { key: "overview.end", vars: { coach: "Ahmed" } },
    ]);
  });

  it("only an active goal counts, the newest one", async () => {
    const c = await client();
    await file.db.prisma.goal.create({ data: { clientId: c.id, text: "Oud doel", createdAt: at("2027-01-01T00:00:00.000Z") } });
    await file.db.prisma.goal.create({ data: { clientId: c.id, text: "Nieuw doel", createdAt: at("2027-02-01T00:00:00.000Z") } });
    await file.db.prisma.goal.create({ data: { clientId: c.id, text: "Bereikt", status: "REACHED", createdAt: at("2027-03-01T00:00:00.000Z") } });
    expect((await read(goalOverview, c)).vars).toEqual({ goal: "Nieuw doel" });
  });
});

describe("storyOverview (/mijnverhaal)", () => {
  it("newest first, a score where the conversation gave one, a parked one marked, broken-off ones and the menu left out", async () => {
    const c = await client("Fleur");
    await run(c.id, "onboarding", "DONE", "2027-03-01T10:00:00.000Z");
    await run(c.id, "scaling", "DONE", "2027-03-02T10:00:00.000Z", { kind: "CONFIDENCE", score: 7 });
    await run(c.id, "grow", "PARKED", "2027-03-03T10:00:00.000Z");
    await run(c.id, "miracle", "ABORTED", "2027-03-04T10:00:00.000Z");
    await run(c.id, "menu", "DONE", "2027-03-05T10:00:00.000Z");
    await run(c.id, "referralConsent", "DONE", "2027-03-06T10:00:00.000Z");
    await run(c.id, "somethingNew", "DONE", "2027-03-07T10:00:00.000Z");
    const m = await read(storyOverview, c);
    expect(m.key).toBe("story.title");
    expect(m.lines).toEqual([
      { key: "story.flow.other", vars: { date: "2027-03-07T10:00:00.000Z" } },
      { key: "story.flow.referral", vars: { date: "2027-03-06T10:00:00.000Z" } },
      { key: "story.flow.grow", vars: { date: "2027-03-03T10:00:00.000Z" } },
      { key: "story.parked" },
      { key: "story.score.CONFIDENCE", vars: { date: "2027-03-02T10:00:00.000Z", score: 7 } },
      { key: "story.flow.onboarding", vars: { date: "2027-03-01T10:00:00.000Z" } },
      { key: "story.end", vars: { coach: "Fleur" } },
    ]);
  });

  it("at most eight conversations, the newest", async () => {
    const c = await client();
    for (let d = 10; d < 20; d++) await run(c.id, "checkin", "DONE", `2027-03-${d}T10:00:00.000Z`);
    const m = await read(storyOverview, c);
    const dates = (m.lines ?? []).flatMap((l) => (l.vars?.date ? [String(l.vars.date).slice(8, 10)] : []));
    expect(dates).toEqual(["19", "18", "17", "16", "15", "14", "13", "12"]);
    expect(lineKeys(m).at(-1)).toBe("story.end");
  });
});
