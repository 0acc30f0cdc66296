/**
 * The client file as a professional reads it, in sections of plain lines: the one layout that
 * the Slack modal (src/slack/file/) and `koers clients show` both render, so they show the same.
 * Coach texts come from locales/<lng>/slack.json (`file.*`); a question the client was asked is
 * shown in the words the client read (locales/<lng>/client.json).
 */
import type { ScaleKind } from "../../flows/types.js";
import { createTranslator, type Translator } from "../i18n.js";
import { formatDate } from "../i18n-format.js";
import type { FlowAnswer } from "../generated/prisma/client.js";
import type { SlackT } from "../i18n-slack.js";
import { firstName } from "./clients.js";
import { SCALE_KINDS, type ClientFile, type ConversationEntry } from "./client-file.js";

export interface FileSection {
  title: string;
  lines: string[];
  /** A score chart belongs under this section. */
  chart?: ScaleKind;
}

export interface FileView {
  title: string;
  /** Status, coach, consent: one line under the title. */
  subtitle: string;
  sections: FileSection[];
  /** The client's phase, for the trajectory buttons of the Slack file. */
  phase?: string;
}

/** Answers shown per conversation, and characters per answer. */
const ANSWERS_SHOWN = 12;
const ANSWER_CHARS = 200;
const SCORES_SHOWN = 8;
const RUNGS_SHOWN = 8;

let clientTexts: Translator | null = null;
const questionText = (language: string, a: Pick<FlowAnswer, "promptKey" | "promptVars" | "state">): string => {
  clientTexts ??= createTranslator();
  if (!a.promptKey) return a.state;
  const vars = (a.promptVars && typeof a.promptVars === "object" ? a.promptVars : {}) as Record<string, string | number>;
  const text = clientTexts.t(language, a.promptKey, vars);
  // The question itself (its first sentence with a question mark) is enough to recognise it.
  const first = /(?:^|[.!?]\s+)([^.!?]*\?)/.exec(text)?.[1] ?? text;
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
};

const clipped = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function answerText(language: string, a: FlowAnswer): string {
  if (a.text !== null) return `“${clipped(a.text.replace(/\s+/g, " ").trim(), ANSWER_CHARS)}”`;
  clientTexts ??= createTranslator();
  // The number buttons (controls.number) show their number, which is also their id.
  return `[${a.choiceLabel ? clientTexts.t(language, a.choiceLabel, { n: a.choice ?? "" }) : (a.choice ?? "")}]`;
}

function conversationLines(t: SlackT, c: ConversationEntry, language: string): string[] {
  const when = c.endedAt ?? c.startedAt;
  const state = c.status === "ACTIVE" ? t("file.conversation.active") : c.status === "PARKED" ? t("file.conversation.parked") : c.status === "ABORTED" ? t("file.conversation.aborted") : "";
  const score = c.score !== null && c.scale ? ` · ${t(`nudge.scale.${c.scale}`)}: ${c.score}` : "";
  const head = `${t("file.conversation.head", { flow: t(`file.flow.${knownFlow(c.flowId)}`), date: when.toISOString() })}${score}${state ? ` · ${state}` : ""}`;
  const shown = c.answers.slice(-ANSWERS_SHOWN);
  const lines = shown.map((a) => `   ${questionText(language, a)} → ${answerText(language, a)}`);
  if (c.answers.length > shown.length) lines.unshift(`   ${t("file.conversation.earlier", { count: c.answers.length - shown.length })}`);
  if (!c.answers.length) lines.push(`   ${t("file.conversation.noAnswers")}`);
  return [head, ...lines];
}

const FLOWS = ["onboarding", "grow", "miracle", "scaling", "checkin", "reminders", "referralConsent", "ladder", "clarifying", "evaluation", "closing", "aftercare"];
function knownFlow(flowId: string): string {
  return FLOWS.includes(flowId) ? flowId : "other";
}

