import { describe, expect, it } from "vitest";
import { isReminderButton, isRemindersCommand, reminderButtons } from "../../../src/domain/reminders/buttons.js";

describe("reminderButtons", () => {
  it("gives one button a row, labelled for what the reminder is about", () => {
    expect(reminderButtons("42", ["done", "later", "stop"], "step")).toEqual([
      [{ label: "reminders.button.step.done", data: "r:42:d" }],
      [{ label: "reminders.button.step.later", data: "r:42:l" }],
      [{ label: "reminders.button.step.stop", data: "r:42:s" }],
    ]);
    expect(reminderButtons("7", ["stop"], "checkin")).toEqual([[{ label: "reminders.button.checkin.stop", data: "r:7:s" }]]);
    expect(reminderButtons("7", [], "appointment")).toEqual([]);
  });
});

describe("the reminder buttons and command", () => {
  it("know a reminder button by its prefix, not a flow button", () => {
    expect(["r:42:d", "r:", "k:1:yes", "f:yes", "x:r:1"].map(isReminderButton)).toEqual([true, true, false, false, false]);
  });

  it("open the reminders conversation with the Dutch and English commands", () => {
    expect(["herinneringen", "herinnering", "reminders", "reminder", "stop"].map(isRemindersCommand)).toEqual([true, true, true, false, false]);
  });
});
