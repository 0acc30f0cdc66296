/**
 * Onboarding (kennismaking): who the bot is and who the coach is, what is saved and who sees it,
 * consent (yes / not now / no), how the client wants to be called, whether and when reminders
 * are welcome, and a positive ending. METHOD.md section 2 (kennismaking) and 7 (privacy).
 */
import { assign, setup } from "xstate";
import { effect, outputActions, say } from "./lib/actions.js";
import { parseCallName } from "./lib/parse.js";
import { isUnclear, readDaypart, readRhythm, readYesNo, type YesNo } from "./lib/readers.js";
import type { ClientEvent, Daypart, FlowDefinition, FlowInput } from "./types.js";

export const CONSENT_TEXT_VERSION = "onboarding.consent@1";

interface Context {
  clientName: string;
  coachName: string;
  callName: string;
  daypart: Daypart | null;
}

/** "ask" is "I want to ask my coach first"; null is unclear, and then nothing is recorded. */
type Answer = "yes" | "no" | "later" | "ask" | null;

const ANSWER_BUTTONS: Record<string, YesNo> = { yes: "yes", no: "no", later: "later" };

/** Reads a yes / no / later answer from a button or from typed text; anything unclear is null. */
function answerOf(event: ClientEvent, coachName?: string): Answer {
  const answer = readYesNo(event, { buttons: ANSWER_BUTTONS, askCoach: "askCoach", ...(coachName ? { coachName } : {}) });
  return answer === "askCoach" ? "ask" : answer;
}

function daypartOf(event: ClientEvent): Daypart | null {
  if (event.type === "client.chose") {
    return event.choice === "morning" || event.choice === "afternoon" || event.choice === "evening" ? event.choice : null;
  }
  const r = readDaypart(event.text);
  return isUnclear(r) ? null : r.value;
}

/** Days between check-ins: the buttons 7 and 14, or a typed rhythm ("2 keer per week", "elke maandag"). */
function rhythmOf(event: ClientEvent): number | null {
  if (event.type === "client.chose") return event.choice === "7" ? 7 : event.choice === "14" ? 14 : null;
  const r = readRhythm(event.text);
  return isUnclear(r) ? null : r.value.everyDays;
}

/** Yes to the consent question, wherever it is asked: record it and go on to the name. */
const consentGiven = {
  guard: "saidYes",
  target: "name",
  actions: effect({ kind: "consent", subject: "data", textVersion: CONSENT_TEXT_VERSION, decision: "GIVEN" }),
} as const;

/**
 * Answers to the consent question: yes is recorded and goes on to the name; no is confirmed
 * first; "not now" and "ask my coach first" record nothing; anything unclear asks again with
 * the buttons, so consent and refusal are never read from an unclear message.
 */
function consentAnswers(again: string) {
  return [
    consentGiven,
    { guard: "saidLater", target: "consentLater" },
    { guard: "asksCoach", target: "consentAskCoach" },
    { guard: "saidNo", target: "refuseCheck" },
    { guard: "buttonNoise", target: again, reenter: true, actions: say("common.pickButton") },
    { target: again, reenter: true, actions: say("onboarding.consent.unclear") },
  ] as const;
}

const yesLaterNo = [
  [{ id: "yes", label: "onboarding.consent.yes" }],
  [{ id: "later", label: "onboarding.consent.later" }],
  [{ id: "no", label: "onboarding.consent.no" }],
];

