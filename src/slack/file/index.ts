/**
 * The coach's client file in Slack: the "Dossier" button next to a client in the App Home opens
 * a modal with the file (src/domain/client-file-view.ts): goal and steps, scores per kind with
 * their chart, the last conversations with the client's answers, parked topics, reminders,
 * referrals and open nudges. The access rule and the audit row are `openClientFile`'s.
 * The charts are images Slack fetches from our own HTTP server at a signed link that expires
 * (src/http/chart-link.ts); without a public URL the modal shows the scores as text only.
 * Under the title: the participation ladder, a select with the six rungs in plain words (saved
 * at once, audited, the modal shows it) and "Vraag het de cliënt" (the question in Telegram).
 */
import type { App, types } from "@slack/bolt";
import { ACCESS_REASONS, isAccessReason, mayOpenFile, openClientFileIn, setRungFromFile, type ClientFile } from "../../domain/client-file.js";
import { isRung, RUNGS } from "../../domain/ladder.js";
import { clientWithCoach, firstName } from "../../domain/clients.js";
import { clientFileView, type FileView } from "../../domain/client-file-view.js";
import type { ChartLinks } from "../../http/chart-link.js";
import type { SlackDeps } from "../context.js";
import { memberOf, recordRefusal, tellUser } from "../context.js";
import { parseSlackId, parseUuid, slackUserOf } from "../refusals.js";
import { readView } from "../views/values.js";
import { forgetButton } from "./forget.js";
import { clip, escapeSlack, mrkdwn, plainText, SLACK_LIMITS } from "../text.js";
import { trajectoryButtons } from "./trajectory.js";
import { FILE_OPEN, FILE_REASON, LADDER_ASK, LADDER_SET } from "../ids.js";


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lines as section blocks of at most Slack's 3000 characters each, never cutting a line unless it alone is longer. */
function sectionsOf(lines: string[]): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  let buf = "";
  for (const raw of lines) {
    const line = clip(escapeSlack(raw), SLACK_LIMITS.text);
    if (buf && buf.length + 1 + line.length > SLACK_LIMITS.text) {
      blocks.push({ type: "section", text: mrkdwn(buf) });
      buf = "";
    }
    buf = buf ? `${buf}\n${line}` : line;
  }
  if (buf) blocks.push({ type: "section", text: mrkdwn(buf) });
  return blocks;
}

/** The ladder's controls: the six rungs in plain words (the current one chosen) and the question for the client. */
export function ladderControls(t: SlackDeps["t"], clientId: string, current: number | null): types.KnownBlock {
  const option = (n: number) => ({ text: plainText(`${n} · ${t(`file.ladder.rung.${n}`)}`, 75), value: String(n) });
  return {
    type: "actions",
    block_id: "clientFile.ladder",
    elements: [
      {
        type: "static_select",
        action_id: LADDER_SET,
        placeholder: plainText(t("file.ladder.placeholder"), 150),
        options: RUNGS.map(option),
        ...(current !== null && isRung(current) ? { initial_option: option(current) } : {}),
      },
      { type: "button", action_id: LADDER_ASK, value: clientId, text: plainText(t("file.ladder.ask"), SLACK_LIMITS.button) },
    ],
  };
}

/** The modal's blocks: within Slack's 100 blocks and 3000 characters a text, whatever the file holds. */
export function fileBlocks(deps: Pick<SlackDeps, "t">, view: FileView, clientId: string, links: ChartLinks | null, now: Date, controls: types.KnownBlock[] = [], note?: string): types.KnownBlock[] {
  const t = deps.t;
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plainText(view.title, SLACK_LIMITS.header) },
    { type: "context", elements: [mrkdwn(clip(escapeSlack(view.subtitle), SLACK_LIMITS.text))] },
    ...(note ? [{ type: "context", elements: [mrkdwn(clip(escapeSlack(note), SLACK_LIMITS.text))] } as types.KnownBlock] : []),
    ...controls,
    ...(view.phase ? trajectoryButtons(t, clientId, view.phase) : []),
  ];
  const max = SLACK_LIMITS.viewBlocks;
  for (const s of view.sections) {
    const body = s.lines.length ? sectionsOf(s.lines) : [];
    const chart: types.KnownBlock[] =
      s.chart && links
        ? [{ type: "image", image_url: links.url(clientId, s.chart, now), alt_text: clip(t("file.scores.chartAlt", { scale: t(`nudge.scale.${s.chart}`) }), 2000) }]
        : [];
    const wanted = [{ type: "divider" } as types.KnownBlock, { type: "section", text: mrkdwn(`*${clip(escapeSlack(s.title), 200)}*`) } as types.KnownBlock, ...body, ...chart];
    const room = max - blocks.length;
    if (room <= 0) break;
    blocks.push(...wanted.slice(0, room));
  }
  return blocks;
}

