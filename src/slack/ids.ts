/**
 * Every action id and view callback id the Slack app sends and listens for, in one place: the
 * blocks that draw a button or open a modal and the listener that takes it both read them here,
 * so they cannot drift apart. Inputs inside a modal all use the action id `v` (`blocks/modals.ts`).
 */
import type { CrisisAction } from "../domain/safety/alerts.js";

/** Buttons on a referral card (the receiving organisation's channel). */
export const CARD_ACTIONS = {
  received: "ref.received",
  accept: "ref.accept",
  reject: "ref.reject",
  redirect: "ref.redirect",
  plan: "ref.plan",
  contactWithCoach: "ref.contactWithCoach",
  contactAlone: "ref.contactAlone",
  noShow: "ref.noShow",
  complete: "ref.complete",
  close: "ref.close",
  acceptIn: "ref.in.accept",
  askInfo: "ref.in.askInfo",
  declineIn: "ref.in.decline",
} as const;
/** The card's buttons: `ref.` but not `ref.dm.`. */
export const CARD_ACTION_PATTERN = /^ref\.(?!dm\.)/;

/** Buttons in a referral's direct messages (to the coach, the referrer, the assigned coach). */
export const DM_ACTIONS = {
  reinvite: "ref.dm.reinvite",
  noContact: "ref.dm.noContact",
  cancel: "ref.dm.cancel",
  askAgain: "ref.dm.askAgain",
  answer: "ref.dm.answer",
} as const;
export const DM_ACTION_PATTERN = /^ref\.dm\./;

/** Referral modals (view callback ids). */
export const VIEW = { verwijs: "ref.verwijs", aanmelden: "ref.aanmelden", text: "ref.text", plan: "ref.plan", accept: "ref.accept" } as const;

/** Buttons on a coach nudge. */
export const NUDGE_ACTIONS = { contact: "nudge.contact", snooze: "nudge.snooze", done: "nudge.done" } as const;

/** Buttons on a crisis alert, and "resume reminders" in App Home. */
export const CRISIS_ACTIONS: Record<CrisisAction, string> = { ack: "crisis.ack", contacted: "crisis.contacted", resume: "crisis.resume" };

/** The client file: open it (App Home), the ladder, the access reason modal, forgetting a client. */
export const FILE_OPEN = "clientFile.open";
export const LADDER_SET = "clientFile.ladder.set";
export const LADDER_ASK = "clientFile.ladder.ask";
export const FILE_REASON = "clientFile.reason";
export const FILE_FORGET = "clientFile.forget";
export const FILE_FORGET_CONFIRM = "clientFile.forgetConfirm";

/** The client file's trajectory buttons and their date modals. */
export const TRAJECTORY_ACTIONS = {
  evaluateNow: "trajectory.evaluateNow",
  planEvaluation: "trajectory.planEvaluation",
  announceClosing: "trajectory.announceClosing",
} as const;
export const TRAJECTORY_VIEWS = { evaluation: "trajectory.evaluationDate", closing: "trajectory.closingDate" } as const;

/** The team report's buttons: `report.team.last` and `report.team.current`. */
export const REPORT_ACTION = "report.team";

/** App Home: refresh, and the caseload's pages (the button's value is where the page starts). */
export const HOME_REFRESH = "home.refresh";
export const HOME_PAGE = "home.page";
