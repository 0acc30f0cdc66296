import { describe, expect, it } from "vitest";
import { crisisDoubt, crisisHits, crisisTokens, detectCrisis, RULES } from "../../../src/domain/safety/detect.js";
import { DOUBT_THRESHOLD, type ModelVerdict, type Scorer } from "../../../src/domain/safety/model.js";

/** A scorer that always gives this verdict: the rules are read as always, the model's part is fixed. */
const always = (score: number): Scorer => () => ({ score, category: "suicide", categories: ["suicide"], evidence: ["leeg"] }) satisfies ModelVerdict;

describe("crisisTokens", () => {
  it("normalises, and reads no further than 20,000 characters", () => {
    expect(crisisTokens("Ik wil NT meer leve")).toEqual(["ik", "wil", "niet", "meer", "leven"]);
    expect(crisisTokens(`${"a ".repeat(10_000)}dood`)).not.toContain("dood");
  });
});

describe("RULES", () => {
  it("have ids of the form <category>.<kind of sentence>", () => {
    for (const r of RULES) expect(r.id).toMatch(new RegExp(`^${r.category}\\.[a-z-]+$`));
  });
});

describe("crisisHits", () => {
  it("lists the rules that fire, in rule order, none for everyday talk", () => {
    expect(crisisHits("ik wil dood").map((h) => h.rule.id)).toEqual(["suicide.wish-dead", "suicide.dead-alone"]);
    expect(crisisHits("ik heb gisteren een film gezien")).toEqual([]);
  });
});

describe("detectCrisis", () => {
  it("names the category, the rule and the words that matched", () => {
    expect(detectCrisis("ik wil dood")).toEqual({ category: "suicide", categories: ["suicide"], acute: false, rule: "suicide.wish-dead", matched: "wil dood" });
    expect(detectCrisis("mijn vader slaat mij")).toMatchObject({ category: "violence", rule: "violence.hits", matched: "vader slaat mij" });
  });

  it("is acute with a time or when the deed is done", () => {
    expect(detectCrisis("vannacht spring ik van de brug")).toMatchObject({ category: "suicide", acute: true, rule: "suicide.method-jump" });
    expect(detectCrisis("ik heb 30 pillen geslikt")).toMatchObject({ category: "overdose", acute: true });
  });

  it("leaves idioms, denials, jokes and Koers' own texts alone", () => {
    expect(detectCrisis("hij slaat nergens op")).toBeNull();
    expect(detectCrisis("ik wil niet meer leven, haha grapje")).toBeNull();
    expect(detectCrisis("Ik zeg het zelf")).toBeNull();
    expect(detectCrisis("")).toBeNull();
  });

  it("raises an alarm from the model alone only for a message of eight tokens or more", () => {
    expect(detectCrisis("dat weet ik", always(100))).toBeNull();
    expect(detectCrisis("vandaag voel ik mij erg leeg en ook heel moe", always(100))).toMatchObject({ category: "suicide", rule: "suicide.model", matched: "leeg" });
    expect(detectCrisis("vandaag voel ik mij erg leeg en ook heel moe", always(0))).toBeNull();
  });
});

describe("crisisDoubt", () => {
  it("asks about a call for help alone", () => {
    expect(crisisDoubt("help")).toEqual({ score: DOUBT_THRESHOLD, category: "danger", categories: ["danger"] });
  });

  it("is null for a clear crisis and for plain talk", () => {
    expect(crisisDoubt("ik wil dood")).toBeNull();
    expect(crisisDoubt("ik heb gisteren een film gezien")).toBeNull();
  });

  it("asks when the model is unsure and a word of distress is there", () => {
    expect(crisisDoubt("ik ben zo moe", always(5))).toEqual({ score: 5, category: "suicide", categories: ["suicide"] });
    expect(crisisDoubt("ik ben zo moe", always(DOUBT_THRESHOLD))).toBeNull();
    expect(crisisDoubt("de bus komt om tien uur", always(5))).toBeNull();
  });
});

describe("the kinds of sentence added from set 17, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads an overdose told by its effect, and leaves side effects and the dentist alone", () => {
    expect(rulesOf("de tabletten werken al, ik kan bijna niet meer praten")).toContain("overdose.working");
    expect(detectCrisis("mn tong is zwaar de pillen beginnen te werken")?.categories).toContain("overdose");
    expect(rulesOf("de verdoving van de tandarts werkt nog, ik kan niet goed praten")).not.toContain("overdose.working");
    expect(rulesOf("de nieuwe pillen werken goed, alleen de bijwerking: ik kan niet goed praten")).not.toContain("overdose.working");
  });

  it("reads a plan to take them all tonight or tomorrow as suicide and overdose, not taking them along", () => {
    const plan = detectCrisis("morgen slik ik ze allemaal, de hele strip diazepam");
    expect(plan?.categories).toEqual(expect.arrayContaining(["suicide", "overdose"]));
    expect(rulesOf("morgen neem ik ze allemaal mee naar de apotheek om in te leveren")).not.toContain("suicide.pills-plan");
  });

  it("reads hiding from someone in the next room, and someone kicking the door with a call for help", () => {
    expect(detectCrisis("zit in de kast, hij is in de kamer hiernaast")?.category).toBe("danger");
    expect(detectCrisis("someone is banging on my door, please help")?.acute).toBe(true);
    expect(rulesOf("de buren bonken op de deur vanwege de muziek, irritant")).not.toContain("danger.at-door");
  });

  it("reads an adult sexual towards a child, and leaves explaining the body to a child alone", () => {
    expect(detectCrisis("een man uit de buurt stuurt mijn dochter naaktfoto's")?.categories).toEqual(expect.arrayContaining(["sexual", "violence"]));
    expect(rulesOf("mijn zoontje vroeg waarom zijn broertje een piemel heeft, hoe leg ik dat uit")).not.toContain("sexual.child");
  });

  it("leaves an overdose of years ago alone, not one taken now or wanted again", () => {
    expect(detectCrisis("ik lag jaren geleden in het ziekenhuis na een overdosis, nu gaat het goed")).toBeNull();
    expect(detectCrisis("ik heb net een overdosis genomen, ben al jaren clean geweest maar nu")?.categories).toContain("overdose");
    expect(detectCrisis("ik heb 2 jaar geleden een overdosis genomen en nu wil ik het weer doen")?.categories).toContain("overdose");
  });

  it("reads Turkish 'all of the medicines taken'", () => {
    expect(detectCrisis("hapların hepsini yuttum")?.categories).toContain("overdose");
  });
});

describe("the kinds of sentence added from set 18, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);
  const scorer = (category: "danger" | "violence"): Scorer => () => ({ score: 9, category, categories: [category], evidence: ["voor de deur"] });

  it("answers an urgent call for help in a few words, asks about a bare 'help', and leaves a hurried question alone", () => {
    expect(detectCrisis("hulp nu")?.category).toBe("danger");
    expect(detectCrisis("help help help")?.acute).toBe(true);
    expect(detectCrisis("help")).toBeNull();
    expect(crisisDoubt("help")).not.toBeNull();
    expect(detectCrisis("help snel, hoe zet ik die foto in de app")).toBeNull();
  });

  it("reads hiding or locked in while someone is in or at the door, not a child banging on the toilet door", () => {
    expect(rulesOf("ik in badkamer op slot hij trapt tegen de deur")).toContain("danger.hiding-from");
    expect(rulesOf("wc op slot gedaan. vreemde vent binnen")).toContain("danger.hiding-from");
    expect(rulesOf("zit op de wc op slot en de kinderen bonken op de deur haha")).not.toContain("danger.hiding-from");
  });

  it("reads someone heard in the house of one who lives alone, not the neighbours or the cat", () => {
    expect(detectCrisis("er loopt iemand beneden in de gang en ik ben alleen thuis")?.category).toBe("danger");
    expect(rulesOf("ik woon alleen, ik hoor de bovenburen lopen")).not.toContain("danger.intruder-heard");
    expect(rulesOf("ik ben alleen thuis en hoor gestommel, o het is de kat")).not.toContain("danger.intruder-heard");
  });

  it("reads a weapon shown with a threat, and a door rammed with a call for help", () => {
    expect(rulesOf("hij liet me een mes zien en zei ik kom je halen")).toContain("danger.armed");
    expect(rulesOf("iemand ramt op mijn deur help")).toContain("danger.at-door");
    expect(rulesOf("mijn opa liet me zijn oude zakmes zien van het vissen")).not.toContain("danger.armed");
  });

  it("reads an overdose told by an emptied box or by how the body feels, not a box to be refilled or a side effect", () => {
    expect(detectCrisis("de strip oxazepam is leeg, heb ze net genomen")?.categories).toContain("overdose");
    expect(rulesOf("alles uit de medicijnkast geslikt")).toContain("overdose.emptied");
    expect(detectCrisis("na die tabletten voel ik mijn benen niet meer")?.categories).toContain("overdose");
    expect(detectCrisis("diazepam 20 stuks. nu misselijk")?.categories).toContain("overdose");
    expect(rulesOf("doosje paracetamol is leeg, morgen naar de apotheek voor een nieuwe")).not.toContain("overdose.emptied");
    expect(rulesOf("na de pillen ben ik altijd wat suf, zei de huisarts al")).not.toContain("overdose.feels");
    expect(rulesOf("ik heb mijn pillen vergeten dus ik ben wat duizelig")).not.toContain("overdose.feels");
  });

  it("reads medicine words of Turkish and Polish clients, and iron tablets a child ate", () => {
    expect(detectCrisis("heb alle leki genomen")?.categories).toContain("overdose");
    expect(detectCrisis("mijn zoontje heeft ijzerpillen opgegeten, wel 15")?.categories).toContain("overdose");
  });

  it("does not count a time as a number of pills", () => {
    expect(detectCrisis("ik gebruik al 8 jaar methadon, het gaat goed")).toBeNull();
    expect(detectCrisis("ik heb 8 slaappillen genomen")?.categories).toContain("overdose");
  });

  it("reads a finished letter for the family, a day one will not see and a goodbye to all, not a birthday card or a deadline", () => {
    expect(rulesOf("de brieven voor mijn kinderen zijn geschreven")).toContain("suicide.letter-for-family");
    expect(rulesOf("de brief voor mijn zoon voor zijn verjaardag is klaar")).not.toContain("suicide.letter-for-family");
    expect(rulesOf("kerst maak ik niet meer mee")).toContain("suicide.wont-see");
    expect(rulesOf("volgende week haal ik de deadline niet")).not.toContain("suicide.wont-see");
    expect(rulesOf("vergeef me. dag allemaal")).toContain("suicide.goodbye-all");
    expect(rulesOf("sorry voor alles vandaag, ik ga slapen. dag")).not.toContain("suicide.goodbye-all");
    expect(rulesOf("mijn zoon is beter af zonder een vader zoals ik")).toContain("suicide.better-without-me");
  });

  it("reads a gas tap turned on as a method now", () => {
    expect(detectCrisis("gaskraan opengedraaid, ramen dicht")?.acute).toBe(true);
  });

  it("reads self-harm again with a blade, scratching till it bleeds and hurt to feel something, not eczema", () => {
    expect(rulesOf("terugval gehad, weer gesneden")).toContain("selfharm.relapse");
    expect(rulesOf("ik krab mezelf tot het bloedt en kan niet stoppen")).toContain("selfharm.scratch-bleed");
    expect(rulesOf("mijn eczeem jeukt zo, krab tot bloedens en kan niet stoppen")).not.toContain("selfharm.scratch-bleed");
    expect(detectCrisis("ik kras mezelf, niet om dood te gaan, om iets te voelen")?.category).toBe("selfharm");
    expect(rulesOf("ben teruggevallen met roken")).not.toContain("selfharm.relapse");
  });

  it("leaves a simile, burnt food, news of a fire and a parent's pill box alone", () => {
    expect(detectCrisis("dat examen hangt als een strop om mijn nek")).toBeNull();
    expect(rulesOf("rookmelder af, tosti aangebrand")).not.toContain("danger.fire");
    expect(detectCrisis("ik zet de pillen voor mijn vader klaar in de medicijndoos")).toBeNull();
  });

  it("gives no alarm from the model alone when the writer says who came and why, unless something is still frightening", () => {
    expect(detectCrisis("er staat iemand voor de deur, oh het is de postbode met een pakketje", scorer("danger"))).toBeNull();
    expect(detectCrisis("mijn ex staat voor de deur want hij brengt de kinderen terug van het weekend", scorer("violence"))).toBeNull();
    expect(detectCrisis("mijn ex staat voor de deur, hij brengt de kinderen terug maar hij is dronken en schreeuwt", scorer("violence"))).not.toBeNull();
  });
});

