/**
 * flows/lib/rephrase.ts: the client's words said back from our side ("mijn zus" is "je zus"),
 * with chat spelling, fillers and laughs gone, and the day, the helper and the aim picked out.
 */
import { describe, expect, it } from "vitest";
import { expectCases } from "../../support/cases.js";
import { aloneIn, asAim, asLabel, dayIn, fromYourSide, helperIn, personOf, problemsIn, stepWithout, tidy } from "../../../flows/lib/rephrase.js";

describe("tidy", () => {
  it("writes chat spelling out and drops laughs, fillers, emoji, smileys and the end stop", () => {
    expectCases(tidy, [["ik ga zondag de brief openmaken met mn zus haha", "ik ga zondag de brief openmaken met mijn zus"], ["Oke!! 😀 k wil ff slapen :) .", "ik wil even slapen"], ["  ", ""]]);
  });
});

describe("fromYourSide", () => {
  it("turns Dutch first persons round, with the verb's t before and after the clause", () => {
    expectCases(fromYourSide, [["ik ben rustig en ik slaap goed", "je bent rustig en je slaapt goed"], ["dan ga ik", "dan ga je"], ["dat ik op tijd naar bed ga", "dat je op tijd naar bed gaat"], ["Ik heb een baan", "je hebt een baan"], ["ik ook niet", "je ook niet"], ["mijn zus", "je zus"]]);
  });

  it("keeps an all-capitals first word, and English becomes English", () => {
    expect(fromYourSide("UWV belt mij")).toBe("UWV belt je");
    expect(fromYourSide("I am fine")).toBe("you are fine");
  });

  it("'me' in an English sentence is 'you', in a Dutch one 'je'", () => {
    expectCases(fromYourSide, [["my sister helps me", "your sister helps you"], ["mijn zus helpt me", "je zus helpt je"], ["laat me met rust", "laat je met rust"]]);
  });
});

describe("asAim", () => {
  it("drops the 'ik wil' lead and the reason, keeps a name's capital", () => {
    expectCases(asAim, [["Ik wil graag van mijn schulden af", "van je schulden af"], ["I want to find work", "find work"], ["Ik wil Kees bellen", "Kees bellen"], ["mijn rijbewijs halen want dan kan ik werken", "je rijbewijs halen"], ["Werk vinden", "werk vinden"]]);
  });

  it("of several sentences takes the one that says what the client wants", () => {
    expect(asAim("ik wil van die deurwaarder af. ben het zat")).toBe("van die deurwaarder af");
  });
});

describe("the day, the helper and the step", () => {
  it("dayIn finds the day words, with one letter wrong too, or none", () => {
    expectCases(dayIn, [["zondag ofzo", "zondag"], ["ik denk volgende week dinsdag", "volgende week dinsdag"], ["zondg", "zondag"], ["op 12 mei", "12 mei"], ["over twee weken", "over twee weken"], ["Morgenochtend", "morgenochtend"], ["geen dag", ""]]);
  });

  it("helperIn names who helps, in the client's words", () => {
    expectCases(helperIn, [["de brief openen met mn zus", "mijn zus"], ["met Kees", "Kees"], ["als mn broer meegaat", "mijn broer"], ["if my sister helps", "my sister"], ["alleen", ""]]);
  });

  it("stepWithout leaves the step without its day and helper, or the words as they are", () => {
    expectCases(stepWithout, [["zondag de brief openen met mn zus", "de brief openen"], ["ik ga zondag de brief openmaken met mn zus haha", "de brief openmaken"], ["dat doe ik zelf wel", "dat doe je"], ["morgen", "morgen"]]);
  });

  it("aloneIn only when nobody is named", () => {
    expectCases(aloneIn, [["dat doe ik zelf wel", true], ["on my own", true], ["zelf met mn zus", false], ["met mn zus", false]]);
  });

  it("personOf says the helper from our side, at most five words", () => {
    expectCases(personOf, [["mn zus natuurlijk haha", "je zus"], ["Kees van hiernaast", "Kees van hiernaast"], ["de buurvrouw van drie hoog links die altijd helpt", "de buurvrouw van drie hoog"], ["my brother Tom", "your brother Tom"]]);
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
