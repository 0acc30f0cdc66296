/**
 * The people of a crisis-alert test: a coach team with the client's coach, a colleague (the
 * team's contact) and a backup, a partner organisation's member, and an active client in the chat.
 */
import type { Database } from "../../../src/db/client.js";
import { raiseCrisisAlert } from "../../../src/domain/safety/alerts.js";
import type { CrisisSignal } from "../../../src/domain/safety/types.js";
import type { Client, CrisisAlert, Member } from "../../../src/generated/prisma/client.js";

export interface AlertWorld {
  coach: Member;
  colleague: Member;
  backup: Member;
  partner: Member;
  client: Client;
}

let seq = 0;

export const NOW = new Date("2027-03-10T09:00:00.000Z");

export const SIGNAL: CrisisSignal = { category: "suicide", categories: ["suicide"], acute: false, rule: "suicide.wish-dead", matched: "wil dood" };

export async function alertWorld(db: Database): Promise<AlertWorld> {
  seq++;
  const p = db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: `Team Zuid ${seq}`, referralChannel: "CTEAM" } });
  const coach = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: `UAHMED${seq}` } });
  const colleague = await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH" } });
  const backup = await p.member.create({ data: { organisationId: team.id, name: "Bas", role: "COACH" } });
  await p.organisation.update({ where: { id: team.id }, data: { contactMemberId: colleague.id, backupMemberId: backup.id } });
  const org = await p.organisation.create({ data: { kind: "PARTNER", name: `Schuldhulp ${seq}` } });
  const partner = await p.member.create({ data: { organisationId: org.id, name: "Petra", role: "PARTNER" } });
  const client = await p.client.create({ data: { name: "Samira", callName: "Sam", coachId: coach.id, status: "ACTIVE", telegramChatId: BigInt(800_000 + seq) } });
  return { coach, colleague, backup, partner, client };
}

/** Raises an alert for the world's client, as the engine does on a crisis message. */
export async function raised(db: Database, w: AlertWorld, text = "ik wil dood", now = NOW): Promise<{ alert: CrisisAlert; fresh: boolean }> {
  return db.prisma.$transaction(async (tx) => {
    const client = await tx.client.findUniqueOrThrow({ where: { id: w.client.id } });
    return raiseCrisisAlert(tx, { client, signal: SIGNAL, text, source: "text", now, escalateMinutes: 30, parkedRunId: null });
  });
}
