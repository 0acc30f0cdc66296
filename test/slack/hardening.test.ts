/**
 * Slack under hostile input, over real signed Bolt requests and real Web API calls to local
 * fakes: every payload Koers renders (nudge, crisis alert, referral card, App Home) with names
 * and texts that try to ping a channel or hide a link comes out escaped and within Slack's
 * documented limits; forged values and wrong people get a private refusal and an audit row; a
 * replayed request is refused by a second instance on the same database; `not_in_channel`
 * tells the contact once and is not retried.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { openNudge } from "../../src/domain/nudges.js";
import { createDispatcher } from "../../src/jobs/dispatcher.js";
import { loadCard } from "../../src/domain/referrals/card.js";
import { renderCard } from "../../src/slack/blocks/card.js";
import { slackReferralHandlers } from "../../src/slack/delivery.js";
import { createWebClient } from "../../src/slack/web.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { digestMessage, nudgeMessage } from "../../src/slack/nudge-message.js";
import { createSlackNudgeSink } from "../../src/slack/nudge-sink.js";
import { outDraft } from "../domain/referrals-world.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable } from "../support/db.js";
import { memoryLogger } from "../support/service.js";
import { startFakeSlack } from "./fake-slack.js";
import { openWeekOldNudge, slackHarness, useSlackHarness } from "./referrals/harness.js";
import { buttonBody, checks, commandBody, homeOpenedBody, pick, radio, submitBody, text } from "./referrals/signed.js";

/** Slack's documented limits (Block Kit reference; chat.postMessage for the fallback text). */
const LIMIT = { section: 3000, field: 2000, header: 150, button: 75, context: 3000, fallback: 40_000, messageBlocks: 50, viewBlocks: 100 };

const HOSTILE = ["<!channel>", "<https://evil|bank>", "@here", "&".repeat(3000), "x".repeat(5000), "<!here> <@U0ADMIN> <#C0ALL> Sam & co"];
const ALL_HOSTILE = HOSTILE.join(" ");

/** Our own markup that may stay: a mention or channel we built, a link to the bot. */
const OWN_MARKUP = /<(?:[@#][A-Z0-9]+|https:\/\/t\.me\/[^|<>]+)(?:\|[^<>]*)?>/g;
/** Any "&" that is not one of the three entities Slack asks for. */
const BARE_AMP = /&(?!amp;|lt;|gt;)/;

interface Shown {
  where: string;
  text: string;
}

/** Every text a person can read in a payload: the fallback, and each text object in the blocks. */
function textsOf(payload: { text?: unknown; blocks?: unknown }, where: string): Shown[] {
  const out: Shown[] = [];
  if (typeof payload.text === "string") out.push({ where: `${where}.text`, text: payload.text });
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") out.push({ where: path, text: o.text });
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
    }
  };
  walk(payload.blocks, `${where}.blocks`);
  return out;
}

/** Fails with the place when a text could ping, link or break Slack's parsing. */
function expectEscaped(payload: { text?: unknown; blocks?: unknown }, where: string): void {
  for (const s of textsOf(payload, where)) {
    // A "> " at the start of a line is our quote of the client's words.
    const rest = s.text.replace(OWN_MARKUP, "").replace(/^> /gm, "");
    expect(rest, `${s.where} holds a raw "<" or ">"`).not.toMatch(/[<>]/);
    expect(rest, `${s.where} holds a bare "&"`).not.toMatch(BARE_AMP);
    expect(s.text, s.where).not.toContain("<!channel>");
    expect(s.text, s.where).not.toContain("<!here>");
    expect(s.text, s.where).not.toContain("<https://evil");
  }
}

type Block = Record<string, unknown> & { type: string };

