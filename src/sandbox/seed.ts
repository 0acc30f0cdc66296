/**
 * The sandbox's demo world, made on first start with the admin CLI's own functions and the
 * engine: a coach team with two coaches, two partner organisations with their channels and
 * people, three clients of coach Ahmed in different phases, and one of coach Fleur after closing:
 * - Jan de Vries has an invite and has not opened it yet (the page offers the link);
 * - Samira El Amrani ("Sam") is in the middle of a GROW conversation her coach started;
 * - Eva Jansen has a goal, two steps and scores of the past weeks, and has been quiet for six days;
 * - Mo Bakker reached his goal; his talks with Fleur stopped 26 days ago, and he said yes to
 *   check-ins after closing: the first comes in two days (at four weeks).
 */
import { memberAdd, orgAdd, orgSetContact } from "../cli/admin.js";
import type { Engine } from "../conversation/engine.js";
import type { Database } from "../db/client.js";
import { createClientInvite } from "../domain/invites.js";
import { AFTERCARE_CONSENT, closeTrajectory } from "../domain/trajectory.js";
import { AFTERCARE_TEXT_VERSION } from "../../flows/closing.js";

export interface DemoPerson {
  slack: string;
  name: string;
  org: string;
}

export interface DemoClient {
  name: string;
  firstName: string;
  chatId: number;
  /** The invite code, while the client has not opened the link (only its hash is in the database). */
  inviteCode?: string;
}

export const TEAM = "Wijkteam Noord";
export const PARTNERS = { schuld: "Schuldhulp Oost", wonen: "Woonhulp West" } as const;

export const PEOPLE: DemoPerson[] = [
  { slack: "U0AHMED01", name: "Ahmed", org: TEAM },
  { slack: "U0FLEUR01", name: "Fleur", org: TEAM },
  { slack: "U0PETRA01", name: "Petra", org: PARTNERS.schuld },
  { slack: "U0BAS0001", name: "Bas", org: PARTNERS.schuld },
  { slack: "U0KARIM01", name: "Karim", org: PARTNERS.wonen },
  { slack: "U0LOTTE01", name: "Lotte", org: PARTNERS.wonen },
];

export const CHANNELS: Record<string, string> = {
  C0TEAMNRD1: TEAM,
  C0SCHULD01: PARTNERS.schuld,
  C0WONEN001: PARTNERS.wonen,
};

const channelOf = (org: string) => Object.entries(CHANNELS).find(([, o]) => o === org)?.[0] ?? "";

export const CHAT = { jan: 700_001, sam: 700_002, eva: 700_003, mo: 700_004 } as const;

const DAY = 86_400_000;

/** True when the demo world is already in this database. */
export async function isSeeded(db: Database): Promise<boolean> {
  return (await db.prisma.organisation.findUnique({ where: { name: TEAM } })) !== null;
}

/**
 * Makes the demo world. `waitForBot(chatId, count)` resolves when the bot has sent that many
 * messages in the chat (so the answer to Sam's first question comes after the question);
 * `say` is the client writing, through the real webhook.
 */
