/**
 * The small forms behind card buttons: a free text (reason, outcome, question, answer), an
 * appointment, the coach who takes a referral in. The referral id and event come from the
 * modal's metadata; the domain checks the member, the referral and its state again, so a forged
 * or outdated submission changes nothing and gets an inline error.
 */
import type { App, SlackViewMiddlewareArgs, webApi } from "@slack/bolt";
import type { ReferralEvent, ReferralEventType } from "../../../flows/referral.js";
import { futureDay } from "../../domain/referrals/out.js";
import { ReferralRefused } from "../../domain/referrals/types.js";
import type { Member } from "../../generated/prisma/client.js";
import { atLocal } from "../../jobs/schedule.js";
import { TEXT_EVENTS, VIEW } from "../blocks/modals.js";
import { modalErrors, type SlackDeps } from "../context.js";
import { sendInvite } from "../invite.js";
import { readView } from "./values.js";

type Ack = SlackViewMiddlewareArgs["ack"];

/** Runs a submission; a refusal becomes an inline error under `block` (or the field it names). */
async function submit(deps: SlackDeps, ack: Ack, userId: string, block: string, fn: (member: Member) => Promise<void>): Promise<void> {
  const member = await deps.service.member(userId);
  if (!member) return ack({ response_action: "errors", errors: { [block]: deps.t("referral.refused.notMember") } });
  try {
    await fn(member);
  } catch (err) {
    if (!(err instanceof ReferralRefused)) throw err;
    return ack(modalErrors(deps, err, block));
  }
  await ack();
}

function textEvent(type: string, text: string): ReferralEvent {
  const spec = TEXT_EVENTS[type as ReferralEventType];
  const value = text.trim();
  if (!spec) throw new ReferralRefused("unknown", "referral.refused.unknown");
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

async function accept(deps: SlackDeps, client: webApi.WebClient, member: Member, referralId: string, coachId: string): Promise<void> {
  const accepted = await deps.service.accept(member, referralId, coachId);
  await sendInvite(deps, client, accepted, member);
}

export function registerForms(app: App, deps: SlackDeps): void {
  app.view(VIEW.text, async ({ ack, body, view }) => {
    const v = readView(view);
    const { referralId = "", event = "" } = v.meta();
    await submit(deps, ack, body.user.id, "text", async (member) => {
      await deps.service.act(member, referralId, textEvent(event, v.text("text")));
    });
  });

  app.view(VIEW.plan, async ({ ack, body, view }) => {
    const v = readView(view);
    await submit(deps, ack, body.user.id, "place", async (member) => {
      await deps.service.act(member, v.meta().referralId ?? "", planEvent(v.date("date"), v.time("time"), v.text("place"), deps.clock()));
    });
  });

  app.view(VIEW.accept, async ({ ack, body, view, client }) => {
    const v = readView(view);
    await submit(deps, ack, body.user.id, "coach", (member) => accept(deps, client, member, v.meta().referralId ?? "", v.selected("coach")));
  });
}
