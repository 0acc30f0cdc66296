/**
 * /herinneringen: the client changes their reminders: on or off, the part of the day, how often
 * a check-in comes. Typed answers work too ("om 10 uur", "elke 3 dagen"); a time that does not
 * exist ("25:00") or falls in the night, and "nooit", get a clear answer. Input `data`:
 * `{ wanted, daypart, everyDays }`, the current settings. Ends with a `setReminders` effect, or
 * with nothing changed.
 */
import { assign, setup } from "xstate";
import { effectWith, outputActions, say, sayWith } from "./lib/actions.js";
import { matchOption, normalise } from "./lib/parse.js";
import { readYesNo } from "./lib/readers.js";
import type { ClientEvent, Daypart, FlowDefinition, FlowInput } from "./types.js";

/** Shortest and longest rhythm a client can choose, in days. */
export const RHYTHM_MIN = 1;
export const RHYTHM_MAX = 28;

interface Context {
  wanted: boolean;
  daypart: Daypart;
  everyDays: number;
  /** What the client is changing: turning reminders on asks both questions. */
  mode: "on" | "daypart" | "rhythm";
  error: string | null;
}

const DAYPART_WORDS: Record<Daypart, string[]> = {
  morning: ["ochtend", "ochtends", "s ochtends", "morgens", "s morgens", "morning"],
  afternoon: ["middag", "middags", "s middags", "afternoon"],
  evening: ["avond", "avonds", "s avonds", "evening"],
};
const NEVER = ["nooit", "never", "geen", "uit", "helemaal niet", "geen herinneringen"];

export type WhenAnswer = { daypart: Daypart } | { error: "noSuchTime" | "night" } | { off: true } | null;

/**
 * Which part of the day a typed time falls in: 08:00-12:29 morning, 12:30-17:29 afternoon,
 * 17:30-20:59 evening; 21:00-07:59 is night, when the bot sends nothing.
 */
export function daypartOfTime(minutes: number): Daypart | null {
  if (minutes >= 8 * 60 && minutes < 12 * 60 + 30) return "morning";
  if (minutes >= 12 * 60 + 30 && minutes < 17 * 60 + 30) return "afternoon";
  if (minutes >= 17 * 60 + 30 && minutes < 21 * 60) return "evening";
  return null;
}

/** A part of the day from a button, a word ("'s avonds") or a time ("om 10 uur", "14:30", "25:00"). */
export function parseWhen(event: ClientEvent): WhenAnswer {
  if (event.type === "client.chose") {
    return event.choice === "morning" || event.choice === "afternoon" || event.choice === "evening" ? { daypart: event.choice } : null;
  }
  const t = normalise(event.text);
  if (NEVER.includes(t)) return { off: true };
  const word = matchOption(event.text, DAYPART_WORDS);
  if (word) return { daypart: word };
  const m = /^(?:om |rond |tegen |at )?(\d{1,2})(?:[:.](\d{1,2}))?\s*(?:uur|u|h)?$/.exec(event.text.trim().toLowerCase());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return { error: "noSuchTime" };
  const daypart = daypartOfTime(hour * 60 + minute);
  return daypart ? { daypart } : { error: "night" };
}

export type RhythmAnswer = { days: number } | { error: "range" } | { off: true } | null;

/** How often, from a button ("7", "14") or text: "elke week", "om de week", "elke 3 dagen", "2 weken". */
export function parseRhythm(event: ClientEvent): RhythmAnswer {
  const t = event.type === "client.chose" ? event.choice : normalise(event.text);
  if (NEVER.includes(t)) return { off: true };
  if (/^(om de week|om de twee weken|elke twee weken|every two weeks)$/.test(t)) return { days: 14 };
  if (/^(elke week|iedere week|wekelijks|week|every week|weekly)$/.test(t)) return { days: 7 };
  if (/^(elke dag|iedere dag|dagelijks|every day|daily)$/.test(t)) return { days: 1 };
  const m = /^(?:elke |iedere |om de |every )?(-?\d{1,3})(?: (dag|dagen|days?|week|weken|weeks?))?$/.exec(t);
  if (!m) return null;
  const days = Number(m[1]) * (m[2] && /^w/.test(m[2]) ? 7 : 1);
  return days >= RHYTHM_MIN && days <= RHYTHM_MAX ? { days } : { error: "range" };
}

