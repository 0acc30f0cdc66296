import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/domain/safety/normalise.js";
// The normaliser consults the words of the rules' lexicon ("pille" -> "pillen", "moeder" kept
// whole), which is compiled when the detector is loaded, as it always is in Koers.
import "../../src/domain/safety/detect.js";

describe("the crisis normaliser reads Dutch as clients type it", () => {
  it.each([
    ["Ik wil NIET meer leveeeen!!!", "ik wil niet meer leven"],
    ["ik wil nt meer leve", "ik wil niet meer leven"],
    ["kwilnietmeerleve", "ik wil niet meer leven"],
    ["ikbenhetlevenzat", "ik ben het leven zat"],
    ["m’n zus zegt t ook", "mijn zus zegt het ook"],
    ["m'n leven is klaar", "mijn leven is klaar"],
    ["zm gedachten", "zelfmoord gedachten"],
    ["zelfmoordplannen", "zelfmoord plannen"],
    ["zelfmoordgedachtes", "zelfmoord gedachtes"],
    ["İk bén zó moe", "ik ben zo moe"],
    ["ik heb 20slaaptabletten", "ik heb 20 slaap tabletten"],
    ["dood-gaan wil ik", "dood gaan wil ik"],
    ["mijzelf iets aandoen", "mezelf iets aandoen"],
    ["im gonna kms", "i am going to kill myself"],
    // Words the lexicon uses whole are not cut apart; a doubled letter typed by mistake is mended.
    ["mijn moeder sloeg me", "mijn moeder sloeg me"],
    ["het is al lang voorbij", "het is al lang voorbij"],
    ["ik wil doodd", "ik wil dood"],
    ["ik wil nit meer leevn", "ik wil niet meer leven"],
    ["dat was normaal", "dat was normaal"],
    ["wrm zou ik nog", "waarom zou ik nog"],
    ["ich wil neet mie leve", "ik wil niet meer leven"],
    ["ich snie mich weer", "ik snij mij weer"],
    ["hij heeft me verkragt", "hij heeft me verkracht"],
    ["mijn fader is siek", "mijn vader is ziek"],
    ["bleef ie schoppen", "bleef hij schoppen"],
    ["ik eet mie met kip", "ik eet mie met kip"],
  ])("%j -> %j", (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it.each([
    ["marks where a sentence ends, once", "Zelfmoord gedachten. Weer!!! ...", "zelfmoord gedachten . weer"],
    ["marks where a sentence ends, once", "regel een\nregel twee", "regel een . regel twee"],
    ["reads 'dood' as 'very' in doodmoe, not as death", "ik ben doodmoe", "ik ben heel moe"],
    ["reads 'dood' as 'very' in doodgewoon, not as death", "ik wil doodgewoon een baan", "ik wil heel gewoon een baan"],
    ["reads 'dood' as death in doodgaan", "ik wil doodgaan", "ik wil dood gaan"],
    ["keeps ordinary words whole", "eindelijk een stopcontact", "eindelijk een stopcontact"],
    ["reads laughs as laughs", "haha 😂", "haha haha"],
    ["gives nothing for a message without words", "🙂👍 ... !!!", ""],
    ["gives nothing for an empty message", "", ""],
    ["survives 5,000 characters", "a".repeat(5000), "aa"],
  ])("%s: %j", (_kind, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});
