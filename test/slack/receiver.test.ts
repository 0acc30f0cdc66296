/**
 * The receiver on its own: a real Bolt app with one command and one slow command behind
 * `route`, on a real HTTP server, with the database replay guard; requests signed as Slack signs them.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { boltLogger } from "../../src/slack/log.js";
import { boltCanRead, databaseReplayGuard, KoersReceiver, type ReplayGuard } from "../../src/slack/receiver.js";
import { backends, freshEmbeddedDb, useDb } from "../support/db.js";
import { memoryLogger } from "../support/log.js";
import { commandBody, postSigned, SIGNING_SECRET } from "./referrals/signed.js";

describe("boltCanRead", () => {
  it("lets through what Slack sends: commands, events, buttons, submissions", () => {
    expect(boltCanRead({ command: "/verwijs", user_id: "U1", team_id: "T1" })).toBe(true);
    expect(boltCanRead({ type: "event_callback", event: { type: "app_home_opened", user: "U1" } })).toBe(true);
    expect(boltCanRead({ type: "event_callback", event: { type: "reaction_added", item: { ts: "1.1" } } })).toBe(true);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1", team_id: "T1" }, team: { id: "T1" }, channel: { id: "C1" }, actions: [{ action_id: "a" }] })).toBe(true);
    expect(boltCanRead({ type: "view_submission", user: { id: "U1" }, view: { callback_id: "x", app_installed_team_id: "T1" }, team: null, enterprise: null })).toBe(true);
  });

  it("refuses a team or enterprise id that is no Slack id", () => {
    expect(boltCanRead({ command: "/x", team_id: "t1" })).toBe(false);
    expect(boltCanRead({ command: "/x", enterprise_id: "E\uD800" })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1", team_id: 7 }, actions: [] })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, team: { id: "" }, actions: [] })).toBe(false);
    expect(boltCanRead({ type: "view_submission", user: { id: "U1" }, view: { app_installed_team_id: "x".repeat(33) } })).toBe(false);
  });

  it("refuses an event that is no object, or whose item is none", () => {
    expect(boltCanRead({ type: "event_callback", event: null })).toBe(false);
    expect(boltCanRead({ type: "event_callback", event: ["x"] })).toBe(false);
    expect(boltCanRead({ type: "event_callback", event: { type: "reaction_added", item: "1.1" } })).toBe(false);
  });

  it("refuses an interaction without a user object", () => {
    expect(boltCanRead({ type: "block_actions", actions: [] })).toBe(false);
    expect(boltCanRead({ type: "block_suggestion", user: "U1" })).toBe(false);
    expect(boltCanRead({ actions: [{ action_id: "a" }], user: null })).toBe(false);
  });

  it("refuses a channel, team or enterprise that is no object, and actions that are no list of objects", () => {
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, channel: "C1", actions: [] })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, team: "T1", actions: [] })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, enterprise: 1, actions: [] })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, actions: {} })).toBe(false);
    expect(boltCanRead({ type: "block_actions", user: { id: "U1" }, actions: [null] })).toBe(false);
  });

  it("refuses a view submission or close without a view object", () => {
    expect(boltCanRead({ type: "view_submission", user: { id: "U1" } })).toBe(false);
    expect(boltCanRead({ type: "view_closed", user: { id: "U1" }, view: "V1" })).toBe(false);
  });

  it("lets through a body that is no interaction at all (Bolt ignores it)", () => {
    expect(boltCanRead({ token: "x" })).toBe(true);
  });
});

describe.each(backends)("databaseReplayGuard on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);
  const count = async (db: Database) => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "SlackSeenRequest"`))[0]?.n;

  it.skipIf(!available)("lets a signature through once, however often it comes", async () => {
    const guard = databaseReplayGuard((await newDb()).sql);
    const now = 1_800_000_000;
    expect(await guard.firstTime("v0=aa", now, now)).toBe(true);
    expect(await guard.firstTime("v0=aa", now, now + 1)).toBe(false);
    expect(await guard.firstTime("v0=bb", now, now + 1)).toBe(true);
    // Two instances share the rows.
    expect(await databaseReplayGuard((await newDb()).sql).firstTime("v0=cc", now, now)).toBe(true);
  });

  it.skipIf(!available)("forgets signatures older than ten minutes, at most once a minute", async () => {
    const db = await newDb();
    const guard = databaseReplayGuard(db.sql);
    const now = 1_800_000_000;
    await guard.firstTime("v0=old", now, now);
    await guard.firstTime("v0=new", now + 500, now + 30);
    expect(await count(db)).toBe(2);
    // 30 s after the last pruning: nothing is pruned yet.
    await guard.firstTime("v0=x", now + 601, now + 601 - 571);
    expect(await count(db)).toBe(3);
    // Eleven minutes later "old" is past the window and pruned; "new" is not.
    expect(await guard.firstTime("v0=y", now + 660, now + 660)).toBe(true);
    const left = await db.sql.query<{ signature: string }>(`SELECT signature FROM "SlackSeenRequest" ORDER BY signature`);
    expect(left.map((r) => r.signature)).toEqual(["v0=new", "v0=x", "v0=y"]);
  });

  it.skipIf(!available)("keeps at most 200 characters of a signature", async () => {
    const db = await newDb();
    const guard = databaseReplayGuard(db.sql);
    expect(await guard.firstTime(`v0=${"a".repeat(300)}`, 1_800_000_000, 1_800_000_000)).toBe(true);
    expect(await guard.firstTime(`v0=${"a".repeat(250)}`, 1_800_000_000, 1_800_000_000)).toBe(false);
  });
});

describe("KoersReceiver", () => {
  const newDb = useDb(freshEmbeddedDb);
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function start(opts: { replays?: ReplayGuard; clock?: () => Date } = {}) {
    const { logger, lines } = memoryLogger();
    const unhandled: { why: string; body: Record<string, unknown> }[] = [];
    const receiver = new KoersReceiver({
      signingSecret: SIGNING_SECRET,
      logger,
      clock: opts.clock ?? (() => new Date()),
      replays: opts.replays ?? databaseReplayGuard((await newDb()).sql),
      onUnhandled: (body, why) => {
        unhandled.push({ why, body });
        return Promise.resolve();
      },
    });
    const app = new App({ receiver, authorize: () => Promise.resolve({}), logger: boltLogger(logger) });
    const after: string[] = [];
    app.command("/hallo", async ({ ack }) => {
      await ack({ text: "hoi" });
    });
    app.command("/traag", async ({ ack }) => {
      await ack();
      await new Promise((resolve) => setTimeout(resolve, 300));
      after.push("done");
    });
    server = http.createServer((req, res) => {
      Promise.resolve(receiver.route(req, res)).catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    return { receiver, url, lines, unhandled, after };
  }

  it("hands a signed command to its listener and answers with what it acknowledged", async () => {
    const { url } = await start();
    const res = await postSigned(url, commandBody("/hallo", "U1"));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ text: "hoi" });
  });

  it("answers only POST", async () => {
    const { url } = await start();
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("refuses an unsigned or wrongly signed request with 401, before any listener", async () => {
    const { url, lines } = await start();
    expect((await postSigned(url, commandBody("/hallo", "U1"), { signature: null })).status).toBe(401);
    expect((await postSigned(url, commandBody("/hallo", "U1"), { secret: "another secret" })).status).toBe(401);
    expect(lines.filter((l) => l.msg === "Slack request refused")).toHaveLength(2);
  });

  it("refuses a request older than five minutes, and one from more than five minutes ahead", async () => {
    const { url, lines } = await start();
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(url, commandBody("/hallo", "U1"), { ts: now - 6 * 60 })).status).toBe(401);
    expect((await postSigned(url, commandBody("/hallo", "U1"), { ts: now + 6 * 60 })).status).toBe(401);
    expect(lines.some((l) => l.reason === "timestamp in the future")).toBe(true);
    // Within the window either way is fine.
    expect((await postSigned(url, commandBody("/hallo", "U1"), { ts: now + 60 })).status).toBe(200);
  });

  it("refuses the same signed request twice", async () => {
    const { url, lines } = await start();
    const body = commandBody("/hallo", "U1");
    const ts = Math.floor(Date.now() / 1000);
    expect((await postSigned(url, body, { ts })).status).toBe(200);
    expect((await postSigned(url, body, { ts })).status).toBe(401);
    expect(lines.some((l) => l.reason === "replayed")).toBe(true);
  });

  it("answers 503 when the replay guard cannot be asked", async () => {
    const db = await newDb();
    const { url, lines } = await start({ replays: databaseReplayGuard(db.sql) });
    await db.close();
    expect((await postSigned(url, commandBody("/hallo", "U1"))).status).toBe(503);
    expect(lines.some((l) => l.msg.startsWith("Slack request not checked for replay"))).toBe(true);
  });

  it("answers Slack's URL verification and SSL check itself", async () => {
    const { url } = await start();
    const verification = await postSigned(url, JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" }), { contentType: "application/json" });
    expect(verification.status).toBe(200);
    expect(verification.json()).toEqual({ challenge: "abc123" });
    const ssl = await postSigned(url, "ssl_check=1&token=x");
    expect(ssl.status).toBe(200);
  });

  it("answers a command no listener takes with an empty 200, reported as unhandled", async () => {
    const { url, unhandled } = await start();
    const res = await postSigned(url, commandBody("/onbekend", "U1"));
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(unhandled.map((u) => [u.why, u.body.command])).toEqual([["unhandled", "/onbekend"]]);
  });

  it("answers a body Bolt cannot read with an empty 200, reported as malformed", async () => {
    const { url, unhandled } = await start();
    const payload = JSON.stringify({ type: "block_actions", user: "U1", actions: [] });
    const res = await postSigned(url, new URLSearchParams({ payload }).toString());
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(unhandled.map((u) => u.why)).toEqual(["malformed"]);
  });

  it("refuses a body that is no JSON with 400", async () => {
    const { url } = await start();
    expect((await postSigned(url, "{not json", { contentType: "application/json" })).status).toBe(400);
  });

  it("answers as soon as the listener acknowledges; settled() waits for what it does after", async () => {
    const { url, receiver, after } = await start();
    const res = await postSigned(url, commandBody("/traag", "U1"));
    expect(res.status).toBe(200);
    expect(after).toEqual([]);
    await receiver.settled();
    expect(after).toEqual(["done"]);
  });
});
