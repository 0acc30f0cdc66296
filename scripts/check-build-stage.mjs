/**
 * Runs the container image's build as the Dockerfile does, without Docker, and starts the result.
 * Takes about a minute (npm ci and tsc), so `.ci/run` calls it, not the test suite.
 *
 *   node scripts/check-build-stage.mjs        (from the repository root; KEEP=1 keeps the folder)
 *
 * 1. The build context: the repository's files (tracked, and new ones git does not ignore)
 *    minus what .dockerignore leaves out, copied to a temporary folder.
 * 2. As in the Dockerfile: first only package.json, package-lock.json, .npmrc and the script,
 *    then `install`; then everything, `build` and `stage <out>`.
 * 3. The staged folder alone, which the service may not write (as in the image: the code is
 *    root's, the service a user without privileges; run as root, the service runs as uid 65534
 *    through setpriv, otherwise the folder is made read-only): `node dist/src/main.js` starts on
 *    an embedded database, /healthz answers 200, `koers backup` is refused while it runs, SIGTERM
 *    stops it with exit code 0, and then the backup works.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "koers-build-stage-"));
const app = path.join(work, "app");
const out = path.join(work, "out");
const started = Date.now();
const times = [];

function fail(message) {
  process.stderr.write(`\ncheck-build-stage: ${message}\n(the folder ${work} is kept)\n`);
  process.exit(1);
}

async function step(name, fn) {
  const t = Date.now();
  process.stdout.write(`--> ${name}\n`);
  await fn();
  times.push(`${name.split(" (")[0]} ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

/** .dockerignore as Docker reads it, for the patterns used there: names, `*`, `!`; the last match wins. */
function dockerignore() {
  const patterns = fs
    .readFileSync(path.join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const rx = (p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/.*)?$`);
  return (file) => patterns.reduce((ignored, p) => (p.startsWith("!") ? (rx(p.slice(1)).test(file) ? false : ignored) : rx(p).test(file) ? true : ignored), false);
}

function copy(files, to) {
  for (const file of files) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet in git
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
}

function sh(args, cwd) {
  const r = spawnSync("sh", args, { cwd, stdio: "inherit", env: process.env });
  if (r.status !== 0) fail(`sh ${args.join(" ")} failed with exit code ${r.status}`);
}

const ignored = dockerignore();
const context = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => f && !ignored(f));

await step("install (package.json, package-lock.json, .npmrc and the script only)", () => {
  copy(["package.json", "package-lock.json", ".npmrc", "scripts/docker-build-stage.sh"], app);
  sh(["scripts/docker-build-stage.sh", "install"], app);
});
await step(`build (the context: ${context.length} files)`, () => {
  copy(context, app);
  sh(["scripts/docker-build-stage.sh", "build"], app);
});
await step("stage", () => sh(["scripts/docker-build-stage.sh", "stage", out], app));

// What the final image holds.
for (const file of ["dist/src/main.js", "dist/src/cli.js", "dist/locales/nl/client.json", "package.json", "LICENSE", "slack/manifest.yaml"]) {
  if (!fs.existsSync(path.join(out, file))) fail(`the final stage has no ${file}`);
}
const migrations = (dir) => fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).length;
if (migrations(path.join(out, "prisma/migrations")) !== migrations(path.join(root, "prisma/migrations"))) fail("the final stage does not hold every migration");
for (const absent of ["node_modules/vitest", "node_modules/eslint", "src", "test", ".env"]) {
  if (fs.existsSync(path.join(out, absent))) fail(`the final stage holds ${absent}`);
}
const du = spawnSync("du", ["-sm", out], { encoding: "utf8" }).stdout.split("\t")[0];

// Only DATA_DIR (and the backups beside it) may be written, as in the image.
const state = path.join(work, "state");
const dataDir = path.join(state, "data");
fs.mkdirSync(state, { mode: 0o700 });
let asService = [process.execPath];
if (process.getuid?.() === 0) {
  if (spawnSync("setpriv", ["--version"]).status !== 0) fail("running as root without setpriv: cannot run the service as a user without privileges");
  fs.chmodSync(work, 0o755);
  fs.chownSync(state, 65534, 65534);
  asService = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath];
} else {
  spawnSync("chmod", ["-R", "a-w", out]);
}
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: state, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" };
const cli = (args) => spawnSync(asService[0], [...asService.slice(1), "dist/src/cli.js", ...args], { cwd: out, env, encoding: "utf8", timeout: 120_000 });

await step("start the staged folder, /healthz, backup refused, SIGTERM", async () => {
  const service = spawn(asService[0], [...asService.slice(1), "dist/src/main.js"], { cwd: out, env, stdio: ["ignore", "pipe", "inherit"] });
  let said = "";
  service.stdout.on("data", (d) => (said += d.toString("utf8")));
  const exited = new Promise((resolve) => service.on("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 90_000;
  let port;
  while (!(port = /runs on port (\d+)/.exec(said)?.[1])) {
    if (Date.now() > deadline || service.exitCode !== null) {
      service.kill("SIGKILL");
      fail(`the service did not start:\n${said}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const res = await globalThis.fetch(`http://127.0.0.1:${port}/healthz`);
  const body = await res.text();
  if (res.status !== 200) fail(`/healthz answered ${res.status} ${body}`);
  process.stdout.write(`    /healthz: ${res.status} ${body}\n`);
  const refused = cli(["backup", "--to", path.join(state, "while-running.tar.gz")]);
  if (refused.status !== 2 || !/Stop the service first/.test(refused.stderr)) fail(`backup next to the running service: exit ${refused.status} ${refused.stderr}`);
  service.kill("SIGTERM");
  const timer = setTimeout(() => service.kill("SIGKILL"), 30_000);
  const end = await exited;
  clearTimeout(timer);
  if (end.code !== 0) fail(`the service stopped with ${JSON.stringify(end)} after SIGTERM`);
});

await step("backup with the staged CLI", () => {
  const r = cli(["backup", "--to", path.join(state, "after.tar.gz")]);
  if (r.status !== 0) fail(`backup after the stop: exit ${r.status} ${r.stderr}`);
  process.stdout.write(`    ${r.stdout}`);
});

process.stdout.write(`\nbuild stage OK in ${((Date.now() - started) / 1000).toFixed(0)} s (${times.join("; ")}); final stage ${du} MB\n`);
if (process.env.KEEP) process.stdout.write(`kept: ${work}\n`);
else {
  spawnSync("chmod", ["-R", "u+w", out]);
  fs.rmSync(work, { recursive: true, force: true });
}
