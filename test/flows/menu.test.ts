import { describe, expect, it } from "vitest";
import { menu, menuMachine } from "../../flows/menu.js";
import { buttonIds, chose, inputFor, keys, question, said, send, start } from "./drive.js";

const m = menuMachine;

describe("the menu flow", () => {
  it("asks what to talk about by the client's name, with one button per topic and 'nu even niks' last", () => {
    const s = start(m);
    expect(s.says).toHaveLength(1);
    expect(question(s)).toMatchObject({ key: "menu.ask", vars: { name: "Samira" } });
    expect(question(s)?.choices?.map((row) => row.map((c) => c.id))).toEqual([["grow"], ["checkin"], ["miracle"], ["scaling"], ["later"]]);
    expect(s.effects).toEqual([]);
  });

  it("uses the name the client wants to be called by", () => {
    const s = start(m, { ...inputFor(), client: { name: "Samira El Amrani", callName: "Sam" } });
    expect(question(s)?.vars).toEqual({ name: "Sam" });
  });

  it.each(["grow", "checkin", "miracle", "scaling"])("a press on %s starts that conversation and ends the menu", (topic) => {
    const t = send(m, start(m), chose(topic));
    expect(t.effects).toEqual([{ kind: "startFlow", flowId: topic }]);
    expect(t.says).toEqual([]);
    expect(t.snap.status).toBe("done");
  });

  it.each([
    ["Ik wil een doel bereiken", "grow"],
    ["hoe gaat het", "checkin"],
    ["Een goede dag!", "miracle"],
    ["CIJFER", "scaling"],
  ])("reads a typed topic (%s) as %s", (text, topic) => {
    expect(send(m, start(m), said(text)).effects).toEqual([{ kind: "startFlow", flowId: topic }]);
  });

  it("'nu even niks', pressed or typed, ends calmly and starts nothing", () => {
    for (const event of [chose("later"), said("Nee"), said("nu even niks"), said("later")]) {
      const t = send(m, start(m), event);
      expect(keys(t)).toEqual(["menu.laterOk"]);
      expect(t.effects).toEqual([]);
      expect(t.snap.status).toBe("done");
    }
  });

  it("asks for a button and shows the menu again for an unknown, empty or forged answer", () => {
    for (const event of [said("banaan"), said(""), said("🙂"), chose("onboarding"), chose("referralList"), chose("toString")]) {
      const t = send(m, start(m), event);
      expect(keys(t)).toEqual(["common.pickButton", "menu.ask"]);
      expect(buttonIds(question(t))).toEqual(["grow", "checkin", "miracle", "scaling", "later"]);
      expect(t.effects).toEqual([]);
      expect(t.snap.status).toBe("active");
    }
  });

  it("an answer that names two topics is not guessed at: it asks again", () => {
    // "gaat" is check-in, "dag" is the good-day question
    const t = send(m, start(m), said("gaat het over mijn dag"));
    expect(keys(t)).toEqual(["common.pickButton", "menu.ask"]);
    expect(t.effects).toEqual([]);
  });

  it("still works after asking again", () => {
    const again = send(m, start(m), said("hmm"));
    expect(send(m, again, chose("scaling")).effects).toEqual([{ kind: "startFlow", flowId: "scaling" }]);
  });

  it("is registered as the menu flow, version 1", () => {
    expect(menu).toMatchObject({ id: "menu", version: 1, machine: menuMachine });
  });
});