/** The file's modal in its metadata: the client, and why it is open when that is not the own caseload. */
function fileMeta(clientId: string, why: string): string {
  return why === "caseload" ? clientId : `${clientId}:${why}`;
}

/**
 * The modal of a client's file: whose it is (title, subtitle), why it is open (the audit log keeps
 * it), the ladder's controls; the client id (and the reason) ride in its metadata.
 */
function fileModal(deps: SlackDeps & { chartLinks?: ChartLinks | null }, file: ClientFile, why: string, now: Date): types.ModalView {
  const view = clientFileView(deps.t, file, now);
  const current = file.ladder.at(-1)?.rung ?? null;
  const note = deps.t("file.why", { why: deps.t(`file.reason.${why}`) });
  const blocks = fileBlocks(deps, view, file.client.id, deps.chartLinks ?? null, now, [ladderControls(deps.t, file.client.id, current)], note);
  // The own coach can forget the client on their request (src/slack/file/forget.ts); under the header, within the 100 blocks.
  if (why === "caseload") {
    blocks.splice(3, 0, forgetButton(deps, file.client.id));
    if (blocks.length > SLACK_LIMITS.viewBlocks) blocks.pop();
  }
  return {
    type: "modal",
    private_metadata: fileMeta(file.client.id, why),
    title: plainText(deps.t("file.modalTitle"), SLACK_LIMITS.modalTitle),
    close: plainText(deps.t("file.close"), SLACK_LIMITS.modalTitle),
    blocks,
  };
}

/** Before the file of a client who is not the member's own: why, from a short list. */
function reasonModal(deps: SlackDeps, clientId: string, name: string, coach: string) {
  return {
    type: "modal" as const,
    callback_id: FILE_REASON,
    private_metadata: JSON.stringify({ client: clientId }),
    title: plainText(deps.t("file.modalTitle"), SLACK_LIMITS.modalTitle),
    submit: plainText(deps.t("file.reasonSubmit"), SLACK_LIMITS.modalTitle),
    close: plainText(deps.t("file.close"), SLACK_LIMITS.modalTitle),
    blocks: [
      { type: "section", text: mrkdwn(clip(escapeSlack(deps.t("file.reasonAsk", { name, coach })), SLACK_LIMITS.text)) },
      {
        type: "input",
        block_id: "reason",
        label: plainText(deps.t("file.reasonLabel"), 2000),
        element: { type: "radio_buttons", action_id: "v", options: ACCESS_REASONS.map((r) => ({ text: plainText(deps.t(`file.reason.${r}`), 75), value: r })) },
      },
    ] as types.KnownBlock[],
  };
}

interface ModalBody {
  user?: { id?: string };
  trigger_id?: string;
  view?: { id?: string; hash?: string; private_metadata?: string };
}

