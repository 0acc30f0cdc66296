/**
 * The modals: /verwijs (referral out), /aanmelden (referral in), and the small forms behind the
 * card buttons (a reason, an outcome, a question, an appointment, the coach who takes it on).
 * Each input block's id is the field name the domain reports errors for, so an inline error
 * lands under the right field; every input's action id is "v".
 */
import type { types } from "@slack/bolt";
import type { ReferralEventType } from "../../../flows/referral/index.js";
import { LIFE_DOMAINS, LIMITS, SHARE_ITEMS, URGENCIES } from "../../domain/referrals/types.js";
import type { SlackT } from "../../i18n-slack.js";
import { escapeSlack, plainText, SLACK_LIMITS } from "../text.js";
import { VIEW } from "../ids.js";


export interface Choice {
  value: string;
  label: string;
}

/** One choice in a select or a block_suggestion answer; the label may be typed by someone (a name), so it is escaped. */
export const option = (c: Choice) => ({ text: plainText(escapeSlack(c.label), SLACK_LIMITS.option), value: c.value });

function input(t: SlackT, id: string, label: string, element: types.InputBlock["element"], opts: { optional?: boolean; hint?: string } = {}): types.InputBlock {
  return {
    type: "input",
    block_id: id,
    label: plainText(t(label), SLACK_LIMITS.label),
    element,
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plainText(t(opts.hint), SLACK_LIMITS.hint) } : {}),
  };
}

const text = (max: number, multiline = false, initial?: string): types.PlainTextInput => ({
  type: "plain_text_input",
  action_id: "v",
  max_length: max,
  multiline,
  ...(initial ? { initial_value: initial } : {}),
});

/** A fixed list of our own choices (life domains), never more than Slack's 100. */
const select = (t: SlackT, choices: Choice[]): types.StaticSelect => {
  if (choices.length > SLACK_LIMITS.options) throw new Error(`a static select holds at most ${SLACK_LIMITS.options} options`);
  return { type: "static_select", action_id: "v", placeholder: plainText(t("referral.modal.verwijs.pick"), SLACK_LIMITS.placeholder), options: choices.map(option) };
};

/**
 * Clients, organisations and coaches can be more than 100: Slack asks for them as the person
 * types (a block_suggestion to the options load URL, answered by src/slack/options.ts).
 */
const search = (t: SlackT, initial?: Choice): types.ExternalSelect => ({
  type: "external_select",
  action_id: "v",
  placeholder: plainText(t("referral.modal.verwijs.search"), SLACK_LIMITS.placeholder),
  min_query_length: 0,
  ...(initial ? { initial_option: option(initial) } : {}),
});

const radios = (choices: Choice[], initial: string): types.RadioButtons => {
  const first = choices.find((c) => c.value === initial) ?? choices[0];
  return { type: "radio_buttons", action_id: "v", options: choices.map(option), ...(first ? { initial_option: option(first) } : {}) };
};

