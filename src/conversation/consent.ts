/**
 * /toestemming in Telegram: each purpose (keeping answers, sharing with the coach, reminders, each
 * referral that shares something) with its state and one button. Only buttons change a consent,
 * never a typed message; stopping asks "Weet je het zeker?" first. Buttons are
 * `c:<w|W|g|k>:<subject>`: ask to stop, stop (confirmed), give, keep as it is.
 */
import type { Vars } from "../../flows/types.js";
import type { Tx } from "../db/client.js";
import { givePurpose, purposeStates, withdrawPurpose, type PurposeState } from "../domain/consent.js";
import type { Client } from "../generated/prisma/client.js";
import type { OutMessage } from "../outbox/messages.js";

const COMMANDS = new Set(["toestemming", "toestemmingen", "consent", "privacy"]);
const BUTTON = /^c:([wWgk]):(data|coach|reminders|referral:[0-9a-f-]{36})$/;

export function isConsentCommand(command: string): boolean {
  return COMMANDS.has(command);
}

export function isConsentButton(data: string): boolean {
  return BUTTON.test(data);
}

/** One purpose: its state in words and the button that changes it (none where a tap cannot). */
function purposeMessage(p: PurposeState): OutMessage {
  const vars: Vars = p.partner ? { partner: p.partner } : {};
  const state = `consent.${p.kind}.${p.on ? "on" : "off"}`;
  if (p.on) return { key: state, vars, buttons: [[{ label: `consent.${p.kind}.stop`, data: `c:w:${p.subject}` }]] };
  if (p.kind === "data" || p.kind === "coach") return { key: state, vars, buttons: [[{ label: `consent.${p.kind}.give`, data: `c:g:${p.subject}` }]] };
  return { key: state, vars };
}

export async function consentCommand(tx: Tx, client: Client): Promise<OutMessage[]> {
  const purposes = await purposeStates(tx, client);
  return [{ key: "consent.intro" }, ...purposes.map(purposeMessage)];
}

/** A press on one of the buttons above, or on the confirmation's. */
export async function consentButton(tx: Tx, client: Client, data: string, now: Date): Promise<OutMessage[]> {
  const [, action, subject = ""] = BUTTON.exec(data) ?? [];
  const state = (await purposeStates(tx, client)).find((p) => p.subject === subject);
  if (!state) return [{ key: "consent.gone" }];
  const vars: Vars = state.partner ? { partner: state.partner } : {};
  switch (action) {
    case "w":
      if (!state.on) return [{ key: "consent.already" }];
      return [
        {
          key: `consent.${state.kind}.confirm`,
          vars,
          buttons: [[{ label: "consent.confirmYes", data: `c:W:${subject}` }], [{ label: "consent.confirmNo", data: `c:k:${subject}` }]],
        },
      ];
    case "W": {
      const done = await withdrawPurpose(tx, client, subject, now);
      return [{ key: done === "withdrawn" ? `consent.${state.kind}.stopped` : "consent.already", vars }];
    }
    case "g": {
      const done = await givePurpose(tx, client, subject, now);
      return [{ key: done === "given" ? `consent.${state.kind}.given` : "consent.already", vars }];
    }
    default:
      return [{ key: "consent.kept" }];
  }
}
