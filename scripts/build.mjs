/**
 * Keeps the two generated things up to date, cheaply enough to run before every start:
 * - the Prisma client in src/generated/prisma (from prisma/schema.prisma);
 * - the production build in dist/ (tsc with tsconfig.build.json), so `npm start` runs JavaScript.
 *
 * Plain JavaScript on purpose: it runs before anything can compile TypeScript. When nothing
 * changed it only compares file times (a few milliseconds). Why not only `postinstall`: the
 * repository's .npmrc sets `ignore-scripts=true` (npm 11 runs dependencies' install scripts, and
 * Prisma's download native engines), which skips our own postinstall too.
 *
 *   node scripts/build.mjs             generate when stale, build when stale
 *   node scripts/build.mjs --generate  generate when stale (tests and the tsx entry points)
 *   node scripts/build.mjs --force     generate when stale, always rebuild dist/
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(root, ...parts);

function run(script, args, what) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    throw new Error(`${what} failed (see above).`);
  }
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);

/** Runs `prisma generate` when the client is missing or older than the schema. */
export function ensurePrismaClient() {
  if (mtime(at("src/generated/prisma/client.ts")) >= mtime(at("prisma/schema.prisma"))) return false;
  run(at("node_modules/prisma/build/index.js"), ["generate", "--no-hints"], "prisma generate");
  return true;
}

/** Newest modification time of the build's inputs. */
function newestInput() {
  let newest = Math.max(mtime(at("tsconfig.json")), mtime(at("tsconfig.build.json")), mtime(at("package-lock.json")));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["src", "flows", "locales"]) walk(at(dir));
  return newest;
}

const STAMP = at("dist/.built");

/** Rebuilds dist/ from scratch when any input is newer than the last build. */
export function ensureBuild({ force = false } = {}) {
  if (!force && fs.existsSync(STAMP) && mtime(STAMP) >= newestInput()) return false;
  const tsc = at("node_modules/typescript/bin/tsc");
  if (!fs.existsSync(tsc)) {
    // A production install without dev dependencies: use the build it came with.
    if (fs.existsSync(at("dist/src/main.js"))) return false;
    throw new Error("dist/ is missing and TypeScript is not installed: run `npm install` (with dev dependencies) first.");
  }
  fs.rmSync(at("dist"), { recursive: true, force: true });
  run(tsc, ["-p", "tsconfig.build.json"], "the build (tsc -p tsconfig.build.json)");
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    const generated = ensurePrismaClient();
    const built = args.includes("--generate") ? false : ensureBuild({ force: args.includes("--force") });
    if (generated || built) process.stderr.write(`${[generated && "Prisma client generated", built && "dist/ built"].filter(Boolean).join(", ")}.\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
