import { createI18nInstance } from "./i18n-format.js";
import enSlack from "../locales/en/slack.json" with { type: "json" };
import nlSlack from "../locales/nl/slack.json" with { type: "json" };

export type SlackT = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Texts professionals read in Slack (locales/<lng>/slack.json). Coaches have no language of
 * their own yet, so the team's default language is used.
 */
export function createSlackTranslator(language: "nl" | "en" = "nl"): SlackT {
  // Slack mrkdwn is not HTML: only the names we insert are escaped, by the caller.
  const instance = createI18nInstance({ lng: language, ns: "slack", resources: { nl: { slack: nlSlack }, en: { slack: enSlack } } });
  // The typed i18next resources describe the client namespace only; Slack keys are checked by tests.
  const fixedT = instance.getFixedT as unknown as (lng: string, ns: string) => (k: string, o?: object) => string;
  const t = fixedT.call(instance, language, "slack");
  return (key, vars) => t(key, vars ?? {});
}
