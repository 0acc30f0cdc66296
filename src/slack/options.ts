/**
 * The choices of the modals' search selects (`external_select`), asked by Slack as the person
 * types (a block_suggestion to the options load URL, /slack/events): clients of /verwijs (only
 * the coach's own, listing audited), partner organisations, coach teams, and the coaches of the
 * team that takes a referral in (only for who may accept it). At most 100 per answer, filtered
 * by the typed text. Someone unknown, or a request for a list we do not have, gets no options
 * and an audit row.
 */
import type { App, BlockSuggestion, Context, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import type { Member } from "../domain/members.js";
import { ReferralRefused } from "../domain/referrals/types.js";
import { option, type Choice } from "./blocks/modals.js";
import { VIEW } from "./ids.js";
import { memberOf, recordRefusal, type SlackDeps } from "./context.js";
import { parseUuid, slackUserOf } from "./refusals.js";
import { SLACK_LIMITS } from "./text.js";

type Lister = (deps: SlackDeps, member: Member, query: string, meta: Record<string, unknown>) => Promise<Choice[] | null>;

const LISTS: Record<string, Lister> = {
  [`${VIEW.verwijs}:client`]: async (deps, member, query) =>
    member.role === "COACH" ? (await deps.service.caseload(member, query)).map((c) => ({ value: c.id, label: c.name })) : null,
  [`${VIEW.verwijs}:partner`]: async (deps, member, query) =>
    member.role === "COACH" ? (await deps.service.receivers("PARTNER", query)).map((o) => ({ value: o.id, label: o.name })) : null,
  [`${VIEW.aanmelden}:team`]: async (deps, member, query) =>
    member.role === "PARTNER" ? (await deps.service.receivers("COACH_TEAM", query)).map((o) => ({ value: o.id, label: o.name })) : null,
  [`${VIEW.accept}:coach`]: async (deps, member, query, meta) => {
    const referralId = parseUuid(meta.referralId);
    if (!referralId) return null;
    try {
      // The same check as the button that opened the modal (audited when refused).
      const referral = await deps.service.check(member, referralId, "team.accepted");
      return (await deps.service.coachesOf(referral.toOrgId, query)).map((c) => ({ value: c.id, label: c.name }));
    } catch (err) {
      if (err instanceof ReferralRefused) return [];
      throw err;
    }
  },
};

function metaOf(view: unknown): Record<string, unknown> {
  const raw = (view as { private_metadata?: unknown } | undefined)?.private_metadata;
  try {
    const parsed: unknown = typeof raw === "string" ? JSON.parse(raw.slice(0, SLACK_LIMITS.privateMetadata)) : {};
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function registerOptions(app: App, deps: SlackDeps): void {
  app.options<"block_suggestion">({ type: "block_suggestion" }, async ({ ack, body, context }: SlackOptionsMiddlewareArgs<"block_suggestion"> & { context: Context }) => {
    const b = body as BlockSuggestion & { view?: { callback_id?: unknown; private_metadata?: unknown } };
    const callbackId = typeof b.view?.callback_id === "string" ? b.view.callback_id : "";
    const what = `${callbackId}:${typeof b.block_id === "string" ? b.block_id : ""}`.slice(0, 64);
    const query = typeof b.value === "string" ? b.value.slice(0, 100) : "";
    const user = slackUserOf(body);
    const member = user ? memberOf(context) : null;
    const lister = Object.hasOwn(LISTS, what) && b.action_id === "v" ? LISTS[what] : undefined;
    const choices = member && lister ? await lister(deps, member, query, metaOf(b.view)) : null;
    await ack({ options: (choices ?? []).slice(0, SLACK_LIMITS.options).map(option) });
    if (choices === null) await recordRefusal(deps, { surface: "options", what, why: !member ? "notMember" : lister ? "notAllowed" : "unknownList", slackUserId: user, member });
  });
}
