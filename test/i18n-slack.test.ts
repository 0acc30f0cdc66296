import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../src/i18n-slack.js";

describe("createSlackTranslator", () => {
  it("speaks Dutch unless told otherwise", () => {
    expect(createSlackTranslator()("nudge.cause.silent", { count: 1 })).toBe("heeft al een dag niets laten horen.");
    expect(createSlackTranslator("en")("nudge.cause.silent", { count: 1 })).toBe("has not been in touch for a day.");
  });

  it("picks the plural form from count", () => {
    expect(createSlackTranslator("nl")("nudge.cause.silent", { count: 4 })).toBe("heeft al 4 dagen niets laten horen.");
    expect(createSlackTranslator("en")("nudge.cause.silent", { count: 4 })).toBe("has not been in touch for 4 days.");
  });

  it("leaves mrkdwn and inserted names unescaped (the caller escapes names for Slack)", () => {
    const text = createSlackTranslator("en")("referral.dm.in.invite", { client: "<Sam & Co>", from: "X", contact: "-", until: "2026-12-03T08:00:00.000Z", link: "L" });
    expect(text).toContain("*<Sam & Co>*");
    expect(text).not.toContain("&amp;");
  });

  it("formats a date var with the registered formats", () => {
    const vars = { client: "C", from: "X", contact: "-", until: "2026-12-03T08:00:00.000Z", link: "L" };
    expect(createSlackTranslator("en")("referral.dm.in.invite", vars)).toContain("until 3 December");
    expect(createSlackTranslator("nl")("referral.dm.in.invite", vars)).toContain("tot 3 december");
  });

  it("gives an unknown key back as it is, and needs no vars", () => {
    expect(createSlackTranslator("en")("no.such.key")).toBe("no.such.key");
  });

  it("reads the Slack namespace, not the client texts", () => {
    expect(createSlackTranslator("nl")("common.flood")).toBe("common.flood");
  });
});
