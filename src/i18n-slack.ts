import i18next, { type i18n as I18n } from "i18next";
import { registerDateFormats } from "./i18n-format.js";
import enSlack from "../locales/en/slack.json" with { type: "json" };
import nlSlack from "../locales/nl/slack.json" with { type: "json" };

export type SlackT = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Texts professionals read in Slack (locales/<lng>/slack.json). Coaches have no language of
 * their own yet, so the team's default language is used.
 */
export function createSlackTranslator(language: "nl" | "en" = "nl"): SlackT {
  const instance: I18n = i18next.createInstance();
  // With initAsync: false and the resources inline, init is done when it returns; its promise
  // never rejects (i18next reports a load error to the callback, and there is no backend to fail).
  // eslint-disable-next-line @typescript-eslint/no-floating-promises
  void instance.init({
    initAsync: false,
    lng: language,
    fallbackLng: "nl",
    ns: ["slack"],
    defaultNS: "slack",
    resources: { nl: { slack: nlSlack }, en: { slack: enSlack } },
    // Slack mrkdwn is not HTML; only the names we insert are escaped, by the caller.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  registerDateFormats(instance);
  // The typed i18next resources describe the client namespace only; Slack keys are checked by tests.
  const fixedT = instance.getFixedT as unknown as (lng: string, ns: string) => (k: string, o?: object) => string;
  const t = fixedT.call(instance, language, "slack");
  return (key, vars) => t(key, vars ?? {});
}
