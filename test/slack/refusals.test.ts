import { describe, expect, it } from "vitest";
import { parseSlackId, parseUuid, slackUserOf, UUID_PATTERN } from "../../src/slack/refusals.js";

const ID = "0b6f1c2e-6f1d-4b1e-9a57-2c1d3e4f5a6b";

describe("parseUuid", () => {
  it("keeps a well-formed uuid, in either case", () => {
    expect(parseUuid(ID)).toBe(ID);
    expect(parseUuid(ID.toUpperCase())).toBe(ID.toUpperCase());
  });

  it("refuses anything else before it can reach a query", () => {
    for (const v of ["", `${ID} `, ` ${ID}`, `${ID}\n`, ID.slice(1), `${ID}0`, ID.replace(/-/g, ""), ID.replace("0b", "zz"), "' OR 1=1 --", 42, null, undefined, { id: ID }, [ID]]) {
      expect(parseUuid(v), JSON.stringify(v)).toBeNull();
    }
    expect(UUID_PATTERN.test(`x${ID}`)).toBe(false);
  });
});

describe("parseSlackId", () => {
  it("takes 2 to 32 capitals and digits", () => {
    expect(parseSlackId("U0123ABC")).toBe("U0123ABC");
    expect(parseSlackId("T1")).toBe("T1");
    expect(parseSlackId("C".repeat(32))).toBe("C".repeat(32));
  });

  it("refuses lower case, other characters, too short or long, and non-strings", () => {
    for (const v of ["u0123abc", "U", "C".repeat(33), "U01 23", "<@U0123>", "U0123\n", "", 12345, null, undefined]) {
      expect(parseSlackId(v), JSON.stringify(v)).toBeNull();
    }
  });
});

describe("slackUserOf", () => {
  it("finds the user of an action or view (user.id), a command (user_id) and an event (event.user)", () => {
    expect(slackUserOf({ user: { id: "U1ACTION" } })).toBe("U1ACTION");
    expect(slackUserOf({ user_id: "U2COMMAND" })).toBe("U2COMMAND");
    expect(slackUserOf({ event: { user: "U3EVENT" } })).toBe("U3EVENT");
  });

  it("prefers user.id over the other places", () => {
    expect(slackUserOf({ user: { id: "UFIRST" }, user_id: "USECOND", event: { user: "UTHIRD" } })).toBe("UFIRST");
    expect(slackUserOf({ user_id: "USECOND", event: { user: "UTHIRD" } })).toBe("USECOND");
  });

  it("gives null for a body without a user or with one that does not look real", () => {
    expect(slackUserOf(undefined)).toBeNull();
    expect(slackUserOf(null)).toBeNull();
    expect(slackUserOf({})).toBeNull();
    expect(slackUserOf("U1STRING")).toBeNull();
    expect(slackUserOf({ user: { id: "not a user" } })).toBeNull();
    expect(slackUserOf({ user: { name: "sam" } })).toBeNull();
    expect(slackUserOf({ user_id: 12 })).toBeNull();
    expect(slackUserOf({ event: { user: { id: "U1" } } })).toBeNull();
  });
});
