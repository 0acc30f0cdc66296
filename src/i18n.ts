import { createI18nInstance } from "./i18n-format.js";
import enClient from "../locales/en/client.json" with { type: "json" };
import nlClient from "../locales/nl/client.json" with { type: "json" };

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "client";
    resources: { client: typeof nlClient };
  }
}

/** Picks a supported language, falling back to Dutch. */
export function toLanguage(code: string | null | undefined): Language {
  return LANGUAGES.find((l) => l === code) ?? "nl";
}

export interface Translator {
  /** Translates a key that comes from a flow (a plain string, checked by the flow tests). */
  t(language: string, key: string, vars?: Record<string, string | number>): string;
  /** True when the key exists in Dutch, the default language. */
  has(key: string): boolean;
}

/** Creates an i18next instance with our resources; nothing global is touched. */
export function createTranslator(): Translator {
  const instance = createI18nInstance({ lng: "nl", ns: "client", supportedLngs: LANGUAGES, resources: { nl: { client: nlClient }, en: { client: enClient } } });
  return {
    t(language, key, vars) {
      // Flow keys are data, so the typed overload cannot check them here; tests do.
      const tf = instance.getFixedT(toLanguage(language), "client") as (k: string, o?: object) => string;
      return tf(key, vars ?? {});
    },
    has(key) {
      // A text with plural forms exists as `<key>_one` and `<key>_other`.
      return instance.exists(key, { lng: "nl", ns: "client" }) || instance.exists(`${key}_other`, { lng: "nl", ns: "client" });
    },
  };
}
