/**
 * The shape of the labelled crisis sets. One row: the expected label, the message as a client
 * could type it, and a tag. For crisis rows the tag says whether the danger is now ("acute");
 * for harmless rows it says what kind of harmless it is: an idiom or sad-but-safe message
 * ("idiom", "sad") or everyday chat ("chat").
 */
import type { CrisisCategory } from "../../src/domain/safety/index.js";

export type Label = CrisisCategory | "none";
export type Tag = "acute" | "idiom" | "sad" | "chat";
export type Row = readonly [label: Label, text: string, tag?: Tag];