describe("the kinds of sentence added from set 19, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads affairs put in order before doing it, and lost count of pills, not a will made with a notary", () => {
    expect(detectCrisis("wie krijgt mijn kat als ik er niet meer ben? ik wil het regelen voordat ik het doe")?.category).toBe("suicide");
    expect(rulesOf("de notaris vroeg wie mijn testament krijgt, dat regel ik voor ik met pensioen ga")).not.toContain("suicide.before-i-do-it");
    expect(detectCrisis("heb vandaag veel oxazepam genomen, weet niet meer hoeveel")?.categories).toContain("overdose");
    expect(rulesOf("ik weet niet meer hoeveel pillen ik per dag moet, ik vraag het de apotheek")).not.toContain("overdose.lost-count");
  });

  it("reads the pharmacy's stock taken at once, not fetched", () => {
    expect(detectCrisis("alles van de apotheek in 1 keer geslikt")?.categories).toContain("overdose");
    expect(rulesOf("de hele voorraad van de apotheek opgehaald voor de vakantie")).not.toContain("overdose.at-once");
  });

  it("reads a no that was not listened to, and sex demanded for a debt, not a no to a son asking money", () => {
    expect(detectCrisis("ik zei nee tegen hem, steeds weer, maar hij stopte niet")?.category).toBe("sexual");
    expect(rulesOf("ik moet met zijn vrienden naar bed om mijn schuld af te betalen")).toContain("sexual.exploited");
    expect(rulesOf("ik zei nee toen hij weer geld wilde lenen, hij snapt het wel")).not.toContain("sexual.said-no");
  });

  it("reads men waiting outside with a threat, a child gone since yesterday and someone at the door handle, not a bailiff's letter or a sleepover", () => {
    expect(detectCrisis("er staan twee gasten voor mijn deur, ze zeggen betalen of anders")?.category).toBe("danger");
    expect(rulesOf("de deurwaarder dreigt met beslag, de brief ligt voor mijn deur")).not.toContain("danger.threat-waiting");
    expect(detectCrisis("mijn dochter is sinds gisteren niet thuisgekomen, ze is 14, ze neemt niet op")?.acute).toBe(true);
    expect(rulesOf("mijn zoon is niet thuis sinds gisteren, hij logeert bij oma")).not.toContain("danger.child-missing");
    expect(detectCrisis("een vreemde man morrelt aan mijn slot, ik zie hem door het raam")?.category).toBe("danger");
    expect(detectCrisis("mijn zoon morrelt aan het slot, hij is zijn sleutel vergeten")).toBeNull();
  });

  it("reads a fire in the stairwell, and leaves a tested smoke alarm alone", () => {
    expect(detectCrisis("vuur in het trappenhuis, ik kan niet naar buiten")?.category).toBe("danger");
    expect(detectCrisis("rookmelder getest, alles werkt")).toBeNull();
  });

  it("leaves sayings, a course to follow, the dead of a war on tv, a crisis that is over and a plain no alone", () => {
    expect(detectCrisis("ik zit tot over mijn oren in de papieren")).toBeNull();
    expect(detectCrisis("ik wil een cursus volgen voor vrijwilligerswerk")).toBeNull();
    expect(detectCrisis("journaal gezien. veel soldaten dood. zo triest")).toBeNull();
    expect(detectCrisis("in de tijd dat ik niet meer wilde leven had ik niemand, dat is voorbij, nu is het goed")).toBeNull();
    expect(detectCrisis("zelf dood willen? nee hoor. ik heb het druk met mijn kinderen")).toBeNull();
    // What only the model reads is set aside by a no that reassures, not by a no that answers "gaat het?".
    const modelSays = (): ModelVerdict => ({ score: 9, category: "suicide", categories: ["suicide"], evidence: ["niet meer"] });
    expect(detectCrisis("nee hoor, ik doe mezelf niks aan, maak je geen zorgen om mij", modelSays)).toBeNull();
    expect(detectCrisis("nee hoor, het gaat helemaal niet meer, ik zie er het nut niet meer van in", modelSays)).not.toBeNull();
    // A goodbye that says "don't worry" is no denial.
    expect(detectCrisis("ik heb besloten, het is goed zo. maak je geen zorgen om mij na zondag")).not.toBeNull();
  });

  it("leaves a threat over noise and a pillow fight alone, not a threat with a knife tonight", () => {
    expect(rulesOf("ik zweer het, ik vermoord die buurman nog eens met zijn herrie")).not.toContain("violence.my-threat");
    expect(rulesOf("mijn dochter heeft haar zusje geslagen met een kussen")).not.toContain("violence.hurt-done");
    expect(rulesOf("ik zweer het, vanavond steek ik hem neer met een mes")).toContain("violence.my-threat");
  });
});

describe("the kinds of sentence added for the false alarms left after set 19, on phrasings of their own", () => {
  const model = (category: ModelVerdict["category"]) => (): ModelVerdict => ({ score: 9, category, categories: [category], evidence: ["voor de deur"] });

  it("gives no alarm from the model alone for a bailiff's or an authority's threat on paper, unless someone frightening is there", () => {
    expect(detectCrisis("het incassobureau dreigt met beslag op mijn loon, de aanmaning ligt hier nog", model("danger"))).toBeNull();
    expect(detectCrisis("het cjib stuurt weer een brief met een dwangbevel, morgen komen ze", model("violence"))).toBeNull();
    expect(detectCrisis("de deurwaarder staat voor de deur en hij is dronken en schreeuwt", model("danger"))).not.toBeNull();
    // Worry about debts with distress is not set aside.
    expect(detectCrisis("de deurwaarder komt weer, ik ben zo bang, ik kan niet meer", model("danger"))).not.toBeNull();
    expect(detectCrisis("de deurwaarder dreigt met beslag, de brief ligt voor mijn deur")).toBeNull();
  });

  it("gives no alarm from the model alone for children at play, unless drink, a weapon or a wound is in it", () => {
    expect(detectCrisis("mijn dochter slaat haar broer steeds met haar knuffel, ze spelen de hele middag", model("violence"))).toBeNull();
    expect(detectCrisis("de jongens hadden een sneeuwballengevecht en mijn zoon kreeg er een in zijn gezicht", model("violence"))).toBeNull();
    expect(detectCrisis("hij sloeg mijn zoon met speelgoed, nu heeft hij een blauwe plek", model("violence"))).not.toBeNull();
  });

  it("asks, and gives no alarm, when the model alone reads dying in a dark word about work; not when distress or dying is named", () => {
    const text = "ik ben 61 en bij elke vacature word ik afgewezen, waar doe ik het nog voor";
    expect(detectCrisis(text, model("suicide"))).toBeNull();
    expect(crisisDoubt(text, model("suicide"))?.category).toBe("suicide");
    expect(detectCrisis("weer afgewezen voor die baan, ik kan niet meer, ik wil er niet meer zijn", model("suicide"))).not.toBeNull();
    expect(detectCrisis("mijn werk is weg, alles is weg, waarom zou ik nog blijven", model("suicide"))).not.toBeNull();
  });

  it("leaves a child hitting a sibling with a pillow or a cuddly toy alone, not a belt", () => {
    expect(detectCrisis("mijn dochter slaat haar broer steeds met haar knuffel, ze spelen de hele middag")).toBeNull();
    expect(detectCrisis("mijn man slaat mijn zoon met zijn riem")?.category).toBe("violence");
  });

  it("reads 'ik ga het doen' at the end of a coaching answer as a promise, and still with a means or a goodbye", () => {
    expect(detectCrisis("eerlijk? een 4. maar ik ga het doen")).toBeNull();
    expect(detectCrisis("ik heb de pillen hier. ik ga het doen")?.category).toBe("suicide");
    expect(detectCrisis("niemand mist me toch. ik ga het doen")?.category).toBe("suicide");
  });

  it("reads a step promised for today or tomorrow as a promise, asks about a bare 'morgen doe ik het', and alarms with anything dark", () => {
    for (const promise of ["vandaag ga ik de gemeente bellen", "vandaag ga ik eindelijk die brief schrijven", "ik bel morgen de schuldhulp, ik ga het doen", "vanavond doe ik het formulier", "het is tijd om de kast op te ruimen", "morgen stop ik ermee, met blowen"]) {
      expect(detectCrisis(promise), promise).toBeNull();
      expect(crisisDoubt(promise), promise).toBeNull();
    }
    // A step is named by its own word: "belangrijk" is no call, and "regelen" may be a goodbye's word.
    for (const unclear of ["morgen doe ik het", "straks ga ik het doen", "morgen doe ik het, het is belangrijk", "ik ga het regelen, morgen doe ik het"]) {
      expect(detectCrisis(unclear), unclear).toBeNull();
      expect(crisisDoubt(unclear)?.category, unclear).toBe("suicide");
    }
    for (const dark of ["ik kan niet meer, vanavond doe ik het", "vannacht ga ik het doen", "sorry mam. morgen doe ik het", "ik heb alles klaarliggen, vanavond doe ik het", "vanavond stop ik ermee", "vandaag ga ik. sorry voor alles", "het is tijd. dag allemaal"]) {
      expect(detectCrisis(dark)?.category, dark).toBe("suicide");
    }
  });
});