function rhythmSay(days: number) {
  if (days === 1) return say("reminders.flow.rhythmNow.daily");
  if (days === 7) return say("reminders.flow.rhythmNow.weekly");
  if (days === 14) return say("reminders.flow.rhythmNow.biweekly");
  return { type: "say" as const, params: { key: "reminders.flow.rhythmNow.days", vars: { count: days } } };
}

const MENU_ROWS = [
  [{ id: "daypart", label: "reminders.flow.changeDaypart" }],
  [{ id: "rhythm", label: "reminders.flow.changeRhythm" }],
  [{ id: "off", label: "reminders.flow.turnOff" }],
  [{ id: "keep", label: "reminders.flow.keep" }],
];

/** What the menu's buttons do; anything else asks the menu's question again. */
const MENU_CHOICES = [
  { guard: { type: "choseMenu", params: "daypart" }, target: "when", actions: "modeDaypart" },
  { guard: { type: "choseMenu", params: "rhythm" }, target: "rhythm", actions: "modeRhythm" },
  { guard: { type: "choseMenu", params: "off" }, target: "confirmOff" },
  { guard: { type: "choseMenu", params: "keep" }, target: "unchanged" },
  { target: "menuAgain", reenter: true, actions: say("common.pickButton") },
] as const;

const yesNo = (yes: string, no: string) => [[{ id: "yes", label: yes }], [{ id: "no", label: no }]];
const answer = (event: ClientEvent) => readYesNo(event, { buttons: { yes: "yes", no: "no", later: "later" } });
const MENU_WORDS = {
  daypart: ["moment", "tijd", "ander moment", "daypart"],
  rhythm: ["hoe vaak", "vaker", "minder vaak", "ritme", "how often"],
  off: ["uit", "stop", "geen herinneringen", "off"],
  keep: ["zo laten", "goed zo", "niks", "niets", "laat maar", "keep"],
};
const menuChoice = (event: ClientEvent) => (event.type === "client.chose" ? event.choice : matchOption(event.text, MENU_WORDS));

