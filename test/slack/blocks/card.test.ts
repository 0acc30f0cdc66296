import { describe, expect, it } from "vitest";
import type { CardData } from "../../../src/domain/referrals/card.js";
import type { Member } from "../../../src/domain/members.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { buttons, renderCard } from "../../../src/slack/blocks/card.js";
import { CARD_ACTIONS } from "../../../src/slack/ids.js";

const t = createSlackTranslator("nl");
const REFERRAL_ID = "0b5f3c1e-8a1d-4c2e-9f3a-1234567890ab";

const member = (name: string, slackUserId: string | null): Member => ({
  id: `m-${name}`,
  organisationId: "org",
  name,
  slackUserId,
  role: "COACH",
  nudgeMode: "SINGLE",
  active: true,
  createdAt: new Date("2026-01-01T00:00:00Z"),
});

function card(over: Partial<CardData["referral"]> = {}, rest: Partial<Omit<CardData, "referral">> = {}): CardData {
  return {
    referral: {
      id: REFERRAL_ID,
      direction: "OUT",
      status: "requested",
      personName: "Sam <@U999>",
      personContact: "06 123",
      lifeDomain: "work",
      need: "Hulp bij <werk> & geld",
      wish: "Een baan",
      summary: "Samenvatting",
      urgency: "normal",
      coachJoins: true,
      wishedDate: new Date("2026-03-04T00:00:00Z"),
      consentedItems: ["name", "phone", "summary", "goal"],
      consentWithdrawnAt: null,
      slackChannel: null,
      slackTs: null,
      updatedAt: new Date("2026-01-02T00:00:00Z"),
      ...over,
    },
    state: "sent",
    toOrg: { id: "to", name: "Werkpunt", referralChannel: "C1" },
    fromOrg: { id: "from", name: "Team <Noord>", referralChannel: null },
    filedBy: member("Filer", "UFILER"),
    client: { id: "client", coach: member("Coach Kim", "UCOACH") },
    contact: member("Contact", "UCONTACT"),
    backup: null,
    appointment: null,
    ...rest,
  };
}

type Block = Record<string, unknown> & { type: string };
const blocksOf = (d: CardData) => renderCard(t, d).blocks as unknown as Block[];
const fieldTexts = (d: CardData) => blocksOf(d).flatMap((b) => ((b.fields as { text: string }[] | undefined) ?? []).map((f) => f.text));
const actionIds = (d: CardData) => blocksOf(d).filter((b) => b.type === "actions").flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
const contextTexts = (d: CardData) => ((blocksOf(d).find((b) => b.type === "context")?.elements as { text: string }[] | undefined) ?? []).map((e) => e.text);
const field = (name: string, value: string) => `*${t(`referral.card.field.${name}`)}*\n${value}`;

describe("buttons", () => {
  it("gives no block for no buttons", () => {
    expect(buttons(t, REFERRAL_ID, [])).toEqual([]);
  });

  it("puts the referral id in the block id and every button's value, with style only where asked", () => {
    expect(buttons(t, REFERRAL_ID, [[CARD_ACTIONS.accept, "accept", "primary"], [CARD_ACTIONS.redirect, "redirect"]])).toEqual([
      {
        type: "actions",
        block_id: `ref:${REFERRAL_ID}`,
        elements: [
          { type: "button", action_id: "ref.accept", value: REFERRAL_ID, text: { type: "plain_text", text: t("referral.button.accept") }, style: "primary" },
          { type: "button", action_id: "ref.redirect", value: REFERRAL_ID, text: { type: "plain_text", text: t("referral.button.redirect") } },
        ],
      },
    ]);
  });
});

