/**
 * The Bolt app on our HTTP server calls Slack through the service's one Web API client
 * (`createWebClient`), the same the jobs and the nudge sink use: Bolt 5.1 builds a client of its
 * own, which `createSlackApp` replaces. The member middleware looks the acting member up once.
 */
import type { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/domain/members.js";
import type { ReferralService } from "../../src/domain/referrals/service.js";
import { close, createHttpServer, listen } from "../../src/http/server.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createSlackApp, type SlackApp } from "../../src/slack/app.js";
import { memberOf } from "../../src/slack/context.js";
import { SLACK_EVENTS_PATH } from "../../src/slack/receiver.js";
import { createWebClient } from "../../src/slack/web.js";
import { freshEmbeddedDb, type TestDb } from "../support/db.js";
import { silentLogger } from "../../src/log.js";
import { commandBody, postSigned, SIGNING_SECRET } from "./referrals/signed.js";

describe("the Slack app's Web API client", () => {
  let tdb: TestDb;
  let server: ReturnType<typeof createHttpServer>;
  let url: string;
  let app: SlackApp;
  const web = createWebClient({ token: "xoxb-one-client", apiUrl: "http://127.0.0.1:9/api/", logger: silentLogger() });
  const seen: webApi.WebClient[] = [];
  const ahmed: Member = { id: "m-1", organisationId: "o-1", name: "Ahmed", slackUserId: "UAHMED01", role: "COACH", nudgeMode: "SINGLE", active: true, createdAt: new Date() };
  const lookups: string[] = [];
  const members: (Member | null)[] = [];
  beforeAll(async () => {
    tdb = await freshEmbeddedDb();
    const logger = silentLogger();
    app = createSlackApp({
      signingSecret: SIGNING_SECRET,
      web,
      service: {
        member: async (user: string) => {
          lookups.push(user);
          return user === ahmed.slackUserId ? ahmed : null;
        },
      } as unknown as ReferralService,
      db: tdb.db,
      t: createSlackTranslator("nl"),
      logger,
      clock: () => new Date(),
      botUsername: async () => null,
      botId: "BKOERS",
      botUserId: "UKOERSBOT",
      extraListeners: [
        (bolt) =>
          bolt.command("/probe", async ({ ack, client, context }) => {
            seen.push(client);
            members.push(memberOf(context));
            await ack();
          }),
      ],
    });
    server = createHttpServer({ logger, healthy: async () => true, routes: new Map([[SLACK_EVENTS_PATH, app.route]]) });
    const port = await listen(server, 0, "127.0.0.1");
    url = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;
  });
  afterAll(async () => {
    await close(server);
    await tdb.cleanup();
  });

  it("is the one it was given, in the app and in every listener", async () => {
    expect(app.client).toBe(web);
    expect(app.app.client).toBe(web);
    const res = await postSigned(url, commandBody("/probe", "UAHMED01"));
    await app.settled();
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(web);
  });

  it("resolves the acting member once per request, before the listener, for the listener to read", async () => {
    lookups.length = 0;
    members.length = 0;
    await postSigned(url, commandBody("/probe", "UAHMED01"));
    await postSigned(url, commandBody("/probe", "USTRANGER"));
    await app.settled();
    expect(lookups).toEqual(["UAHMED01", "USTRANGER"]);
    expect(members).toEqual([ahmed, null]);
  });
});
