/**
 * Three instances of the real service (`dist/src/main.js`, webhook mode) on one PostgreSQL, sending
 * through one fake Bot API that notes when each message arrives:
 *
 * - every update is posted to two of the instances at once, as a retrying Telegram or a load
 *   balancer may do: each is handled once (one reply per update);
 * - each signed Slack request likewise: one instance handles it, the other refuses it as a
 *   replay;
 * - then a burst: many clients' messages due at the same moment, a few clients with several
 *   turns waiting, and one crisis answer. Telegram's limits are held by the three together: at
 *   most 30 messages in any second for the bot, and per chat a short burst (3) and then one a
 *   second. The crisis answer is the documented exception: it skips the chat's pacing and the
 *   queue, and still counts.
 *
 * With the limits kept per process (as before), the fake saw 114 messages in one second.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { enqueueTelegram } from "../../src/outbox/messages.js";
import { commandUpdate, textUpdate } from "../fixtures/updates.js";
import { freshPostgresDb, pgAvailable, pgSkipReason, type PostgresTestDb } from "../support/db.js";
import { nlText } from "../support/service.js";
import { inviteClient, type InvitedClient } from "../support/world.js";
import { startFakeSlack, type FakeSlack } from "../slack/fake-slack.js";
import { commandBody, postSigned, SIGNING_SECRET } from "../slack/referrals/signed.js";
import { FAKE_TOKEN, type Delivery } from "./fake-telegram.js";
import { spawnFakeTelegram, spawnService, until, type FakeTelegramProcess, type ServiceProcess } from "./processes.js";

const SECRET = "webhook-secret-for-three-instances";
const CLIENTS = 24;
const BURST_CLIENTS = 150;
/** Clients with several turns waiting at once, each its own job (they may go to any instance). */
const BUSY_CLIENTS = 4;
const TURNS_EACH = 5;

/** The most messages in any window of `ms` milliseconds (half open: [t, t + ms)). */
function mostInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= ms) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/**
 * Messages of one chat that break "a burst of 3, then one a second": any run of messages
 * i..j with more than 3 + (seconds between them) in it. Arrival times may be out of step by
 * `slackMs` (a timer or a request a little late), which is allowed for.
 */
function chatPacingBreaks(times: number[], slackMs: number): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const breaks: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 3; j < sorted.length; j++) {
      const span = (sorted[j] ?? 0) - (sorted[i] ?? 0);
      if (j - i + 1 > 3 + Math.floor((span + slackMs) / 1000)) breaks.push(`${j - i + 1} messages in ${span} ms`);
    }
  }
  return breaks;
}

