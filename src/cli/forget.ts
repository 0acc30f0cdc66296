/**
 * `npm run koers -- forget --coach <name> --client <name>`: a coach forgets a client of their own
 * caseload on the client's request, as /vergeet does (src/domain/forget.ts). It says what will
 * happen and asks to type the client's name; audited as done by that coach.
 */
import { createInterface } from "node:readline/promises";
import type { Config } from "../config.js";
import { openDatabase } from "../db/client.js";
import { forgetOnRequest } from "../domain/forget.js";
import { lockClient } from "../db/locks.js";
import { parseOptions, usageError } from "./run.js";

export const FORGET_USAGE = `  forget --coach <name> --client <name>    on the client's request: erase their data and texts (asks to confirm)`;

/** Runs `forget …`; returns the process exit code. */
export async function runForget(
  config: Config,
  args: string[],
  io: { input: NodeJS.ReadableStream; out: NodeJS.WritableStream; err: NodeJS.WritableStream; now?: () => Date } = { input: process.stdin, out: process.stdout, err: process.stderr },
): Promise<number> {
  const values = parseOptions({ args, options: { coach: { type: "string" }, client: { type: "string" } } }, io.err, FORGET_USAGE)?.values;
  if (!values) return 2;
  if (!values.coach || !values.client) return usageError(io.err, "Give --coach <name> and --client <name>.", FORGET_USAGE);
  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    const coach = await db.prisma.member.findFirst({ where: { name: values.coach, role: "COACH" } });
    if (!coach) {
      io.err.write(`There is no coach called "${values.coach}".\n`);
      return 2;
    }
    // Only the coach's own caseload.
    const clients = await db.prisma.client.findMany({ where: { coachId: coach.id, name: values.client, status: { not: "FORGOTTEN" } } });
    if (clients.length !== 1) {
      io.err.write(clients.length ? `${coach.name} has ${clients.length} clients called "${values.client}".\n` : `${coach.name} has no client called "${values.client}".\n`);
      return 2;
    }
    const client = clients[0]!;
    io.out.write(
      `This erases everything Koers keeps about ${client.name}: name, goals, steps, scores, conversations and what they wrote.\n` +
        `Open referrals are withdrawn (the partner is told), the Telegram chat is unlinked. The audit log keeps that ${coach.name} did this.\n` +
        `It cannot be undone. Only do this when the client asked for it.\nType the client's name to confirm: `,
    );
    const rl = createInterface({ input: io.input, terminal: false });
    const answer = await rl.question("").catch(() => "");
    rl.close();
    if (answer.trim() !== client.name) {
      io.out.write("Nothing was changed.\n");
      return 1;
    }
    const now = io.now?.() ?? new Date();
    const result = await db.prisma.$transaction(async (tx) => {
      await lockClient(tx, client.id);
      return forgetOnRequest(tx, { clientId: client.id, by: { kind: "COACH", id: coach.id }, via: "cli", now, goodbye: [{ key: "forget.doneByCoach" }] });
    });
    io.out.write(`${client.name} is forgotten.${result.referralsWithdrawn ? ` ${result.referralsWithdrawn} referral(s) withdrawn.` : ""} The goodbye goes out when the service runs.\n`);
    return 0;
  } finally {
    await db.close();
  }
}
