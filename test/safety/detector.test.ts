/**
 * The crisis detector measured as a coach would judge it: on the project's labelled messages
 * (recall per kind of danger, false alarms per kind of harmless message), and on sets it was
 * never tuned on. The tables are printed on every run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelSource } from "../../scripts/crisis-model.js";
import { crisisDoubt, crisisHits, detectCrisis } from "../../src/domain/safety/detect.js";
import type { CrisisCategory } from "../../src/domain/safety/index.js";
import type { Label, Row } from "./labelled.js";
import { MESSAGES_FOURTH } from "./messages-fourth.js";
import { MESSAGES_MORE } from "./messages-more.js";
import { MESSAGES_THIRD } from "./messages-third.js";
import { MESSAGES as FIRST } from "./messages.js";

/** The project's labelled set: four batches by four authors, all written without the detector. */
const MESSAGES = [...FIRST, ...MESSAGES_MORE, ...MESSAGES_THIRD, ...MESSAGES_FOURTH];
import { UNSEEN_DEV } from "./unseen-dev.js";

const CATEGORIES: readonly CrisisCategory[] = ["suicide", "selfharm", "overdose", "violence", "sexual", "danger"];

interface Score {
  recall: number;
  falseAlarms: number;
  lines: string[];
  missed: string[];
  alarmed: string[];
  acuteRecall: number;
  /** Crisis messages missed, but asked about ("Ben je in gevaar?"), and harmless ones asked about. */
  askedMissed: number;
  askedHarmless: number;
}

const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);

function measure(rows: readonly Row[]): Score {
  const hit = new Map<string, [number, number]>();
  const fa = new Map<string, [number, number]>();
  const missed: string[] = [];
  const alarmed: string[] = [];
  let acute = 0;
  let acuteFound = 0;
  let askedMissed = 0;
  let askedHarmless = 0;
  for (const [label, text, tag] of rows) {
    const s = detectCrisis(text);
    if (label === "none") {
      const k = tag ?? "chat";
      const c = fa.get(k) ?? [0, 0];
      c[1]++;
      if (s) {
        c[0]++;
        alarmed.push(`${s.rule}: ${text}`);
      } else if (crisisDoubt(text)) askedHarmless++;
      fa.set(k, c);
      continue;
    }
    const c = hit.get(label) ?? [0, 0];
    c[1]++;
    if (s?.categories.includes(label)) c[0]++;
    else {
      missed.push(`${label} (${s ? s.categories.join(",") : "nothing"}): ${text}`);
      if (!s && crisisDoubt(text)) askedMissed++;
    }
    hit.set(label, c);
    if (tag === "acute") {
      acute++;
      if (s?.acute) acuteFound++;
    }
  }
  const sum = (m: Map<string, [number, number]>) => [...m.values()].reduce((a, [x, y]) => [a[0] + x, a[1] + y], [0, 0]);
  const [h, n] = sum(hit);
  const [f, none] = sum(fa);
  const lines = [
    ...CATEGORIES.filter((c) => hit.has(c)).map((c) => `  ${c.padEnd(9)} recall ${pct(...hit.get(c)!).padStart(6)}  (${hit.get(c)![0]}/${hit.get(c)![1]})`),
    ...[...fa.entries()].map(([k, [x, y]]) => `  ${k.padEnd(9)} false alarms ${pct(x, y).padStart(6)}  (${x}/${y})`),
    `  all       recall ${pct(h, n)}, false alarms ${pct(f, none)}, danger now seen as acute ${pct(acuteFound, acute)}`,
    `  asked     "Ben je in gevaar?": ${askedMissed} of the ${n - h} missed crisis messages, ${askedHarmless} of ${none - f} harmless ones`,
  ];
  return { recall: h / n, falseAlarms: f / none, lines, missed, alarmed, acuteRecall: acute ? acuteFound / acute : 1, askedMissed, askedHarmless };
}

