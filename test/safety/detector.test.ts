/**
 * The crisis detector measured as a coach would judge it: on the project's labelled messages
 * (recall per kind of danger, false alarms per kind of harmless message), and on sets it was
 * never tuned on. The tables are printed on every run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectCases } from "../support/cases.js";
import { modelSource } from "../../scripts/crisis-model.js";
import { crisisDoubt, crisisHits, detectCrisis } from "../../src/domain/safety/detect.js";
import type { CrisisCategory } from "../../src/domain/safety/index.js";
import type { Label, Row } from "./labelled.js";
import { MESSAGES_FOURTH } from "./messages-fourth.js";
import { MESSAGES_MORE } from "./messages-more.js";
import { MESSAGES_THIRD } from "./messages-third.js";
import { MESSAGES as FIRST } from "./messages.js";
import { JSON_SETS } from "./sets.js";

/** The project's labelled set: eight batches by eight authors, all written without the detector (set 9 for the weak kinds of the fifth held-out set). */
const MESSAGES = [...FIRST, ...MESSAGES_MORE, ...MESSAGES_THIRD, ...MESSAGES_FOURTH, ...JSON_SETS];
import { UNSEEN_DEV } from "./unseen-dev.js";

/** The sixth held-out set's floors: just below what it measured (see the README's table). */
const FLOOR6 = { recall: 0.87, falseAlarms: 0.095 };

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

function holdout(file: string): Row[] {
  const rows = JSON.parse(readFileSync(new URL(`./holdout/${file}`, import.meta.url), "utf8")) as { text: string; label: Label; note?: string }[];
  return rows.map((r) => (r.label !== "none" && r.note?.startsWith("acute") ? ([r.label, r.text, "acute"] as const) : ([r.label, r.text] as const)));
}