describe("the kinds of sentence added from set 20, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads a number of pills finished or thrown in, and one asked about after taking them; not a stock on the table", () => {
    expect(detectCrisis("ik heb 12 oxazepam op en nu ben ik zo moe")?.category).toBe("overdose");
    expect(detectCrisis("net 25 paracetamol erin gegooid")?.category).toBe("overdose");
    expect(detectCrisis("zijn 20 tramadol veel? heb ze al op")?.category).toBe("overdose");
    expect(rulesOf("ik heb nog 30 paracetamol op voorraad in de kast")).not.toContain("overdose.count");
  });

  it("reads a stock finished with drink, a pill box emptied with a drowsy body, and the body after pills; not a box refilled", () => {
    expect(detectCrisis("mijn hele voorraad lorazepam op met bier")?.category).toBe("overdose");
    expect(detectCrisis("mijn moeder heeft haar medicijndoos in een keer leeg gemaakt en is raar")?.category).toBe("overdose");
    expect(rulesOf("de apotheek vult de pillendoos van mijn vader, hij was helemaal leeg")).not.toContain("overdose.emptied");
    expect(detectCrisis("methadon genomen en nu blauwe lippen")?.category).toBe("overdose");
  });

  it("reads the end wanted today, going back to the water, and going nowhere any more with a goodbye", () => {
    expect(detectCrisis("mijn einde mag liever vandaag dan morgen komen")?.category).toBe("suicide");
    expect(rulesOf("dat project mag liever vandaag dan morgen dood")).not.toContain("suicide.end-soon");
    expect(detectCrisis("vorige week stond ik op de brug. deze keer spring ik")?.category).toBe("suicide");
    expect(detectCrisis("ik ga nergens meer naartoe. sorry voor alles")?.category).toBe("suicide");
    expect(rulesOf("ik ga nergens meer heen met deze knie, dag hoor")).not.toContain("suicide.nowhere-more");
  });

  it("reads a man with a knife or an intruder with a call for help, and hiding from an angry man; not a knife in the kitchen", () => {
    expect(detectCrisis("er loopt een vent met een mes in het trappenhuis")?.category).toBe("danger");
    expect(rulesOf("mijn man staat met een mes in de keuken groente te snijden")).not.toContain("danger.armed-near");
    expect(detectCrisis("help er is iemand in mijn huis")?.category).toBe("danger");
    expect(detectCrisis("sos hij is dronken ik heb me verstopt in de badkamer")?.categories).toEqual(expect.arrayContaining(["violence", "danger"]));
    expect(rulesOf("help, hoe moet ik dit formulier invullen, er is iemand binnen bij de gemeente?")).not.toContain("danger.intruder");
  });

  it("reads hurt at home told by a child, money kept by a partner, marks hidden and a phone taken after a fight", () => {
    expect(detectCrisis("mijn zoon vertelde dat papa hem pijn doet")?.category).toBe("violence");
    expect(rulesOf("mijn knie doet pijn als ik fiets")).not.toContain("violence.hurts");
    expect(detectCrisis("hij geeft me geen geld, ik moet om geld vragen voor eten voor de kinderen")?.category).toBe("violence");
    expect(rulesOf("mijn bewindvoerder geeft me geen geld deze week")).not.toContain("violence.money-control");
    expect(detectCrisis("ik draag een coltrui zodat niemand de plekken in mijn nek ziet")?.category).toBe("violence");
    expect(rulesOf("ik draag een sjaal want het is koud")).not.toContain("violence.marks-hidden");
    expect(detectCrisis("na de ruzie heeft mijn vriend mijn telefoon afgepakt")?.category).toBe("violence");
    expect(rulesOf("mijn zoon kreeg straf, ik heb zijn telefoon afgepakt")).not.toContain("violence.cut-off");
  });

  it("reads a child in the canal and a child lost now; not a swimming lesson or a lost cuddly toy", () => {
    expect(detectCrisis("mijn dochtertje is in de sloot gevallen")?.acute).toBe(true);
    expect(detectCrisis("mijn zoontje heeft vandaag zwemles, hij ligt lekker in het water")).toBeNull();
    expect(detectCrisis("mijn dochter kwijt op de markt")?.category).toBe("danger");
    expect(rulesOf("mijn dochter is haar knuffel kwijt")).not.toContain("danger.child-lost");
  });

  it("reads sex that had to be given for a debt, not sleeping at a friend's", () => {
    expect(detectCrisis("ik moest met de huisbaas naar bed voor de huur")?.category).toBe("sexual");
    expect(rulesOf("ik moet bij mijn zus slapen want de huur is te hoog")).not.toContain("sexual.exploited");
  });

  it("leaves a book, a series, a pillow fight with a sword, a child's threat over a toy, waiting on a bridge and the meter man alone", () => {
    expect(detectCrisis("de roman gaat over een man die door zijn vrouw geslagen wordt")).toBeNull();
    expect(detectCrisis("ik keek een aflevering waarin iemand een overdosis nam")).toBeNull();
    expect(detectCrisis("mijn zoon sloeg zijn zus met een plastic zwaard, nu huilen ze")).toBeNull();
    expect(rulesOf("mijn zoontje riep 'ik vermoord je' tegen zijn zusje om de lego")).not.toContain("violence.threat-message");
    expect(detectCrisis("ik sta op de brug te wachten op mijn moeder, we gaan naar de markt")).toBeNull();
    // Waiting for the right moment is no appointment, and "ik bedoel het echt" no joke.
    expect(rulesOf("ik sta op de brug, ik wacht op het goede moment")).toContain("suicide.place");
    expect(rulesOf("ik maak er een einde aan, ik bedoel het echt")).toContain("suicide.end-it");
    const model = (): ModelVerdict => ({ score: 9, category: "danger", categories: ["danger"], evidence: ["voor de deur"] });
    expect(detectCrisis("er staat iemand voor de deur, waarschijnlijk de monteur van de cv", model)).toBeNull();
  });

  it("asks, and gives no alarm, when the model alone reads dying in a short message about a seizure; a long one with more in it stays read", () => {
    const suicide = (): ModelVerdict => ({ score: 9, category: "suicide", categories: ["suicide"], evidence: ["beslag"] });
    expect(detectCrisis("ze leggen beslag op mijn loon zegt de brief, die snap ik niet", suicide)).toBeNull();
    expect(crisisDoubt("ze leggen beslag op mijn loon zegt de brief, die snap ik niet", suicide)?.category).toBe("suicide");
  });
});

