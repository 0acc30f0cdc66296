/**
 * Administration of organisations (coach teams and partners) and their members, for the Slack
 * app: `npm run koers -- org add|list|set-channel|set-contact` and `member add|list|set-slack`.
 * Each command is a function of the database and its parsed options that returns what to print,
 * so tests run them without a process; `runAdmin` adds the argument parsing and the exit code.
 */
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { parseOptions, runOnDatabase, usageError } from "./run.js";
import type { MemberRole, OrganisationKind } from "../generated/prisma/client.js";
import { isLifeDomain, LIFE_DOMAINS } from "../domain/referrals/types.js";

export const ADMIN_USAGE = `  org add --name <name> --kind team|partner [--domains financien,huisvesting] [--channel <id>]
          [--share-months <1-120>]   a partner agreement's term: shares are erased this long after a referral ended
  org list
  org set-channel --org <name> --channel <Slack channel id, e.g. C0123ABCD>
  org set-contact --org <name> --contact <member name> [--backup <member name>]
  member add --org <name> --name <name> --role coach|partner|admin [--slack <Slack user id, e.g. U0123ABCD>]
  member list [--org <name>]
  member set-slack --org <name> --name <name> --slack <Slack user id>`;

/** A mistake in the command line; printed with the usage, exit code 2. */
export class AdminUsageError extends Error {}

type Values = Record<string, string | undefined>;

const OPTIONS = {
  name: { type: "string" },
  kind: { type: "string" },
  domains: { type: "string" },
  channel: { type: "string" },
  org: { type: "string" },
  contact: { type: "string" },
  backup: { type: "string" },
  role: { type: "string" },
  slack: { type: "string" },
  "share-months": { type: "string" },
} as const;

function need<const N extends readonly string[]>(values: Values, ...names: N): { [K in keyof N]: string } {
  const missing = names.filter((n) => !values[n]?.trim());
  if (missing.length) throw new AdminUsageError(`Give ${missing.map((n) => `--${n} <${n}>`).join(" and ")}.`);
  // One value per name, in order: the tuple type says so, which map's string[] cannot.
  return names.map((n) => (values[n] ?? "").trim()) as { [K in keyof N]: string };
}

/** Slack ids: channels start with C or G, users with U or W, then capitals and digits. */
function slackId(value: string, kind: "channel" | "user"): string {
  const ok = kind === "channel" ? /^[CG][A-Z0-9]{6,20}$/ : /^[UW][A-Z0-9]{6,20}$/;
  if (!ok.test(value)) {
    throw new AdminUsageError(`"${value}" is not a Slack ${kind} id. In Slack, open the ${kind === "channel" ? "channel details" : "member's profile"} and copy the id (it starts with ${kind === "channel" ? "C" : "U"}).`);
  }
  return value;
}

async function orgByName(db: Database, name: string) {
  const org = await db.prisma.organisation.findUnique({ where: { name } });
  if (!org) throw new AdminUsageError(`There is no organisation called "${name}". See: npm run koers -- org list`);
  return org;
}

async function memberOf(db: Database, orgId: string, orgName: string, name: string) {
  const member = await db.prisma.member.findUnique({ where: { organisationId_name: { organisationId: orgId, name } } });
  if (!member) throw new AdminUsageError(`"${orgName}" has no member called "${name}". Add one with: npm run koers -- member add`);
  return member;
}

