/**
 * A person follows up a crisis: the coach's urgent DM, the escalation to the team after 30
 * minutes on a fake clock, the coach without Slack, a second signal in the alert's thread, the
 * buttons over real signed Bolt requests (only the coach and their team), and the hold on
 * nudges until "hervat herinneringen". The engine, the durable job queue and the Slack app are
 * the real ones; Slack's Web API is a local fake.
 */
import type http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { createEngine, type Engine } from "../../src/conversation/engine.js";
import { createReferralService } from "../../src/domain/referrals/service.js";
import { openNudge } from "../../src/domain/nudges.js";
import type { Member } from "../../src/generated/prisma/client.js";
import { close, createHttpServer, listen } from "../../src/http/server.js";
import { createTranslator } from "../../src/i18n.js";
import { createDispatcher } from "../../src/jobs/dispatcher.js";
import { coachNudgeHandler } from "../../src/jobs/nudge-jobs.js";
import type { TelegramSendPayload } from "../../src/outbox/messages.js";
import { createSlackApp } from "../../src/slack/app.js";
import { crisisHandlers } from "../../src/slack/crisis.js";
import { createWebClient } from "../../src/slack/web.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createSlackNudgeSink } from "../../src/slack/nudge-sink.js";
import { SLACK_EVENTS_PATH } from "../../src/slack/receiver.js";
import { fakeClock, type FakeClock } from "../jobs/support.js";
import { freshEmbeddedDb, type EmbeddedTestDb } from "../support/db.js";
import { memoryLogger } from "../support/service.js";
import { startFakeSlackApi, type FakeSlackApi, type SlackCall } from "./referrals/fake-slack-api.js";
import { actionsBody, button, homeOpenedBody, inMessage, inView, postSigned, SIGNING_SECRET } from "./referrals/signed.js";

const MIN = 60_000;
const TOKEN = "xoxb-test-token";

interface World {
  t: EmbeddedTestDb;
  clock: FakeClock;
  slack: FakeSlackApi;
  engine: Engine;
  url: string;
  server: http.Server;
  drain(): Promise<void>;
  telegram: TelegramSendPayload[];
  coach: Member;
  contact: Member;
  backup: Member;
  outsider: Member;
  clientId: string;
  chatId: number;
  say(text: string): Promise<void>;
  /** Waits for the listener work that follows Slack's answer (messages, views). */
  settled(): Promise<void>;
  press(action: string, user: string, channel: string, ts: string): Promise<void>;
}

let updates = 70_000;