/** Fails with the place when a payload is beyond one of Slack's limits. */
function expectWithinLimits(payload: { text?: unknown; blocks?: unknown }, where: string, maxBlocks = LIMIT.messageBlocks): void {
  if (typeof payload.text === "string") expect(payload.text.length, `${where}.text`).toBeLessThanOrEqual(LIMIT.fallback);
  const blocks = (payload.blocks ?? []) as Block[];
  expect(blocks.length, `${where}: blocks`).toBeLessThanOrEqual(maxBlocks);
  blocks.forEach((b, i) => {
    const at = `${where}.blocks[${i}]`;
    const t = (x: unknown) => ((x as { text?: string } | undefined)?.text ?? "").length;
    if (b.type === "section") {
      expect(t(b.text), at).toBeLessThanOrEqual(LIMIT.section);
      for (const f of (b.fields ?? []) as unknown[]) expect(t(f), `${at}.field`).toBeLessThanOrEqual(LIMIT.field);
    }
    if (b.type === "header") expect(t(b.text), at).toBeLessThanOrEqual(LIMIT.header);
    if (b.type === "context") for (const e of (b.elements ?? []) as unknown[]) expect(t(e), `${at}.context`).toBeLessThanOrEqual(LIMIT.context);
    if (b.type === "actions") for (const e of (b.elements ?? []) as Block[]) if (e.type === "button") expect(t(e.text), `${at}.button`).toBeLessThanOrEqual(LIMIT.button);
  });
}

function expectSafe(payload: { text?: unknown; blocks?: unknown; link_names?: unknown }, where: string, maxBlocks?: number): void {
  expectEscaped(payload, where);
  expectWithinLimits(payload, where, maxBlocks);
  // Without link_names a typed "@here" stays plain text.
  expect(payload.link_names, `${where}.link_names`).toBeUndefined();
}

const note = (name: string, i: number) => ({ nudgeId: `n-${i}`, cause: "silent", clientId: `c-${i}`, clientFirstName: name, since: new Date("2027-01-20T08:00:00Z"), detail: {} });

