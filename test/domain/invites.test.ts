import { describe, expect, it } from "vitest";
import { hashInviteCode, inviteLink, looksLikeInviteCode, newInviteCode } from "../../src/domain/invites.js";

describe("newInviteCode", () => {
  it("is 128 random bits in base64url: 22 characters a Telegram start parameter takes", () => {
    const codes = Array.from({ length: 50 }, () => newInviteCode());
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(code, "base64url")).toHaveLength(16);
      expect(looksLikeInviteCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("hashInviteCode", () => {
  it("is the SHA-256 of the code in hex", () => {
    // echo -n abc | sha256sum
    expect(hashInviteCode("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashInviteCode("abd")).not.toBe(hashInviteCode("abc"));
  });
});

describe("looksLikeInviteCode", () => {
  it("takes 16 to 64 base64url characters", () => {
    expect(looksLikeInviteCode("a".repeat(16))).toBe(true);
    expect(looksLikeInviteCode("A-_9".repeat(16))).toBe(true);
  });

  it("refuses shorter, longer, empty, and anything with other characters", () => {
    expect(looksLikeInviteCode("a".repeat(15))).toBe(false);
    expect(looksLikeInviteCode("a".repeat(65))).toBe(false);
    expect(looksLikeInviteCode("")).toBe(false);
    expect(looksLikeInviteCode(`${"a".repeat(20)}=`)).toBe(false);
    expect(looksLikeInviteCode(`${"a".repeat(20)} b`)).toBe(false);
    expect(looksLikeInviteCode(`${"a".repeat(20)}\n`)).toBe(false);
    expect(looksLikeInviteCode("ééééééééééééééééé")).toBe(false);
  });
});

describe("inviteLink", () => {
  it("is the bot's t.me deep link with the code as start parameter", () => {
    expect(inviteLink("KoersBot", "abcDEF123_-xyzxyzxyzx")).toBe("https://t.me/KoersBot?start=abcDEF123_-xyzxyzxyzx");
  });
});
