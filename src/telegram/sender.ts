import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import { renderScoreChart } from "../domain/chart.js";
import type { Translator } from "../i18n.js";
import { SendError, type MessageSender } from "../jobs/dispatcher.js";
import type { TelegramSendPayload } from "../outbox/messages.js";
import { renderMessage } from "../outbox/render.js";

/** Telegram's longest message text. */
export const MAX_MESSAGE = 4096;

/**
 * A text in parts of at most `max` characters, cut between lines (a line longer than that is cut
 * itself, never inside a surrogate pair), so a long list arrives as several messages.
 */
export function splitText(text: string, max = MAX_MESSAGE): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  // null: nothing gathered yet (an empty line is something: "\n\n" keeps its lines).
  let buf: string | null = null;
  for (let line of text.split("\n")) {
    while (line.length > max) {
      let cut = max;
      // Never between the two halves of an emoji, unless a part cannot hold one whole.
      if (cut > 1 && /[\uD800-\uDBFF]/.test(line[cut - 1] ?? "")) cut--;
      if (buf !== null) parts.push(buf);
      buf = null;
      parts.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    if (buf !== null && buf.length + 1 + line.length > max) {
      parts.push(buf);
      buf = line;
    } else buf = buf !== null ? `${buf}\n${line}` : line;
  }
  if (buf !== null) parts.push(buf);
  // An empty part (a blank line cut off by a long one) is no message of its own.
  return parts.filter((p) => p !== "");
}

/** The words inside a chart, in the client's language. */
export function chartLabels(translator: Translator, language: string) {
  return { score: translator.t(language, "chart.score"), step: translator.t(language, "chart.step") };
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
      const markup = keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {};
      // A chart is drawn at send time from the scores the outbox keeps (a retry draws it again).
      const photo = msg.photo ? await renderScoreChart(msg.photo, chartLabels(translator, payload.language), payload.language) : null;
      try {
        const chat = Number(payload.chatId);
        if (photo) await api.sendPhoto(chat, new InputFile(photo, "cijfers.png"), { caption: text, ...markup });
        else if (msg.document) await api.sendDocument(chat, new InputFile(Buffer.from(msg.document.content, "utf8"), msg.document.filename), { caption: text, ...markup });
        else {
          // Buttons go under the last part.
          const parts = splitText(text);
          for (const [i, part] of parts.entries()) await api.sendMessage(chat, part, i === parts.length - 1 ? markup : {});
        }
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
