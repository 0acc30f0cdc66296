/**
 * The shape of the labelled crisis sets. One row: the expected label, the message as a client
 * could type it, and a tag. For crisis rows the tag says whether the danger is now ("acute");
 * for harmless rows it says what kind of harmless it is: an idiom or sad-but-safe message
 * ("idiom", "sad") or everyday chat ("chat").
 */
import { readFileSync } from "node:fs";
import type { CrisisCategory } from "../../src/domain/safety/index.js";

export type Label = CrisisCategory | "none";
export type Tag = "acute" | "idiom" | "sad" | "chat";
export type Row = readonly [label: Label, text: string, tag?: Tag];

/**
 * One of the labelled batches kept as JSON in test/safety/batches/, one object per row:
 * `{ label, text, tag? }`, in the order the author wrote them.
 */
export function batch(file: string): Row[] {
  const rows = JSON.parse(readFileSync(new URL(`./batches/${file}`, import.meta.url), "utf8")) as { label: Label; text: string; tag?: Tag }[];
  return rows.map((r) => (r.tag === undefined ? ([r.label, r.text] as const) : ([r.label, r.text, r.tag] as const)));
}
