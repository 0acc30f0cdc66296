/**
 * Escapes no real Telegram or Slack client sends, a lone UTF-16 surrogate and NUL, become U+FFFD
 * at the edge: with them, Prisma refused every query holding the text ("JSON Error: lone leading
 * surrogate in hex escape"), so a client's message in a crisis failed and Telegram got 500.
 * Found by test/fuzz/fuzz.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readUpdate } from "../src/telegram/updates.js";
import { wellFormed, wellFormedDeep } from "../src/well-formed.js";

describe("well-formed strings", () => {
  it("replaces lone surrogates and NUL, keeps pairs, emoji and other text", () => {
    expect(wellFormed("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormed("a\udc00")).toBe("a\ufffd");
    expect(wellFormed("\udc00\ud800")).toBe("\ufffd\ufffd");
    expect(wellFormed(`x${String.fromCharCode(0)}y`)).toBe("x\ufffdy");
    expect(wellFormed("😀 👩‍👩‍👧 ĳ مرحبا \u200b")).toBe("😀 👩‍👩‍👧 ĳ مرحبا \u200b");
    expect(wellFormedDeep({ a: ["\ud83d", 1, null, { "k\udc00": true }] })).toEqual({ a: ["\ufffd", 1, null, { "k\ufffd": true }] });
  });

  it("a Telegram update's text is well formed before it reaches the engine", () => {
    const read = readUpdate(JSON.parse(String.raw`{"update_id":1,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"first_name":"\ud800"},"text":"ik wil dood \udead\u0000"}}`));
    expect(read.kind).toBe("update");
    const message = (read as { update: { message: { text: string; from: { first_name: string } } } }).update.message;
    expect(message.text).toBe("ik wil dood \ufffd\ufffd");
    expect(message.from.first_name).toBe("\ufffd");
  });
});
