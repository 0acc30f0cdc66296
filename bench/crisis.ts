/**
 * The crisis detector's cost per message, against a peer in the same run: the first detector
 * Koers had (a list of case-insensitive regular expressions over the raw text, no normalising),
 * which is about the least any detector can cost. Messages are the project's labelled set
 * (test/safety/messages.ts) and long voice-to-text run-ons. Printed, never asserted.
 */
import { detectCrisis } from "../src/domain/safety/detect.js";
import { MESSAGES } from "../test/safety/messages.js";

const PEER: RegExp[] = [
  /\bzelfmoord|\bsuicid|\bsuïcid|\bsuicide\b/i,
  /\bdood\s+(willen|wil)\b|\b(wil|wou|zou willen)\b[^.!?]{0,30}\bdood\b/i,
  /\bniet\s+meer\s+(leven|verder\s*(leven|willen|wil|kunnen|kan))\b/i,
  /\b(mezelf|mijzelf)\s+(iets\s+aan\s*doen|van\s+het\s+leven\s+beroven|ophangen|doden)\b/i,
  /\bmaak\s+er\s+een\s+eind\s+aan\b|\ber\s+een\s+eind(e)?\s+aan\s+maken\b|\been\s+eind(e)?\s+aan\s+(mijn|m'n)\s+leven\b/i,
  /\bhet\s+leven\s+niet\s+meer\s+zien\s+zitten\b/i,
  /\bslaat\s+(mij|me)\b|\b(hij|zij|ze)\s+(slaat|schopt|bedreigt)\s+(mij|me|de\s+kinderen)\b|\bik\s+word\s+(geslagen|mishandeld|bedreigd)\b/i,
  /\bkill\s+myself\b|\bend\s+(it\s+all|my\s+life)\b|\bwant\s+to\s+die\b/i,
];
const peer = (text: string) => PEER.some((re) => re.test(text));

/** Milliseconds of CPU this process used: on a shared, loaded machine a steadier figure than the clock. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Microseconds per message: by the clock, and in CPU time of this process. */
function perMessage(fn: (t: string) => unknown, texts: readonly string[], minMs = 400): { wall: number; cpu: number } {
  for (const t of texts) fn(t); // warm up
  let n = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  while (performance.now() - start < minMs) for (const t of texts) {
    fn(t);
    n++;
  }
  return { wall: ((performance.now() - start) * 1000) / n, cpu: ((cpuMs() - cpuStart) * 1000) / n };
}

export function benchCrisis(print: (line: string) => void): void {
  const texts = MESSAGES.map((r) => r[1]);
  const long = Array.from({ length: 20 }, (_, i) => texts.slice(i * 30, i * 30 + 30).join(" ").replace(/[.!?]/g, "").slice(0, 5000));
  const rows: [string, readonly string[]][] = [
    [`${texts.length} labelled messages`, texts],
    ["5,000-character run-ons", long],
  ];
  for (const [name, set] of rows) {
    const ours = perMessage(detectCrisis, set);
    const theirs = perMessage(peer, set);
    print(
      `${name.padEnd(28)} detector ${ours.wall.toFixed(1).padStart(7)} µs/message (CPU ${ours.cpu.toFixed(1)} µs), regex peer ${theirs.wall.toFixed(1).padStart(6)} µs (x${(ours.wall / theirs.wall).toFixed(0)})`,
    );
  }
}
