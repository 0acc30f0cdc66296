/**
 * The outbox handler: sends a `telegram.send` job's messages in order, within Telegram's limits.
 *
 * A crash between sending and marking never sends a message twice unmarked. The Bot API has no
 * idempotency key for sendMessage and a bot cannot read back a chat's history, so no key we
 * attach could be checked with Telegram after a crash. What we can know is which message was
 * being sent: before each call the job records `inFlight = i` and when (committed, fenced by our
 * lease); after Telegram's answer it records `sent = i + 1` (with the next message's mark, or with
 * "done"). A job taken over after a crash (or
 * after a send that failed in a way that leaves the outcome open, such as a reset connection)
 * that still has `inFlight` set does not know whether message `i` arrived. It does not send it
 * again as it was: a client reading poorly, who is tired or stressed, is confused by the same
 * question twice without a word why (it reads like a bot that did not listen). It records it in
 * `uncertain`, goes on with the next message, and when the job is done it queues one re-ask
 * (`conversation.reask`, keyed by this job, so a crash around it queues it once).
 *
 * The re-ask keeps the other half of the promise, that nobody waits for ever: a lost question
 * would leave a client who answered waiting for a reply that never comes. The engine (its
 * `reask`) sends, in one message, a short marked note ("Misschien kreeg je mijn vorige bericht
 * niet. Hier is het nog een keer:") with the (last) message in doubt under it: when that is the
 * running conversation's question, as the question is now, with buttons that work; otherwise as
 * it was (a crisis check, a "pauze" confirmed: the client waits for that one, not for the
 * conversation's question). It sends nothing when the client wrote after the message in doubt
 * went out: they are not waiting, their message was answered; nor for a note about their input
 * ("Dat begreep ik niet goed") in doubt when the reply's next message surely arrived
 * (`messageToReask`). So a client sees a message twice
 * only marked, and at most once per job in doubt; a re-ask in doubt itself is sent again (it is
 * marked, and must not be lost).
 *
 * The crisis answer (113 and 112) is sent again in doubt without a note: a duplicate costs
 * nothing there and a lost message could cost a great deal (`resendWhenUncertain`).
 *
 * The window of doubt is only the Bot API round trip itself; every other crash point is exact.
 */
import { CRISIS_KEYS } from "../domain/safety/answer.js";
import { LeaseLost, SendError } from "./errors.js";
import { isQuietHours, localTime, addDays, atLocal, QUIET_UNTIL } from "../domain/reminders/schedule.js";
import type { SendLimiter } from "./rate-limit.js";
import type { OutMessage, TelegramSendPayload } from "../outbox/messages.js";
import type { ClaimedJob, JobContext, JobHandler, JobOutcome } from "./types.js";

/**
 * Notes about the client's own input ("Dat begreep ik niet goed", "Die knop hoort bij een eerdere
 * vraag"): they comment on an answer and point at the question. When one of them is in doubt and a
 * later message of the same reply surely arrived, the client has their reply; a re-ask of the note
 * after it ("Hier is het nog een keer: Dat begreep ik niet goed") would read as the bot not
 * understanding them again.
 */
const INPUT_NOTES: ReadonlySet<string> = new Set(["common.pickButton", "common.onlyText", "common.tooLong", "common.oldButton", "common.unknownButton", "common.unknownCommand"]);

/**
 * The message a job that ended with messages in doubt should ask again, or null when nobody waits
 * for it: the last one in doubt, unless it is a note about the input and a later message of the
 * job (sent for sure: only the last in doubt can be followed by sure ones) arrived.
 */
export function messageToReask(p: Pick<TelegramSendPayload, "messages" | "uncertain">): OutMessage | null {
  const last = p.uncertain?.[p.uncertain.length - 1];
  if (last === undefined) return null;
  const msg = p.messages[last];
  if (!msg) return null;
  if (INPUT_NOTES.has(msg.key) && last < p.messages.length - 1) return null;
  return msg;
}

/** Renders and sends one message of an outbox job. */
export interface MessageSender {
  send(payload: TelegramSendPayload, index: number): Promise<void>;
}

export interface TelegramSendDeps {
  sender: MessageSender;
  limiter: SendLimiter;
  /** Told once when Telegram says 403 (the client blocked the bot); the job then ends. */
  onBlocked(clientId: string): Promise<void>;
  /** Longest wait for the rate limiter inside a job; longer waits put the job back (ms). */
  maxWaitMs?: number;
  /** Messages worth a possible duplicate rather than a possible loss (see above). */
  resendWhenUncertain?: (msg: OutMessage) => boolean;
  /** A job about a client ended with messages in doubt: queue its re-ask (idempotent, see above). */
  onUncertain?: (job: ClaimedJob, payload: TelegramSendPayload) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}