describe("the kinds of sentence added from set 21, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads being dead and missed by nobody, and nothing needed after a last wish; not a tired joke or a course", () => {
    expect(detectCrisis("als ik dood ben mist niemand me toch")?.category).toBe("suicide");
    expect(detectCrisis("ik wil de bruiloft van mijn kleindochter nog meemaken, daarna hoeft het voor mij niet meer")?.category).toBe("suicide");
    expect(rulesOf("ik wil het examen nog meemaken met de cursus, daarna hoeft het niet meer")).not.toContain("suicide.after-that");
  });

  it("reads someone found lying by empty pill boxes as an overdose and danger, not boxes taken back to the pharmacy", () => {
    const s = detectCrisis("mijn vriendin ligt op de grond en er liggen lege strips naast haar");
    expect(s?.categories).toEqual(expect.arrayContaining(["overdose", "danger"]));
    expect(rulesOf("ik heb de lege doosjes opgeruimd, ze liggen in de tas voor de apotheek")).not.toContain("overdose.found");
  });

  it("reads drunk again and afraid, not afraid for a son who drinks", () => {
    expect(detectCrisis("hij heeft weer gedronken. ik durf niet naar huis")?.category).toBe("violence");
    expect(rulesOf("mijn zoon is dronken en ik ben bang dat hij valt")).not.toContain("violence.drunk-fear");
  });

  it("reads sex owed for what he pays, a child's secret about touching, what they did to me, and a 'did not want to' not listened to", () => {
    expect(detectCrisis("hij zegt dat ik het verschuldigd ben omdat hij de huur betaalt, dus ik laat het maar gebeuren")?.category).toBe("sexual");
    expect(rulesOf("hij zegt dat ik het verschuldigd ben omdat hij de boodschappen betaalt, dus ik doe het maar, de afwas")).not.toContain("sexual.owed");
    expect(detectCrisis("mijn dochter zei dat oom aan haar zit en dat het geheim is")?.category).toBe("sexual");
    expect(rulesOf("mijn zoon mag niet zeggen wat het cadeau is, het is geheim, hij zit aan het papier")).not.toContain("sexual.child-secret");
    expect(detectCrisis("ik heb nog steeds nachtmerries over wat die man met me deed")?.category).toBe("sexual");
    expect(rulesOf("ik denk nog steeds aan wat de kapper met me deed, zo kort")).not.toContain("sexual.what-they-did");
    expect(detectCrisis("ik wilde het niet maar hij ging gewoon door")?.category).toBe("sexual");
    expect(rulesOf("ik wilde niet praten maar hij ging gewoon door over geld")).not.toContain("sexual.said-no");
  });

  it("reads sleeping outside in the frost, ice that cracks and being locked in for hours; not camping, the ice rink or a joke", () => {
    expect(detectCrisis("ik slaap al dagen buiten en het vriest, ik voel mijn handen niet meer")?.acute).toBe(true);
    expect(rulesOf("we gaan kamperen, buiten slapen in de tent, het wordt koud")).not.toContain("danger.cold");
    expect(detectCrisis("ik sta op het ijs van de vijver en het kraakt")?.category).toBe("danger");
    expect(rulesOf("op het ijs van de ijsbaan gevallen haha, het kraakt niet eens")).not.toContain("danger.ice");
    expect(detectCrisis("ik zit opgesloten in de kofferbak")?.category).toBe("danger");
    expect(rulesOf("we zaten een uur opgesloten in de escaperoom haha")).not.toContain("danger.locked-long");
  });

  it("leaves sharpened knives for dinner, a child lost and found, a gutter cleaned, a will at the notary and a bullied son who is fine alone", () => {
    expect(detectCrisis("ik heb alle messen geslepen voor het kerstdiner")).toBeNull();
    expect(detectCrisis("mijn dochter was even kwijt op de markt, we vonden haar bij de kraam")).toBeNull();
    expect(detectCrisis("ik sta op het dak om de dakgoot schoon te maken, bel je straks")).toBeNull();
    expect(rulesOf("mijn testament laten opstellen bij de notaris, verder gaat het goed met me")).not.toContain("suicide.farewell");
    expect(rulesOf("mijn dochter werd geslagen op het schoolplein, de juf heeft ingegrepen, ze is oke")).not.toContain("violence.hurt-done");
  });
});

describe("the kinds of sentence added from set 22, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads a self-harm streak broken with a wound, and an urge with a blade at hand; not a language app's streak or shaving", () => {
    expect(detectCrisis("dag 0 weer. mijn arm brandt")?.category).toBe("selfharm");
    expect(rulesOf("mijn duolingo streak is weg, dag 0, mijn arm doet pijn van het sporten")).not.toContain("selfharm.streak");
    expect(detectCrisis("the urges are bad, razor is next to me")?.category).toBe("selfharm");
    expect(rulesOf("ik had de drang om mijn benen te scheren met een nieuw mesje")).not.toContain("selfharm.urge-blade");
  });

  it("reads methadone doubled, breathing slow; a birthday that will be the last; not a prescribed dose or the last one in this house", () => {
    expect(detectCrisis("took double my methadone, breathing is slow now")?.category).toBe("overdose");
    expect(rulesOf("de dokter zei dubbele dosis methadon, zoals voorgeschreven")).not.toContain("overdose.symptoms");
    expect(detectCrisis("kerst dit jaar. wordt mijn laatste.")?.category).toBe("suicide");
    expect(rulesOf("kerst dit jaar wordt de laatste in dit huis, we verhuizen")).not.toContain("suicide.last-occasion");
  });

  it("reads a child not home hours late, someone in the garden now, someone who cannot breathe and turns blue, and 'nice to him' for a job; not a child who texted from the train", () => {
    expect(detectCrisis("mijn zoon is niet thuisgekomen, het is 11 uur 's nachts en zijn telefoon staat uit")?.acute).toBe(true);
    expect(rulesOf("mijn zoon is nog niet thuis, hij heeft geappt dat hij in de trein zit")).not.toContain("danger.child-not-home");
    expect(detectCrisis("er is iemand in mijn tuin, ik hoor iemand bij het raam")?.category).toBe("danger");
    expect(detectCrisis("mijn vader krijgt geen lucht en wordt blauw")?.acute).toBe(true);
    expect(detectCrisis("de baas zegt dat ik een vast contract krijg als ik lief voor hem ben")?.category).toBe("sexual");
    expect(rulesOf("als ik lief ben voor mijn zus krijg ik geld voor de bus")).not.toContain("sexual.be-nice");
  });

  it("leaves a door locked to study, a child lost for minutes, an advert that follows and a chicken cut up alone, not a wish to die since long ago", () => {
    expect(detectCrisis("ik heb mezelf opgesloten op zolder om te studeren voor het examen")).toBeNull();
    expect(detectCrisis("mijn dochter was 2 minuten kwijt in de winkel, bleek bij het speelgoed te staan")).toBeNull();
    // "lang geleden" alone says when, not that it is over: "het is lang geleden dat ik blij was, ik wil dood" is a crisis now.
    expect(detectCrisis("het is zo lang geleden dat ik me goed voelde, ik wil niet meer leven")?.category).toBe("suicide");
    expect(detectCrisis("het is lang geleden dat ik blij was. ik wil dood")?.category).toBe("suicide");
    expect(detectCrisis("ik word achtervolgd door die reclame van de bank, overal advertenties")).toBeNull();
    expect(detectCrisis("we hebben een kip in stukken gesneden, veel bloed maar lekker")).toBeNull();
  });

  it("reads 'nobody' before a threat as a denial, and takes the radio as media", () => {
    expect(detectCrisis("nee, niemand bedreigt me, ik word alleen gek van de brieven")).toBeNull();
    // ... but not when nobody is who would help, or who would miss the writer.
    expect(detectCrisis("ik heb niemand, hij slaat me")?.category).toBe("violence");
    expect(detectCrisis("niemand hoort het als hij me slaat")?.category).toBe("violence");
    expect(detectCrisis("niemand zou me missen")?.category).toBe("suicide");
    expect(detectCrisis("niemand helpt, ik wil dood")?.category).toBe("suicide");
    expect(detectCrisis("niemand luistert, ik neem al mijn pillen")?.categories).toEqual(expect.arrayContaining(["suicide", "overdose"]));
    expect(detectCrisis("op de radio zeiden ze dat een man met een mes is opgepakt in de stad")).toBeNull();
  });
});

describe("the kinds of sentence added from set 23, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("reads a 'niet' after the hurt as the Dutch denial ('hij slaat me niet'), but not when more follows: 'maar', 'waar', 'vaak', a participle or a long match", () => {
    expect(detectCrisis("hij slaat me niet hoor, hij is juist heel lief")).toBeNull();
    expect(detectCrisis("ik snij niet meer, al twee jaar")).toBeNull();
    expect(detectCrisis("mijn vriend slaat me niet, maar hij gooit wel met borden")?.category).toBe("violence");
    expect(detectCrisis("hij slaat me niet waar de buren het zien")?.category).toBe("violence");
    expect(detectCrisis("hij slaat me niet vaak, alleen als hij gedronken heeft")?.category).toBe("violence");
    expect(detectCrisis("ik snij niet meer zo vaak als vroeger")?.category).toBe("selfharm");
    expect(detectCrisis("ik kan het snijden niet laten")?.category).toBe("selfharm");
    expect(detectCrisis("ik heb gesneden, niet boos zijn")?.category).toBe("selfharm");
    // "niet meer" after a wish is the wish itself.
    expect(detectCrisis("ik wil niet meer")?.category).toBe("suicide");
    expect(detectCrisis("ik snij niet meer, maar ik wil wel dood")?.category).toBe("suicide");
  });

  it("reads dialect ('mien man hef mie slagen', 'te veul pillekes'), too many pills with a call for help, and a goal to cut less", () => {
    expect(detectCrisis("mien man hef mie slagen")?.category).toBe("violence");
    expect(detectCrisis("ik heb teveul pillekes genomen en voel me nie goe")?.category).toBe("overdose");
    expect(detectCrisis("te veel pillen genomen. help me")?.acute).toBe(true);
    expect(detectCrisis("minder krassen is mijn doel, het was 3 keer deze week")?.category).toBe("selfharm");
    expect(rulesOf("minder vlees snijden en meer groente")).not.toContain("selfharm.less");
  });

  it("reads not knowing whether one will still be here, no next week needed, things left to others and the act hidden from the children; not a holiday or a move", () => {
    expect(detectCrisis("weet niet of ik er volgende maand nog ben")?.category).toBe("suicide");
    expect(detectCrisis("maak maar geen nieuwe afspraak, ik heb geen volgende week nodig")?.category).toBe("suicide");
    expect(detectCrisis("ik ben volgende week op vakantie, dus ik heb geen volgende week nodig")).toBeNull();
    expect(detectCrisis("mijn hond gaat naar mijn zus en mijn spullen mogen weg, regel jij dat")?.category).toBe("suicide");
    expect(detectCrisis("we verhuizen, mijn oude spullen mogen weg naar de kringloop")).toBeNull();
    expect(detectCrisis("als mijn dochter bij oma logeert doe ik het, dan ziet zij het niet")?.acute).toBe(true);
    expect(detectCrisis("ik denk erover om voor de bus te springen")?.category).toBe("suicide");
  });

  it("reads robbers here with the writer hiding, a phone taken along to keep her from family, marks told with who did it, and being hurt by him again; not a film, a broken phone or the dentist", () => {
    expect(detectCrisis("er is een overval bezig in de supermarkt, ik zit verstopt in de koelcel")?.category).toBe("danger");
    expect(detectCrisis("ik zag een overval in een film")).toBeNull();
    expect(detectCrisis("ik mag mijn vriendinnen niet zien van hem en hij neemt mijn telefoon mee")?.category).toBe("violence");
    expect(rulesOf("mijn man neemt mijn telefoon mee naar zijn werk want de zijne is kapot")).not.toContain("violence.control");
    expect(detectCrisis("mijn arm is blauw, hij heeft me vastgepakt")?.category).toBe("violence");
    expect(rulesOf("mijn zoon heeft een blauw oog van voetbal, hij deed mee met de wedstrijd")).not.toContain("violence.injured-by");
    expect(detectCrisis("hij heeft me weer pijn gedaan, ik durf niet naar huis")?.categories).toContain("violence");
    expect(detectCrisis("de tandarts heeft me pijn gedaan")).toBeNull();
    expect(detectCrisis("hij heeft me gedwongen, die nacht. nu moet ik een soa test doen")?.categories).toContain("sexual");
    expect(rulesOf("mijn moeder dwong me die avond om te blijven eten")).not.toContain("sexual.forced-told");
  });

  it("leaves crises told as long over, a pet's poison, poison for mice, a kitchen knife, a farewell to a job and words taken back; not when it is back", () => {
    expect(detectCrisis("vroeger sloeg mijn vader ons, nu heb ik goed contact met hem")).toBeNull();
    expect(detectCrisis("i used to cut, havent in 3 years")).toBeNull();
    expect(detectCrisis("ik ben vroeger misbruikt, de zaak is afgerond en ik wil het over werk hebben")).toBeNull();
    expect(detectCrisis("de brand was 3 jaar geleden, het wordt minder met de nachtmerries")).toBeNull();
    expect(detectCrisis("de brand was 2 jaar geleden maar nu brandt het weer, help")?.acute).toBe(true);
    expect(detectCrisis("toen ik 16 was sneed ik mezelf. nu doe ik het weer")?.categories).toContain("selfharm");
    expect(detectCrisis("mijn ex sloeg me, ik ben al 5 jaar van hem af, maar sinds vorige week staat hij weer voor de deur")?.category).toBe("violence");
    expect(detectCrisis("mijn hond heeft rattengif gegeten, we zijn bij de dierenarts")).toBeNull();
    expect(detectCrisis("mijn hond ligt naast me, ik heb alle pillen genomen")?.category).toBe("overdose");
    expect(detectCrisis("rattengif gekocht want er zitten muizen in de keuken")).toBeNull();
    expect(detectCrisis("ik heb rattengif gekocht, niet voor de muizen")?.category).toBe("suicide");
    expect(detectCrisis("ik heb een mes gekocht voor in de keuken, de oude was bot")).toBeNull();
    expect(detectCrisis("ik heb een mes gekocht en het ligt klaar voor vannacht")?.category).toBe("suicide");
    // (The model alone still reads "willen niet meer" in it as distress: the rule no longer does.)
    expect(rulesOf("afscheid genomen van mijn vak als schilder, mijn knieen willen niet meer")).not.toContain("suicide.farewell");
    expect(detectCrisis("dat ik wil verdwijnen was niet zo bedoeld, ik wil gewoon rust")).toBeNull();
    expect(crisisDoubt("dat ik wil verdwijnen was niet zo bedoeld, ik wil gewoon rust")).not.toBeNull();
  });
});

