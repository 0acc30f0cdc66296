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

/** The JSON sets, in the order they were written. */
export const JSON_SETS: readonly Row[] = ["set-5.json", "set-6.json", "set-7.json", "set-8.json", "set-9.json", "set-10.json", "set-11.json", "set-12.json", "set-13.json", "set-15.json"].flatMap(jsonSet);
