/** Kept for callers of the first version; the detector lives in ./safety/. */
import { detectCrisis } from "./safety/index.js";

export function isCrisisSignal(text: string): boolean {
  return detectCrisis(text) !== null;
}
