import { describe, expect, it } from "vitest";
import { memberLabel } from "../../../src/domain/referrals/labels.js";
import type { Member } from "../../../src/generated/prisma/client.js";

const member = (name: string, slackUserId: string | null) => ({ name, slackUserId }) as Member;

describe("memberLabel", () => {
  it("mentions a member with a Slack id", () => {
    expect(memberLabel(member("Petra", "UPETRA1"))).toBe("<@UPETRA1>");
  });

  it("names a member without one, without Slack's markup characters", () => {
    expect(memberLabel(member("Bas <b>&</b>", null))).toBe("Bas b/b");
    expect(memberLabel(member("Fleur", ""))).toBe("Fleur");
  });
});
