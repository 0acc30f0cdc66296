import { Writable } from "node:stream";
import { LogLevel } from "@slack/web-api";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../src/slack/log.js";

/** A pino logger at debug level whose JSON lines are kept. */
function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString("utf8").split("\n")) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

describe("boltLogger", () => {
  it("writes each level under the component name, the arguments joined by spaces", () => {
    const { logger, lines } = captured();
    const log = boltLogger(logger);
    log.debug("a", 1);
    log.info("b", true);
    log.warn("c");
    log.error("d", "e");
    expect(lines.map((l) => [l["level"], l["component"], l["msg"]])).toEqual([
      [20, "slack-bolt", "a 1"],
      [30, "slack-bolt", "b true"],
      [40, "slack-bolt", "c"],
      [50, "slack-bolt", "d e"],
    ]);
  });

  it("takes another component name", () => {
    const { logger, lines } = captured();
    boltLogger(logger, "slack-web").warn("x");
    expect(lines[0]?.["component"]).toBe("slack-web");
  });

  it("never writes an object's contents: only its type", () => {
    const { logger, lines } = captured();
    boltLogger(logger).info("body", { text: "Jan wil stoppen" }, null, undefined, ["x"]);
    expect(lines[0]?.["msg"]).toBe("body [object] [object] [undefined] [object]");
    expect(JSON.stringify(lines)).not.toContain("Jan");
  });

  it("writes an error's name and message, not its stack", () => {
    const { logger, lines } = captured();
    boltLogger(logger).error("failed:", new TypeError("bad token"));
    expect(lines[0]?.["msg"]).toBe("failed: TypeError: bad token");
  });

  it("drops the body of the Web API client's request and response lines", () => {
    const { logger, lines } = captured();
    const log = boltLogger(logger);
    log.debug('http request body: {"text":"Piet heeft een crisis"}');
    log.debug('http response result : {"ok":true,"message":{"text":"Piet"}}');
    log.debug("http request headers: {\"authorization\":\"Bearer xoxb-1\"}");
    expect(lines.map((l) => l["msg"])).toEqual(["http request body: [not logged]", "http response result: [not logged]", "http request headers: [not logged]"]);
    expect(JSON.stringify(lines)).not.toMatch(/Piet|xoxb/);
  });

  it("cuts a string longer than 300 characters, and keeps one of 300", () => {
    const { logger, lines } = captured();
    const log = boltLogger(logger);
    log.info("x".repeat(300));
    log.info("y".repeat(301));
    expect(lines[0]?.["msg"]).toBe("x".repeat(300));
    expect(lines[1]?.["msg"]).toBe(`${"y".repeat(300)}...`);
  });

  it("keeps the level Bolt sets (WARN at first) without changing what is written", () => {
    const { logger, lines } = captured();
    const log = boltLogger(logger);
    expect(log.getLevel()).toBe(LogLevel.WARN);
    log.setLevel(LogLevel.ERROR);
    expect(log.getLevel()).toBe(LogLevel.ERROR);
    log.setName("ignored");
    log.info("still written");
    expect(lines[0]?.["msg"]).toBe("still written");
  });
});
