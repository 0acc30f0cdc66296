import { cancelPending, deleteFinished } from "../db/queue.js";
import type { Effect } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import { reconcileReminders } from "./reminders/plan.js";
import { isRung, recordRung } from "./ladder.js";
import { checkScoreDrop, openNudge, openRequestedNudge } from "./nudges.js";
import { movePhase } from "./phase.js";
import { closeTrajectory, endTrajectory } from "./trajectory.js";
import { recordConsentAnswer, withdrawConsent } from "./referrals/out.js";

/** Effects that change the conversation itself; the engine handles these after the domain ones. */
export interface EngineEffects {
  startFlow?: string;
  park?: { resumeAt: Date | null };
  forget: boolean;
}

/**
 * Applies a flow's domain effects to the database inside the update's transaction and returns
 * the effects the engine must act on (start another flow, park, forget the client).
 */
export async function applyEffects(
  tx: Tx,
  client: Client,
  effects: Effect[],
  ctx: { now: Date; key: string },
): Promise<EngineEffects> {
  const out: EngineEffects = { forget: false };
  for (const e of effects) {
    switch (e.kind) {
      case "consent":
        await tx.consentRecord.create({
          data: { clientId: client.id, subject: e.subject, textVersion: e.textVersion, decision: e.decision, at: ctx.now },
        });
        // A no to keeping their data (or taking it back) is something the coach must know.
        if ((e.subject === "data" || e.subject === "coach") && e.decision !== "GIVEN") {
          await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: e.decision === "REFUSED" ? "consent_refused" : "consent_withdrawn", now: ctx.now });
        }
        break;
      case "forgetClient":
        out.forget = true;
        break;
      case "setCallName":
        await tx.client.update({ where: { id: client.id }, data: { callName: e.name } });
        break;
      case "setReminders":
        await tx.client.update({
          where: { id: client.id },
          data: {
            remindersWanted: e.wanted,
            reminderDaypart: e.wanted ? (e.daypart ?? null) : null,
            checkinEveryDays: e.wanted ? (e.everyDays ?? null) : null,
          },
        });
        await tx.consentRecord.create({
          data: {
            clientId: client.id,
            subject: "reminders",
            textVersion: "onboarding.reminders@1",
            decision: e.wanted ? "GIVEN" : "REFUSED",
            at: ctx.now,
          },
        });
        // Pending reminders follow the new settings at once (src/domain/reminders/plan.ts).
        await reconcileReminders(tx, client.id, ctx.now);
        break;
      case "activateClient":
        await tx.client.update({ where: { id: client.id }, data: { status: "ACTIVE" } });
        // Onboarding done, the question is clarified next (flows/clarifying.ts).
        await movePhase(tx, { clientId: client.id, to: "CLARIFYING", actor: { kind: "CLIENT", id: client.id }, now: ctx.now, onlyFrom: ["REFERRED", "FIRST_CONTACT"] });
        break;
      case "saveGoal":
        await tx.goal.create({
          data: {
            clientId: client.id,
            text: e.text,
            whenText: e.whenText ?? null,
            signText: e.signText ?? null,
            confidence: e.confidence ?? null,
            steps: {
              create: e.steps.map((s) => ({ what: s.what, dueAt: s.dueAt ? new Date(s.dueAt) : null, helper: s.helper ?? null })),
            },
          },
        });
        // The first goal set, the client is doing (never pulled back from a later phase).
        await movePhase(tx, { clientId: client.id, to: "DOING", actor: { kind: "CLIENT", id: client.id }, now: ctx.now, onlyFrom: ["REFERRED", "FIRST_CONTACT", "CLARIFYING", "GOAL_AND_PLAN"] });
        break;
      case "recordScale": {
        const goal = await tx.goal.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, orderBy: { createdAt: "desc" } });
        // A drop of 2+ or a score of 3 or less tells the coach (src/domain/nudges.ts), unless the
        // flow tells the coach about this score itself.
        if (!e.coachTold) await checkScoreDrop(tx, client, e.scale, e.score, ctx.now);
        await tx.scaleScore.create({
          data: { clientId: client.id, goalId: goal?.id ?? null, kind: e.scale, score: e.score, note: e.note ?? null, at: ctx.now },
        });
        break;
      }
      case "updateStep": {
        // Only a step of this client's own goals may change: the id comes from flow input, not the client.
        const step = await tx.step.findFirst({ where: { id: e.stepId, goal: { clientId: client.id } } });
        if (!step) break;
        await tx.step.update({
          where: { id: step.id },
          data: {
            status: e.status,
            doneAt: e.status === "DONE" ? ctx.now : null,
            ...(e.smallerWhat ? { what: e.smallerWhat } : {}),
          },
        });
        // A step done is a compliment the coach can pass on.
        if (e.status === "DONE" && step.status !== "DONE") {
          await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "step_done", now: ctx.now, detail: { ref: step.id, what: step.what.slice(0, 200) } });
        }
        break;
      }
      case "addStep": {
        // As with updateStep: the step it follows must be one of this client's own.
        const after = await tx.step.findFirst({ where: { id: e.afterStepId, goal: { clientId: client.id } } });
        if (!after) break;
        await tx.step.create({ data: { goalId: after.goalId, what: e.what } });
        break;
      }
      case "park":
        out.park = { resumeAt: e.resumeAt ? new Date(e.resumeAt) : null };
        break;
      case "startFlow":
        out.startFlow = e.flowId;
        break;
      case "notifyCoach":
        await openRequestedNudge(tx, { clientId: client.id, coachId: client.coachId, cause: e.cause, ...(e.detail ? { detail: e.detail } : {}) }, ctx.now);
        break;
      case "recordLadder":
        // Only a rung 1-6 from the question's own buttons; the flow never reads one from text.
        if (isRung(e.rung)) await recordRung(tx, { clientId: client.id, rung: e.rung, source: "CLIENT", now: ctx.now });
        break;
      // --- the trajectory's phases (src/domain/phase.ts, src/domain/trajectory.ts) ---
      case "phase":
        if (e.to === "CLOSED") await endTrajectory(tx, client.id, ctx.now);
        else await movePhase(tx, { clientId: client.id, to: e.to, actor: { kind: "CLIENT", id: client.id }, now: ctx.now, ...(e.onlyFrom ? { onlyFrom: e.onlyFrom } : {}) });
        break;
      case "closeTrajectory":
        await closeTrajectory(tx, client, { aftercare: e.aftercare, weeks: e.aftercareWeeks, now: ctx.now });
        break;
      // Referrals: the client's answers reach the referral in this same transaction.
      case "referralAnswer":
        await recordConsentAnswer(tx, client, e, ctx.now);
        break;
      case "referralWithdraw":
        // Only a withdrawal that happened tells the coach: an old button, a referral that is not
        // the client's, or consent withdrawn before changes nothing.
        if (await withdrawConsent(tx, client, e.referralId, ctx.now)) await openNudge(tx, { clientId: client.id, coachId: client.coachId, cause: "consent_withdrawn", now: ctx.now, detail: { ref: e.referralId, referral: e.referralId } });
        break;
    }
  }
  return out;
}

