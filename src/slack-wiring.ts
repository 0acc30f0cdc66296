/**
 * The referral part of the composition root: the referral service, the job handler that brings
 * referral changes to Slack, and (with Slack configured) the Bolt app for `/slack/events`.
 * Without Slack the service still runs: referral changes are only logged.
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
import { jobWebClient, slackReferralHandlers } from "./slack/delivery.js";
import { crisisHandlers } from "./slack/crisis.js";
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
    return { handlers, route: null, routes: new Map(), init: async () => undefined };
  }
  const service = createReferralService({ db, engine: deps.engine, translator: deps.translator, clock: deps.clock, inviteDays: config.inviteDays, onQueued: deps.onQueued });
  // The client file's charts: Slack fetches them from PUBLIC_URL (or CHART_BASE_URL) at signed, expiring links.
  const secret = chartLinkSecret(config.chartLinkSecret, slack.signingSecret);
  const base = config.chartBaseUrl;
  const routes = new Map<string, Route>([[CHART_PATH, chartRoute({ db, secret, labels: { score: deps.translator.t("nl", "chart.score"), step: deps.translator.t("nl", "chart.step") }, clock: deps.clock })]]);
  const { createSlackApp } = await import("./slack/app.js");
  const app = createSlackApp({
    chartLinks: base ? chartLinks(base, secret) : null,
    signingSecret: slack.signingSecret,
    token: slack.botToken,
    apiUrl: slack.apiUrl,
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
    handlers: (() => {
      const web = jobWebClient(slack.botToken, slack.apiUrl, logger);
      return { ...slackReferralHandlers({ db, t, logger, web }), ...crisisHandlers({ db, t, logger, web, escalateMinutes }) };
    })(),
    route: app.route as Route,
    routes,
    async init() {
      try {
        await app.init();
      } catch (err) {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, "Slack did not answer auth.test: check SLACK_BOT_TOKEN (and SLACK_API_URL). Slack requests will fail until the service restarts.");
      }
    },
  };
}