describe("every Slack payload with hostile names and texts", () => {
  const t = createSlackTranslator("nl");
  const now = new Date("2027-02-01T09:00:00Z");

  it("nudges and the digest, as posted to Slack's Web API", async () => {
    const fake = await startFakeSlack();
    try {
      const { logger } = memoryLogger("warn");
      const sink = createSlackNudgeSink({ web: createWebClient({ token: "xoxb-test", apiUrl: fake.url, logger }), t });
      const coach = { id: "c1", name: "Ahmed", slackUserId: "UAHMED" };
      for (const [i, name] of [...HOSTILE, ALL_HOSTILE].entries()) await sink.deliver(coach, [note(name, i)], "single", now);
      await sink.deliver(coach, Array.from({ length: 40 }, (_, i) => note(HOSTILE[i % HOSTILE.length] ?? "", i)), "digest", now);
      const posts = fake.posts();
      expect(posts).toHaveLength(HOSTILE.length + 2);
      posts.forEach((p, i) => expectSafe(p.params, `post ${i}`));
      const all = JSON.stringify(posts.map((p) => p.params));
      // Shown as typed, not dropped.
      expect(all).toContain("&lt;!channel&gt;");
      expect(all).toContain("&lt;https://evil|bank&gt;");
      expect(all).toContain("@here");
      // The fallback carries the name escaped too (it is read as mrkdwn and shown in notifications).
      expect(String(posts[0]?.params.text)).toMatch(/^&lt;!channel&gt; /);
      for (const en of [nudgeMessage(createSlackTranslator("en"), note(ALL_HOSTILE, 1), now), digestMessage(createSlackTranslator("en"), [note(ALL_HOSTILE, 1)], now)]) expectSafe(en, "en");
    } finally {
      await fake.close();
    }
  });

  describe("over signed requests", () => {
    const { t: tdb, h } = useSlackHarness();

    const coach = () => h.w.coach.slackUserId ?? "";

    it("the crisis alert, re-rendered when the coach presses 'ik neem contact op', and its thread line", async () => {
      const p = tdb.db.prisma;
      await p.client.update({ where: { id: h.w.client.id }, data: { callName: "<!channel> <https://evil|bank> @here & co", crisisHoldSince: new Date() } });
      await p.member.update({ where: { id: h.w.coach.id }, data: { name: `Ahmed ${ALL_HOSTILE}` } });
      const alert = await p.crisisAlert.create({
        data: { clientId: h.w.client.id, coachId: h.w.coach.id, category: "suicide", rule: "<!channel>", acute: true, messageText: HOSTILE.join("\n"), slackChannel: "CTEAM", slackTs: "1.5" },
      });
      const payload = {
        type: "block_actions",
        user: { id: coach() },
        team: { id: "T1" },
        api_app_id: "A1",
        trigger_id: "trig-crisis-hostile",
        channel: { id: `D${coach()}` },
        container: { type: "message", channel_id: `D${coach()}`, message_ts: "1.1" },
        message: { type: "message", ts: "1.1", text: "alert" },
        actions: [{ type: "button", action_id: "crisis.ack", block_id: `crisis:${alert.id}`, value: alert.id, action_ts: "1.2" }],
        token: "legacy",
      };
      expect((await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).status).toBe(200);
      const update = h.slack.of("chat.update").at(-1);
      expect(update, "the alert was re-rendered").toBeDefined();
      expectSafe(update?.params ?? {}, "crisis alert");
      const sections = ((update?.params.blocks ?? []) as Block[]).map((b) => (b.text as { text?: string } | undefined)?.text ?? "");
      // The client's words are quoted line by line, escaped, and cut within the section.
      expect(sections.some((x) => x.includes("\n> &lt;https://evil|bank&gt;\n> @here\n> &amp;&amp;"))).toBe(true);
      expect(sections.some((x) => x.includes("van &lt;!channel&gt; &lt;https://evil|bank&gt; @here &amp; co*"))).toBe(true);
      const thread = h.slack.of("chat.postMessage").filter((c) => c.params.thread_ts === "1.5");
      expect(thread).toHaveLength(1);
      thread.forEach((c) => expectSafe(c.params, "crisis thread"));
    });

    it("the referral card (in and out) and the confirmation DM, with partner- and admin-typed text", async () => {
      const p = tdb.db.prisma;
      await p.organisation.update({ where: { id: h.w.partner.id }, data: { name: `<!channel> ${"&".repeat(3000)}` } });
      await p.organisation.update({ where: { id: h.w.team.id }, data: { name: "<https://evil|bank> @here" } });
      const petra = h.w.partnerMember.slackUserId ?? "";
      const body = submitBody(
        "ref.aanmelden",
        petra,
        {
          team: pick(h.w.team.id),
          name: text("<!channel> @here <https://evil|bank>"),
          contact: text("<https://evil|bank>"),
          need: text("&".repeat(1000)),
          wish: text(`<!here> ${"&".repeat(990)}`),
          urgency: radio("normal"),
          agrees: checks("yes"),
        },
        { channel: "CWHERE1" },
      );
      expect((await h.post(body)).text).toBe("");
      await h.drain();
      const posts = h.slack.of("chat.postMessage");
      const card = posts.find((c) => c.params.channel === "CTEAM");
      expect(card, "the card was posted").toBeDefined();
      expect(posts.find((c) => c.params.channel === `D${petra}`), "the partner's confirmation").toBeDefined();
      for (const c of [...posts, ...h.slack.of("chat.postEphemeral")]) expectSafe(c.params, `${c.method} ${String(c.params.channel)}`);
      // An OUT card with a summary of 1,500 "&": 7,500 characters once escaped, still within limits.
      const out = await h.w.service.fileOut(h.w.coach, outDraft(h.w, { need: "&".repeat(1000), summary: "&".repeat(1500), items: ["name", "phone", "goal", "summary"] }));
      const rendered = renderCard(createSlackTranslator("nl"), await loadCard(p, out.referral.id));
      expectSafe(rendered, "out card");
    });

    it("the App Home of a coach with 60 hostile clients, each with an open nudge", async () => {
      const p = tdb.db.prisma;
      for (let i = 0; i < 60; i++) {
        const c = await p.client.create({ data: { name: `${HOSTILE[i % HOSTILE.length] ?? ""} ${i}`, coachId: h.w.coach.id, status: "ACTIVE", telegramChatId: BigInt(900_000 + i) } });
        await p.$transaction((tx) => openNudge(tx, { clientId: c.id, coachId: h.w.coach.id, cause: "silent", now: new Date(Date.now() - 7 * 86_400_000) }));
      }
      const event = homeOpenedBody(coach(), "EvHostile1");
      expect((await h.post(event, { contentType: "application/json" })).status).toBe(200);
      const view = h.slack.of("views.publish").at(-1)?.params.view as { blocks: unknown[] } | undefined;
      expect(view?.blocks.length).toBeGreaterThan(3);
      expectSafe({ blocks: view?.blocks }, "home", LIMIT.viewBlocks);
      expect(JSON.stringify(view)).toContain("&lt;!channel&gt;");
    });
  });
});

