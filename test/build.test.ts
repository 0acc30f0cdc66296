/**
 * The production start: `npm start` runs `node scripts/build.mjs` (generate and build only when
 * stale) and then the compiled JavaScript in dist/, not TypeScript through tsx.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...extra });

describe("the production build (dist/)", () => {
  it("is built when stale, then reused without compiling", () => {
    const first = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(first.status, first.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, "dist/src/main.js"))).toBe(true);
    const stamp = fs.statSync(path.join(root, "dist/.built")).mtimeMs;
    const again = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe("");
    expect(fs.statSync(path.join(root, "dist/.built")).mtimeMs).toBe(stamp);
  }, 150_000);

  it("refuses bad configuration in one sentence per problem, like the tsx entry point", () => {
    const r = spawnSync(process.execPath, ["dist/src/main.js"], { cwd: root, env: env({ PORT: "eighty" }), encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Configuration problem: .*PORT.*\.$/);
  });

  it("starts (without Telegram or Slack: the sandbox) on a fresh embedded database, applies the migrations, serves the page and stops on SIGTERM", async () => {
    const dataDir = fs.mkdtempSync(path.join(inject("testTmpDir"), "dist-start-"));
    const proc = spawn(process.execPath, ["dist/src/main.js"], {
      cwd: root,
      env: env({ DATA_DIR: dataDir, SANDBOX_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
    let out = "";
    proc.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    proc.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), 60_000);
        proc.stdout.on("data", () => {
          const m = /Koers sandbox: open http:\/\/localhost:(\d+)\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
      });
      const page = await fetch(`http://127.0.0.1:${port}/sandbox`);
      expect(page.status).toBe(200);
    } finally {
      proc.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 90_000);
});
