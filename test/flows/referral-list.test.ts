/**
 * /verwijzingen as a pure machine: every referral of the client in plain words, and stopping the
 * sharing with a partner after one confirmation, only where something is shared.
 */
import { describe, expect, it } from "vitest";
import { referralListMachine } from "../../flows/referral-list.js";
import { buttonIds, chose, inputFor, keys, question, run, said, send, start } from "./drive.js";
import { exploreFlow } from "./graph.js";

describe("/verwijzingen (Telegram)", () => {
  const entries = [
    { choice: "r1", referralId: "ref-1", partner: "Schuldhulp Oost", state: "accepted", canWithdraw: true },
    { choice: "r2", referralId: "ref-2", partner: "Buurtteam", state: "referredIn", canWithdraw: false },
  ];
  const listInput = inputFor({ entries });

  it("lists every referral in plain words and offers to stop only where something is shared", () => {
    const t = start(referralListMachine, listInput);
    expect(keys(t)).toEqual(["referralList.intro", "referralList.state.accepted", "referralList.state.referredIn", "referralList.ask"]);
    expect(buttonIds(question(t))).toEqual(["r1", "keep"]);
  });

  it("stops sharing after one confirmation", () => {
    const turns = run(referralListMachine, start(referralListMachine, listInput), [chose("r1"), chose("yes")]);
    expect(keys(turns[0]!)).toEqual(["referralList.confirm"]);
    expect(turns[1]!.effects).toEqual([{ kind: "referralWithdraw", referralId: "ref-1" }]);
    expect(turns[1]!.says[0]?.vars).toEqual({ partner: "Schuldhulp Oost", coach: "Ahmed" });
  });

  it("changes nothing on no, on keep, or for a referral that shares nothing", () => {
    expect(run(referralListMachine, start(referralListMachine, listInput), [chose("r1"), chose("no")])[1]!.effects).toEqual([]);
    expect(send(referralListMachine, start(referralListMachine, listInput), chose("keep")).snap.status).toBe("done");
    expect(send(referralListMachine, start(referralListMachine, listInput), chose("r2")).effects).toEqual([]);
  });

  it("says so when there is nothing, or nothing to stop", () => {
    expect(keys(start(referralListMachine, inputFor({ entries: [] })))).toEqual(["referralList.none"]);
    expect(keys(start(referralListMachine, inputFor({ entries: [entries[1]] })))).toEqual(["referralList.intro", "referralList.state.referredIn", "referralList.nothingToStop"]);
  });
  it("keeps only well-formed entries from its start data", () => {
    const bad = [{ choice: "r3", partner: "Geen id", state: "accepted", canWithdraw: true }, null, "r4", { ...entries[0], state: 7 }];
    expect(keys(start(referralListMachine, inputFor({ entries: bad })))).toEqual(["referralList.none"]);
    expect(keys(start(referralListMachine, inputFor({ entries: "r1" })))).toEqual(["referralList.none"]);
    expect(keys(start(referralListMachine, inputFor()))).toEqual(["referralList.none"]);
    const t = start(referralListMachine, inputFor({ entries: [...bad, entries[0]] }));
    expect(keys(t)).toEqual(["referralList.intro", "referralList.state.accepted", "referralList.ask"]);
  });

  it("names the partner on each stop button and in the confirmation", () => {
    const t = start(referralListMachine, listInput);
    expect(question(t)?.choices).toEqual([[{ id: "r1", label: "referralList.stop", vars: { partner: "Schuldhulp Oost" } }], [{ id: "keep", label: "referralList.keep" }]]);
    expect(t.says[1]?.vars).toEqual({ partner: "Schuldhulp Oost" });
    expect(question(send(referralListMachine, t, chose("r1")))).toMatchObject({ key: "referralList.confirm", vars: { partner: "Schuldhulp Oost" } });
  });

  it("typed: a plain no keeps everything, anything else asks for a button; a typed yes confirms", () => {
    const at = start(referralListMachine, listInput);
    const no = send(referralListMachine, at, said("nee"));
    expect(no.snap.status).toBe("done");
    expect(keys(no)).toEqual(["referralList.kept"]);
    // A typed partner name is not a choice: only the button stops sharing.
    const other = send(referralListMachine, at, said("Schuldhulp Oost"));
    expect(other.snap.value).toBe("choosing");
    expect(keys(other)).toEqual(["common.pickButton", "referralList.ask"]);
    const confirming = send(referralListMachine, at, chose("r1"));
    const unclear = send(referralListMachine, confirming, said("hmm"));
    expect(unclear.snap.value).toBe("confirming");
    expect(unclear.effects).toEqual([]);
    expect(keys(unclear)).toEqual(["common.pickButton", "referralList.confirm"]);
    expect(send(referralListMachine, unclear, said("ja")).effects).toEqual([{ kind: "referralWithdraw", referralId: "ref-1" }]);
  });

  it("explores every path without getting stuck, in texts that exist", () => {
    const report = exploreFlow(referralListMachine, {
      inputs: [listInput, inputFor({ entries: [] }), inputFor({ entries: [entries[1]] })],
      events: [chose("r1"), chose("r2"), chose("keep"), chose("yes"), chose("no"), said("ja"), said("nee"), said("hmm")],
    });
    // "start" only sorts the entries (`always`): the client never rests there.
    expect(report.unreached).toEqual(["referralList.start"]);
    expect(report.stuck).toEqual([]);
    expect(report.missingInNl).toEqual([]);
    expect(report.missingInEn).toEqual([]);
  });
});
