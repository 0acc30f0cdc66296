/**
 * Starting the sandbox as people do: `npm start` with neither Telegram nor Slack configured says
 * so in one line and serves the page on localhost; `npm run sandbox` refuses next to a real token
 * unless asked for explicitly. Real processes (the compiled
 * dist/src/main.js and dist/src/sandbox/main.js, as `npm start` and `npm run sandbox` run them) and real HTTP.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { InputFile } from "grammy";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import { SANDBOX_MAIN, SERVICE_MAIN } from "../support/dist.js";
import { memoryLogger, templateDataDir } from "../support/service.js";

/** A sandbox folder whose database (db/) is a copy of the migrated template. */
function sandboxDir(): string {
  const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "sandbox-"));
  fs.renameSync(templateDataDir(), path.join(dir, "db"));
  return dir;
}

const root = path.resolve(import.meta.dirname, "../..");
const baseEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("npm start without Telegram and Slack", () => {
  it("says so in one line, serves the sandbox page on localhost, and stops on SIGTERM", { timeout: 120_000 }, async () => {
    const dataDir = sandboxDir();
    dirs.push(dataDir);
    const child = spawn(process.execPath, [SERVICE_MAIN], { cwd: root, env: { ...baseEnv, PORT: "0", SANDBOX_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sandbox URL within 100 s; stdout: ${out}; stderr: ${err}`)), 100_000);
        child.stdout.on("data", () => {
          const m = /open (http:\/\/localhost:\d+\/sandbox)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        exited.then((code) => reject(new Error(`exited ${code}: ${err}`)), reject);
      });
      expect(out.split("\n")[0]).toMatch(/^Neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set: starting the sandbox/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Koers sandbox</title>");
      const state = (await (await fetch(new URL("/sandbox/api/state", url))).json()) as { clients: { name: string; status: string }[]; slack: { people: unknown[]; channels: unknown[] } };
      expect(state.clients.map((c) => c.name)).toEqual(["Jan de Vries", "Samira El Amrani", "Eva Jansen", "Mo Bakker"]);
      expect(state.slack.people).toHaveLength(6);
      expect(state.slack.channels).toHaveLength(3);
      // The page's actions take JSON only: a form posted from another site is refused.
      const form = await fetch(new URL("/sandbox/api/clock", url), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "jump=week" });
      expect(form.status).toBe(415);
      // Only on the loopback interface by default.
      const port = new URL(url).port;
      const nonLoopback = Object.values(os.networkInterfaces())
        .flat()
        .find((a) => a && a.family === "IPv4" && !a.internal);
      if (nonLoopback) await expect(fetch(`http://${nonLoopback.address}:${port}/sandbox`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});

describe("npm run sandbox next to a real token", () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [SANDBOX_MAIN], { cwd: root, env: { ...baseEnv, ...env }, encoding: "utf8", timeout: 60_000 });

  it("refuses to start, and says how to ask for it explicitly", () => {
    const r = run({ SLACK_BOT_TOKEN: "xoxb-1234-real-looking" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("SLACK_BOT_TOKEN is set: the sandbox never runs next to a real bot");
    expect(r.stderr).toContain("SANDBOX_ALLOW_REAL=1");
    expect(r.stdout).not.toContain("Koers sandbox: open");
  });
});

describe("a restarted sandbox", () => {
  it("keeps the demo world, the chats and the files the service sent, without seeding again", { timeout: 120_000 }, async () => {
    const dataDir = sandboxDir();
    dirs.push(dataDir);
    const { logger, lines } = memoryLogger("warn");
    const first = await startSandbox({ dataDir, port: 0, host: "127.0.0.1", logger });
    let fileId = "";
    let messages = 0;
    try {
      const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8f0f80000000049454e44ae426082", "hex");
      await first.koers.bot?.api.sendPhoto(700_003, new InputFile(png, "punt.png"), { caption: "Een punt" });
      const sent = first.telegram.state.messages.find((m) => m.file?.kind === "photo");
      expect(sent?.file?.mime).toBe("image/png");
      fileId = sent?.file?.id ?? "";
      messages = first.telegram.state.messages.length;
    } finally {
      await first.stop();
    }
    const second = await startSandbox({ dataDir, port: 0, host: "127.0.0.1", logger });
    try {
      expect(second.telegram.state.messages).toHaveLength(messages);
      expect(second.clients.map((c) => c.firstName)).toEqual(["Jan", "Samira", "Eva", "Mo"]);
      expect(await second.koers.db.prisma.organisation.count()).toBe(3);
      const file = await fetch(new URL(`/sandbox/api/file?id=${encodeURIComponent(fileId)}`, second.url));
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/png");
      expect((await fetch(new URL("/sandbox/api/file?id=../sandbox.json", second.url))).status).toBe(404);
    } finally {
      await second.stop();
    }
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
