/**
 * Onboarding (kennismaking): who the bot is and who the coach is, what is saved and who sees it,
 * consent (yes / not now / no), how the client wants to be called, whether and when reminders
 * are welcome, and a positive ending. METHOD.md section 2 (kennismaking) and 7 (privacy).
 */
import { assign, setup } from "xstate";
import { effect, outputActions, say } from "./lib/actions.js";
import { matchOption, parseCallName, parseYesNo } from "./lib/parse.js";
import type { ClientEvent, Daypart, FlowDefinition, FlowInput } from "./types.js";

export const CONSENT_TEXT_VERSION = "onboarding.consent@1";

interface Context {
  clientName: string;
  coachName: string;
  callName: string;
  daypart: Daypart | null;
}

type Answer = "yes" | "no" | "later" | null;

/** Reads a yes / no / later answer from a button or from typed text. */
function answerOf(event: ClientEvent): Answer {
  if (event.type === "client.chose") {
    return event.choice === "yes" || event.choice === "no" || event.choice === "later" ? event.choice : null;
  }
  return parseYesNo(event.text);
}

const DAYPART_WORDS: Record<Daypart, string[]> = {
  morning: ["ochtend", "s ochtends", "'s ochtends", "morgens", "'s morgens", "morning", "vroeg"],
  afternoon: ["middag", "s middags", "'s middags", "afternoon", "lunch"],
  evening: ["avond", "s avonds", "'s avonds", "evening", "laat"],
};
const RHYTHM_WORDS: Record<"7" | "14", string[]> = {
  "7": ["elke week", "iedere week", "wekelijks", "1 keer per week", "een keer per week", "every week", "weekly", "week"],
  "14": ["om de week", "om de twee weken", "elke twee weken", "twee weken", "2 weken", "every two weeks"],
};

function daypartOf(event: ClientEvent): Daypart | null {
  if (event.type === "client.chose") {
    return event.choice === "morning" || event.choice === "afternoon" || event.choice === "evening" ? event.choice : null;
  }
  return matchOption(event.text, DAYPART_WORDS);
}

function rhythmOf(event: ClientEvent): 7 | 14 | null {
  const id = event.type === "client.chose" ? event.choice : matchOption(event.text, RHYTHM_WORDS);
  return id === "7" ? 7 : id === "14" ? 14 : null;
}

/** Yes to the consent question, wherever it is asked: record it and go on to the name. */
const consentGiven = {
  guard: "saidYes",
  target: "name",
  actions: effect({ kind: "consent", subject: "data", textVersion: CONSENT_TEXT_VERSION, decision: "GIVEN" }),
} as const;

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
    saidYes: ({ event }) => answerOf(event) === "yes",
    saidNo: ({ event }) => answerOf(event) === "no",
    saidLater: ({ event }) => answerOf(event) === "later",
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
      on: {
        "client.*": [
          consentGiven,
          { guard: "saidLater", target: "consentLater" },
          { guard: "saidNo", target: "refused" },
          { target: "consentAgain", actions: say("common.pickButton") },
        ],
      },
    },
    /** Asks the consent question again without repeating the whole introduction. */
    consentAgain: {
      entry: say("onboarding.consent.ask", undefined, yesLaterNo),
      on: {
        "client.*": [
          consentGiven,
          { guard: "saidLater", target: "consentLater" },
          { guard: "saidNo", target: "refused" },
          { target: "consentAgain", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    /** "Not now": nothing is saved beyond the link to the coach; any message brings the question back. */
    consentLater: {
      entry: { type: "say", params: ({ context }) => ({ key: "onboarding.consent.laterOk", vars: { coach: context.coachName } }) },
      on: {
        "client.*": [
          consentGiven,
          { guard: "saidNo", target: "refused" },
          { target: "consentAgain" },
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
