import { describe, expect, it } from "vitest";
import { referralInMachine } from "../../../flows/referral/in.js";
import type { ReferralEvent } from "../../../flows/referral/setup.js";
import { walker } from "./walker.js";

const m = referralInMachine;
const { begin, step, walk, state, tellKeys } = walker(m);

const ACCEPT: ReferralEvent = { type: "team.accepted", coachId: "55555555-5555-4555-8555-555555555555" };
const OPEN: [string, ReferralEvent[]][] = [
  ["filed", []],
  ["infoRequested", [{ type: "team.askedInfo", question: "Welke taal spreekt Jan?" }]],
  ["accepted", [ACCEPT]],
  ["invited", [ACCEPT, { type: "system.invited" }]],
];

describe("the referral in machine (aanmelding)", () => {
  it("accepted with a coach, invited, and the person starts the bot: the referrer and the coach hear it", () => {
    const accepted = walk([ACCEPT]);
    expect([state(accepted), tellKeys(accepted)]).toEqual(["accepted", ["referrer:referral.dm.in.accepted"]]);
    const invited = step(accepted, { type: "system.invited" });
    expect([state(invited), invited.snap.context.invites, invited.tells]).toEqual(["invited", 1, []]);
    const started = step(invited, { type: "system.contactMade" });
    expect([state(started), started.snap.status, tellKeys(started)]).toEqual(["contactMade", "done", ["referrer:referral.dm.in.contactMade", "coach:referral.dm.in.started"]]);
  });

  it("counts every invite link, so the card can say 'after repeated attempts'", () => {
    const s = walk([ACCEPT, { type: "system.invited" }, { type: "team.reinvited" }, { type: "team.reinvited" }]);
    expect([state(s), s.snap.context.invites]).toEqual(["invited", 3]);
    const gaveUp = step(s, { type: "team.noContact" });
    expect([state(gaveUp), gaveUp.snap.status, gaveUp.snap.context.invites, tellKeys(gaveUp)]).toEqual(["noContact", "done", 3, ["referrer:referral.dm.in.noContact"]]);
  });

  it("a reinvite before the first invite, or contact before it, does nothing", () => {
    const accepted = walk([ACCEPT]);
    for (const e of [{ type: "team.reinvited" }, { type: "system.contactMade" }, { type: "team.noContact" }] as ReferralEvent[]) {
      const s = step(accepted, e);
      expect([e.type, state(s), s.snap.context.invites]).toEqual([e.type, "accepted", 0]);
    }
  });

  it("the team may ask for more information; the answer brings the referral back to be decided", () => {
    const asked = walk([{ type: "team.askedInfo", question: "Welke taal?" }]);
    expect([state(asked), tellKeys(asked)]).toEqual(["infoRequested", ["referrer:referral.dm.in.infoRequested"]]);
    const answered = step(asked, { type: "partner.answeredInfo", answer: "Arabisch en wat Nederlands" });
    expect([state(answered), answered.tells]).toEqual(["filed", []]);
    expect(state(step(asked, ACCEPT))).toBe("accepted");
    expect(state(step(asked, { type: "team.declined", reason: "Buiten ons gebied" }))).toBe("declined");
  });

  it("declined with a reason ends it and tells the referrer", () => {
    const s = step(begin(), { type: "team.declined", reason: "Buiten ons gebied" });
    expect([state(s), s.snap.status, tellKeys(s)]).toEqual(["declined", "done", ["referrer:referral.dm.in.declined"]]);
  });

  it("no coach, an empty question, answer or reason changes nothing", () => {
    const filed = begin();
    for (const e of [
      { type: "team.accepted", coachId: "" },
      { type: "team.accepted", coachId: "  " },
      { type: "team.askedInfo", question: "" },
      { type: "team.declined", reason: " \n" },
    ] as ReferralEvent[]) {
      const s = step(filed, e);
      expect([e.type, state(s), s.tells]).toEqual([e.type, "filed", []]);
    }
    const asked = walk([{ type: "team.askedInfo", question: "Welke taal?" }]);
    expect(state(step(asked, { type: "partner.answeredInfo", answer: "   " }))).toBe("infoRequested");
  });

  it("from every open state the partner may withdraw and the filer may undo", () => {
    for (const [at, path] of OPEN) {
      const from = walk(path);
      expect(state(from)).toBe(at);
      expect([at, state(step(from, { type: "partner.withdrew" }))]).toEqual([at, "withdrawn"]);
      expect([at, state(step(from, { type: "filer.enteredInError" }))]).toEqual([at, "enteredInError"]);
    }
  });

  it("a closed referral accepts nothing, not even a withdrawal", () => {
    const closed = walk([{ type: "team.declined", reason: "Vol" }]);
    for (const e of [{ type: "partner.withdrew" }, { type: "filer.enteredInError" }, ACCEPT, { type: "system.invited" }] as ReferralEvent[]) {
      const s = step(closed, e);
      expect([e.type, state(s), s.tells]).toEqual([e.type, "declined", []]);
    }
  });

  it("events of the other direction do nothing", () => {
    const filed = begin();
    for (const e of [{ type: "system.consentAsked" }, { type: "partner.accepted" }, { type: "coach.cancelled" }, { type: "client.withdrewConsent" }] as ReferralEvent[]) {
      expect(state(step(filed, e))).toBe("filed");
    }
  });
});