async function world(opts: { coachSlack?: string | null } = {}): Promise<World> {
  const t = await freshEmbeddedDb();
  const db = t.db;
  const clock = fakeClock("2027-03-10T09:00:00.000Z");
  const slack = await startFakeSlackApi();
  const { logger } = memoryLogger("warn");
  const p = db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: "Coachteam Noord", referralChannel: "CTEAM" } });
  const coach = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: opts.coachSlack === undefined ? "UAHMED" : opts.coachSlack } });
  const contact = await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH", slackUserId: "UFLEUR" } });
  const backup = await p.member.create({ data: { organisationId: team.id, name: "Karim", role: "COACH", slackUserId: "UKARIM" } });
  await p.organisation.update({ where: { id: team.id }, data: { contactMemberId: contact.id, backupMemberId: backup.id } });
  const partner = await p.organisation.create({ data: { kind: "PARTNER", name: "Schuldhulp Oost", referralChannel: "CPARTNER" } });
  const outsider = await p.member.create({ data: { organisationId: partner.id, name: "Petra", role: "PARTNER", slackUserId: "UPETRA" } });
  const chatId = 810_000 + Math.floor(Math.random() * 1000);
  const client = await p.client.create({ data: { name: "Samira El Amrani", callName: "Sam", coachId: coach.id, status: "ACTIVE", telegramChatId: BigInt(chatId), remindersWanted: true, reminderDaypart: "morning" } });
  const engine = createEngine({ db, flows: flowRegistry, clock: clock.now, logger, crisisEscalateMinutes: 30 });
  const st = createSlackTranslator("nl");
  const service = createReferralService({ db, engine, translator: createTranslator(), clock: clock.now, inviteDays: 14 });
  const web = createWebClient({ token: TOKEN, apiUrl: slack.url, logger });
  const app = createSlackApp({ signingSecret: SIGNING_SECRET, web, botId: "BKOERS", botUserId: "UKOERSBOT", service, db, t: st, logger, clock: clock.now, botUsername: async () => "koers_test_bot", ackTimeoutMs: 20_000 });
  const server = createHttpServer({ logger, healthy: async () => true, routes: new Map([[SLACK_EVENTS_PATH, app.route]]) });
  const port = await listen(server, 0, "127.0.0.1");
  const telegram: TelegramSendPayload[] = [];
  const dispatcher = createDispatcher({
    db,
    logger,
    clock: clock.now,
    handlers: {
      ...crisisHandlers({ db, t: st, logger, web, escalateMinutes: 30 }),
      "coach.nudge": coachNudgeHandler(createSlackNudgeSink({ web, t: st })),
      "telegram.send": async (job) => {
        telegram.push(job.payload as TelegramSendPayload);
      },
    },
  });
  const url = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;
  return {
    t,
    clock,
    slack,
    engine,
    url,
    server,
    telegram,
    coach,
    contact,
    backup,
    outsider,
    clientId: client.id,
    chatId,
    drain: async () => {
      await dispatcher.drain();
    },
    settled: () => app.settled(),
    say: async (text) => {
      await engine.handle({ updateId: ++updates, chatId, input: { kind: "text", text } });
    },
    async press(action, user, channel, ts) {
      const alert = await p.crisisAlert.findFirstOrThrow({ where: { clientId: client.id }, orderBy: { createdAt: "desc" } });
      const body = actionsBody(user, inMessage(channel, ts, "alert"), button(action, alert.id, `crisis:${alert.id}`));
      const res = await postSigned(url, body, { ts: Math.floor(clock.now().getTime() / 1000) });
      expect(res.status).toBe(200);
      await app.settled();
    },
  };
}

let events = 0;

/** The coach opens the app's Home tab (a signed `app_home_opened` event). */
async function openHome(w: World, user: string): Promise<void> {
  const res = await postSigned(w.url, homeOpenedBody(user, `EvCrisis${++events}`), { contentType: "application/json", ts: Math.floor(w.clock.now().getTime() / 1000) });
  expect(res.status).toBe(200);
  await w.settled();
}

const homeOf = (w: World, user: string) => w.slack.of("views.publish").filter((c) => c.params.user_id === user).at(-1)?.params.view as { blocks: { type: string; block_id?: string; elements?: { action_id: string; value?: string; text?: { text: string } }[] }[] };

function homeButtons(home: ReturnType<typeof homeOf>) {
  return (home?.blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements ?? []).map((e) => ({ action: e.action_id, value: e.value, block: b.block_id, text: e.text?.text })));
}

/** A press on a button in the Home tab: no channel, no message, the view instead. */
async function pressOnHome(w: World, user: string, alertId: string): Promise<void> {
  const body = actionsBody(user, inView({ id: "VHOME", type: "home", blocks: [] }), button("crisis.resume", alertId, `crisis:${alertId}`, "1.3"));
  const res = await postSigned(w.url, body, { ts: Math.floor(w.clock.now().getTime() / 1000) });
  expect(res.status).toBe(200);
  await w.settled();
}

const posts = (w: World, channel?: string) => w.slack.of("chat.postMessage").filter((c) => channel === undefined || c.params.channel === channel);

const isSilentNudge = (c: SlackCall) => String(c.params.text).includes("niets laten horen");

/** A crisis signal, then a "silent" nudge for the coach: it is held (the coach gets no nudge). */
async function expectNudgeHeld(w: World): Promise<void> {
  await w.say("ik wil dood");
  await w.drain();
  await w.t.db.prisma.$transaction((tx) => openNudge(tx, { clientId: w.clientId, coachId: w.coach.id, cause: "silent", now: w.clock.now() }));
  await w.drain();
  expect(posts(w, "DUAHMED").filter(isSilentNudge)).toHaveLength(0);
}

