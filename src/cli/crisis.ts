/**
 * `npm run koers -- crisis list` (open crisis alerts and clients whose reminders are paused) and
 * `crisis resume --client <name|id>` (reminders and nudges go on again; audited). The client's
 * words are not printed here: they are in the coach's Slack alert.
 */
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { parseOptions, runOnDatabase, usageError } from "./run.js";
import { OPEN_STATUSES, resumeClientByAdmin } from "../domain/safety/alerts.js";
import { firstName } from "../domain/clients.js";
import { formatDate } from "../i18n-format.js";

export const CRISIS_USAGE = `  crisis list                              open crisis alerts, and clients whose reminders are paused
  crisis resume --client <name or id>      reminders and nudges about this client go on again`;

class CrisisUsageError extends Error {}

const when = (at: Date) => formatDate(at, "shortTime", "nl");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function crisisList(db: Database): Promise<string> {
  const alerts = await db.prisma.crisisAlert.findMany({
    where: { status: { in: [...OPEN_STATUSES] } },
    include: { client: { include: { coach: true } }, events: { where: { type: "signal" }, select: { id: true } } },
    orderBy: { createdAt: "asc" },
  });
  const held = await db.prisma.client.findMany({ where: { crisisHoldSince: { not: null } }, include: { coach: true }, orderBy: { crisisHoldSince: "asc" } });
  const lines = alerts.map(
    (a) =>
      `${when(a.createdAt)}  ${firstName(a.client)} (${a.clientId}), coach ${a.client.coach.name}: ${a.category}${a.acute ? " (acute)" : ""}, ` +
      `${a.status.toLowerCase()}${a.escalatedAt ? ", sent to the team" : ""}, ${a.events.length} signal(s)`,
  );
  const out = [lines.length ? `Open crisis alerts:\n${lines.join("\n")}` : "No open crisis alerts."];
  if (held.length) out.push(`Reminders paused since a crisis signal:\n${held.map((c) => `${firstName(c)} (${c.id}), coach ${c.coach.name}, since ${when(c.crisisHoldSince ?? new Date())}`).join("\n")}`);
  return out.join("\n\n");
}

export async function crisisResume(db: Database, clientRef: string, now = new Date()): Promise<string> {
  const ref = clientRef.trim();
  if (!ref) throw new CrisisUsageError("Give --client <name or id>.");
  const matches = await db.prisma.client.findMany({ where: UUID.test(ref) ? { id: ref } : { name: ref } });
  if (matches.length === 0) throw new CrisisUsageError(`There is no client "${ref}". See: npm run koers -- crisis list`);
  if (matches.length > 1) throw new CrisisUsageError(`There are ${matches.length} clients called "${ref}". Use the id: ${matches.map((c) => c.id).join(", ")}`);
  const client = matches[0] ?? never();
  const outcome = await db.prisma.$transaction((tx) => resumeClientByAdmin(tx, client.id, now));
  return outcome === "resumed"
    ? `Reminders and nudges about ${firstName(client)} go on again.`
    : `${firstName(client)}'s reminders were not paused; nothing changed.`;
}

function never(): never {
  throw new Error("unreachable");
}

/** Runs `crisis …`; returns the process exit code. */
export async function runCrisis(config: Config, args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list" && sub !== "resume") {
    return usageError(err, sub ? `Unknown command "crisis ${sub}".` : "Give a crisis command.", CRISIS_USAGE);
  }
  const values = parseOptions({ args: rest, options: { client: { type: "string" } } }, err, CRISIS_USAGE)?.values;
  if (!values) return 2;
  return runOnDatabase(config, out, err, { error: CrisisUsageError }, (db) => (sub === "list" ? crisisList(db) : crisisResume(db, values.client ?? "")));
}
