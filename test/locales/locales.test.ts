import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { strings } from "../support/readability.js";

const root = path.resolve(import.meta.dirname, "../../locales");
const namespaces = fs.readdirSync(path.join(root, "nl")).filter((f) => f.endsWith(".json"));

function load(lang: string, ns: string): Map<string, string> {
  const json: unknown = JSON.parse(fs.readFileSync(path.join(root, lang, ns), "utf8"));
  return new Map(strings(json));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? "").sort();
}

/** Differences between two locale maps: missing keys either way and placeholder mismatches. */
export function compareLocales(nl: Map<string, string>, en: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const key of nl.keys()) if (!en.has(key)) problems.push(`missing in en: ${key}`);
  for (const key of en.keys()) if (!nl.has(key)) problems.push(`missing in nl: ${key}`);
  for (const [key, text] of nl) {
    const other = en.get(key);
    if (other !== undefined && placeholders(text).join() !== placeholders(other).join()) {
      problems.push(`placeholders differ for ${key}: nl {${placeholders(text).join()}} en {${placeholders(other).join()}}`);
    }
  }
  return problems;
}

describe("locales", () => {
  it("has the same namespaces in nl and en", () => {
    expect(fs.readdirSync(path.join(root, "en")).filter((f) => f.endsWith(".json")).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)("%s has the same keys and placeholders in nl and en", (ns) => {
    expect(compareLocales(load("nl", ns), load("en", ns))).toEqual([]);
  });

  it("notices a missing key and a changed placeholder", () => {
    const nl = new Map([["a", "Hoi {{name}}"], ["b", "Dag"]]);
    const en = new Map([["a", "Hi {{naam}}"]]);
    expect(compareLocales(nl, en)).toEqual(["missing in en: b", "placeholders differ for a: nl {name} en {naam}"]);
  });

  it("has no empty texts", () => {
    for (const lang of ["nl", "en"]) {
      for (const ns of namespaces) for (const [key, text] of load(lang, ns)) expect(text.trim(), `${lang}/${ns}: ${key}`).not.toBe("");
    }
  });
});
