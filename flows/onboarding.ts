/**
 * Onboarding (kennismaking): who the bot is and who the coach is, what is saved and who sees it,
 * consent (yes / not now / no), how the client wants to be called, whether and when reminders
 * are welcome, and a positive ending. METHOD.md section 2 (kennismaking) and 7 (privacy).
 */
import { assign, setup } from "xstate";
import { effectWith, say, sayWith } from "./lib/actions.js";
import { controlActions, controlGuards, question } from "./lib/controls.js";
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

/**
 * Answers to the consent question: yes is recorded and goes on to the name; no is confirmed
 * first; "not now" and "ask my coach first" record nothing; anything unclear asks again with
 * the buttons, so consent and refusal are never read from an unclear message.
 */
const CONSENT_ANSWERS = [
  { guard: "saidYes", target: "name", actions: "giveConsent" },
  { guard: "saidLater", target: "consentLater" },
  { guard: "asksCoach", target: "consentAskCoach" },
  { guard: "saidNo", target: "refuseCheck" },
  { guard: "buttonNoise", target: "consentAgain", reenter: true, actions: "pickButton" },
  { target: "consentAgain", reenter: true, actions: say("onboarding.consent.unclear") },
] as const;

const yesLaterNo = [
  [{ id: "yes", label: "onboarding.consent.yes" }],
  [{ id: "later", label: "onboarding.consent.later" }],
  [{ id: "no", label: "onboarding.consent.no" }],
];

const DAYPART_ROWS = (["morning", "afternoon", "evening"] as const).map((id) => [{ id, label: `onboarding.reminders.${id}` }]);
const RHYTHM_ROWS = [[{ id: "7", label: "onboarding.reminders.weekly" }], [{ id: "14", label: "onboarding.reminders.biweekly" }]];

const askConsent = say("onboarding.consent.ask", undefined, yesLaterNo);

const named = sayWith<Context, ClientEvent>;
/** A named message with the coach's name in it. */
const withCoach = (key: string) => named(({ context }) => ({ key, vars: { coach: context.coachName } }));