async function post(port: number, update: Update): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(!pgAvailable())(`three service instances on one PostgreSQL, in webhook mode${pgAvailable() ? "" : ` (skipped: ${pgSkipReason()})`}`, () => {
  let t: PostgresTestDb | undefined;
  let telegram: FakeTelegramProcess | undefined;
  let slack: FakeSlack | undefined;
  const services: ServiceProcess[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
    await telegram?.stop();
    await slack?.close();
    await t?.cleanup();
  });

  it("handle each update once and keep Telegram's limits together", { timeout: 240_000 }, async () => {
    t = await freshPostgresDb();
    // In a process of its own, so the arrival times it notes are not delayed by this test's work.
    telegram = await spawnFakeTelegram({ latencyMs: 5 });
    slack = await startFakeSlack();
    const { db } = t;
    const env = {
      DATABASE_URL: t.url,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      PUBLIC_URL: "https://koers.example.nl",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-0000000000-0000000000000-ThreeInstancesTest",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    };
    services.push(spawnService(env), spawnService(env), spawnService(env));
    const ports = await Promise.all(services.map((s) => s.port));

    // --- Each update to two instances at once.
    const chatOf = (i: number) => 71_000 + i;
    const invited: InvitedClient[] = [];
    for (let i = 0; i < CLIENTS; i++) invited.push(await inviteClient(db, { coach: "Ahmed", client: `Client ${i}` }));
    const updates: Update[][] = invited.map((c, i) => [
      commandUpdate(chatOf(i), `/start ${c.code}`),
      // What a client types under the consent question, in their own words.
      textUpdate(chatOf(i), i % 2 ? "ja is goed hoor" : "wat moet ik doen??"),
    ]);
    await Promise.all(
      updates.map(async (mine, i) => {
        for (const update of mine) {
          // Two instances, chosen per client, get the very same update at the same moment.
          const statuses = await Promise.all([post(ports[i % 3] ?? 0, update), post(ports[(i + 1) % 3] ?? 0, update)]);
          expect(statuses).toEqual([200, 200]);
        }
      }),
    );
    // Idle: nothing left to send, nor a re-ask that may still queue a message (a send job in doubt
    // queues its re-ask just before it is done).
    const outboxIdle = async () => (await db.prisma.job.count({ where: { kind: { in: ["telegram.send", "conversation.reask"] }, status: { in: ["PENDING", "RUNNING"] } } })) === 0;
    await until("the replies to be sent", outboxIdle, 120_000);

    expect(await db.prisma.processedUpdate.count()).toBe(CLIENTS * 2);
    const replies = new Map<string, Delivery[]>();
    for (const d of await telegram.deliveries()) replies.set(d.chatId, [...(replies.get(d.chatId) ?? []), d]);
    for (const [i, client] of invited.entries()) {
      // One turn per update, and exactly the messages of those turns reached the client.
      const turns = await db.prisma.job.findMany({ where: { clientId: client.clientId, kind: "telegram.send" }, orderBy: { id: "asc" } });
      expect(turns.map((j) => j.status)).toEqual(["DONE", "DONE"]);
      const queued = turns.flatMap((j) => (j.payload as { messages: unknown[] }).messages);
      const got = replies.get(String(chatOf(i))) ?? [];
      expect(got).toHaveLength(queued.length);
      expect(got.slice(0, 4).map((d) => d.text)).toEqual([
        nlText("onboarding.welcome"),
        nlText("onboarding.whoAmI", { coach: "Ahmed" }),
        nlText("onboarding.whatWeSave", { coach: "Ahmed" }),
        nlText("onboarding.consent.ask"),
      ]);
    }
    const afterUpdates = (await telegram.deliveries()).length;

    // --- The same signed Slack request to two instances at once: one handles it, the other
    // refuses it as a replay (the guard is a table, shared by the instances).
    const coach = invited[0];
    if (coach) await db.prisma.member.update({ where: { id: coach.coachId }, data: { slackUserId: "UAHMED3" } });
    const slackStatuses: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const body = commandBody("/verwijs", "UAHMED3");
      const ts = Math.floor(Date.now() / 1000);
      const to = (port: number) => postSigned(`http://127.0.0.1:${port}/slack/events`, body, { ts }).then((r) => r.status);
      slackStatuses.push(await Promise.all([to(ports[i] ?? 0), to(ports[(i + 1) % 3] ?? 0)]));
    }
    expect(slackStatuses.map((pair) => [...pair].sort())).toEqual([
      [200, 401],
      [200, 401],
      [200, 401],
    ]);
    // Each handled request answered the coach once (a private note and a direct message).
    expect(slack.calls.filter((c) => c.method === "chat.postEphemeral")).toHaveLength(3);
    expect(slack.calls.filter((c) => c.method === "conversations.open")).toHaveLength(3);

    // --- A burst: everything due at once.
    const burst: InvitedClient[] = [];
    for (let i = 0; i < BURST_CLIENTS; i++) burst.push(await inviteClient(db, { coach: "Fatima", client: `Burst ${i}` }));
    const crisisChat = String(chatOf(0));
    await db.prisma.$transaction(async (tx) => {
      for (const [i, c] of burst.entries()) {
        await enqueueTelegram(tx, { clientId: c.clientId, chatId: BigInt(72_000 + i), language: "nl", messages: [{ key: "pause.back" }] });
      }
      for (let i = 0; i < BUSY_CLIENTS; i++) {
        for (let turn = 0; turn < TURNS_EACH; turn++) {
          const c = invited[i];
          if (c) await enqueueTelegram(tx, { clientId: c.clientId, chatId: BigInt(chatOf(i)), language: "nl", messages: [{ key: "help.text" }] });
        }
      }
      const first = invited[0];
      if (first) await enqueueTelegram(tx, { clientId: first.clientId, chatId: BigInt(crisisChat), language: "nl", messages: [{ key: "crisis.answer.acute" }], urgent: true });
    });
    await until("the burst to be sent", outboxIdle, 120_000);
    const all = await telegram.deliveries();
    const burstSent = all.slice(afterUpdates);
    expect(burstSent).toHaveLength(BURST_CLIENTS + BUSY_CLIENTS * TURNS_EACH + 1);

    // --- Telegram's limits, as the fake Bot API saw the messages arrive.
    const crisisText = nlText("crisis.answer.acute");
    const isCrisis = (d: Delivery) => d.text === crisisText;
    expect(all.filter(isCrisis)).toHaveLength(1);
    const seconds = (Math.max(...all.map((d) => d.at)) - Math.min(...all.map((d) => d.at))) / 1000;
    const peak = mostInWindow(all.map((d) => d.at), 1000);


    expect(peak, `the most messages in one second (of ${all.length} in ${seconds.toFixed(1)} s)`).toBeLessThanOrEqual(30);
    const chats = new Map<string, number[]>();
    for (const d of all.filter((x) => !isCrisis(x))) chats.set(d.chatId, [...(chats.get(d.chatId) ?? []), d.at]);
    for (const [chat, times] of chats) expect(chatPacingBreaks(times, 200), `chat ${chat}`).toEqual([]);
    // The crisis answer was not held up by the burst's queue nor by its chat's pacing.
    expect(burstSent.findIndex(isCrisis)).toBeLessThan(20);

    process.stdout.write(`three instances: ${all.length} messages in ${seconds.toFixed(1)} s, at most ${peak} in one second\n`);
  });
});
