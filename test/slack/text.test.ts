import { describe, expect, it } from "vitest";
import { clip, escapeSlack, escapeVars, mrkdwn, plainText, SLACK_LIMITS, userText } from "../../src/slack/text.js";

describe("escapeSlack", () => {
  it("escapes &, < and > so mentions and links stay text", () => {
    expect(escapeSlack("<!channel> & <@U123> <https://evil|bank>")).toBe("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|bank&gt;");
  });

  it("escapes an ampersand first, so an entity someone typed is shown as typed", () => {
    expect(escapeSlack("&lt;")).toBe("&amp;lt;");
  });

  it("leaves other text alone, mrkdwn marks included", () => {
    expect(escapeSlack("*vet* _schuin_ ~weg~ 'x' \"y\"")).toBe("*vet* _schuin_ ~weg~ 'x' \"y\"");
    expect(escapeSlack("")).toBe("");
  });
});

describe("clip", () => {
  it("keeps text within the limit unchanged", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("", 0)).toBe("");
  });

  it("cuts longer text to exactly max characters, ending in an ellipsis", () => {
    const out = clip("abcdefghij", 5);
    expect(out).toBe("abcd…");
    expect(out.length).toBe(5);
  });

  it("never leaves half an entity", () => {
    // "ab&amp;cd" cut at 6 would keep "ab&am"
    expect(clip("ab&amp;cd", 6)).toBe("ab…");
    expect(clip("ab&#123;cd", 6)).toBe("ab…");
    // A whole entity before the cut stays.
    expect(clip("&amp;abcdef", 7)).toBe("&amp;a…");
  });

  it("never leaves an unclosed mention of our own", () => {
    expect(clip("hi <@U12345> there", 8)).toBe("hi …");
    // A closed one before the cut stays.
    expect(clip("<@U1> said hello", 9)).toBe("<@U1> sa…");
  });

  it("never cuts an emoji (a surrogate pair) in half", () => {
    // "a😀b": the emoji takes two code units; a cut at 3 keeps "a" plus half of it.
    expect(clip("a😀bcd", 3)).toBe("a…");
    expect(clip("a😀bcd", 4)).toBe("a😀…");
  });

  it("gives only the ellipsis when max leaves no room for text", () => {
    expect(clip("abcdef", 1)).toBe("…");
    expect(clip("abcdef", 0)).toBe("…");
  });
});

describe("userText", () => {
  it("escapes, then clips the escaped text", () => {
    expect(userText("a&b", 10)).toBe("a&amp;b");
    // The escaped "&amp;" would be cut: it goes whole.
    expect(userText("abc&def", 6)).toBe("abc…");
  });

  it("reads null and undefined as empty text", () => {
    expect(userText(null, 10)).toBe("");
    expect(userText(undefined, 10)).toBe("");
  });
});

describe("plainText and mrkdwn", () => {
  it("builds the text objects, clipped to max", () => {
    expect(plainText("Accepteren", SLACK_LIMITS.button)).toEqual({ type: "plain_text", text: "Accepteren" });
    expect(plainText("x".repeat(100), SLACK_LIMITS.button).text).toBe(`${"x".repeat(74)}…`);
    expect(mrkdwn("*vet*")).toEqual({ type: "mrkdwn", text: "*vet*" });
    expect(mrkdwn("y".repeat(3001)).text.length).toBe(SLACK_LIMITS.text);
    expect(mrkdwn("abcdef", 4).text).toBe("abc…");
  });

  it("never sends an empty text, which Slack refuses", () => {
    expect(plainText("", 10)).toEqual({ type: "plain_text", text: "-" });
    expect(mrkdwn("")).toEqual({ type: "mrkdwn", text: "-" });
  });
});

describe("escapeVars", () => {
  it("escapes every string value and leaves numbers", () => {
    expect(escapeVars({ name: "<b>", count: 3 })).toEqual({ name: "&lt;b&gt;", count: 3 });
  });

  it("leaves the values named as our own markup", () => {
    expect(escapeVars({ coach: "<@U1>", client: "<@U2>" }, new Set(["coach"]))).toEqual({ coach: "<@U1>", client: "&lt;@U2&gt;" });
  });
});
