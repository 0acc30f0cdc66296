import type { Logger } from "pino";
import { readGoOn, readGreeting, valueOf } from "../../flows/lib/readers.js";
import type { ClientEvent, FlowDefinition, Say, Vars } from "../../flows/types.js";
import type { Database, Tx } from "../db/client.js";
import { audit } from "../domain/audit.js";
import { crisisAnswer, isCrisisAnswer } from "../domain/safety/answer.js";
import { DEFAULT_ESCALATE_MINUTES } from "../domain/safety/alerts.js";
import { hashInviteCode, looksLikeInviteCode } from "../domain/invites.js";
import { movePhase } from "../domain/phase.js";
import { referralClientLinked, referralKnownClientStarted } from "../domain/referrals/in.js";
import { isReferralsCommand, referralListEntries, referralListWithoutButtons } from "../domain/referrals/list.js";
import type { Client, FlowRun } from "../generated/prisma/client.js";
import { enqueueTelegram, parseCallbackData, reaskMessage, type OutMessage, type ReaskPayload } from "../outbox/messages.js";
import { handleReminderButton, isReminderButton, isRemindersCommand, remindersCommand, type HookReply } from "../domain/reminders/buttons.js";
import { COMMAND_ALIASES, globalCommand } from "./commands.js";
import { forgetAnswer, forgetAsk, isForgetButton, isForgetCommand } from "./forget.js";
import { consentButton, consentCommand, isConsentButton, isConsentCommand } from "./consent.js";
import { isMyDataButton, isMyDataCommand, myDataButton, myDataCommand } from "./my-data.js";
import { createCrisisResponse, crisisIn, doubtIn } from "./crisis.js";
import { createFastPath } from "./fast-path.js";
import { checkFlood, type FloodLimits } from "./flood.js";
import { firstDelivery, lockClientByChat, lockClientById, lockInviteByCode } from "../db/locks.js";
import { isWaitingTalk } from "../domain/flow-runs.js";
import { ConversationError, createRuns, runData } from "./runs.js";
import type { IncomingMessage } from "./input.js";

export { ConversationError } from "./runs.js";
export type { ClientInput, IncomingMessage } from "./input.js";

export interface DirectReply {
  key: string;
  vars?: Vars;
  /** More lines of the same message. */
  lines?: DirectReply[];
}

export type HandleResult =
  | { kind: "duplicate" }
  /** A chat we do not know: answer directly, store nothing. */
  | { kind: "direct"; language: string; replies: DirectReply[] }
  | { kind: "handled"; clientId: string };

export interface EngineDeps {
  db: Database;
  flows: Record<string, FlowDefinition>;
  clock: () => Date;
  logger: Logger;
  /** Called after a commit that queued messages, to wake the dispatcher. */
  onQueued?: () => void;
  /** CRISIS_ESCALATE_MINUTES: an unconfirmed crisis alert goes to the team after this long. */
  crisisEscalateMinutes?: number;
  /** Flood control per client (src/conversation/flood.ts); 20 messages in 10 s by default. */
  flood?: FloodLimits;
  /** True: the client's first words after onboarding start the clarifying talk (flows/clarifying.ts), once. */
  clarifyAfterOnboarding?: boolean;
  /** The common update takes the three-statement fast path (src/conversation/fast-path.ts); false: every update the full way. */
  fastPath?: boolean;
}

/** Longest message a flow gets to see; longer ones get a calm request to say it shorter. */
export const MAX_TEXT = 1000;


/**
 * One client, locked, in one transaction (`Engine.withClient`): for a job that decides, with the
 * client's row locked, whether to start a conversation of its own (a check-in, a trajectory talk).
 */
export interface ClientScope {
  tx: Tx;
  /** The client as locked at the start of the transaction. */
  client: Client;
  /**
   * Begins `flowId` for this client in this transaction, `before` sent ahead of its first
   * messages; sent as a message the bot starts (proactive), after commit. Throws a
   * ConversationError when the client cannot get a conversation (not linked, not active).
   */
  start(flowId: string, data?: Record<string, unknown>, before?: OutMessage[]): Promise<void>;
}

