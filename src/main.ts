import { startKoers, type Koers } from "./app.js";
import { ConfigError, parseConfig } from "./config.js";
import { createTranslator } from "./i18n.js";
import { createLogger } from "./log.js";
import { createTerminalChat, outboxSettled } from "./terminal/chat.js";

/**
 * Composition root: parse the configuration, start the service, stop cleanly on SIGTERM/SIGINT.
 * Without a Telegram or Slack token the sandbox page starts (src/sandbox); with --chat, or with
 * Slack but no Telegram token, a terminal chat starts in which you are the client.
 */
async function main(argv: string[]): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`Configuration problem: ${p}\n`);
      process.exit(2);
    }
    throw err;
  }
  const production = process.env.NODE_ENV === "production";
  if (!argv.includes("--chat") && config.telegram.mode === "off" && config.slack.mode === "off" && production) {
    // A container (NODE_ENV=production) without tokens is a deployment not yet configured, not a
    // demo: it must not fill itself with demo clients. The service starts so /healthz answers.
    process.stdout.write("Neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set. With NODE_ENV=production the sandbox does not start; the service runs without Telegram and Slack until you set them (see .env.example).\n");
  }
  if (!argv.includes("--chat") && config.telegram.mode === "off" && config.slack.mode === "off" && !production) {
    process.stdout.write("Neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set: starting the sandbox, all of Koers on one local page (the terminal chat is `npm run chat`).\n");
    const { runSandbox } = await import("./sandbox/main.js");
    return runSandbox(process.env);
  }
  const wantsChat = argv.includes("--chat") || config.telegram.mode === "off";
  const logger = createLogger(wantsChat && config.logLevel === "info" ? "warn" : config.logLevel);

  if (config.telegram.mode === "off") {
    process.stdout.write(
      "Telegram is not connected. To connect a bot, set TELEGRAM_BOT_TOKEN to the token from @BotFather (see .env.example).\n" +
        "Starting a terminal chat instead: you are the client. Type your answers; type a number to press a button; Ctrl+C stops.\n",
    );
  }
  const chat = wantsChat ? createTerminalChat({ translator: createTranslator() }) : null;
  let koers: Koers;
  try {
    koers = await startKoers(config, { logger, ...(chat ? { sender: chat.sender } : {}) });
  } catch (err) {
    process.stderr.write(`Koers could not start: ${describe(err)}\n`);
    process.exit(1);
  }
  process.stdout.write(`Koers runs on port ${koers.port} with the ${config.database.kind === "embedded" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL database"}.\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await koers.stop();
    process.exit(0);
  };
  const stopFailed = (err: unknown) => {
    logger.error({ err }, "stopping failed");
    process.exit(1);
  };
  process.on("SIGTERM", () => void stop("SIGTERM").catch(stopFailed));
  process.on("SIGINT", () => void stop("SIGINT").catch(stopFailed));

  if (chat) {
    await chat.begin(koers.db, koers.engine, config.inviteDays);
    // Each typed line waits until the replies are shown, so a number presses a button of the latest question.
    const settle = () => outboxSettled(koers.db, () => koers.dispatcher.drain());
    await settle();
    await chat.run(koers.engine, settle);
    // stdin closed: the chat is over, the service keeps running until a signal stops it.
  }
}

/** One sentence for the errors people can fix; the detail goes to the log. */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith("the database")) return message;
  if (/EADDRINUSE/.test(message)) return "the port is already in use. Set PORT to a free port.";
  if (/ECONNREFUSED|ENOTFOUND|getaddrinfo|ETIMEDOUT/.test(message)) return `Telegram could not be reached (${message}). Check TELEGRAM_API_ROOT and the network.`;
  if (/401|Unauthorized/.test(message)) return "Telegram refused the bot token. Check TELEGRAM_BOT_TOKEN with @BotFather.";
  return message;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  createLogger("error").error({ err }, "Koers stopped on an unexpected error");
  process.exit(1);
});