describe("the kinds of sentence added from set 24, on phrasings of their own", () => {
  const rulesOf = (text: string) => crisisHits(text).map((h) => h.rule.id);

  it("keeps a crisis after 'het helpt niet': a negator followed by a new subject closed the clause before", () => {
    expect(detectCrisis("het helpt niet, ik wil echt snijden")?.category).toBe("selfharm");
    expect(detectCrisis("het lukt niet ik snij mezelf weer")?.category).toBe("selfharm");
    expect(detectCrisis("ik wil niet snijden")).toBeNull();
  });

  it("reads a question how a way of dying feels, stepping out of life decided, and wounds under long sleeves; not a dentist's injection or the cold", () => {
    expect(rulesOf("denk je dat het pijn doet als je verdrinkt")).toContain("suicide.method-question");
    expect(detectCrisis("doet het pijn als je een prik krijgt bij de tandarts")).toBeNull();
    expect(detectCrisis("als ik dat huis niet krijg stap ik eruit, ik heb het besloten")?.category).toBe("suicide");
    expect(rulesOf("als dat traject zo doorgaat stap ik eruit, heb ik besloten")).not.toContain("suicide.step-out");
    expect(detectCrisis("lange mouwen aan naar het werk, mijn armen zitten vol sneetjes van gisteren")?.category).toBe("selfharm");
    expect(rulesOf("lange mouwen aan want het is koud")).not.toContain("selfharm.sleeves");
    expect(detectCrisis("ik ben bezig geweest mijn arm open te halen")?.category).toBe("selfharm");
  });

  it("reads too much of a medicine, a whole stock swallowed and a double dose of insulin or methadone; not a question, a pick-up or the prescribed twice a day", () => {
    expect(detectCrisis("te veel oxazepam, ik kan niet meer staan")?.category).toBe("overdose");
    expect(rulesOf("hoeveel oxazepam is te veel?")).not.toContain("overdose.too-much");
    expect(detectCrisis("mijn hele voorraad oxazepam er in gegooid")?.category).toBe("overdose");
    expect(detectCrisis("ik heb mijn voorraad oxazepam opgehaald bij de apotheek")).toBeNull();
    expect(detectCrisis("per ongeluk 2 keer insuline gespoten, ik tril")?.acute).toBe(true);
    expect(detectCrisis("ik moet twee keer per dag insuline spuiten")).toBeNull();
  });

  it("reads marks still showing what he did, a child told of touching, sex for a place to sleep and a grandchild gone; not the doctor's look or a sister's bed", () => {
    expect(detectCrisis("je ziet aan mijn arm nog wat hij gedaan heeft")?.category).toBe("violence");
    expect(detectCrisis("mijn nichtje zegt dat haar oom aan haar plassertje zit")?.categories).toEqual(expect.arrayContaining(["sexual", "violence"]));
    expect(detectCrisis("de dokter keek aan zijn plassertje want het was ontstoken")).toBeNull();
    expect(detectCrisis("voor een slaapplaats moest ik met hem naar bed")?.category).toBe("sexual");
    expect(rulesOf("voor een slaapplek slaap ik bij mijn zus op de bank")).not.toContain("sexual.for-shelter");
    expect(detectCrisis("mijn kleindochter is weggelopen bij de markt, ik zie haar nergens")?.acute).toBe(true);
  });

  it("leaves a raised dose with nausea, a barbecue at a brother's and an organiser box for pills alone", () => {
    expect(detectCrisis("de dokter heeft mijn sertraline verhoogd, de eerste dagen ben ik misselijk")).toBeNull();
    expect(detectCrisis("we gaan gourmetten bij mijn zus")).toBeNull();
    expect(detectCrisis("ik heb een weekdoos voor mijn pillen gekocht")).toBeNull();
  });
});

describe("the kinds of sentence added from set 25, on phrasings of their own", () => {
  it("reads pills taken one by one and counted, 'een stuk of 25 gehad', drinking on past the third bottle; not forms done one by one or water", () => {
    expect(detectCrisis("een voor een neem ik ze, ik ben nu bij 9")?.category).toBe("overdose");
    expect(detectCrisis("ik neem de formulieren een voor een door, nu ben ik bij 3")).toBeNull();
    expect(detectCrisis("ik heb een stuk of 30 oxazepam gehad vanavond")?.category).toBe("overdose");
    expect(detectCrisis("dit is de vierde fles wijn, ik stop niet")?.acute).toBe(true);
    expect(detectCrisis("ik drink de derde fles water vandaag, ik stop niet met drinken want het is warm")).toBeNull();
  });

  it("reads a wish to hurt oneself now, and a no-cutting goal broken within days", () => {
    expect(detectCrisis("ik wil mezelf zo graag pijn doen, help")?.category).toBe("selfharm");
    expect(detectCrisis("ik wil me geen pijn doen, het gaat goed nu")).toBeNull();
    expect(detectCrisis("mijn doel was niet krassen, maar ik heb het toch weer gedaan")?.category).toBe("selfharm");
  });

  it("reads someone lying still, being hit on the road, a dog attacking a child and sex demanded for a job; not a cat in the sun, a bite of the postman or a talk on violence", () => {
    expect(detectCrisis("mijn buurman ligt in de tuin en beweegt niet meer")?.acute).toBe(true);
    expect(detectCrisis("de kat ligt in de zon en beweegt niet, lekker lui")).toBeNull();
    expect(detectCrisis("ben aangereden door een auto, ik lig op straat en kan niet opstaan")?.category).toBe("danger");
    expect(detectCrisis("ik ben gisteren aangereden, ik lag op de weg maar het gaat nu goed")).toBeNull();
    expect(detectCrisis("help een hond valt mijn dochter aan")?.acute).toBe(true);
    expect(detectCrisis("mijn hond heeft de postbode gebeten, nu krijg ik een brief denk ik")).toBeNull();
    expect(detectCrisis("mijn baas zegt dat ik promotie krijg als ik met hem naar bed ga")?.category).toBe("sexual");
    expect(detectCrisis("ik ben bij een lezing geweest over huiselijk geweld")).toBeNull();
    expect(detectCrisis("na de lezing over huiselijk geweld durfde ik het te zeggen: mijn man slaat me")?.category).toBe("violence");
  });
});