export interface Engine {
  handle(msg: IncomingMessage): Promise<HandleResult>;
  /** Starts a conversation for a client (coach action now, reminders later). */
  startConversation(clientId: string, flowId: string, data?: Record<string, unknown>, byCoachId?: string): Promise<void>;
  /**
   * Locks the client and runs `fn` in that transaction; what `fn` returns is the result. A job
   * decides there whether it still starts (`scope.start`) or what to do instead (retry, skip).
   */
  withClient<T>(clientId: string, fn: (scope: ClientScope) => Promise<T>): Promise<T>;
  /**
   * Brings back a parked topic at the time the client agreed. Returns false when that is not
   * possible now (the client stopped, paused or is in another conversation).
   */
  resumeParked(flowRunId: string): Promise<"resumed" | "busy" | "gone">;
  /**
   * After a crash the outbox could not know whether a message reached the client
   * (src/jobs/telegram-send.ts): sends it again, once, with a short note (the running question
   * as it is now, when it was that one), unless the client wrote since that message went out.
   */
  reask(req: ReaskPayload): Promise<"queued" | "not needed">;
}

/** The client's chat, when a conversation may start for them now; else a ConversationError. */
function startable(client: Client): bigint {
  if (client.telegramChatId === null) throw new ConversationError("this client has not opened the invite link yet");
  if (client.status !== "ACTIVE") throw new ConversationError(`this client cannot get a conversation now (${client.status.toLowerCase()})`);
  return client.telegramChatId;
}

/**
 * The conversation engine: one client update is one transaction. The client row is locked, so
 * two updates of one client never interleave (also across instances); global intents come first;
 * then the active flow is restored, stepped and saved; messages go to the outbox and are sent
 * only after commit.
 */
