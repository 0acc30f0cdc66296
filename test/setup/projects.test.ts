/**
 * vitest.config.ts splits the tests into two projects: `fast` (pure, `npm run test:fast`) and
 * `integration` (a database or child processes, after test/setup/global.ts). `npm test` runs both.
 * Here: vitest itself is asked which files each project takes, so a test file in neither is never
 * silently dropped, none runs twice, and a fast test does not reach for a database or a process.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVitest, type Vitest } from "vitest/node";
import { FAST_TESTS, SLOWEST_FIRST } from "../../vitest.config.js";

const root = path.resolve(import.meta.dirname, "../..");

/** Every *.test.ts under test/, relative to the root, found without vitest's help. */
function testFiles(dir = "test"): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(rel);
    return entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

/** What a fast test may not import: the helpers that open databases, start services or processes. */
const NOT_FAST = [/support\/(db|service|world|coaching|telegram|offline-[a-z-]+|fault-telegram)\.js$/, /^node:child_process$/, /^pg$/, /^@electric-sql\/pglite/, /src\/(app|db\/client)\.js$/];

/** The modules a file imports (static imports only). */
const importsOf = (text: string) => [...text.matchAll(/^import\s[^;]*?["']([^"']+)["'];?$/gm)].map((m) => m[1] ?? "");

let vitest: Vitest;
const byProject = new Map<string, string[]>();

beforeAll(async () => {
  // Only reads the config and globs the files: no tests run, no globalSetup starts.
  vitest = await createVitest("test", { root, watch: false, config: path.join(root, "vitest.config.ts") });
  for (const project of vitest.projects) {
    const { testFiles: files } = await project.globTestFiles();
    byProject.set(project.name, files.map((f) => path.relative(root, f).split(path.sep).join("/")).sort());
  }
}, 60_000);

afterAll(async () => {
  await vitest?.close();
});

describe("the test projects", () => {
  it("are fast and integration", () => {
    expect([...byProject.keys()].sort()).toEqual(["fast", "integration"]);
  });

  it("every test file under test/ is in exactly one project", () => {
    const all = testFiles().sort();
    expect(all.length).toBeGreaterThan(100);
    const counted = new Map(all.map((f) => [f, [] as string[]]));
    for (const [name, files] of byProject) {
      for (const f of files) {
        const in_ = counted.get(f);
        expect(in_, `${name} takes ${f}, which is not a test file under test/`).toBeDefined();
        in_?.push(name);
      }
    }
    const wrong = [...counted].filter(([, projects]) => projects.length !== 1).map(([f, projects]) => `${f}: ${projects.join(", ") || "no project"}`);
    expect(wrong).toEqual([]);
  });

  it("every entry of FAST_TESTS names at least one file", () => {
    const fast = byProject.get("fast") ?? [];
    const stale = FAST_TESTS.filter((entry) => {
      if (!entry.includes("*")) return !fast.includes(entry);
      const folder = entry.slice(0, entry.indexOf("*"));
      return !fast.some((f) => f.startsWith(folder));
    });
    expect(stale).toEqual([]);
  });

  it("run fast first, then the integration files of SLOWEST_FIRST in that order, then the others", async () => {
    const Sequencer = vitest.config.sequence.sequencer;
    const sorted = await new Sequencer(vitest).sort(await vitest.globTestSpecifications());
    const names = sorted.map((s) => `${s.project.name}:${path.relative(root, s.moduleId).split(path.sep).join("/")}`);
    const fast = byProject.get("fast")?.length ?? 0;
    expect(fast).toBeGreaterThan(20);
    expect(names.slice(0, fast).filter((n) => !n.startsWith("fast:"))).toEqual([]);
    expect(names.slice(fast, fast + SLOWEST_FIRST.length)).toEqual(SLOWEST_FIRST.map((f) => `integration:${f}`));
    expect(names).toHaveLength(fast + (byProject.get("integration")?.length ?? 0));
  });

  it("a fast test imports no database, service or child-process helper", () => {
    const fast = byProject.get("fast") ?? [];
    expect(fast.length).toBeGreaterThan(20);
    const offending = fast.flatMap((f) => {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      return importsOf(text).filter((spec) => NOT_FAST.some((re) => re.test(spec))).map((spec) => `${f}: ${spec}`);
    });
    expect(offending).toEqual([]);
  });
});
