/**
 * The contract between pure conversation flows and the engine. Flows never do I/O: they emit
 * `say` actions (a translation key, never text) and `effect` actions (data the engine applies
 * in the same database transaction). No imports of grammy, @slack/bolt, prisma or i18next here.
 */
import type { AnyStateMachine } from "xstate";

export type Vars = Record<string, string | number>;

/** One inline button: `id` comes back in `client.chose`, `label` is a translation key. */
export interface Choice {
  id: string;
  label: string;
  vars?: Vars;
}

/** One message to the client. `choices` are rows of buttons. */
export interface Say {
  key: string;
  vars?: Vars;
  choices?: Choice[][];
}

/** The trajectory's phases (METHOD.md section 2); the same names as the database's `TrajectoryPhase`. */
export type Phase = "REFERRED" | "FIRST_CONTACT" | "CLARIFYING" | "GOAL_AND_PLAN" | "DOING" | "EVALUATION" | "CLOSING" | "AFTERCARE" | "CLOSED";

export type ScaleKind = "PROGRESS" | "MOTIVATION" | "CONFIDENCE" | "COPING" | "WELLBEING";
export type Daypart = "morning" | "afternoon" | "evening";

export interface StepDraft {
  what: string;
  /** ISO date-time (Europe/Amsterdam resolved) or undefined when the client set no date. */
  dueAt?: string;
  helper?: string;
}

/** Changes a flow asks for. The engine applies them in the transaction of the same update. */
export type Effect =
  | { kind: "consent"; subject: string; textVersion: string; decision: "GIVEN" | "REFUSED" | "WITHDRAWN" }
  /** After a refusal: keep only the refusal, unlink the chat, say goodbye. */
  | { kind: "forgetClient" }
  | { kind: "setCallName"; name: string }
  | { kind: "setReminders"; wanted: boolean; daypart?: Daypart; everyDays?: number }
  /** Onboarding finished: the client is active. */
  | { kind: "activateClient" }
  | { kind: "saveGoal"; text: string; whenText?: string; signText?: string; confidence?: number; steps: StepDraft[] }
  /** `coachTold`: the flow tells the coach about this score itself, so no score-drop nudge as well. */
  | { kind: "recordScale"; scale: ScaleKind; score: number; note?: string; coachTold?: true }
  | { kind: "updateStep"; stepId: string; status: "DONE" | "PARTLY" | "OPEN"; smallerWhat?: string }
  /** The next step after a step done, in the same goal as that one. */
  | { kind: "addStep"; afterStepId: string; what: string }
  /** The client said "niet nu": park this conversation until `resumeAt` (ISO), with their agreement. */
  | { kind: "park"; resumeAt?: string }
  /** Start another conversation when this one has ended (the client agreed to it). */
  | { kind: "startFlow"; flowId: string }
  | { kind: "notifyCoach"; cause: string; detail?: Vars }
  /** The client's own answer to the participation-ladder question (flows/ladder.ts): rung 1-6. */
  | { kind: "recordLadder"; rung: number }
  /** The client moves to another phase of the trajectory (only from `onlyFrom`, when given). */
  | { kind: "phase"; to: Phase; onlyFrom?: Phase[] }
  /**
   * The closing talk ended: with the client's permission (`aftercare`) the check-ins after closing
   * are planned `aftercareWeeks` weeks on; without it the trajectory is closed.
   */
  | { kind: "closeTrajectory"; aftercare: boolean; aftercareWeeks: number[] }
  // Referral effects, applied by src/domain/referrals/
  /** The client's answer about sharing with a partner (flows/referral-consent.ts). */
  | { kind: "referralAnswer"; referralId: string; answer: "consented" | "declined" | "askedCoach"; items: string[]; textVersion: string }
  /** The client stops sharing with a partner (flows/referral-list.ts, /verwijzingen). */
  | { kind: "referralWithdraw"; referralId: string };

/** Events every flow receives. `now` is an ISO timestamp so flows stay pure. */
export type ClientEvent =
  | { type: "client.said"; text: string; now: string }
  | { type: "client.chose"; choice: string; now: string };

/** What every flow gets as input; flows may require more in `data`. */
export interface FlowInput {
  now: string;
  client: { name: string; callName?: string | undefined };
  coach: { name: string };
  data?: Record<string, unknown>;
}

/** A flow's persisted snapshot as stored in JSON (`machine.getPersistedSnapshot`). */
export type PersistedFlow = Record<string, unknown>;

export interface FlowDefinition {
  id: string;
  /** Bump when states or context change shape; add a `migrate` step when you can. */
  version: number;
  machine: AnyStateMachine;
  /**
   * Turns a snapshot of an older version into one of this version, or returns null when that
   * is not possible: the engine then tells the client calmly that this part starts again.
   */
  migrate?: (snapshot: PersistedFlow, fromVersion: number) => PersistedFlow | null;
}