export const onboardingMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ClientEvent,
    input: {} as FlowInput,
  },
  actions: outputActions,
  guards: {
    saidYes: ({ context, event }) => answerOf(event, context.coachName) === "yes",
    saidNo: ({ context, event }) => answerOf(event, context.coachName) === "no",
    saidLater: ({ context, event }) => answerOf(event, context.coachName) === "later",
    asksCoach: ({ context, event }) => answerOf(event, context.coachName) === "ask",
    buttonNoise: ({ event }) => event.type === "client.chose",
    keepsName: ({ event }) => event.type === "client.chose" && event.choice === "keep",
    typedName: ({ event }) => event.type === "client.said" && parseCallName(event.text) !== null,
    choseDaypart: ({ event }) => daypartOf(event) !== null,
    choseRhythm: ({ event }) => rhythmOf(event) !== null,
  },
}).createMachine({
  id: "onboarding",
  context: ({ input }) => ({
    clientName: input.client.name,
    coachName: input.coach.name,
    callName: input.client.callName ?? input.client.name,
    daypart: null,
  }),
  initial: "consent",
  states: {
    consent: {
      entry: [
        say("onboarding.welcome", undefined),
        { type: "say", params: ({ context }) => ({ key: "onboarding.whoAmI", vars: { name: context.clientName, coach: context.coachName } }) },
        { type: "say", params: ({ context }) => ({ key: "onboarding.whatWeSave", vars: { coach: context.coachName } }) },
        say("onboarding.consent.ask", undefined, yesLaterNo),
      ],
      on: { "client.*": consentAnswers("consentAgain") },
    },
    /** Asks the consent question again without repeating the whole introduction. */
    consentAgain: {
      entry: say("onboarding.consent.ask", undefined, yesLaterNo),
      on: { "client.*": consentAnswers("consentAgain") },
    },
    /** "Not now": nothing is saved beyond the link to the coach; any message brings the question back. */
    consentLater: {
      entry: { type: "say", params: ({ context }) => ({ key: "onboarding.consent.laterOk", vars: { coach: context.coachName } }) },
      on: { "client.*": { target: "consentAgain" } },
    },
    /** "Eerst aan Sam vragen": a good idea; nothing is recorded, the question comes back with the next message. */
    consentAskCoach: {
      entry: { type: "say", params: ({ context }) => ({ key: "onboarding.consent.askCoachOk", vars: { coach: context.coachName } }) },
      on: { "client.*": { target: "consentAgain" } },
    },
    /** A refusal forgets everything and unlinks the chat: it is confirmed first, with buttons. */
    refuseCheck: {
      entry: say("onboarding.consent.refuseCheck", undefined, [
        [{ id: "yes", label: "onboarding.consent.refuseYes" }],
        [{ id: "no", label: "onboarding.consent.refuseNo" }],
      ]),
      on: {
        "client.*": [
          { guard: "saidYes", target: "refused" },
          { guard: "saidNo", target: "consentAgain", actions: say("onboarding.consent.refuseUndone") },
          { guard: "saidLater", target: "consentLater" },
          { guard: "asksCoach", target: "consentAskCoach" },
          { target: "refuseCheck", reenter: true, actions: say("onboarding.consent.unclear") },
        ],
      },
    },
    refused: {
      type: "final",
      entry: [
        effect({ kind: "consent", subject: "data", textVersion: CONSENT_TEXT_VERSION, decision: "REFUSED" }),
        effect({ kind: "forgetClient" }),
        { type: "say", params: ({ context }) => ({ key: "onboarding.consent.goodbye", vars: { coach: context.coachName } }) },
      ],
    },
    name: {
      entry: {
        type: "say",
        params: ({ context }) => ({
          key: "onboarding.name.ask",
          vars: { name: context.callName },
          choices: [[{ id: "keep", label: "onboarding.name.keep", vars: { name: context.callName } }]],
        }),
      },
      on: {
        "client.*": [
          {
            guard: "keepsName",
            target: "reminders",
            actions: { type: "effect", params: ({ context }) => ({ kind: "setCallName", name: context.callName }) },
          },
          {
            guard: "typedName",
            target: "reminders",
            actions: [
              assign({ callName: ({ event }) => (event.type === "client.said" ? (parseCallName(event.text) ?? "") : "") }),
              { type: "effect", params: ({ context }) => ({ kind: "setCallName", name: context.callName }) },
            ],
          },
          { target: "name", reenter: true, actions: say("onboarding.name.invalid") },
        ],
      },
    },
    reminders: {
      entry: {
        type: "say",
        params: ({ context }) => ({
          key: "onboarding.reminders.ask",
          vars: { name: context.callName },
          choices: [
            [{ id: "yes", label: "onboarding.reminders.yes" }],
            [{ id: "no", label: "onboarding.reminders.no" }],
            [{ id: "later", label: "onboarding.reminders.later" }],
          ],
        }),
      },
      on: {
        "client.*": [
          { guard: "saidYes", target: "remindersWhen" },
          {
            guard: "saidNo",
            target: "done",
            actions: [effect({ kind: "setReminders", wanted: false }), say("onboarding.reminders.noOk")],
          },
          {
            guard: "saidLater",
            target: "done",
            actions: [effect({ kind: "setReminders", wanted: false }), say("onboarding.reminders.laterOk")],
          },
          { target: "reminders", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    remindersWhen: {
      entry: say("onboarding.reminders.when", undefined, [
        [{ id: "morning", label: "onboarding.reminders.morning" }],
        [{ id: "afternoon", label: "onboarding.reminders.afternoon" }],
        [{ id: "evening", label: "onboarding.reminders.evening" }],
      ]),
      on: {
        "client.*": [
          { guard: "choseDaypart", target: "remindersRhythm", actions: assign({ daypart: ({ event }) => daypartOf(event) }) },
          { target: "remindersWhen", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    remindersRhythm: {
      entry: say("onboarding.reminders.rhythm", undefined, [
        [{ id: "7", label: "onboarding.reminders.weekly" }],
        [{ id: "14", label: "onboarding.reminders.biweekly" }],
      ]),
      on: {
        "client.*": [
          {
            guard: "choseRhythm",
            target: "done",
            actions: [
              {
                type: "effect",
                params: ({ context, event }) => ({
                  kind: "setReminders",
                  wanted: true,
                  daypart: context.daypart ?? "morning",
                  everyDays: rhythmOf(event) ?? 7,
                }),
              },
              say("onboarding.reminders.yesOk"),
            ],
          },
          { target: "remindersRhythm", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    done: {
      type: "final",
      entry: [
        effect({ kind: "activateClient" }),
        { type: "say", params: ({ context }) => ({ key: "onboarding.done", vars: { name: context.callName, coach: context.coachName } }) },
      ],
    },
  },
});

export const onboarding: FlowDefinition = {
  id: "onboarding",
  version: 1,
  machine: onboardingMachine,
};