export async function seedDemo(
  db: Database,
  engine: Engine,
  io: { now: Date; inviteDays: number; waitForBot: (chatId: number, count: number) => Promise<void>; say: (chatId: number, firstName: string, text: string) => Promise<void> },
): Promise<DemoClient[]> {
  await orgAdd(db, { name: TEAM, kind: "team", channel: channelOf(TEAM) });
  await orgAdd(db, { name: PARTNERS.schuld, kind: "partner", domains: "financien", channel: channelOf(PARTNERS.schuld) });
  await orgAdd(db, { name: PARTNERS.wonen, kind: "partner", domains: "huisvesting", channel: channelOf(PARTNERS.wonen) });
  for (const p of PEOPLE) await memberAdd(db, { org: p.org, name: p.name, role: p.org === TEAM ? "coach" : "partner", slack: p.slack });
  await orgSetContact(db, { org: PARTNERS.schuld, contact: "Petra", backup: "Bas" });
  await orgSetContact(db, { org: PARTNERS.wonen, contact: "Karim", backup: "Lotte" });
  const ahmed = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: "U0AHMED01" } });
  const now = io.now;

  // Jan: invited, not yet started.
  const jan = await db.prisma.$transaction((tx) => createClientInvite(tx, { coachId: ahmed.id, clientName: "Jan de Vries", days: io.inviteDays, now }));

  // Sam and Eva went through onboarding earlier: what it records, written as it writes it.
  const onboarded = async (name: string, callName: string, chatId: number, since: Date, lastMessage: Date) =>
    db.prisma.$transaction(async (tx) => {
      const client = await tx.client.create({
        data: { name, callName, coachId: ahmed.id, telegramChatId: BigInt(chatId), status: "ACTIVE", remindersWanted: true, reminderDaypart: "morning", checkinEveryDays: 7, lastClientMessageAt: lastMessage, createdAt: since },
      });
      await tx.consentRecord.create({ data: { clientId: client.id, subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN", at: since } });
      await tx.consentRecord.create({ data: { clientId: client.id, subject: "reminders", textVersion: "onboarding.reminders@1", decision: "GIVEN", at: since } });
      return client;
    });
  const sam = await onboarded("Samira El Amrani", "Sam", CHAT.sam, new Date(now.getTime() - 3 * DAY), new Date(now.getTime() - 3 * DAY));
  const eva = await onboarded("Eva Jansen", "Eva", CHAT.eva, new Date(now.getTime() - 30 * DAY), new Date(now.getTime() - 6 * DAY));

  // Eva: a goal from a GROW conversation four weeks ago, one step done, one due in three days, and her scores since.
  const goal = await db.prisma.goal.create({
    data: { clientId: eva.id, text: "Elke week een keer naar de buurtkamer", whenText: "Voor de kerst", signText: "Ik ken daar mensen bij naam", confidence: 6, createdAt: new Date(now.getTime() - 28 * DAY) },
  });
  await db.prisma.step.create({ data: { goalId: goal.id, what: "De openingstijden opzoeken", status: "DONE", doneAt: new Date(now.getTime() - 21 * DAY), createdAt: new Date(now.getTime() - 28 * DAY) } });
  await db.prisma.step.create({ data: { goalId: goal.id, what: "Met de buurvrouw mee naar de koffieochtend", helper: "De buurvrouw", dueAt: new Date(now.getTime() + 3 * DAY), createdAt: new Date(now.getTime() - 21 * DAY + 1000) } });
  for (const [weeksAgo, score] of [[4, 3], [3, 4], [2, 4], [1, 6]] as const) {
    await db.prisma.scaleScore.create({ data: { clientId: eva.id, goalId: goal.id, kind: "PROGRESS", score, at: new Date(now.getTime() - weeksAgo * 7 * DAY) } });
  }
  // And how she felt in the talks with her coach (the check-in asks it too): with her next check-in
  // there are three, and Koers sends her the chart of them.
  for (const [weeksAgo, score] of [[3, 4], [1, 5]] as const) {
    await db.prisma.scaleScore.create({ data: { clientId: eva.id, kind: "WELLBEING", score, at: new Date(now.getTime() - weeksAgo * 7 * DAY - DAY) } });
  }

  // Sam: her coach starts a GROW conversation; she answers the first question through the webhook.
  await engine.startConversation(sam.id, "grow", undefined, ahmed.id);
  await io.waitForBot(CHAT.sam, 2);
  await io.say(CHAT.sam, "Samira", "ik wil werk vinden");
  await io.waitForBot(CHAT.sam, 3);

  // Mo: coached by Fleur; he reached his goal, the closing talk was 26 days ago and he said yes to
  // the check-ins after closing (4 and 12 weeks), as the closing talk records it.
  const fleur = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: "U0FLEUR01" } });
  const closedAt = new Date(now.getTime() - 26 * DAY);
  await db.prisma.$transaction(async (tx) => {
    const since = new Date(now.getTime() - 120 * DAY);
    const mo = await tx.client.create({
      data: { name: "Mo Bakker", callName: "Mo", coachId: fleur.id, telegramChatId: BigInt(CHAT.mo), status: "ACTIVE", remindersWanted: true, reminderDaypart: "morning", lastClientMessageAt: closedAt, createdAt: since, phase: "DOING", phaseSince: new Date(since.getTime() + 14 * DAY) },
    });
    await tx.consentRecord.create({ data: { clientId: mo.id, subject: "data", textVersion: "onboarding.consent@1", decision: "GIVEN", at: since } });
    const goal = await tx.goal.create({ data: { clientId: mo.id, text: "Een vaste plek als vrijwilliger", status: "REACHED", createdAt: new Date(since.getTime() + 14 * DAY) } });
    for (const [i, what] of ["Bij het vrijwilligerspunt langsgaan", "Twee keer meelopen bij de voedselbank"].entries()) {
      await tx.step.create({ data: { goalId: goal.id, what, status: "DONE", doneAt: new Date(since.getTime() + (30 + 20 * i) * DAY), createdAt: new Date(since.getTime() + 14 * DAY) } });
    }
    await tx.consentRecord.create({ data: { clientId: mo.id, subject: AFTERCARE_CONSENT, textVersion: AFTERCARE_TEXT_VERSION, decision: "GIVEN", at: closedAt } });
    await closeTrajectory(tx, mo, { aftercare: true, weeks: [4, 12], now: closedAt });
  });

  return [
    { name: "Jan de Vries", firstName: "Jan", chatId: CHAT.jan, inviteCode: jan.code },
    { name: "Samira El Amrani", firstName: "Samira", chatId: CHAT.sam },
    { name: "Eva Jansen", firstName: "Eva", chatId: CHAT.eva },
    { name: "Mo Bakker", firstName: "Mo", chatId: CHAT.mo },
  ];
}
