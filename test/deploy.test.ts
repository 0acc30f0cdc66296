/**
 * The deployment files, as far as they can be checked without Docker: the systemd unit through
 * `systemd-analyze verify`, the Dockerfile and compose.yaml read as the tools would read them, and
 * the image's health check run against the service's real HTTP server. Building the image's
 * stage with scripts/docker-build-stage.sh takes about a minute, so `.ci/run` does that
 * (scripts/check-build-stage.mjs), not this file.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { close, createHttpServer, listen } from "../src/http/server.js";
import { silentLogger } from "../src/log.js";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
// js-yaml comes with ESLint (a dev dependency); compose.yaml is read as Docker Compose reads YAML.
const yaml = createRequire(import.meta.url)("js-yaml") as { load: (text: string) => unknown };

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** A Dockerfile as its instructions: comments dropped, continued lines joined. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  let start = 0;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!pending && (line === "" || line.startsWith("#"))) return;
    if (pending && line.startsWith("#")) return;
    if (!pending) start = i + 1;
    const continued = line.endsWith("\\");
    pending += `${pending ? " " : ""}${continued ? line.slice(0, -1).trim() : line}`;
    if (continued) return;
    const [keyword = "", ...rest] = pending.split(/\s+/);
    out.push({ keyword: keyword.toUpperCase(), args: rest.join(" "), line: start });
    pending = "";
  });
  return out;
}

/** The stages: each FROM and the instructions under it. */
function stages(instructions: Instruction[]) {
  const list: { from: string; name: string | undefined; body: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      list.push({ from: m?.[1] ?? ins.args, name: m?.[2], body: [] });
    } else list[list.length - 1]?.body.push(ins);
  }
  return list;
}

/** A systemd unit file as section -> key -> values (a key may be given more than once). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const eq = line.indexOf("=");
    if (!current || eq < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

const dockerfile = parseDockerfile(read("Dockerfile"));
const unit = parseUnit(read("deploy/koers.service"));
const service = unit.get("Service") ?? new Map<string, string[]>();
const one = (key: string) => service.get(key)?.at(-1);
/** The production command from package.json's start script: `node dist/src/main.js`. */
const startCommand = (() => {
  const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start ?? "";
  return /exec (node \S+)$/.exec(start)?.[1] ?? start;
})();

