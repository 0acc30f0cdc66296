/**
 * The people of a referral test: a coach team with two coaches, a partner organisation with two
 * members (contact and backup), a second partner organisation, and one client of the first coach
 * who uses the chat and has a goal. Plus the engine and the referral service on the same database.
 */
import { flowRegistry } from "../../flows/index.js";
import { createEngine, type Engine, type IncomingMessage } from "../../src/conversation/engine.js";
import type { Database } from "../../src/db/client.js";
import { createReferralService, type ReferralService } from "../../src/domain/referrals/service.js";
import type { Client, Member, Organisation } from "../../src/generated/prisma/client.js";
import { createTranslator } from "../../src/i18n.js";
import type { OutMessage, TelegramSendPayload } from "../../src/outbox/messages.js";
import type { SlackReferralPayload } from "../../src/domain/referrals/deliveries.js";
import { silentLogger } from "../../src/log.js";

export interface ReferralWorld {
  db: Database;
  engine: Engine;
  service: ReferralService;
  now: () => Date;
  team: Organisation;
  coach: Member;
  colleague: Member;
  partner: Organisation;
  partnerMember: Member;
  partnerBackup: Member;
  otherPartner: Organisation;
  otherMember: Member;
  client: Client;
  chatId: number;
}

let seq = 0;
let updateId = 50_000;

/** Builds the world; `now` is fixed unless a clock is given. */
export async function referralWorld(db: Database, clock: () => Date = () => new Date("2027-03-10T09:00:00.000Z")): Promise<ReferralWorld> {
  seq++;
  const p = db.prisma;
  const team = await p.organisation.create({ data: { kind: "COACH_TEAM", name: `Coachteam Noord ${seq}`, referralChannel: "CTEAM" } });
  const coach = await p.member.create({ data: { organisationId: team.id, name: "Ahmed", role: "COACH", slackUserId: `UCOACH${seq}` } });
  const colleague = await p.member.create({ data: { organisationId: team.id, name: "Fleur", role: "COACH", slackUserId: `UFLEUR${seq}` } });
  const partner = await p.organisation.create({ data: { kind: "PARTNER", name: `Schuldhulp Oost ${seq}`, referralChannel: "CPARTNER", domains: ["financien"] } });
  const partnerMember = await p.member.create({ data: { organisationId: partner.id, name: "Petra", role: "PARTNER", slackUserId: `UPETRA${seq}` } });
  const partnerBackup = await p.member.create({ data: { organisationId: partner.id, name: "Bas", role: "PARTNER", slackUserId: `UBAS${seq}` } });
  await p.organisation.update({ where: { id: partner.id }, data: { contactMemberId: partnerMember.id, backupMemberId: partnerBackup.id } });
  const otherPartner = await p.organisation.create({ data: { kind: "PARTNER", name: `Woonstichting ${seq}`, referralChannel: "COTHER" } });
  const otherMember = await p.member.create({ data: { organisationId: otherPartner.id, name: "Olaf", role: "PARTNER", slackUserId: `UOLAF${seq}` } });
  const chatId = 700_000 + seq;
  const client = await p.client.create({
    data: { name: "Samira", callName: "Sam", coachId: coach.id, status: "ACTIVE", telegramChatId: BigInt(chatId), goals: { create: { text: "Rust in mijn hoofd over geld" } } },
  });
  const engine = createEngine({ db, flows: flowRegistry, clock, logger: silentLogger() });
  const service = createReferralService({ db, engine, translator: createTranslator(), clock, inviteDays: 14 });
  return { db, engine, service, now: clock, team, coach, colleague, partner, partnerMember, partnerBackup, otherPartner, otherMember, client, chatId };
}

/** A complete, valid referral out for the world's client. */
export function outDraft(w: ReferralWorld, over: Record<string, unknown> = {}) {
  return {
    clientId: w.client.id,
    partnerOrgId: w.partner.id,
    lifeDomain: "financien",
    need: "Samira heeft schulden en wil er rust in.",
    items: ["name", "phone", "goal"],
    phone: "06 1234 5678",
    summary: "",
    urgency: "soon",
    coachJoins: true,
    wishedDate: "2027-03-20",
    ...over,
  };
}

/** A complete, valid referral in from the world's partner to the coach team. */
export function inDraft(w: ReferralWorld, over: Record<string, unknown> = {}) {
  return {
    teamOrgId: w.team.id,
    personName: "Jan de Vries",
    personContact: "06 8765 4321, liefst 's middags",
    need: "Jan zit al twee jaar thuis en wil weer iets doen.",
    wish: "Vrijwilligerswerk in de buurt",
    urgency: "normal",
    personAgrees: true,
    ...over,
  };
}

/** A referral out filed with this draft (the world's default) and agreed to by the client in Telegram; its id. */
export async function consentedOut(w: ReferralWorld, over: Record<string, unknown> = {}): Promise<string> {
  const { referral } = await w.service.fileOut(w.coach, outDraft(w, over));
  await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(w.db, w.client.id), "yes") }));
  return referral.id;
}

export const message = (chatId: number, input: IncomingMessage["input"]): IncomingMessage => ({ updateId: updateId++, chatId, input });

/** Telegram messages queued for a client and not yet taken; marks them taken. */
export async function telegramFor(db: Database, clientId: string): Promise<OutMessage[]> {
  const jobs = await db.prisma.job.findMany({ where: { clientId, kind: "telegram.send", status: "PENDING" }, orderBy: { id: "asc" } });
  await db.prisma.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { status: "DONE" } });
  return jobs.flatMap((j) => (j.payload as unknown as TelegramSendPayload).messages);
}

/** Slack referral jobs queued for a referral, oldest first. */
export async function slackJobs(db: Database, referralId: string): Promise<SlackReferralPayload[]> {
  const jobs = await db.prisma.job.findMany({ where: { kind: "slack.referral" }, orderBy: { id: "asc" } });
  return jobs.map((j) => j.payload as unknown as SlackReferralPayload).filter((p) => p.referralId === referralId);
}

/** The callback data of a button in the last message that has buttons. */
export function buttonData(messages: OutMessage[], choice: string): string {
  const m = [...messages].reverse().find((x) => x.buttons?.length);
  const data = m?.buttons?.flat().find((b) => b.data.endsWith(`:${choice}`))?.data;
  if (!data) throw new Error(`no button ${choice} in ${JSON.stringify(messages.map((x) => x.key))}`);
  return data;
}
