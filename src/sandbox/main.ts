/**
 * `npm run sandbox` (and `npm start` with neither Telegram nor Slack configured): the whole of
 * Koers on one page, http://localhost:3000/sandbox, without any account. Stops cleanly on
 * SIGTERM/SIGINT; the demo world stays in SANDBOX_DATA_DIR (default ./data-sandbox, beside the service's ./data).
 */
import path from "node:path";
import { createLogger } from "../log.js";
import { refuseReal, startSandbox } from "./server.js";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export async function runSandbox(env: Record<string, string | undefined>, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const refused = refuseReal(env);
  if (refused) {
    process.stderr.write(`Sandbox not started: ${refused}\n`);
    process.exit(2);
  }
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Configuration problem: PORT must be a whole number from 0 to 65535, not "${env.PORT}".\n`);
    process.exit(2);
  }
  const level = LEVELS.find((l) => l === (env.LOG_LEVEL ?? "").toLowerCase()) ?? "warn";
  const dataDir = path.resolve(env.SANDBOX_DATA_DIR?.trim() || "data-sandbox");
  const host = env.SANDBOX_HOST?.trim() || "127.0.0.1";
  let sandbox;
  try {
    sandbox = await startSandbox({ dataDir, port, host, logger: createLogger(level) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`The sandbox could not start: ${/EADDRINUSE/.test(message) ? "the port is already in use. Set PORT to a free port." : message}\n`);
    process.exit(1);
  }
  const shown = host === "127.0.0.1" ? sandbox.url.replace("127.0.0.1", "localhost") : sandbox.url;
  out.write(
    `Koers sandbox: open ${shown}\n` +
      `  You are the client on the left (Jan has an invite to open, Sam is mid-conversation, Eva has a goal) and coach Ahmed or Fleur,\n` +
      `  or partner Petra, Bas, Karim or Lotte on the right. The demo lives in ${dataDir}: delete it to start over. Ctrl+C stops.\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sandbox.stop();
    process.exit(0);
  };
  const stopFailed = (err: unknown) => {
    process.stderr.write(`The sandbox did not stop cleanly: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  };
  process.on("SIGTERM", () => void stop().catch(stopFailed));
  process.on("SIGINT", () => void stop().catch(stopFailed));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSandbox(process.env).catch((err: unknown) => {
    process.stderr.write(`The sandbox stopped on an unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
