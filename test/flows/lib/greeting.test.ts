import { describe, expect, it } from "vitest";
import { readGreeting, valueOf } from "../../../flows/lib/readers.js";

describe("readGreeting: a hello or 'I'm back' and nothing else", () => {
  const hellos = ["hoi", "Hallo!", "hallo daar ben ik weer", "ik ben er weer", "ben er weer hoor", "hoi ben terug", "heyy", "Goedemorgen", "im back", "I am back again", "sorry even weg geweest, ben er weer", "verder"];
  const answers = ["Sam", "slecht", "morgen", "hoi, slecht eigenlijk", "ik ben moe", "weer werk vinden", "ja", "niet nu", "ik ben er niet", "", "7"];
  for (const text of hellos) it(`"${text}" is a hello`, () => expect(valueOf(readGreeting(text))).toBe("hello"));
  for (const text of answers) it(`"${text}" is not`, () => expect(valueOf(readGreeting(text))).toBeNull());
});
