/**
 * What the conversation does with a crisis signal, in the update's transaction: the running
 * conversation is paused (never continued with its next question), the alert is raised for a
 * person to follow up, and the client gets the answer for this kind of danger at once (the engine
 * queues it ahead of everything else). The client's next message is answered kindly: "Ik ben er.
 * Wil je verder met ons gesprek, of even niet?" — they pick the conversation up when they want.
 */
import type { Logger } from "pino";
import { normalise, parseYesNo } from "../../flows/lib/parse.js";
import type { Tx } from "../db/client.js";
import { raiseCrisisAlert } from "../domain/safety/alerts.js";
import { crisisAnswer } from "../domain/safety/answer.js";
import { detectCrisis, type CrisisSignal } from "../domain/safety/index.js";
import type { Client, CrisisAlert, FlowRun } from "../generated/prisma/client.js";
import type { OutMessage } from "../jobs/outbox.js";
import { countCrisisSignal } from "../metrics.js";
import type { ClientInput } from "./engine.js";
import type { Runs } from "./runs.js";

/** Buttons under the question after a crisis: `s:resume`, `s:rest`. */
const BUTTON = /^s:(resume|rest)$/;

/** Typed words that bring the paused conversation back. */
const RESUME_WORDS = new Set(["verder", "ga verder", "gaan we verder", "doorgaan", "ga door", "verder gaan", "go on", "continue", "resume"]);

/** The text of a message that the crisis check reads: a text, a photo's or file's caption, an edit. */
export function crisisTextOf(input: ClientInput): { text: string; source: string } | null {
  if (input.kind === "text") return { text: input.text, source: "text" };
  if (input.kind === "edited") return { text: input.text, source: "edited" };
  if (input.kind === "media" && input.caption) return { text: input.caption, source: `caption:${input.media}` };
  return null;
}

/** The signal in a message, or null. */
export function crisisIn(input: ClientInput): { signal: CrisisSignal; text: string; source: string } | null {
  const found = crisisTextOf(input);
  if (!found) return null;
  const signal = detectCrisis(found.text);
  if (!signal) return null;
  countCrisisSignal(signal.category);
  return { signal, ...found };
}

export interface CrisisDeps {
  runs: Pick<Runs, "repeatPrompt">;
  clock: () => Date;
  logger: Logger;
  escalateMinutes: number;
}

export function createCrisisResponse(deps: CrisisDeps) {
  /** A signal from a linked client, in any state: pause, alert, answer. */
  async function respond(tx: Tx, client: Client, run: FlowRun | null, found: { signal: CrisisSignal; text: string; source: string }): Promise<OutMessage[]> {
    const now = deps.clock();
    if (run) await tx.flowRun.update({ where: { id: run.id }, data: { status: "PARKED", resumeAt: null } });
    await raiseCrisisAlert(tx, { client, signal: found.signal, text: found.text, now, escalateMinutes: deps.escalateMinutes, parkedRunId: run?.id ?? null, source: found.source });
    // Ids and the category only: the client's words are never written to the log.
    deps.logger.info({ clientId: client.id, category: found.signal.category, rule: found.signal.rule, acute: found.signal.acute }, "crisis signal");
    return [crisisAnswer(found.signal, { hasCoach: true })];
  }

  async function parkedRun(tx: Tx, alert: CrisisAlert | null): Promise<FlowRun | null> {
    if (!alert?.parkedRunId) return null;
    const run = await tx.flowRun.findUnique({ where: { id: alert.parkedRunId } });
    return run?.status === "PARKED" ? run : null;
  }

  /** Only a client who may have a conversation gets it back (not after /stop). */
  function mayResume(client: Client): boolean {
    return client.status === "ACTIVE" || client.status === "ONBOARDING" || client.status === "PAUSED";
  }

  async function resume(tx: Tx, client: Client, alert: CrisisAlert, run: FlowRun): Promise<OutMessage[]> {
    // The menu that came up meanwhile, if any, makes way for the conversation.
    await tx.flowRun.updateMany({ where: { clientId: client.id, status: "ACTIVE" }, data: { status: "ABORTED" } });
    await tx.flowRun.update({ where: { id: run.id }, data: { status: "ACTIVE" } });
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { followUp: "done" } });
    if (client.status === "PAUSED") await tx.client.update({ where: { id: client.id }, data: { status: run.flowId === "onboarding" ? "ONBOARDING" : "ACTIVE" } });
    return [{ key: "crisis.after.back" }, ...deps.runs.repeatPrompt(run)];
  }

  async function rest(tx: Tx, alert: CrisisAlert): Promise<OutMessage[]> {
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { followUp: "done" } });
    return [{ key: "crisis.after.restOk" }];
  }

  const choices = () => [[{ label: "crisis.after.resume", data: "s:resume" }], [{ label: "crisis.after.rest", data: "s:rest" }]];

  /**
   * The messages after a crisis, before anything else runs: the kind question, its buttons and
   * typed answers, and "verder" to pick the paused conversation up. Null: not about the crisis.
   */
  async function afterCrisis(tx: Tx, client: Client, input: ClientInput, active: FlowRun | null): Promise<OutMessage[] | null> {
    const button = input.kind === "button" ? BUTTON.exec(input.data) : null;
    if (input.kind === "button" && !button && !input.data.startsWith("s:")) return null;
    if (input.kind === "command" || input.kind === "edited") return null;
    const typed = input.kind === "text" ? normalise(input.text) : "";
    // The menu is only an offer: "verder" (as the bot told them to type) still brings the paused conversation back.
    const menu = active?.flowId === "menu";
    if (active && !button && !(menu && RESUME_WORDS.has(typed))) return null;
    const alert = await tx.crisisAlert.findFirst({ where: { clientId: client.id }, orderBy: { createdAt: "desc" } });
    const run = active && !menu ? null : await parkedRun(tx, alert);
    const canResume = run !== null && mayResume(client);
    if (input.kind === "button") {
      if (!alert || !button) return [{ key: "common.oldButton" }];
      if (button[1] === "resume") return canResume && run ? resume(tx, client, alert, run) : [{ key: "crisis.after.askNoRun" }];
      return rest(tx, alert);
    }
    if (!alert) return null;
    if (canResume && run && RESUME_WORDS.has(typed)) return resume(tx, client, alert, run);
    if (alert.followUp === "done") return null;
    if (alert.followUp === "asked" && input.kind === "text") {
      const yn = parseYesNo(input.text);
      if (yn === "yes" && canResume && run) return resume(tx, client, alert, run);
      if (yn === "no" || yn === "later") return rest(tx, alert);
    }
    if (!canResume) {
      await tx.crisisAlert.update({ where: { id: alert.id }, data: { followUp: "done" } });
      return [{ key: "crisis.after.askNoRun" }];
    }
    const key = alert.followUp === "asked" ? "crisis.after.heard" : "crisis.after.ask";
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { followUp: "asked" } });
    return [{ key, buttons: choices() }];
  }

  return { respond, afterCrisis };
}