/** The file in sections, for a professional reading in `language` (the client's questions in the client's language). */
export function clientFileView(t: SlackT, file: ClientFile, now: Date): FileView {
  const c = file.client;
  const lang = c.language;
  const sections: FileSection[] = [];
  const consent = file.consent ? t(`file.consent.${file.consent}`) : t("file.consent.none");
  const last = c.lastClientMessageAt ? formatDate(c.lastClientMessageAt, "short", "nl") : t("referral.home.caseload.never");

  const title = t("file.title", { name: firstName(c) });
  const subtitle = t("file.subtitle", { invited: c.name, status: t(`referral.home.caseload.status.${c.status}`), coach: file.coach.name, team: file.coach.organisation.name, consent, last, now: now.toISOString() });
  // The client took back sharing with their coach: nothing of what they told is shown.
  if (!file.shared) return { title, subtitle, sections: [{ title: t("file.notShared"), lines: [] }] };

  const goal = file.goal;
  sections.push({
    title: t("file.goal.title"),
    lines: goal
      ? [
          `*${goal.text}*`,
          ...(goal.whenText ? [t("file.goal.when", { when: goal.whenText })] : []),
          ...(goal.signText ? [t("file.goal.sign", { sign: goal.signText })] : []),
          ...goal.steps.map((s) => {
            const due = s.dueAt ? t("file.step.due", { date: s.dueAt.toISOString() }) : "";
            const done = s.doneAt ? t("file.step.doneAt", { date: s.doneAt.toISOString() }) : "";
            return `• ${s.what} · ${t(`file.step.${s.status}`)}${done ? ` ${done}` : ""}${due && s.status !== "DONE" ? ` · ${due}` : ""}${s.helper ? ` · ${t("file.step.helper", { helper: s.helper })}` : ""}`;
          }),
        ]
      : [t("file.goal.none")],
  });

  for (const kind of SCALE_KINDS) {
    const points = file.scores[kind];
    if (!points.length) continue;
    const shown = points.slice(-SCORES_SHOWN);
    sections.push({
      title: t("file.scores.title", { scale: t(`nudge.scale.${kind}`) }),
      lines: [shown.map((p) => `${p.score} (${formatDate(p.at, "short", "nl")})`).join(" → "), ...(points.length > shown.length ? [t("file.scores.earlier", { count: points.length - shown.length })] : [])],
      ...(points.length >= 2 ? { chart: kind } : {}),
    });
  }
  if (SCALE_KINDS.every((k) => !file.scores[k].length)) sections.push({ title: t("file.scores.none"), lines: [] });

  const rungs = file.ladder.slice(-RUNGS_SHOWN);
  sections.push({
    title: t("file.ladder.title"),
    lines: rungs.length
      ? [
          ...(file.ladder.length > rungs.length ? [t("file.ladder.earlier", { count: file.ladder.length - rungs.length })] : []),
          ...rungs.map((r) => {
            const source = r.source === "CLIENT" ? t("file.ladder.byClient") : r.by ? t("file.ladder.byCoach", { name: r.by }) : t("file.ladder.byAdmin");
            return `• ${t("file.ladder.line", { rung: r.rung, label: t(`file.ladder.rung.${r.rung}`), source, date: r.at.toISOString() })}`;
          }),
        ]
      : [t("file.ladder.none")],
  });
  sections.push(trajectorySection(t, file));

  sections.push({
    title: t("file.conversations.title"),
    lines: file.conversations.length ? file.conversations.flatMap((conv) => conversationLines(t, conv, lang)) : [t("file.conversations.none")],
  });

  sections.push({
    title: t("file.parked.title"),
    lines: file.parked.length
      ? file.parked.map((p) => {
          const q = p.promptKey ? questionText(lang, { promptKey: p.promptKey, promptVars: null, state: "" }) : "";
          const back = p.resumeAt ? t("file.parked.back", { date: p.resumeAt.toISOString() }) : t("file.parked.whenClient");
          return `• ${t(`file.flow.${knownFlow(p.flowId)}`)} · ${t("file.parked.since", { date: p.parkedAt.toISOString() })} · ${back}${q ? ` · ${q}` : ""}`;
        })
      : [t("file.none")],
  });

  const reminderState = c.remindersWanted === null ? t("file.reminders.unknown") : c.remindersWanted ? t("file.reminders.on", { daypart: c.reminderDaypart ? t(`file.daypart.${c.reminderDaypart}`) : "-", every: c.checkinEveryDays ?? "-" }) : t("file.reminders.off");
  sections.push({
    title: t("file.reminders.title"),
    lines: [reminderState, ...file.reminders.map((r) => `• ${t(`file.reminderKind.${r.kind.replace(/^reminder\./, "")}`)} · ${formatDate(r.dueAt, "shortTime", "nl")}`)],
  });

  sections.push({
    title: t("file.referrals.title"),
    lines: file.referrals.length ? file.referrals.map((r) => `• ${r.direction === "OUT" ? "→" : "←"} ${r.partner}: ${clipped(r.need, 120)} · ${r.status} · ${formatDate(r.updatedAt, "short", "nl")}`) : [t("file.none")],
  });

  sections.push({
    title: t("file.nudges.title"),
    lines: file.nudges.length
      ? file.nudges.map((n) => `• ${t(`file.nudgeCause.${knownCause(n.cause)}`)} · ${t("file.nudges.since", { date: n.openedAt.toISOString() })}${n.status === "SNOOZED" ? ` · ${t("file.nudges.snoozed")}` : ""}`)
      : [t("file.none")],
  });

  return { title, subtitle, sections, phase: file.trajectory.phase };
}