export function createEngine(deps: EngineDeps): Engine {
  const { db, flows, clock } = deps;

  async function inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return db.prisma.$transaction((tx) => fn(tx));
  }

  const fastPath = createFastPath({ sql: db.sql, keyring: db.keyring, flows, maxText: MAX_TEXT, ...(deps.flood ? { flood: deps.flood } : {}) });
  const { flowOf, beginRun, stepActive, repeatPrompt, activeRun, reopenParked, reactivate, queueTalk, waitingTalks, startWaitingTalk } = createRuns(deps);

  /**
   * After a step: when no conversation is going on any more, a conversation put aside by
   * /herinneringen comes back at its question, or else a coach's conversation that waited begins.
   */
  async function whenFree(tx: Tx, client: Client): Promise<OutMessage[]> {
    if (client.status !== "ACTIVE" || (await activeRun(tx, client.id))) return [];
    const back = await reopenParked(tx, client, { interrupted: true });
    if (back) return [{ key: "controls.goOn" }, ...back];
    return client.crisisHoldSince ? [] : startWaitingTalk(tx, client);
  }
  const crisis = createCrisisResponse({ runs: { repeatPrompt }, clock, logger: deps.logger, escalateMinutes: deps.crisisEscalateMinutes ?? DEFAULT_ESCALATE_MINUTES });

  /** Handles an update from a chat that is not linked to a client: only `/start <code>` links it. */
  async function handleUnknownChat(tx: Tx, msg: IncomingMessage): Promise<HandleResult | { link: Client; fresh: boolean }> {
    const language = msg.languageCode === "en" ? "en" : "nl";
    const direct = (key: string): HandleResult => ({ kind: "direct", language, replies: [{ key }] });
    // Someone without a coach who may be in danger gets the help numbers at once; nothing is stored.
    const found = crisisIn(msg.input);
    if (found) {
      deps.logger.info({ category: found.signal.category, acute: found.signal.acute }, "crisis answer to a chat without a coach");
      return { kind: "direct", language, replies: [crisisAnswer(found.signal, { hasCoach: false })] };
    }
    // Maybe in trouble, and nobody here to ask them later: the help numbers, gently, then the usual.
    if (doubtIn(msg.input)) return { kind: "direct", language, replies: [{ key: "crisis.check.stranger" }, { key: "start.noCode" }] };
    if (msg.input.kind === "edited") return { kind: "direct", language, replies: [] };
    if (msg.input.kind !== "command" || COMMAND_ALIASES[msg.input.command] !== "start") return direct("start.noCode");
    const code = msg.input.args.trim();
    if (!code) return direct("start.noCode");
    if (!looksLikeInviteCode(code)) return direct("start.unknownCode");
    const invite = await lockInviteByCode(tx, hashInviteCode(code));
    if (!invite) return direct("start.unknownCode");
    if (invite.usedAt) {
      // This chat itself used the link a moment ago: a redelivery of the same /start that waited
      // on the invite's lock while the first one linked (PostgreSQL). Not a stranger's used link.
      const owner = await lockClientById(tx, invite.clientId);
      if (owner && owner.telegramChatId === BigInt(msg.chatId)) return { link: owner, fresh: false };
      return direct("start.usedCode");
    }
    if (invite.expiresAt <= clock()) return direct("start.expiredCode");
    const client = await lockClientById(tx, invite.clientId);
    if (!client || client.telegramChatId !== null) return direct("start.usedCode");
    await tx.invite.update({ where: { id: invite.id }, data: { usedAt: clock() } });
    const linked = await tx.client.update({
      where: { id: client.id },
      data: { telegramChatId: BigInt(msg.chatId), status: "ONBOARDING" },
    });
    return { link: linked, fresh: true };
  }

  /** /verwijzingen: the list runs as a flow for its buttons, unless another conversation is going on. */
  async function referralsCommand(tx: Tx, client: Client, run: FlowRun | null): Promise<OutMessage[]> {
    const entries = await referralListEntries(tx, client);
    if (run && run.flowId !== "referralList") return referralListWithoutButtons(entries);
    return beginRun(tx, client, "referralList", { entries });
  }

  /** The messages of a reminder or referral command, and the conversation it asks to start. */
  async function runHook(tx: Tx, client: Client, reply: HookReply): Promise<OutMessage[]> {
    if (!reply.startFlow || !flows[reply.startFlow.flowId]) return reply.messages;
    return [...reply.messages, ...(await beginRun(tx, client, reply.startFlow.flowId, reply.startFlow.data))];
  }

  async function handleClient(tx: Tx, lockedClient: Client, msg: IncomingMessage, key: string): Promise<OutMessage[]> {
    let client = lockedClient;
    let input = msg.input;
    const now = clock();
    const run = await activeRun(tx, client.id);
    const out: OutMessage[] = [];
    const resumedStatus: Client["status"] = run?.flowId === "onboarding" ? "ONBOARDING" : "ACTIVE";
    // A client we could not reach (they had blocked the bot) who writes again is reachable again.
    const reachable = client.status === "UNREACHABLE" ? { status: resumedStatus } : {};
    await tx.client.update({ where: { id: client.id }, data: { lastClientMessageAt: now, ...reachable } });
    if (client.status === "UNREACHABLE") client = { ...client, status: resumedStatus };

    // --- crisis (src/conversation/crisis.ts): in every state, before anything else
    const found = crisisIn(input);
    if (found) return crisis.respond(tx, client, run, found);
    // Not clearly a crisis, but maybe: ask the client ("Ben je in gevaar?") rather than guess.
    const checked = await crisis.check(tx, client, run, input);
    if (checked && checked.answer === undefined) return checked.reply;
    // "Nee, dat niet": the words they were asked about answer the conversation's question after all.
    if (checked?.answer !== undefined) {
      out.push(...checked.reply);
      input = { kind: "text", text: checked.answer };
    }

    // Flood (src/conversation/flood.ts): after the crisis detector and check, never before them
    const flood = await checkFlood(tx, client, input, now, deps.flood);
    if (flood.kind === "hold") return [...out, ...flood.messages];

    // Referrals (src/domain/referrals/): /verwijzingen, and an invite link of a
    // referral in opened by someone who already is a client (no duplicate client is kept)
    if (input.kind === "command" && isReferralsCommand(input.command)) return referralsCommand(tx, client, run);
    if (input.kind === "command" && COMMAND_ALIASES[input.command] === "start" && input.args.trim()) {
      await referralKnownClientStarted(tx, client, input.args.trim(), now);
    }

    // Reminders (src/domain/reminders/buttons.ts): /herinneringen
    if (input.kind === "command" && isRemindersCommand(input.command)) return runHook(tx, client, await remindersCommand(tx, client));

    // Rights (src/conversation/forget.ts): /vergeet and its two buttons
    if (input.kind === "command" && isForgetCommand(input.command)) return forgetAsk();
    if (input.kind === "button" && isForgetButton(input.data)) return forgetAnswer(tx, client, input.data, now);
    // /mijngegevens (src/conversation/my-data.ts) and /toestemming (src/conversation/consent.ts)
    if (input.kind === "command" && isMyDataCommand(input.command)) return myDataCommand(tx, client);
    if (input.kind === "button" && isMyDataButton(input.data)) return myDataButton(tx, client, now);
    if (input.kind === "command" && isConsentCommand(input.command)) return consentCommand(tx, client);
    if (input.kind === "button" && isConsentButton(input.data)) return consentButton(tx, client, input.data, now);

    if (input.kind === "command") return globalCommand(tx, client, COMMAND_ALIASES[input.command], { resumedStatus, repeat: repeatPrompt(run), now });

    // --- crisis: the message after one is answered kindly; "verder" picks the conversation up
    const afterCrisis = await crisis.afterCrisis(tx, client, input, run);
    if (afterCrisis) return afterCrisis;
    if (input.kind === "edited") return [];

    if (client.status === "STOPPED") return [...out, { key: "stop.stopped" }];
    if (client.status === "PAUSED") {
      await tx.client.update({ where: { id: client.id }, data: { status: resumedStatus } });
      client = { ...client, status: resumedStatus };
      out.push({ key: "pause.back" });
      // The first words after a pause ("ik ben er weer") are a hello, not the answer: the waiting question again.
      if (run && input.kind === "text" && valueOf(readGreeting(input.text))) return [...out, ...repeatPrompt(run)];
    }
    if (input.kind === "media") return [...out, { key: "common.onlyText" }];
    if (input.kind === "text" && input.text.length > MAX_TEXT) return [...out, { key: "common.tooLong" }];

    // Reminders (src/domain/reminders/buttons.ts): buttons under a reminder, `r:<jobId>:<action>`
    if (input.kind === "button" && isReminderButton(input.data)) {
      return [...out, ...(await runHook(tx, client, await handleReminderButton(tx, client, input.data, now)))];
    }

    // A parked topic comes back when the client says they want to go on ("verder", "ik wil verder"), also from the menu.
    if (input.kind === "text" && (!run || run.flowId === "menu") && valueOf(readGoOn(input.text))) {
      const back = await reopenParked(tx, client);
      if (back) return [...(out.length ? out : [{ key: "controls.goOn" }]), ...back];
    }

    if (!run) {
      // A coach's conversation that waited comes first.
      if (client.status === "ACTIVE" && !client.crisisHoldSince && input.kind === "text") {
        const talk = await startWaitingTalk(tx, client);
        if (talk.length) return [...out, ...talk];
      }
      // Phases: right after onboarding the first words start the clarifying talk (once; it can be skipped)
      if (deps.clarifyAfterOnboarding === true && client.status === "ACTIVE" && client.phase === "CLARIFYING" && flows["clarifying"] && input.kind === "text" && !(await tx.flowRun.findFirst({ where: { clientId: client.id, flowId: "clarifying" }, select: { id: true } }))) {
        return [...out, ...(await beginRun(tx, client, "clarifying"))];
      }
      // Nothing going on: offer what the bot can talk about (the menu), once onboarding is done.
      if (client.status === "ACTIVE" && flows["menu"] && input.kind === "text") return [...out, ...(await beginRun(tx, client, "menu"))];
      return [...out, { key: input.kind === "button" ? "common.oldButton" : "common.idle" }];
    }
    let event: ClientEvent;
    if (input.kind === "button") {
      const parsed = parseCallbackData(input.data);
      if (!parsed) return [...out, { key: "common.unknownButton" }];
      // A turn the bot has not reached yet was never sent by it: unknown, not old.
      if (parsed.turn !== run.turn) return [...out, { key: parsed.turn < run.turn ? "common.oldButton" : "common.unknownButton" }];
      const offered = ((run.prompt as Say[] | null) ?? []).some((s) => s.choices?.some((row) => row.some((c) => c.id === parsed.choice)));
      if (!offered) return [...out, { key: "common.unknownButton" }];
      event = { type: "client.chose", choice: parsed.choice, now: now.toISOString() };
    } else {
      event = { type: "client.said", text: input.text, now: now.toISOString() };
    }
    const stepped = await stepActive(tx, client, run, event, key);
    return [...out, ...stepped, ...(await whenFree(tx, client))];
  }

  return {
    async handle(msg) {
      const log = deps.logger.child({ updateId: msg.updateId, chatId: msg.chatId });
      // The common update (an answer in a running conversation) in three statements
      // (src/conversation/fast-path.ts); anything else goes the full way below.
      if (deps.fastPath !== false && (msg.input.kind === "text" || msg.input.kind === "button")) {
        const now = clock();
        const fast = await fastPath.handle({
          updateId: msg.updateId,
          chatId: msg.chatId,
          input: msg.input,
          key: msg.updateId !== undefined ? `u${msg.updateId}` : `t${now.getTime()}:${Math.random()}`,
          now,
        });
        if (fast.kind === "duplicate") {
          log.info("duplicate update ignored");
          return { kind: "duplicate" };
        }
        if (fast.kind === "handled") {
          if (fast.queued) deps.onQueued?.();
          return { kind: "handled", clientId: fast.clientId };
        }
      }
      let queued = false;
      const result = await inTx(async (tx): Promise<HandleResult> => {
        let client = await lockClientByChat(tx, msg.chatId);
        let messages: OutMessage[];
        const key = msg.updateId !== undefined ? `u${msg.updateId}` : `t${clock().getTime()}:${Math.random()}`;
        if (!client) {
          const linked = await handleUnknownChat(tx, msg);
          if (!("link" in linked)) return linked;
          if (!(await firstDelivery(tx, msg.updateId))) return { kind: "duplicate" };
          client = linked.link;
          // Referrals: a person referred in opened their invite: first contact made
          if (linked.fresh) await referralClientLinked(tx, client, clock());
          // Phases (src/domain/phase.ts): the invite opened is the first contact
          if (linked.fresh) await movePhase(tx, { clientId: client.id, to: "FIRST_CONTACT", actor: { kind: "CLIENT", id: client.id }, now: clock(), onlyFrom: ["REFERRED"] });
          messages = linked.fresh ? await beginRun(tx, client, "onboarding") : await handleClient(tx, client, msg, key);
        } else {
          if (!(await firstDelivery(tx, msg.updateId))) return { kind: "duplicate" };
          messages = await handleClient(tx, client, msg, key);
        }
        const fresh = await tx.client.findUniqueOrThrow({ where: { id: client.id } });
        await enqueueTelegram(tx, {
          clientId: client.id,
          chatId: BigInt(msg.chatId),
          language: fresh.language,
          messages,
          key: `${client.id}:${key}`,
          // The crisis answer goes out ahead of anything queued for this chat.
          urgent: messages.some(isCrisisAnswer),
        });
        queued = messages.length > 0;
        return { kind: "handled", clientId: client.id };
      });
      if (result.kind === "duplicate") log.info("duplicate update ignored");
      if (queued) deps.onQueued?.();
      return result;
    },

    async resumeParked(flowRunId) {
      let queued = false;
      const outcome = await inTx(async (tx): Promise<"resumed" | "busy" | "gone"> => {
        const parked = await tx.flowRun.findUnique({ where: { id: flowRunId } });
        if (!parked || parked.status !== "PARKED") return "gone";
        const client = await lockClientById(tx, parked.clientId);
        if (!client || client.telegramChatId === null || client.status === "STOPPED" || client.status === "REFUSED") return "gone";
        const current = await activeRun(tx, client.id);
        // A waiting coach's conversation does not wait for the menu: that is only an offer.
        if (client.status !== "ACTIVE" || client.crisisHoldSince || (current && !(current.flowId === "menu" && isWaitingTalk(parked)))) return "busy";
        // A topic parked at a question comes back at that question, with its answers; a waiting
        // coach's conversation (or a topic whose saved state no longer fits its flow) starts anew.
        const back = isWaitingTalk(parked) ? null : await reactivate(tx, client, parked);
        if (!back) await tx.flowRun.update({ where: { id: parked.id }, data: { status: "DONE" } });
        const messages = back
          ? [{ key: "controls.comeBack" }, ...back]
          : [{ key: isWaitingTalk(parked) ? "coachTalk.now" : "controls.comeBack" }, ...(await beginRun(tx, client, parked.flowId, runData(parked)))];
        await enqueueTelegram(tx, { clientId: client.id, chatId: client.telegramChatId, language: client.language, messages, key: `resume:${parked.id}` });
        queued = true;
        return "resumed";
      });
      if (queued) deps.onQueued?.();
      return outcome;
    },

    async reask(req) {
      let queued = false;
      const outcome = await inTx(async (tx): Promise<"queued" | "not needed"> => {
        const client = await lockClientById(tx, req.clientId);
        if (!client || client.telegramChatId === null || client.status === "UNREACHABLE") return "not needed";
        // They wrote after the message in doubt went out: that message was answered, nobody waits.
        if (client.lastClientMessageAt && client.lastClientMessageAt.getTime() > Date.parse(req.since)) return "not needed";
        // What went missing, as it was (a crisis check, "pauze" confirmed...); when it is the running
        // conversation's question, as that question is now, so its buttons work.
        const current = client.status === "ACTIVE" || client.status === "ONBOARDING" ? repeatPrompt(await activeRun(tx, client.id)) : [];
        const question = current.find((m) => m.key === req.missed.key) ?? req.missed;
        await enqueueTelegram(tx, {
          clientId: client.id,
          chatId: client.telegramChatId,
          language: client.language,
          messages: [reaskMessage(question)],
          key: `reask:${req.sendJobId}`,
          reask: true,
          ...(req.proactive ? { proactive: true } : {}),
        });
        queued = true;
        return "queued";
      });
      if (queued) deps.onQueued?.();
      return outcome;
    },

    async startConversation(clientId, flowId, data, byCoachId) {
      let queued = false;
      flowOf(flowId);
      await inTx(async (tx) => {
        const client = await lockClientById(tx, clientId);
        if (!client) throw new ConversationError("unknown client");
        if (byCoachId !== undefined && client.coachId !== byCoachId) throw new ConversationError("not your client");
        const chatId = startable(client);
        if (byCoachId !== undefined) {
          await audit(tx, { actorKind: "COACH", actorId: byCoachId, action: "conversation.started", clientId, detail: { flowId } });
          // A coach's conversation never breaks off the one the client is in (the menu is only an offer): it waits, and the client is told.
          const current = await activeRun(tx, client.id);
          if ((current && current.flowId !== "menu") || (await waitingTalks(tx, client.id)).length) {
            await queueTalk(tx, client, flowId, data);
            await enqueueTelegram(tx, { clientId, chatId, language: client.language, messages: [{ key: "coachTalk.waiting" }] });
            queued = true;
            return;
          }
        }
        const messages = await beginRun(tx, client, flowId, data);
        await enqueueTelegram(tx, { clientId, chatId, language: client.language, messages });
        queued = messages.length > 0;
      });
      if (queued) deps.onQueued?.();
    },

    async withClient(clientId, fn) {
      let queued = false;
      const result = await inTx(async (tx) => {
        const client = await lockClientById(tx, clientId);
        if (!client) throw new ConversationError("unknown client");
        const start = async (flowId: string, data?: Record<string, unknown>, before: OutMessage[] = []) => {
          flowOf(flowId);
          const chatId = startable(client);
          const messages = [...before, ...(await beginRun(tx, client, flowId, data))];
          await enqueueTelegram(tx, { clientId, chatId, language: client.language, messages, proactive: true });
          queued ||= messages.length > 0;
        };
        return fn({ tx, client, start });
      });
      if (queued) deps.onQueued?.();
      return result;
    },
  };
}
