/**
 * Third labelled batch of client messages for the crisis detector.
 *
 * Written by the safety-set3 author, independently: without looking at the detector code
 * (`src/domain/safety/`), its tests, the holdout set or the other two batches. Each row is a
 * message one specific kind of client could send in the Telegram chat: a 58-year-old man after a
 * divorce, a young mother in debt, a lad who lost his job, newcomers writing second-language
 * Dutch (Eritrean, Polish, Turkish, Moroccan-Dutch, Surinamese), an elderly widow, a Flemish man,
 * people writing very simply. About one in eight is in English (some Polish-English).
 *
 * Labels and tags follow `labelled.ts`. Where a message carries several dangers, the label is the
 * one whose help is needed most (danger now > overdose > suicide > selfharm > sexual > violence).
 */
import { batch, type Row } from "./labelled.js";

/** The rows are kept as JSON in batches/messages-third.json. */
export const MESSAGES_THIRD: readonly Row[] = batch("messages-third.json");
