/**
 * The client file of a realistic client (twenty conversations over ten weeks: onboarding, GROW,
 * scaling questions, check-ins, a miracle question, parked topics, a referral, nudges) rendered
 * as the CLI and the Slack modal read it, compared with test/golden/client-file.txt
 * (`UPDATE_GOLDEN=1` writes it). Also: the Slack blocks of that file stay within Block Kit's limits.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadClientFile, openClientFile } from "../../src/domain/client-file.js";
import { clientFileText, clientFileView } from "../../src/domain/client-file-view.js";
import { fileBlocks } from "../../src/slack/file/index.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";

const GOLDEN = path.resolve(import.meta.dirname, "../golden/client-file.txt");
const NOW = new Date("2026-12-01T15:00:00Z");
const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 8, 21 + n, hour, 0, 0));

let t: EmbeddedTestDb;
let clientId = "";
let coachId = "";
let outsiderId = "";

type Answer = [state: string, promptKey: string, answer: string, vars?: Record<string, number>];

beforeAll(async () => {
  t = await freshEmbeddedDb();
  const p = t.db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Noord" } });
  const other = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Wijkteam Zuid" } });
  const partner = await p.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp Amsterdam" } });
  const coach = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH" } });
  outsiderId = (await p.member.create({ data: { organisationId: other.id, name: "Karin", role: "COACH" } })).id;
  coachId = coach.id;
  const client = await p.client.create({
    data: { name: "Samira El Amrani", callName: "Sam", coachId, status: "ACTIVE", telegramChatId: 4242n, remindersWanted: true, reminderDaypart: "morning", checkinEveryDays: 7, lastClientMessageAt: day(70, 9), createdAt: day(0, 8), phase: "DOING", phaseSince: day(1) },
  });
  clientId = client.id;
  await p.consentRecord.create({ data: { clientId, subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN", at: day(0, 9) } });
  // The participation ladder: the coach's view at the start, the client's own answer later.
  await p.ladderRung.create({ data: { clientId, rung: 1, source: "COACH", memberId: coachId, at: day(1, 11) } });
  await p.ladderRung.create({ data: { clientId, rung: 2, source: "CLIENT", at: day(50, 11) } });
  const goal = await p.goal.create({ data: { clientId, text: "Werk vinden voor drie dagen per week", whenText: "voor de zomer", confidence: 6, createdAt: day(1) } });
  await p.step.create({ data: { goalId: goal.id, what: "Cv maken met Kees", status: "DONE", doneAt: day(12), dueAt: day(10, 11), helper: "buurman Kees", createdAt: day(1) } });
  await p.step.create({ data: { goalId: goal.id, what: "Bij twee winkels vragen", status: "PARTLY", dueAt: day(30, 11), createdAt: day(20) } });
  await p.step.create({ data: { goalId: goal.id, what: "Het uitzendbureau bellen", dueAt: day(75, 11), createdAt: day(50) } });

  const runs: [flowId: string, dayN: number, status: "DONE" | "PARKED", outcome: Record<string, unknown> | null, answers: Answer[]][] = [
    ["onboarding", 0, "DONE", { state: "done", context: { callName: "Sam" }, parks: 0 }, [["name", "onboarding.name.ask", "Sam"]]],
    ["grow", 1, "DONE", { state: "done", context: {}, parks: 0 }, [["goal", "grow.goal.ask", "Ik wil werk vinden, 3 dagen"], ["goalWhen", "grow.goal.when", "voor de zomer"], ["reality.now", "grow.reality.now", "slecht eigenlijk, ik zit veel thuis"]]],
    ["scaling", 1, "DONE", { state: "done", context: { kind: "CONFIDENCE", score: 4 }, parks: 0 }, [["score", "scaling.ask.confidence", "een 4 of zo"], ["how", "scaling.how.plain", "kees helpt me", { score: 4 }]]],
  ];
  for (let w = 1; w <= 9; w++) {
    const score = [5, 4, 6, 3, 6, 7, 6, 8, 7][w - 1] ?? 5;
    runs.push(["checkin", w * 7, "DONE", { state: "done", context: { score }, parks: 0 }, [["mood", "checkin.mood", String(score)], ["better", "checkin.better.ask", w % 2 ? "ik ben naar buiten geweest" : "niks eigenlijk"]]]);
  }
  for (const [n, s] of [[15, 5], [29, 6], [43, 7], [57, 8]] as const) {
    runs.push(["scaling", n, "DONE", { state: "done", context: { kind: "CONFIDENCE", score: s }, parks: 0 }, [["score", "scaling.ask.confidence", String(s)], ["higher", "scaling.higher", "als ik een gesprek heb gehad", { next: s + 1 }]]]);
  }
  runs.push(["miracle", 36, "DONE", { state: "done", context: { first: "Ik sta vroeg op" }, parks: 0 }, [["first", "miracle.first", "Ik sta vroeg op en zet koffie"], ["who", "miracle.who", "mijn dochter"]]]);
  runs.push(["grow", 64, "PARKED", { state: "parked", context: {}, parks: 2 }, [["goal", "grow.goal.ask", "niet nu"], ["parkWhen", "controls.park.when", "volgende week"]]]);
  runs.push(["miracle", 69, "PARKED", { state: "parked", context: {}, parks: 1 }, [["first", "miracle.first", "nu even niet"]]]);
  runs.push(["scaling", 70, "DONE", null, []]);
  expect(runs).toHaveLength(20);
  let seq = 0;
  for (const [flowId, n, status, outcome, answers] of runs) {
    const started = day(n, 10 + (seq++ % 3));
    const run = await p.flowRun.create({
      data: {
        clientId, flowId, machineVersion: 1, snapshot: { value: "x" }, status, createdAt: started, endedAt: outcome ? new Date(started.getTime() + 600_000) : null,
        // Set, not left to the wall clock: a run ended without an end time shows its last change.
        updatedAt: new Date(started.getTime() + 600_000),
        ...(outcome ? { outcome: outcome as Prisma.InputJsonValue } : {}),
        ...(status === "PARKED" ? { resumeAt: flowId === "grow" ? day(71) : null, resumeFrom: { snapshot: {}, version: 1, prompt: [{ key: flowId === "grow" ? "grow.goal.ask" : "miracle.first" }] } } : {}),
      },
    });
    let i = 0;
    for (const [state, promptKey, answer, vars] of answers) {
      const choice = /^\d+$/.test(answer);
      await p.flowAnswer.create({ data: { flowRunId: run.id, clientId, state, promptKey, ...(vars ? { promptVars: vars } : {}), text: choice ? null : answer, choice: choice ? answer : null, choiceLabel: choice ? "controls.number" : null, at: new Date(started.getTime() + ++i * 60_000) } });
    }
  }
  for (const [kind, s, n] of [["CONFIDENCE", 4, 1], ["CONFIDENCE", 5, 15], ["CONFIDENCE", 6, 29], ["CONFIDENCE", 7, 43], ["CONFIDENCE", 8, 57]] as const) {
    await p.scaleScore.create({ data: { clientId, goalId: goal.id, kind, score: s, at: day(n, 10) } });
  }
  for (let w = 1; w <= 9; w++) await p.scaleScore.create({ data: { clientId, kind: "WELLBEING", score: [5, 4, 6, 3, 6, 7, 6, 8, 7][w - 1] ?? 5, at: day(w * 7, 10) } });
  await p.job.create({ data: { kind: "reminder.checkin", payload: {}, clientId, dueAt: day(77, 9), idempotencyKey: "golden-checkin" } });
  await p.referral.create({ data: { direction: "OUT", clientId, fromOrgId: team.id, toOrgId: partner.id, filedByMemberId: coachId, status: "accepted", need: "Hulp bij een betalingsregeling voor de energierekening", machineVersion: 1, snapshot: {}, updatedAt: day(40) } });
  await p.nudge.create({ data: { coachId, clientId, cause: "parked_often", detail: { flow: "grow", count: 3 }, openedAt: day(64, 12) } });
});

afterAll(async () => {
  await t?.cleanup();
});

describe("the client file", () => {
  it("of a client with twenty conversations reads as test/golden/client-file.txt", async () => {
    const file = await t.db.prisma.$transaction((tx) => loadClientFile(tx, clientId));
    expect(file?.conversations).toHaveLength(20);
    const actual = clientFileText(clientFileView(createSlackTranslator("nl"), file!, NOW));
    if (process.env["UPDATE_GOLDEN"] === "1") fs.writeFileSync(GOLDEN, actual);
    expect(fs.existsSync(GOLDEN), "client-file.txt is missing: run with UPDATE_GOLDEN=1").toBe(true);
    expect(actual).toBe(fs.readFileSync(GOLDEN, "utf8"));
  });

  it("as Slack blocks stays within Block Kit's limits, with a chart per scale that has two scores or more", async () => {
    const file = await t.db.prisma.$transaction((tx) => loadClientFile(tx, clientId));
    const links = { url: (id: string, scale: string) => `https://koers.example/charts/score.png?c=${id}&k=${scale}` };
    const blocks = fileBlocks({ t: createSlackTranslator("nl") }, clientFileView(createSlackTranslator("nl"), file!, NOW), clientId, links, NOW);
    expect(blocks.length).toBeLessThanOrEqual(100);
    for (const b of blocks) {
      const text = (b as { text?: { text: string } }).text?.text;
      if (text !== undefined) expect(text.length).toBeLessThanOrEqual(3000);
    }
    expect(blocks.filter((b) => b.type === "image").map((b) => (b as { image_url: string }).image_url)).toEqual([
      `https://koers.example/charts/score.png?c=${clientId}&k=CONFIDENCE`,
      `https://koers.example/charts/score.png?c=${clientId}&k=WELLBEING`,
    ]);
  });

  it("opens only for the own coach's team, and every opening is audited", async () => {
    const outsider = await t.db.prisma.member.findUniqueOrThrow({ where: { id: outsiderId } });
    const coach = await t.db.prisma.member.findUniqueOrThrow({ where: { id: coachId } });
    expect((await t.db.prisma.$transaction((tx) => openClientFile(tx, { member: outsider, clientId, via: "test" }))).kind).toBe("notAllowed");
    expect((await t.db.prisma.$transaction((tx) => openClientFile(tx, { member: coach, clientId, via: "test" }))).kind).toBe("ok");
    await t.db.prisma.member.update({ where: { id: coachId }, data: { active: false } });
    expect((await t.db.prisma.$transaction((tx) => openClientFile(tx, { member: { ...coach, active: false }, clientId, via: "test" }))).kind).toBe("notAllowed");
    const rows = await t.db.prisma.auditEvent.findMany({ where: { clientId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["clientFile.refused", outsiderId],
      ["clientFile.viewed", coachId],
      ["clientFile.refused", coachId],
    ]);
  });
});