function report(name: string, s: Score): void {
  const detail = [...s.missed.map((m) => `  missed   ${m}`), ...s.alarmed.map((a) => `  alarmed  ${a}`)];
  console.log([`crisis detector on ${name}:`, ...s.lines, ...detail].join("\n"));
}

function holdout(): Row[] {
  const rows = JSON.parse(readFileSync(new URL("./holdout/crisis-holdout.json", import.meta.url), "utf8")) as { text: string; label: Label }[];
  return rows.map((r) => [r.label, r.text] as const);
}

describe("the crisis detector", () => {
  it("on the project's labelled messages: at least 97% recall, at most 3% false alarms", () => {
    const s = measure(MESSAGES);
    report(`the project's set (${MESSAGES.length} messages)`, s);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.falseAlarms).toBeLessThanOrEqual(0.03);
    expect(s.acuteRecall).toBeGreaterThanOrEqual(0.9);
  });

  it("on messages it was never tuned on: the development check and the held-out set", () => {
    const dev = measure(UNSEEN_DEV);
    report(`the unseen development set (${UNSEEN_DEV.length} messages)`, dev);
    const held = holdout();
    const h = measure(held);
    report(`the held-out set (${held.length} messages)`, h);
    // The goal on unseen messages: 95% recall, at most 5% false alarms. The development set
    // reaches it; the held-out set (another author's style) not yet: its floor keeps what has
    // been reached, and the printed table shows how far from the goal it is.
    expect(dev.recall).toBeGreaterThanOrEqual(0.95);
    expect(dev.falseAlarms).toBeLessThanOrEqual(0.05);
    expect(h.recall).toBeGreaterThanOrEqual(0.9);
    expect(h.falseAlarms).toBeLessThanOrEqual(0.05);
  });

  it("the committed model is the one the labelled sets give (npm run safety:model)", () => {
    expect(readFileSync(new URL("../../src/domain/safety/model-data.ts", import.meta.url), "utf8")).toBe(modelSource());
  });

  it("names the category and the rule that fired, and the words, so a coach can see why", () => {
    const s = detectCrisis("ik heb een scheermes klaargelegd voor vannacht");
    expect(s).toMatchObject({ category: "suicide", acute: true, rule: "suicide.method-ready" });
    expect(s?.matched).toContain("scheermes");
    for (const [label, text] of MESSAGES) {
      if (label === "none") continue;
      for (const h of crisisHits(text)) expect(h.rule.id).toMatch(/^(suicide|selfharm|overdose|violence|sexual|danger)\.[a-z-]+$/);
    }
  });

  it("reads an alarm in the middle of a long message, and a harmless long message as harmless", () => {
    const filler = "ik heb vandaag boodschappen gedaan en de brief van de gemeente gelezen. ".repeat(40);
    expect(detectCrisis(`${filler} ik wil niet meer leven. ${filler}`)?.category).toBe("suicide");
    expect(detectCrisis(filler)).toBeNull();
    expect(detectCrisis("x".repeat(5000))).toBeNull();
  });

  it("gives the most serious category first and lists the others", () => {
    const s = detectCrisis("hij slaat me. ik heb al mijn pillen ingenomen");
    expect(s?.category).toBe("overdose");
    expect(s?.categories).toEqual(expect.arrayContaining(["overdose", "violence"]));
  });

  it("masks an idiom without hiding a real signal next to it", () => {
    expect(detectCrisis("ik schaam me dood")).toBeNull();
    expect(detectCrisis("ik schaam me dood en eigenlijk wil ik ook echt dood")?.category).toBe("suicide");
  });

  it("a crisis that is over is not an alarm, but one that is back is", () => {
    expect(detectCrisis("vroeger dacht ik aan zelfmoord, nu gaat het goed met me")).toBeNull();
    expect(detectCrisis("vroeger dacht ik aan zelfmoord en nu weer")?.category).toBe("suicide");
  });
});
