/**
 * /mijngegevens: what Koers keeps about a client, in plain words, and who looked at it (from the
 * audit log); on request the whole file as JSON. Only the client's own data, read for the client:
 * no access rule is needed, but each look is an audit row too (the client's own, actor CLIENT).
 */
import type { Tx } from "../db/client.js";
import type { AuditEvent, Client, Member, Organisation, Referral } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";
import { REMINDER_KINDS } from "./reminders/plan.js";
import { audit } from "./audit.js";
import { SCALE_KINDS } from "./client-file.js";
import { consentStates } from "./consent.js";

/** Who-looked lines in the chat (the file has them all). */
const LOOKS_SHOWN = 15;
/** Scores shown per kind in the chat. */
const SCORES_SHOWN = 10;

/** Audit actions a client reads as a sentence; any other professional act reads as `other`. */
const LOOK_KEYS: Record<string, string> = {
  "clientFile.viewed": "file",
  "clientFile.refused": "refused",
  "caseload.viewed": "list",
  "clients.listed": "list",
  "conversation.started": "talk",
  "client.invited": "invite",
  "referral.filed": "referral",
  "referral.viewed": "referralViewed",
  "crisis.resumed": "crisis",
  "client.forgetRefused": "refused",
};

/** JSON for a row: dates as ISO instants, big integers as strings. */
function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Everything kept about the client, opened (the Prisma client opens sealed fields on read): the
 * client row and every row that belongs to them. The export a client takes along.
 */
export async function myDataExport(tx: Tx, clientId: string): Promise<Record<string, unknown>> {
  const client = await tx.client.findUniqueOrThrow({ where: { id: clientId }, include: { coach: { include: { organisation: true } } } });
  const referrals = await tx.referral.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, include: { events: { orderBy: { id: "asc" } }, toOrg: true, fromOrg: true } });
  const { coach, ...row } = client;
  return plain({
    about: "Koers: alles wat over jou bewaard is / everything Koers keeps about you",
    client: row,
    coach: { name: coach.name, team: coach.organisation.name },
    consents: await tx.consentRecord.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    goals: await tx.goal.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, include: { steps: { orderBy: { createdAt: "asc" } } } }),
    scores: await tx.scaleScore.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    conversations: await tx.flowRun.findMany({ where: { clientId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    answers: await tx.flowAnswer.findMany({ where: { clientId }, orderBy: { id: "asc" } }),
    reminders: await tx.job.findMany({ where: { clientId, kind: { in: [...REMINDER_KINDS] }, status: "PENDING" }, orderBy: { dueAt: "asc" } }),
    appointments: await tx.appointment.findMany({ where: { clientId }, orderBy: { at: "asc" } }),
    referrals: referrals.map(({ toOrg, fromOrg, ...r }) => ({ ...r, to: toOrg.name, from: fromOrg.name })),
    crisisAlerts: await tx.crisisAlert.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, include: { events: { orderBy: { id: "asc" } } } }),
    nudgesToCoach: await tx.nudge.findMany({ where: { clientId }, orderBy: { openedAt: "asc" } }),
    phases: await tx.phaseChange.findMany({ where: { clientId }, orderBy: { at: "asc" } }),
    ladder: await tx.ladderRung.findMany({ where: { clientId }, orderBy: { at: "asc" } }),
    whoLooked: await looksOf(tx, clientId, referrals.map((r) => r.id)),
  });
}

/** Audit rows about the client or their referrals, oldest first. */
async function looksOf(tx: Tx, clientId: string, referralIds: string[]): Promise<AuditEvent[]> {
  return tx.auditEvent.findMany({
    where: { OR: [{ clientId }, ...(referralIds.length ? [{ referralId: { in: referralIds } }] : [])] },
    orderBy: { id: "asc" },
  });
}

type Named = Member & { organisation: Organisation };

/** Who did it, for the sentence's `$t(myData.who.<kind>)`: the client's own coach, another professional, or the CLI. */
function whoOf(e: AuditEvent, members: Map<string, Named>, client: Client): Record<string, string> {
  const m = e.actorId ? members.get(e.actorId) : undefined;
  if (!m) return { kind: "admin", who: "", org: "" };
  return { kind: m.id === client.coachId ? "coach" : "other", who: m.name, org: m.organisation.name };
}

