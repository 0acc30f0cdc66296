/**
 * Fourth labelled batch for the crisis detector: client messages as Koers clients could type them
 * in Telegram (chat spelling, typos, voice-to-text run-ons, emoji, some English).
 *
 * Written by the fourth author (a helper session on branch safety-set4), independently: without
 * looking at the detector code in src/domain/safety/, its tests, the hold-out set or the other
 * three batches. Only test/safety/labelled.ts (the row format) was read.
 *
 * Labels: the danger whose help is needed most (danger now > overdose > suicide > selfharm > sexual
 * > violence). Crisis rows carry "acute" when the danger is now; violence or abuse happening at this
 * moment at home is labelled "violence" with "acute", "danger" is for danger now outside the other
 * categories. Harmless rows carry exactly one of "chat", "sad", "idiom".
 */
import { batch, type Row } from "./labelled.js";

/** The rows are kept as JSON in batches/messages-fourth.json. */
export const MESSAGES_FOURTH: readonly Row[] = batch("messages-fourth.json");