/** Contact and backup got one message each and the alert is escalated now; the timer later finds it escalated already (the team's channel gets no second post). */
async function expectEscalatedAtOnce(w: World): Promise<void> {
  expect(posts(w, "DUFLEUR")).toHaveLength(1);
  expect(posts(w, "DUKARIM")).toHaveLength(1);
  const alert = await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } });
  expect(alert.escalatedAt).toEqual(w.clock.now());
  w.clock.advance(31 * MIN);
  await w.drain();
  expect(posts(w, "CTEAM")).toHaveLength(1);
}
const blockText = (c: SlackCall | undefined) => JSON.stringify(c?.params.blocks ?? []);
const actionIds = (c: SlackCall | undefined) =>
  ((c?.params.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[]).find((b) => b.type === "actions")?.elements?.map((e) => e.action_id) ?? [];

describe("a crisis alert in Slack", () => {
  let w: World;
  afterEach(async () => {
    await close(w.server);
    await w.slack.close();
    await w.t.cleanup();
  });

  describe("with a coach in Slack", () => {
    beforeEach(async () => {
      w = await world();
    });

    it("reaches the coach as an urgent DM with the words (escaped), and goes to the team after 30 minutes unconfirmed", async () => {
      await w.say("<!channel> ik wil dood & niemand <https://x.invalid|merkt> het");
      await w.drain();
      // The client's answer went out first, as the one urgent message.
      expect(w.telegram.map((p) => [p.messages[0]?.key, p.urgent])).toEqual([["crisis.answer.suicide", true]]);
      const [dm] = posts(w, "DUAHMED");
      expect(dm).toBeDefined();
      const text = blockText(dm);
      expect(text).toContain("Crisissignaal van Sam");
      expect(text).toContain("gedachten aan zelfmoord");
      expect(text).toContain("&lt;!channel&gt; ik wil dood &amp; niemand &lt;https://x.invalid|merkt&gt; het");
      expect(text).not.toContain("<!channel>");
      expect(text).not.toContain("El Amrani");
      expect(text).toContain("suicide.wish-dead");
      expect(actionIds(dm)).toEqual(["crisis.ack", "crisis.contacted", "crisis.resume"]);
      const alert = await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } });
      expect(alert).toMatchObject({ status: "OPEN", category: "suicide", slackChannel: "DUAHMED", escalatedAt: null });

      w.clock.advance(29 * MIN);
      await w.drain();
      expect(posts(w, "CTEAM")).toHaveLength(0);
      w.clock.advance(MIN);
      await w.drain();
      const [teamPost] = posts(w, "CTEAM");
      expect(blockText(teamPost)).toContain("<@UFLEUR> <@UKARIM> Coach Ahmed heeft dit na 30 minuten nog niet bevestigd");
      expect(blockText(teamPost)).toContain("ik wil dood");
      expect(posts(w, "DUFLEUR")).toHaveLength(1);
      expect(posts(w, "DUKARIM")).toHaveLength(1);
      const escalated = await w.t.db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id }, include: { events: { orderBy: { id: "asc" } } } });
      expect(escalated.escalatedAt).toEqual(w.clock.now());
      expect(escalated.slackChannel).toBe("CTEAM");
      expect(escalated.events.map((e) => e.type)).toEqual(["signal", "alerted", "escalated"]);
      const audit = await w.t.db.prisma.auditEvent.findMany({ where: { clientId: w.clientId }, orderBy: { id: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["crisis.signal", "crisis.alerted", "crisis.escalated"]);
      // The audit log has ids, never the client's words.
      expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain("ik wil dood");
      // Later runs change nothing.
      w.clock.advance(60 * MIN);
      await w.drain();
      expect(posts(w, "CTEAM")).toHaveLength(1);
    });

    it("the coach confirms: no escalation; 'contact gehad' closes the alert; both audited with who", async () => {
      await w.say("ik denk aan zelfmoord");
      await w.drain();
      const dmTs = String(posts(w, "DUAHMED")[0]?.params.ts ?? w.slack.calls.length);
      await w.press("crisis.ack", "UAHMED", "DUAHMED", dmTs);
      const alert = await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } });
      expect(alert).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: w.coach.id });
      const update = w.slack.of("chat.update").at(-1);
      expect(update?.params).toMatchObject({ channel: "DUAHMED", ts: dmTs });
      expect(blockText(update)).toContain("Ahmed neemt contact op");
      expect(actionIds(update)).toEqual(["crisis.contacted", "crisis.resume"]);
      w.clock.advance(31 * MIN);
      await w.drain();
      expect(posts(w, "CTEAM")).toHaveLength(0);
      await w.press("crisis.contacted", "UAHMED", "DUAHMED", dmTs);
      const closed = await w.t.db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } });
      expect(closed).toMatchObject({ status: "CONTACTED", contactedBy: w.coach.id });
      const audit = await w.t.db.prisma.auditEvent.findMany({ where: { clientId: w.clientId, actorId: w.coach.id }, orderBy: { id: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["crisis.acknowledged", "crisis.contacted"]);
      // A new signal after the alert was closed opens a new one.
      await w.say("ik wil dood");
      expect(await w.t.db.prisma.crisisAlert.count({ where: { clientId: w.clientId } })).toBe(2);
    });

    it("only the coach and their team may press; others are refused privately and audited", async () => {
      await w.say("hij slaat me");
      await w.drain();
      const dmTs = String(posts(w, "DUAHMED")[0]?.params.ts);
      await w.press("crisis.ack", "UPETRA", "DUPETRA", "1.1");
      expect(String(w.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("voor de coach van deze cliënt");
      expect((await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } })).status).toBe("OPEN");
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.refused", actorId: w.outsider.id, clientId: w.clientId } })).toBe(1);
      await w.press("crisis.ack", "UNOBODY", "DUNOBODY", "1.1");
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.refused", clientId: w.clientId } })).toBe(2);
      // Karim is in Ahmed's team: he may take it.
      await w.press("crisis.ack", "UKARIM", "DUAHMED", dmTs);
      expect(await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } })).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: w.backup.id });
    });

    it("a second signal while the alert is open goes to its thread and alerts the coach again", async () => {
      await w.say("ik wil dood");
      await w.drain();
      const first = posts(w, "DUAHMED")[0];
      await w.say("hij slaat me weer");
      await w.drain();
      const again = posts(w, "DUAHMED").slice(1);
      const thread = again.find((c) => c.params.thread_ts === first?.params.ts);
      expect(blockText(thread)).toContain("hij slaat me weer");
      expect(blockText(thread)).toContain("geweld of mishandeling thuis");
      const fresh = again.find((c) => c.params.thread_ts === undefined);
      expect(blockText(fresh)).toContain("Nieuw crisissignaal van Sam");
      const alerts = await w.t.db.prisma.crisisAlert.findMany({ where: { clientId: w.clientId }, include: { events: { orderBy: { id: "asc" } } } });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.events.filter((e) => e.type === "signal").map((e) => e.messageText)).toEqual(["ik wil dood", "hij slaat me weer"]);
      expect(w.telegram.map((p) => p.messages[0]?.key)).toEqual(["crisis.answer.suicide", "crisis.answer.violence"]);
    });

    it("holds the client's other nudges until 'hervat herinneringen', then delivers them; audited", async () => {
      await expectNudgeHeld(w);
      await w.press("crisis.resume", "UAHMED", "DUAHMED", String(posts(w, "DUAHMED")[0]?.params.ts));
      expect((await w.t.db.prisma.client.findUniqueOrThrow({ where: { id: w.clientId } })).crisisHoldSince).toBeNull();
      await w.drain();
      expect(posts(w, "DUAHMED").filter(isSilentNudge)).toHaveLength(1);
      const alert = await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } });
      expect(alert).toMatchObject({ resumedBy: w.coach.id, resumedAt: w.clock.now() });
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.resumed", actorId: w.coach.id } })).toBe(1);
    });

    it("the coach's App Home shows the hold with 'Hervat herinneringen'; pressed there it lifts the hold (audited) and the Home is shown anew", async () => {
      await expectNudgeHeld(w);

      await openHome(w, "UAHMED");
      const home = homeOf(w, "UAHMED");
      expect(JSON.stringify(home)).toContain("Herinneringen en meldingen staan stil sinds een crisissignaal");
      const alert = await w.t.db.prisma.crisisAlert.findFirstOrThrow({ where: { clientId: w.clientId } });
      expect(homeButtons(home)).toContainEqual({ action: "crisis.resume", value: alert.id, block: `crisis:${alert.id}`, text: "Hervat herinneringen" });

      // Someone outside the coach's team cannot press it: a private refusal, the hold stays, audited.
      await pressOnHome(w, "UPETRA", alert.id);
      expect(blockText(posts(w, "DUPETRA").at(-1)) + String(posts(w, "DUPETRA").at(-1)?.params.text)).toContain("voor de coach van deze cliënt");
      expect((await w.t.db.prisma.client.findUniqueOrThrow({ where: { id: w.clientId } })).crisisHoldSince).not.toBeNull();
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.refused", actorId: w.outsider.id } })).toBe(1);

      const published = w.slack.of("views.publish").length;
      await pressOnHome(w, "UAHMED", alert.id);
      expect((await w.t.db.prisma.client.findUniqueOrThrow({ where: { id: w.clientId } })).crisisHoldSince).toBeNull();
      expect(await w.t.db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ resumedBy: w.coach.id, resumedAt: w.clock.now(), status: "OPEN" });
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.resumed", actorId: w.coach.id, clientId: w.clientId } })).toBe(1);
      // The alert's thread says who resumed; the Home is shown again, without the hold.
      const { slackTs } = await w.t.db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: alert.id } });
      expect(posts(w, "DUAHMED").some((c) => slackTs !== null && c.params.thread_ts === slackTs && String(c.params.text).includes("Ahmed heeft de herinneringen hervat"))).toBe(true);
      expect(w.slack.of("views.publish").length).toBe(published + 1);
      const after = homeOf(w, "UAHMED");
      expect(JSON.stringify(after)).not.toContain("staan stil sinds een crisissignaal");
      expect(homeButtons(after).map((b) => b.action)).not.toContain("crisis.resume");
      // What the hold kept back goes out now: the nudge reaches the coach.
      await w.drain();
      expect(posts(w, "DUAHMED").filter(isSilentNudge)).toHaveLength(1);
      // A second press on an old Home: "already done", nothing changes.
      await pressOnHome(w, "UAHMED", alert.id);
      expect(await w.t.db.prisma.auditEvent.count({ where: { action: "crisis.resumed", clientId: w.clientId } })).toBe(1);
    });
  });

  describe("with a coach who is not in Slack", () => {
    beforeEach(async () => {
      w = await world({ coachSlack: null });
    });

    it("goes straight to the team's channel, contact and backup", async () => {
      await w.say("ik wil mezelf iets aan doen");
      await w.drain();
      const [teamPost] = posts(w, "CTEAM");
      expect(blockText(teamPost)).toContain("Coach Ahmed is niet bereikbaar in Slack");
      expect(blockText(teamPost)).toContain("gedachten aan zelfmoord");
      await expectEscalatedAtOnce(w);
    });

    it("reaches contact and backup even when the app is not in the team's channel, and does not retry the channel", async () => {
      w.slack.failNext("chat.postMessage", "not_in_channel");
      await w.say("ik wil mezelf iets aan doen");
      await w.drain();
      expect(posts(w, "CTEAM")).toHaveLength(1);
      await expectEscalatedAtOnce(w);
      expect(await w.t.db.prisma.job.count({ where: { kind: "crisis.escalate", status: { not: "DONE" } } })).toBe(0);
    });
  });
});