/** The who-looked lines: professionals' acts only, one line per person, act and day, newest last. */
async function lookLines(tx: Tx, client: Client, referralIds: string[]): Promise<OutMessage[]> {
  const rows = (await looksOf(tx, client.id, referralIds)).filter((e) => e.actorKind !== "CLIENT" && e.actorKind !== "SYSTEM");
  const ids = [...new Set(rows.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const members = new Map((await tx.member.findMany({ where: { id: { in: ids } }, include: { organisation: true } })).map((m) => [m.id, m]));
  const seen = new Set<string>();
  const lines: OutMessage[] = [];
  for (const e of rows) {
    const what = LOOK_KEYS[e.action] ?? "other";
    const once = `${e.actorId}:${what}:${e.at.toISOString().slice(0, 10)}`;
    if (seen.has(once)) continue;
    seen.add(once);
    lines.push({ key: `myData.looked.${what}`, vars: { ...whoOf(e, members, client), date: e.at.toISOString() } });
  }
  return lines.slice(-LOOKS_SHOWN);
}

/**
 * The chat messages of /mijngegevens, one subject each: profile, consents, goals and steps,
 * scores, conversations, reminders, referrals (what was shared with whom and when), who looked.
 * The last one has the button for the whole file. Writes the client's audit row.
 */
export async function myDataMessages(tx: Tx, client: Client): Promise<OutMessage[]> {
  const coach = await tx.member.findUniqueOrThrow({ where: { id: client.coachId } });
  const out: OutMessage[] = [{ key: "myData.intro" }];

  const profile: OutMessage[] = [{ key: "myData.profile.name", vars: { name: client.name, coach: coach.name } }];
  if (client.callName) profile.push({ key: "myData.profile.callName", vars: { name: client.callName } });
  profile.push({ key: "myData.profile.since", vars: { date: client.createdAt.toISOString() } });
  profile.push({ key: client.remindersWanted ? "myData.profile.reminders" : "myData.profile.noReminders" });
  out.push({ key: "myData.profile.title", lines: profile });

  const consents = await consentStates(tx, client);
  out.push({
    key: "myData.consents.title",
    lines: consents.length
      ? consents.map((c) => ({ key: `myData.consents.${c.decision}`, vars: { kind: c.kind, partner: c.partner, date: c.at.toISOString() } }))
      : [{ key: "myData.consents.none" }],
  });

  const goals = await tx.goal.findMany({ where: { clientId: client.id }, orderBy: { createdAt: "asc" }, include: { steps: { orderBy: { createdAt: "asc" } } } });
  out.push({
    key: "myData.goals.title",
    lines: goals.length
      ? goals.flatMap((g): OutMessage[] => [
          { key: "myData.goals.goal", vars: { goal: g.text, date: g.createdAt.toISOString() } },
          ...g.steps.map((s) => ({ key: "myData.goals.step", vars: { what: s.what } })),
        ])
      : [{ key: "myData.goals.none" }],
  });

  const scores = await tx.scaleScore.findMany({ where: { clientId: client.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const kinds = SCALE_KINDS.filter((k) => scores.some((s) => s.kind === k));
  out.push({
    key: "myData.scores.title",
    lines: kinds.length
      ? kinds.map((k) => ({ key: `overview.score.${k}`, vars: { scores: scores.filter((s) => s.kind === k).slice(-SCORES_SHOWN).map((s) => s.score).join(" → ") } }))
      : [{ key: "myData.scores.none" }],
  });

  const runs = await tx.flowRun.count({ where: { clientId: client.id, flowId: { notIn: ["menu", "referralList"] } } });
  const answers = await tx.flowAnswer.count({ where: { clientId: client.id } });
  out.push({ key: "myData.talks.count", vars: { count: runs }, lines: [{ key: "myData.talks.answers", vars: { count: answers } }] });

  const reminders = await tx.job.findMany({ where: { clientId: client.id, kind: { in: [...REMINDER_KINDS] }, status: "PENDING" }, orderBy: { dueAt: "asc" }, take: 10 });
  out.push({
    key: "myData.reminders.title",
    lines: reminders.length ? reminders.map((j) => ({ key: `myData.reminders.${j.kind.slice("reminder.".length)}`, vars: { date: j.dueAt.toISOString() } })) : [{ key: "myData.reminders.none" }],
  });

  const referrals = await tx.referral.findMany({ where: { clientId: client.id }, orderBy: { createdAt: "asc" }, include: { toOrg: true, fromOrg: true } });
  out.push({ key: "myData.shared.title", lines: referrals.length ? referrals.flatMap((r) => sharedLines(r, coach.name)) : [{ key: "myData.shared.none" }] });

  const looks = await lookLines(tx, client, referrals.map((r) => r.id));
  out.push({ key: "myData.looked.title", lines: looks.length ? looks : [{ key: "myData.looked.none" }] });

  out.push({ key: "myData.end", buttons: [[{ label: "myData.fileButton", data: "d:file" }]] });
  await audit(tx, { actorKind: "CLIENT", actorId: client.id, action: "client.ownDataViewed", clientId: client.id, detail: { via: "telegram" } });
  return out;
}

type ReferralRow = Referral & { toOrg: Organisation; fromOrg: Organisation };

/** What went to a partner, item by item with its value, and when; or who referred the client in. */
function sharedLines(r: ReferralRow, coach: string): OutMessage[] {
  if (r.direction === "IN") return [{ key: "myData.shared.in", vars: { partner: r.fromOrg.name, date: r.createdAt.toISOString() } }];
  const values: Record<string, string | null> = { name: r.personName, phone: r.personContact, summary: r.summary, goal: r.wish };
  if (!r.consentedItems.length) return [{ key: "myData.shared.nothing", vars: { partner: r.toOrg.name, date: r.createdAt.toISOString() } }];
  const lines: OutMessage[] = [{ key: "myData.shared.out", vars: { partner: r.toOrg.name, date: r.createdAt.toISOString() } }];
  for (const item of r.consentedItems) lines.push({ key: "myData.shared.item", vars: { item, value: values[item] ?? "", coach } });
  if (r.consentWithdrawnAt) lines.push({ key: "myData.shared.withdrawn", vars: { date: r.consentWithdrawnAt.toISOString() } });
  return lines;
}

/** The whole file as a JSON document, with a short explanation as its caption. Writes the audit row. */
export async function myDataFile(tx: Tx, client: Client, now: Date): Promise<OutMessage> {
  const data = await myDataExport(tx, client.id);
  await audit(tx, { actorKind: "CLIENT", actorId: client.id, action: "client.ownDataExported", clientId: client.id, detail: { via: "telegram" } });
  const day = now.toISOString().slice(0, 10);
  return { key: "myData.file.caption", document: { filename: `koers-mijn-gegevens-${day}.json`, content: JSON.stringify(data, null, 2) } };
}
