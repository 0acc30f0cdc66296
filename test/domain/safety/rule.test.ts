import { describe, expect, it } from "vitest";
import { pattern } from "../../../src/domain/safety/match.js";
import { rule } from "../../../src/domain/safety/rule.js";

describe("rule", () => {
  it("takes its category from the id and fills in the defaults", () => {
    const r = rule("suicide.test-defaults", { all: ["wil", "dood"] });
    expect(r.category).toBe("suicide");
    expect([r.window, r.reach, r.negatable, r.acute, r.scope, r.together, r.also]).toEqual([8, 4, true, "soon", "clause", 1, []]);
    expect(r.all.map((p) => p.source)).toEqual(["wil", "dood"]);
    expect("unless" in r).toBe(false);
    expect("notInside" in r).toBe(false);
  });

  it("makes danger and an overdose acute always, unless told otherwise", () => {
    expect(rule("danger.test-acute", { all: ["brand"] }).acute).toBe("always");
    expect(rule("overdose.test-acute", { all: ["pillen"] }).acute).toBe("always");
    expect(rule("overdose.test-never", { all: ["pillen"], acute: "never" }).acute).toBe("never");
    expect(rule("violence.test-acute", { all: ["slaat"] }).acute).toBe("soon");
  });

  it("keeps what the spec gives, compiling strings and reusing patterns", () => {
    const dead = pattern("dood");
    const r = rule("selfharm.test-spec", { all: [dead], window: 3, unless: "film", reach: 2, notInside: "hij", negatable: false, scope: "message", together: 2, also: ["danger"] });
    expect(r.all[0]).toBe(dead);
    expect([r.window, r.reach, r.negatable, r.scope, r.together, r.also]).toEqual([3, 2, false, "message", 2, ["danger"]]);
    expect(r.unless?.source).toBe("film");
    expect(r.notInside?.source).toBe("hij");
  });
});
