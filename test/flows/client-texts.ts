/**
 * The client texts as the text tests read them (locales/<lang>/client.json, flattened to dotted
 * keys), and the check every set of them gets: nl and en say the same things.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/** locales/<lang>/client.json as it is on disk. */
export function loadClientTexts(lang: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${lang}/client.json`), "utf8")) as Record<string, unknown>;
}

/** Every text under `node` with its dotted key below `prefix` ("" at the top). */
export function flatTexts(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries((node ?? {}) as Record<string, unknown>).flatMap(([k, v]) => flatTexts(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (t: string) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** More than `min` texts, the same keys in nl and en, and each text with the same placeholders in both. */
export function expectSameKeysAndPlaceholders(nl: [string, string][], en: Map<string, string>, min: number): void {
  expect(nl.length).toBeGreaterThan(min);
  expect(nl.map(([k]) => k).sort()).toEqual([...en.keys()].sort());
  for (const [key, text] of nl) expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(text));
}
