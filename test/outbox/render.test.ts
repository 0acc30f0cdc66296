import { describe, expect, it } from "vitest";
import { createTranslator, type Translator } from "../../src/i18n.js";
import { renderMessage } from "../../src/outbox/render.js";

/** A translator that shows what it was asked, so the test sees each key and var reach it. */
const echo: Translator = {
  t: (language, key, vars) => `${language}:${key}${vars ? JSON.stringify(vars) : ""}`,
  has: () => true,
};

describe("renderMessage", () => {
  it("renders one key in the given language, without a keyboard", () => {
    expect(renderMessage(echo, "en", { key: "help.text" })).toEqual({ text: "en:help.text", keyboard: undefined });
  });

  it("puts the message's lines under it, one per line, each with its own vars", () => {
    const out = renderMessage(echo, "nl", { key: "a", vars: { n: 1 }, lines: [{ key: "b" }, { key: "c", vars: { x: "y" } }] });
    expect(out.text).toBe('nl:a{"n":1}\nnl:b\nnl:c{"x":"y"}');
  });

  it("translates button labels with their vars and keeps the rows and callback data", () => {
    const out = renderMessage(echo, "en", {
      key: "q",
      buttons: [[{ label: "yes", data: "c:1" }, { label: "no", data: "c:2" }], [{ label: "score", vars: { n: 7 }, data: "s:7" }]],
    });
    expect(out.keyboard).toEqual([
      [{ text: "en:yes", callback_data: "c:1" }, { text: "en:no", callback_data: "c:2" }],
      [{ text: 'en:score{"n":7}', callback_data: "s:7" }],
    ]);
  });

  it("keeps an empty keyboard empty (no buttons is not the same as no keyboard)", () => {
    expect(renderMessage(echo, "nl", { key: "q", buttons: [] }).keyboard).toEqual([]);
  });

  it("renders real texts, falling back to Dutch for a language we do not have", () => {
    const t = createTranslator();
    expect(renderMessage(t, "en", { key: "common.flood" }).text).toBe(t.t("en", "common.flood"));
    expect(renderMessage(t, "en", { key: "common.flood" }).text).not.toBe(t.t("nl", "common.flood"));
    expect(renderMessage(t, "fr", { key: "common.flood", lines: [{ key: "common.repeat" }] }).text).toBe(
      `${t.t("nl", "common.flood")}\n${t.t("nl", "common.repeat")}`,
    );
  });
});