function modal(t: SlackT, callbackId: string, title: string, blocks: types.KnownBlock[], metadata: object, submit = "referral.modal.submit"): types.ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    title: plainText(t(title), SLACK_LIMITS.modalTitle),
    submit: plainText(t(submit), SLACK_LIMITS.modalTitle),
    close: plainText(t("referral.modal.cancel"), SLACK_LIMITS.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

const urgencies = (t: SlackT): Choice[] => URGENCIES.map((u) => ({ value: u, label: t(`referral.urgency.${u}`) }));

/** /verwijs: only the coach's own clients who use the chat are offered (src/slack/options.ts). */
export function verwijsModal(t: SlackT, args: { channel?: string | undefined }): types.ModalView {
  const domains = LIFE_DOMAINS.map((d) => ({ value: d, label: t(`referral.domain.${d}`) }));
  const items = SHARE_ITEMS.map((i) => ({ value: i, label: t(`referral.item.${i}`) }));
  const v = "referral.modal.verwijs";
  return modal(
    t,
    VIEW.verwijs,
    `${v}.title`,
    [
      input(t, "client", `${v}.client`, search(t), { hint: `${v}.clientHint` }),
      input(t, "partner", `${v}.partner`, search(t)),
      input(t, "domain", `${v}.domain`, select(t, domains)),
      input(t, "need", `${v}.need`, text(LIMITS.need, true), { hint: `${v}.needHint` }),
      input(t, "items", `${v}.items`, { type: "checkboxes", action_id: "v", options: items.map(option), initial_options: items.filter((i) => i.value === "name").map(option) }, { hint: `${v}.itemsHint` }),
      input(t, "phone", `${v}.phone`, text(20), { optional: true }),
      input(t, "summary", `${v}.summary`, text(LIMITS.summary, true), { optional: true }),
      input(t, "urgency", `${v}.urgency`, radios(urgencies(t), "normal")),
      input(t, "joins", `${v}.joins`, { type: "checkboxes", action_id: "v", options: [option({ value: "yes", label: t(`${v}.joinsOption`) })] }, { optional: true }),
      input(t, "date", `${v}.date`, { type: "datepicker", action_id: "v" }, { optional: true }),
    ],
    { channel: args.channel },
    `${v}.submit`,
  );
}

/** /aanmelden: a partner refers someone to a coach team. */
export function aanmeldenModal(t: SlackT, args: { onlyTeam?: Choice | undefined; channel?: string | undefined }): types.ModalView {
  const a = "referral.modal.aanmelden";
  return modal(
    t,
    VIEW.aanmelden,
    `${a}.title`,
    [
      input(t, "team", `${a}.team`, search(t, args.onlyTeam)),
      input(t, "name", `${a}.name`, text(LIMITS.name)),
      input(t, "contact", `${a}.contact`, text(LIMITS.contact)),
      input(t, "need", `${a}.need`, text(LIMITS.need, true)),
      input(t, "wish", `${a}.wish`, text(LIMITS.wish, true), { optional: true }),
      input(t, "urgency", `${a}.urgency`, radios(urgencies(t), "normal")),
      input(t, "agrees", `${a}.agrees`, { type: "checkboxes", action_id: "v", options: [option({ value: "yes", label: t(`${a}.agreesOption`) })] }),
    ],
    { channel: args.channel },
  );
}

/** Which text each free-text event asks for, and the label of its modal. */
export const TEXT_EVENTS: Partial<Record<ReferralEventType, { modal: string; max: number }>> = {
  "partner.rejected": { modal: "reject", max: LIMITS.reason },
  "partner.redirected": { modal: "redirect", max: LIMITS.reason },
  "partner.closed": { modal: "close", max: LIMITS.reason },
  "partner.completed": { modal: "complete", max: LIMITS.reason },
  "team.declined": { modal: "declineIn", max: LIMITS.reason },
  "team.askedInfo": { modal: "askInfo", max: LIMITS.reason },
  "partner.answeredInfo": { modal: "answer", max: LIMITS.need },
};

export function textModal(t: SlackT, referralId: string, event: ReferralEventType): types.ModalView {
  const spec = TEXT_EVENTS[event];
  if (!spec) throw new Error(`no text modal for ${event}`);
  const m = `referral.modal.${spec.modal}`;
  return modal(t, VIEW.text, `${m}.title`, [input(t, "text", `${m}.label`, text(spec.max, true))], { referralId, event });
}

export function planModal(t: SlackT, referralId: string): types.ModalView {
  const m = "referral.modal.plan";
  return modal(
    t,
    VIEW.plan,
    `${m}.title`,
    [
      input(t, "date", `${m}.date`, { type: "datepicker", action_id: "v" }),
      input(t, "time", `${m}.time`, { type: "timepicker", action_id: "v" }),
      input(t, "place", `${m}.place`, text(LIMITS.place), { hint: `${m}.placeHint` }),
    ],
    { referralId },
  );
}

export function acceptModal(t: SlackT, referralId: string): types.ModalView {
  return modal(t, VIEW.accept, "referral.modal.accept.title", [input(t, "coach", "referral.modal.accept.coach", search(t))], { referralId });
}
