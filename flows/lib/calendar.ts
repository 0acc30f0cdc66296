/**
 * Calendar arithmetic on plain dates in Europe/Amsterdam, with Intl only (no date library).
 * A `Ymd` is a calendar day; arithmetic runs on UTC midnights, so daylight saving never shifts it.
 */

export const TIME_ZONE = "Europe/Amsterdam";

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** The calendar day in Amsterdam at an ISO instant. */
export function amsterdamDay(iso: string): Ymd {
  const parts = dayFormat.formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), m: get("month"), d: get("day") };
}

function utc(day: Ymd): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

function fromUtc(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** True when the day exists (no 31 April, 29 February only in leap years). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = fromUtc(utc({ y, m, d }));
  return back.y === y && back.m === m && back.d === d;
}

export function addDays(day: Ymd, n: number): Ymd {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Adds months; the day is clamped to the end of a shorter month (31 January + 1 month = 28/29 February). */
export function addMonths(day: Ymd, n: number): Ymd {
  const first = new Date(Date.UTC(day.y, day.m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { y: first.getUTCFullYear(), m: first.getUTCMonth() + 1, d: Math.min(day.d, lastDay) };
}

/** 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(day: Ymd): number {
  const wd = utc(day).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

export function toIsoDate(day: Ymd): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function fromIsoDate(iso: string): Ymd {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/**
 * An ISO date-time with Amsterdam's offset for that day, e.g. `2027-03-12T10:00:00+01:00`.
 * Use it to turn a date the client named into a moment the engine can store.
 */
export function amsterdamDateTime(isoDate: string, hour: number): string {
  const day = fromIsoDate(isoDate);
  // One hour before the wanted local time in UTC is on the same side of a DST switch (at 01:00 UTC).
  const probe = new Date(Date.UTC(day.y, day.m - 1, day.d, hour - 1));
  const name = offsetFormat.formatToParts(probe).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const offset = name === "GMT" ? "+00:00" : name.replace("GMT", "");
  return `${isoDate}T${String(hour).padStart(2, "0")}:00:00${offset}`;
}