/** The end of tonight's quiet hours (08:00 Amsterdam), for proactive messages that are late. */
function afterQuietHours(now: Date): Date {
  const { day, minutes } = localTime(now);
  return atLocal(minutes >= QUIET_UNTIL ? addDays(day, 1) : day, QUIET_UNTIL);
}

export function telegramSendHandler(deps: TelegramSendDeps): JobHandler {
  const maxWaitMs = deps.maxWaitMs ?? 2000;
  const resend = deps.resendWhenUncertain ?? ((m: OutMessage) => CRISIS_KEYS.has(m.key));
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  /**
   * Waits for the limiter as long as that is short; returns the wait left when it is not (0: go).
   * `beforeWait` runs before any wait (it saves the progress so far, see below).
   */
  async function takeSlot(chatId: string, urgent: boolean, beforeWait: () => Promise<void>): Promise<number> {
    let waited = 0;
    for (;;) {
      const wait = await deps.limiter.tryTake(chatId, urgent);
      if (wait === 0) return 0;
      if (waited + wait > maxWaitMs) return wait;
      await beforeWait();
      await sleep(wait);
      waited += wait;
    }
  }

  /** After a crash mid-send: decide about the message that may or may not have gone out. */
  async function settleInFlight(job: ClaimedJob, p: TelegramSendPayload, ctx: JobContext): Promise<void> {
    const i = p.inFlight;
    if (i === undefined || i === null || i < p.sent) return;
    const msg = p.messages[i];
    if (msg && (resend(msg) || p.reask)) {
      ctx.logger.warn({ jobId: job.id, index: i, key: msg.key }, "message may have been sent before a crash; sending it again (it must not be lost)");
      p.inFlight = null;
      return;
    }
    p.uncertain = [...(p.uncertain ?? []), i];
    p.uncertainSince = p.inFlightAt ?? ctx.now().toISOString();
    p.sent = i + 1;
    p.inFlight = null;
    await ctx.savePayload({ sent: p.sent, inFlight: null, uncertain: p.uncertain, uncertainSince: p.uncertainSince });
    ctx.logger.warn({ jobId: job.id, index: i, key: msg?.key }, "message may have been sent before a crash; not sending it again");
  }

  async function sendOne(job: ClaimedJob, p: TelegramSendPayload, i: number, ctx: JobContext, progress: { sent?: number }): Promise<void> {
    await ctx.savePayload({ ...progress, inFlight: i, inFlightAt: ctx.now().toISOString() });
    try {
      await deps.sender.send(p, i);
    } catch (err) {
      // Telegram answered with an error, or we know the request never left: nothing arrived.
      const doubt = err instanceof SendError && err.opts.uncertain;
      if (!doubt && !(err instanceof LeaseLost)) await ctx.savePayload({ inFlight: null }).catch(() => undefined);
      if (err instanceof SendError && err.opts.retryAfterSeconds !== undefined) {
        await Promise.resolve(deps.limiter.penalise(p.chatId, err.opts.retryAfterSeconds * 1000)).catch(() => undefined);
      }
      if (err instanceof SendError && err.opts.blocked && job.clientId) await deps.onBlocked(job.clientId);
      throw err;
    }
  }

  return async (job, ctx): Promise<JobOutcome> => {
    const p = job.payload as TelegramSendPayload;
    await settleInFlight(job, p, ctx);
    if (p.proactive && isQuietHours(ctx.now())) return { retryAt: afterQuietHours(ctx.now()), reason: "quiet hours" };
    // A sent message's progress is saved with the next message's "in flight" mark, or with "done"
    // after the last one, in one write; a crash before that write leaves it in flight, which is
    // right: it was sent. Before any wait for the limiter it is saved on its own, so the window of
    // doubt stays the Bot API round trip.
    let unsaved = false;
    const saveProgress = async (): Promise<void> => {
      if (!unsaved) return;
      await ctx.savePayload({ sent: p.sent, inFlight: null });
      unsaved = false;
    };
    for (let i = p.sent; i < p.messages.length; i++) {
      const wait = await takeSlot(p.chatId, p.urgent === true, saveProgress);
      if (wait > 0) {
        await saveProgress();
        return { retryAt: new Date(ctx.now().getTime() + wait), reason: "rate limit", holdBack: true };
      }
      await sendOne(job, p, i, ctx, unsaved ? { sent: p.sent } : {});
      p.sent = i + 1;
      unsaved = true;
    }
    // Before "done": a crash in between runs this again, and the re-ask's key queues it once.
    if (p.uncertain?.length && !p.reask && job.clientId) await deps.onUncertain?.(job, p);
    return { patch: { sent: p.sent, inFlight: null } };
  };
}
