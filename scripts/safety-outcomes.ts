/**
 * `node --import tsx scripts/safety-outcomes.ts <out.jsonl>`: writes what the crisis detector says
 * (detectCrisis and crisisDoubt, in full) about every labelled message, one JSON line each, so a
 * change meant to keep the results (a speed-up) can be checked: run it before and after, then
 * `cmp before.jsonl after.jsonl`, or compare rows by `set` and `k` (the place in the set). The sixth held-out set's messages are counted but their words
 * are not written (nobody working on the detector reads them).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { crisisDoubt, detectCrisis } from "../src/domain/safety/detect.js";
import { labelledSets } from "./crisis-model.js";

const out = process.argv[2];
if (!out) {
  console.error("usage: node --import tsx scripts/safety-outcomes.ts <out.jsonl>");
  process.exit(2);
}
const rows: { set: string; label: string; text: string; hidden?: boolean }[] = [];
for (const s of labelledSets()) for (const [label, text] of s.rows) rows.push({ set: s.name, label, text });
const json = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")) as { text: string; label: string }[];
// The JSON sets not (yet) in the model: measured unseen, then used for rules by kind.
const inModel = new Set(labelledSets().map((s) => s.name));
for (const n of [14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]) {
  if (inModel.has(`set-${n}`)) continue;
  for (const r of json(`../test/safety/sets/set-${n}.json`)) rows.push({ set: `set-${n}`, label: r.label, text: r.text });
}
for (const r of json("../test/safety/holdout/crisis-holdout-6.json")) rows.push({ set: "holdout-6", label: r.label, text: r.text, hidden: true });
// k: the place in its own set, so that two runs with other sets in the model can be compared row by row.
const seen = new Map<string, number>();
const place = (set: string) => {
  const k = seen.get(set) ?? 0;
  seen.set(set, k + 1);
  return k;
};
const lines = rows.map((r, i) => JSON.stringify({ i, set: r.set, k: place(r.set), label: r.label, signal: detectCrisis(r.text), doubt: crisisDoubt(r.text), ...(r.hidden ? {} : { text: r.text }) }));
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${lines.length} outcomes written to ${out}`);