describe("the systemd unit (deploy/koers.service)", () => {
  const analyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  const hasAnalyze = analyze.status === 0;

  it(hasAnalyze ? "passes systemd-analyze verify without a warning" : "systemd-analyze verify (SKIPPED: systemd-analyze is not installed here)", (ctx) => {
    if (!hasAnalyze) ctx.skip();
    const r = spawnSync("systemd-analyze", ["verify", path.join(root, "deploy/koers.service")], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("runs the production command as a user of its own, restarts on failure, and may write only its state folder", () => {
    expect(startCommand).toBe("node dist/src/main.js");
    const exec = one("ExecStart") ?? "";
    expect(exec.split(/\s+/)[0]).toMatch(/^\/.*\/node$/);
    expect(exec.replace(/^\S*\/node/, "node")).toBe(startCommand);
    expect(one("User")).toBe("koers");
    expect(one("WorkingDirectory")).toBe("/opt/koers");
    expect(one("EnvironmentFile")).toBe("/etc/koers/koers.env");
    expect(one("Restart")).toBe("on-failure");
    expect(one("RestartPreventExitStatus")).toBe("2");
    for (const [key, value] of [["NoNewPrivileges", "yes"], ["ProtectSystem", "strict"], ["PrivateTmp", "yes"], ["ProtectHome", "yes"]] as const) {
      expect(one(key), key).toBe(value);
    }
    expect(one("ReadWritePaths")).toBe("/var/lib/koers");
    expect(one("StateDirectory")).toBe("koers");
    expect(unit.get("Install")?.get("WantedBy")).toEqual(["multi-user.target"]);
  });

  it("matches the DATA_DIR that docs/operations.md tells the operator to set", () => {
    const dataDir = /^DATA_DIR=(\S+)$/m.exec(read("docs/operations.md"))?.[1];
    expect(dataDir).toBe("/var/lib/koers/data");
    expect(dataDir!.startsWith(`${one("ReadWritePaths")}/`)).toBe(true);
  });
});

describe("the Dockerfile", () => {
  const list = stages(dockerfile);
  const final = list[list.length - 1]!;
  const all = (keyword: string) => dockerfile.filter((i) => i.keyword === keyword);

  it("builds in a stage of its own on Node 20 (bookworm-slim) and copies only its output into the final stage", () => {
    expect(list.length).toBeGreaterThanOrEqual(2);
    const base = /^NODE_IMAGE=(\S+)$/.exec(all("ARG").find((a) => a.args.startsWith("NODE_IMAGE="))?.args ?? "")?.[1];
    expect(base).toBe("node:20-bookworm-slim");
    for (const s of list) expect(s.from).toBe("${NODE_IMAGE}");
    const build = list.find((s) => s.name === "build");
    expect(build).toBeDefined();
    expect(final.body.filter((i) => i.keyword === "COPY").map((i) => i.args)).toEqual(["--from=build /out/ /app/"]);
    // The build's commands are the script's, so what .ci/run tests is what the image runs.
    const runs = build!.body.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(runs.length).toBeGreaterThan(0);
    const steps = runs.flatMap((r) => r.split("&&").map((c) => c.trim()));
    for (const step of steps) expect(step).toMatch(/^sh scripts\/docker-build-stage\.sh (install|build|stage \/out)$/);
    expect(steps.map((s) => s.split(" ")[2])).toEqual(["install", "build", "stage"]);
    const script = read("scripts/docker-build-stage.sh");
    for (const step of ["install", "build", "stage"]) expect(script).toContain(`\n  ${step})\n`);
  });

  it("runs as a user without privileges, the production command, with a health check on /healthz through node", () => {
    const users = final.body.filter((i) => i.keyword === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1]!.args.split(":")[0];
    expect(user).not.toMatch(/^(root|0)$/);
    expect(final.body.findIndex((i) => i.keyword === "USER")).toBeGreaterThan(final.body.findIndex((i) => i.keyword === "COPY"));
    const cmd = JSON.parse(final.body.find((i) => i.keyword === "CMD")!.args) as string[];
    expect(cmd.join(" ")).toBe(startCommand);
    const health = final.body.find((i) => i.keyword === "HEALTHCHECK")!.args;
    const probe = JSON.parse(health.slice(health.indexOf("CMD ") + 4)) as string[];
    expect(probe.slice(0, 2)).toEqual(["node", "-e"]);
    expect(probe[2]).toContain("/healthz");
    expect(final.body.find((i) => i.keyword === "EXPOSE")?.args).toBe("3000");
    expect(final.body.find((i) => i.keyword === "ENV")?.args).toMatch(/DATA_DIR=\/var\/lib\/koers\/data/);
  });

  it("downloads nothing beyond the npm registry: no curl, wget or ADD, and every locked package comes from registry.npmjs.org", () => {
    expect(all("ADD")).toEqual([]);
    for (const ins of dockerfile) expect(ins.args, `line ${ins.line}`).not.toMatch(/\b(curl|wget|apt-get|apk)\b|https?:\/\/(?!127\.0\.0\.1)/);
    // The lock file leaves out `resolved` (npm then asks the configured registry, the default
    // one, as .npmrc sets no other): what must not be there is a git, file or URL package.
    const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { version?: string; resolved?: string; link?: boolean }> };
    const elsewhere = Object.entries(lock.packages)
      .filter(([name, p]) => name !== "" && (p.link || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(p.version ?? "") || (p.resolved !== undefined && !p.resolved.startsWith("https://registry.npmjs.org/"))))
      .map(([name, p]) => `${name}: ${p.resolved ?? p.version ?? "?"}`);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
    expect(elsewhere).toEqual([]);
    expect(read(".npmrc")).not.toMatch(/registry\s*=/);
    expect(read(".npmrc")).toMatch(/^ignore-scripts=true$/m);
    expect(read("scripts/docker-build-stage.sh")).toContain("npm ci --ignore-scripts");
  });

  it("its health check passes on a healthy service and fails on an unhealthy one or none", async () => {
    const health = final.body.find((i) => i.keyword === "HEALTHCHECK")!.args;
    const probe = JSON.parse(health.slice(health.indexOf("CMD ") + 4)) as string[];
    const exitCode = (port: number) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, probe.slice(1), { env: { ...process.env, PORT: String(port) }, stdio: "ignore" });
        child.on("error", reject);
        child.on("exit", (code) => resolve(code));
      });
    let healthy = true;
    const server = createHttpServer({ logger: silentLogger(), healthy: () => Promise.resolve(healthy) });
    const port = await listen(server, 0, "127.0.0.1");
    try {
      expect(await exitCode(port)).toBe(0);
      healthy = false;
      expect(await exitCode(port)).toBe(1);
    } finally {
      await close(server);
    }
    expect(await exitCode(port)).toBe(1); // nothing listens any more
  });
});