export const onboardingMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ClientEvent,
    input: {} as FlowInput,
  },
  actions: {
    ...controlActions<Context>(),
    sayWhoAmI: named(({ context }) => ({ key: "onboarding.whoAmI", vars: { name: context.clientName, coach: context.coachName } })),
    sayWhatWeSave: withCoach("onboarding.whatWeSave"),
    sayLaterOk: withCoach("onboarding.consent.laterOk"),
    sayAskCoachOk: withCoach("onboarding.consent.askCoachOk"),
    sayGoodbye: withCoach("onboarding.consent.goodbye"),
    giveConsent: effectWith<Context, ClientEvent>(() => ({ kind: "consent", subject: "data", textVersion: CONSENT_TEXT_VERSION, decision: "GIVEN" })),
    refuseConsent: effectWith<Context, ClientEvent>(() => ({ kind: "consent", subject: "data", textVersion: CONSENT_TEXT_VERSION, decision: "REFUSED" })),
    forgetClient: effectWith<Context, ClientEvent>(() => ({ kind: "forgetClient" })),
    askName: named(({ context }) => ({
      key: "onboarding.name.ask",
      vars: { name: context.callName },
      choices: [[{ id: "keep", label: "onboarding.name.keep", vars: { name: context.callName } }]],
    })),
    keepTypedName: assign({ callName: ({ event }) => (event.type === "client.said" ? (parseCallName(event.text) ?? "") : "") }),
    saveCallName: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "setCallName", name: context.callName })),
    askReminders: named(({ context }) => ({
      key: "onboarding.reminders.ask",
      vars: { name: context.callName },
      choices: [
        [{ id: "yes", label: "onboarding.reminders.yes" }],
        [{ id: "no", label: "onboarding.reminders.no" }],
        [{ id: "later", label: "onboarding.reminders.later" }],
      ],
    })),
    keepDaypart: assign({ daypart: ({ event }) => daypartOf(event) }),
    remindersOff: effectWith<Context, ClientEvent>(() => ({ kind: "setReminders", wanted: false })),
    remindersOn: effectWith<Context, ClientEvent>(({ context, event }) => ({
      kind: "setReminders",
      wanted: true,
      daypart: context.daypart ?? "morning",
      everyDays: rhythmOf(event) ?? 7,
    })),
    activate: effectWith<Context, ClientEvent>(() => ({ kind: "activateClient" })),
    sayDone: named(({ context }) => ({ key: "onboarding.done", vars: { name: context.callName, coach: context.coachName } })),
  },
  guards: {
    ...controlGuards,
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
  // Onboarding has no park ending: "niet nu" and "later" are answers here (`parks` false).
  states: {
    consent: question("consent", [say("onboarding.welcome"), "sayWhoAmI", "sayWhatWeSave", askConsent], CONSENT_ANSWERS, "own", false),
    /** Asks the consent question again without repeating the whole introduction. */
    consentAgain: question("consentAgain", askConsent, CONSENT_ANSWERS, "own", false),
    /** "Not now": nothing is saved beyond the link to the coach; any message brings the question back. */
    consentLater: question("consentLater", "sayLaterOk", [{ target: "consentAgain" }], "own", false),
    /** "Eerst aan Sam vragen": a good idea; nothing is recorded, the question comes back with the next message. */
    consentAskCoach: question("consentAskCoach", "sayAskCoachOk", [{ target: "consentAgain" }], "own", false),
    /** A refusal forgets everything and unlinks the chat: it is confirmed first, with buttons. */
    refuseCheck: question(
      "refuseCheck",
      say("onboarding.consent.refuseCheck", undefined, [
        [{ id: "yes", label: "onboarding.consent.refuseYes" }],
        [{ id: "no", label: "onboarding.consent.refuseNo" }],
      ]),
      [
        { guard: "saidYes", target: "refused" },
        { guard: "saidNo", target: "consentAgain", actions: say("onboarding.consent.refuseUndone") },
        { guard: "saidLater", target: "consentLater" },
        { guard: "asksCoach", target: "consentAskCoach" },
        { target: "refuseCheck", reenter: true, actions: say("onboarding.consent.unclear") },
      ],
      "own",
      false,
    ),
    refused: {
      type: "final",
      entry: ["refuseConsent", "forgetClient", "sayGoodbye"],
    },
    name: question(
      "name",
      "askName",
      [
        { guard: "keepsName", target: "reminders", actions: "saveCallName" },
        { guard: "typedName", target: "reminders", actions: ["keepTypedName", "saveCallName"] },
        { target: "name", reenter: true, actions: say("onboarding.name.invalid") },
      ],
      "own",
      false,
    ),
    reminders: question(
      "reminders",
      "askReminders",
      [
        { guard: "saidYes", target: "remindersWhen" },
        { guard: "saidNo", target: "done", actions: ["remindersOff", say("onboarding.reminders.noOk")] },
        { guard: "saidLater", target: "done", actions: ["remindersOff", say("onboarding.reminders.laterOk")] },
      ],
      "pick",
      false,
    ),
    remindersWhen: question("remindersWhen", say("onboarding.reminders.when", undefined, DAYPART_ROWS), [{ guard: "choseDaypart", target: "remindersRhythm", actions: "keepDaypart" }], "pick", false),
    remindersRhythm: question("remindersRhythm", say("onboarding.reminders.rhythm", undefined, RHYTHM_ROWS), [{ guard: "choseRhythm", target: "done", actions: ["remindersOn", say("onboarding.reminders.yesOk")] }], "pick", false),
    done: {
      type: "final",
      entry: ["activate", "sayDone"],
    },
  },
});

export const onboarding: FlowDefinition = {
  id: "onboarding",
  version: 1,
  machine: onboardingMachine,
};
