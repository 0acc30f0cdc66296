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

/**
 * Plural forms: a text with a count is written as `<key>_one` and `<key>_other` (i18next picks one by
 * `Intl.PluralRules`). Every group has each form the language has and no other; the base key is
 * not also a text; `{{count}}` appears only in a plural form.
 */
export function pluralProblems(lang: string, texts: Map<string, string>): string[] {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  const groups = new Map<string, Set<string>>();
  for (const key of texts.keys()) {
    const m = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
    if (m?.[1] && m[2]) groups.set(m[1], (groups.get(m[1]) ?? new Set()).add(m[2]));
  }
  for (const [base, got] of groups) {
    for (const form of forms) if (!got.has(form)) problems.push(`${lang}: ${base} has no _${form}`);
    for (const form of got) if (!forms.includes(form)) problems.push(`${lang}: ${base}_${form} is not a plural form of ${lang}`);
    if (texts.has(base)) problems.push(`${lang}: ${base} is a text and has plural forms`);
  }
  for (const [key, text] of texts) {
    if (/\{\{\s*count\b/.test(text) && !groups.has(key.replace(/_[a-z]+$/, ""))) problems.push(`${lang}: ${key} shows {{count}} but has no plural forms`);
  }
  return problems;
}

/** Plural groups (base keys) of a locale map. */
function pluralBases(texts: Map<string, string>): Set<string> {
  return new Set([...texts.keys()].filter((k) => /_other$/.test(k)).map((k) => k.replace(/_other$/, "")));
}

/** Keys the code passes a `count` with: `t("a.b", { count })` and `{ key: "a.b", vars: { count } }`. */
function keysSaidWithCount(): Set<string> {
  const src = path.resolve(root, "..");
  const files = ["src", "flows"].flatMap((dir) =>
    (fs.readdirSync(path.join(src, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.startsWith("generated"))
      .map((f) => path.join(src, dir, f)),
  );
  const found = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)["'`]\s*,\s*(?:vars:\s*)?\{[^{}]*\bcount\s*:/g)) found.add(m[1] ?? "");
  }
  return found;
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

  it.each(namespaces)("%s writes counts as plural forms, in nl and en alike", (ns) => {
    const nl = load("nl", ns);
    const en = load("en", ns);
    expect([...pluralProblems("nl", nl), ...pluralProblems("en", en)]).toEqual([]);
    expect([...pluralBases(nl)].sort()).toEqual([...pluralBases(en)].sort());
  });

  it("notices a plural form that is missing, one too many, and a count without plural forms", () => {
    const texts = new Map([
      ["a_one", "1 dag"],
      ["b_one", "1 cliënt"],
      ["b_other", "{{count}} cliënten"],
      ["b_few", "{{count}} cliënten"],
      ["c", "{{count}} meldingen"],
      ["d", "Dag"],
      ["d_one", "1 dag"],
      ["d_other", "{{count}} dagen"],
    ]);
    expect(pluralProblems("nl", texts)).toEqual([
      "nl: a has no _other",
      "nl: b_few is not a plural form of nl",
      "nl: d is a text and has plural forms",
      "nl: c shows {{count}} but has no plural forms",
    ]);
  });

  it("has both plural forms, in nl and en, of every text the code gives a count, and no plural text the code never counts", () => {
    const said = keysSaidWithCount();
    expect(said.size).toBeGreaterThanOrEqual(6);
    const bases = new Set<string>();
    for (const ns of namespaces) for (const lang of ["nl", "en"]) for (const b of pluralBases(load(lang, ns))) bases.add(b);
    const complete = (key: string) =>
      namespaces.some((ns) => ["nl", "en"].every((lang) => ["one", "other"].every((form) => load(lang, ns).has(`${key}_${form}`))));
    expect([...said].filter((k) => !complete(k))).toEqual([]);
    expect([...bases].filter((b) => !said.has(b)).sort()).toEqual([]);
  });

  it("has no empty texts", () => {
    for (const lang of ["nl", "en"]) {
      for (const ns of namespaces) for (const [key, text] of load(lang, ns)) expect(text.trim(), `${lang}/${ns}: ${key}`).not.toBe("");
    }
  });
});