describe("the kinds of sentence added from set 26, on phrasings of their own", () => {
  it("reads going to a dead loved one soon, an attempt of late with the thoughts still there, what still keeps one alive; not a visit to a grave or a try to quit smoking", () => {
    expect(detectCrisis("gisteren op het kerkhof bij mijn moeder gezeten. ik zei dat ik gauw bij haar ben")?.category).toBe("suicide");
    expect(detectCrisis("ik ga zondag weer naar het graf van opa, dan kom ik snel langs bij oma")).toBeNull();
    expect(detectCrisis("na mijn poging van vorige maand zijn de gedachten nog steeds elke dag")?.category).toBe("suicide");
    expect(detectCrisis("mijn poging om te stoppen met roken is mislukt, de gedachten aan sigaretten zijn er nog steeds")).toBeNull();
    expect(detectCrisis("mijn kat is de enige reden dat ik nog leef")?.category).toBe("suicide");
    expect(detectCrisis("de sneeuw houdt me hier, de trein rijdt niet")).toBeNull();
  });

  it("reads why stay after all that was lost, no one's burden after a day named, tired of existing; not a job that ends a burden", () => {
    expect(detectCrisis("geen baan, geen vrienden, geen geld. waarom blijf ik nog")?.category).toBe("suicide");
    expect(detectCrisis("na het weekend hebben jullie geen last meer van mij")?.category).toBe("suicide");
    expect(detectCrisis("na het weekend heb ik werk, dan heeft de gemeente geen last meer van mij")).toBeNull();
    expect(detectCrisis("ik ben zo moe van het bestaan")?.category).toBe("suicide");
  });

  it("reads wounds hidden and long sleeves in the heat said knowingly; not a scar of an operation or a cat's scratches", () => {
    expect(detectCrisis("hoe kan ik de krassen op mijn arm verbergen voor mijn moeder")?.category).toBe("selfharm");
    expect(detectCrisis("hoe verberg ik het litteken van mijn operatie op mijn buik")).toBeNull();
    expect(detectCrisis("30 graden en ik in lange mouwen. je weet wel waarom")?.category).toBe("selfharm");
    expect(detectCrisis("de kat heeft me gekrabd, mijn arm zit vol krassen")).toBeNull();
    expect(detectCrisis("de kat heeft me gekrabd maar ik heb mezelf ook weer gesneden")?.category).toBe("selfharm");
  });

  it("reads all of someone's pills at once when they talk strangely, and many times the dose of a sleeping pill; not the morning's pills together or a dose the doctor set", () => {
    expect(detectCrisis("mijn vader heeft al zijn pillen in een keer genomen en nu praat hij heel vreemd")?.acute).toBe(true);
    expect(detectCrisis("ik neem al mijn pillen in een keer bij het ontbijt, dat is handig")).toBeNull();
    expect(detectCrisis("ik neem elke nacht 3 oxazepam in plaats van een")?.category).toBe("overdose");
    expect(detectCrisis("ik neem nu 2 oxazepam in plaats van 1, dat heeft de huisarts gezegd")).toBeNull();
  });

  it("reads the police at home played down, an injury kept from questions, no work or own account allowed, punishment at home", () => {
    expect(detectCrisis("de politie is weer bij ons geweest, de buren overdrijven, het stelde niks voor")?.category).toBe("violence");
    expect(detectCrisis("de politie kwam vanwege ons feestje, de muziek was te hard, het viel mee")).toBeNull();
    expect(detectCrisis("de wijkagent kwam bij ons langs om te vragen of we iets gezien hadden, niks aan de hand")).toBeNull();
    expect(detectCrisis("ik heb een blauw oog, ik draag een zonnebril op zodat niemand het ziet")?.category).toBe("violence");
    expect(detectCrisis("mijn man laat me niet werken en ik mag geen eigen pinpas hebben")?.category).toBe("violence");
    expect(detectCrisis("ik heb geen eigen rekening want ik heb een bewindvoerder")).toBeNull();
    expect(detectCrisis("als ik te laat kom dan krijg ik ervan langs van hem")?.category).toBe("violence");
  });

  it("reads sexual violence said half or as a hand where it should not be, and a weapon shown by men who come back; not help with a move or a knife for fishing", () => {
    expect(detectCrisis("hij heeft me... je snapt het wel. ik kan er niet over praten")?.category).toBe("sexual");
    expect(detectCrisis("hij heeft me... je weet wel, geholpen met de verhuizing")).toBeNull();
    expect(detectCrisis("de tandarts zat aan me waar het niet hoort")?.category).toBe("sexual");
    expect(detectCrisis("ze lieten een mes zien en zeiden dat ze morgen terugkomen voor het geld")?.category).toBe("danger");
    expect(detectCrisis("hij liet zijn nieuwe zakmes zien, morgen gaan we vissen")).toBeNull();
  });

  it("does not read sleeping as slapping: 'de kinderen slapen' is no violence", () => {
    expect(detectCrisis("de kinderen slapen eindelijk, hij ook")).toBeNull();
    expect(detectCrisis("ik doe mezelf pijn als de kinderen slapen")?.categories).toEqual(["selfharm"]);
    expect(detectCrisis("he slapped me again")?.category).toBe("violence");
  });
});

describe("the kinds of sentence added from set 27, on phrasings of their own", () => {
  it("reads following someone close who did it, a search for how left unsaid, who finds one who lives alone; not following on Instagram, a search for a CV, lost keys", () => {
    expect(detectCrisis("mijn zus heeft het gedaan vorig jaar, ik mis haar zo, ik denk dat ik haar volg")?.category).toBe("suicide");
    expect(detectCrisis("ik volg haar op instagram sinds ze overleden is, haar familie post nog foto's")).toBeNull();
    expect(detectCrisis("ik heb opgezocht hoe. meer zeg ik niet")?.category).toBe("suicide");
    expect(detectCrisis("ik heb op internet gezocht hoe ik een cv maak")).toBeNull();
    expect(detectCrisis("als ik doodga, wie vindt me dan? ik woon alleen")?.category).toBe("suicide");
    expect(detectCrisis("wie vindt mijn sleutels als ik ze verlies, ik woon alleen")).toBeNull();
  });

  it("reads hours on a bridge, a low score on wanting to live, life put down for good, a will written young and well, Moroccan Arabic; not a bridge open for a boat or a will for the children", () => {
    expect(detectCrisis("gisteren stond ik uren op de brug en keek naar het water")?.category).toBe("suicide");
    expect(detectCrisis("ik stond lang op de brug want hij ging open voor een boot")).toBeNull();
    expect(detectCrisis("hoe graag ik nog wil leven? 1")?.category).toBe("suicide");
    expect(detectCrisis("mijn leven wil ik neerleggen, voorgoed")?.category).toBe("suicide");
    expect(detectCrisis("ik maak mijn testament, ik ben 40 en gezond, maar het moet klaar zijn")?.category).toBe("suicide");
    expect(detectCrisis("ik maak een testament bij de notaris, voor de kinderen, ik ben gezond")).toBeNull();
    expect(detectCrisis("bghit nmout, ma b9it ghadi")?.category).toBe("suicide");
  });

  it("reads fresh marks on the arms said knowingly, a child who cuts, many pills in Turkish; not cream on the arms or a cut while cooking", () => {
    expect(detectCrisis("mijn armen... verse, je weet wel")?.category).toBe("selfharm");
    expect(detectCrisis("mijn armen zijn vers ingesmeerd met creme")).toBeNull();
    expect(detectCrisis("mijn zoon van 14 krast zichzelf, wat moet ik doen")?.category).toBe("selfharm");
    expect(detectCrisis("mijn dochter snijdt zich weleens per ongeluk bij het koken")).toBeNull();
    expect(detectCrisis("dün gece çok ilaç içtim")?.category).toBe("overdose");
    expect(detectCrisis("mijn vriendin heeft veel pillen genomen en nu praat ze heel langzaam en haar ogen gaan dicht")?.acute).toBe(true);
  });

  it("reads sex demanded for a contract or with a threat, abuse said half of a prison, a goal that he stops hitting, messages without end and waiting at the door", () => {
    expect(detectCrisis("ik krijg een vast contract als ik met hem mee ga naar het hotel zegt mijn baas")?.category).toBe("sexual");
    expect(detectCrisis("als ik niet met hem naar bed ga zegt hij mijn huis af")?.category).toBe("sexual");
    expect(detectCrisis("in de gevangenis in Libië soldaten hebben... ik kan het niet zeggen")?.category).toBe("sexual");
    expect(detectCrisis("mijn doel: dat mijn man me niet meer slaat")?.category).toBe("violence");
    expect(detectCrisis("mijn doel is dat mijn zoon niet meer slaat op school")).toBeNull();
    expect(detectCrisis("hij appt 40 berichten per dag en wacht bij mijn huis")?.category).toBe("violence");
    expect(detectCrisis("mijn ex stuurt 40 berichten per dag over de kinderen, vervelend maar verder niks")).toBeNull();
  });

  it("asks about a few words of faith the model alone reads as dying, and still alarms on a prayer for forgiveness for tonight; reads living off benefits and boredom as no crisis", () => {
    expect(detectCrisis("God heeft een plan voor mij")).toBeNull();
    expect(detectCrisis("Allah vergeef me voor wat ik vannacht ga doen")?.category).toBe("suicide");
    expect(detectCrisis("ik ga dood aan verveling thuis")).toBeNull();
    expect(detectCrisis("mijn doel is dood simpel: mijn rijbewijs halen")).toBeNull();
    expect(detectCrisis("mijn knie is blauw, ik ben gevallen en mijn zoon lachte")).toBeNull();
  });
});

