/**
 * The engine's fast path (src/conversation/fast-path.ts) against the full way: the same client
 * talk, sent through an engine with it and one without (each with its own client), sends the same
 * messages and leaves the same rows behind (every row about the client, opened, and the same
 * ciphertext shape at rest), and a common answer costs three statements.
 */
import { describe, expect, it } from "vitest";
import { assign, setup } from "xstate";
import { flowRegistry } from "../../flows/index.js";
import { outputActions, say } from "../../flows/lib/actions.js";
import type { ClientEvent, FlowDefinition, FlowInput } from "../../flows/types.js";
import { createEngine, type Engine, type IncomingMessage } from "../../src/conversation/engine.js";
import type { Database } from "../../src/db/client.js";
import type { SqlRunner } from "../../src/db/migrate.js";
import type { OutMessage, TelegramSendPayload } from "../../src/outbox/messages.js";
import { isSealed, openDeep } from "../../src/db/sealed.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { silentLogger } from "../../src/log.js";
import { backends, useDb } from "../support/db.js";
import { inviteClient } from "../support/world.js";

/** Counts the statements the engine sends through `db.sql` (BEGIN and COMMIT are the runner's own). */
function counted(sql: SqlRunner): { runner: SqlRunner; count: { n: number } } {
  const count = { n: 0 };
  const wrap = (r: SqlRunner): SqlRunner => ({
    exec: (s) => (count.n++, r.exec(s)),
    query: (s, p, name) => (count.n++, r.query(s, p, name)),
    queryAndCommit: (s, p, name) => (count.n++, r.queryAndCommit(s, p, name)),
    transaction: (fn) => r.transaction((tx) => fn(wrap(tx))),
  });
  return { runner: wrap(sql), count };
}

async function activeClient(db: Database, chat: number): Promise<string> {
  const { clientId } = await inviteClient(db, { coach: "Ahmed", client: "Samira" });
  await db.prisma.client.update({ where: { id: clientId }, data: { status: "ACTIVE", telegramChatId: BigInt(chat), callName: "Sam" } });
  return clientId;
}

/** What an update left behind for a client, without ids and row timestamps. */
async function stateOf(db: Database, clientId: string) {
  const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  const runs = await db.prisma.flowRun.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });
  const jobs = await db.prisma.job.findMany({ where: { clientId, kind: "telegram.send" }, orderBy: { id: "asc" } });
  return {
    client: { status: client.status, language: client.language, lastClientMessageAt: client.lastClientMessageAt, floodTimes: client.floodTimes, floodSince: client.floodSince, crisisCheckText: client.crisisCheckText },
    runs: runs.map((r) => ({ flowId: r.flowId, status: r.status, turn: r.turn, machineVersion: r.machineVersion, snapshot: r.snapshot, prompt: r.prompt, resumeAt: r.resumeAt, resumeFrom: r.resumeFrom })),
    jobs: jobs.map((j) => ({ status: j.status, priority: j.priority, dueAtSet: j.dueAt instanceof Date, key: j.idempotencyKey.replace(clientId, "<client>").replace(/:u\d+$/, ":u<update>").replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/, "<random>"),
      payload: { ...(j.payload as Record<string, unknown>), chatId: "<chat>" } })),
  };
}


/** A short talk that ends without effects: its last answer ends the run. */
const shortTalk: FlowDefinition = {
  id: "shortTalk",
  version: 1,
  machine: setup({ types: { context: {} as { answers: string[] }, input: {} as FlowInput, events: {} as ClientEvent }, actions: outputActions }).createMachine({
    id: "shortTalk",
    context: { answers: [] },
    initial: "first",
    entry: say("common.idle"),
    states: {
      first: { on: { "client.said": { target: "second", actions: [assign({ answers: ({ event }) => [event.text] }), say("common.idle")] } } },
      second: { on: { "client.said": { target: "done", actions: assign({ answers: ({ context, event }) => [...context.answers, event.text] }) } } },
      done: { type: "final", entry: say("stop.stopped") },
    },
  }),
};

/** One engine with its own client: the fast path on or off. */
interface Side {
  engine: Engine;
  chat: number;
  clientId: string;
  coachId: string;
  /** The messages queued for this client so far, in order. */
  sent: OutMessage[][];
  lastJob: bigint;
  lastUpdate?: IncomingMessage;
}

