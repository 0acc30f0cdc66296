/**
 * A second, independent labelled set of client messages for the crisis detector.
 *
 * Written by the safety-set2 engineer, without looking at the detector (`src/domain/safety/`),
 * its tests, the first labelled set or the hold-out set. The only inputs were the row format in
 * `labelled.ts` and the description of the client population in `/work/shared/domain/`.
 *
 * The weight is on what detectors tend to miss: indirect, passive and religious phrasings of a
 * death wish, answers to coaching questions, chat spelling, voice-to-text run-ons, Flemish,
 * Surinamese-, Moroccan- and Turkish-Dutch turns of phrase, English and mixed messages, and
 * long messages where the danger sits in the middle. The harmless rows are just as deliberate:
 * idioms with crisis words, someone else's grief, sad but safe, and everyday coaching answers.
 *
 * Labels follow the priority danger now > overdose > suicide > selfharm > sexual > violence.
 * Tags: "acute" for crisis rows where the danger is now; "idiom", "sad" or "chat" for "none".
 */
import { batch, type Row } from "./labelled.js";

/** The rows are kept as JSON in batches/messages-more.json. */
export const MESSAGES_MORE: readonly Row[] = batch("messages-more.json");
