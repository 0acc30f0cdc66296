/**
 * The participation ladder (METHOD.md section 4): 1 isolated, 2 social contacts outside the home,
 * 3 organised activities, 4 unpaid work or volunteering, 5 paid work with support, 6 paid work.
 * A rung is recorded by the coach (the Slack client file, `koers ladder`) or answered by the
 * client (flows/ladder.ts, buttons only); every record is a `LadderRung` row, so the file shows the
 * rung over time with its source and the team report counts moves. A professional's record is
 * audited in the same transaction.
 */
import type { Tx } from "../db/client.js";
import type { LadderRung, LadderSource } from "../generated/prisma/client.js";
import { audit } from "./audit.js";

export const RUNGS = [1, 2, 3, 4, 5, 6] as const;

export function isRung(n: unknown): n is (typeof RUNGS)[number] {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 6;
}

export interface RecordRung {
  clientId: string;
  rung: number;
  source: LadderSource;
  /** The professional who recorded it (COACH source): audited as them. ADMIN: the CLI without a coach. */
  by?: { kind: "COACH" | "ADMIN"; memberId: string | null; via: string };
  now: Date;
}

/** Records a rung (1-6); throws on anything else, so a forged value never reaches the table. */
export async function recordRung(tx: Tx, r: RecordRung): Promise<LadderRung> {
  if (!isRung(r.rung)) throw new RangeError(`a ladder rung is 1 to 6, not ${String(r.rung)}`);
  const row = await tx.ladderRung.create({
    data: { clientId: r.clientId, rung: r.rung, source: r.source, memberId: r.source === "COACH" ? (r.by?.memberId ?? null) : null, at: r.now },
  });
  if (r.by) {
    await audit(tx, { actorKind: r.by.kind, actorId: r.by.memberId, action: "ladder.recorded", clientId: r.clientId, detail: { rung: r.rung, via: r.by.via } });
  }
  return row;
}

export interface LadderPoint {
  rung: number;
  source: LadderSource;
  /** The coach's name for a coach's record (null: recorded from the CLI without a coach, or the coach is gone). */
  by: string | null;
  at: Date;
}

/** Every rung of the client, oldest first, with the name of the coach who recorded it. */
export async function ladderHistory(tx: Tx, clientId: string): Promise<LadderPoint[]> {
  const rows = await tx.ladderRung.findMany({ where: { clientId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const ids = [...new Set(rows.map((r) => r.memberId).filter((id): id is string => id !== null))];
  const members = ids.length ? await tx.member.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  return rows.map((r) => ({ rung: r.rung, source: r.source, by: r.memberId ? (names.get(r.memberId) ?? null) : null, at: r.at }));
}
