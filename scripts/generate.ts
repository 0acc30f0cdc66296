/**
 * Makes sure the Prisma client in src/generated/prisma matches prisma/schema.prisma, running
 * `prisma generate` when it is missing or older than the schema.
 *
 * Why not only `postinstall`: the repository's .npmrc sets `ignore-scripts=true`, because npm 11
 * still runs dependencies' install scripts and Prisma's try to download native engines (and can
 * hang without internet). That setting also skips our own postinstall, so the entry points
 * (service, CLI, tests, check) call this first. It costs a few milliseconds when nothing changed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function ensurePrismaClient(): void {
  const schema = path.join(root, "prisma/schema.prisma");
  const generated = path.join(root, "src/generated/prisma/client.ts");
  const fresh = fs.existsSync(generated) && fs.statSync(generated).mtimeMs >= fs.statSync(schema).mtimeMs;
  if (fresh) return;
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  const r = spawnSync(process.execPath, [cli, "generate", "--no-hints"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    throw new Error("prisma generate failed (see above).");
  }
}

// Runs on import: `node --import ./scripts/generate.ts src/main.ts` generates before anything loads.
ensurePrismaClient();
