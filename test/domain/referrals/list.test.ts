import { describe, expect, it } from "vitest";
import { isReferralsCommand, referralListWithoutButtons, type ReferralListEntry } from "../../../src/domain/referrals/list.js";

const entry = (over: Partial<ReferralListEntry>): ReferralListEntry => ({ choice: "r1", referralId: "id1", partner: "Schuldhulp Oost", state: "waiting", canWithdraw: false, ...over });

describe("isReferralsCommand", () => {
  it("takes /verwijzingen and /referrals", () => {
    expect(["verwijzingen", "referrals", "verwijzing", "referral"].map(isReferralsCommand)).toEqual([true, true, false, false]);
  });
});

describe("referralListWithoutButtons", () => {
  it("says there are none", () => {
    expect(referralListWithoutButtons([])).toEqual([{ key: "referralList.none" }]);
  });

  it("lists each referral in plain words, with how to stop sharing later only when one can be stopped", () => {
    expect(referralListWithoutButtons([entry({}), entry({ partner: "Woonstichting", state: "accepted" })])).toEqual([
      { key: "referralList.intro" },
      { key: "referralList.state.waiting", vars: { partner: "Schuldhulp Oost" } },
      { key: "referralList.state.accepted", vars: { partner: "Woonstichting" } },
    ]);
    expect(referralListWithoutButtons([entry({ canWithdraw: true })]).at(-1)).toEqual({ key: "referralList.later" });
  });
});
