/**
 * The pure parts of the Slack delivery of referral changes (src/slack/delivery.ts): the text of a
 * thread line or direct message, and recognising "the app may not post there". The job handlers,
 * which read the card from the database, are tested over signed requests in test/slack/referrals/.
 */
import { WebAPIPlatformError, WebAPIRequestError } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { isNotInChannel, lineText } from "../../src/slack/delivery.js";
import { fakeT } from "./views/fake-bolt.js";

describe("lineText", () => {
  it("escapes the values people typed, but not the mentions Koers wrote itself", () => {
    const text = lineText(fakeT, { key: "referral.thread.x", vars: { actor: "<@UPETRA>", coach: "<@UAHMED>", context: "<!here>", reason: "<b>geen plek</b> & vol", client: "Jan > Piet" } });
    expect(JSON.parse(text.replace(/^referral\.thread\.x /, ""))).toEqual({ actor: "<@UPETRA>", coach: "<@UAHMED>", context: "<!here>", reason: "&lt;b&gt;geen plek&lt;/b&gt; &amp; vol", client: "Jan &gt; Piet" });
  });

  it("a forged mention in a typed value cannot ping anyone", () => {
    const text = lineText(fakeT, { key: "k", vars: { reason: "<!channel> kijk" } });
    expect(text).not.toContain("<!channel>");
  });

  it("is never longer than Slack's text limit", () => {
    const text = lineText(fakeT, { key: "k", vars: { reason: "x".repeat(5000) } });
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith("…")).toBe(true);
  });

  it("uses the translator's text for the key", () => {
    const t = createSlackTranslator("nl");
    const line = { key: "referral.refused.notMember", vars: {} };
    expect(lineText(t, line)).toBe(t("referral.refused.notMember"));
  });
});

describe("isNotInChannel", () => {
  it("is true for Slack's not_in_channel and channel_not_found", () => {
    expect(isNotInChannel(new WebAPIPlatformError({ ok: false, error: "not_in_channel" }))).toBe(true);
    expect(isNotInChannel(new WebAPIPlatformError({ ok: false, error: "channel_not_found" }))).toBe(true);
  });

  it("is false for any other error, or for something that only looks like one", () => {
    expect(isNotInChannel(new WebAPIPlatformError({ ok: false, error: "is_archived" }))).toBe(false);
    expect(isNotInChannel(new WebAPIRequestError(new Error("not_in_channel")))).toBe(false);
    expect(isNotInChannel(new Error("not_in_channel"))).toBe(false);
    expect(isNotInChannel({ data: { error: "not_in_channel" } })).toBe(false);
    expect(isNotInChannel(Object.assign(new Error("x"), { data: null }))).toBe(false);
    expect(isNotInChannel(undefined)).toBe(false);
  });
});