export async function orgAdd(db: Database, v: Values): Promise<string> {
  const [name, kindText] = need(v, "name", "kind");
  const kind: OrganisationKind | null = kindText === "team" ? "COACH_TEAM" : kindText === "partner" ? "PARTNER" : null;
  if (!kind) throw new AdminUsageError(`--kind must be team or partner, not "${kindText}".`);
  const domains = (v.domains ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  const wrong = domains.filter((d) => !isLifeDomain(d));
  if (wrong.length) throw new AdminUsageError(`Unknown life domain(s): ${wrong.join(", ")}. Known: ${LIFE_DOMAINS.join(", ")}.`);
  if (await db.prisma.organisation.findUnique({ where: { name } })) throw new AdminUsageError(`An organisation called "${name}" already exists.`);
  const channel = v.channel ? slackId(v.channel.trim(), "channel") : null;
  const months = v["share-months"] === undefined ? null : Number(v["share-months"]);
  if (months !== null && (!Number.isInteger(months) || months < 1 || months > 120)) throw new AdminUsageError(`--share-months must be a whole number of months from 1 to 120, not "${v["share-months"]}".`);
  await db.prisma.organisation.create({ data: { name, kind, domains, referralChannel: channel, shareRetentionMonths: months } });
  return `Added ${kind === "COACH_TEAM" ? "coach team" : "partner organisation"} "${name}".${channel ? "" : ` Set its referral channel with: npm run koers -- org set-channel --org "${name}" --channel <id>`}`;
}

export async function orgList(db: Database): Promise<string> {
  const orgs = await db.prisma.organisation.findMany({ include: { members: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
  if (!orgs.length) return "No organisations yet. Add one with: npm run koers -- org add --name <name> --kind team|partner";
  const nameOf = (members: { id: string; name: string }[], id: string | null) => members.find((m) => m.id === id)?.name ?? "-";
  return orgs
    .map((o) =>
      [
        `${o.name} (${o.kind === "COACH_TEAM" ? "coach team" : "partner"})`,
        `  channel: ${o.referralChannel ?? "- (not set: no cards can be posted)"}`,
        `  contact: ${nameOf(o.members, o.contactMemberId)}, backup: ${nameOf(o.members, o.backupMemberId)}`,
        `  members: ${o.members.length}${o.domains.length ? `, domains: ${o.domains.join(", ")}` : ""}`,
      ].join("\n"),
    )
    .join("\n");
}

export async function orgSetChannel(db: Database, v: Values): Promise<string> {
  const [orgName, channelText] = need(v, "org", "channel");
  const org = await orgByName(db, orgName);
  const channel = slackId(channelText, "channel");
  await db.prisma.organisation.update({ where: { id: org.id }, data: { referralChannel: channel } });
  return `Referral cards for "${org.name}" go to channel ${channel}. Invite the Koers app to that channel in Slack (/invite @Koers).`;
}

export async function orgSetContact(db: Database, v: Values): Promise<string> {
  const [orgName, contactName] = need(v, "org", "contact");
  const org = await orgByName(db, orgName);
  const contact = await memberOf(db, org.id, org.name, contactName);
  const backup = v.backup ? await memberOf(db, org.id, org.name, v.backup.trim()) : null;
  if (backup && backup.id === contact.id) throw new AdminUsageError("The backup must be someone else than the contact person.");
  await db.prisma.organisation.update({ where: { id: org.id }, data: { contactMemberId: contact.id, ...(backup ? { backupMemberId: backup.id } : {}) } });
  return `Contact person of "${org.name}": ${contact.name}${backup ? `, backup: ${backup.name}` : ""}.${backup || org.backupMemberId ? "" : " Every organisation needs a backup too: add --backup <name>."}`;
}

export async function memberAdd(db: Database, v: Values): Promise<string> {
  const [orgName, name, roleText] = need(v, "org", "name", "role");
  const org = await orgByName(db, orgName);
  const role: MemberRole | null = roleText === "coach" ? "COACH" : roleText === "partner" ? "PARTNER" : roleText === "admin" ? "ADMIN" : null;
  if (!role) throw new AdminUsageError(`--role must be coach, partner or admin, not "${roleText}".`);
  if ((role === "COACH" && org.kind !== "COACH_TEAM") || (role === "PARTNER" && org.kind !== "PARTNER")) {
    throw new AdminUsageError(`A ${roleText} cannot be a member of "${org.name}", which is a ${org.kind === "COACH_TEAM" ? "coach team" : "partner organisation"}.`);
  }
  if (name.length > 80) throw new AdminUsageError("Names can be at most 80 characters.");
  const slack = v.slack ? slackId(v.slack.trim(), "user") : null;
  if (slack && (await db.prisma.member.findUnique({ where: { slackUserId: slack } }))) throw new AdminUsageError(`Slack user ${slack} already belongs to another member.`);
  if (await db.prisma.member.findUnique({ where: { organisationId_name: { organisationId: org.id, name } } })) throw new AdminUsageError(`"${org.name}" already has a member called "${name}".`);
  await db.prisma.member.create({ data: { organisationId: org.id, name, role, slackUserId: slack } });
  return `Added ${name} (${roleText}) to "${org.name}".${slack ? "" : " Without --slack they cannot use the Slack app yet: npm run koers -- member set-slack"}`;
}

export async function memberSetSlack(db: Database, v: Values): Promise<string> {
  const [orgName, name, slackText] = need(v, "org", "name", "slack");
  const org = await orgByName(db, orgName);
  const member = await memberOf(db, org.id, org.name, name);
  const slack = slackId(slackText, "user");
  const other = await db.prisma.member.findUnique({ where: { slackUserId: slack } });
  if (other && other.id !== member.id) throw new AdminUsageError(`Slack user ${slack} already belongs to ${other.name}.`);
  await db.prisma.member.update({ where: { id: member.id }, data: { slackUserId: slack } });
  return `${member.name} of "${org.name}" is Slack user ${slack}.`;
}

export async function memberList(db: Database, v: Values): Promise<string> {
  const org = v.org ? await orgByName(db, v.org.trim()) : null;
  const members = await db.prisma.member.findMany({ where: org ? { organisationId: org.id } : {}, include: { organisation: true }, orderBy: [{ organisation: { name: "asc" } }, { name: "asc" }] });
  if (!members.length) return "No members yet. Add one with: npm run koers -- member add";
  return members.map((m) => `${m.organisation.name}: ${m.name} (${m.role.toLowerCase()})${m.slackUserId ? ` slack ${m.slackUserId}` : " no Slack id"}${m.active ? "" : " [inactive]"}`).join("\n");
}

const COMMANDS: Record<string, Record<string, (db: Database, v: Values) => Promise<string>>> = {
  org: { add: orgAdd, list: (db) => orgList(db), "set-channel": orgSetChannel, "set-contact": orgSetContact },
  member: { add: memberAdd, list: memberList, "set-slack": memberSetSlack },
};

/** Runs `org …` or `member …`; returns the process exit code. */
export async function runAdmin(config: Config, command: "org" | "member", args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = args;
  const fn = sub ? COMMANDS[command]?.[sub] : undefined;
  if (!fn) {
    return usageError(err, sub ? `Unknown command "${command} ${sub}".` : `Give a ${command} command.`, ADMIN_USAGE);
  }
  const values: Values | undefined = parseOptions({ args: rest, options: OPTIONS }, err, ADMIN_USAGE)?.values;
  if (!values) return 2;
  return runOnDatabase(config, out, err, { error: AdminUsageError }, (db) => fn(db, values));
}
