import type { Effect } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import type { Client } from "../generated/prisma/client.js";
import { enqueueNudge } from "../jobs/outbox.js";
import { reconcileReminders } from "../jobs/reminders.js";
import { checkScoreDrop } from "./nudges.js";
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
        // jobs hook: pending reminders follow the new settings at once (src/jobs/reminders.ts)
        await reconcileReminders(tx, client.id, ctx.now);
        break;
      case "activateClient":
        await tx.client.update({ where: { id: client.id }, data: { status: "ACTIVE" } });
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
        break;
      case "recordScale": {
        const goal = await tx.goal.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, orderBy: { createdAt: "desc" } });
        // nudges hook: a drop of 2+ or a score of 3 or less tells the coach (src/domain/nudges.ts)
        await checkScoreDrop(tx, client, e.scale, e.score, ctx.now);
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
        break;
      }
      case "park":
        out.park = { resumeAt: e.resumeAt ? new Date(e.resumeAt) : null };
        break;
      case "startFlow":
        out.startFlow = e.flowId;
        break;
      case "notifyCoach":
        await enqueueNudge(
          tx,
          { clientId: client.id, coachId: client.coachId, cause: e.cause, ...(e.detail ? { detail: e.detail } : {}) },
          `${client.id}:${e.cause}:${ctx.key}`,
        );
        break;
      // --- referrals (issue 5): the client's answers reach the referral in this same transaction ---
      case "referralAnswer":
        await recordConsentAnswer(tx, client, e, ctx.now);
        break;
      case "referralWithdraw":
        await withdrawConsent(tx, client, e.referralId, ctx.now);
        break;
    }
  }
  return out;
}

/**
 * After a refusal of consent: keep only the client row (as the coach created it) and the
 * refusal itself; unlink the Telegram chat and drop everything the client told us.
 */
export async function forgetClient(tx: Tx, clientId: string): Promise<void> {
  await tx.flowRun.deleteMany({ where: { clientId } });
  await tx.goal.deleteMany({ where: { clientId } });
  await tx.scaleScore.deleteMany({ where: { clientId } });
  await tx.appointment.deleteMany({ where: { clientId } });
  await tx.consentRecord.deleteMany({ where: { clientId, NOT: { decision: "REFUSED" } } });
  await tx.job.updateMany({ where: { clientId, status: "PENDING", kind: { not: "telegram.send" } }, data: { status: "CANCELLED" } });
  // Sent messages hold the chat id and what we said; only the goodbye (queued after this) remains,
  // and retention deletes it a week after it is sent.
  await tx.job.deleteMany({ where: { clientId, status: { in: ["DONE", "CANCELLED"] } } });
  await tx.client.update({
    where: { id: clientId },
    data: {
      telegramChatId: null,
      callName: null,
      remindersWanted: null,
      reminderDaypart: null,
      checkinEveryDays: null,
      lastClientMessageAt: null,
      crisisCheckAt: null,
      crisisCheckText: null,
      status: "REFUSED",
    },
  });
}
