import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

/** The service's logger: JSON lines on stderr, level from the configuration. */
export function createLogger(level: Config["logLevel"], destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { service: "koers" } }, destination as pino.DestinationStream);
}

/** A logger that drops everything (tests). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
