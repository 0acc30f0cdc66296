import { describe, expect, it } from "vitest";
import { clip, escapeSlack, escapeVars, mrkdwn, plainText, SLACK_LIMITS, userText } from "../../src/slack/text.js";

/** What escapeSlack makes of a text: [what it shows, [text, escaped][]]. */
const ESCAPES: [string, [string, string][]][] = [
  ["escapes &, < and > so mentions and links stay text", [["<!channel> & <@U123> <https://evil|bank>", "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|bank&gt;"]]],
  ["escapes an ampersand first, so an entity someone typed is shown as typed", [["&lt;", "&amp;lt;"]]],
  ["leaves other text alone, mrkdwn marks included", [["*vet* _schuin_ ~weg~ 'x' \"y\"", "*vet* _schuin_ ~weg~ 'x' \"y\""], ["", ""]]],
];

describe("escapeSlack", () => {
  it.each(ESCAPES)("%s", (_, cases) => {
    for (const [text, escaped] of cases) expect(escapeSlack(text)).toBe(escaped);
  });
});

/** What clip makes of a text: [what it shows, [text, max, clipped][]]. */
const CLIPS: [string, [string, number, string][]][] = [
  ["keeps text within the limit unchanged", [["abc", 3, "abc"], ["", 0, ""]]],
  ["cuts longer text to exactly max characters, ending in an ellipsis", [["abcdefghij", 5, "abcd…"]]],
  // "ab&amp;cd" cut at 6 would keep "ab&am"; a whole entity before the cut stays.
  ["never leaves half an entity", [["ab&amp;cd", 6, "ab…"], ["ab&#123;cd", 6, "ab…"], ["&amp;abcdef", 7, "&amp;a…"]]],
  // A closed mention before the cut stays.
  ["never leaves an unclosed mention of our own", [["hi <@U12345> there", 8, "hi …"], ["<@U1> said hello", 9, "<@U1> sa…"]]],
  // "a😀b": the emoji takes two code units; a cut at 3 keeps "a" plus half of it.
  ["never cuts an emoji (a surrogate pair) in half", [["a😀bcd", 3, "a…"], ["a😀bcd", 4, "a😀…"]]],
  ["gives only the ellipsis when max leaves no room for text", [["abcdef", 1, "…"], ["abcdef", 0, "…"]]],
];

describe("clip", () => {
  it.each(CLIPS)("%s", (_, cases) => {
    for (const [text, max, clipped] of cases) expect(clip(text, max)).toBe(clipped);
  });

  it("a cut text is exactly max characters", () => {
    expect(clip("abcdefghij", 5).length).toBe(5);
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
