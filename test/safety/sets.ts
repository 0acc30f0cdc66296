/**
 * The labelled crisis sets kept as JSON (test/safety/sets/), one object per message:
 * `{ text, label, note }`. Each was first measured as an unseen set, then taken into the
 * project's labelled set (see test/safety/sets/README.md). The note becomes the row's tag:
 * "acute…" for danger now; for harmless messages an idiom, hyperbole, joke or media note is
 * "idiom", a sad one "sad", anything else "chat".
 */
import { readFileSync } from "node:fs";
import type { Label, Row, Tag } from "./labelled.js";

interface JsonRow {
  text: string;
  label: Label;
  note?: string;
}

function tag(r: JsonRow): Tag | undefined {
  const note = (r.note ?? "").toLowerCase();
  if (r.label !== "none") return note.startsWith("acute") ? "acute" : undefined;
  if (/idiom|hyperbo|humou?r|joke|grap|meme|media|film|game|news|nieuws|tv/.test(note)) return "idiom";
  if (/sad|verdriet|somber|lonely|grief|rouw|tired|moe/.test(note)) return "sad";
  return "chat";
}

export function jsonSet(file: string): Row[] {
  const rows = JSON.parse(readFileSync(new URL(`./sets/${file}`, import.meta.url), "utf8")) as JsonRow[];
  return rows.map((r) => {
    const t = tag(r);
    return t ? ([r.label, r.text, t] as const) : ([r.label, r.text] as const);
  });
}

/**
 * The JSON sets the model is trained on (scripts/crisis-model.ts), in the order they were
 * written. Each was measured unseen first (test/safety/sets/README.md); from set 14 on, each was
 * also used for rules by kind before it was taken into the model. The newest set waits outside
 * until its rules are written.
 */
export const MODEL_JSON_SETS: readonly string[] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30].map((n) => `set-${n}`);

/** The JSON sets in the model, as rows. */
export const JSON_SETS: readonly Row[] = MODEL_JSON_SETS.flatMap((name) => jsonSet(`${name}.json`));
