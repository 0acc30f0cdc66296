import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { ClientInput, Engine, HandleResult } from "../conversation/engine.js";
import type { Translator } from "../i18n.js";
import { markDuplicateUpdate } from "../metrics.js";
import { renderMessage } from "../outbox/render.js";
import { freshConnectionAgent } from "./agent.js";

export interface TelegramBotDeps {
  token: string;
  apiRoot?: string | undefined;
  /** The HTTP client grammY calls the Bot API with (benchmarks answer it in process). */
  fetch?: typeof fetch;
  /** Known bot info skips the `getMe` call (tests, and restarts that already know it). */
  botInfo?: UserFromGetMe;
  engine: Engine;
  translator: Translator;
  logger: Logger;
}

const MEDIA_KINDS = [
  "sticker", "photo", "voice", "video", "video_note", "audio", "document", "animation", "location", "contact",
  "poll", "dice", "venue", "game", "story",
] as const;

/** Maps a Telegram message to what the engine understands; null for messages we ignore. */
export function toClientInput(ctx: Context): ClientInput | null {
  const msg = ctx.message;
  if (!msg) return null;
  if (msg.text !== undefined) {
    const entity = msg.entities?.[0];
    if (entity?.type === "bot_command" && entity.offset === 0) {
      const raw = msg.text.slice(1, entity.length);
      const command = (raw.split("@")[0] ?? "").toLowerCase();
      return { kind: "command", command, args: msg.text.slice(entity.length).trim() };
    }
    return { kind: "text", text: msg.text };
  }
  const media = MEDIA_KINDS.find((k) => k in msg);
  // A photo's, file's or voice note's caption is read too (for crisis signals).
  return { kind: "media", media: media ?? "other", ...(msg.caption ? { caption: msg.caption } : {}) };
}

/** An edited message: its new text or caption, read only for crisis signals. */
export function toEditedInput(ctx: Context): ClientInput | null {
  const text = ctx.editedMessage?.text ?? ctx.editedMessage?.caption;
  return text ? { kind: "edited", text } : null;
}

/** Telegram's own Bot API server, as grammY calls it when no `apiRoot` is given. */
const TELEGRAM_API_ROOT = "https://api.telegram.org";

/** What grammY's Bot API calls go with for `apiRoot`: the agent of src/telegram/agent.ts. */
export function telegramFetchConfig(apiRoot: string = TELEGRAM_API_ROOT) {
  return { agent: freshConnectionAgent(apiRoot) };
}

/**
 * The Telegram edge: private chats only; every message and button press goes to the engine.
 * Replies to linked clients go through the outbox; unknown chats get a direct answer.
 */
export function createTelegramBot(deps: TelegramBotDeps): Bot {
  const bot = new Bot(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: {
      ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      // Never a connection the Bot API may have closed for idleness: a message sent over one is
      // lost and cannot be told from one that arrived (src/telegram/agent.ts).
      baseFetchConfig: telegramFetchConfig(deps.apiRoot),
    },
  });

  // Group chats, channels and bots are ignored: coaching happens one to one.
  bot.use(async (ctx, next) => {
    if (ctx.chat?.type !== "private" || ctx.from?.is_bot) return;
    await next();
  });

  async function replyDirect(ctx: Context, result: HandleResult): Promise<void> {
    if (result.kind === "duplicate") markDuplicateUpdate();
    if (result.kind !== "direct") return;
    for (const r of result.replies) await ctx.reply(renderMessage(deps.translator, result.language, r).text);
  }

  bot.on("callback_query:data", async (ctx) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const result = await deps.engine.handle({
      updateId: ctx.update.update_id,
      chatId,
      languageCode: ctx.from?.language_code,
      input: { kind: "button", data: ctx.callbackQuery.data },
    });
    await ctx.answerCallbackQuery().catch((err: unknown) => deps.logger.debug({ err }, "answerCallbackQuery failed"));
    await replyDirect(ctx, result);
  });

  /** A message or an edit of one: read it, hand it to the engine, answer a stranger directly. */
  async function forward(ctx: Context, chatId: number, input: ClientInput | null): Promise<void> {
    if (!input) return;
    const result = await deps.engine.handle({ updateId: ctx.update.update_id, chatId, languageCode: ctx.from?.language_code, input });
    await replyDirect(ctx, result);
  }

  bot.on("message", (ctx) => forward(ctx, ctx.chat.id, toClientInput(ctx)));
  bot.on("edited_message", (ctx) => forward(ctx, ctx.chat.id, toEditedInput(ctx)));

  // Errors are handled where updates come in (src/telegram/updates.ts): an update that fails in an
  // outage is not confirmed and comes again; one that keeps failing gets a calm answer there.
  // This handler is only reached through grammY's own `bot.start()`, which Koers does not use.
  bot.catch((err) => {
    deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, "update failed");
  });

  return bot;
}

/** Sets the command menu in Dutch (default) and English; a Bot API that refuses it is only logged. */
export async function setCommandMenu(bot: Bot, translator: Translator, logger: Logger): Promise<void> {
  const commands = (lang: string) =>
    (["start", "doel", "mijnverhaal", "herinneringen", "verwijzingen", "mijngegevens", "toestemming", "hulp", "pauze", "stop", "vergeet"] as const).map((c) => ({ command: c, description: translator.t(lang, `commands.${c}`) }));
  try {
    await bot.api.setMyCommands(commands("nl"));
    await bot.api.setMyCommands(commands("en"), { language_code: "en" });
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "could not set the command menu; the bot works without it");
  }
}
