import enClient from "../../../locales/en/client.json" with { type: "json" };
import nlClient from "../../../locales/nl/client.json" with { type: "json" };

/**
 * Koers' own short texts (button labels, answer options, titles) as a client may type them back:
 * "Ik zeg het zelf", "Niet meer delen", "I will do it myself". Typed back whole, such a text is an
 * answer to the question that offered it, never a crisis signal or a reason to ask "Ben je in
 * gevaar?": the detector leaves exactly these alone. Anything more than the text itself ("ik zeg
 * het zelf, ik heb pillen") is read as always. Texts about a crisis or safety are not among them.
 */
const MAX_WORDS = 6;

/** Lower case, letters and digits only, single spaces: how a typed answer and a label are compared. */
export function answerKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function collect(node: unknown, key: string, into: Set<string>): void {
  if (typeof node === "string") {
    if (/crisis|safety/i.test(key) || node.includes("{{")) return;
    const k = answerKey(node);
    if (k && k.split(" ").length <= MAX_WORDS) into.add(k);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) collect(v, key ? `${key}.${k}` : k, into);
  }
}

const LABELS: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  collect(nlClient, "", set);
  collect(enClient, "", set);
  return set;
})();

/** Whether `text` is, whole, one of Koers' own short texts (see above). */
export function isOwnAnswerText(text: string): boolean {
  return text.length <= 200 && LABELS.has(answerKey(text));
}
