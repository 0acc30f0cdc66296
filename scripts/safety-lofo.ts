/**
 * `npm run safety:lofo`: leave-one-set-out measurement of the crisis detector, the estimate of
 * how it does on a new author's messages. The labelled messages come in sets, each written by
 * another author; for each set S the model is trained on all the other sets and the detector
 * (rules + that model) is measured on S. The rules are fixed text tuned on every set, so their
 * part of the numbers is optimistic; the model's part is honest. The "model alone" columns show
 * the model without the rules (the part that carries over to new writers).
 *
 * Columns: cat = recall with the right category, any = any alarm on a crisis message, fa = false
 * alarms, ask = "Ben je in gevaar?" asked of the crisis messages missed / of the harmless ones,
 * m-rec / m-fa = the model alone above its alarm threshold. The detector's model is the more
 * worried of a naive Bayes and a logistic model; `-- --nb`, `-- --lr` and `-- --pieces` measure
 * naive Bayes alone, the logistic model alone, and the logistic model with word pieces.
 */
import { fileURLToPath } from "node:url";
import { crisisDoubt, crisisTokens, detectCrisis } from "../src/domain/safety/detect.js";
import { MODEL_THRESHOLD, type ModelClass, type Scorer } from "../src/domain/safety/model.js";
import { labelledSets, trainLogisticAlone, trainNaiveBayes, trainScorer, type LabelledSet } from "./crisis-model.js";

export interface SetScore {
  name: string;
  crisis: number;
  harmless: number;
  right: number;
  any: number;
  falseAlarms: number;
  askedMissed: number;
  askedHarmless: number;
  modelHit: number;
  modelFalse: number;
}

export function measureSet(set: LabelledSet, scorer: Scorer | undefined): SetScore {
  const s: SetScore = { name: set.name, crisis: 0, harmless: 0, right: 0, any: 0, falseAlarms: 0, askedMissed: 0, askedHarmless: 0, modelHit: 0, modelFalse: 0 };
  for (const [label, text] of set.rows) {
    const signal = detectCrisis(text, scorer);
    const asked = !signal && crisisDoubt(text, scorer) !== null;
    const modelAlarm = scorer ? scorer(crisisTokens(text)).score > MODEL_THRESHOLD : false;
    if (label === "none") {
      s.harmless++;
      if (signal) s.falseAlarms++;
      if (asked) s.askedHarmless++;
      if (modelAlarm) s.modelFalse++;
    } else {
      s.crisis++;
      if (signal) s.any++;
      if (signal?.categories.includes(label)) s.right++;
      if (asked) s.askedMissed++;
      if (modelAlarm) s.modelHit++;
    }
  }
  return s;
}

/** A scorer that never scores: the rules alone. */
const NO_MODEL: Scorer = () => ({ score: -Infinity, category: "suicide", categories: ["suicide"], evidence: [] });

const pct = (n: number, d: number) => (d === 0 ? "-" : ((100 * n) / d).toFixed(1));

export function leaveOneSetOut(train: (rows: readonly (readonly [ModelClass, string[]])[]) => Scorer = trainScorer): { rules: SetScore[]; lofo: SetScore[] } {
  const sets = labelledSets();
  const tokenised = sets.map((set) => set.rows.map(([label, text]) => [label, crisisTokens(text)] as const));
  const rules: SetScore[] = [];
  const lofo: SetScore[] = [];
  sets.forEach((set, i) => {
    const scorer = train(tokenised.filter((_, j) => j !== i).flat());
    rules.push(measureSet(set, NO_MODEL));
    lofo.push(measureSet(set, scorer));
  });
  return { rules, lofo };
}

function table(rules: readonly SetScore[], lofo: readonly SetScore[]): string {
  const head = `${"set".padEnd(16)} ${"n".padStart(9)} | rules: cat   any   fa | lofo: cat   any   fa  ask(miss/harmless) | model alone: rec    fa`;
  const row = (r: SetScore, l: SetScore) =>
    `${r.name.padEnd(16)} ${`${r.crisis}/${r.harmless}`.padStart(9)} |     ${pct(r.right, r.crisis).padStart(5)} ${pct(r.any, r.crisis).padStart(5)} ${pct(r.falseAlarms, r.harmless).padStart(4)} |  ${pct(l.right, l.crisis).padStart(5)} ${pct(l.any, l.crisis).padStart(5)} ${pct(l.falseAlarms, l.harmless).padStart(4)}  ${`${l.askedMissed}/${l.askedHarmless}`.padStart(8)}           |             ${pct(l.modelHit, l.crisis).padStart(5)} ${pct(l.modelFalse, l.harmless).padStart(5)}`;
  const lines = [head, "-".repeat(head.length), ...rules.map((r, i) => row(r, lofo[i]!))];
  const rate = (xs: readonly SetScore[], f: (s: SetScore) => number, d: (s: SetScore) => number) => xs.map((s) => (d(s) ? f(s) / d(s) : 0));
  const mean = (v: number[]) => (100 * v.reduce((a, b) => a + b, 0)) / v.length;
  const cols: [string, (s: SetScore) => number, (s: SetScore) => number, boolean][] = [
    ["cat", (s) => s.right, (s) => s.crisis, false],
    ["any", (s) => s.any, (s) => s.crisis, false],
    ["fa", (s) => s.falseAlarms, (s) => s.harmless, true],
    ["model rec", (s) => s.modelHit, (s) => s.crisis, false],
    ["model fa", (s) => s.modelFalse, (s) => s.harmless, true],
  ];
  for (const [name, which] of [["rules", rules], ["lofo", lofo]] as const) {
    const parts = cols
      .filter(([n]) => name === "lofo" || !n.startsWith("model"))
      .map(([n, f, d, worstIsMax]) => {
        const v = rate(which, f, d);
        const worst = 100 * (worstIsMax ? Math.max(...v) : Math.min(...v));
        return `${n} mean ${mean(v).toFixed(1)} worst ${worst.toFixed(1)}`;
      });
    const asked = which.reduce<[number, number, number, number]>((a, s) => [a[0] + s.askedMissed, a[1] + s.askedHarmless, a[2] + s.crisis - s.any, a[3] + s.harmless - s.falseAlarms], [0, 0, 0, 0]);
    lines.push(`${name.padEnd(5)}: ${parts.join(", ")}; asked ${asked[0]} of ${asked[2]} missed, ${asked[1]} of ${asked[3]} harmless`);
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // For comparison: --nb the naive Bayes model alone (the detector's only model before), --lr the
  // logistic model alone, --pieces the logistic model alone with word pieces.
  const flag = (f: string) => process.argv.includes(f);
  const train = flag("--nb") ? trainNaiveBayes : flag("--lr") ? trainLogisticAlone : flag("--pieces") ? (rows: Parameters<typeof trainScorer>[0]) => trainLogisticAlone(rows, { pieces: true }) : trainScorer;
  const { rules, lofo } = leaveOneSetOut(train);
  console.log(table(rules, lofo));
}
