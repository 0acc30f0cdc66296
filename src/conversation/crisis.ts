/**
 * What the conversation does with a crisis signal, in the update's transaction: the running
 * conversation is paused (never continued with its next question), the alert is raised for a
 * person to follow up, and the client gets the answer for this kind of danger at once (the engine
 * queues it ahead of everything else). The client's next message is answered kindly: "Ik ben er.
 * Wil je verder met ons gesprek, of even niet?" — they pick the conversation up when they want.
 */
import { cancelPending } from "../db/queue.js";
import type { Logger } from "pino";
import { normalise } from "../../flows/lib/parse.js";
import { readIntent, readYesNo } from "../../flows/lib/readers.js";
import type { Tx } from "../db/client.js";
import { raiseCrisisAlert } from "../domain/safety/alerts.js";
import { crisisAnswer } from "../domain/safety/answer.js";
import { crisisDoubt, detectCrisis, type CrisisCategory, type CrisisSignal } from "../domain/safety/index.js";
import type { Client, CrisisAlert, FlowRun } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";
import { countCrisisSignal } from "../metrics.js";
import type { ClientInput } from "./input.js";
import type { Runs } from "./runs.js";

/** Buttons under the question after a crisis: `s:resume`, `s:rest`. */
const BUTTON = /^s:(resume|rest)$/;

/** Buttons under "Ben je in gevaar?": `s:check:yes`, `s:check:no`. */
const CHECK_BUTTON = /^s:check:(yes|no)$/;

/** A reply to "Ben je in gevaar?" that starts with one of these is a yes, whatever follows. */
const YES_FIRST = new Set(["ja", "jawel", "jazeker", "jaa", "jep", "yes", "yep", "yeah", "ya", "wel", "soms"]);

/** A client is asked "Ben je in gevaar?" at most once in this time; an open question lapses after it. */
const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/** Typed words that bring the paused conversation back. */
const RESUME_WORDS = new Set(["verder", "ga verder", "gaan we verder", "doorgaan", "ga door", "verder gaan", "go on", "continue", "resume"]);

/** The text of a message that the crisis check reads: a text, a photo's or file's caption, an edit. */
export function crisisTextOf(input: ClientInput): { text: string; source: string } | null {
  if (input.kind === "text") return { text: input.text, source: "text" };
  if (input.kind === "edited") return { text: input.text, source: "edited" };
  if (input.kind === "media" && input.caption) return { text: input.caption, source: `caption:${input.media}` };
  return null;
}

