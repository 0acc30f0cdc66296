import type { Translator } from "../i18n.js";
import type { OutMessage } from "./messages.js";

/** A button as Telegram's inline keyboard takes it (and the terminal chat shows it). */
export interface RenderedButton {
  text: string;
  callback_data: string;
}

/** Renders an outbox message in the client's language. */
export function renderMessage(translator: Translator, language: string, msg: OutMessage) {
  const text = [msg, ...(msg.lines ?? [])].map((m) => translator.t(language, m.key, m.vars)).join("\n");
  const keyboard: RenderedButton[][] | undefined = msg.buttons?.map((row) =>
    row.map((b) => ({ text: translator.t(language, b.label, b.vars), callback_data: b.data })),
  );
  return { text, keyboard };
}
