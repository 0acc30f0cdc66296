/**
 * Opening the app's Home tab (src/slack/events/app-home-opened.ts), over fakes for Bolt, the
 * database handle (audit rows) and the Web API. What the Home tab shows a member is tested in
 * test/slack/ with a database; here: which tab, and someone unknown.
 */
import { describe, expect, it } from "vitest";
import { registerAppHomeOpened } from "../../../src/slack/events/app-home-opened.js";
import { contextOf, fakeApp, fakeDeps } from "../views/fake-bolt.js";

function home() {
  const f = fakeDeps({});
  const { app, events } = fakeApp();
  registerAppHomeOpened(app, f.deps);
  const open = (event: Record<string, unknown>) => events.get("app_home_opened")?.({ event, client: f.client, context: contextOf(null) });
  return { ...f, events, open };
}

describe("the app_home_opened event", () => {
  it("registers the one listener, for app_home_opened", () => {
    expect([...home().events.keys()]).toEqual(["app_home_opened"]);
  });

  it("opening the Messages or About tab publishes nothing", async () => {
    const h = home();
    await h.open({ tab: "messages", user: "UPETRA" });
    await h.open({ tab: "about", user: "UPETRA" });
    expect(h.rec.published).toEqual([]);
    expect(h.rec.audits).toEqual([]);
  });

  it("someone unknown sees a Home tab that says so, and the refusal is audited", async () => {
    const h = home();
    await h.open({ tab: "home", user: "UNOBODY" });
    expect(h.rec.published.map((p) => [p.user_id, p.view.type])).toEqual([["UNOBODY", "home"]]);
    expect(JSON.stringify(h.rec.published[0]?.view.blocks)).toContain("referral.home.unknown");
    expect(h.rec.audits.map((a) => [a.detail.surface, a.detail.what, a.detail.why, a.detail.slackUser])).toEqual([["event", "app_home_opened", "notMember", "UNOBODY"]]);
  });

  it("an event without a real user publishes nothing and is audited", async () => {
    const h = home();
    await h.open({ tab: "home", user: "<script>" });
    expect(h.rec.published).toEqual([]);
    expect(h.rec.audits.map((a) => a.detail.why)).toEqual(["noUser"]);
  });
});