/** A message that may be a crisis but is not clearly one: the client is asked. Null otherwise. */
export function doubtIn(input: ClientInput): { text: string; source: string } | null {
  const found = crisisTextOf(input);
  if (!found || input.kind === "edited") return null;
  return crisisDoubt(found.text) ? found : null;
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

/**
 * What the crisis check did: the messages to send, and after a "no", the client's earlier words
 * when they are to be read as the answer to the conversation's waiting question.
 */
export interface CheckOutcome {
  reply: OutMessage[];
  answer?: string;
}

/** The step of a conversation a message was typed in: its run and turn. */
const stepOf = (run: FlowRun): string => `${run.id}:${run.turn}`;

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
    // Messages queued for a moment that has passed ("Goed gedaan!", the next question) do not
    // follow the crisis answer; an earlier crisis answer still waiting (urgent) does go.
    const dropped = await cancelPending(tx, { clientId: client.id, kinds: ["telegram.send"], priority: 0 });
    await raiseCrisisAlert(tx, { client, signal: found.signal, text: found.text, now, escalateMinutes: deps.escalateMinutes, parkedRunId: run?.id ?? null, source: found.source });
    // Ids and the category only: the client's words are never written to the log.
    deps.logger.info({ clientId: client.id, category: found.signal.category, rule: found.signal.rule, acute: found.signal.acute, droppedMessages: dropped }, "crisis signal");
    return [crisisAnswer(found.signal, { hasCoach: true })];
  }

  const checkButtons = () => [[{ label: "crisis.check.yes", data: "s:check:yes" }], [{ label: "crisis.check.no", data: "s:check:no" }]];

  /**
   * When Koers is unsure (crisisDoubt), it asks "Ben je in gevaar, of denk je eraan om dood te
   * gaan?" with two buttons, and the message is not taken as an answer to the running
   * conversation yet. A yes (button or typed) is a crisis signal with the client's own words. A no
   * is thanked, and words typed as an answer to the conversation's question (still waiting at the
   * same step) are then taken as that answer (`answer`), so the client need not type them again;
   * otherwise the conversation asks its question again. Anything else goes on as usual. Null:
   * nothing to do here.
   */
  async function check(tx: Tx, client: Client, run: FlowRun | null, input: ClientInput): Promise<CheckOutcome | null> {
    const now = deps.clock();
    const asked = client.crisisCheckAt && now.getTime() - client.crisisCheckAt.getTime() < CHECK_EVERY_MS ? client.crisisCheckAt : null;
    const pending = asked && client.crisisCheckText !== null ? client.crisisCheckText : null;
    const clear = () => tx.client.update({ where: { id: client.id }, data: { crisisCheckText: null, crisisCheckStep: null } });
    const yes = async (words: string): Promise<CheckOutcome> => {
      await clear();
      // The question was about danger and dying: 113, and the help line of any danger from others the words point to.
      const others = (crisisDoubt(words)?.categories ?? []).filter((c) => c === "danger" || c === "sexual" || c === "violence");
      const categories: CrisisCategory[] = others.includes("danger") ? ["danger", "suicide"] : ["suicide", ...others];
      const signal: CrisisSignal = { category: categories[0]!, categories, acute: categories.includes("danger"), rule: "check.confirmed", matched: "" };
      countCrisisSignal(signal.category);
      return { reply: await respond(tx, client, run, { signal, text: words, source: "check" }) };
    };
    const no = async (words: string): Promise<CheckOutcome> => {
      await clear();
      if (run && client.crisisCheckStep === stepOf(run)) return { reply: [{ key: "crisis.check.noAnswer" }], answer: words };
      return { reply: [{ key: "crisis.check.noOk" }, ...deps.runs.repeatPrompt(run)] };
    };
    if (input.kind === "button") {
      const b = CHECK_BUTTON.exec(input.data);
      if (!b) return null;
      if (pending === null) return { reply: [{ key: "common.oldButton" }] };
      return b[1] === "yes" ? yes(pending) : no(pending);
    }
    if (pending !== null && input.kind === "text") {
      // Safety first: a yes that comes with more words ("ja, soms wel") is a yes; a no must be plain.
      const read = readIntent(input.text, { strict: true });
      const intent = "value" in read ? read.value : null;
      if (intent === "yes" || YES_FIRST.has(normalise(input.text).split(" ")[0] ?? "")) return yes(pending);
      if (intent === "no") return no(pending);
      // Something else: the question lapses and the message is read as usual.
      await clear();
    }
    // A question that lapsed unanswered (a day ago) does not keep the client's words.
    if (!asked && client.crisisCheckText !== null) await clear();
    if (input.kind === "command" || asked) return null;
    const doubt = doubtIn(input);
    if (!doubt) return null;
    // Typed words in a running conversation may be its answer (a caption is not: a photo is no answer).
    const step = run && input.kind === "text" ? stepOf(run) : null;
    await tx.client.update({ where: { id: client.id }, data: { crisisCheckAt: now, crisisCheckText: doubt.text, crisisCheckStep: step } });
    deps.logger.info({ clientId: client.id }, "crisis check asked");
    return { reply: [{ key: "crisis.check.ask", buttons: checkButtons() }] };
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
      const yn = readYesNo(input.text);
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

  return { respond, afterCrisis, check };
}
