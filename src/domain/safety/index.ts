export type { CrisisCategory, CrisisSignal } from "./types.js";
export { crisisDoubt, detectCrisis, type CrisisDoubt } from "./detect.js";
