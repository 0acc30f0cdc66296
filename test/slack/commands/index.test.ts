import { describe, expect, it } from "vitest";
import { registerCommands } from "../../../src/slack/commands/index.js";
import { fakeApp, fakeDeps } from "../views/fake-bolt.js";

describe("registerCommands", () => {
  it("registers /verwijs and /aanmelden, and nothing else", () => {
    const { app, commands, views, actions } = fakeApp();
    registerCommands(app, fakeDeps({}).deps);
    expect([...commands.keys()].sort()).toEqual(["/aanmelden", "/verwijs"]);
    expect(views.size + actions.length).toBe(0);
  });
});
