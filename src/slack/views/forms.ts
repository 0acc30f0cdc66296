/**
 * The small forms behind card buttons: a free text (reason, outcome, question, answer), an
 * appointment, the coach who takes a referral in. The referral id and event come from the
 * modal's metadata; the domain checks the member, the referral and its state again, so a forged
 * or outdated submission changes nothing and gets an inline error.
 */
import type { App, Context, SlackViewMiddlewareArgs, webApi } from "@slack/bolt";
import type { ReferralEvent, ReferralEventType } from "../../../flows/referral/index.js";
import { futureDay } from "../../domain/referrals/out.js";
import { ReferralRefused } from "../../domain/referrals/types.js";
import type { Member } from "../../domain/members.js";
import { atLocal } from "../../domain/reminders/schedule.js";
import { TEXT_EVENTS } from "../blocks/modals.js";
import { VIEW } from "../ids.js";
import { memberOf, modalErrors, recordRefusal, type SlackDeps } from "../context.js";
import { sendInvite } from "../invite.js";
import { parseUuid, slackUserOf } from "../refusals.js";
import { readView } from "./values.js";

type Ack = SlackViewMiddlewareArgs["ack"];

/** A refusal a form finds itself (before or beside the domain): audited with `why`, shown inline. */
class FormRefusal extends Error {
  constructor(
    readonly why: string,
    readonly key: string,
  ) {
    super(key);
  }
}

/**
 * Runs a submission of modal `view` for the member behind it: what `fn` gives back, once the
 * modal is answered, or undefined when it was refused. A refusal becomes an inline error under
 * `block` (or the field the domain names). A sender who is no member is refused before any
 * query, and audited, as is a `FormRefusal` thrown by `fn`.
 */
export async function submit<T>(
  deps: SlackDeps,
  ack: Ack,
  body: unknown,
  context: Context,
  form: { view: string; block: string },
  fn: (member: Member) => Promise<T>,
): Promise<{ user: string; member: Member; result: T } | undefined> {
  const user = slackUserOf(body);
  const member = user ? memberOf(context) : null;
  const refused = async (why: string, key: string) => {
    await ack({ response_action: "errors", errors: { [form.block]: deps.t(key) } });
    await recordRefusal(deps, { surface: "view", what: form.view, why, slackUserId: user, member });
  };
  if (!user || !member) {
    await refused("notMember", "referral.refused.notMember");
    return undefined;
  }
  let result: T;
  try {
    result = await fn(member);
  } catch (err) {
    if (err instanceof FormRefusal) {
      await refused(err.why, err.key);
      return undefined;
    }
    if (!(err instanceof ReferralRefused)) throw err;
    await ack(modalErrors(deps, err, form.block));
    return undefined;
  }
  await ack();
  return { user, member, result };
}

/**
 * A referral modal (/aanmelden, /verwijs) is submitted: its values are filed by `file` for the
 * member behind it, through `submit`; `done` follows only once the modal is answered, not refused.
 */
export function onReferralModal<T>(
  app: App,
  deps: SlackDeps,
  form: { view: string; block: string },
  file: (member: Member, v: ReturnType<typeof readView>) => Promise<T>,
  done: (filed: { user: string; member: Member; result: T }, v: ReturnType<typeof readView>, client: webApi.WebClient) => Promise<void>,
): void {
  app.view(form.view, async ({ ack, body, view, client, context }) => {
    const v = readView(view);
    const filed = await submit(deps, ack, body, context, form, (member) => file(member, v));
    if (filed) await done(filed, v, client);
  });
}

/**
 * A submission of a form about one referral (its id from the modal's metadata): metadata that
 * names no referral is refused before any query, and a text event the modal never has is a
 * forgery the domain does not see: both audited here.
 */
function submitOnReferral<T>(deps: SlackDeps, ack: Ack, body: unknown, context: Context, form: { view: string; block: string }, referralId: string | undefined, fn: (member: Member, referralId: string) => Promise<T>) {
  return submit(deps, ack, body, context, form, async (member) => {
    const id = parseUuid(referralId);
    if (!id) throw new FormRefusal("malformedId", "referral.refused.unknown");
    try {
      return await fn(member, id);
    } catch (err) {
      if (err instanceof ReferralRefused && err.reason === "unknown" && err.message === "referral.refused.malformed") throw new FormRefusal("unknownEvent", "referral.refused.malformed");
      throw err;
    }
  });
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
  // "25:99" matches the digits too, and would roll into the next day.
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new ReferralRefused("invalid", "referral.error.time", "time");
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const at = atLocal({ y, m: mo, d }, Number(m[1]) * 60 + Number(m[2]));
  if (at <= now) throw new ReferralRefused("invalid", "referral.error.pastDate", "time");
  if (!place.trim()) throw new ReferralRefused("invalid", "referral.error.required", "place");
  return { type: "partner.planned", at: at.toISOString(), place: place.trim() };
}

export function registerForms(app: App, deps: SlackDeps): void {
  app.view(VIEW.text, async ({ ack, body, view, context }) => {
    const v = readView(view);
    const { referralId, event = "" } = v.meta();
    await submitOnReferral(deps, ack, body, context, { view: VIEW.text, block: "text" }, referralId, async (member, id) => {
      await deps.service.act(member, id, textEvent(event, v.text("text")));
    });
  });

  app.view(VIEW.plan, async ({ ack, body, view, context }) => {
    const v = readView(view);
    await submitOnReferral(deps, ack, body, context, { view: VIEW.plan, block: "place" }, v.meta().referralId, async (member, id) => {
      await deps.service.act(member, id, planEvent(v.date("date"), v.time("time"), v.text("place"), deps.clock()));
    });
  });

  app.view(VIEW.accept, async ({ ack, body, view, client, context }) => {
    const v = readView(view);
    const accepted = await submitOnReferral(deps, ack, body, context, { view: VIEW.accept, block: "coach" }, v.meta().referralId, (member, id) => deps.service.accept(member, id, v.selected("coach")));
    // The modal is answered; the invite goes to the coach after that.
    if (accepted) await sendInvite(deps, client, accepted.result, accepted.member);
  });
}
