import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db/client.js";
import { audit } from "./audit.js";

/** 128 random bits, base64url: unguessable and valid as a Telegram `start` parameter. */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
}

/** Only this hash is stored, so a database leak does not leak usable invite links. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

export function looksLikeInviteCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(code);
}

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

export interface CreatedInvite {
  code: string;
  clientId: string;
  coachId: string;
  expiresAt: Date;
}

/**
 * Creates a client (status INVITED) for a coach, with a one-time invite code that expires.
 * Call inside a transaction; the caller prints or sends the link.
 */
export async function createClientInvite(
  tx: Tx,
  args: { coachId: string; clientName: string; language?: string; days: number; now: Date },
): Promise<CreatedInvite> {
  const client = await tx.client.create({
    data: { name: args.clientName, coachId: args.coachId, language: args.language ?? "nl", status: "INVITED" },
  });
  await audit(tx, { actorKind: "COACH", actorId: args.coachId, action: "client.invited", clientId: client.id });
  return issueInvite(tx, { clientId: client.id, coachId: args.coachId, days: args.days, now: args.now });
}

/** A new invite for an existing client (a lost or expired link); older unused links stop working. */
export async function issueInvite(
  tx: Tx,
  args: { clientId: string; coachId: string; days: number; now: Date },
): Promise<CreatedInvite> {
  const code = newInviteCode();
  const expiresAt = new Date(args.now.getTime() + args.days * 24 * 3600 * 1000);
  await tx.invite.updateMany({
    where: { clientId: args.clientId, usedAt: null, expiresAt: { gt: args.now } },
    data: { expiresAt: args.now },
  });
  await tx.invite.create({ data: { codeHash: hashInviteCode(code), clientId: args.clientId, coachId: args.coachId, expiresAt } });
  return { code, clientId: args.clientId, coachId: args.coachId, expiresAt };
}
