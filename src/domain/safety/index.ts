export type { CrisisCategory, CrisisSignal } from "./types.js";
export { detectCrisis } from "./detect.js";
