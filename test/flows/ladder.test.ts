/**
 * The ladder question (flows/ladder.ts) with XState's pure `transition()`: six rung buttons and a
 * way out; a rung only from a button, never from typed text (not even "6" or "ik heb werk");
 * every state reached with texts in nl and en, and the jargon never in what the client reads.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ladderMachine, rungOf } from "../../flows/ladder.js";
import { buttonIds, chose, keys, NOW, question, roundTrip, said, send, start } from "./drive.js";
import { strings } from "../support/readability.js";
import { expectKnownTextsAndButtons, exploreFlow } from "./graph.js";

describe("the ladder question", () => {
  it("introduces itself, then asks with six rungs and a way out, one button a row", () => {
    const t = start(ladderMachine);
    expect(keys(t)).toEqual(["ladder.intro", "ladder.ask"]);
    expect(buttonIds(question(t))).toEqual(["1", "2", "3", "4", "5", "6", "skip"]);
    expect(question(t)?.choices?.every((row) => row.length === 1)).toBe(true);
    expect(t.effects).toEqual([]);
  });

  it("a rung button records that rung from the client and thanks them", () => {
    for (const n of [1, 4, 6]) {
      const t = send(ladderMachine, start(ladderMachine), chose(String(n)));
      expect(t.effects).toEqual([{ kind: "recordLadder", rung: n }]);
      expect(keys(t)).toEqual(["ladder.thanks"]);
      expect(t.snap.status).toBe("done");
    }
  });

  it("typed text is never read as a rung: the question comes again, and a button after that still counts", () => {
    let t = start(ladderMachine);
    for (const text of ["6", "ik heb betaald werk", "Ik kom weinig buiten", "weet niet", "I have paid work", "🙂", ""]) {
      t = send(ladderMachine, roundTrip(ladderMachine, t), said(text));
      expect(keys(t)).toEqual(["ladder.pickButton", "ladder.ask"]);
      expect(t.effects).toEqual([]);
      expect(t.snap.status).toBe("active");
    }
    // A forged or old button id ("7", "0", "3.5", " 3") is no rung either.
    for (const id of ["7", "0", "3.5", " 3", "03", "notNow"]) {
      t = send(ladderMachine, t, chose(id));
      expect(t.effects).toEqual([]);
    }
    const done = send(ladderMachine, t, chose("2"));
    expect(done.effects).toEqual([{ kind: "recordLadder", rung: 2 }]);
  });

  it("'liever niet' ends kindly, with nothing recorded", () => {
    const t = send(ladderMachine, start(ladderMachine), chose("skip"));
    expect(t.effects).toEqual([]);
    expect(keys(t)).toEqual(["ladder.skipped"]);
    expect(t.snap.status).toBe("done");
  });

  it("rungOf reads buttons only", () => {
    expect(rungOf(chose("5"))).toBe(5);
    expect(rungOf(said("5"))).toBeNull();
    expect(rungOf(chose("skip"))).toBeNull();
  });

  it("reaches every state, with texts in both languages, on all paths", () => {
    const events = ["1", "2", "3", "4", "5", "6", "skip", "7", "bogus"].map((c) => chose(c, NOW));
    const report = exploreFlow(ladderMachine, { inputs: [{ now: NOW, client: { name: "Samira" }, coach: { name: "Ahmed" } }], events: [...events, said("6"), said("??")] });
    expect(report.unreached).toEqual([]);
    expect(report.stuck).toEqual([]);
    expectKnownTextsAndButtons(report);
    expect(report.transitions).toBeGreaterThan(10);
  });

  it("what the client reads never says 'participatieladder' (or 'participatie', 'trede', 'ladder')", () => {
    for (const lang of ["nl", "en"]) {
      const json = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${lang}/client.json`), "utf8")) as { ladder: unknown };
      const texts = [...strings(json.ladder)].map(([, text]) => text);
      expect(texts.length).toBe(12);
      for (const text of texts) expect(text).not.toMatch(/participat|ladder|trede|rung/i);
    }
  });
});