export function registerClientFile(app: App, deps: SlackDeps & { chartLinks?: ChartLinks | null }): void {
  app.action(FILE_OPEN, async ({ ack, body, client, action, context }) => {
    await ack();
    const user = parseSlackId((body.user as { id?: string } | undefined)?.id);
    const clientId = (action as { value?: string }).value ?? "";
    const place = user ? { user } : null;
    if (!user || !place) return recordRefusal(deps, { surface: "action", what: FILE_OPEN, why: "noUser", slackUserId: null });
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: FILE_OPEN, why: "notMember", slackUserId: user });
    if (!UUID.test(clientId)) {
      await tellUser(client, place, deps.t("file.refused.notFound"));
      return;
    }
    const now = deps.clock();
    const opened = await openClientFileIn(deps.db, { member, clientId, via: "slack.file" });
    const trigger = (body as { trigger_id?: string }).trigger_id ?? "";
    if (opened.kind === "needsReason") {
      await client.views.open({ trigger_id: trigger, view: reasonModal(deps, clientId, opened.name, opened.coach) });
      return;
    }
    if (opened.kind !== "ok") {
      await tellUser(client, place, deps.t(opened.kind === "notAllowed" ? "file.refused.notAllowed" : "file.refused.notFound"));
      return;
    }
    await client.views.open({ trigger_id: trigger, view: fileModal(deps, opened.file, "caseload", now) });
  });

  // The reason is picked: the file replaces the question in the same modal; the audit row has the reason.
  app.view(FILE_REASON, async ({ ack, body, view, context }) => {
    const v = readView(view);
    const user = slackUserOf(body);
    const member = user ? memberOf(context) : null;
    const clientId = v.meta().client ?? "";
    const reason = v.selected("reason");
    if (!user || !member || !UUID.test(clientId)) {
      await ack({ response_action: "errors", errors: { reason: deps.t("file.refused.notAllowed") } });
      return recordRefusal(deps, { surface: "view", what: FILE_REASON, why: member ? "forged" : "notMember", slackUserId: user });
    }
    if (!isAccessReason(reason)) {
      await ack({ response_action: "errors", errors: { reason: deps.t("file.reasonLabel") } });
      return;
    }
    const now = deps.clock();
    const opened = await openClientFileIn(deps.db, { member, clientId, via: "slack.file", reason });
    if (opened.kind !== "ok") {
      await ack({ response_action: "errors", errors: { reason: deps.t(opened.kind === "notAllowed" ? "file.refused.notAllowed" : "file.refused.notFound") } });
      return;
    }
    await ack({ response_action: "update", view: fileModal(deps, opened.file, reason, now) });
  });

  // A rung chosen in the modal: saved at once (audited as the member), the modal shows it.
  app.action(LADDER_SET, async ({ ack, body, client, action, context }) => {
    await ack();
    const b = body as unknown as ModalBody;
    const user = parseSlackId(b.user?.id);
    if (!user) return recordRefusal(deps, { surface: "action", what: LADDER_SET, why: "noUser", slackUserId: null });
    const place = { user };
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: LADDER_SET, why: "notMember", slackUserId: user });
    const [metaId, metaWhy] = (b.view?.private_metadata ?? "").split(":");
    const clientId = parseUuid(metaId);
    const reason = isAccessReason(metaWhy) ? metaWhy : undefined;
    const rung = Number((action as { selected_option?: { value?: string } }).selected_option?.value);
    if (!clientId || !isRung(rung)) {
      await recordRefusal(deps, { surface: "action", what: LADDER_SET, why: "malformedId", slackUserId: user, member });
      await tellUser(client, place, deps.t("file.refused.notFound"));
      return;
    }
    const now = deps.clock();
    const result = await setRungFromFile(deps.db, { member, clientId, rung, reason, now });
    if (result.kind !== "ok") {
      await tellUser(client, place, deps.t(`file.refused.${result.kind}`));
      return;
    }
    if (b.view?.id) {
      await client.views.update({ view_id: b.view.id, ...(b.view.hash ? { hash: b.view.hash } : {}), view: fileModal(deps, result.file, result.why, now) });
    }
    await tellUser(client, place, deps.t("file.ladder.saved", { name: escapeSlack(result.name), rung, label: deps.t(`file.ladder.rung.${rung}`) }));
  });

  // "Vraag het de cliënt": the ladder question in Telegram, from the client's own coach only.
  app.action(LADDER_ASK, async ({ ack, body, client, action, context }) => {
    await ack();
    const user = parseSlackId((body.user as { id?: string } | undefined)?.id);
    if (!user) return recordRefusal(deps, { surface: "action", what: LADDER_ASK, why: "noUser", slackUserId: null });
    const place = { user };
    const member = memberOf(context);
    if (!member) return recordRefusal(deps, { surface: "action", what: LADDER_ASK, why: "notMember", slackUserId: user });
    const clientId = parseUuid((action as { value?: string }).value);
    const target = clientId ? await clientWithCoach(deps.db, clientId) : null;
    if (!clientId || !target || target.status === "FORGOTTEN") {
      await recordRefusal(deps, { surface: "action", what: LADDER_ASK, why: clientId ? "notFound" : "malformedId", slackUserId: user, member });
      await tellUser(client, place, deps.t("file.refused.notFound"));
      return;
    }
    const name = escapeSlack(firstName(target));
    if (!mayOpenFile(member, target.coach)) {
      await recordRefusal(deps, { surface: "action", what: LADDER_ASK, why: "notAllowed", slackUserId: user, member });
      await tellUser(client, place, deps.t("file.refused.notAllowed"));
      return;
    }
    if (target.coachId !== member.id) {
      await recordRefusal(deps, { surface: "action", what: LADDER_ASK, why: "notYours", slackUserId: user, member });
      await tellUser(client, place, deps.t("file.ladder.askOnlyOwn", { name }));
      return;
    }
    if (target.telegramChatId === null) return tellUser(client, place, deps.t("file.ladder.askNotLinked", { name }));
    if (target.status !== "ACTIVE") return tellUser(client, place, deps.t("file.ladder.askNotActive", { name, status: deps.t(`referral.home.caseload.status.${target.status}`) }));
    if (!deps.engine) return tellUser(client, place, deps.t("file.ladder.askUnavailable"));
    // The engine audits the start ("conversation.started", as the coach) and lets it wait when the client is in another conversation.
    await deps.engine.startConversation(target.id, "ladder", undefined, member.id);
    await tellUser(client, place, deps.t("file.ladder.asked", { name }));
  });
}