describe("forged values and wrong people", () => {
  const { t: tdb, h } = useSlackHarness();
  let nudgeId: string;
  beforeEach(async () => {
    nudgeId = await openWeekOldNudge(tdb.db, h.w);
  });

  /** Posts, and measures until the private refusal has reached Slack. */
  async function refusedWithin(body: string, user: string): Promise<{ ms: number; text: string }> {
    const before = h.slack.of("chat.postEphemeral").length;
    const start = Date.now();
    const res = await h.post(body);
    expect(res.status).toBe(200);
    const sent = await h.slack.waitFor("chat.postEphemeral", before + 1, 3000);
    const ms = Date.now() - start;
    const last = sent.at(-1);
    expect(last?.params.user).toBe(user);
    return { ms, text: String(last?.params.text) };
  }

  const refusals = () => tdb.db.prisma.auditEvent.findMany({ where: { action: "slack.refused" }, orderBy: { at: "asc" } });

  it("a button value that is not a uuid: refused privately within 3 s, audited with who, what and why", async () => {
    const coach = h.w.coach.slackUserId ?? "";
    for (const forged of ["not-a-uuid'; DROP TABLE \"Nudge\"; --", "99999999999999999999", "<!channel>"]) {
      const { ms, text: said } = await refusedWithin(buttonBody("nudge.done", forged, coach, `D${coach}`), coach);
      expect(ms).toBeLessThan(3000);
      expect(said).toContain("bestaat niet");
    }
    const rows = await refusals();
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.actorId).toBe(h.w.coach.id);
      expect(r.detail).toMatchObject({ surface: "action", what: "nudge.done", why: "malformedId", slackUser: coach });
    }
    expect((await tdb.db.prisma.nudge.findUniqueOrThrow({ where: { id: nudgeId } })).status).toBe("OPEN");
  });

  it("another coach's press on a nudge, a stranger's press, and a crisis button with a forged id", async () => {
    const fleur = h.w.colleague.slackUserId ?? "";
    const notYours = await refusedWithin(buttonBody("nudge.done", nudgeId, fleur, `D${fleur}`), fleur);
    expect(notYours.ms).toBeLessThan(3000);
    expect(notYours.text).toContain("voor de coach van deze cliënt");
    const stranger = await refusedWithin(buttonBody("nudge.snooze", nudgeId, "USTRANGER", "CGENERAL"), "USTRANGER");
    expect(stranger.ms).toBeLessThan(3000);
    const coach = h.w.coach.slackUserId ?? "";
    const crisis = await refusedWithin(buttonBody("crisis.ack", "1 OR 1=1", coach, `D${coach}`), coach);
    expect(crisis.ms).toBeLessThan(3000);
    const rows = (await refusals()).map((r) => ({ actorId: r.actorId, ...(r.detail as Record<string, unknown>) }));
    expect(rows).toEqual([
      { actorId: h.w.colleague.id, surface: "action", what: "nudge.done", why: "notYours", slackUser: fleur },
      { actorId: null, surface: "action", what: "nudge.snooze", why: "notMember", slackUser: "USTRANGER" },
      { actorId: h.w.coach.id, surface: "action", what: "crisis.ack", why: "malformedId", slackUser: coach },
    ]);
    expect((await tdb.db.prisma.nudge.findUniqueOrThrow({ where: { id: nudgeId } })).status).toBe("OPEN");
    expect(h.slack.of("chat.update")).toHaveLength(0);
  });
});