describe("the kinds of sentence added from set 28, on phrasings of their own", () => {
  it("reads a named bridge looking down, an accident wished so as not to do it oneself, the same way as someone who did it, one's funeral arranged with thoughts of death; not cycling over a bridge or a funeral arranged with a song", () => {
    expect(detectCrisis("ik sta op de moerdijkbrug en kijk naar het water")?.acute).toBe(true);
    expect(detectCrisis("ik fiets over de erasmusbrug en kijk naar beneden naar de boten")).toBeNull();
    expect(detectCrisis("ik hoop dat ik een ongeluk krijg, dan hoef ik het zelf niet te doen")?.category).toBe("suicide");
    expect(detectCrisis("mijn zus ging dezelfde weg als mijn vader, die heeft het ook gedaan. ik denk dat ik dezelfde weg ga")?.category).toBe("suicide");
    expect(detectCrisis("ik kies dezelfde weg als mijn broer, hij doet ook een opleiding")).toBeNull();
    expect(detectCrisis("ik heb mijn eigen uitvaart geregeld en ik denk er vaak aan, aan dood zijn")?.category).toBe("suicide");
    expect(detectCrisis("ik heb mijn uitvaart geregeld, ook de muziek, dat is een fijn idee")).toBeNull();
  });

  it("reads self-harm slang and a no-cutting goal after a count, a hand raised to a child, a death threat as a name, a gun found at home; not a raised hand in class, a film or a water pistol", () => {
    expect(detectCrisis("weer lijntjes gezet op mijn arm")?.category).toBe("selfharm");
    expect(detectCrisis("niet snijden was het doel, maar vorige week 3 keer")?.category).toBe("selfharm");
    expect(detectCrisis("ik heb mijn hand opgeheven naar mijn zoon, bijna geslagen, ik ben bang voor mezelf")?.category).toBe("violence");
    expect(detectCrisis("mijn zoon stak zijn hand op in de klas, de juf was blij")).toBeNull();
    expect(detectCrisis("hij zei dat ik een dode vrouw ben als ik ga")?.category).toBe("violence");
    expect(detectCrisis("in die film zegt hij dat ze een dode vrouw is")).toBeNull();
    expect(detectCrisis("ik vond een pistool onder zijn bed, van mijn zoon")?.category).toBe("danger");
    expect(detectCrisis("mijn zoon heeft een waterpistool in zijn kamer")).toBeNull();
  });

  it("reads Limburgs and Frisian: 'ich höb mich weer gesnieje', 'te folle pillen nommen', 'hy die it dochs', 'ik wol net mear libje'", () => {
    expect(detectCrisis("ich höb mich weer gesnieje")?.category).toBe("selfharm");
    expect(detectCrisis("ik ha te folle pillen nommen, ik bin sa dizenich")?.category).toBe("overdose");
    expect(detectCrisis("ik woe it net, mar hy die it dochs")?.category).toBe("sexual");
    expect(detectCrisis("ik wol net mear libje")?.category).toBe("suicide");
    // Dutch "net meer leven in de brouwerij" (just more liveliness) is not the Frisian rule's.
    expect(crisisHits("ik wil net meer leven in de brouwerij op mijn verjaardag").map((h) => h.rule.id)).not.toContain("suicide.frisian");
  });

  it("leaves alone a back that 'kills me', a neighbour banging on the wall, a death wish said to be not serious (asked)", () => {
    expect(detectCrisis("mijn rug vermoordt me")).toBeNull();
    expect(detectCrisis("de buurman bonkt op de muur als de kinderen spelen")).toBeNull();
    expect(detectCrisis("ik zei ik wil dood maar niet serieus haha")).toBeNull();
    expect(crisisDoubt("ik zei ik wil dood maar niet serieus haha")).not.toBeNull();
  });
});

describe("the kinds of sentence added from set 29, on phrasings of their own", () => {
  it("reads no future to see, a lethal amount looked up, a goodbye the other does not know of, being worth more dead; not a job in five years or a dose for a fever", () => {
    expect(detectCrisis("ik zie mezelf niet volgend jaar, eerlijk")?.category).toBe("suicide");
    expect(detectCrisis("ik zie mezelf niet over 5 jaar in deze baan")).toBeNull();
    expect(detectCrisis("ik heb opgezocht hoeveel oxazepam dodelijk is")?.category).toBe("suicide");
    expect(detectCrisis("hoeveel paracetamol mag ik per dag bij koorts")).toBeNull();
    expect(detectCrisis("ik heb gisteren afscheid genomen van mijn zus. zij weet het niet maar ik wel")?.category).toBe("suicide");
    expect(detectCrisis("als ik er niet meer ben krijgen ze tenminste geld van de verzekering")?.category).toBe("suicide");
  });

  it("reads self-harm as a barcode or as what helps, someone fitting after drugs, a child drawn into secret games; not a barcode at the till, ointment that helps, a fever fit that is over or a surprise party", () => {
    expect(detectCrisis("mijn benen zijn een barcode, gisteren nieuwe lijnen erbij")?.category).toBe("selfharm");
    expect(detectCrisis("de kassa scant de barcode niet")).toBeNull();
    expect(detectCrisis("de sneetjes op mijn arm, het helpt me echt")?.category).toBe("selfharm");
    expect(detectCrisis("de wondjes van de operatie helen goed, de zalf helpt echt")).toBeNull();
    expect(detectCrisis("mijn vriend heeft xtc gebruikt en ligt te schokken op de vloer")?.acute).toBe(true);
    expect(detectCrisis("mijn zoon had gisteren een koortsstuip, nu gaat het goed")).toBeNull();
    expect(detectCrisis("de buurman leert mijn zoon geheime spelletjes, hij mag het niet aan mama vertellen")?.category).toBe("sexual");
    expect(detectCrisis("we maken een surprise voor opa, het is ons geheim, mijn zoon mag het niet vertellen")).toBeNull();
  });

  it("hears 'fr' as serious and a strangling as grave, laughed about or not; leaves alone stress 'in de fik' and a blow at kickboxing", () => {
    expect(detectCrisis("nee fr ik wil er niet meer zijn lol")?.category).toBe("suicide");
    expect(detectCrisis("hij heeft mijn keel dichtgeknepen haha hij is gewoon jaloers")?.category).toBe("violence");
    expect(detectCrisis("ik sta in de fik van de stress voor mijn examen")).toBeNull();
    expect(detectCrisis("ik heb bij kickboksen iemand per ongeluk geslagen, hij is oke")).toBeNull();
  });
});

describe("the kinds of sentence added from set 30 and with sets 14 and 16-29 in the model, on phrasings of their own", () => {
  it("reads doubting whether to jump, no future so no plans, a last meal, all done so one can go; not a diving board, a job, a diet or a goodbye at work", () => {
    expect(detectCrisis("ik stond bij het spoor en heb lang getwijfeld of ik zou springen")?.category).toBe("suicide");
    expect(detectCrisis("ik twijfel of ik van de hoge duikplank zal springen")).toBeNull();
    expect(detectCrisis("ik zie geen toekomst, dus waarom zou ik nog een doel stellen")?.category).toBe("suicide");
    expect(detectCrisis("er is geen toekomst in deze baan, waarom zou ik nog blijven")).toBeNull();
    expect(detectCrisis("nog een laatste maaltijd en dan is het klaar")?.category).toBe("suicide");
    expect(detectCrisis("morgen begint mijn dieet, dus vandaag een laatste keer lekker eten")).toBeNull();
    expect(detectCrisis("alles is afgerond en mijn schulden zijn betaald, nu kan ik gaan")?.category).toBe("suicide");
    expect(detectCrisis("bedankt voor je hulp, nu kan ik gaan slapen")).toBeNull();
    expect(detectCrisis("je was een goede coach. ik ga nu")?.category).toBe("suicide");
    expect(detectCrisis("je was een goede coach, ik ga nu naar mijn werk")).toBeNull();
  });

  it("reads taking pills now as an overdose, and not pills taken as the doctor said", () => {
    expect(detectCrisis("ik ben ze nu aan het slikken, nog 5 te gaan")).toMatchObject({ category: "overdose", acute: true });
    expect(detectCrisis("niemand luistert, ik neem al mijn pillen")?.categories).toEqual(expect.arrayContaining(["overdose", "suicide"]));
    expect(detectCrisis("ik ben mijn antibiotica aan het innemen zoals de dokter zei")).toBeNull();
    expect(detectCrisis("ik neem al mijn pillen elke ochtend in met yoghurt")).toBeNull();
    expect(detectCrisis("ik ben mijn woorden aan het slikken")).toBeNull();
  });

  it("reads a parent's urge to hurt a small child, a child of 13 touched by a trainer, photos demanded of a daughter; not an adult daughter's trouble asked about", () => {
    expect(detectCrisis("soms wil ik haar echt pijn doen, die kleine, en dan schrik ik van mezelf")?.category).toBe("violence");
    expect(detectCrisis("de kleine wil zo graag met de bal spelen, ik word gek van het geluid")).toBeNull();
    expect(detectCrisis("mijn zoon (13) zegt dat zijn trainer hem heeft aangeraakt. wat moet ik doen?")?.category).toBe("sexual");
    expect(detectCrisis("mijn zoon zegt dat de trainer hem een schouderklopje gaf")).toBeNull();
    expect(detectCrisis("een man vraagt mijn dochter (15) om foto's, anders zet hij dingen online")?.category).toBe("sexual");
    expect(detectCrisis("mijn dochter vroeg om foto's van de vakantie")).toBeNull();
    // An adult child's trouble, asked about by the parent: Koers helps the parent, no alarm for the writer.
    expect(detectCrisis("mijn dochter 25 zegt dat haar vriend haar slaat, wat moet ik doen")).toBeNull();
  });

  it("leaves alone what only the model read in a short message about noisy neighbours or a train that does not run", () => {
    expect(detectCrisis("de buren bonken weer op de muur als de kinderen slapen")).toBeNull();
    expect(detectCrisis("de bus rijdt niet door de ijzel, ik blijf vandaag thuis")).toBeNull();
    // A rule still fires, and a long message says more than its first words.
    expect(detectCrisis("de buurman bonkt op mijn deur en schreeuwt dat hij me wil slaan")?.categories).toContain("violence");
    expect(detectCrisis("de trein rijdt niet, ik sta al uren op het perron en wil er gewoon voor springen")?.category).toBe("suicide");
  });

  it("marks an overdose the model alone reads as danger now, as the rules of an overdose do", () => {
    const scorer: Scorer = () => ({ category: "overdose", categories: ["overdose"], score: 50, evidence: ["leeg"] }) as ModelVerdict;
    const s = detectCrisis("de doos is leeg en ik voel me heel raar en zwaar", scorer);
    expect(s).toMatchObject({ category: "overdose", rule: "overdose.model", acute: true });
  });
});

