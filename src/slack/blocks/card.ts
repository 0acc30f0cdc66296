/**
 * The referral card in the receiving organisation's channel. An OUT card shows only what the
 * client agreed to share, and nothing of it once consent is withdrawn; an IN card shows what the
 * referrer wrote. The buttons are those the referral's state allows; the listeners check again.
 */
import type { types } from "@slack/bolt";
import type { CardData } from "../../domain/referrals/card.js";
import type { Member } from "../../domain/members.js";
import type { SlackT } from "../../i18n-slack.js";
import { clip, escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "../text.js";
import { CARD_ACTIONS as A } from "../ids.js";

export type { CardData };

const who = (m: Member | null | undefined) => (m ? (m.slackUserId ? `<@${m.slackUserId}>` : escapeSlack(m.name)) : "-");

/** Button action ids, by the state that shows them. Listeners map them to referral events. */
const BUTTONS: Record<"OUT" | "IN", Record<string, [action: string, label: string, style?: "primary" | "danger"][]>> = {
  OUT: {
    sent: [[A.received, "received"], [A.accept, "accept", "primary"], [A.reject, "reject", "danger"], [A.redirect, "redirect"]],
    received: [[A.accept, "accept", "primary"], [A.reject, "reject", "danger"], [A.redirect, "redirect"]],
    accepted: [[A.plan, "plan", "primary"], [A.reject, "reject", "danger"], [A.redirect, "redirect"]],
    appointmentPlanned: [[A.contactWithCoach, "contactWithCoach", "primary"], [A.contactAlone, "contactAlone"], [A.noShow, "noShow"], [A.plan, "replan"]],
    firstContact: [[A.complete, "complete", "primary"]],
    noShow: [[A.plan, "plan", "primary"], [A.close, "close", "danger"]],
  },
  IN: {
    filed: [[A.acceptIn, "acceptIn", "primary"], [A.askInfo, "askInfo"], [A.declineIn, "declineIn", "danger"]],
    infoRequested: [[A.acceptIn, "acceptIn", "primary"], [A.declineIn, "declineIn", "danger"]],
  },
};

export function buttons(t: SlackT, referralId: string, defs: [string, string, ("primary" | "danger")?][]): types.KnownBlock[] {
  if (!defs.length) return [];
  return [
    {
      type: "actions",
      block_id: `ref:${referralId}`,
      elements: defs.map(([action, label, style]) => ({
        type: "button" as const,
        action_id: action,
        value: referralId,
        text: plainText(t(`referral.button.${label}`), SLACK_LIMITS.button),
        ...(style ? { style } : {}),
      })),
    },
  ];
}

function field(t: SlackT, name: string, value: string | null | undefined): types.MrkdwnElement[] {
  return value ? [mrkdwn(`*${t(`referral.card.field.${name}`)}*\n${value}`, SLACK_LIMITS.field)] : [];
}

function outFields(t: SlackT, d: CardData): types.MrkdwnElement[] {
  const r = d.referral;
  const shared = r.consentWithdrawnAt ? [] : r.consentedItems;
  const item = (id: string, name: string, value: string | null) => (shared.includes(id) ? field(t, name, value ? escapeSlack(value) : null) : []);
  return [
    ...item("name", "name", r.personName),
    ...item("phone", "phone", r.personContact),
    ...field(t, "need", r.consentWithdrawnAt ? null : escapeSlack(r.need)),
    ...item("summary", "summary", r.summary),
    ...item("goal", "goal", r.wish),
    ...field(t, "domain", r.lifeDomain ? t(`referral.domain.${r.lifeDomain}`) : null),
    ...field(t, "urgency", t(`referral.urgency.${r.urgency}`)),
    ...field(t, "coach", who(d.client?.coach)),
    ...field(t, "joins", t(r.coachJoins ? "referral.card.yes" : "referral.card.no")),
    ...field(t, "wishedDate", r.wishedDate ? r.wishedDate.toISOString().slice(0, 10) : null),
    ...field(t, "appointment", d.appointment && !r.consentWithdrawnAt ? t("referral.card.appointmentAt", { when: d.appointment.at.toISOString(), place: escapeSlack(d.appointment.place ?? "") }) : null),
  ];
}

function inFields(t: SlackT, d: CardData): types.MrkdwnElement[] {
  const r = d.referral;
  const text = (v: string | null) => (v ? escapeSlack(v) : null);
  return [
    ...field(t, "name", text(r.personName)),
    ...field(t, "contact", text(r.personContact)),
    ...field(t, "need", text(r.need)),
    ...field(t, "wish", text(r.wish)),
    ...field(t, "urgency", t(`referral.urgency.${r.urgency}`)),
    ...field(t, "agrees", t("referral.card.yes")),
    ...field(t, "filedBy", who(d.filedBy)),
    ...field(t, "assigned", d.client ? who(d.client.coach) : null),
  ];
}

/** The whole card: title, status, fields (at most 10 per section), contact line, FHIR line, buttons. */
export function renderCard(t: SlackT, d: CardData): { text: string; blocks: types.KnownBlock[] } {
  const r = d.referral;
  const title = t(r.direction === "OUT" ? "referral.card.outTitle" : "referral.card.inTitle", { from: escapeSlack(d.fromOrg.name) });
  const state = t(`referral.state.${r.direction === "OUT" ? "out" : "in"}.${d.state}`);
  const fields = r.direction === "OUT" ? outFields(t, d) : inFields(t, d);
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plainText(title, SLACK_LIMITS.header) },
    { type: "section", text: mrkdwn(t("referral.card.status", { state })) },
  ];
  if (r.direction === "OUT" && r.consentWithdrawnAt) blocks.push({ type: "section", text: { type: "mrkdwn", text: t("referral.card.withdrawn") } });
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) blocks.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.fields) });
  const context = [
    ...(r.direction === "OUT" ? [`${t("referral.card.field.contactPerson")}: ${who(d.contact)} · ${t("referral.card.field.backup")}: ${who(d.backup)}`] : []),
    t("referral.card.fhir", { status: r.status, business: d.state, id: r.id.slice(0, 8) }),
  ];
  blocks.push({ type: "context", elements: context.map((text) => mrkdwn(text)) });
  blocks.push(...buttons(t, r.id, BUTTONS[r.direction][d.state] ?? []));
  return { text: clip(`${title}: ${state}`, SLACK_LIMITS.fallback), blocks };
}
