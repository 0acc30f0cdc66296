import { describe, expect, it } from "vitest";
import { forgetAsk, isForgetButton, isForgetCommand } from "../../src/conversation/forget.js";

describe("/vergeet", () => {
  it("is asked with the Dutch and English commands", () => {
    expect(["vergeet", "vergeetmij", "forget", "forgetme", "vergeten", "stop"].map(isForgetCommand)).toEqual([true, true, true, true, false, false]);
  });

  it("takes only its own two buttons", () => {
    expect(["f:yes", "f:no", "f:maybe", "f:yes:1", "k:1:yes"].map(isForgetButton)).toEqual([true, true, false, false, false]);
  });

  it("explains first, then asks with Ja and Nee", () => {
    expect(forgetAsk()).toEqual([
      { key: "forget.explain" },
      { key: "forget.ask", buttons: [[{ label: "forget.yes", data: "f:yes" }], [{ label: "forget.no", data: "f:no" }]] },
    ]);
  });
});
