/**
 * `npm run koers -- ladder --client <name or id> --rung 1-6 [--coach <name>]`: records where a
 * client stands on the participation ladder, as the Slack client file does. With --coach it is
 * recorded and audited as that coach (who must be the client's coach or of the same team);
 * without, as ADMIN (whoever runs the CLI has the database). `clients show` lists the rungs.
 */
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { parseOptions, runOnDatabase, usageError } from "./run.js";
import { mayOpenFile } from "../domain/client-file.js";
import { isRung, recordRung } from "../domain/ladder.js";
import { firstName } from "../domain/clients.js";
import { createSlackTranslator } from "../i18n-slack.js";

export const LADDER_USAGE = `  ladder --client <name or id> --rung 1-6 [--coach <name>]
                                           record the client's rung on the participation ladder
                                           (1 isolated ... 6 paid work); audited`;

export class LadderUsageError extends Error {}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordLadderFromCli(db: Database, args: { client: string; rung: string; coach?: string | undefined }, now = new Date()): Promise<string> {
  const rung = Number(args.rung);
  if (!/^\d+$/.test(args.rung.trim()) || !isRung(rung)) throw new LadderUsageError(`--rung is a number from 1 (isolated) to 6 (paid work), not "${args.rung}".`);
  const ref = args.client.trim();
  // The chosen name is sealed at rest: compared opened, here (as `clients show` does).
  const wanted = ref.toLocaleLowerCase("nl");
  const matches = UUID.test(ref)
    ? await db.prisma.client.findMany({ where: { id: ref }, include: { coach: true } })
    : (await db.prisma.client.findMany({ where: { status: { not: "FORGOTTEN" } }, include: { coach: true }, orderBy: { createdAt: "asc" } })).filter(
        (c) => c.name.toLocaleLowerCase("nl") === wanted || (c.callName ?? "").toLocaleLowerCase("nl") === wanted,
      );
  if (!matches.length) throw new LadderUsageError(`No client "${ref}" (invite name, chosen name or id).`);
  if (matches.length > 1) throw new LadderUsageError(`${matches.length} clients match "${ref}"; use the id: ${matches.map((c) => `${c.id} (coach ${c.coach.name})`).join(", ")}`);
  const client = matches[0]!;
  if (client.status === "FORGOTTEN") throw new LadderUsageError("This client was forgotten on their request; nothing is recorded about them.");
  let by: { kind: "COACH" | "ADMIN"; memberId: string | null; via: string } = { kind: "ADMIN", memberId: null, via: "cli" };
  if (args.coach !== undefined) {
    const coaches = await db.prisma.member.findMany({ where: { name: args.coach.trim(), role: { in: ["COACH", "ADMIN"] } } });
    const coach = coaches.find((m) => mayOpenFile(m, client.coach));
    if (!coach) throw new LadderUsageError(`"${args.coach}" is not ${firstName(client)}'s coach, nor a coach of the same team.`);
    by = { kind: coach.role === "ADMIN" ? "ADMIN" : "COACH", memberId: coach.id, via: "cli" };
  }
  await db.prisma.$transaction((tx) => recordRung(tx, { clientId: client.id, rung, source: "COACH", by, now }));
  const t = createSlackTranslator("nl");
  return `${firstName(client)}: rung ${rung} (${t(`file.ladder.rung.${rung}`)}) recorded${by.memberId ? ` by ${args.coach?.trim()}` : ""}.`;
}

/** Runs `ladder …`; returns the process exit code. */
export async function runLadder(config: Config, args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const values = parseOptions({ args, options: { client: { type: "string" }, rung: { type: "string" }, coach: { type: "string" } } }, err, LADDER_USAGE)?.values;
  if (!values) return 2;
  const { client, rung, coach } = values;
  if (!client || !rung) return usageError(err, "Give --client <name or id> and --rung 1-6.", LADDER_USAGE);
  return runOnDatabase(config, out, err, { error: LadderUsageError }, (db) => recordLadderFromCli(db, { client, rung, coach }));
}
