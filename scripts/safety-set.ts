/**
 * `node --import tsx scripts/safety-set.ts <set.json> [--list]`: measures the crisis detector (its
 * rules and the committed model, as the bot runs it) on one labelled JSON set, per category. Meant
 * for a new set before it is taken in (the "measured unseen first" figures in
 * test/safety/sets/README.md). With `--list` it also prints every miss, false alarm and question.
 *
 * Crisis rows: right = an alarm with the labelled category among its categories, any = any alarm,
 * asked = no alarm but "Ben je in gevaar?" (crisisDoubt), acute = alarms marked acute on rows whose
 * note starts with "acute". Harmless rows, per kind (the note up to its first ":"): false alarms
 * and asked.
 */
import { readFileSync } from "node:fs";
import { crisisDoubt, detectCrisis } from "../src/domain/safety/detect.js";

interface JsonRow {
  text: string;
  label: string;
  note?: string;
}

interface Count {
  n: number;
  right: number;
  any: number;
  asked: number;
  acuteRows: number;
  acuteHit: number;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: node --import tsx scripts/safety-set.ts <set.json> [--list]");
  process.exit(2);
}
const list = args.includes("--list");
const rows = JSON.parse(readFileSync(file, "utf8")) as JsonRow[];

const crisis = new Map<string, Count>();
const harmless = new Map<string, Count>();
const notes: string[] = [];
const blank = (): Count => ({ n: 0, right: 0, any: 0, asked: 0, acuteRows: 0, acuteHit: 0 });

for (const r of rows) {
  const signal = detectCrisis(r.text);
  const doubt = signal ? null : crisisDoubt(r.text);
  const note = r.note ?? "";
  if (r.label === "none") {
    const kind = (note.split(":")[0] ?? "").trim() || "-";
    const c = harmless.get(kind) ?? blank();
    c.n++;
    if (signal) c.any++;
    if (doubt) c.asked++;
    harmless.set(kind, c);
    if (list && signal) notes.push(`FALSE ALARM  ${signal.categories.join(",")} ${signal.rule}: ${r.text}`);
    if (list && doubt) notes.push(`ASKED (none) ${doubt.category}: ${r.text}`);
  } else {
    const c = crisis.get(r.label) ?? blank();
    c.n++;
    if (signal) c.any++;
    if (signal?.categories.includes(r.label as never)) c.right++;
    if (doubt) c.asked++;
    if (note.startsWith("acute")) {
      c.acuteRows++;
      if (signal?.acute) c.acuteHit++;
    }
    crisis.set(r.label, c);
    if (list && !signal) notes.push(`${doubt ? "MISSED,ASKED" : "MISSED      "} ${r.label}: ${r.text}`);
    else if (list && signal && !signal.categories.includes(r.label as never)) notes.push(`WRONG CAT    ${r.label} got ${signal.categories.join(",")} ${signal.rule}: ${r.text}`);
  }
}

const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
const sum = (m: Map<string, Count>) => [...m.values()].reduce((a, c) => ({ n: a.n + c.n, right: a.right + c.right, any: a.any + c.any, asked: a.asked + c.asked, acuteRows: a.acuteRows + c.acuteRows, acuteHit: a.acuteHit + c.acuteHit }), blank());

console.log(`${file}: ${rows.length} messages`);
console.log(`${"category".padEnd(12)} ${"n".padStart(4)}  ${"right".padStart(13)}  ${"any alarm".padStart(13)}  ${"asked".padStart(5)}  acute marked`);
for (const [label, c] of [...crisis.entries(), ["ALL CRISIS", sum(crisis)] as const]) {
  console.log(`${label.padEnd(12)} ${String(c.n).padStart(4)}  ${`${c.right} ${pct(c.right, c.n)}`.padStart(13)}  ${`${c.any} ${pct(c.any, c.n)}`.padStart(13)}  ${String(c.asked).padStart(5)}  ${c.acuteHit}/${c.acuteRows}`);
}
console.log(`${"harmless".padEnd(20)} ${"n".padStart(4)}  ${"false alarms".padStart(13)}  asked`);
for (const [kind, c] of [...[...harmless.entries()].sort((a, b) => b[1].n - a[1].n), ["ALL HARMLESS", sum(harmless)] as const]) {
  console.log(`${kind.padEnd(20)} ${String(c.n).padStart(4)}  ${`${c.any} ${pct(c.any, c.n)}`.padStart(13)}  ${c.asked}`);
}
if (list) console.log(`\n${notes.join("\n")}`);
