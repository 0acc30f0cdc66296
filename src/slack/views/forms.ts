/**
 * The small forms behind card buttons: a free text (reason, outcome, question, answer), an
 * appointment, the coach who takes a referral in. The referral id and event come from the
 * modal's metadata; the domain checks the member, the referral and its state again, so a forged
 * or outdated submission changes nothing and gets an inline error.
 */
import type { App, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { ReferralEvent, ReferralEventType } from "../../../flows/referral/index.js";
import type { Accepted } from "../../domain/referrals/in.js";
import { futureDay } from "../../domain/referrals/out.js";
import { ReferralRefused } from "../../domain/referrals/types.js";
import type { Member } from "../../domain/members.js";
import { atLocal } from "../../domain/reminders/schedule.js";
import { TEXT_EVENTS, VIEW } from "../blocks/modals.js";
import { modalErrors, recordRefusal, type SlackDeps } from "../context.js";
import { sendInvite } from "../invite.js";
import { parseUuid, slackUserOf } from "../refusals.js";
import { readView } from "./values.js";

type Ack = SlackViewMiddlewareArgs["ack"];

/**
 * Runs a submission of modal `view`; a refusal becomes an inline error under `block` (or the
 * field it names). A sender who is no member, or metadata that names no referral, is refused
 * before any query, and audited.
 */
async function submit(deps: SlackDeps, ack: Ack, body: unknown, view: string, block: string, referralId: string | undefined, fn: (member: Member, referralId: string) => Promise<void>): Promise<void> {
  const user = slackUserOf(body);
  const member = user ? await deps.service.member(user) : null;
  const refused = async (why: string, key: string) => {
    await ack({ response_action: "errors", errors: { [block]: deps.t(key) } });
    await recordRefusal(deps, { surface: "view", what: view, why, slackUserId: user, member });
  };
  if (!user || !member) return refused("notMember", "referral.refused.notMember");
  const id = parseUuid(referralId);
  if (!id) return refused("malformedId", "referral.refused.unknown");
  try {
    await fn(member, id);
  } catch (err) {
    if (!(err instanceof ReferralRefused)) throw err;
    // A text event the modal never has is a forgery the domain does not see: audit it here.
    if (err.reason === "unknown" && err.message === "referral.refused.malformed") return refused("unknownEvent", "referral.refused.malformed");
    return ack(modalErrors(deps, err, block));
  }
  await ack();
}

function textEvent(type: string, text: string): ReferralEvent {
  // Own keys only: "constructor" or "__proto__" from a forged modal is no event.
  const spec = Object.hasOwn(TEXT_EVENTS, type) ? TEXT_EVENTS[type as ReferralEventType] : undefined;
  const value = text.trim();
  if (!spec) throw new ReferralRefused("unknown", "referral.refused.malformed");
  if (!value) throw new ReferralRefused("invalid", "referral.error.required", "text");
  if (value.length > spec.max) throw new ReferralRefused("invalid", "referral.error.tooLong", "text", { max: spec.max });
  switch (type) {
    case "partner.completed":
      return { type, outcome: value };
    case "team.askedInfo":
      return { type, question: value };
    case "partner.answeredInfo":
      return { type, answer: value };
    default:
      return { type, reason: value } as ReferralEvent;
  }
}

/** An appointment in the future: a day from the date picker and a time, in Amsterdam. */
function planEvent(date: string, time: string, place: string, now: Date): ReferralEvent {
  const day = futureDay(date, "date", now);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new ReferralRefused("invalid", "referral.error.time", "time");
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const at = atLocal({ y, m: mo, d }, Number(m[1]) * 60 + Number(m[2]));
  if (at <= now) throw new ReferralRefused("invalid", "referral.error.pastDate", "time");
  if (!place.trim()) throw new ReferralRefused("invalid", "referral.error.required", "place");
  return { type: "partner.planned", at: at.toISOString(), place: place.trim() };
}

export function registerForms(app: App, deps: SlackDeps): void {
  app.view(VIEW.text, async ({ ack, body, view }) => {
    const v = readView(view);
    const { referralId, event = "" } = v.meta();
    await submit(deps, ack, body, VIEW.text, "text", referralId, async (member, id) => {
      await deps.service.act(member, id, textEvent(event, v.text("text")));
    });
  });

  app.view(VIEW.plan, async ({ ack, body, view }) => {
    const v = readView(view);
    await submit(deps, ack, body, VIEW.plan, "place", v.meta().referralId, async (member, id) => {
      await deps.service.act(member, id, planEvent(v.date("date"), v.time("time"), v.text("place"), deps.clock()));
    });
  });

  app.view(VIEW.accept, async ({ ack, body, view, client }) => {
    const v = readView(view);
    let accepted: { member: Member; result: Accepted } | undefined;
    await submit(deps, ack, body, VIEW.accept, "coach", v.meta().referralId, async (member, id) => {
      accepted = { member, result: await deps.service.accept(member, id, v.selected("coach")) };
    });
    // The modal is answered; the invite goes to the coach after that.
    if (accepted) await sendInvite(deps, client, accepted.result, accepted.member);
  });
}
