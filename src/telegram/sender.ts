import { GrammyError, HttpError, type Api } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Translator } from "../i18n.js";
import { SendError, type MessageSender } from "../jobs/dispatcher.js";
import type { OutMessage, TelegramSendPayload } from "../jobs/outbox.js";

/** Renders an outbox message in the client's language. */
export function renderMessage(translator: Translator, language: string, msg: OutMessage) {
  const text = [msg, ...(msg.lines ?? [])].map((m) => translator.t(language, m.key, m.vars)).join("\n");
  const keyboard: InlineKeyboardButton[][] | undefined = msg.buttons?.map((row) =>
    row.map((b) => ({ text: translator.t(language, b.label, b.vars), callback_data: b.data })),
  );
  return { text, keyboard };
}

/** Network errors raised before a request could leave: nothing reached Telegram. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * True when the request surely never reached Telegram (no connection was made). Any other
 * network failure (a reset, a timeout) may have come after Telegram took the message.
 */
function neverSent(cause: unknown): boolean {
  for (let e = cause, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NOT_CONNECTED.has(code)) return true;
  }
  return false;
}

/** Sends outbox messages through the Bot API and turns its errors into retry decisions. */
export function createTelegramSender(api: Api, translator: Translator): MessageSender {
  return {
    async send(payload: TelegramSendPayload, index: number) {
      const msg = payload.messages[index];
      if (!msg) return;
      const { text, keyboard } = renderMessage(translator, payload.language, msg);
      try {
        await api.sendMessage(Number(payload.chatId), text, keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {});
      } catch (err) {
        if (err instanceof GrammyError) {
          if (err.error_code === 429) {
            throw new SendError(err.description, { retryAfterSeconds: err.parameters.retry_after ?? 5 });
          }
          if (err.error_code === 403) throw new SendError(err.description, { permanent: true, blocked: true });
          if (err.error_code === 400) throw new SendError(err.description, { permanent: true });
          throw new SendError(err.description);
        }
        if (err instanceof HttpError) throw new SendError(err.message, { uncertain: !neverSent(err.error) });
        throw err;
      }
    },
  };
}
