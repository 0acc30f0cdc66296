/**
 * OUT, warme overdracht: a coach hands a client to a partner. The client consents first; nothing
 * reaches the partner before that. Then received, accepted / rejected / redirected, appointment,
 * first contact (with or without the coach) or no-show, completed with an outcome.
 */
import { FILED_START, finalStates, machineSetup, tell } from "./setup.js";

/** A partner's answer to a case it can act on, shared by the states after acceptance. */
const partnerCloses = {
  "partner.rejected": { guard: "hasReason", target: "rejected", actions: [tell("coach", "referral.dm.out.rejected"), tell("client", "referralNews.rejected")] },
  "partner.redirected": { guard: "hasReason", target: "redirected", actions: [tell("coach", "referral.dm.out.redirected"), tell("client", "referralNews.redirected")] },
} as const;

const accept = { target: "accepted", actions: [tell("coach", "referral.dm.out.accepted"), tell("client", "referralNews.accepted")] } as const;

const plan = { guard: "validPlan", target: "appointmentPlanned", actions: [tell("coach", "referral.dm.out.planned"), tell("client", "referralNews.planned")] } as const;

/**
 * What may happen in every open OUT state. Spread into each state rather than put on the root:
 * xstate's `transition()` would apply root-level handlers even to a final (done) snapshot.
 */
const openOut = {
  // The client may take back consent at any moment before the referral is closed.
  "client.withdrewConsent": { target: "#referralOut.consentWithdrawn", actions: tell("coach", "referral.dm.out.withdrawn") },
  "coach.cancelled": { target: "#referralOut.cancelledByCoach", actions: tell("client", "referralNews.cancelled") },
  "filer.enteredInError": { target: "#referralOut.enteredInError" },
} as const;

export const referralOutMachine = machineSetup.createMachine({
  id: "referralOut",
  ...FILED_START,
  states: {
    /** Filed by the coach; the consent question has not reached the client yet. */
    filed: { on: { "system.consentAsked": "awaitingConsent", ...openOut } },
    awaitingConsent: {
      on: {
        ...openOut,
        "client.consented": { guard: "hasItems", target: "sent", actions: tell("coach", "referral.dm.out.consented") },
        "client.declined": { target: "declinedByClient", actions: tell("coach", "referral.dm.out.declined") },
        "client.askedCoach": { target: "clientQuestion", actions: tell("coach", "referral.dm.out.askedCoach") },
      },
    },
    /** The client wants to talk to the coach first; the coach may ask again later. */
    clientQuestion: { on: { "system.consentAsked": "awaitingConsent", ...openOut } },
    sent: {
      on: {
        ...openOut,
        "partner.received": { target: "received", actions: tell("coach", "referral.dm.out.received") },
        "partner.accepted": accept,
        ...partnerCloses,
      },
    },
    received: {
      on: {
        ...openOut,
        "partner.accepted": accept,
        ...partnerCloses,
      },
    },
    accepted: { on: { "partner.planned": plan, ...partnerCloses, ...openOut } },
    appointmentPlanned: {
      on: {
        ...openOut,
        "partner.planned": plan,
        "partner.contactMade": { target: "firstContact", actions: tell("coach", "referral.dm.out.contactMade") },
        "partner.noShow": { target: "noShow", actions: [tell("coach", "referral.dm.out.noShow"), tell("client", "referralNews.noShow")] },
      },
    },
    firstContact: {
      on: {
        ...openOut,
        "partner.completed": { guard: "hasOutcome", target: "completed", actions: [tell("coach", "referral.dm.out.completed"), tell("client", "referralNews.completed")] },
      },
    },
    noShow: {
      on: {
        ...openOut,
        "partner.planned": plan,
        "partner.closed": { guard: "hasReason", target: "failed", actions: tell("coach", "referral.dm.out.failed") },
      },
    },
    ...finalStates("completed", "rejected", "redirected", "declinedByClient", "consentWithdrawn", "cancelledByCoach", "failed", "enteredInError"),
  },
});