describe("the crisis detector", () => {
  // Thousands of messages: on a busy machine that is more than the default 30 s.
  it("on the project's labelled messages: at least 97% recall, at most 3% false alarms", { timeout: 180_000 }, () => {
    const s = measure(MESSAGES);
    report(`the project's set (${MESSAGES.length} messages)`, s);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.falseAlarms).toBeLessThanOrEqual(0.03);
    expect(s.acuteRecall).toBeGreaterThanOrEqual(0.9);
  });

  it("on messages it was never tuned on: the development check and the held-out set", () => {
    const dev = measure(UNSEEN_DEV);
    report(`the unseen development set (${UNSEEN_DEV.length} messages)`, dev);
    const held = holdout("crisis-holdout.json");
    const h = measure(held);
    report(`the first held-out set (${held.length} messages)`, h);
    const last = holdout("crisis-holdout-4.json");
    const l = measure(last);
    report(`the fourth held-out set (${last.length} messages, now a development set)`, l);
    // The goal on unseen messages: 95% recall, at most 5% false alarms. None of these sets is
    // unseen any more: the first held-out set's misses were read once; the fourth and the fifth
    // (89.8%/5.3% and 84.4%/5.8% when unseen) became development sets, their misses and false
    // alarms read and fixed as kinds of sentence. Their floors keep what has been reached; how
    // Koers does on a new author's messages is measured on held-out sets it has never seen.
    // The model is trained on these sets too; `npm run safety:lofo` measures it on each set left out.
    expect(dev.recall).toBeGreaterThanOrEqual(0.98);
    expect(dev.falseAlarms).toBeLessThanOrEqual(0.02);
    expect(h.recall).toBeGreaterThanOrEqual(0.98);
    expect(h.falseAlarms).toBeLessThanOrEqual(0.035);
    expect(l.recall).toBeGreaterThanOrEqual(0.98);
    expect(l.falseAlarms).toBeLessThanOrEqual(0.03);
    const fifth = holdout("crisis-holdout-5.json");
    const f = measure(fifth);
    report(`the fifth held-out set (${fifth.length} messages, now a development set)`, f);
    expect(f.recall).toBeGreaterThanOrEqual(0.98);
    expect(f.falseAlarms).toBeLessThanOrEqual(0.02);
  });

  // The one set nobody on the detector has read: 634 messages by 22 imagined writers, written by an
  // author who never saw the code, the sets or the detector's output. Only its totals are printed
  // (never its misses), and the model is not trained on it (scripts/crisis-model.ts lists its
  // sets), so it stays an honest measure of new writers. Far from the 95% / 5% goal; the floors
  // keep what is reached.
  it("on the sixth held-out set, never read: the totals only", () => {
    const sixth = holdout("crisis-holdout-6.json");
    const s = measure(sixth);
    console.log([`crisis detector on the sixth held-out set (${sixth.length} messages, never read):`, ...s.lines].join("\n"));
    expect(s.recall).toBeGreaterThanOrEqual(FLOOR6.recall);
    expect(s.falseAlarms).toBeLessThanOrEqual(FLOOR6.falseAlarms);
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

  it("laughter makes a wish to be dead a question, unless the writer says it is no joke", () => {
    expect(detectCrisis("ik wil dood haha")).toBeNull();
    expect(crisisDoubt("ik wil dood haha")?.category).toBe("suicide");
    expect(detectCrisis("ik wil dood haha, nee serieus")?.category).toBe("suicide");
    expect(detectCrisis("lol ik ga het zelf beeindigen, geen grap")?.category).toBe("suicide");
    // A plan or a means is never made lighter by laughter.
    expect(detectCrisis("haha de pillen liggen klaar voor vannacht")?.category).toBe("suicide");
  });

  it("a question about someone else is no alarm about the writer; the writer's own hurt still is", () => {
    expect(detectCrisis("mijn beste vriend denkt aan zelfmoord, wat moet ik doen?")).toBeNull();
    expect(detectCrisis("ik heb een blauw oog van mn vriend, wat moet ik doen")?.category).toBe("violence");
    expect(detectCrisis("mijn vriendin staat op de rand van de brug en wil niet luisteren")?.category).toBe("danger");
  });

  it("short acute messages: someone here or coming, cannot talk, hiding; not the busy look-alikes", () => {
    expect(detectCrisis("ik kan niet bellen ze zijn binnen")?.category).toBe("danger");
    expect(detectCrisis("help ze komt eraan")?.category).toBe("danger");
    expect(detectCrisis("ik zit verstopt in de wc hij is binnen")?.category).toBe("danger");
    expect(detectCrisis("ik doe niet open hij zegt dat hij de deur intrapt")?.category).toBe("danger");
    expectCases(detectCrisis, [["hij komt zo thuis", null], ["kan nu niet praten, ben op werk", null], ["kan nu niet praten hij is hier, bel je later", null], ["help mijn schoonmoeder komt eraan", null], ["ik doe niet open voor de colporteur haha", null]]);
  });

  it("someone else on the edge of a bridge or on the rails is danger now; chat spelling and cutting with scissors are read", () => {
    expect(detectCrisis("er zit een jongen op de reling van de brug")?.category).toBe("danger");
    expect(detectCrisis("mijn zus loopt langs het spoor en neemt niet op")?.categories).toEqual(["danger", "suicide"]);
    expect(detectCrisis("mijn zoon heeft tevee pillen geslikt")?.categories).toContain("overdose");
    expect(detectCrisis("ik heb in mn arm geknipt")?.category).toBe("selfharm");
    expect(detectCrisis("ik heb mezelf geknipt, mijn pony is scheef")).toBeNull();
    expect(detectCrisis("ik heb de nagels van mijn dochter geknipt")).toBeNull();
  });

  it("the writer's own threat to hurt someone is violence; a game, a joke or a chore is not", () => {
    expect(detectCrisis("ik steek die gast morgen neer, ik weet waar hij woont")?.categories).toContain("violence");
    expect(detectCrisis("als ze mijn uitkering stopzetten kom ik met een mes naar het gemeentehuis")?.categories).toContain("violence");
    expectCases(detectCrisis, [["ik maak die gast kapot in fortnite vanavond", null], ["ik vermoord mijn broer als hij weer mijn chips opeet haha", null], ["ik sloop morgen de oude keuken eruit met mijn broer", null]]);
    expect(detectCrisis("mijn zoon neemt een mes mee naar kamp om hout te snijden")?.rule ?? "").not.toMatch(/my-threat/);
  });

  it("after 'nu' the Dutch verb comes first: 'nu ben ik blij' says it is over as well as 'ik ben nu blij'", () => {
    expect(detectCrisis("drie jaar geleden wilde ik niet meer leven, nu ben ik blij dat ik nog hier ben. ik heb weer werk")).toBeNull();
    expect(detectCrisis("ik ben 4 jaar clean vandaag, vroeger heb ik twee keer een overdosis gehad")).toBeNull();
    expect(detectCrisis("ik was 2 jaar clean maar vandaag heb ik weer gesneden")?.category).toBe("selfharm");
  });

  it("a child hurt at home is answered even when the writer asks what to do for someone else", () => {
    expect(detectCrisis("mijn nicht vertelde dat haar stiefvader haar aanraakt, ze is 9, wat moet ik doen")?.categories).toContain("sexual");
    expect(detectCrisis("mijn vriend heeft te veel GHB gepakt en hij wordt niet wakker wat moet ik doen")?.categories).toContain("overdose");
    expect(detectCrisis("mijn vriendin wordt geslagen door haar man, hoe kan ik haar helpen")).toBeNull();
  });

  it("a crisis that is over is not an alarm, but one that is back is", () => {
    expect(detectCrisis("tien jaar geleden wilde ik niet meer leven. ik ben goed geholpen en nu gaat het al jaren goed")).toBeNull();
    expect(detectCrisis("vorig jaar heb ik het al eens geprobeerd en nu is dat gevoel er weer")?.category).toBe("suicide");
    expect(detectCrisis("vroeger dacht ik aan zelfmoord, nu gaat het goed met me")).toBeNull();
    expect(detectCrisis("vroeger dacht ik aan zelfmoord en nu weer")?.category).toBe("suicide");
  });
});
