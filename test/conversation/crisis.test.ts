import { describe, expect, it } from "vitest";
import { crisisIn, crisisTextOf, doubtIn } from "../../src/conversation/crisis.js";

describe("crisisTextOf", () => {
  it("reads a text, an edit and a caption, and not a button or command", () => {
    expect(crisisTextOf({ kind: "text", text: "hoi" })).toEqual({ text: "hoi", source: "text" });
    expect(crisisTextOf({ kind: "edited", text: "hoi" })).toEqual({ text: "hoi", source: "edited" });
    expect(crisisTextOf({ kind: "media", media: "photo", caption: "kijk" })).toEqual({ text: "kijk", source: "caption:photo" });
    expect(crisisTextOf({ kind: "media", media: "photo" })).toBeNull();
    expect(crisisTextOf({ kind: "media", media: "voice", caption: "" })).toBeNull();
    expect(crisisTextOf({ kind: "button", data: "k:1:a" })).toBeNull();
    expect(crisisTextOf({ kind: "command", command: "start", args: "ik wil dood" })).toBeNull();
  });
});

describe("crisisIn", () => {
  it("gives the signal with the text and where it was found", () => {
    expect(crisisIn({ kind: "media", media: "photo", caption: "ik wil dood" })).toMatchObject({ signal: { category: "suicide", rule: "suicide.wish-dead" }, text: "ik wil dood", source: "caption:photo" });
    expect(crisisIn({ kind: "edited", text: "ik wil dood" })?.source).toBe("edited");
    expect(crisisIn({ kind: "text", text: "ik ga wandelen" })).toBeNull();
  });
});

describe("doubtIn", () => {
  it("asks about a call for help, not about an edit or a clear crisis", () => {
    expect(doubtIn({ kind: "text", text: "help" })).toEqual({ text: "help", source: "text" });
    expect(doubtIn({ kind: "edited", text: "help" })).toBeNull();
    expect(doubtIn({ kind: "text", text: "ik wil dood" })).toBeNull();
    expect(doubtIn({ kind: "text", text: "de bus was laat" })).toBeNull();
  });
});
