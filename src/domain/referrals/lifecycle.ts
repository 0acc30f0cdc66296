/**
 * One change of a referral: lock its row, restore its machine, check that the event is allowed,
 * save the new snapshot and FHIR status, append the history and, for professionals, the audit
 * log. Everything runs in the caller's transaction, so a refused or failed change leaves no trace
 * but the refusal the caller chooses to audit.
 */
import { createActor, initialTransition, transition, type AnyMachineSnapshot, type Snapshot } from "xstate";
import {
  allows,
  fhirStatusOf,
  REFERRAL_MACHINE_VERSION,
  referralMachine,
  type Direction,
  type ReferralEvent,
  tellsOf,
  type Tell,
} from "../../../flows/referral/index.js";
import type { Tx } from "../../db/client.js";
import type { Prisma, Referral } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { ReferralRefused, type Actor } from "./types.js";

export interface Applied {
  referral: Referral;
  from: string;
  to: string;
  event: ReferralEvent;
  eventId: bigint;
  tells: Tell[];
}

/** The initial snapshot and FHIR status of a new referral of this direction. */
export function initialReferral(direction: Direction): { snapshot: Prisma.InputJsonValue; status: string; machineVersion: number } {
  const machine = referralMachine(direction);
  const [snap] = initialTransition(machine);
  return {
    snapshot: machine.getPersistedSnapshot(snap) as unknown as Prisma.InputJsonValue,
    status: fhirStatusOf(direction, String(snap.value)),
    machineVersion: REFERRAL_MACHINE_VERSION[direction],
  };
}

/** The referral's machine snapshot as saved. Only version 1 exists, so there is nothing to migrate yet. */
export function restoreReferral(referral: Referral): AnyMachineSnapshot {
  if (referral.machineVersion !== REFERRAL_MACHINE_VERSION[referral.direction]) {
    throw new Error(`referral ${referral.id} has machine version ${referral.machineVersion}, which this version cannot read`);
  }
  const machine = referralMachine(referral.direction);
  return createActor(machine, { snapshot: referral.snapshot as unknown as Snapshot<unknown> }).getSnapshot() as AnyMachineSnapshot;
}

/** The state name ("sent", "invited", ...), which is also the Task's businessStatus. */
export function stateOf(referral: Referral): string {
  return String(restoreReferral(referral).value);
}

export function isClosed(referral: Referral): boolean {
  return restoreReferral(referral).status === "done";
}

/** The event's own data (reason, outcome, items), kept in the history without its type. */
function eventData(event: ReferralEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event;
  return rest;
}

/**
 * Applies one event to a locked referral. Throws `ReferralRefused("notNow")` when the state does
 * not allow it (a second press, a closed referral, a forged button), before anything is written.
 */
export async function stepReferral(tx: Tx, referral: Referral, event: ReferralEvent, actor: Actor, now: Date): Promise<Applied> {
  const machine = referralMachine(referral.direction);
  const snap = restoreReferral(referral);
  const from = String(snap.value);
  if (!allows(snap, event)) throw new ReferralRefused("notNow", "referral.refused.notNow", undefined, { event: event.type, state: from });
  const [next, actions] = transition(machine, snap, event);
  const to = String(next.value);
  const updated = await tx.referral.update({
    where: { id: referral.id },
    data: {
      snapshot: machine.getPersistedSnapshot(next) as unknown as Prisma.InputJsonValue,
      status: fhirStatusOf(referral.direction, to),
    },
  });
  const row = await tx.referralEvent.create({
    data: {
      referralId: referral.id,
      type: event.type,
      actorKind: actor.kind,
      actorId: actor.id,
      data: { from, to, ...eventData(event) } as Prisma.InputJsonValue,
      at: now,
    },
  });
  if (actor.kind !== "CLIENT" && actor.kind !== "SYSTEM") {
    await audit(tx, { actorKind: actor.kind, actorId: actor.id, action: `referral.${event.type}`, referralId: referral.id, clientId: referral.clientId, detail: { from, to } });
  }
  return { referral: updated, from, to, event, eventId: row.id, tells: tellsOf(actions) };
}

/** A history line without a state change (a client withdrawing consent after the referral closed). */
export async function noteReferral(tx: Tx, referral: Referral, type: string, actor: Actor, now: Date, data: Record<string, unknown> = {}): Promise<bigint> {
  const row = await tx.referralEvent.create({
    data: { referralId: referral.id, type, actorKind: actor.kind, actorId: actor.id, data: data as Prisma.InputJsonValue, at: now },
  });
  return row.id;
}
