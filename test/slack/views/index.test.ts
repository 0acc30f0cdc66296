import { describe, expect, it } from "vitest";
import { VIEW } from "../../../src/slack/ids.js";
import { registerViews } from "../../../src/slack/views/index.js";
import { fakeApp, fakeDeps } from "./fake-bolt.js";

describe("registerViews", () => {
  it("registers a listener for every modal Koers opens, each once", () => {
    const { app, views } = fakeApp();
    const ids: string[] = [];
    const counting = { view: (id: string, listener: never) => (ids.push(id), app.view(id, listener)) } as unknown as typeof app;
    registerViews(counting, fakeDeps({}).deps);
    expect(ids.sort()).toEqual(Object.values(VIEW).sort());
    expect(views.size).toBe(Object.values(VIEW).length);
  });
});