/**
 * The client columns a refusal empties: the Telegram link and what the client told us. Exported so
 * the tests check these very fields, and that every other column is kept on purpose.
 */
export const FORGOTTEN_CLIENT_FIELDS = {
  telegramChatId: null,
  callName: null,
  remindersWanted: null,
  reminderDaypart: null,
  checkinEveryDays: null,
  lastClientMessageAt: null,
  crisisCheckAt: null,
  crisisCheckText: null,
  crisisCheckStep: null,
} as const;

/**
 * After a refusal of consent: keep only the client row (as the coach created it) and the
 * refusal itself; unlink the Telegram chat and drop everything the client told us.
 */
export async function forgetClient(tx: Tx, clientId: string): Promise<void> {
  await tx.flowRun.deleteMany({ where: { clientId } });
  await tx.goal.deleteMany({ where: { clientId } });
  await tx.scaleScore.deleteMany({ where: { clientId } });
  await tx.ladderRung.deleteMany({ where: { clientId } });
  await tx.appointment.deleteMany({ where: { clientId } });
  await tx.consentRecord.deleteMany({ where: { clientId, NOT: { decision: "REFUSED" } } });
  await cancelPending(tx, { clientId, exceptKind: "telegram.send" });
  // Sent messages hold the chat id and what we said; only the goodbye (queued after this) remains,
  // and retention deletes it a week after it is sent.
  await deleteFinished(tx, clientId);
  await tx.client.update({
    where: { id: clientId },
    data: { ...FORGOTTEN_CLIENT_FIELDS, status: "REFUSED" },
  });
}