describe("renderCard: a referral out", () => {
  it("starts with the escaped title and the state, and the fallback text says both", () => {
    const out = renderCard(t, card());
    const title = t("referral.card.outTitle", { from: "Team &lt;Noord&gt;" });
    const state = t("referral.state.out.sent");
    expect(out.text).toBe(`${title}: ${state}`);
    expect(out.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: title } });
    expect(out.blocks[1]).toEqual({ type: "section", text: { type: "mrkdwn", text: t("referral.card.status", { state }) } });
  });

  it("shows what the client agreed to share, escaped, and the coach as a mention", () => {
    const texts = fieldTexts(card());
    expect(texts).toContain(field("name", "Sam &lt;@U999&gt;"));
    expect(texts).toContain(field("phone", "06 123"));
    expect(texts).toContain(field("need", "Hulp bij &lt;werk&gt; &amp; geld"));
    expect(texts).toContain(field("goal", "Een baan"));
    expect(texts).toContain(field("coach", "<@UCOACH>"));
    expect(texts).toContain(field("joins", t("referral.card.yes")));
    expect(texts).toContain(field("wishedDate", "2026-03-04"));
    expect(texts).toContain(field("domain", t("referral.domain.work")));
  });

  it("leaves out the items the client did not share", () => {
    const texts = fieldTexts(card({ consentedItems: ["goal"] }));
    expect(texts.some((x) => x.includes("Sam"))).toBe(false);
    expect(texts.some((x) => x.includes("06 123"))).toBe(false);
    expect(texts.some((x) => x.includes("Samenvatting"))).toBe(false);
    expect(texts).toContain(field("goal", "Een baan"));
  });

  it("shows nothing shared, not even the need or the appointment, once consent is withdrawn", () => {
    const d = card({ consentWithdrawnAt: new Date("2026-01-03T00:00:00Z") }, { appointment: { at: new Date("2026-02-01T09:00:00Z"), place: "Kantoor" } });
    const all = JSON.stringify(blocksOf(d));
    for (const typed of ["Sam", "06 123", "werk&gt;", "Een baan", "Samenvatting", "Kantoor"]) expect(all).not.toContain(typed);
    expect(blocksOf(d)[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: t("referral.card.withdrawn") } });
  });

  it("names a member without Slack by their escaped name, and a missing one as -", () => {
    const d = card({}, { contact: member("Jo <b>", null), backup: null });
    const context = contextTexts(d);
    expect(context[0]).toBe(`${t("referral.card.field.contactPerson")}: Jo &lt;b&gt; · ${t("referral.card.field.backup")}: -`);
    expect(context[1]).toBe(t("referral.card.fhir", { status: "requested", business: "sent", id: REFERRAL_ID.slice(0, 8) }));
  });

  it("shows the buttons of its state only", () => {
    expect(actionIds(card())).toEqual([CARD_ACTIONS.received, CARD_ACTIONS.accept, CARD_ACTIONS.reject, CARD_ACTIONS.redirect]);
    expect(actionIds(card({}, { state: "firstContact" }))).toEqual([CARD_ACTIONS.complete]);
    expect(actionIds(card({}, { state: "noShow" }))).toEqual([CARD_ACTIONS.plan, CARD_ACTIONS.close]);
    // A closed referral has no buttons at all.
    expect(actionIds(card({}, { state: "completed" }))).toEqual([]);
  });
});

describe("renderCard: a referral in", () => {
  const inCard = (rest: Partial<Omit<CardData, "referral">> = {}) => card({ direction: "IN", consentedItems: [] }, { state: "filed", client: null, ...rest });

  it("shows what the referrer wrote, whatever was consented, and who filed it", () => {
    const texts = fieldTexts(inCard());
    expect(texts).toContain(field("name", "Sam &lt;@U999&gt;"));
    expect(texts).toContain(field("contact", "06 123"));
    expect(texts).toContain(field("wish", "Een baan"));
    expect(texts).toContain(field("agrees", t("referral.card.yes")));
    expect(texts).toContain(field("filedBy", "<@UFILER>"));
    // No coach assigned yet: no field for it.
    expect(texts.some((x) => x.startsWith(`*${t("referral.card.field.assigned")}*`))).toBe(false);
  });

  it("shows the assigned coach once there is a client, and has no contact line", () => {
    const d = inCard({ client: { id: "c", coach: member("Kim", "UKIM") } });
    expect(fieldTexts(d)).toContain(field("assigned", "<@UKIM>"));
    expect(contextTexts(d)).toEqual([t("referral.card.fhir", { status: "requested", business: "filed", id: REFERRAL_ID.slice(0, 8) })]);
  });

  it("offers accept, ask and decline while filed, and no asking again once info was requested", () => {
    expect(actionIds(inCard())).toEqual([CARD_ACTIONS.acceptIn, CARD_ACTIONS.askInfo, CARD_ACTIONS.declineIn]);
    expect(actionIds(inCard({ state: "infoRequested" }))).toEqual([CARD_ACTIONS.acceptIn, CARD_ACTIONS.declineIn]);
  });
});

describe("renderCard: Slack's limits", () => {
  it("splits more than ten fields over sections and clips a long field", () => {
    const d = card({ need: "n".repeat(5000) }, { appointment: { at: new Date("2026-02-01T09:00:00Z"), place: "Kantoor" } });
    const sections = blocksOf(d).flatMap((b) => (Array.isArray(b.fields) ? [{ fields: b.fields as { text: string }[] }] : []));
    expect(sections.map((s) => s.fields.length)).toEqual([10, 1]);
    for (const s of sections) for (const f of s.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    expect(sections[0]?.fields.find((f) => f.text.startsWith(`*${t("referral.card.field.need")}*`))?.text.endsWith("…")).toBe(true);
  });
});
