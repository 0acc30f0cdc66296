import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_MAIN } from "./support/dist.js";

const root = path.resolve(import.meta.dirname, "..");

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, [SERVICE_MAIN], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("starting with bad configuration", () => {
  it("prints one clear sentence per problem, no stack trace, and exits with 2", () => {
    const r = runMain({ PORT: "eighty", DATABASE_URL: "mysql://x@y/z", TELEGRAM_BOT_TOKEN: "nonsense" });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^Configuration problem: .+\.$/);
    expect(r.stderr).toContain("PORT");
    expect(r.stderr).toContain("DATABASE_URL");
    expect(r.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
  });

  it("asks for the webhook secret when PUBLIC_URL is set", () => {
    const r = runMain({ TELEGRAM_BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", PUBLIC_URL: "https://koers.example.nl" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("TELEGRAM_WEBHOOK_SECRET");
  });

  it("refuses PostgreSQL without KOERS_DATA_KEY, saying how to make one", () => {
    const r = runMain({ DATABASE_URL: "postgres://koers@127.0.0.1:1/koers" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('Configuration problem: KOERS_DATA_KEY is required with PostgreSQL: client texts are encrypted with it. Make one with: echo "k1:$(openssl rand -base64 32)" (see README, Data at rest).');
  });

  it("says in one sentence when the database cannot be reached", () => {
    const r = runMain({ DATABASE_URL: "postgres://koers@127.0.0.1:1/koers", TELEGRAM_BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", KOERS_DATA_KEY: process.env.KOERS_DATA_KEY ?? "" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/^Koers could not start: the database could not be opened or migrated \(.*\)\. Check DATABASE_URL\.$/);
  });
});
