import { parseArgs } from "node:util";
import { Api } from "grammy";
import { flowRegistry } from "../flows/index.js";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { ConversationError, createEngine } from "./conversation/engine.js";
import { openDatabase } from "./db/client.js";
import { isScaleKind } from "./domain/flow-data.js";
import { createClientInvite, inviteLink } from "./domain/invites.js";
import { formatDate } from "./i18n-format.js";
import { createLogger } from "./log.js";
import { ADMIN_USAGE, runAdmin } from "./cli/admin.js";
import { BACKUP_USAGE, runBackup } from "./cli/backup.js";
import { CRISIS_USAGE, runCrisis } from "./cli/crisis.js";
import { SLACK_MANIFEST_USAGE, runSlackManifest } from "./slack/manifest-command.js";
import { CLIENTS_USAGE, runClients } from "./cli/clients.js";
import { CoachUsageError, findOrAddCoach } from "./cli/coach.js";
import { DATA_USAGE, runData } from "./cli/data.js";
import { FORGET_USAGE, runForget } from "./cli/forget.js";
import { LADDER_USAGE, runLadder } from "./cli/ladder.js";
import { REPORT_USAGE, runReport } from "./cli/report.js";

const USAGE = `Usage: npm run koers -- <command> [options]

Commands:
  migrate                                  apply database migrations
  invite --coach <name> --client <name> [--new-coach]
                                           make a one-time invite link for a new client (an unknown
                                           coach is refused unless --new-coach adds them)
         [--team <name>] [--language nl|en]
  talk --coach <name> --client <name>      start a conversation with one of your clients:
       --flow grow|miracle|scaling|checkin|clarifying|evaluation|closing
                                           it is sent as soon as the service runs
       [--scale PROGRESS|MOTIVATION|CONFIDENCE|COPING]

Organisations and members for the Slack app:
${ADMIN_USAGE}
${SLACK_MANIFEST_USAGE}

Clients and their file (for teams without Slack):
${CLIENTS_USAGE}
${LADDER_USAGE}

The team's month in numbers, without names:
${REPORT_USAGE}

After a crisis signal (see README, "When a client is in crisis"):
${CRISIS_USAGE}

Encrypted client texts and the right to be forgotten (see README, "Data at rest"):
${DATA_USAGE}
${FORGET_USAGE}

The embedded database (with PostgreSQL: pg_dump and pg_restore, see docs/operations.md):
${BACKUP_USAGE}

With the embedded database, stop the service first (one process at a time); with PostgreSQL
the CLI and the running service share the database.
`;

class UsageError extends Error {}

/** The bot's username: from the configuration, or asked from the Bot API with the token. */
async function botUsername(config: Config): Promise<string | null> {
  if (config.botUsername) return config.botUsername;
  if (config.telegram.mode === "off") return null;
  const api = new Api(config.telegram.token, config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : undefined);
  const me = await api.getMe();
  return me.username;
}

async function invite(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { coach: { type: "string" }, client: { type: "string" }, team: { type: "string" }, language: { type: "string" }, "new-coach": { type: "boolean" } },
    strict: true,
  });
  const coachName = values.coach?.trim();
  const clientName = values.client?.trim();
  if (!coachName || !clientName) throw new UsageError("Give both --coach <name> and --client <name>.");
  if (clientName.length > 80 || coachName.length > 80) throw new UsageError("Names can be at most 80 characters.");
  const language = values.language ?? config.defaultLanguage;
  if (language !== "nl" && language !== "en") throw new UsageError(`--language must be nl or en, not "${language}".`);

  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    const { coach, created } = await findOrAddCoach(db, coachName, values.team, values["new-coach"] === true);
    if (created) process.stdout.write(`New coach "${coach.name}" added to team "${coach.organisation.name}".\n`);
    const made = await db.prisma.$transaction((tx) =>
      createClientInvite(tx, { coachId: coach.id, clientName, language, days: config.inviteDays, now: new Date() }),
    );
    const username = await botUsername(config).catch(() => null);
    const until = formatDate(made.expiresAt, "date", "nl");
    if (username) {
      process.stdout.write(`Invite link for ${clientName} (coach ${coach.name}), works once, until ${until}:\n${inviteLink(username, made.code)}\n`);
    } else {
      process.stdout.write(
        `Invite code for ${clientName} (coach ${coach.name}), works once, until ${until}:\n${made.code}\n` +
          `Set TELEGRAM_BOT_USERNAME (or TELEGRAM_BOT_TOKEN) to get a https://t.me/... link; the client can also send "/start ${made.code}" to the bot.\n`,
      );
    }
  } finally {
    await db.close();
  }
}

async function talk(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { coach: { type: "string" }, client: { type: "string" }, flow: { type: "string" }, scale: { type: "string" } },
    strict: true,
  });
  if (!values.coach || !values.client || !values.flow) throw new UsageError("Give --coach <name>, --client <name> and --flow <conversation>.");
  if (values.scale !== undefined && !isScaleKind(values.scale)) throw new UsageError(`--scale must be PROGRESS, MOTIVATION, CONFIDENCE or COPING, not "${values.scale}".`);
  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    const coach = await db.prisma.member.findFirst({ where: { name: values.coach, role: "COACH" } });
    if (!coach) throw new UsageError(`There is no coach called "${values.coach}".`);
    // Only the coach's own caseload: a name of someone else's client is "not found", not "not yours".
    const clients = await db.prisma.client.findMany({ where: { coachId: coach.id, name: values.client } });
    if (clients.length !== 1) {
      throw new UsageError(clients.length ? `${coach.name} has ${clients.length} clients called "${values.client}".` : `${coach.name} has no client called "${values.client}".`);
    }
    const engine = createEngine({ db, flows: flowRegistry, clock: () => new Date(), logger: createLogger("warn") });
    await engine.startConversation(clients[0]!.id, values.flow, values.scale ? { scale: values.scale } : undefined, coach.id);
    process.stdout.write(`The conversation "${values.flow}" is queued for ${values.client}.\n`);
  } catch (err) {
    if (err instanceof ConversationError) throw new UsageError(`Could not start it: ${err.message}.`);
    throw err;
  } finally {
    await db.close();
  }
}

async function migrate(config: Config): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    const result = await db.migrate();
    process.stdout.write(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}.\n`
        : `The database is up to date (${result.alreadyApplied} migration(s)).\n`,
    );
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Needs no configuration: it only prints the Slack app's manifest for the given address.
  if (command === "slack-manifest") {
    try {
      return runSlackManifest(rest, (t) => process.stdout.write(t), (t) => process.stderr.write(t));
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
      return 2;
    }
  }
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`Configuration problem: ${p}\n`);
      return 2;
    }
    throw err;
  }
  try {
    if (command === "migrate") await migrate(config);
    else if (command === "invite") await invite(config, rest);
    else if (command === "talk") await talk(config, rest);
    else if (command === "org" || command === "member") return await runAdmin(config, command, rest);
    else if (command === "crisis") return await runCrisis(config, rest);
    else if (command === "clients") return await runClients(config, rest);
    else if (command === "ladder") return await runLadder(config, rest);
    else if (command === "report") return await runReport(config, rest);
    else if (command === "data") return await runData(config, rest);
    else if (command === "forget") return await runForget(config, rest);
    else if (command === "backup" || command === "restore") return await runBackup(config, command, rest);
    else {
      process.stderr.write(command && command !== "help" && command !== "--help" ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
      return command && command !== "help" && command !== "--help" ? 2 : 0;
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof CoachUsageError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
