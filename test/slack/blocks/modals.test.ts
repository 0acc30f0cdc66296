import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { LIFE_DOMAINS, LIMITS, SHARE_ITEMS } from "../../../src/domain/referrals/types.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { acceptModal, aanmeldenModal, option, planModal, TEXT_EVENTS, textModal, verwijsModal } from "../../../src/slack/blocks/modals.js";
import { VIEW } from "../../../src/slack/ids.js";

const t = createSlackTranslator("nl");
const REFERRAL_ID = "0b5f3c1e-8a1d-4c2e-9f3a-1234567890ab";

type Input = types.InputBlock & { element: Record<string, unknown> };
const inputs = (view: types.ModalView) => view.blocks as Input[];
const byId = (view: types.ModalView, id: string) => inputs(view).find((b) => b.block_id === id);

describe("option", () => {
  it("escapes a label someone typed and keeps the value", () => {
    expect(option({ value: "c-1", label: "<@U1> & co" })).toEqual({ text: { type: "plain_text", text: "&lt;@U1&gt; &amp; co" }, value: "c-1" });
  });

  it("clips a long label to Slack's 75 characters", () => {
    expect(option({ value: "v", label: "x".repeat(200) }).text.text).toHaveLength(75);
  });
});

describe("every modal", () => {
  const all: [string, types.ModalView][] = [
    ["verwijs", verwijsModal(t, { channel: "C1" })],
    ["aanmelden", aanmeldenModal(t, {})],
    ["text", textModal(t, REFERRAL_ID, "partner.rejected")],
    ["plan", planModal(t, REFERRAL_ID)],
    ["accept", acceptModal(t, REFERRAL_ID)],
  ];

  it.each(all)("%s: every input's action id is v, its block id unique, its titles within 24 characters", (_name, view) => {
    expect(view.type).toBe("modal");
    const ids = inputs(view).map((b) => b.block_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of inputs(view)) {
      expect(b.type).toBe("input");
      expect(b.element.action_id).toBe("v");
    }
    for (const text of [view.title, view.submit, view.close]) expect(text?.text.length).toBeLessThanOrEqual(24);
    expect(view.close?.text).toBe(t("referral.modal.cancel"));
  });
});

describe("verwijsModal", () => {
  const view = verwijsModal(t, { channel: "C123" });

  it("is the /verwijs view with its own submit label, remembering the channel", () => {
    expect(view.callback_id).toBe(VIEW.verwijs);
    expect(view.submit?.text).toBe(t("referral.modal.verwijs.submit"));
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ channel: "C123" });
  });

  it("asks for the fields the domain checks, in order, with the optional ones marked", () => {
    expect(inputs(view).map((b) => [b.block_id, b.optional])).toEqual([
      ["client", false],
      ["partner", false],
      ["domain", false],
      ["need", false],
      ["items", false],
      ["phone", true],
      ["summary", true],
      ["urgency", false],
      ["joins", true],
      ["date", true],
    ]);
  });

  it("searches clients and partners as the person types, and offers every life domain", () => {
    expect(byId(view, "client")?.element).toMatchObject({ type: "external_select", min_query_length: 0 });
    expect(byId(view, "client")?.hint?.text).toBe(t("referral.modal.verwijs.clientHint"));
    expect(byId(view, "partner")?.element.type).toBe("external_select");
    const domains = byId(view, "domain")?.element as { type: string; options: { value: string }[] };
    expect(domains.type).toBe("static_select");
    expect(domains.options.map((o) => o.value)).toEqual([...LIFE_DOMAINS]);
  });

  it("offers every share item with the name ticked, and normal urgency chosen", () => {
    const items = byId(view, "items")?.element as { options: { value: string }[]; initial_options: { value: string }[] };
    expect(items.options.map((o) => o.value)).toEqual([...SHARE_ITEMS]);
    expect(items.initial_options.map((o) => o.value)).toEqual(["name"]);
    const urgency = byId(view, "urgency")?.element as { initial_option: { value: string }; options: unknown[] };
    expect(urgency.initial_option.value).toBe("normal");
    expect(urgency.options).toHaveLength(3);
  });

  it("limits the texts to the domain's lengths", () => {
    expect(byId(view, "need")?.element).toMatchObject({ type: "plain_text_input", max_length: LIMITS.need, multiline: true });
    expect(byId(view, "summary")?.element).toMatchObject({ max_length: LIMITS.summary, multiline: true });
    expect(byId(view, "phone")?.element).toMatchObject({ max_length: 20, multiline: false });
  });

  it("writes no channel when there is none", () => {
    expect(JSON.parse(verwijsModal(t, {}).private_metadata ?? "")).toEqual({});
  });
});

