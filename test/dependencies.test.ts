/**
 * Every pinned package has its reason in docs/dependencies.md and a Renovate rule that keeps to
 * it: the same allowed range in both, and the pinned version inside it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
// semver comes with npm's own dependencies of the toolchain (ESLint, Prisma, typescript-eslint).
const semver = createRequire(import.meta.url)("semver") as {
  satisfies: (version: string, range: string) => boolean;
  validRange: (range: string) => string | null;
  valid: (version: string) => string | null;
  coerce: (version: string) => { version: string } | null;
};

const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; engines: { node: string } };
const pinned = { ...pkg.dependencies, ...pkg.devDependencies };

interface Rule {
  matchPackageNames?: string[];
  matchDatasources?: string[];
  matchDepTypes?: string[];
  allowedVersions?: string;
  enabled?: boolean;
}
const renovate = JSON.parse(read("renovate.json")) as { rangeStrategy: string; packageRules: Rule[] };
const npmRules = renovate.packageRules.filter((r) => !r.matchDatasources && r.matchPackageNames);
const rulesFor = (name: string, rules = npmRules) => rules.filter((r) => r.matchPackageNames?.includes(name));

/** The rows of docs/dependencies.md's tables: first column (without backticks) -> the other cells. */
const rows = new Map(
  read("docs/dependencies.md")
    .split("\n")
    .filter((l) => /^\| `/.test(l))
    .map((l) => l.split("|").slice(1, -1).map((c) => c.trim()))
    .map((cells) => [cells[0]!.replace(/`/g, ""), cells.slice(1)] as const),
);

describe("pinned dependencies", () => {
  it("every dependency in package.json is an exact version", () => {
    const ranges = Object.entries(pinned).filter(([, v]) => !semver.valid(v));
    expect(ranges).toEqual([]);
    expect(Object.keys(pinned).length).toBeGreaterThan(20);
  });

  it.each(Object.entries(pinned))("%s has one Renovate rule and a line in docs/dependencies.md with the same limit, and its version keeps to it", (name, version) => {
    const rules = rulesFor(name);
    expect(rules, `renovate.json has no rule (or more than one) for ${name}`).toHaveLength(1);
    const allowed = rules[0]!.allowedVersions;
    expect(allowed, `the rule for ${name} has no allowedVersions`).toBeDefined();
    expect(semver.validRange(allowed!), `allowedVersions of ${name}`).not.toBeNull();
    expect(semver.satisfies(version, allowed!), `${name} ${version} is outside ${allowed}`).toBe(true);
    const row = rows.get(name);
    expect(row, `docs/dependencies.md has no row for ${name}`).toBeDefined();
    const [docVersion, docAllowed, why] = row!;
    expect(docVersion).toBe(version);
    expect(docAllowed).toBe(allowed);
    expect((why ?? "").length, `no reason for ${name}`).toBeGreaterThan(10);
  });

  it("no rule or row names a package that is not in package.json, and Renovate pins what it proposes", () => {
    const named = npmRules.flatMap((r) => r.matchPackageNames ?? []);
    expect(named.filter((n) => !(n in pinned))).toEqual([]);
    const extra = [...rows.keys()].filter((n) => !(n in pinned) && !["node image", "postgres image"].includes(n));
    expect(extra).toEqual([]);
    expect(renovate.rangeStrategy).toBe("pin");
  });

  it("the Node and PostgreSQL images keep to their rules, and Node's engines field is left to people", () => {
    const docker = (name: string) => rulesFor(name, renovate.packageRules.filter((r) => r.matchDatasources?.includes("docker")));
    const nodeImage = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(read("Dockerfile"))?.[1];
    const pgImage = /image: postgres:(\d+)/.exec(read("compose.yaml"))?.[1];
    expect(docker("node")).toHaveLength(1);
    expect(docker("postgres")).toHaveLength(1);
    expect(semver.satisfies(`${nodeImage}.0.0`, docker("node")[0]!.allowedVersions!)).toBe(true);
    expect(semver.satisfies(`${pgImage}.0.0`, docker("postgres")[0]!.allowedVersions!)).toBe(true);
    expect(rows.get("node image")?.[1]).toBe(docker("node")[0]!.allowedVersions);
    expect(rows.get("postgres image")?.[1]).toBe(docker("postgres")[0]!.allowedVersions);
    // The image, the types and engines agree on the Node major.
    expect(semver.coerce(pkg.engines.node)?.version.split(".")[0]).toBe(nodeImage);
    expect(pinned["@types/node"]?.split(".")[0]).toBe(nodeImage);
    expect(renovate.packageRules.find((r) => r.matchDepTypes?.includes("engines"))?.enabled).toBe(false);
  });
});
