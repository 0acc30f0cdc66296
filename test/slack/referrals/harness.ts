/**
 * The Slack app on our own HTTP server, its Web API answered by a local fake, the referral
 * service and engine on a test database, and the real job dispatcher with two handlers: the
 * Slack delivery (to the fake) and a Telegram sender that only records what the client would read.
 */
import type http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { Database } from "../../../src/db/client.js";
import type { OutMessage, TelegramSendPayload } from "../../../src/outbox/messages.js";
import { openNudge } from "../../../src/domain/nudges.js";
import { createDispatcher } from "../../../src/jobs/dispatcher.js";
import { close, createHttpServer, listen, type Route } from "../../../src/http/server.js";
import type { ChartLinks } from "../../../src/http/chart-link.js";
import { createSlackApp, type SlackApp } from "../../../src/slack/app.js";
import { slackReferralHandlers } from "../../../src/slack/delivery.js";
import { createWebClient } from "../../../src/slack/web.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { SLACK_EVENTS_PATH } from "../../../src/slack/receiver.js";
import { freshEmbeddedDb, type TestDb } from "../../support/db.js";
import { memoryLogger, type LogLine } from "../../support/service.js";
import { referralWorld, type ReferralWorld } from "../../domain/referrals-world.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.js";
import { postSigned, SIGNING_SECRET, type PostOptions, type Sent } from "./signed.js";

export interface SlackHarness {
  w: ReferralWorld;
  slack: FakeSlackApi;
  app: SlackApp;
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  /** What each client would have read in Telegram, by client id. */
  telegram: Map<string, OutMessage[]>;
  logLines: LogLine[];
  /**
   * A signed POST to /slack/events that also waits for the listener's work after its answer
   * (Slack gets the answer first; the ephemeral messages and views follow).
   */
  post(body: string, opts?: PostOptions): Promise<Sent>;
  /** Runs every due job (Slack deliveries, Telegram sends) now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** More for one test file: signed chart links in the app, and routes of its own on the same server. */
export interface HarnessOptions {
  chartLinks?: (baseUrl: string) => ChartLinks;
  routes?: Map<string, Route>;
}

export async function slackHarness(db: Database, opts: HarnessOptions = {}): Promise<SlackHarness> {
  const clock = () => new Date();
  const w = await referralWorld(db, clock);
  const slack = await startFakeSlackApi();
  const { logger, lines } = memoryLogger("warn");
  const t = createSlackTranslator();
  const holder: { links?: ChartLinks | undefined } = {};
  // The one Web API client, as the service builds it (src/slack-wiring.ts): the app's and the jobs'.
  const web = createWebClient({ token: "xoxb-test-token", apiUrl: slack.url, logger });
  const app = createSlackApp({
    signingSecret: SIGNING_SECRET,
    web,
    botId: "BKOERS",
    botUserId: "UKOERSBOT",
    service: w.service,
    db,
    t,
    logger,
    clock,
    botUsername: async () => "koers_test_bot",
    engine: w.engine,
    // The answer must wait for the listener even when the whole suite loads the machine.
    ackTimeoutMs: 20_000,
    // The links name the server's port, known only once it listens.
    chartLinks: opts.chartLinks ? { url: (...a) => holder.links?.url(...a) ?? "" } : null,
  });
  const server: http.Server = createHttpServer({ logger, healthy: async () => true, routes: new Map([[SLACK_EVENTS_PATH, app.route], ...(opts.routes ?? [])]) });
  const port = await listen(server, 0, "127.0.0.1");
  holder.links = opts.chartLinks?.(`http://127.0.0.1:${port}`);
  const telegram = new Map<string, OutMessage[]>();
  const dispatcher = createDispatcher({
    db,
    logger,
    handlers: {
      ...slackReferralHandlers({ db, t, logger, web }),
      "telegram.send": async (job) => {
        const p = job.payload as TelegramSendPayload;
        telegram.set(job.clientId ?? "", [...(telegram.get(job.clientId ?? "") ?? []), ...p.messages]);
      },
    },
  });
  return {
    w,
    slack,
    app,
    url: `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`,
    telegram,
    logLines: lines,
    post: async (body, opts) => {
      const sent = await postSigned(`http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, body, opts);
      await app.settled();
      return sent;
    },
    drain: async () => {
      await dispatcher.drain();
    },
    close: async () => {
      await close(server);
      await slack.close();
    },
  };
}

/**
 * A fresh test database with the harness on it for every test of the file (with `once`: one
 * for all of them), closed after. The two objects stay the same; their fields are the current ones.
 */
export function useSlackHarness(opts: { once?: boolean; harness?: (db: Database) => HarnessOptions } = {}): { t: TestDb; h: SlackHarness } {
  const t = {} as TestDb;
  const h = {} as SlackHarness;
  (opts.once === true ? beforeAll : beforeEach)(async () => {
    Object.assign(t, await freshEmbeddedDb());
    Object.assign(h, await slackHarness(t.db, opts.harness?.(t.db)));
  });
  (opts.once === true ? afterAll : afterEach)(async () => {
    await h.close();
    await t.cleanup();
  });
  return { t, h };
}

/** A "silent" nudge on the world's client for its coach, opened a week ago; its id. */
export async function openWeekOldNudge(db: Database, w: ReferralWorld): Promise<string> {
  const opened = await db.prisma.$transaction((tx) => openNudge(tx, { clientId: w.client.id, coachId: w.coach.id, cause: "silent", now: new Date(Date.now() - 7 * 86_400_000) }));
  return opened.id ?? "";
}