describe("aanmeldenModal", () => {
  it("asks a partner for the person, the need and their agreement", () => {
    const view = aanmeldenModal(t, { channel: "C9" });
    expect(view.callback_id).toBe(VIEW.aanmelden);
    expect(view.submit?.text).toBe(t("referral.modal.submit"));
    expect(inputs(view).map((b) => [b.block_id, b.optional])).toEqual([
      ["team", false],
      ["name", false],
      ["contact", false],
      ["need", false],
      ["wish", true],
      ["urgency", false],
      ["agrees", false],
    ]);
    expect(byId(view, "name")?.element).toMatchObject({ max_length: LIMITS.name });
    expect(byId(view, "contact")?.element).toMatchObject({ max_length: LIMITS.contact });
    expect(byId(view, "team")?.element).not.toHaveProperty("initial_option");
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ channel: "C9" });
  });

  it("chooses the only team beforehand, its name escaped", () => {
    const view = aanmeldenModal(t, { onlyTeam: { value: "team-1", label: "Team <Zuid>" } });
    expect(byId(view, "team")?.element.initial_option).toEqual({ text: { type: "plain_text", text: "Team &lt;Zuid&gt;" }, value: "team-1" });
  });
});

describe("textModal", () => {
  it.each(Object.entries(TEXT_EVENTS))("%s asks for one text of at most its length", (event, spec) => {
    const view = textModal(t, REFERRAL_ID, event as keyof typeof TEXT_EVENTS);
    expect(view.callback_id).toBe(VIEW.text);
    expect(view.title.text).toBe(t(`referral.modal.${spec?.modal}.title`));
    expect(inputs(view).map((b) => b.block_id)).toEqual(["text"]);
    expect(byId(view, "text")?.element).toMatchObject({ max_length: spec?.max, multiline: true });
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ referralId: REFERRAL_ID, event });
  });

  it("the answer to a question may be as long as a need, a reason less", () => {
    expect(TEXT_EVENTS["partner.answeredInfo"]?.max).toBe(LIMITS.need);
    expect(TEXT_EVENTS["partner.rejected"]?.max).toBe(LIMITS.reason);
  });

  it("refuses an event that asks for no text", () => {
    expect(() => textModal(t, REFERRAL_ID, "partner.accepted")).toThrow("no text modal for partner.accepted");
  });
});

describe("planModal and acceptModal", () => {
  it("asks for a date, a time and a place, for this referral", () => {
    const view = planModal(t, REFERRAL_ID);
    expect(view.callback_id).toBe(VIEW.plan);
    expect(inputs(view).map((b) => [b.block_id, b.element.type])).toEqual([
      ["date", "datepicker"],
      ["time", "timepicker"],
      ["place", "plain_text_input"],
    ]);
    expect(byId(view, "place")?.element).toMatchObject({ max_length: LIMITS.place });
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ referralId: REFERRAL_ID });
  });

  it("asks which coach takes it on, searched as typed", () => {
    const view = acceptModal(t, REFERRAL_ID);
    expect(view.callback_id).toBe(VIEW.accept);
    expect(inputs(view).map((b) => [b.block_id, b.element.type])).toEqual([["coach", "external_select"]]);
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ referralId: REFERRAL_ID });
  });
});