export const remindersMachine = setup({
  types: { context: {} as Context, events: {} as ClientEvent, input: {} as FlowInput },
  actions: {
    ...outputActions,
    modeOn: assign({ mode: "on" }),
    modeDaypart: assign({ mode: "daypart" }),
    modeRhythm: assign({ mode: "rhythm" }),
    sayCurrent: sayWith<Context, ClientEvent>(({ context }) => ({ key: `reminders.flow.current.${context.daypart}` })),
    sayRhythm: sayWith<Context, ClientEvent>(({ context }) => rhythmSay(context.everyDays).params),
    sayWhenError: sayWith<Context, ClientEvent>(({ event }) => ({ key: `reminders.flow.${(parseWhen(event) as { error: string }).error}` })),
    keepDaypart: assign({ daypart: ({ event, context }) => (parseWhen(event) as { daypart?: Daypart }).daypart ?? context.daypart }),
    keepRhythm: assign({ everyDays: ({ event, context }) => (parseRhythm(event) as { days?: number }).days ?? context.everyDays }),
    saveOn: effectWith<Context, ClientEvent>(({ context }) => ({ kind: "setReminders", wanted: true, daypart: context.daypart, everyDays: context.everyDays })),
    saySaved: sayWith<Context, ClientEvent>(({ context }) => ({ key: `reminders.flow.saved.${context.daypart}` })),
    saveOff: effectWith<Context, ClientEvent>(() => ({ kind: "setReminders", wanted: false })),
  },
  guards: {
    isOn: ({ context }) => context.wanted,
    saidYes: ({ event }) => answer(event) === "yes",
    saidNo: ({ event }) => answer(event) === "no" || answer(event) === "later",
    choseMenu: ({ event }, id: string) => menuChoice(event) === id,
    whenOff: ({ event }) => parseWhen(event) !== null && "off" in (parseWhen(event) ?? {}),
    whenError: ({ event }) => parseWhen(event) !== null && "error" in (parseWhen(event) ?? {}),
    whenOk: ({ event }) => parseWhen(event) !== null && "daypart" in (parseWhen(event) ?? {}),
    askRhythmNext: ({ context }) => context.mode === "on",
    rhythmOff: ({ event }) => parseRhythm(event) !== null && "off" in (parseRhythm(event) ?? {}),
    rhythmError: ({ event }) => parseRhythm(event) !== null && "error" in (parseRhythm(event) ?? {}),
    rhythmOk: ({ event }) => parseRhythm(event) !== null && "days" in (parseRhythm(event) ?? {}),
  },
}).createMachine({
  id: "reminders",
  context: ({ input }) => {
    const d = input.data ?? {};
    const daypart = d.daypart === "afternoon" || d.daypart === "evening" ? d.daypart : "morning";
    const everyDays = typeof d.everyDays === "number" && d.everyDays >= RHYTHM_MIN && d.everyDays <= RHYTHM_MAX ? d.everyDays : 7;
    return { wanted: d.wanted === true, daypart, everyDays, mode: "on", error: null };
  },
  initial: "start",
  states: {
    start: { always: [{ guard: "isOn", target: "menu" }, { target: "offer" }] },
    offer: {
      entry: say("reminders.flow.offOffer", undefined, yesNo("reminders.flow.yes", "reminders.flow.keepOff")),
      on: {
        "client.*": [
          { guard: "saidYes", target: "when", actions: "modeOn" },
          { guard: "saidNo", target: "unchanged" },
          { target: "offer", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    menu: {
      entry: ["sayCurrent", "sayRhythm", say("reminders.flow.menu", undefined, MENU_ROWS)],
      on: { "client.*": [...MENU_CHOICES] },
    },
    /** The menu's question again, without repeating the current settings. */
    menuAgain: {
      entry: say("reminders.flow.menu", undefined, MENU_ROWS),
      on: { "client.*": [...MENU_CHOICES] },
    },
    when: {
      entry: say("reminders.flow.when", undefined, [
        [{ id: "morning", label: "reminders.flow.morning" }],
        [{ id: "afternoon", label: "reminders.flow.afternoon" }],
        [{ id: "evening", label: "reminders.flow.evening" }],
      ]),
      on: {
        "client.*": [
          { guard: "whenOff", target: "confirmOff" },
          {
            guard: "whenError",
            target: "when",
            reenter: true,
            actions: "sayWhenError",
          },
          {
            guard: "whenOk",
            target: "afterWhen",
            actions: "keepDaypart",
          },
          { target: "when", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    afterWhen: { always: [{ guard: "askRhythmNext", target: "rhythm" }, { target: "savedOn" }] },
    rhythm: {
      entry: say("reminders.flow.rhythm", undefined, [
        [{ id: "7", label: "reminders.flow.weekly" }],
        [{ id: "14", label: "reminders.flow.biweekly" }],
      ]),
      on: {
        "client.*": [
          { guard: "rhythmOff", target: "confirmOff" },
          { guard: "rhythmError", target: "rhythm", reenter: true, actions: say("reminders.flow.rhythmRange") },
          {
            guard: "rhythmOk",
            target: "savedOn",
            actions: "keepRhythm",
          },
          { target: "rhythm", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    confirmOff: {
      entry: say("reminders.flow.offAsk", undefined, yesNo("reminders.flow.offYes", "reminders.flow.offNo")),
      on: {
        "client.*": [
          { guard: "saidYes", target: "savedOff" },
          { guard: "saidNo", target: "unchanged" },
          { target: "confirmOff", reenter: true, actions: say("common.pickButton") },
        ],
      },
    },
    savedOn: {
      type: "final",
      entry: ["saveOn", "saySaved", "sayRhythm"],
    },
    savedOff: {
      type: "final",
      entry: ["saveOff", say("reminders.flow.savedOff")],
    },
    unchanged: { type: "final", entry: say("reminders.flow.unchanged") },
  },
});

export const reminders: FlowDefinition = { id: "reminders", version: 1, machine: remindersMachine };
