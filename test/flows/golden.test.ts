/**
 * Golden transcripts: readable Dutch example conversations generated from the real machines and
 * the real nl texts, kept in test/golden/. A change in a flow or a text shows up as a diff there.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/flows/golden.test.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import type { AnyStateMachine } from "xstate";
import { describe, expect, it } from "vitest";
import { checkinMachine } from "../../flows/checkin.js";
import { growMachine } from "../../flows/grow.js";
import { miracleMachine } from "../../flows/miracle.js";
import { scalingMachine } from "../../flows/scaling.js";
import type { ClientEvent, Effect, FlowInput, Say, Vars } from "../../flows/types.js";
import { chose, inputFor, said, send, start } from "./drive.js";

const GOLDEN = path.resolve(import.meta.dirname, "../golden");
const NL: unknown = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../locales/nl/client.json"), "utf8"));

/** The Dutch text of a key with {{vars}} filled in; an unknown key fails loudly. */
function text(key: string, vars: Vars = {}): string {
  const raw = key.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), NL);
  if (typeof raw !== "string") throw new Error(`no Dutch text for ${key}`);
  return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

function effectLine(e: Effect): string {
  const { kind, ...rest } = e;
  return `   (opgeslagen: ${kind} ${JSON.stringify(rest)})`;
}

function sayLines(s: Say): string[] {
  const lines = [`Bot: ${text(s.key, s.vars).replace(/\n/g, "\n     ")}`];
  for (const row of s.choices ?? []) lines.push(`   ${row.map((c) => `[${text(c.label, c.vars)}]`).join(" ")}`);
  return lines;
}

/** Plays a conversation and writes it down as "Bot: ..." / "Jij: ..." lines. */
export function transcript(title: string, machine: AnyStateMachine, input: FlowInput, events: ClientEvent[]): string {
  const lines = [`# ${title}`, `# Gemaakt door test/flows/golden.test.ts uit de echte gesprekken en teksten. Niet met de hand aanpassen.`, ""];
  let turn = start(machine, input);
  let buttons = turn.says.flatMap((s) => (s.choices ?? []).flat());
  const show = () => {
    for (const s of turn.says) lines.push(...sayLines(s));
    for (const e of turn.effects) lines.push(effectLine(e));
  };
  show();
  for (const e of events) {
    if (e.type === "client.said") lines.push(`Jij: ${e.text === "" ? "(leeg bericht)" : e.text}`);
    else {
      const b = buttons.find((c) => c.id === e.choice);
      lines.push(`Jij: [${b ? text(b.label, b.vars) : e.choice}]`);
    }
    turn = send(machine, turn, e);
    buttons = turn.says.flatMap((s) => (s.choices ?? []).flat());
    show();
  }
  lines.push("", turn.snap.status === "done" ? "(einde gesprek)" : `(wacht op antwoord in ${JSON.stringify(turn.snap.value)})`);
  return `${lines.join("\n")}\n`;
}

const cases: [file: string, render: () => string][] = [
  [
    "grow.txt",
    () =>
      transcript("Doel en plan (GROW) met Samira: een vaag doel, een correctie en 'niet nu' op het einde", growMachine, inputFor(), [
        said("Ik wil werk vinden"),
        said("Voor de zomer"),
        said("Slecht"),
        said("Mijn buurman helpt soms met brieven"),
        said("Bellen, mailen of langsgaan bij winkels"),
        said("Langsgaan"),
        said("Ze zien me dan echt"),
        said("Ik vind het eng"),
        said("Bij drie winkels in de wijk vragen of ze iemand zoeken"),
        said("1 maart"),
        said("vrijdag"),
        said(""),
        said("Mijn buurman Kees"),
        said("12"),
        said("zeven"),
        said("Als Kees de eerste keer meegaat"),
        said("nee"),
        chose("step"),
        said("Bij twee winkels vragen"),
        said("ja klopt"),
        said("niet nu"),
      ]),
  ],
  [
    "miracle.txt",
    () =>
      transcript("De vraag over het wonder, met Samira: een antwoord over anderen wordt teruggebracht naar haarzelf", miracleMachine, inputFor(), [
        said("Mijn man is dan niet meer boos"),
        said("Ik ben rustig en ik slaap goed"),
        said("Mijn dochter"),
        said("Ik zet muziek aan en ik ruim de keuken op"),
        chose("yes"),
      ]),
  ],
  [
    "scaling.txt",
    () =>
      transcript("Hoe ver ben je (een cijfer), met een vorig cijfer 4: getypt antwoord, een cijfer dat niet past en 'niet nu'", scalingMachine, inputFor({ scale: "PROGRESS", previousScore: 4 }), [
        said("12"),
        said("een 6 of zo"),
        said("Ik heb elke dag een uur gezocht op internet"),
        said("niet nu"),
        said("over 3 dagen"),
      ]),
  ],
  [
    "checkin.txt",
    () =>
      transcript("Kort gesprekje met Samira: een laag cijfer en een stap die nog niet lukte", checkinMachine, inputFor({ step: { id: "step-1", what: "De huisarts bellen" } }), [
        chose("3"),
        said("Voor mijn kinderen. Zij hebben mij nodig."),
        said("Zondag, toen mijn zus op bezoek was"),
        chose("notYet"),
        said("Ik durfde niet te bellen"),
        chose("yes"),
        said("Het nummer opzoeken en opschrijven"),
      ]),
  ],
];

describe("golden transcripts", () => {
  it.each(cases)("%s matches the machines and the Dutch texts", (file, render) => {
    const actual = render();
    const target = path.join(GOLDEN, file);
    if (process.env["UPDATE_GOLDEN"] === "1") {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(target, actual);
    }
    expect(fs.existsSync(target), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(fs.readFileSync(target, "utf8"));
  });
});