describe("the kinds of sentence added from set 30's misses and false alarms, on phrasings of their own", () => {
  it("reads a scaling answer that tells of a plan giving peace, a day without cutting, a failed alternative to cutting, hits counted as few; not a plan for debts or cutting vegetables", () => {
    expect(detectCrisis("een 5, want ik heb een plan en dat geeft me rust")?.category).toBe("suicide");
    expect(detectCrisis("ik heb een plan voor mijn schulden en dat geeft rust")).toBeNull();
    expect(detectCrisis("een 4, omdat ik vandaag nog niet gesneden heb")?.category).toBe("selfharm");
    expect(detectCrisis("ik heb gisteren niet gesneden in de groente, mijn vinger is nog zeer")).toBeNull();
    expect(detectCrisis("de psycholoog zei elastiekje in plaats van snijden, maar het hielp niet")?.category).toBe("selfharm");
    expect(detectCrisis("mijn vriend heeft me deze week maar een keer geslagen, dus het gaat beter")?.category).toBe("violence");
    expect(detectCrisis("de klok heeft weer geslagen, tijd om te slapen")).toBeNull();
  });

  it("reads a face not fit to be seen after a weekend, someone rattling the door at night, an overdose of two days ago that hurts now; not the wind, or an overdose years ago", () => {
    expect(detectCrisis("mijn gezicht ziet er niet uit na gisteren. niemand mag het zien, zeker niet van hem")?.category).toBe("violence");
    expect(detectCrisis("er rammelt iemand aan mijn deur en het is midden in de nacht")?.category).toBe("danger");
    expect(detectCrisis("de wind rammelt aan de ramen, hij is erg vannacht")).toBeNull();
    expect(detectCrisis("gisteren heb ik een hele strip paracetamol genomen maar het is niet gelukt, nu word ik geel")?.category).toBe("overdose");
    expect(detectCrisis("in 2015 heb ik een overdosis gehad, het is niet gelukt en nu gaat het goed")).toBeNull();
  });

  it("leaves alone waking without tiredness, an end to debts said after a comma (asked), living not as now, vitamins by breakfast, a fall on the ice, a child's nightmare, a cousin in prison", () => {
    expect(detectCrisis("dat ik niet meer zo moe wakker word")).toBeNull();
    expect(detectCrisis("ik wil niet meer wakker worden")?.category).toBe("suicide");
    expect(detectCrisis("ik wil er een eind aan maken, aan die ruzie")).toBeNull();
    expect(detectCrisis("ik wil er een eind aan maken, aan alles")?.category).toBe("suicide");
    expect(detectCrisis("dat ik niet meer leef zoals nu, van maand tot maand")).toBeNull();
    expect(detectCrisis("de vitamine pillen liggen klaar naast het ontbijt")).toBeNull();
    expect(detectCrisis("uitgegleden op het ijs, mijn enkel is gebroken")).toBeNull();
    expect(detectCrisis("mijn zoon droomde dat hij achtervolgd werd door een monster")).toBeNull();
    expect(detectCrisis("ik word achtervolgd door een man, ik ben zo bang")?.category).toBe("danger");
    expect(detectCrisis("mijn broer zit in de gevangenis voor mishandeling")).toBeNull();
    // A comma with a plug pulled from oneself is no saying about a project.
    expect(detectCrisis("ik trek binnenkort de stekker eruit, bij mezelf")?.category).toBe("suicide");
    expect(detectCrisis("we trekken de stekker eruit bij dat project")).toBeNull();
  });
});

describe("the kind of sentence added when set 30 went into the model, on phrasings of its own", () => {
  it("reads not belonging in this world, the world named; not a country, a group or a town", () => {
    expect(detectCrisis("soms denk ik dat ik niet op deze aarde hoor")?.category).toBe("suicide");
    expect(detectCrisis("I feel like I dont belong in this world")?.category).toBe("suicide");
    expect(detectCrisis("ik hoor hier niet, op deze wereld, dat voel ik al lang")?.category).toBe("suicide");
    expect(detectCrisis("ik hoor niet in deze klas, op deze wereld zijn betere scholen")).toBeNull();
    expect(detectCrisis("nee hoor, ik ben niet thuis. op deze wereld is alles duur")).toBeNull();
  });
});

describe("the kinds of sentence added from set 31's misses and false alarms, on phrasings of their own", () => {
  it("reads no point in living asked, thinking out how to do it even laughing, learners' English, a rope hung; not a rope for the washing", () => {
    expect(detectCrisis("wat heeft het eigenlijk nog voor zin om te leven")?.category).toBe("suicide");
    expect(detectCrisis("wat heeft het nog voor zin om te solliciteren")).toBeNull();
    expect(detectCrisis("ik bedenk steeds hoe ik het zou doen haha")?.category).toBe("suicide");
    expect(detectCrisis("i want die, nobody here")?.category).toBe("suicide");
    expect(detectCrisis("i want die hard 4 on dvd")).toBeNull();
    const rope = detectCrisis("er hangt een touw aan de balk in de schuur, door mij gehangen");
    expect(rope?.category).toBe("suicide");
    expect(rope?.acute).toBe(true);
    expect(detectCrisis("ik heb een touw gehangen voor de was")).toBeNull();
  });

  it("reads children hiding when father comes home as violence, a parent who nearly hit a child, secret games with an uncle; not hide and seek, a child nearly hit by a door", () => {
    expect(detectCrisis("Dat de kinderen niet meer in de kast kruipen als hun vader thuiskomt")?.categories).toContain("violence");
    expect(detectCrisis("mijn kinderen verstoppen zich in de kast voor het spel als papa thuiskomt")).toBeNull();
    expect(detectCrisis("ik gaf mijn dochter bijna een mep, ik werd zo boos")?.category).toBe("violence");
    expect(detectCrisis("mijn zoon kreeg bijna een klap van de deur")).toBeNull();
    expect(detectCrisis("my uncle plays secret games with my son, he says its our secret")?.category).toBe("sexual");
  });

  it("asks about a fire or gas taken back as a joke; leaves alone a bump on a low cupboard, thoughts of dying now almost never, a pill for the dog, a rope for the tent, a beach, a knock that was the neighbour, one paracetamol, an overdose years ago", () => {
    expect(detectCrisis("er is brand! nee grapje, de pizza is verbrand")).toBeNull();
    expect(crisisDoubt("er is brand! nee grapje, de pizza is verbrand")).not.toBeNull();
    expect(detectCrisis("er is brand, help, serieus")?.category).toBe("danger");
    expect(detectCrisis("ik stoot mijn hoofd altijd tegen het keukenkastje, het hangt te laag")).toBeNull();
    expect(detectCrisis("vroeger wilde ik dood, nu bijna nooit meer")).toBeNull();
    expect(detectCrisis("ik heb de pil aan de hond gegeven, de hele pil in een worstje")).toBeNull();
    expect(detectCrisis("ik heb zoveel pijn, ik neem al mijn pillen")?.category).toBe("overdose");
    expect(detectCrisis("we bought a rope for the tent")).toBeNull();
    expect(detectCrisis("stel er gebeurt een wonder, dan ben ik weg, op vakantie in Spanje")).toBeNull();
    expect(detectCrisis("ik wil gewoon weg, voorgoed, niet op vakantie")?.category).toBe("suicide");
    expect(detectCrisis("someone was at my door at night, turned out to be my neighbour")).toBeNull();
    expect(detectCrisis("ik neem één paracetamol tegen de hoofdpijn, veel pijn heb ik")).toBeNull();
    expect(detectCrisis("years ago I took an overdose, I am in a better place now")).toBeNull();
    expect(detectCrisis("I took an overdose an hour ago")?.category).toBe("overdose");
  });
});

describe("a wish with a pause, and then what it was about", () => {
  it("asks when the part after the dots names an everyday thing; not when it names a life, a means or a place to die", () => {
    for (const t of ["Ik wil niet meer... naar die kapper, hij knipt altijd te kort", "I want to end it... my subscription, they keep charging me", "ik wil niet meer leven... met die schulden"]) {
      expect(detectCrisis(t), t).toBeNull();
      expect(crisisDoubt(t), t).not.toBeNull();
    }
    expect(detectCrisis("ik wil er een eind aan maken... aan alles")?.category).toBe("suicide");
    expect(detectCrisis("ik wil dood... met de bus naar de brug")?.category).toBe("suicide");
    expect(detectCrisis("ik wil niet meer... de pillen liggen klaar")?.category).toBe("suicide");
    expect(detectCrisis("ik wil niet meer... naar school, ze pesten me en ik wil dood")?.category).toBe("suicide");
  });
});

describe("danger now, as it is written", () => {
  it("is sitting with the blade, a wound that will not stop or wants stitches, a goodbye as the last message", () => {
    expect(detectCrisis("ik zit op de badkamervloer met een scheermesje")?.acute).toBe(true);
    expect(detectCrisis("ik heb in mijn been gesneden en het wil niet stoppen met bloeden")?.acute).toBe(true);
    expect(detectCrisis("moet dit gehecht worden? ik heb weer gekrast")?.acute).toBe(true);
    expect(detectCrisis("iedereen heeft van mij gedag gezegd gekregen. dit is mijn laatste bericht, ik wil niet meer")?.acute).toBe(true);
  });

  it("is violence going on: hiding in a room or locked in, blood now; not things thrown 'als hij boos is', or hitting 'soms'", () => {
    expect(detectCrisis("ik heb me opgesloten in de wc, hij slaat op de deur")?.acute).toBe(true);
    expect(detectCrisis("hij heeft me geslagen, ik bloed uit mijn neus")?.acute).toBe(true);
    expect(detectCrisis("hij schreeuwt en slaat, ik zit met de kinderen in de slaapkamer")?.acute).toBe(true);
    expect(detectCrisis("als hij boos is gooit hij met dingen naar me")?.acute).toBe(false);
    expect(detectCrisis("mijn man slaat me soms")?.acute).toBe(false);
  });

  it("reads 'hij heeft me geslagen, ik bloed' as violence done to the writer, not as self-harm", () => {
    expect(detectCrisis("hij heeft me geslagen, ik bloed")?.categories).not.toContain("selfharm");
    expect(detectCrisis("ik heb me geslagen, ik bloed")?.categories).toContain("selfharm");
  });
});

describe("short messages with the larger model", () => {
  it("asks about being overwhelmed in a few words, whatever the model's counts; not about going on with the talk or laughing", () => {
    for (const t of ["het wordt me allemaal te veel", "ik hou het niet meer vol", "ik kan niet meer"]) {
      expect(detectCrisis(t), t).toBeNull();
      expect(crisisDoubt(t), t).not.toBeNull();
    }
    for (const t of ["ik wil verder", "ok ga maar door", "kan niet meer van het lachen", "ik kan niet meer wachten op vrijdag", "ik kan niet meer inloggen op de app"]) expect(crisisDoubt(t), t).toBeNull();
  });
});
