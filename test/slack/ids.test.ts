import { describe, expect, it } from "vitest";
import {
  CARD_ACTION_PATTERN,
  CARD_ACTIONS,
  CRISIS_ACTIONS,
  DM_ACTION_PATTERN,
  DM_ACTIONS,
  FILE_FORGET,
  FILE_FORGET_CONFIRM,
  FILE_OPEN,
  FILE_REASON,
  HOME_PAGE,
  HOME_REFRESH,
  LADDER_ASK,
  LADDER_SET,
  NUDGE_ACTIONS,
  REPORT_ACTION,
  TRAJECTORY_ACTIONS,
  TRAJECTORY_VIEWS,
  VIEW,
} from "../../src/slack/ids.js";

/** Every button's action id, and what listens for it. */
const card = Object.values(CARD_ACTIONS);
const dm = Object.values(DM_ACTIONS);
const others = [
  ...Object.values(NUDGE_ACTIONS),
  ...Object.values(CRISIS_ACTIONS),
  ...Object.values(TRAJECTORY_ACTIONS),
  FILE_OPEN,
  LADDER_SET,
  LADDER_ASK,
  FILE_FORGET,
  HOME_REFRESH,
  `${HOME_PAGE}.prev`,
  `${HOME_PAGE}.next`,
  `${REPORT_ACTION}.last`,
  `${REPORT_ACTION}.current`,
];
const views = [...Object.values(VIEW), ...Object.values(TRAJECTORY_VIEWS), FILE_REASON, FILE_FORGET_CONFIRM];

describe("the Slack action ids", () => {
  it("are all different, so no button reaches another button's listener", () => {
    const all = [...card, ...dm, ...others];
    expect(new Set(all).size).toBe(all.length);
  });

  it("of the referral card all match the card's pattern, and none the direct messages' one", () => {
    for (const id of card) {
      expect(CARD_ACTION_PATTERN.test(id), id).toBe(true);
      expect(DM_ACTION_PATTERN.test(id), id).toBe(false);
    }
  });

  it("of the direct messages all match their pattern, and none the card's (which would handle them twice)", () => {
    for (const id of dm) {
      expect(DM_ACTION_PATTERN.test(id), id).toBe(true);
      expect(CARD_ACTION_PATTERN.test(id), id).toBe(false);
    }
  });

  it("of every other button match neither referral pattern", () => {
    for (const id of others) {
      expect(CARD_ACTION_PATTERN.test(id), id).toBe(false);
      expect(DM_ACTION_PATTERN.test(id), id).toBe(false);
    }
  });

  it("the patterns are anchored: a lookalike id in the middle is not taken", () => {
    expect(CARD_ACTION_PATTERN.test("x.ref.accept")).toBe(false);
    expect(DM_ACTION_PATTERN.test("x.ref.dm.cancel")).toBe(false);
    expect(CARD_ACTION_PATTERN.test("refaccept")).toBe(false);
  });

  it("fit in Slack's 255 characters", () => {
    for (const id of [...card, ...dm, ...others, ...views]) expect(id.length, id).toBeLessThanOrEqual(255);
  });
});

describe("the view callback ids", () => {
  it("are all different", () => {
    expect(new Set(views).size).toBe(views.length);
  });

  it("a crisis alert has a button for each action", () => {
    expect(Object.keys(CRISIS_ACTIONS).sort()).toEqual(["ack", "contacted", "resume"]);
  });
});
