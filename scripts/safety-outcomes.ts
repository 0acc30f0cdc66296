/**
 * `node --import tsx scripts/safety-outcomes.ts <out.jsonl>`: writes what the crisis detector says
 * (detectCrisis and crisisDoubt, in full) about every labelled message, one JSON line each, so a
 * change meant to keep the results (a speed-up) can be checked: run it before and after, then
 * `cmp before.jsonl after.jsonl`. The sixth held-out set's messages are counted but their words
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
// The JSON sets outside the model (14 and the later ones, measured unseen and then used for rules by kind).
for (const n of [14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]) for (const r of json(`../test/safety/sets/set-${n}.json`)) rows.push({ set: `set-${n}`, label: r.label, text: r.text });
for (const r of json("../test/safety/holdout/crisis-holdout-6.json")) rows.push({ set: "holdout-6", label: r.label, text: r.text, hidden: true });
const lines = rows.map((r, i) => JSON.stringify({ i, set: r.set, label: r.label, signal: detectCrisis(r.text), doubt: crisisDoubt(r.text), ...(r.hidden ? {} : { text: r.text }) }));
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${lines.length} outcomes written to ${out}`);
