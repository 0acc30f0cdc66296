import { describe, expect, it } from "vitest";
import { referralConsentMachine, type ReferralConsentData } from "../../flows/referral-consent.js";
import { buttonIds, chose, inputFor, keys, NOW, question, roundTrip, run, said, send, start } from "./drive.js";
import { exploreFlow } from "./graph.js";

const data: ReferralConsentData = {
  referralId: "3f6c1a52-1111-4a0b-9c7e-000000000001",
  partner: "Schuldhulp Oost",
  domain: "geld en schulden",
  need: "Samira heeft schulden en wil rust.",
  coachJoins: true,
  items: [
    { id: "name", line: "je naam: Samira" },
    { id: "phone", line: "je telefoonnummer: 06 1234 5678" },
    { id: "goal", line: "je doel: rust in mijn hoofd" },
  ],
};
const consentInput = inputFor(data as unknown as Record<string, unknown>);

describe("referral consent (Telegram)", () => {
  it("shows who, why and exactly what would be shared, then asks with four buttons", () => {
    const t = start(referralConsentMachine, consentInput);
    expect(keys(t)).toEqual(["referralConsent.intro", "referralConsent.why", "referralConsent.together", "referralConsent.list"]);
    expect(t.says[0]?.vars).toMatchObject({ partner: "Schuldhulp Oost", coach: "Ahmed", domain: "geld en schulden" });
    expect(question(t)?.vars?.list).toBe("• je naam: Samira\n• je telefoonnummer: 06 1234 5678\n• je doel: rust in mijn hoofd");
    expect(buttonIds(question(t))).toEqual(["yes", "remove", "coach", "no"]);
    expect(t.effects).toEqual([]);
  });

  it("on yes consents to exactly the items shown", () => {
    const t = send(referralConsentMachine, start(referralConsentMachine, consentInput), chose("yes"));
    expect(t.effects).toEqual([
      { kind: "referralAnswer", referralId: data.referralId, answer: "consented", items: ["name", "phone", "goal"], textVersion: "referralConsent@1" },
    ]);
    expect(t.snap.status).toBe("done");
    expect(keys(t)).toEqual(["referralConsent.yesDone", "referralConsent.changeMind"]);
  });

  it("lets the client take an item out and then consent to the rest", () => {
    const turns = run(referralConsentMachine, start(referralConsentMachine, consentInput), [chose("remove"), chose("phone"), chose("yes")]);
    expect(buttonIds(question(turns[0]!))).toEqual(["name", "phone", "goal", "back"]);
    expect(keys(turns[1]!)).toEqual(["referralConsent.removed", "referralConsent.together", "referralConsent.list"]);
    expect(question(turns[1]!)?.vars?.list).not.toContain("06 1234");
    expect(turns[2]!.effects[0]).toMatchObject({ answer: "consented", items: ["name", "goal"] });
  });

  it("when everything is taken out, offers to undo, talk to the coach or say no", () => {
    const turns = run(referralConsentMachine, start(referralConsentMachine, consentInput), [
      chose("remove"), chose("name"), chose("remove"), chose("phone"), chose("remove"), chose("goal"),
    ]);
    const last = turns[turns.length - 1]!;
    expect(keys(last)).toEqual(["referralConsent.nothingLeft"]);
    expect(buttonIds(question(last))).toEqual(["undo", "coach", "no"]);
    const undone = send(referralConsentMachine, last, chose("undo"));
    expect(question(undone)?.vars?.list).toContain("06 1234");
  });

  it("no and 'first my coach' share nothing and say so without blame", () => {
    const no = send(referralConsentMachine, start(referralConsentMachine, consentInput), said("nee"));
    expect(no.effects).toEqual([{ kind: "referralAnswer", referralId: data.referralId, answer: "declined", items: [], textVersion: "referralConsent@1" }]);
    expect(keys(no)).toEqual(["referralConsent.noDone"]);
    const coach = send(referralConsentMachine, start(referralConsentMachine, consentInput), said("later"));
    expect(coach.effects[0]).toMatchObject({ answer: "askedCoach", items: [] });
  });

  it("asks again on something it does not understand, and survives a JSON round trip", () => {
    const first = start(referralConsentMachine, consentInput);
    const again = send(referralConsentMachine, roundTrip(referralConsentMachine, first, consentInput), said("blabla"));
    expect(keys(again)).toEqual(["common.pickButton", "referralConsent.together", "referralConsent.list"]);
    expect(again.effects).toEqual([]);
  });

  it("with broken start data shares nothing and ends", () => {
    const t = start(referralConsentMachine, inputFor({ referralId: "x" }));
    expect(keys(t)).toEqual(["common.error"]);
    expect(t.effects).toEqual([]);
    expect(t.snap.status).toBe("done");
  });

  it("reaches every state, with texts in both languages, on all paths", () => {
    const events = ["yes", "remove", "coach", "no", "undo", "back", "name", "phone", "goal", "bogus"].map((c) => chose(c, NOW));
    const report = exploreFlow(referralConsentMachine, {
      inputs: [consentInput, { ...consentInput, data: { ...data, coachJoins: false } }, inputFor()],
      events: [...events, said("ja"), said("??")],
      // Which items are left is context, not state: reach "nothing left" by taking two out first.
      prefixes: [[chose("remove"), chose("name"), chose("remove"), chose("phone")]],
    });
    // "start" is the initial eventless junction: the checker only counts junctions that a state leads into.
    expect(report.unreached.filter((id) => id !== "referralConsent.start")).toEqual([]);
    expect(report.stuck).toEqual([]);
    expect(report.missingInNl).toEqual([]);
    expect(report.missingInEn).toEqual([]);
    expect(report.badChoiceIds).toEqual([]);
  });
});