const START = new Date("2026-03-02T10:00:00.000Z");
let now = START;

async function side(db: Database, runner: { runner: SqlRunner }, chat: number, fastPath: boolean, flows: Record<string, FlowDefinition>, opts: { consent: boolean }): Promise<Side> {
  now = START;
  const engine = createEngine({ db: { ...db, sql: runner.runner }, flows, clock: () => now, logger: silentLogger(), fastPath });
  const clientId = await activeClient(db, chat);
  if (opts.consent) {
    await db.prisma.consentRecord.create({ data: { clientId, subject: "data", textVersion: "onboarding.data@1", decision: "GIVEN", at: new Date("2026-03-01T09:00:00.000Z") } });
  }
  const { coachId } = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  return { engine, chat, clientId, coachId, sent: [], lastJob: 0n };
}

/** What one step of a script does, the same on both sides. */
type Act =
  | { say: string }
  /** The previous update delivered again (same update id). */
  | { again: true }
  /** The first button the client was ever sent: an old question's. */
  | { stale: true }
  /** A button of a question the bot has not asked yet. */
  | { future: true };

let updateId = 70_000;

function messageFor(s: Side, act: Act, id: number): IncomingMessage {
  if ("again" in act) return s.lastUpdate!;
  const buttons = s.sent.flat().flatMap((m) => m.buttons?.flat() ?? []);
  if ("stale" in act) return { updateId: id, chatId: s.chat, input: { kind: "button", data: buttons[0]!.data } };
  if ("future" in act) return { updateId: id, chatId: s.chat, input: { kind: "button", data: "k:999:yes" } };
  // The question before has buttons for what is typed (0-10): the client presses that one.
  const last = s.sent.at(-1) ?? [];
  const press = last.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.data.endsWith(`:${act.say}`));
  return press ? { updateId: id, chatId: s.chat, input: { kind: "button", data: press.data } } : { updateId: id, chatId: s.chat, input: { kind: "text", text: act.say } };
}

/** The messages queued since the last look. */
async function newMessages(db: Database, s: Side): Promise<OutMessage[]> {
  const jobs = await db.prisma.job.findMany({ where: { clientId: s.clientId, kind: "telegram.send", id: { gt: s.lastJob } }, orderBy: { id: "asc" } });
  if (jobs.length) s.lastJob = jobs.at(-1)!.id;
  return jobs.flatMap((j) => (j.payload as unknown as TelegramSendPayload).messages);
}

/** Plays a script on both sides; after each step both sent the same and hold the same rows. Returns the fast side's statements per step. */
async function play(db: Database, sides: Side[], script: Act[], fastCount: { n: number }): Promise<number[]> {
  const statements: number[] = [];
  for (const s of sides) await newMessages(db, s).then((m) => s.sent.push(m));
  for (const [i, act] of script.entries()) {
    now = new Date(now.getTime() + 61_000);
    updateId++;
    const before = fastCount.n;
    const results: string[] = [];
    for (const s of sides) {
      const msg = messageFor(s, act, updateId * 10 + (s.chat % 10));
      s.lastUpdate = msg;
      results.push((await s.engine.handle(msg)).kind);
      s.sent.push(await newMessages(db, s));
      if (s === sides[0]) statements.push(fastCount.n - before);
    }
    const what = `step ${i} (${JSON.stringify(act)})`;
    expect(results[0], what).toBe("again" in act ? "duplicate" : "handled");
    expect(results[1], what).toBe(results[0]);
    expect(sides[0]!.sent.at(-1), `${what}: the messages sent`).toEqual(sides[1]!.sent.at(-1));
    await sameSoFar(db, sides, what);
  }
  return statements;
}

