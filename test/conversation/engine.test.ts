import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { createEngine, type Engine, type IncomingMessage } from "../../src/conversation/engine.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { silentLogger } from "../../src/log.js";
import { backends, useDb } from "../support/db.js";
import { button, expectOnboardedSam, inviteClient, keys, takeMessages } from "../support/world.js";

const CHAT = 424242;
let nextUpdate = 1000;

function engineFor(db: Database, clock = () => new Date()): Engine {
  return createEngine({ db, flows: flowRegistry, clock, logger: silentLogger() });
}

const said = (text: string, updateId = nextUpdate++): IncomingMessage => ({ updateId, chatId: CHAT, input: { kind: "text", text } });
const pressed = (data: string, updateId = nextUpdate++): IncomingMessage => ({ updateId, chatId: CHAT, input: { kind: "button", data } });
const command = (name: string, args = "", updateId = nextUpdate++): IncomingMessage => ({
  updateId,
  chatId: CHAT,
  input: { kind: "command", command: name, args },
});

describe.each(backends)("engine on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("links the chat with /start <code> and runs onboarding to the end", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const invited = await inviteClient(db, { coach: "Ahmed", client: "Samira" });

    await engine.handle(command("start", invited.code));
    let out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["onboarding.welcome", "onboarding.whoAmI", "onboarding.whatWeSave", "onboarding.consent.ask"]);
    expect(out[1]?.vars).toEqual({ name: "Samira", coach: "Ahmed" });

    await engine.handle(pressed(button(out, "yes")));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["onboarding.name.ask"]);

    await engine.handle(said("Sam"));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["onboarding.reminders.ask"]);
    await engine.handle(said("ja hoor"));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["onboarding.reminders.when"]);
    await engine.handle(said("'s avonds"));
    out = await takeMessages(db, invited.clientId);
    await engine.handle(pressed(button(out, "14")));
    out = await takeMessages(db, invited.clientId);
    expect(keys(out)).toEqual(["onboarding.reminders.yesOk", "onboarding.done"]);

    await expectOnboardedSam(db, invited.clientId, CHAT);
    expect(await db.prisma.flowRun.findFirst({ where: { clientId: invited.clientId } })).toMatchObject({ status: "DONE" });
  });

  it.runIf(available)("handles the same update once, also when delivered twice at the same time", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const invited = await inviteClient(db);
    await engine.handle(command("start", invited.code));
    await takeMessages(db, invited.clientId);
    const update = said("hm?");
    const results = await Promise.all([engine.handle(update), engine.handle(update)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["duplicate", "handled"]);
    expect(keys(await takeMessages(db, invited.clientId))).toEqual(["onboarding.consent.unclear", "onboarding.consent.ask"]);
    // A later redelivery is dropped too.
    expect(await engine.handle(update)).toEqual({ kind: "duplicate" });
  });

  it.runIf(available)("never interleaves updates of one client, also from two instances", async () => {
    // This one needs the database's URL, for a second connection.
    const t = await fresh();
    onTestFinished(() => t.cleanup());
    const { db } = t;
    const invited = await inviteClient(db);
    await engineFor(db).handle(command("start", invited.code));
    // A second engine with its own connections, as another instance of the service would have.
    const other = "url" in t && typeof t.url === "string" ? await openDatabase({ kind: "postgres", url: t.url , dataKey: process.env.KOERS_DATA_KEY ?? "" }) : db;
    try {
      const engines = [engineFor(db), engineFor(other)];
      const n = 8;
      await Promise.all(Array.from({ length: n }, (_, i) => engines[i % 2]!.handle(said(`eh ${i}`))));
      const run = await db.prisma.flowRun.findFirstOrThrow({ where: { clientId: invited.clientId } });
      // Each update saw the snapshot the previous one saved: no lost update.
      expect(run.turn).toBe(1 + n);
      const queued = await db.prisma.job.count({ where: { clientId: invited.clientId, kind: "telegram.send" } });
      expect(queued).toBe(1 + n);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it.runIf(available)("restarts a flow calmly when its saved snapshot is from an older version", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const invited = await inviteClient(db);
    await engine.handle(command("start", invited.code));
    await engine.handle(pressed("k:1:yes"));
    await takeMessages(db, invited.clientId);
    await db.prisma.flowRun.updateMany({ where: { clientId: invited.clientId }, data: { machineVersion: 0 } });
    await engine.handle(said("Sam"));
    const out = await takeMessages(db, invited.clientId);
    expect(keys(out)[0]).toBe("common.restartPart");
    expect(keys(out)).toContain("onboarding.consent.ask");
    const runs = await db.prisma.flowRun.findMany({ where: { clientId: invited.clientId }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["ABORTED", "ACTIVE"]);

    // A snapshot whose state no longer exists is handled the same way.
    const active = runs[1]!;
    await db.prisma.flowRun.update({
      where: { id: active.id },
      data: { snapshot: { ...(active.snapshot as object), value: "stateThatWasRemoved" } },
    });
    await engine.handle(said("ja"));
    expect(keys(await takeMessages(db, invited.clientId))[0]).toBe("common.restartPart");
  });

  it.runIf(available)("refuses unknown, used and expired codes and stores nothing for them", async () => {
    const db = await freshDb();
    const now = new Date("2026-11-23T10:00:00Z");
    let clock = now;
    const engine = engineFor(db, () => clock);
    const invited = await inviteClient(db, { now, days: 14 });
    const counts = async () => [await db.prisma.client.count(), await db.prisma.job.count(), await db.prisma.processedUpdate.count(), await db.prisma.flowRun.count()];
    const before = await counts();

    expect(await engine.handle(command("start"))).toMatchObject({ kind: "direct", replies: [{ key: "start.noCode" }] });
    expect(await engine.handle(command("start", "AAAAAAAAAAAAAAAAAAAAAA"))).toMatchObject({ replies: [{ key: "start.unknownCode" }] });
    expect(await engine.handle(command("start", "<script>"))).toMatchObject({ replies: [{ key: "start.unknownCode" }] });
    expect(await engine.handle(said("hallo"))).toMatchObject({ replies: [{ key: "start.noCode" }] });
    clock = new Date(now.getTime() + 15 * 24 * 3600 * 1000);
    expect(await engine.handle(command("start", invited.code))).toMatchObject({ replies: [{ key: "start.expiredCode" }] });
    expect(await counts()).toEqual(before);

    clock = now;
    await engine.handle(command("start", invited.code));
    const otherChat: IncomingMessage = { updateId: nextUpdate++, chatId: CHAT + 1, input: { kind: "command", command: "start", args: invited.code } };
    expect(await engine.handle(otherChat)).toMatchObject({ replies: [{ key: "start.usedCode" }] });
  });

  it.runIf(available)("makes a client who had blocked the bot reachable again when they write", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const invited = await inviteClient(db);
    await engine.handle(command("start", invited.code));
    await db.prisma.client.update({ where: { id: invited.clientId }, data: { status: "UNREACHABLE" } });
    await engine.handle(said("hallo"));
    expect(await db.prisma.client.findUniqueOrThrow({ where: { id: invited.clientId } })).toMatchObject({ status: "ONBOARDING" });
  });
});

