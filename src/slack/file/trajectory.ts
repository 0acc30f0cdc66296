/**
 * The trajectory from the coach's client file in Slack: three buttons under the file's title
 * start the evaluation talk now, plan it on a day, or announce the closing talk on a day (a
 * small modal with a date picker, pushed over the file). The domain (src/domain/trajectory.ts)
 * checks the coach and the client again, so a forged button changes nothing; a refusal is an
 * inline error in the modal, and is audited (`slack.refused`) like every action.
 */
import type { App, types } from "@slack/bolt";
import { ConversationError } from "../../conversation/engine.js";
import type { Engine } from "../../conversation/engine.js";
import { planTalk, TrajectoryError } from "../../domain/trajectory.js";
import { clientById, firstName } from "../../domain/clients.js";
import type { SlackDeps } from "../context.js";
import { memberOf, recordRefusal, tellUser } from "../context.js";
import { parseSlackId, parseUuid, slackUserOf } from "../refusals.js";
import { plainText, SLACK_LIMITS } from "../text.js";
import { TRAJECTORY_ACTIONS, TRAJECTORY_VIEWS } from "../ids.js";


export interface TrajectoryDeps {
  engine?: Pick<Engine, "startConversation"> | undefined;
  /** AFTERCARE_WEEKS, for the closing talk's question. */
  aftercareWeeks?: number[] | undefined;
  onQueued?: (() => void) | undefined;
}

/** The buttons under the file's title; none once the trajectory is closed. */
export function trajectoryButtons(t: SlackDeps["t"], clientId: string, phase: string): types.KnownBlock[] {
  if (phase === "CLOSED" || phase === "AFTERCARE") return [];
  const button = (key: keyof typeof TRAJECTORY_ACTIONS) => ({ type: "button" as const, action_id: TRAJECTORY_ACTIONS[key], value: clientId, text: plainText(t(`trajectory.button.${key}`), 75) });
  const elements = phase === "CLOSING" ? [button("announceClosing")] : [button("evaluateNow"), button("planEvaluation"), button("announceClosing")];
  return [{ type: "actions", block_id: "trajectory", elements }];
}

function dateModal(t: SlackDeps["t"], kind: "evaluation" | "closing", clientId: string, today: string): types.View {
  return {
    type: "modal",
    callback_id: TRAJECTORY_VIEWS[kind],
    private_metadata: JSON.stringify({ clientId }),
    title: plainText(t(kind === "evaluation" ? "trajectory.modal.evaluationTitle" : "trajectory.modal.closingTitle"), SLACK_LIMITS.modalTitle),
    submit: plainText(t("trajectory.modal.submit"), SLACK_LIMITS.modalTitle),
    close: plainText(t("trajectory.modal.cancel"), SLACK_LIMITS.modalTitle),
    blocks: [
      { type: "input", block_id: "date", label: plainText(t("trajectory.modal.date"), 2000), element: { type: "datepicker", action_id: "v", initial_date: today } },
      ...(kind === "closing" ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: t("trajectory.modal.closingHint") }] }] : []),
    ],
  };
}

/** The client id in a modal's metadata (`{"clientId": ...}`), or null. */
function metadataClient(raw: string): unknown {
  try {
    return (JSON.parse(raw) as { clientId?: unknown } | null)?.clientId ?? null;
  } catch {
    return null;
  }
}

/** Today in Amsterdam as YYYY-MM-DD (the date picker's first day). */
function amsterdamToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function registerTrajectory(app: App, deps: SlackDeps & TrajectoryDeps): void {
  app.action(TRAJECTORY_ACTIONS.evaluateNow, async ({ ack, body, client, action, context }) => {
    await ack();
    const user = parseSlackId((body.user as { id?: string } | undefined)?.id);
    if (!user) return recordRefusal(deps, { surface: "action", what: TRAJECTORY_ACTIONS.evaluateNow, why: "noUser", slackUserId: null });
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: TRAJECTORY_ACTIONS.evaluateNow, why: "notMember", slackUserId: user });
    const clientId = parseUuid((action as { value?: string }).value);
    const found = clientId ? await clientById(deps.db, clientId) : null;
    if (!found || !deps.engine) {
      await recordRefusal(deps, { surface: "action", what: TRAJECTORY_ACTIONS.evaluateNow, why: clientId ? "notFound" : "malformedId", slackUserId: user, member });
      await tellUser(client, { user }, deps.t("file.refused.notFound"));
      return;
    }
    try {
      await deps.engine.startConversation(found.id, "evaluation", undefined, member.id);
      await tellUser(client, { user }, deps.t("trajectory.done.evaluationNow", { name: firstName(found) }));
    } catch (err) {
      if (!(err instanceof ConversationError)) throw err;
      // Refused (not the coach of this client, or a talk that cannot start now): in the audit log too.
      await recordRefusal(deps, { surface: "action", what: TRAJECTORY_ACTIONS.evaluateNow, why: "notAllowed", slackUserId: user, member });
      await tellUser(client, { user }, deps.t("trajectory.refused", { why: err.message }));
    }
  });

  for (const kind of ["evaluation", "closing"] as const) {
    const actionId = kind === "evaluation" ? TRAJECTORY_ACTIONS.planEvaluation : TRAJECTORY_ACTIONS.announceClosing;
    app.action(actionId, async ({ ack, body, client, action }) => {
      await ack();
      const clientId = parseUuid((action as { value?: string }).value) ?? "";
      const trigger = (body as { trigger_id?: string }).trigger_id ?? "";
      const view = dateModal(deps.t, kind, clientId, amsterdamToday(deps.clock()));
      // From the file's modal the date picker goes on top of it; from anywhere else it opens.
      if ((body as { view?: unknown }).view) await client.views.push({ trigger_id: trigger, view });
      else await client.views.open({ trigger_id: trigger, view });
    });

    app.view(TRAJECTORY_VIEWS[kind], async ({ ack, body, view, client, context }) => {
      const user = slackUserOf(body);
      const member = user ? memberOf(context) : null;
      if (!user || !member) {
        await ack({ response_action: "errors", errors: { date: deps.t("referral.refused.notMember") } });
        await recordRefusal(deps, { surface: "view", what: TRAJECTORY_VIEWS[kind], why: "notMember", slackUserId: user, member });
        return;
      }
      const clientId = parseUuid(metadataClient(view.private_metadata)) ?? "";
      const on = (view.state.values["date"]?.["v"] as { selected_date?: string | null } | undefined)?.selected_date ?? "";
      const now = deps.clock();
      let at: Date;
      try {
        at = await planTalk(deps.db, kind, { clientId, coachId: member.id, on, now, aftercareWeeks: deps.aftercareWeeks });
      } catch (err) {
        if (!(err instanceof TrajectoryError)) throw err;
        await ack({ response_action: "errors", errors: { date: deps.t("trajectory.refused", { why: err.message }) } });
        await recordRefusal(deps, { surface: "view", what: TRAJECTORY_VIEWS[kind], why: "notAllowed", slackUserId: user, member });
        return;
      }
      await ack({ response_action: "clear" });
      deps.onQueued?.();
      const found = await clientById(deps.db, clientId);
      if (!found) throw new Error(`client ${clientId} is gone`);
      await tellUser(client, { user }, deps.t(kind === "evaluation" ? "trajectory.done.evaluationPlanned" : "trajectory.done.closingAnnounced", { name: firstName(found), date: at.toISOString() }));
    });
  }
}
