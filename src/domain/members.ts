/**
 * Members (coaches, partners, admins) and their organisations as the edges see them: plain types
 * and the few look-ups the Slack listeners need, each taking the caller's database handle.
 */
import type { Database } from "../db/client.js";

export type MemberRole = "COACH" | "PARTNER" | "ADMIN";

/** A member as the edges handle it: the same fields as the row, no Prisma type. */
export interface Member {
  id: string;
  organisationId: string;
  name: string;
  slackUserId: string | null;
  role: MemberRole;
  nudgeMode: "SINGLE" | "DAILY_DIGEST";
  active: boolean;
  createdAt: Date;
}

/** The database handle an edge holds only to pass it on to domain functions like these. */
export type DataHandle = Database;

/** The actor kind of a member in audit rows. */
export function actorKindOf(member: Pick<Member, "role">): "COACH" | "PARTNER" | "ADMIN" {
  return member.role === "ADMIN" ? "ADMIN" : member.role === "PARTNER" ? "PARTNER" : "COACH";
}

/** An organisation's name; throws when it does not exist. */
export async function organisationName(db: Database, organisationId: string): Promise<string> {
  return (await db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } })).name;
}

/** An organisation's kind ("COACH_TEAM", "PARTNER"), or null when it does not exist. */
export async function organisationKind(db: Database, organisationId: string): Promise<string | null> {
  return (await db.prisma.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } }))?.kind ?? null;
}

/** A member by id, or null. */
export async function memberById(db: Database, memberId: string): Promise<Member | null> {
  return db.prisma.member.findUnique({ where: { id: memberId } });
}

/** The names of these members by id. */
export async function memberNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  return new Map((await db.prisma.member.findMany({ where: { id: { in: ids } } })).map((m) => [m.id, m.name]));
}
