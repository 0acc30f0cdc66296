import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { checked, isLifeDomain, isShareItem, isUrgency, isUuid, Problems, ReferralRefused } from "../../../src/domain/referrals/types.js";

const invalid = (field: string) => new ReferralRefused("invalid", "referral.error.required", field);

describe("the value checks", () => {
  it("take a uuid in any case and nothing else", () => {
    expectCases(isUuid, [["0f8fad5b-d9cb-469f-a165-70867728950e", true], ["0F8FAD5B-D9CB-469F-A165-70867728950E", true], ["0f8fad5b-d9cb-469f-a165-70867728950", false], [" 0f8fad5b-d9cb-469f-a165-70867728950e", false], [42, false]]);
  });

  it("take only the listed share items, urgencies and life domains", () => {
    expect(["name", "phone", "summary", "goal", "address", 1].map(isShareItem)).toEqual([true, true, true, true, false, false]);
    expect(["normal", "soon", "urgent", "URGENT", undefined].map(isUrgency)).toEqual([true, true, true, false, false]);
    expect(isLifeDomain("financien")).toBe(true);
    expect(isLifeDomain("toString")).toBe(false);
  });
});

describe("ReferralRefused", () => {
  it("lists its own field as the one problem, or none without a field", () => {
    const err = new ReferralRefused("invalid", "referral.error.tooLong", "name", { max: 100 });
    expect([err.name, err.message, err.reason, err.field]).toEqual(["ReferralRefused", "referral.error.tooLong", "invalid", "name"]);
    expect(err.problems).toEqual([{ field: "name", key: "referral.error.tooLong", vars: { max: 100 } }]);
    expect(new ReferralRefused("forbidden", "referral.refused.notPartner").problems).toEqual([]);
  });
});

describe("Problems", () => {
  it("collects every input mistake and throws them as one refusal", async () => {
    const p = new Problems();
    expect(await p.field(() => "Jan")).toBe("Jan");
    expect(await p.field(() => Promise.reject(invalid("contact")))).toBeUndefined();
    expect(await p.field(() => { throw invalid("need"); })).toBeUndefined();
    expect(p.list.map((x) => x.field)).toEqual(["contact", "need"]);
    let thrown: unknown;
    try {
      p.done();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ReferralRefused);
    expect((thrown as ReferralRefused).field).toBe("contact");
    expect((thrown as ReferralRefused).problems.map((x) => x.field)).toEqual(["contact", "need"]);
  });

  it("passes on what is not an input mistake, and is done quietly without mistakes", async () => {
    const p = new Problems();
    await expect(p.field(() => { throw new ReferralRefused("forbidden", "referral.refused.notPartner"); })).rejects.toThrow("referral.refused.notPartner");
    await expect(p.field(() => { throw new ReferralRefused("invalid", "referral.error.required"); })).rejects.toThrow("referral.error.required");
    await expect(p.field(() => { throw new Error("database down"); })).rejects.toThrow("database down");
    expect(() => p.done()).not.toThrow();
  });
});

describe("checked", () => {
  it("gives the value, and refuses a missing one", () => {
    expect(checked(0)).toBe(0);
    expect(checked("")).toBe("");
    expect(() => checked(undefined)).toThrow("a checked value is missing");
  });
});