async function sameSoFar(db: Database, sides: Side[], what: string): Promise<void> {
  const [a, b] = [await everything(db, sides[0]!), await everything(db, sides[1]!)];
  expect(a, `${what}: every row of the client`).toEqual(b);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Every row about a client, read through Prisma (so opened), with what differs between two clients
 * by nature made equal: ids become their order of appearance, the chat id and the update ids a
 * mark, and times the database set itself (`now()`, `@updatedAt`) a mark; times Koers set stay.
 */
async function everything(db: Database, s: Side) {
  const clientId = s.clientId;
  const rows = {
    client: await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } }),
    runs: await db.prisma.flowRun.findMany({ where: { clientId }, orderBy: [{ createdAt: "asc" }, { flowId: "asc" }, { status: "asc" }] }),
    answers: await db.prisma.flowAnswer.findMany({ where: { clientId }, orderBy: { id: "asc" } }),
    jobs: await db.prisma.job.findMany({ where: { clientId }, orderBy: { id: "asc" } }),
    consents: await db.prisma.consentRecord.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { subject: "asc" }] }),
    alerts: await db.prisma.crisisAlert.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, include: { events: { orderBy: { id: "asc" } } } }),
    nudges: await db.prisma.nudge.findMany({ where: { clientId }, orderBy: [{ openedAt: "asc" }, { cause: "asc" }] }),
    audit: await db.prisma.auditEvent.findMany({ where: { clientId }, orderBy: { id: "asc" } }),
    goals: await db.prisma.goal.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, include: { steps: { orderBy: { createdAt: "asc" } } } }),
    scores: await db.prisma.scaleScore.findMany({ where: { clientId }, orderBy: { at: "asc" } }),
    phases: await db.prisma.phaseChange.findMany({ where: { clientId }, orderBy: { at: "asc" } }),
  };
  const ids = new Map<string, string>([[clientId, "<client>"], [s.coachId, "<coach>"]]);
  const real = Date.now();
  const norm = (v: unknown, key = ""): unknown => {
    if (v instanceof Date) return Math.abs(v.getTime() - real) < 10 * 60_000 ? "<db now>" : v.toISOString();
    if (typeof v === "bigint") return key === "telegramChatId" ? "<chat>" : "<serial>";
    if (typeof v === "string") {
      // A serial id kept in a JSON detail (an alert event's id): both clients share the tables.
      if (/Id$/.test(key) && /^\d+$/.test(v) && v !== String(s.chat)) return "<serial>";
      return v
        .replace(UUID, (u) => ids.get(u) ?? (ids.set(u, `<id ${ids.size}>`), ids.get(u)!))
        .replace(new RegExp(`^${s.chat}$`), "<chat>")
        .replace(/:u\d+$/, ":u<update>");
    }
    if (Array.isArray(v)) return v.map((x) => norm(x));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x, k)]));
    return v;
  };
  return norm(rows);
}

/**
 * Client words at rest: the fast side's rows hold ciphertext exactly where the full way's do (read
 * past Prisma, with plain SQL), and the ciphertext opens to what Prisma reads.
 */
async function sealedAtRest(db: Database, sides: Side[]): Promise<void> {
  const raw = async (s: Side) => {
    const runs = await db.sql.query<Record<string, unknown>>(`SELECT snapshot, data, prompt, "resumeFrom", outcome FROM "FlowRun" WHERE "clientId" = $1::uuid ORDER BY "createdAt", "flowId", status`, [s.clientId]);
    const answers = await db.sql.query<Record<string, unknown>>(`SELECT text, "promptVars", state, choice FROM "FlowAnswer" WHERE "clientId" = $1::uuid ORDER BY id`, [s.clientId]);
    const jobs = await db.sql.query<Record<string, unknown>>(`SELECT payload FROM "Job" WHERE "clientId" = $1::uuid AND kind = 'telegram.send' ORDER BY id`, [s.clientId]);
    return { runs, answers, jobs };
  };
  const shape = (v: unknown): unknown => {
    if (isSealed(v)) return "<sealed>";
    if (typeof v === "string") return v.replace(/^\d+$/, "<chat>");
    if (Array.isArray(v)) return v.map(shape);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
    return v;
  };
  const [a, b] = [await raw(sides[0]!), await raw(sides[1]!)];
  expect(shape(a), "what is sealed at rest").toEqual(shape(b));
  // Not vacuous: the snapshots, prompts, typed answers and outbox messages are ciphertext.
  expect(a.runs.every((r) => isSealed(r.snapshot))).toBe(true);
  expect(a.jobs.every((j) => isSealed((j.payload as { messages: unknown }).messages))).toBe(true);
  expect(a.answers.filter((x) => x.text !== null).every((x) => isSealed(x.text))).toBe(true);
  // And it opens with the keys Prisma uses.
  const opened = await db.prisma.flowRun.findMany({ where: { clientId: sides[0]!.clientId }, orderBy: [{ createdAt: "asc" }, { flowId: "asc" }, { status: "asc" }] });
  expect(opened.map((r) => r.snapshot)).toEqual(a.runs.map((r) => openDeep(db.keyring, r.snapshot)));
}

