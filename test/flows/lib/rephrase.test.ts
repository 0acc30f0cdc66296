/**
 * flows/lib/rephrase.ts: the client's words said back from our side ("mijn zus" is "je zus"),
 * with chat spelling, fillers and laughs gone, and the day, the helper and the aim picked out.
 */
import { describe, expect, it } from "vitest";
import { aloneIn, asAim, asLabel, dayIn, fromYourSide, helperIn, personOf, problemsIn, stepWithout, tidy } from "../../../flows/lib/rephrase.js";

describe("tidy", () => {
  it("writes chat spelling out and drops laughs, fillers, emoji, smileys and the end stop", () => {
    expect(tidy("ik ga zondag de brief openmaken met mn zus haha")).toBe("ik ga zondag de brief openmaken met mijn zus");
    expect(tidy("Oke!! 😀 k wil ff slapen :) .")).toBe("ik wil even slapen");
    expect(tidy("  ")).toBe("");
  });
});

describe("fromYourSide", () => {
  it("turns Dutch first persons round, with the verb's t before and after the clause", () => {
    expect(fromYourSide("ik ben rustig en ik slaap goed")).toBe("je bent rustig en je slaapt goed");
    expect(fromYourSide("dan ga ik")).toBe("dan ga je");
    expect(fromYourSide("dat ik op tijd naar bed ga")).toBe("dat je op tijd naar bed gaat");
    expect(fromYourSide("Ik heb een baan")).toBe("je hebt een baan");
    expect(fromYourSide("ik ook niet")).toBe("je ook niet");
    expect(fromYourSide("mijn zus")).toBe("je zus");
  });

  it("keeps an all-capitals first word, and English becomes English", () => {
    expect(fromYourSide("UWV belt mij")).toBe("UWV belt je");
    expect(fromYourSide("I am fine")).toBe("you are fine");
  });

  it("'me' in an English sentence is 'you', in a Dutch one 'je'", () => {
    expect(fromYourSide("my sister helps me")).toBe("your sister helps you");
    expect(fromYourSide("mijn zus helpt me")).toBe("je zus helpt je");
    expect(fromYourSide("laat me met rust")).toBe("laat je met rust");
  });
});

describe("asAim", () => {
  it("drops the 'ik wil' lead and the reason, keeps a name's capital", () => {
    expect(asAim("Ik wil graag van mijn schulden af")).toBe("van je schulden af");
    expect(asAim("I want to find work")).toBe("find work");
    expect(asAim("Ik wil Kees bellen")).toBe("Kees bellen");
    expect(asAim("mijn rijbewijs halen want dan kan ik werken")).toBe("je rijbewijs halen");
    expect(asAim("Werk vinden")).toBe("werk vinden");
  });

  it("of several sentences takes the one that says what the client wants", () => {
    expect(asAim("ik wil van die deurwaarder af. ben het zat")).toBe("van die deurwaarder af");
  });
});

describe("the day, the helper and the step", () => {
  it("dayIn finds the day words, with one letter wrong too, or none", () => {
    expect(dayIn("zondag ofzo")).toBe("zondag");
    expect(dayIn("ik denk volgende week dinsdag")).toBe("volgende week dinsdag");
    expect(dayIn("zondg")).toBe("zondag");
    expect(dayIn("op 12 mei")).toBe("12 mei");
    expect(dayIn("over twee weken")).toBe("over twee weken");
    expect(dayIn("Morgenochtend")).toBe("morgenochtend");
    expect(dayIn("geen dag")).toBe("");
  });

  it("helperIn names who helps, in the client's words", () => {
    expect(helperIn("de brief openen met mn zus")).toBe("mijn zus");
    expect(helperIn("met Kees")).toBe("Kees");
    expect(helperIn("als mn broer meegaat")).toBe("mijn broer");
    expect(helperIn("if my sister helps")).toBe("my sister");
    expect(helperIn("alleen")).toBe("");
  });

  it("stepWithout leaves the step without its day and helper, or the words as they are", () => {
    expect(stepWithout("zondag de brief openen met mn zus")).toBe("de brief openen");
    expect(stepWithout("ik ga zondag de brief openmaken met mn zus haha")).toBe("de brief openmaken");
    expect(stepWithout("dat doe ik zelf wel")).toBe("dat doe je");
    expect(stepWithout("morgen")).toBe("morgen");
  });

  it("aloneIn only when nobody is named", () => {
    expect(aloneIn("dat doe ik zelf wel")).toBe(true);
    expect(aloneIn("on my own")).toBe(true);
    expect(aloneIn("zelf met mn zus")).toBe(false);
    expect(aloneIn("met mn zus")).toBe(false);
  });

  it("personOf says the helper from our side, at most five words", () => {
    expect(personOf("mn zus natuurlijk haha")).toBe("je zus");
    expect(personOf("Kees van hiernaast")).toBe("Kees van hiernaast");
    expect(personOf("de buurvrouw van drie hoog links die altijd helpt")).toBe("de buurvrouw van drie hoog");
    expect(personOf("my brother Tom")).toBe("your brother Tom");
  });
});

describe("problemsIn and asLabel", () => {
  it("several problems only with three parts, or two long ones; one wish with its story is one goal", () => {
    expect(problemsIn("mn schulden, werk vinden en mn huis is een puinhoop")).toEqual(["mijn schulden", "werk vinden", "mijn huis is een puinhoop"]);
    expect(problemsIn("schulden, werk, huis")).toEqual(["schulden", "werk", "huis"]);
    expect(problemsIn("geld en werk")).toEqual([]);
    expect(problemsIn("mijn schulden regelen en een baan vinden")).toEqual([]);
    expect(problemsIn("ik wil werk, voor de zomer")).toEqual([]);
    expect(problemsIn("van alles, veel, dingen")).toEqual([]);
  });

  it("asLabel starts with a capital and stays within 40 characters, cut at a word", () => {
    expect(asLabel("mn schulden")).toBe("Mijn schulden");
    const long = asLabel("een hele lange zin die echt veel te lang is voor een knop hoor");
    expect(long).toBe("Een hele lange zin die echt veel te…");
    expect(long.length).toBeLessThanOrEqual(40);
  });
});
