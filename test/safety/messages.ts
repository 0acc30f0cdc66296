/**
 * The project's own labelled set of client messages for the crisis check: messages from people in
 * danger and harmless messages that look like them. Written by hand by the Koers engineer of the
 * safety-set branch, without looking at the detector (`src/domain/safety/`) or at the other
 * labelled sets, so the set can judge the detector instead of echoing it.
 *
 * The messages are written the way our clients type in Telegram: chat spelling, typos, no accents,
 * voice-to-text run-ons, emoji, Flemish and Moroccan- and Surinamese-Dutch turns of phrase, and some
 * English. Where one message holds several dangers it carries the label of the help the client
 * needs most (danger now > overdose > suicide > selfharm > sexual > violence).
 *
 * Row: [label, text, tag]. Crisis rows are tagged "acute" when the danger is now (a time such as
 * vannacht or nu, a means at hand, an overdose already taken, an attacker present) and carry no tag
 * otherwise. Harmless rows carry exactly one of "idiom" (a crisis word used harmlessly), "sad"
 * (sad but safe) or "chat" (everyday coaching talk).
 */
import { batch, type Row } from "./labelled.js";

/** The rows are kept as JSON in batches/messages.json. */
export const MESSAGES: readonly Row[] = batch("messages.json");
