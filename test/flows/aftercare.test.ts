/**
 * The check-ins after closing as a pure machine: a low score or "niet goed" tells the coach at
 * once; the last check-in closes the trajectory. Then every path, enumerated.
 */
import { describe, expect, it } from "vitest";
import { aftercareMachine } from "../../flows/aftercare.js";
import { chose, inputFor, keys, question, run, said, send, start } from "./drive.js";
import { describeAllPaths, effects, lastOf } from "./talks.js";

describe("aftercare", () => {
  const m = aftercareMachine;
  const input = inputFor({ weeks: 4, last: false });

  it("a low score tells the coach at once and the client hears the coach will get in touch", () => {
    const t = send(m, start(m, input), chose("3"));
    expect(t.effects).toEqual([
      { kind: "recordScale", scale: "WELLBEING", score: 3, coachTold: true },
      { kind: "notifyCoach", cause: "aftercare_relapse", detail: { weeks: 4, score: 3 } },
    ]);
    expect(question(t)).toMatchObject({ key: "aftercare.lowWhat", vars: { coach: "Ahmed" } });
    const end = send(m, t, said("ik drink weer"));
    expect(end.snap.status).toBe("done");
    expect(end.effects).toEqual([{ kind: "phase", to: "AFTERCARE", onlyFrom: ["AFTERCARE"] }]);
  });

  it("'niet goed' typed (messy too) or tapped is a relapse signal; 'goed' is not", () => {
    for (const e of [said("niet goed"), said("gaat niet zo goed eigenlijk"), said("slecht"), chose("notGood"), said("not good")]) {
      expect(effects([send(m, start(m, input), e)]), JSON.stringify(e)).toEqual([{ kind: "notifyCoach", cause: "aftercare_relapse", detail: { weeks: 4 } }]);
    }
    for (const e of [said("goed"), said("prima hoor"), chose("good"), said("8")]) {
      const t = send(m, start(m, input), e);
      expect(t.effects.filter((x) => x.kind === "notifyCoach"), JSON.stringify(e)).toEqual([]);
      expect(question(t)?.key).toBe("aftercare.goodWhat");
    }
    expect(keys(send(m, start(m, input), said("blabla")))).toEqual(["aftercare.moodUnknown", "aftercare.mood"]);
  });

  it("the last check-in closes the trajectory", () => {
    const turns = run(m, start(m, inputFor({ weeks: 12, last: true })), [said("7"), said("Ik werk nu twee dagen")]);
    expect(lastOf(turns).says.map((s) => s.key)).toEqual(["aftercare.goodThanks", "aftercare.goodEndLast"]);
    expect(lastOf(turns).effects).toEqual([{ kind: "phase", to: "CLOSED", onlyFrom: ["AFTERCARE"] }]);
  });
});

describeAllPaths("aftercare", aftercareMachine, [inputFor({ weeks: 4 }), inputFor({ weeks: 12, last: true })], [[], [chose("2")], [chose("8")]]);
