/**
 * The re-ask after a send in doubt (src/jobs/telegram-send.ts, the engine's `reask`): the real
 * engine, flows and job queue on a fake clock; a crash is left in the database as a killed
 * instance leaves it (the job RUNNING, its lease run out, a message in flight).
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createTranslator } from "../../src/i18n.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { renderMessage } from "../../src/outbox/render.js";
import { activeClient, backends, fakeClock, useDb, type ClientOptions, type FakeClock } from "./support.js";
import { jobsWorld } from "./world.js";

let update = 71_000;
// Ahead of the real clock: the outbox's own rows are due at the database's now().
const MONDAY_10 = "2027-01-11T09:00:00Z";

const world = (db: Database, clock: FakeClock) => jobsWorld(db, clock, () => update++);

async function sendJobs(db: Database, clientId: string) {
  const jobs = await db.prisma.job.findMany({ where: { clientId, kind: "telegram.send" }, orderBy: { id: "asc" } });
  return jobs.map((j) => ({ ...j, p: j.payload as unknown as TelegramSendPayload }));
}

/** Leaves the client's newest send job as an instance killed while sending message `index` leaves it. */
async function crashWhileSending(db: Database, clientId: string, clock: FakeClock, index = 0): Promise<bigint> {
  const [last] = (await sendJobs(db, clientId)).reverse();
  if (!last) throw new Error("nothing queued");
  const payload = { ...last.p, sent: index, inFlight: index, inFlightAt: clock.now().toISOString() };
  await db.prisma.job.update({
    where: { id: last.id },
    data: { status: "RUNNING", lockedBy: "gone:1", lockedUntil: new Date(clock.now().getTime() - 1000), attempts: 1, payload: payload as object },
  });
  return last.id;
}

const reaskJobs = (db: Database, clientId: string) => db.prisma.job.findMany({ where: { clientId, kind: "conversation.reask" } });

