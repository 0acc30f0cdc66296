/**
 * The coach an invite is for, by name: `invite --coach <name>`. Kept apart from src/cli.ts so it
 * can be tested without running the command line.
 */
import type { Database } from "../db/client.js";

/** A wrong or unknown coach name: the command line answers with the message and exit code 2. */
export class CoachUsageError extends Error {}

/**
 * Finds the coach by name. An unknown name is not silently a second coach (a typo would give the
 * client a coach nobody reads): it is refused with the coaches there are, unless `addNew` (the
 * `--new-coach` flag) says to add them to the given team (default "Coachteam").
 */
export async function findOrAddCoach(db: Database, name: string, team: string | undefined, addNew = false) {
  const matches = await db.prisma.member.findMany({
    where: { name, role: "COACH", ...(team ? { organisation: { name: team } } : {}) },
    include: { organisation: true },
  });
  // A coach who left reads nothing and may not open the file: never the coach of a new client.
  const active = matches.filter((m) => m.active);
  if (active.length > 1) {
    throw new CoachUsageError(`There are ${active.length} coaches called "${name}". Add --team with one of: ${active.map((m) => m.organisation.name).join(", ")}.`);
  }
  if (active[0]) return { coach: active[0], created: false };
  if (matches[0]) {
    throw new CoachUsageError(`The coach "${name}"${team ? ` in "${team}"` : ""} is no longer active (${matches[0].organisation.name}). Invite the client for a coach who is.`);
  }
  if (!addNew) {
    const coaches = await db.prisma.member.findMany({ where: { role: "COACH", active: true }, select: { name: true }, orderBy: { name: "asc" } });
    const known = coaches.length ? ` Coaches now: ${coaches.map((c) => c.name).join(", ")}.` : " There are no coaches yet.";
    throw new CoachUsageError(
      `There is no coach called "${name}"${team ? ` in "${team}"` : ""}.${known} Check the spelling, add the coach first ` +
        `(npm run koers -- member add --org "${team ?? "Coachteam"}" --name "${name}" --role coach), or run invite again with --new-coach to add them now.`,
    );
  }
  const org = await db.prisma.organisation.upsert({
    where: { name: team ?? "Coachteam" },
    update: {},
    create: { kind: "COACH_TEAM", name: team ?? "Coachteam" },
  });
  if (org.kind !== "COACH_TEAM") throw new CoachUsageError(`"${org.name}" is a partner organisation, not a coach team.`);
  const coach = await db.prisma.member.create({ data: { organisationId: org.id, name, role: "COACH" }, include: { organisation: true } });
  return { coach, created: true };
}
