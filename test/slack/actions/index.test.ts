import { describe, expect, it } from "vitest";
import { registerActions } from "../../../src/slack/actions/index.js";
import { CARD_ACTIONS, CRISIS_ACTIONS, DM_ACTIONS, NUDGE_ACTIONS } from "../../../src/slack/ids.js";
import { fakeApp, fakeDeps, listenersFor } from "../views/fake-bolt.js";

describe("registerActions", () => {
  it("every button Koers puts in Slack reaches exactly one listener", () => {
    const { app, actions } = fakeApp();
    registerActions(app, fakeDeps({}).deps);
    const ids = [...Object.values(CARD_ACTIONS), ...Object.values(DM_ACTIONS), ...Object.values(NUDGE_ACTIONS), ...Object.values(CRISIS_ACTIONS)];
    const wrong = ids.filter((id) => listenersFor(actions, id).length !== 1);
    expect(wrong).toEqual([]);
  });

  it("a button id of no kind Koers knows reaches no listener", () => {
    const { app, actions } = fakeApp();
    registerActions(app, fakeDeps({}).deps);
    for (const id of ["other.button", "nudge.later", "crisis.delete", "clientFile.open"]) expect(listenersFor(actions, id), id).toHaveLength(0);
  });
});
