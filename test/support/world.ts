/**
 * Builders for the people in a test: a coach team, a coach and an invited client, plus helpers
 * to drive the engine like a client would and read what the outbox holds.
 */
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createClientInvite } from "../../src/domain/invites.js";
import type { OutMessage, TelegramSendPayload } from "../../src/outbox/messages.js";

export interface InvitedClient {
  coachId: string;
  clientId: string;
  code: string;
}

let counter = 0;

/** A coach team with one coach and one invited client. */
export async function inviteClient(
  db: Database,
  opts: { coach?: string; client?: string; days?: number; now?: Date } = {},
): Promise<InvitedClient> {
  counter++;
  return db.prisma.$transaction(async (tx) => {
    const team = await tx.organisation.create({ data: { kind: "COACH_TEAM", name: `Team ${counter}-${Math.random()}` } });
    const coach = await tx.member.create({ data: { organisationId: team.id, name: opts.coach ?? "Ahmed", role: "COACH" } });
    const invite = await createClientInvite(tx, {
      coachId: coach.id,
      clientName: opts.client ?? "Samira",
      days: opts.days ?? 14,
      now: opts.now ?? new Date(),
    });
    return { coachId: coach.id, clientId: invite.clientId, code: invite.code };
  });
}

/** All messages queued for a client, in order, and marks them as taken (status DONE). */
export async function takeMessages(db: Database, clientId: string): Promise<OutMessage[]> {
  const jobs = await db.prisma.job.findMany({
    where: { clientId, kind: "telegram.send", status: "PENDING" },
    orderBy: { id: "asc" },
  });
  await db.prisma.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { status: "DONE" } });
  return jobs.flatMap((j) => (j.payload as unknown as TelegramSendPayload).messages);
}

/** The callback data of the button with this choice id in the last message that has buttons. */
export function button(messages: OutMessage[], choice: string): string {
  const withButtons = [...messages].reverse().find((m) => m.buttons?.length);
  const data = withButtons?.buttons?.flat().find((b) => b.data.endsWith(`:${choice}`))?.data;
  if (!data) throw new Error(`No button "${choice}" in ${JSON.stringify(messages.map((m) => m.key))}`);
  return data;
}

export const keys = (messages: OutMessage[]) => messages.map((m) => m.key);

/**
 * Samira after the onboarding the engine and end-to-end tests go through: her chat linked, called
 * Sam, reminders in the evening every two weeks, and consent given to her data and to reminders.
 */
export async function expectOnboardedSam(db: Database, clientId: string, chatId: number | bigint): Promise<void> {
  const client = await db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
  expect(client).toMatchObject({
    telegramChatId: BigInt(chatId),
    name: "Samira",
    callName: "Sam",
    status: "ACTIVE",
    remindersWanted: true,
    reminderDaypart: "evening",
    checkinEveryDays: 14,
  });
  const consents = await db.prisma.consentRecord.findMany({ where: { clientId }, orderBy: { at: "asc" } });
  expect(consents.map((c) => [c.subject, c.textVersion, c.decision])).toEqual([
    ["data", "onboarding.consent@1", "GIVEN"],
    ["reminders", "onboarding.reminders@1", "GIVEN"],
  ]);
}