/** The trajectory: phase, planned talks, and what clarifying, evaluation and closing gave (the client's words as they said them). */
function trajectorySection(t: SlackT, file: ClientFile): FileSection {
  const tr = file.trajectory;
  const none = "–";
  const said = (s: string) => (s ? `“${clipped(s.replace(/\s+/g, " ").trim(), ANSWER_CHARS)}”` : none);
  const lines = [t("trajectory.phase", { phase: t(`trajectory.phases.${tr.phase}`), date: tr.since.toISOString() })];
  for (const p of tr.planned) {
    lines.push(p.kind === "trajectory.aftercare" ? t("trajectory.plannedAftercare", { weeks: p.weeks ?? "", date: p.dueAt.toISOString() }) : t("trajectory.planned", { what: t(`trajectory.kind.${p.kind}`), date: p.dueAt.toISOString() }));
  }
  if (tr.clarifying?.picked.length) {
    const name = (d: string) => t(`trajectory.domains.${d}`);
    lines.push(t("trajectory.focus", { domains: tr.clarifying.picked.map(name).join(", "), focus: tr.clarifying.focus ? name(tr.clarifying.focus) : none }));
  }
  if (tr.evaluation) lines.push(t("trajectory.evaluation", { date: tr.evaluation.at.toISOString(), reached: said(tr.evaluation.reached), needed: said(tr.evaluation.needed), proud: said(tr.evaluation.proud) }));
  if (tr.closing) lines.push(t("trajectory.closingNext", { next: t(`nudge.next.${tr.closing.next}`), first: tr.closing.firstStep ? `: ${said(tr.closing.firstStep)}` : "" }));
  if (tr.aftercare !== null) lines.push(t(tr.aftercare ? "trajectory.aftercareYes" : "trajectory.aftercareNo"));
  return { title: t("trajectory.title"), lines };
}

const CAUSES = ["silent", "missed_checkin", "score_drop", "step_overdue", "unreachable", "crisis", "job_failed", "client_stopped", "client_paused", "consent_refused", "consent_withdrawn", "parked_often", "step_done", "open_promise", "evaluation_due", "evaluation_done", "closing_due", "closing_handover", "aftercare_due", "aftercare_relapse"];
function knownCause(cause: string): string {
  return CAUSES.includes(cause) ? cause : "other";
}

/** The file as plain text (the CLI, and the golden test): title, subtitle, and each section. */
export function clientFileText(view: FileView): string {
  const out = [view.title, view.subtitle, ""];
  for (const s of view.sections) {
    out.push(`== ${s.title}`);
    out.push(...s.lines.map((l) => l.replace(/\*/g, "")));
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}
