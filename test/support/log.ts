/** A logger for tests that keeps its lines; no database, no service (the fast tests use it too). */
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../../src/log.js";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger (our own `createLogger`) whose lines are kept in memory for assertions. */
export function memoryLogger(level: "warn" | "info" | "debug" = "warn"): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