describe.each(backends)("the engine's fast path on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  // Two engines through twenty-odd turns each, compared row by row after every turn: 10-25 s on a
  // quiet machine, 40 s once at a load of 12 (a CI run while other suites ran).
  it.runIf(available)("leaves the same rows and sends the same messages as the full way through a GROW talk with duplicates, old buttons, a crisis and a doubt", { timeout: 120_000 }, async () => {
    const db = await freshDb();
    const fast = counted(db.sql);
    const full = counted(db.sql);
    const sides = [await side(db, fast, 5101, true, flowRegistry, { consent: true }), await side(db, full, 5102, false, flowRegistry, { consent: true })];
    for (const s of sides) await s.engine.startConversation(s.clientId, "grow");
    await sameSoFar(db, sides, "after the start");
    // Messy answers as a client types them, a number where the question has buttons for it, and
    // what else a real chat brings: the same update twice, an old button, a button of a question
    // not asked yet, a crisis in the middle (and "verder" after it), a doubt answered with "nee".
    const script: Act[] = [
      { say: "Ik wil werk vinden" }, { again: true }, { say: "voor de zomer" }, { stale: true }, { future: true },
      { say: "ik solliciteer af en toe maar hoor niks terug" },
      { say: "ik wil niet meer leven" }, { say: "oke" }, { say: "verder" },
      { say: "een cursus doen of vrijwilligers werk" },
      { say: "het wordt me allemaal te veel" }, { say: "nee" },
      { say: "vrijwilligerswerk" }, { again: true }, { say: "morgen bellen" }, { say: "mijn zus" }, { say: "7" },
      { say: "dan weet ik beter wat ik wil" }, { say: "ja klopt" }, { say: "dank je wel!!" }, { stale: true },
    ];
    const statements = await play(db, sides, script, fast.count);
    // The full way never goes through the fast path's runner.
    expect(full.count.n).toBe(0);
    // A plain answer: lock and read, record and read the run, one write; the first two are plain.
    expect(statements[0]).toBe(3);
    expect(statements[2]).toBe(3);
    expect(statements.filter((n) => n === 3).length).toBeGreaterThanOrEqual(6);
    // The script did what it says: the crisis reached both as an urgent answer and an alert,
    // the doubt was asked about, and the answers are in the client file.
    for (const s of sides) {
      const jobs = await db.prisma.job.findMany({ where: { clientId: s.clientId, kind: "telegram.send" } });
      expect(jobs.some((j) => j.priority === 1 && (j.payload as unknown as TelegramSendPayload).urgent)).toBe(true);
      expect(jobs.some((j) => (j.payload as unknown as TelegramSendPayload).messages.some((m) => m.key === "crisis.check.ask"))).toBe(true);
      expect(await db.prisma.crisisAlert.count({ where: { clientId: s.clientId } })).toBe(1);
      const answers = await db.prisma.flowAnswer.findMany({ where: { clientId: s.clientId } });
      expect(answers.map((a) => a.text)).toContain("ik solliciteer af en toe maar hoor niks terug");
    }
    await sealedAtRest(db, sides);
  });

  it.runIf(available)("without consent keeps no answers, the same way, and a talk without buttons ends the same", async () => {
    const db = await freshDb();
    const fast = counted(db.sql);
    const full = counted(db.sql);
    const flows = { ...flowRegistry, shortTalk };
    const sides = [await side(db, fast, 5401, true, flows, { consent: false }), await side(db, full, 5402, false, flows, { consent: false })];
    for (const s of sides) await s.engine.startConversation(s.clientId, "grow");
    const statements = await play(db, sides, [{ say: "Ik wil weer werken" }, { say: "voor de zomer" }, { again: true }], fast.count);
    expect(statements).toEqual([3, 3, 2]);
    for (const s of sides) {
      expect(await db.prisma.flowAnswer.count({ where: { clientId: s.clientId } })).toBe(0);
      await s.engine.startConversation(s.clientId, "shortTalk");
    }
    expect(await play(db, sides, [{ say: "eerste antwoord" }, { say: "ok dat was t" }], fast.count)).toEqual([3, 3]);
    // Then consent given: the next talk keeps its answers and what came out of it.
    for (const s of sides) {
      await db.prisma.consentRecord.create({ data: { clientId: s.clientId, subject: "data", textVersion: "onboarding.data@1", decision: "GIVEN", at: new Date("2026-03-02T09:00:00.000Z") } });
      await s.engine.startConversation(s.clientId, "shortTalk");
    }
    expect(await play(db, sides, [{ say: "yes first" }, { say: "and second, in English" }], fast.count)).toEqual([3, 3]);
    for (const s of sides) {
      const ended = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: s.clientId, flowId: "shortTalk", outcome: { not: Prisma.DbNull } } });
      expect(ended.outcome).toMatchObject({ state: "done", context: { answers: ["yes first", "and second, in English"] }, parks: 0 });
      expect(ended.endedAt).not.toBeNull();
    }
    expect(full.count.n).toBe(0);
    await sealedAtRest(db, sides);
  });

  it.runIf(available)("a second delivery of the same answer is a duplicate, and a crisis message in a talk takes the full way", async () => {
    const db = await freshDb();
    const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger() });
    const clientId = await activeClient(db, 5201);
    await engine.startConversation(clientId, "grow");
    const answer: IncomingMessage = { updateId: 88_001, chatId: 5201, input: { kind: "text", text: "Ik wil werk vinden" } };
    expect((await engine.handle(answer)).kind).toBe("handled");
    expect((await engine.handle(answer)).kind).toBe("duplicate");
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
    expect(run.turn).toBe(2);
    await engine.handle({ updateId: 88_002, chatId: 5201, input: { kind: "text", text: "ik wil niet meer leven" } });
    const jobs = await db.prisma.job.findMany({ where: { clientId, kind: "telegram.send" }, orderBy: { id: "asc" } });
    const last = jobs.at(-1)!;
    expect(last.priority).toBe(1);
    expect((last.payload as unknown as TelegramSendPayload).urgent).toBe(true);
    expect(await db.prisma.flowRun.count({ where: { clientId, status: "ACTIVE" } })).toBe(0);
  });

  it.runIf(available)("ends a talk the same way, with and without a parked conversation waiting after it", async () => {
    const db = await freshDb();
    const now = new Date("2026-03-02T10:00:00.000Z");
    const flows = { ...flowRegistry, shortTalk };
    const fast = counted(db.sql);
    const sides: [Engine, number, string][] = [];
    for (const [chat, fastPath] of [[5301, true], [5302, false]] as const) {
      const engine = createEngine({ db: { ...db, sql: fast.runner }, flows, clock: () => now, logger: silentLogger(), fastPath });
      sides.push([engine, chat, await activeClient(db, chat)]);
    }
    let updateId = 99_000;
    for (const parked of [false, true]) {
      for (const [engine, , clientId] of sides) {
        if (parked) {
          // A GROW put aside ("niet nu" style): when the short talk ends, it may come back.
          await engine.startConversation(clientId, "grow");
          await db.prisma.flowRun.updateMany({ where: { clientId, flowId: "grow", status: "ACTIVE" }, data: { status: "PARKED", resumeFrom: { interrupted: true } } });
        }
        await engine.startConversation(clientId, "shortTalk");
      }
      for (const text of ["eerste antwoord", "tweede antwoord"]) {
        updateId++;
        for (const [engine, chat] of sides) {
          expect((await engine.handle({ updateId: updateId * 10 + (chat % 10), chatId: chat, input: { kind: "text", text } })).kind).toBe("handled");
        }
        expect(await stateOf(db, sides[0]![2]), `${parked ? "with" : "without"} a parked talk, after "${text}"`).toEqual(await stateOf(db, sides[1]![2]));
      }
    }
    const runs = await db.prisma.flowRun.findMany({ where: { clientId: sides[0]![2] }, orderBy: { createdAt: "asc" } });
    // The first short talk ended; the second ended and the parked GROW came back at its question.
    expect(runs.map((r) => [r.flowId, r.status])).toEqual([["shortTalk", "DONE"], ["grow", "ACTIVE"], ["shortTalk", "DONE"]]);
  });
});
