import { describe, expect, it } from "vitest";
import { registerEvents } from "../../../src/slack/events/index.js";
import { fakeApp, fakeDeps } from "../views/fake-bolt.js";

describe("registerEvents", () => {
  it("subscribes to app_home_opened only, and registers no other listener", () => {
    const { app, events, actions, commands, views } = fakeApp();
    registerEvents(app, fakeDeps({}).deps);
    expect([...events.keys()]).toEqual(["app_home_opened"]);
    expect(actions.length + commands.size + views.size).toBe(0);
  });
});
