import { describe, expect, it } from "vitest";
import { readButton, readDay, readDaypart, readGoOn, readIntent, readRhythm, readScore, type ButtonOption, type Read } from "../../../flows/lib/readers.js";
import nl from "../../../locales/nl/client.json" with { type: "json" };
import { NOW } from "../drive.js";
import { DEV, type Labelled, type ReaderName } from "./messages-dev.js";
import { UNSEEN } from "./messages-unseen.js";

/**
 * Each reader must get at least this share of its labelled messages right. 95%: a wrong reading
 * costs at most one extra question (every unclear answer is asked again with buttons), and what
 * matters most is tested on its own: no message that is not consent is ever read as yes.
 */
const THRESHOLD = 0.95;

type Tree = { [k: string]: string | Tree };
const label = (key: string): string => key.split(".").reduce<string | Tree>((o, k) => (typeof o === "string" ? o : (o[k] as Tree)), nl as Tree) as string;
const buttons = (pairs: Record<string, string>): ButtonOption[] => Object.entries(pairs).map(([id, key]) => ({ id, label: label(key) }));

/** The button sets of the labelled messages, with their real Dutch labels. */
export const BUTTONS: Record<string, ButtonOption[]> = {
  check: buttons({ yes: "grow.summary.yes", no: "grow.summary.no" }),
  park: buttons({ tomorrow: "controls.park.tomorrow", nextWeek: "controls.park.nextWeek", self: "controls.park.self" }),
  step: buttons({ done: "checkin.step.done", partly: "checkin.step.partly", notYet: "checkin.step.notYet" }),
  remindersMenu: buttons({
    changeDaypart: "reminders.flow.changeDaypart", changeRhythm: "reminders.flow.changeRhythm", turnOff: "reminders.flow.turnOff", keep: "reminders.flow.keep",
  }),
  fix: buttons({ goal: "grow.fix.goal", step: "grow.fix.step", when: "grow.fix.when", helper: "grow.fix.helper" }),
  menu: buttons({ grow: "menu.grow", checkin: "menu.checkin", miracle: "menu.miracle", scaling: "menu.scaling", later: "menu.later" }),
  consent: buttons({ yes: "onboarding.consent.yes", later: "onboarding.consent.later", no: "onboarding.consent.no" }),
};

function shown<T>(r: Read<T>): string | number {
  if ("unclear" in r) return "unclear";
  const v = r.value as unknown;
  if (v && typeof v === "object" && "everyDays" in v) {
    const rh = v as { everyDays: number; weekday?: number };
    return rh.weekday ? `${rh.everyDays}@${rh.weekday}` : String(rh.everyDays);
  }
  return v as string | number;
}

function read(m: Labelled): string | number {
  switch (m.r) {
    case "intent": return shown(readIntent(m.t, { coachName: "Sam" }));
    case "score": return shown(readScore(m.t));
    case "day": {
      const r = readDay(m.t, NOW);
      return "unclear" in r && r.reason === "past" ? "past" : shown(r);
    }
    case "daypart": return shown(readDaypart(m.t));
    case "rhythm": return shown(readRhythm(m.t));
    case "button": return shown(readButton(m.t, BUTTONS[m.o ?? ""] ?? []));
    case "goOn": return shown(readGoOn(m.t));
  }
}

const READERS: ReaderName[] = ["intent", "score", "day", "daypart", "rhythm", "button", "goOn"];

function score(set: Labelled[], name: string) {
  const rows = READERS.map((r) => {
    const ms = set.filter((m) => m.r === r);
    const wrong = ms.filter((m) => read(m) !== m.e).map((m) => `${JSON.stringify(m.t)}: read ${JSON.stringify(read(m))}, expected ${JSON.stringify(m.e)}`);
    return { reader: r, total: ms.length, right: ms.length - wrong.length, accuracy: ms.length ? (ms.length - wrong.length) / ms.length : 1, wrong };
  });
  const lines = rows.map((x) => `  ${x.reader.padEnd(8)} ${String(x.right).padStart(4)}/${String(x.total).padEnd(4)} ${(100 * x.accuracy).toFixed(1)}%`);
  const right = rows.reduce((a, x) => a + x.right, 0);
  console.log(`readers on the ${name} messages (${set.length}): ${((100 * right) / set.length).toFixed(1)}%\n${lines.join("\n")}`);
  for (const x of rows) if (x.wrong.length) console.log(`  ${x.reader} wrong:\n    ${x.wrong.join("\n    ")}`);
  return rows;
}

describe("readers on labelled client messages", () => {
  const all = [...UNSEEN, ...DEV];

  it("has at least 400 messages, with every reader covered", () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    for (const r of READERS) expect(all.filter((m) => m.r === r).length, r).toBeGreaterThanOrEqual(20);
  });

  it("reads no message as consent that is not consent", () => {
    const falseYes = all.filter((m) => m.r === "intent" && m.e !== "yes" && read(m) === "yes").map((m) => m.t);
    expect(falseYes).toEqual([]);
    const falseNo = all.filter((m) => m.r === "intent" && m.e !== "no" && read(m) === "no").map((m) => m.t);
    expect(falseNo).toEqual([]);
  });

  it.each([["unseen", UNSEEN], ["development", DEV]] as const)(`reads the %s messages at ${100 * THRESHOLD}% or better per reader`, (name, set) => {
    for (const row of score(set, name)) expect(row.accuracy, `${row.reader}: ${row.wrong.join("; ")}`).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
