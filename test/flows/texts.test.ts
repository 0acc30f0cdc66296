import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SECTIONS = ["controls", "grow", "miracle", "scaling", "checkin"];
const load = (lang: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${lang}/client.json`), "utf8")) as Record<string, unknown>;

function flat(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries((node ?? {}) as Record<string, unknown>).flatMap(([k, v]) => flat(v, `${prefix}.${k}`));
}

const nl = SECTIONS.flatMap((s) => flat(load("nl")[s], s));
const en = new Map(SECTIONS.flatMap((s) => flat(load("en")[s], s)));
const placeholders = (t: string) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("texts of the coaching conversations", () => {
  it("exist in nl and en with the same keys and placeholders", () => {
    expect(nl.length).toBeGreaterThan(100);
    expect(nl.map(([k]) => k).sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of nl) expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("ask at most one question per message", () => {
    for (const [key, text] of nl) expect(text.split("?").length - 1, `${key}: ${text}`).toBeLessThanOrEqual(1);
    for (const [key, text] of en) expect(text.split("?").length - 1, `${key}: ${text}`).toBeLessThanOrEqual(1);
  });

  it("use je, never u", () => {
    for (const [key, text] of nl) expect(/\b(u|uw)\b/i.test(text), `${key}: ${text}`).toBe(false);
  });
});
