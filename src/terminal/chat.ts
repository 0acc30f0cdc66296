import readline from "node:readline";
import type { ClientInput, Engine } from "../conversation/engine.js";
import type { Database } from "../db/client.js";
import { createClientInvite } from "../domain/invites.js";
import type { Translator } from "../i18n.js";
import type { MessageSender } from "../jobs/dispatcher.js";
import type { TelegramSendPayload } from "../outbox/messages.js";
import { renderMessage } from "../outbox/render.js";

/**
 * Chat id of the terminal client. Telegram private chats have positive ids, so a negative id
 * can never collide with a real client.
 */
export const TERMINAL_CHAT_ID = -1;

/**
 * The terminal chat: you are the client, talking to the same engine and flows as on Telegram.
 * Messages come through the real outbox; buttons are numbered, type the number to press one.
 */
export function createTerminalChat(deps: { translator: Translator; output?: NodeJS.WritableStream }) {
  const out = deps.output ?? process.stdout;
  let buttons: string[] = [];
  // Lines are handled one after another, in the order typed.
  let chain: Promise<unknown> = Promise.resolve();

  const sender: MessageSender = {
    async send(payload: TelegramSendPayload, index: number) {
      const msg = payload.messages[index];
      if (!msg) return;
      const { text, keyboard } = renderMessage(deps.translator, payload.language, msg);
      out.write(`\nKoers: ${text.replace(/\n/g, "\n       ")}\n`);
      if (keyboard) {
        buttons = keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
        const labels = keyboard.flat().map((b, i) => `[${i + 1}] ${b.text}`);
        out.write(`       ${labels.join("   ")}\n`);
      }
    },
  };

  /** Links the terminal to a demo client on first use, then says hello (or repeats the last question). */
  async function begin(db: Database, engine: Engine, inviteDays: number): Promise<void> {
    const linked = await db.prisma.client.findUnique({ where: { telegramChatId: BigInt(TERMINAL_CHAT_ID) } });
    let args = "";
    if (!linked) {
      args = await db.prisma.$transaction(async (tx) => {
        const team = await tx.organisation.upsert({
          where: { name: "Demo-team" },
          update: {},
          create: { kind: "COACH_TEAM", name: "Demo-team" },
        });
        const coach = await tx.member.upsert({
          where: { organisationId_name: { organisationId: team.id, name: "Sam" } },
          update: {},
          create: { organisationId: team.id, name: "Sam", role: "COACH" },
        });
        const invite = await createClientInvite(tx, { coachId: coach.id, clientName: "Alex", days: inviteDays, now: new Date() });
        return invite.code;
      });
    }
    // No update ids here: those belong to Telegram's dedupe table.
    await engine.handle({ chatId: TERMINAL_CHAT_ID, input: { kind: "command", command: "start", args } });
  }

  function toInput(line: string): ClientInput {
    const text = line.trim();
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= buttons.length) return { kind: "button", data: buttons[n - 1] ?? "" };
    const command = /^\/(\w+)(?:\s+(.*))?$/.exec(text);
    if (command) return { kind: "command", command: (command[1] ?? "").toLowerCase(), args: command[2] ?? "" };
    return { kind: "text", text: line };
  }

  /** Reads lines from stdin until it closes; resolves then. */
  function run(engine: Engine, flush: () => Promise<unknown>, input: NodeJS.ReadableStream = process.stdin): Promise<void> {
    const rl = readline.createInterface({ input, terminal: false });
    return new Promise((resolve, reject) => {
      rl.on("line", (line) => {
        if (!line.trim()) return;
        // The line is read when its turn comes, so a number presses a button of the latest question.
        chain = chain
          .then(() => engine.handle({ chatId: TERMINAL_CHAT_ID, input: toInput(line) }))
          .then(flush)
          .catch((err: unknown) => {
            out.write(`\nKoers: ${deps.translator.t("nl", "common.error")}\n`);
            out.write(`(${err instanceof Error ? err.message : String(err)})\n`);
          });
      });
      rl.on("close", () => void chain.then(() => resolve(), reject));
    });
  }

  return { sender, begin, run };
}

/**
 * Runs the dispatcher until no reply is waiting (the per-chat rate limit can hold a message back
 * for a second), at most `timeoutMs`.
 */
export async function outboxSettled(db: Database, drain: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await drain();
    const waiting = await db.prisma.job.count({ where: { kind: "telegram.send", status: { in: ["PENDING", "RUNNING"] } } });
    if (!waiting || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