describe("a replayed request across two instances on one database", () => {
  async function replayAcross(db1: Database, db2: Database): Promise<void> {
    const a = await slackHarness(db1);
    const b = await slackHarness(db2);
    try {
      const body = commandBody("/verwijs", a.w.coach.slackUserId ?? "");
      const ts = Math.floor(Date.now() / 1000) - 5;
      expect((await a.post(body, { ts })).status).toBe(200);
      expect(a.slack.of("views.open")).toHaveLength(1);
      // The same bytes, signature and timestamp to the other instance, and again to the first.
      expect((await b.post(body, { ts })).status).toBe(401);
      expect((await a.post(body, { ts })).status).toBe(401);
      expect(b.slack.of("views.open")).toHaveLength(0);
      expect(a.slack.of("views.open")).toHaveLength(1);
      expect(b.logLines.filter((l) => l.msg === "Slack request refused" && l.reason === "replayed")).toHaveLength(1);
      // A new request (new timestamp, so a new signature) still goes through on the other instance.
      expect((await b.post(commandBody("/verwijs", b.w.coach.slackUserId ?? ""), { ts: ts + 1 })).status).toBe(200);
      expect(b.slack.of("views.open")).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  }

  it("on PGlite (two apps, one embedded database)", async () => {
    const t = await freshEmbeddedDb();
    try {
      await replayAcross(t.db, t.db);
    } finally {
      await t.cleanup();
    }
  });

  it.skipIf(!pgAvailable())("on PostgreSQL (two apps, each with its own connection pool)", async () => {
    const t = await freshPostgresDb();
    const second = await openDatabase({ kind: "postgres", url: t.url , dataKey: process.env.KOERS_DATA_KEY ?? "" });
    try {
      await replayAcross(t.db, second);
    } finally {
      await second.close();
      await t.cleanup();
    }
  });
});

describe("not_in_channel", () => {
  it("tells the team's contact once, and the card job stops instead of retrying", async () => {
    const tdb = await freshEmbeddedDb();
    const h = await slackHarness(tdb.db);
    const fake = await startFakeSlack();
    try {
      const p = tdb.db.prisma;
      await p.organisation.update({ where: { id: h.w.team.id }, data: { contactMemberId: h.w.colleague.id } });
      const { logger } = memoryLogger("warn");
      const t = createSlackTranslator("nl");
      // The deliveries go to this fake, which says not_in_channel for the card's channel.
      const dispatcher = createDispatcher({ db: tdb.db, logger, handlers: slackReferralHandlers({ db: tdb.db, t, logger, web: createWebClient({ token: "xoxb-test", apiUrl: fake.url, logger }) }) });
      const petra = h.w.partnerMember.slackUserId ?? "";
      const aanmelden = (name: string) =>
        submitBody("ref.aanmelden", petra, { team: pick(h.w.team.id), name: text(name), contact: text("06 8765 4321"), need: text("Zit al lang thuis."), wish: text("Iets in de buurt"), urgency: radio("normal"), agrees: checks("yes") }, { channel: "CWHERE1" });
      const cardPosts = () => fake.posts().filter((c) => c.params.channel === "CTEAM");
      const told = () => fake.posts().filter((c) => c.params.channel === `D${h.w.colleague.slackUserId ?? ""}`);

      expect((await h.post(aanmelden("Jan de Vries"))).text).toBe("");
      fake.failNext("chat.postMessage", "not_in_channel");
      // The job for the card is the first one queued; the partner's confirmation follows.
      await dispatcher.drain();
      expect(cardPosts()).toHaveLength(1);
      expect(told()).toHaveLength(1);
      expect(String(told()[0]?.params.text)).toContain("/invite @Koers");
      const dead = await p.job.findMany({ where: { kind: "slack.referral", status: "DEAD" } });
      expect(dead).toHaveLength(1);
      expect(dead[0]?.attempts).toBe(1);

      // Later runs do not try that card again; a second referral to the same channel does not tell again.
      await dispatcher.drain();
      expect(cardPosts()).toHaveLength(1);
      expect((await h.post(aanmelden("Fatima Yilmaz"))).text).toBe("");
      fake.failNext("chat.postMessage", "not_in_channel");
      await dispatcher.drain();
      expect(cardPosts()).toHaveLength(2);
      expect(told()).toHaveLength(1);
      expect(await p.auditEvent.count({ where: { action: "slack.notInChannel" } })).toBe(1);
    } finally {
      await fake.close();
      await h.close();
      await tdb.cleanup();
    }
  });
});
