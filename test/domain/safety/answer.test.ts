import { describe, expect, it } from "vitest";
import { CRISIS_ANSWER_KEYS, CRISIS_KEYS, crisisAnswer, isCrisisAnswer } from "../../../src/domain/safety/answer.js";
import type { CrisisCategory } from "../../../src/domain/safety/types.js";

const keysOf = (category: CrisisCategory, categories: CrisisCategory[], acute: boolean, hasCoach = true) => {
  const msg = crisisAnswer({ category, categories, acute }, { hasCoach });
  return [msg.key, ...(msg.lines ?? []).map((l) => l.key)];
};

describe("crisisAnswer", () => {
  it("gives the category's text, who is told, and that the client may keep writing", () => {
    expect(keysOf("suicide", ["suicide"], false)).toEqual(["crisis.answer.suicide", "crisis.answer.coachTold", "crisis.answer.keepWriting"]);
    expect(keysOf("violence", ["violence"], false, false)).toEqual(["crisis.answer.violence", "crisis.answer.noCoach", "crisis.answer.keepWriting"]);
  });

  it("puts 112 first when there is danger now, unless the text already says 112 first", () => {
    expect(keysOf("suicide", ["suicide"], true)[0]).toBe("crisis.answer.acute");
    expect(keysOf("overdose", ["overdose"], true)[0]).toBe("crisis.answer.overdose");
    expect(keysOf("danger", ["danger"], true)).not.toContain("crisis.answer.acute");
  });

  it("adds a second category's text only when it points to another help line, and two at most", () => {
    expect(keysOf("suicide", ["suicide", "selfharm"], false)).toEqual(["crisis.answer.suicide", "crisis.answer.coachTold", "crisis.answer.keepWriting"]);
    expect(keysOf("violence", ["violence", "sexual", "danger"], false)).toEqual(["crisis.answer.violence", "crisis.answer.sexual", "crisis.answer.coachTold", "crisis.answer.keepWriting"]);
    expect(keysOf("danger", ["danger", "overdose"], false)).toEqual(["crisis.answer.danger", "crisis.answer.coachTold", "crisis.answer.keepWriting"]);
  });

  it("reads the category alone when no list is given", () => {
    expect(keysOf("sexual", [], false)[0]).toBe("crisis.answer.sexual");
  });
});

describe("isCrisisAnswer", () => {
  it("recognises every answer's first line and the old texts, nothing else", () => {
    for (const key of Object.values(CRISIS_ANSWER_KEYS)) expect(isCrisisAnswer({ key })).toBe(true);
    expect(isCrisisAnswer({ key: "crisis.answer.acute" })).toBe(true);
    expect(isCrisisAnswer({ key: "crisis.text" })).toBe(true);
    expect(isCrisisAnswer({ key: "crisis.answer.keepWriting" })).toBe(false);
    expect(isCrisisAnswer({ key: "onboarding.welcome" })).toBe(false);
    expect(CRISIS_KEYS.size).toBe(8);
  });
});