describe("compose.yaml", () => {
  type Service = { image?: string; build?: string; environment?: Record<string, string>; env_file?: string | string[]; volumes?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; ports?: string[] };
  const compose = yaml.load(read("compose.yaml")) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const db = compose.services.db!;
  const koers = compose.services.koers!;

  it("runs PostgreSQL 15 on a named volume with a health check, and Koers only once it is healthy", () => {
    expect(db.image).toMatch(/^postgres:15(\.|-|$)/);
    const volume = db.volumes?.find((v) => v.endsWith(":/var/lib/postgresql/data"))?.split(":")[0];
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(db.healthcheck?.test.join(" ")).toMatch(/pg_isready -U koers -d koers/);
    expect(koers.depends_on?.db?.condition).toBe("service_healthy");
    expect(koers.build).toBe(".");
  });

  it("reads the configuration from .env, keeps the password out of the file and points Koers at the db service", () => {
    expect([koers.env_file].flat()).toEqual([".env"]);
    expect(db.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    const url = new URL(koers.environment?.DATABASE_URL ?? "");
    expect(url.protocol).toBe("postgres:");
    expect(url.hostname).toBe("db");
    expect(url.username).toBe(db.environment?.POSTGRES_USER);
    expect(url.pathname).toBe(`/${db.environment?.POSTGRES_DB}`);
    expect(decodeURIComponent(url.password)).toBe("${POSTGRES_PASSWORD}");
    expect(koers.environment?.PORT).toBe("3000");
    expect(koers.ports?.[0]).toMatch(/:3000$/);
  });
});

describe(".dockerignore", () => {
  const patterns = read(".dockerignore")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const rx = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/.*)?$`);
  /** Whether Docker leaves `file` out of the build context (last matching pattern wins). */
  const ignored = (file: string) =>
    patterns.reduce((out, p) => (p.startsWith("!") ? (rx(p.slice(1)).test(file) ? false : out) : rx(p).test(file) ? true : out), false);

  it("keeps secrets, data and build output out of the image, and what the build needs in", () => {
    for (const file of [".env", ".env.production", "data/PG_VERSION", "node_modules/x", "dist/src/main.js", ".git/HEAD", "src/generated/prisma/client.ts", "koers-backup-20260302-093000.tar.gz"]) {
      expect(ignored(file), file).toBe(true);
    }
    const needed = [".env.example", ".npmrc", "package.json", "package-lock.json", "LICENSE", "tsconfig.json", "tsconfig.build.json", "prisma.config.ts", "prisma/schema.prisma", "slack/manifest.yaml", "scripts/build.mjs", "scripts/docker-build-stage.sh", "src/main.ts", "flows/index.ts", "locales/nl/client.json"];
    for (const file of needed) {
      expect(ignored(file), file).toBe(false);
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    for (const dir of fs.readdirSync(path.join(root, "prisma/migrations"))) expect(ignored(`prisma/migrations/${dir}/migration.sql`)).toBe(false);
  });
});
