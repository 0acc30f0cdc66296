import i18next, { type i18n as I18n, type Resource } from "i18next";
import { TIME_ZONE } from "../flows/lib/calendar.js";

/**
 * The date formats texts may use, always in Amsterdam time: `{{at, day}}` → "vrijdag 4 december".
 * Values are Dates or ISO 8601 instants (vars travel through the outbox as JSON).
 */
export const DATE_FORMATS = {
  /** vrijdag 4 december */
  day: { weekday: "long", day: "numeric", month: "long" },
  /** 4 december */
  dayMonth: { day: "numeric", month: "long" },
  /** 4 december 2026 */
  date: { day: "numeric", month: "long", year: "numeric" },
  /** 4 dec */
  short: { day: "numeric", month: "short" },
  /** 14:00 */
  time: { hour: "2-digit", minute: "2-digit" },
  /** 4 december om 14:00 */
  dayMonthTime: { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" },
  /** 4 dec, 14:00 */
  shortTime: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  /** vrijdag 4 december om 14:00 */
  when: { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateFormat = keyof typeof DATE_FORMATS;

const LOCALES: Record<string, string> = { nl: "nl-NL", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

/** An instant as `Date.prototype.toISOString` and JSON write it, or with an explicit offset. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Formats a date for a reader of `language`; the one place that builds display Intl formats.
 * A string is read only when it is an ISO instant: `new Date()` would read "vrijdag 11 december"
 * (a text formatted before this formatter existed, still waiting in the outbox) as 11 December
 * 2001, a Tuesday. Any other string is shown as it is.
 */
export function formatDate(value: Date | string, format: DateFormat, language: string): string {
  if (typeof value === "string" && !ISO_INSTANT.test(value)) return value;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  const locale = LOCALES[language] ?? LOCALES.nl;
  const key = `${locale}|${format}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...DATE_FORMATS[format] });
    cache.set(key, f);
  }
  return f.format(at);
}

/** Registers every format with an i18next instance, so texts write `{{at, day}}`. */
function registerDateFormats(instance: I18n): void {
  for (const name of Object.keys(DATE_FORMATS) as DateFormat[]) {
    instance.services.formatter?.add(name, (value: unknown, lng: string | undefined) => formatDate(value as Date | string, name, lng ?? "nl"));
  }
}

/**
 * A new i18next instance with one namespace of inline resources and the date formats; nothing
 * global is touched. Interpolation does not escape: neither Telegram text nor Slack mrkdwn is
 * HTML, and what needs escaping is escaped by the caller.
 */
export function createI18nInstance(options: { lng: string; ns: string; resources: Resource; supportedLngs?: readonly string[] }): I18n {
  const instance = i18next.createInstance();
  // With initAsync: false and the resources inline, init is done when it returns; its promise
  // never rejects (i18next reports a load error to the callback, and there is no backend to fail).
  // eslint-disable-next-line @typescript-eslint/no-floating-promises
  void instance.init({
    initAsync: false,
    lng: options.lng,
    fallbackLng: "nl",
    ...(options.supportedLngs ? { supportedLngs: [...options.supportedLngs] } : {}),
    ns: [options.ns],
    defaultNS: options.ns,
    resources: options.resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  registerDateFormats(instance);
  return instance;
}
