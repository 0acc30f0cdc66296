/**
 * The closing talk as a pure machine: a concrete next step, a warm handover through the coach,
 * and the permission for check-ins after closing, which is only ever a button or a plain yes.
 * Then every path, enumerated.
 */
import { describe, expect, it } from "vitest";
import { closingMachine } from "../../flows/closing.js";
import { buttonIds, chose, inputFor, keys, question, run, said, send, start } from "./drive.js";
import { FACTS, describeAllPaths, lastOf } from "./talks.js";

describe("closing", () => {
  const m = closingMachine;
  const through = [chose("volunteering"), said("Bij de voedselbank vragen"), chose("no")];

  it("asks for a concrete next step with buttons, also typed in the client's own words", () => {
    const s = start(m, inputFor(FACTS));
    expect(s.effects).toEqual([{ kind: "phase", to: "CLOSING", onlyFrom: ["CLARIFYING", "GOAL_AND_PLAN", "DOING", "EVALUATION"] }]);
    expect(buttonIds(question(s))).toEqual(["work", "volunteering", "course", "care", "other", "notNow"]);
    expect(send(m, s, said("een cursus nederlands")).snap.context).toMatchObject({ next: "course" });
    expect(send(m, s, said("weer gaan tekenen")).snap.context).toMatchObject({ next: "other", nextText: "weer gaan tekenen" });
  });

  it("a warm handover tells the coach, who makes the referral; the client hears they decide what is shared", () => {
    const t = lastOf(run(m, start(m, inputFor(FACTS)), [chose("care"), said("De huisarts bellen"), chose("yes")]));
    expect(t.effects).toEqual([{ kind: "notifyCoach", cause: "closing_handover", detail: { next: "care" } }]);
    expect(t.says.map((s) => s.key)).toEqual(["closing.handover.yesOk", "closing.aftercare.askTwo"]);
    expect(question(t)?.vars).toEqual({ first: 4, second: 12 });
  });

  it("permission for the check-ins: a button or a plain yes; unclear text is asked again and never counts as yes", () => {
    const at = lastOf(run(m, start(m, inputFor(FACTS)), through));
    for (const unclear of ["ja maar niet te vaak", "misschien", "hoezo?", "ok ik denk het", "ja nee"]) {
      const t = send(m, at, said(unclear));
      expect(t.snap.value, unclear).toBe("aftercare");
      expect(t.effects, unclear).toEqual([]);
      expect(keys(t), unclear).toEqual(["closing.aftercare.unclear", "closing.aftercare.askTwo"]);
    }
    const yes = send(m, at, said("ja hoor, dat mag"));
    expect(yes.snap.status).toBe("done");
    expect(yes.effects).toEqual([
      { kind: "consent", subject: "aftercare", textVersion: "closing.aftercare@1", decision: "GIVEN" },
      { kind: "closeTrajectory", aftercare: true, aftercareWeeks: [4, 12] },
    ]);
    const no = send(m, at, chose("no"));
    expect(no.effects).toEqual([
      { kind: "consent", subject: "aftercare", textVersion: "closing.aftercare@1", decision: "REFUSED" },
      { kind: "closeTrajectory", aftercare: false, aftercareWeeks: [] },
    ]);
  });

  it("the farewell names what the client did, from their own data", () => {
    const t = send(m, lastOf(run(m, start(m, inputFor(FACTS)), through)), chose("yes"));
    expect(t.says.map((s) => [s.key, s.vars])).toEqual([
      ["closing.aftercare.yesOk", { first: 4 }],
      ["closing.farewell.goalSteps", { name: "Samira", goal: "van je schulden af", steps: "de brief openmaken, de schuldhulp bellen" }],
      ["closing.bye", { name: "Samira", coach: "Ahmed" }],
    ]);
    const bare = send(m, lastOf(run(m, start(m), through)), chose("yes"));
    expect(bare.says[1]?.key).toBe("closing.farewell.nothing");
  });

  it("uses the configured weeks: one check-in, or none (then no question at all)", () => {
    const one = lastOf(run(m, start(m, inputFor({ aftercareWeeks: [6] })), through));
    expect(question(one)).toMatchObject({ key: "closing.aftercare.askOne", vars: { first: 6 } });
    const none = lastOf(run(m, start(m, inputFor({ aftercareWeeks: [] })), through));
    expect(none.snap.status).toBe("done");
    expect(none.effects).toEqual([{ kind: "closeTrajectory", aftercare: false, aftercareWeeks: [] }]);
  });
});

describeAllPaths("closing", closingMachine, [inputFor(), inputFor(FACTS), inputFor({ aftercareWeeks: [] }), inputFor({ aftercareWeeks: [6] })]);
