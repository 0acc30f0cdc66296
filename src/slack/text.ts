/**
 * Text that reaches Slack. Every string a person typed (a client's chosen name, a partner's
 * reason, an organisation's name from the admin CLI) goes through `escapeSlack` before it is put
 * into blocks or a fallback `text`, so `<!channel>`, `<@U123>` or `<https://evil|bank>` are shown
 * as typed and never become a mention or a link. Limits are applied after escaping (an escaped
 * `&` is five characters), by `clip`, which never cuts an entity (`&amp;`), a mention or a
 * link of our own (`<@U123>`) or an emoji in half.
 */

/** Slack's documented limits (Block Kit reference, chat.postMessage), in characters. */
export const SLACK_LIMITS = {
  /** section text, context mrkdwn element, a text object in general */
  text: 3000,
  /** one of a section's fields (at most 10 of them) */
  field: 2000,
  fields: 10,
  header: 150,
  button: 75,
  /** a button's value, returned to us on a press */
  buttonValue: 2000,
  option: 75,
  optionValue: 150,
  /** options in one select, or in one block_suggestion answer */
  options: 100,
  placeholder: 150,
  label: 2000,
  hint: 2000,
  /** a modal's title, submit and close labels */
  modalTitle: 24,
  privateMetadata: 3000,
  /** blocks in one message; a modal or the App Home may have 100 */
  messageBlocks: 50,
  viewBlocks: 100,
  /** context block elements */
  contextElements: 10,
  /** actions block elements */
  actionElements: 25,
  /** a message's fallback text: Slack truncates beyond 40,000; we stay well below */
  fallback: 3000,
  blockId: 255,
  actionId: 255,
} as const;

/** Slack's control characters, escaped as its formatting reference asks: `&`, `<` and `>`. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ELLIPSIS = "…";

/**
 * Shortens already escaped (or our own) Slack text to at most `max` characters, ending in "…".
 * The cut never leaves half an entity (`&am`), an unclosed `<@U123` of our own markup, or half
 * of a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  // Half a surrogate pair (an emoji cut in two).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // Half an entity: "&", "&am", "&#12" without its ";".
  cut = cut.replace(/&[#a-zA-Z0-9]*$/, "");
  // An unclosed mention or link of our own: everything from the last "<" without its ">".
  const open = cut.lastIndexOf("<");
  if (open > cut.lastIndexOf(">")) cut = cut.slice(0, open);
  return cut + ELLIPSIS;
}

/** A typed string for Slack: escaped, then shortened to `max`. */
export function userText(text: string | null | undefined, max: number): string {
  return clip(escapeSlack(text ?? ""), max);
}

/** A plain_text object (headers, buttons, options, labels) within `max`; the text must already be safe. */
export function plainText(text: string, max: number): { type: "plain_text"; text: string } {
  return { type: "plain_text", text: clip(text, max) || "-" };
}

/** A mrkdwn object within Slack's text limit (or `max`); the text must already be safe. */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.text): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: clip(text, max) || "-" };
}

/** Escapes every value of a template's variables, except those named in `markup` (mentions we built). */
export function escapeVars<T extends Record<string, string | number>>(vars: T, markup: ReadonlySet<string> = new Set()): Record<string, string | number> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "string" && !markup.has(k) ? escapeSlack(v) : v]));
}
