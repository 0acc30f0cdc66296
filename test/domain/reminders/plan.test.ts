import { describe, expect, it } from "vitest";
import { REMINDER_APPOINTMENT, REMINDER_CHECKIN, REMINDER_KINDS, REMINDER_STEP, reminderKey, wantsReminders } from "../../../src/domain/reminders/plan.js";

describe("wantsReminders", () => {
  const client = { remindersWanted: true as boolean | null, status: "ACTIVE" as const, telegramChatId: 123n as bigint | null };

  it("is true only for an active client in the chat who asked for reminders", () => {
    expect(wantsReminders(client)).toBe(true);
    expect(wantsReminders({ ...client, remindersWanted: false })).toBe(false);
    expect(wantsReminders({ ...client, remindersWanted: null })).toBe(false);
    expect(wantsReminders({ ...client, status: "PAUSED" })).toBe(false);
    expect(wantsReminders({ ...client, status: "STOPPED" })).toBe(false);
    expect(wantsReminders({ ...client, telegramChatId: null })).toBe(false);
  });
});

describe("reminderKey", () => {
  it("names the kind, the thing and the due moment, so a moved date is a new reminder", () => {
    const at = new Date("2027-03-10T09:00:00.000Z");
    expect(reminderKey(REMINDER_STEP, "s1", at)).toBe(`reminder.step:s1:${at.getTime()}`);
    expect(reminderKey(REMINDER_STEP, "s1", new Date(at.getTime() + 60_000))).not.toBe(reminderKey(REMINDER_STEP, "s1", at));
  });

  it("has three kinds of reminder", () => {
    expect(REMINDER_KINDS).toEqual([REMINDER_CHECKIN, REMINDER_STEP, REMINDER_APPOINTMENT]);
    expect(REMINDER_KINDS).toEqual(["reminder.checkin", "reminder.step", "reminder.appointment"]);
  });
});
