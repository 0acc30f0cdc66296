/**
 * The Slack part of the composition root: the one Web API client (built here, handed to Bolt,
 * the jobs and the nudge sink), the referral service, the job handlers that bring referral
 * changes and crisis alerts to Slack, the nudge sink, and (with Slack configured) the Bolt app
 * for `/slack/events`. Without Slack the service still runs: referral changes and nudges are
 * only logged.
 */
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Engine } from "./conversation/engine.js";
import type { Database } from "./db/client.js";
import { createReferralService } from "./domain/referrals/service.js";
import { CHART_PATH, chartLinks, chartLinkSecret, chartRoute } from "./http/chart-link.js";
import type { Route } from "./http/server.js";
import type { Translator } from "./i18n.js";
import type { JobHandlers } from "./jobs/types.js";
import type { SlackApp } from "./slack/app.js";
import { slackReferralHandlers } from "./slack/delivery.js";
import { crisisHandlers } from "./slack/crisis.js";
import { nudgeSinkFor } from "./slack/nudge-sink.js";
import type { NudgeSink } from "./jobs/nudge-jobs.js";
import { createWebClient } from "./slack/web.js";
import { createSlackTranslator } from "./i18n-slack.js";

export interface SlackWiringDeps {
  config: Config;
  db: Database;
  engine: Pick<Engine, "startConversation">;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
  /** The Telegram bot's username, for invite links; null when unknown. */
  botUsername: () => Promise<string | null>;
  onQueued: () => void;
}

export interface SlackWiring {
  /** Job handlers to add to the dispatcher. */
  handlers: JobHandlers;
  /** Where coach nudges go: Slack direct messages, or the log without Slack. */
  nudges: NudgeSink;
  /** The route for /slack/events, or null without Slack. */
  route: SlackApp["route"] | null;
  /** More routes: the client file's chart images (GET /charts/score.png, signed links). */
  routes: Map<string, Route>;
  /** Asks Slack who the bot is; a failure is logged, the service keeps running. */
  init(): Promise<void>;
}

/** Imports the Bolt app (and Bolt) only with Slack configured: without Slack that import is a second of start-up for nothing. */
export async function wireSlack(deps: SlackWiringDeps): Promise<SlackWiring> {
  const { config, db, logger } = deps;
  const t = createSlackTranslator(config.defaultLanguage);
  const slack = config.slack;
  const escalateMinutes = config.nudges.crisisEscalateMinutes;
  if (slack.mode === "off") {
    const handlers = { ...slackReferralHandlers({ db, t, logger, web: null }), ...crisisHandlers({ db, t, logger, web: null, escalateMinutes }) };
    return { handlers, nudges: nudgeSinkFor(null, config.defaultLanguage, logger), route: null, routes: new Map(), init: async () => undefined };
  }
  const web = createWebClient({ token: slack.botToken, apiUrl: slack.apiUrl, logger });
  const service = createReferralService({ db, engine: deps.engine, translator: deps.translator, clock: deps.clock, inviteDays: config.inviteDays, onQueued: deps.onQueued });
  // The client file's charts: Slack fetches them from PUBLIC_URL (or CHART_BASE_URL) at signed, expiring links.
  const secret = chartLinkSecret(config.chartLinkSecret, slack.signingSecret);
  const base = config.chartBaseUrl;
  const routes = new Map<string, Route>([[CHART_PATH, chartRoute({ db, secret, labels: { score: deps.translator.t("nl", "chart.score"), step: deps.translator.t("nl", "chart.step") }, clock: deps.clock })]]);
  const { createSlackApp } = await import("./slack/app.js");
  const app = createSlackApp({
    chartLinks: base ? chartLinks(base, secret) : null,
    signingSecret: slack.signingSecret,
    web,
    service,
    db,
    t,
    logger,
    clock: deps.clock,
    botUsername: deps.botUsername,
    engine: deps.engine,
    aftercareWeeks: config.aftercareWeeks,
    onQueued: deps.onQueued,
  });
  return {
    handlers: { ...slackReferralHandlers({ db, t, logger, web }), ...crisisHandlers({ db, t, logger, web, escalateMinutes }) },
    nudges: nudgeSinkFor(web, config.defaultLanguage, logger),
    route: app.route as Route,
    routes,
    async init() {
      try {
        await app.init();
      } catch (err) {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, "Slack did not answer auth.test: check SLACK_BOT_TOKEN (and SLACK_API_URL). Each Slack request asks again until it answers.");
      }
    },
  };
}
