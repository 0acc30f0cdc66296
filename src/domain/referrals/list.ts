/**
 * What a client sees with /verwijzingen (METHOD.md section 7: the client can see what is recorded
 * and who has it): each referral in plain words, and a way to stop sharing with a partner.
 */
import type { Tx } from "../../db/client.js";
import type { Client, Referral } from "../../generated/prisma/client.js";
import type { OutMessage } from "../../outbox/messages.js";
import { stateOf } from "./lifecycle.js";

/** A referral as the client reads it; `choice` is the button id to stop sharing. */
export interface ReferralListEntry {
  choice: string;
  referralId: string;
  partner: string;
  /** A key under referralList.state in client.json. */
  state: string;
  canWithdraw: boolean;
}

const CLIENT_WORDS: Record<string, string> = {
  filed: "asking",
  awaitingConsent: "asking",
  clientQuestion: "asking",
  sent: "waiting",
  received: "waiting",
  accepted: "accepted",
  appointmentPlanned: "planned",
  firstContact: "busy",
  noShow: "missed",
  completed: "done",
  rejected: "ended",
  redirected: "ended",
  failed: "ended",
  declinedByClient: "declined",
  consentWithdrawn: "stopped",
  cancelledByCoach: "stopped",
};

function entryOf(r: Referral & { toOrg: { name: string }; fromOrg: { name: string } }, i: number): ReferralListEntry | null {
  const choice = `r${i + 1}`;
  if (r.direction === "IN") return { choice, referralId: r.id, partner: r.fromOrg.name, state: "referredIn", canWithdraw: false };
  const state = r.consentWithdrawnAt ? "stopped" : CLIENT_WORDS[stateOf(r)];
  // A referral filed by mistake was never meant for the client: it is not shown.
  if (!state) return null;
  const canWithdraw = r.consentedItems.length > 0 && !r.consentWithdrawnAt;
  return { choice, referralId: r.id, partner: r.toOrg.name, state, canWithdraw };
}

/** The client's ten most recent referrals, newest first. */
export async function referralListEntries(tx: Tx, client: Client): Promise<ReferralListEntry[]> {
  const rows = await tx.referral.findMany({
    where: { clientId: client.id },
    include: { toOrg: true, fromOrg: true },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  return rows.map(entryOf).filter((e): e is ReferralListEntry => e !== null);
}

/** /verwijzingen, and /referrals for clients who chat in English. */
export function isReferralsCommand(command: string): boolean {
  return command === "verwijzingen" || command === "referrals";
}

/** The list while another conversation is going on: no buttons, so that conversation is not broken off. */
export function referralListWithoutButtons(entries: ReferralListEntry[]): OutMessage[] {
  if (!entries.length) return [{ key: "referralList.none" }];
  return [
    { key: "referralList.intro" },
    ...entries.map((e) => ({ key: `referralList.state.${e.state}`, vars: { partner: e.partner } })),
    ...(entries.some((e) => e.canWithdraw) ? [{ key: "referralList.later" }] : []),
  ];
}