describe.each(backends)("the re-ask after a crash on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  /** A fresh database, an active client and the world around them, on a clock at MONDAY_10. */
  async function start(options?: ClientOptions) {
    const db = await newDb();
    const clock = fakeClock(MONDAY_10);
    const { clientId, chatId } = await activeClient(db, options);
    const w = world(db, clock);
    /** A crash while sending the newest message, then the lease runs out and the jobs run again. */
    const crashAndRecover = async () => {
      const job = await crashWhileSending(db, clientId, clock);
      clock.advance(5000);
      await w.dispatcher.drain();
      return job;
    };
    return { ...w, db, clock, clientId, chatId, crashAndRecover };
  }

  it.runIf(available)("sends the question in doubt again, once, in one marked message with live buttons", async () => {
    const w = await start({ callName: "Sam" });
    const { db, clientId, chatId } = w;
    await w.say(chatId, "hoi");
    await w.crashAndRecover();

    // The menu was in doubt: not sent again as it was, but once with the note on top.
    expect(w.sender.sent.map((m) => m.key)).toEqual(["common.reask"]);
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
    expect(run.flowId).toBe("menu");
    expect(w.sender.sent[0]?.buttons).toEqual(["grow", "checkin", "miracle", "scaling", "later"].map((c) => `k:${run.turn}:${c}`));
    const [menu, reask] = await sendJobs(db, clientId);
    expect(menu?.p).toMatchObject({ uncertain: [0], sent: 1 });
    expect(reask?.p.reask).toBe(true);
    const text = renderMessage(createTranslator(), "nl", reask!.p.messages[0]!).text;
    expect(text).toBe(
      `Misschien kreeg je mijn vorige bericht niet. Hier is het nog een keer:\n${createTranslator().t("nl", "menu.ask", { name: "Sam" })}`,
    );
    expect(renderMessage(createTranslator(), "en", reask!.p.messages[0]!).text).toMatch(/^Maybe my last message did not reach you\. Here it is again:\n/);

    // The button under the re-ask works.
    await w.press(chatId, `k:${run.turn}:later`);
    await w.dispatcher.drain();
    expect(w.sender.sent.map((m) => m.key)).toEqual(["common.reask", "menu.laterOk"]);
    expect(await reaskJobs(db, clientId)).toHaveLength(1);
  });

  it.runIf(available)("asks nothing when the client wrote after the message in doubt went out (it was answered)", async () => {
    const w = await start();
    const { db, clock, clientId, chatId } = w;
    await w.say(chatId, "hallo");
    await crashWhileSending(db, clientId, clock);
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
    // The menu did arrive: the client pressed "niet nu" while the crashed job still waited for its lease.
    clock.advance(1000);
    await w.press(chatId, `k:${run.turn}:later`);
    clock.advance(2000);
    await w.dispatcher.drain();
    expect(w.sender.sent.map((m) => m.key)).toEqual(["menu.laterOk"]);
    const [reask] = await reaskJobs(db, clientId);
    expect(reask?.status).toBe("DONE");
    expect((await sendJobs(db, clientId)).map((j) => j.p.messages[0]?.key)).toEqual(["menu.ask", "menu.laterOk"]);
  });

  it.runIf(available)("with no conversation going on, repeats the message in doubt as it was", async () => {
    const w = await start();
    const { db, clock, clientId, chatId } = w;
    await w.say(chatId, "hoi");
    await w.dispatcher.drain();
    const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId, status: "ACTIVE" } });
    clock.advance(1000);
    await w.press(chatId, `k:${run.turn}:later`);
    await w.crashAndRecover();
    expect(w.sender.sent.map((m) => m.key)).toEqual(["menu.ask", "common.reask"]);
    const reask = (await sendJobs(db, clientId)).at(-1);
    expect(reask?.p.messages).toEqual([{ key: "common.reask", lines: [{ key: "menu.laterOk" }] }]);
  });

  it.runIf(available)("repeats what the client waits for, not the conversation's question: /pauze confirmed", async () => {
    const w = await start();
    const { db, clock, clientId, chatId } = w;
    await w.say(chatId, "hoi");
    await w.dispatcher.drain();
    clock.advance(1000);
    await w.engine.handle({ updateId: update++, chatId, input: { kind: "command", command: "pauze", args: "" } });
    await w.crashAndRecover();
    expect(w.sender.sent.map((m) => m.key)).toEqual(["menu.ask", "common.reask"]);
    expect((await sendJobs(db, clientId)).at(-1)?.p.messages).toEqual([{ key: "common.reask", lines: [{ key: "pause.done" }] }]);
  });

  it.runIf(available)("a crash around the re-ask gives no second one: the job run again queues it once, a re-ask in doubt is sent again", async () => {
    const w = await start();
    const { db, clock, clientId, chatId } = w;
    await w.say(chatId, "goedemorgen");
    const menuJob = await w.crashAndRecover();
    expect(w.sender.sent.map((m) => m.key)).toEqual(["common.reask"]);

    // Killed again after the re-ask was queued and before the job was marked done: it runs again.
    const menu = await db.prisma.job.findUniqueOrThrow({ where: { id: menuJob } });
    await db.prisma.job.update({
      where: { id: menuJob },
      data: { status: "RUNNING", lockedBy: "gone:2", lockedUntil: new Date(clock.now().getTime() - 1000), payload: { ...(menu.payload as object), sent: 0, inFlight: 0 } },
    });
    // And killed while the re-ask itself was on its way.
    await w.crashAndRecover();

    // The re-ask is sent again (marked, and it must not be lost); no re-ask of the re-ask, and one re-ask job in all.
    expect(w.sender.sent.map((m) => m.key)).toEqual(["common.reask", "common.reask"]);
    expect(await reaskJobs(db, clientId)).toHaveLength(1);
    const jobs = await sendJobs(db, clientId);
    expect(jobs.map((j) => [j.status, j.p.reask ?? false])).toEqual([
      ["DONE", false],
      ["DONE", true],
    ]);
    expect(jobs[1]?.p.uncertain).toBeUndefined();
  });
});
