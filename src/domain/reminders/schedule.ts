/**
 * When reminders may reach a client: pure functions of instants, with Europe/Amsterdam wall-clock
 * times computed by Intl (no date library). Days are counted on the calendar, never as 24 hours,
 * so a reminder keeps its local time across the daylight-saving switches (last Sunday of March
 * and of October).
 *
 * Parts of the day (minutes after local midnight), chosen so that even the last slot leaves
 * room before the night:
 * - morning   09:00-12:00
 * - afternoon 13:00-17:00
 * - evening   18:00-20:30
 * Nothing proactive is ever sent between 21:00 and 08:00 (quiet hours).
 */

export const TIME_ZONE = "Europe/Amsterdam";
export type Daypart = "morning" | "afternoon" | "evening";
export const DAYPARTS: readonly Daypart[] = ["morning", "afternoon", "evening"];

export interface Window {
  start: number;
  end: number;
}

export const DAYPART_WINDOWS: Record<Daypart, Window> = {
  morning: { start: 9 * 60, end: 12 * 60 },
  afternoon: { start: 13 * 60, end: 17 * 60 },
  evening: { start: 18 * 60, end: 20 * 60 + 30 },
};

/** Quiet hours: from 21:00 until 08:00 local time. */
export const QUIET_FROM = 21 * 60;
export const QUIET_UNTIL = 8 * 60;

/**
 * Slots are spread over the first part of the window (a fixed place per client), so that a
 * thousand clients with "morning" do not all queue at 09:00 behind Telegram's 30 messages a
 * second. The last 30 minutes stay free for a backlog to drain within the window.
 */
const DRAIN_MARGIN = 30;
/** A reminder that runs late may still go out this long after its window closed. */
const LATE_GRACE = 60;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export interface LocalTime {
  day: Ymd;
  /** Minutes after local midnight. */
  minutes: number;
}

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The Amsterdam calendar day and minute of an instant. */
export function localTime(at: Date): LocalTime {
  const parts = partsFormat.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { day: { y: get("year"), m: get("month"), d: get("day") }, minutes: get("hour") * 60 + get("minute") };
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const parts = partsFormat.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time in Amsterdam. A time that does not exist (02:30 on the
 * spring-forward night) comes out an hour later; our windows never touch those hours.
 */
export function atLocal(day: Ymd, minutes: number): Date {
  const guess = Date.UTC(day.y, day.m - 1, day.d, 0, minutes);
  const first = offsetMinutes(new Date(guess));
  const t = guess - first * 60_000;
  const second = offsetMinutes(new Date(t));
  return new Date(second === first ? t : guess - second * 60_000);
}

export function addDays(day: Ymd, n: number): Ymd {
  const d = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function isoDay(day: Ymd): string {
  return `${String(day.y).padStart(4, "0")}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

export function isQuietHours(at: Date): boolean {
  const { minutes } = localTime(at);
  return minutes >= QUIET_FROM || minutes < QUIET_UNTIL;
}

export function toDaypart(value: string | null | undefined): Daypart {
  return DAYPARTS.find((d) => d === value) ?? "morning";
}

/** A small stable hash (FNV-1a), so a client's slot is the same every day. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Minute of the day of this key's slot in a part of the day. */
export function slotMinutes(daypart: Daypart, key: string): number {
  const w = DAYPART_WINDOWS[daypart];
  const spread = w.end - w.start - DRAIN_MARGIN;
  return w.start + (hash(key) % spread);
}

/** This key's slot on a calendar day. */
export function slotOn(day: Ymd, daypart: Daypart, key: string): Date {
  return atLocal(day, slotMinutes(daypart, key));
}

/** The first slot at or after `after`: today's if it is still ahead, else tomorrow's. */
export function nextSlot(after: Date, daypart: Daypart, key: string): Date {
  const { day } = localTime(after);
  const today = slotOn(day, daypart, key);
  return today >= after ? today : slotOn(addDays(day, 1), daypart, key);
}

/** The next check-in: `everyDays` calendar days after the last one, or the next slot when that has passed. */
export function checkinDue(last: Date, everyDays: number, daypart: Daypart, key: string, now: Date): Date {
  const due = slotOn(addDays(localTime(last).day, everyDays), daypart, key);
  return due >= now ? due : nextSlot(now, daypart, key);
}

/**
 * A reminder of a step on the day it is due, in the client's part of the day. When that slot has
 * passed (the step was planned later that day) it goes out now if that is still the due day and
 * not at night; otherwise there is nothing left to remind.
 */
export function stepReminderDue(stepDue: Date, daypart: Daypart, key: string, now: Date): Date | null {
  const dueDay = localTime(stepDue).day;
  const slot = slotOn(dueDay, daypart, key);
  if (slot >= now) return slot;
  return isoDay(localTime(now).day) === isoDay(dueDay) && !isQuietHours(now) ? now : null;
}

/** A reminder of an appointment the day before it, in the client's part of the day; null when too late. */
export function appointmentReminderDue(at: Date, daypart: Daypart, key: string, now: Date): Date | null {
  const dayBefore = addDays(localTime(at).day, -1);
  const slot = slotOn(dayBefore, daypart, key);
  if (slot >= now) return slot;
  return isoDay(localTime(now).day) === isoDay(dayBefore) && !isQuietHours(now) ? now : null;
}

/** "Later": the same slot on the next calendar day. */
export function snoozeUntil(now: Date, daypart: Daypart, key: string): Date {
  return slotOn(addDays(localTime(now).day, 1), daypart, key);
}

export type RunDecision = { kind: "send" } | { kind: "reschedule"; at: Date } | { kind: "drop" };

/**
 * What a reminder job does when it finally runs (a backlog or an outage can make it late):
 * send inside its window or shortly after it, never at night; otherwise move to the next slot.
 * A reminder with a deadline (the step's day, the appointment) is dropped when the next slot
 * would be too late, and sent now instead when that is still allowed.
 */
export function decideAtRun(now: Date, daypart: Daypart, key: string, deadline?: Date): RunDecision {
  if (deadline && now >= deadline) return { kind: "drop" };
  if (isQuietHours(now)) {
    const next = nextSlot(now, daypart, key);
    return deadline && next > deadline ? { kind: "drop" } : { kind: "reschedule", at: next };
  }
  const { minutes } = localTime(now);
  const w = DAYPART_WINDOWS[daypart];
  if (minutes >= w.start && minutes < w.end + LATE_GRACE) return { kind: "send" };
  const next = nextSlot(now, daypart, key);
  if (deadline && next > deadline) return { kind: "send" };
  return { kind: "reschedule", at: next };
}
