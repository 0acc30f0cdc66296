/**
 * IN, aanmelding: a partner refers a person to a coach team. Accepted (a coach is assigned), more
 * information asked, or declined; the person is invited and starts the bot, or is not reached
 * after repeated attempts.
 */
import { FILED_START, finalStates, machineSetup, tell } from "./setup.js";

const openIn = {
  "partner.withdrew": { target: "#referralIn.withdrawn" },
  "filer.enteredInError": { target: "#referralIn.enteredInError" },
} as const;

/** The team's answer to a filed referral, also once the partner answered its question. */
const teamAnswers = {
  "team.accepted": { guard: "hasCoach", target: "accepted", actions: tell("referrer", "referral.dm.in.accepted") },
  "team.declined": { guard: "hasReason", target: "declined", actions: tell("referrer", "referral.dm.in.declined") },
} as const;

export const referralInMachine = machineSetup.createMachine({
  id: "referralIn",
  ...FILED_START,
  states: {
    filed: {
      on: {
        ...openIn,
        ...teamAnswers,
        "team.askedInfo": { guard: "hasQuestion", target: "infoRequested", actions: tell("referrer", "referral.dm.in.infoRequested") },
      },
    },
    infoRequested: {
      on: {
        ...openIn,
        "partner.answeredInfo": { guard: "hasAnswer", target: "filed" },
        ...teamAnswers,
      },
    },
    /**
     * A coach is assigned; the invite is made in the same step (system.invited). The coach gets the
     * link from the caller directly: an invite code is never stored, not even in the outbox.
     */
    accepted: {
      on: { "system.invited": { target: "invited", actions: "countInvite" }, ...openIn },
    },
    invited: {
      on: {
        ...openIn,
        "team.reinvited": { target: "invited", actions: "countInvite" },
        "system.contactMade": { target: "contactMade", actions: [tell("referrer", "referral.dm.in.contactMade"), tell("coach", "referral.dm.in.started")] },
        "team.noContact": { target: "noContact", actions: tell("referrer", "referral.dm.in.noContact") },
      },
    },
    ...finalStates("contactMade", "noContact", "declined", "withdrawn", "enteredInError"),
  },
});
