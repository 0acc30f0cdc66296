import { describe, expect, it } from "vitest";
import {
  KEEP_CHARS, clip, confirmOf, isNotNow, parkAnswerOf, question, scaleRows, scoreOf, textProblem, whenOf, whoOf,
} from "../../../flows/lib/controls.js";
import { NOW, chose, said } from "../drive.js";

describe("isNotNow", () => {
  it("knows the button and short typed forms", () => {
    for (const e of [chose("notNow"), said("niet nu"), said("Nu even niet"), said("later"), said("Liever later!"), said("not now")]) {
      expect(isNotNow(e), JSON.stringify(e)).toBe(true);
    }
  });

  it("does not park an answer that merely contains the words", () => {
    for (const e of [said("Ik wil later een eigen bedrijf"), said("Ik kan niet nu meteen beginnen, maar wel in mei"), chose("no")]) {
      expect(isNotNow(e), JSON.stringify(e)).toBe(false);
    }
  });
});

describe("textProblem and clip", () => {
  it("refuses empty, emoji-only and very long answers", () => {
    expect(textProblem(said(""))).toBe("empty");
    expect(textProblem(said("   "))).toBe("empty");
    expect(textProblem(said("🙂👍"))).toBe("noWords");
    expect(textProblem(said("?!"))).toBe("noWords");
    expect(textProblem(said("a".repeat(501)))).toBe("tooLong");
    expect(textProblem(chose("yes"))).toBe("button");
    expect(textProblem(said("a".repeat(500)))).toBeNull();
    expect(textProblem(said("ok 🙂"))).toBeNull();
  });

  it("stores at most 300 characters", () => {
    expect(clip("  Ik   wil  werk  ")).toBe("Ik wil werk");
    const long = clip("woord ".repeat(80));
    expect(long.length).toBe(KEEP_CHARS);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("scores, confirmations and days", () => {
  it("scale buttons are 0..10 in two rows", () => {
    expect(scaleRows().map((row) => row.map((c) => c.id))).toEqual([["0", "1", "2", "3", "4", "5"], ["6", "7", "8", "9", "10"]]);
    expect(scaleRows()[0]?.[3]).toEqual({ id: "3", label: "controls.number", vars: { n: 3 } });
  });

  it("scoreOf reads buttons and text, never out of range", () => {
    expect(scoreOf(chose("10"))).toBe(10);
    expect(scoreOf(chose("11"))).toBeNull();
    expect(scoreOf(said("zeven"))).toBe(7);
    expect(scoreOf(said("12"))).toBeNull();
  });

  it("confirmOf", () => {
    expect([chose("yes"), said("ja"), said("Klopt!"), said("dat klopt")].map(confirmOf)).toEqual(["yes", "yes", "yes", "yes"]);
    expect([chose("no"), said("nee"), said("klopt niet"), said("niet helemaal")].map(confirmOf)).toEqual(["no", "no", "no", "no"]);
    expect(confirmOf(said("misschien"))).toBeNull();
  });

  it("whenOf gives a due moment at noon in Amsterdam", () => {
    expect(whenOf(chose("tomorrow"))).toEqual({ kind: "tomorrow", said: "", dueAt: "2027-03-11T12:00:00+01:00" });
    expect(whenOf(chose("thisWeek"))).toEqual({ kind: "thisWeek", said: "", dueAt: "2027-03-14T12:00:00+01:00" });
    expect(whenOf(said("vrijdag"))).toEqual({ kind: "text", said: "vrijdag", dueAt: "2027-03-12T12:00:00+01:00" });
    expect(whenOf(said("weet ik niet"))).toEqual({ kind: "none", said: "", dueAt: null });
    expect(whenOf(said("1 maart"))).toBeNull();
  });

  it("parkAnswerOf: buttons, typed days, myself, past and unknown", () => {
    expect(parkAnswerOf(chose("tomorrow"))).toEqual({ key: "controls.park.okTomorrow", resumeAt: "2027-03-11T10:00:00+01:00" });
    expect(parkAnswerOf(chose("nextWeek"))).toEqual({ key: "controls.park.okNextWeek", resumeAt: "2027-03-15T10:00:00+01:00" });
    expect(parkAnswerOf(chose("self"))).toEqual({ key: "controls.park.okSelf" });
    expect(parkAnswerOf(said("over twee weken"))).toEqual({ key: "controls.park.okDay", resumeAt: "2027-03-24T10:00:00+01:00" });
    expect(parkAnswerOf(said("zelf"))).toEqual({ key: "controls.park.okSelf" });
    expect(parkAnswerOf(said("1 maart"))).toEqual({ error: "past" });
    expect(parkAnswerOf(said("bla"))).toEqual({ error: "unknown" });
  });

  it("parking until today after 10:00 comes back two hours later", () => {
    const late = "2027-03-10T14:00:00.000Z";
    expect(parkAnswerOf(said("vandaag", late))).toEqual({ key: "controls.park.okDay", resumeAt: "2027-03-10T16:00:00.000Z" });
    expect(NOW < late).toBe(true);
  });
});

describe("question", () => {
  const mine = { target: "next" } as const;

  it("parks on 'niet nu' first, then takes the kind's re-ask around the handlers", () => {
    expect(question("q", "askQ", [mine]).on["client.*"]).toEqual([
      { guard: "saidNotNow", target: "parkWhen" },
      { guard: "badText", target: "q", reenter: true, actions: "clarify" },
      mine,
    ]);
    expect(question("q", "askQ", [mine], "pick").on["client.*"]).toEqual([{ guard: "saidNotNow", target: "parkWhen" }, mine, { target: "q", reenter: true, actions: "pickButton" }]);
    expect(question("q", "askQ", [mine], "scale").on["client.*"]).toEqual([{ guard: "saidNotNow", target: "parkWhen" }, mine, { target: "q", reenter: true, actions: "scaleAgain" }]);
    expect(question("q", "askQ", [mine], "own")).toEqual({ entry: "askQ", on: { "client.*": [{ guard: "saidNotNow", target: "parkWhen" }, mine] } });
  });

  it("leaves 'niet nu' to the handlers when it does not park", () => {
    expect(question("q", "askQ", [mine], "own", false).on["client.*"]).toEqual([mine]);
    expect(question("q", "askQ", [mine], "open", false).on["client.*"]).toEqual([{ guard: "badText", target: "q", reenter: true, actions: "clarify" }, mine]);
  });
});

describe("whoOf", () => {
  it("names the client as they want to be called, and the coach", () => {
    expect(whoOf({ now: NOW, client: { name: "Mohammed", callName: "Mo" }, coach: { name: "Sam" } })).toEqual({ name: "Mo", coach: "Sam" });
    expect(whoOf({ now: NOW, client: { name: "Mohammed" }, coach: { name: "Sam" } })).toEqual({ name: "Mohammed", coach: "Sam" });
  });
});