describe.each(backends)("engine.withClient on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  async function someClient(db: Database, linked: boolean) {
    const team = await db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Team Zuid" } });
    const coach = await db.prisma.member.create({ data: { organisationId: team.id, name: "Noor", role: "COACH" } });
    return db.prisma.client.create({ data: { coachId: coach.id, name: "Kees", callName: "Kees", status: "ACTIVE", telegramChatId: linked ? BigInt(CHAT + 7) : null } });
  }

  it.runIf(available)("gives the job the locked client and its result, and starts a talk in the same transaction as a message the bot begins", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const client = await someClient(db, true);
    const result = await engine.withClient(client.id, async ({ client: locked, start }) => {
      expect(locked.id).toBe(client.id);
      await start("checkin", {}, [{ key: "reminders.checkin.intro" }]);
      return "started";
    });
    expect(result).toBe("started");
    const jobs = await db.prisma.job.findMany({ where: { clientId: client.id, kind: "telegram.send" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toMatchObject({ proactive: true });
    expect(keys(await takeMessages(db, client.id))[0]).toBe("reminders.checkin.intro");
    expect(await db.prisma.flowRun.findFirst({ where: { clientId: client.id, status: "ACTIVE" } })).toMatchObject({ flowId: "checkin" });
  });

  it.runIf(available)("decides to start nothing, or cannot start for a client without Telegram: nothing written stays", async () => {
    const db = await freshDb();
    const engine = engineFor(db);
    const active = await someClient(db, true);
    expect(await engine.withClient(active.id, async () => "skipped")).toBe("skipped");
    expect(await db.prisma.job.count({ where: { clientId: active.id } })).toBe(0);

    const unlinked = await db.prisma.client.create({ data: { coachId: active.coachId, name: "Els", status: "ACTIVE" } });
    await expect(
      engine.withClient(unlinked.id, async ({ tx, client, start }) => {
        await tx.client.update({ where: { id: client.id }, data: { callName: "written before the start" } });
        await start("checkin");
      }),
    ).rejects.toMatchObject({ name: "ConversationError" });
    expect(await db.prisma.client.findUnique({ where: { id: unlinked.id } })).toMatchObject({ callName: null });
    await expect(engine.withClient(randomUUID(), async () => undefined)).rejects.toMatchObject({ name: "ConversationError" });
  });
});
