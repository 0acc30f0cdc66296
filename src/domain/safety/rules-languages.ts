/**
 * The core crisis words and phrases in the other languages clients mix into their Dutch:
 * Polish, Turkish, Moroccan Arabic written in Latin letters (Darija), Papiamento and Sranan.
 * A small lexicon by category, not a translation of every rule: wanting to die or to kill
 * oneself, cutting oneself, all the pills taken, being beaten, raped, or threatened with death.
 * In normalised spelling (normalise.ts): lower case, accents off ("chcę umrzeć" is "chce umrzec",
 * "ölmek" is "olmek", "ł" is "l"); Polish "nie" is read as "niet" and "się" as "zie", so a
 * Polish denial counts as one ("nie chcę umrzeć" raises nothing).
 */
import { pattern } from "./match.js";
import { rule, type Rule } from "./rule.js";

/** Jokes and sayings in these languages: "mama mnie zabije" when she finds out, "şaka" (a joke). */
const JEST = pattern("saka|sakaydi|zartuje|zart|haha|hahaha|lol|jak zie dowie|jak zobaczy|jak ~ zobaczy|duzo zdrowia");

/** Polish taking verbs and Turkish ones ("połknęłam", "wzięłam", "içtim", "yuttum"). */
const TOOK = pattern("polknelam|polknalem|polknal*|polknel*|wzielam|wzialem|zazylam|zazylem|lyknelam|lyknalem|ictim|yuttum|aldim|mi a bebe|mi a tuma|mi a guli|a bebe|a tuma|a guli");
/** ... all of the pills ("wszystkie tabletki", "bütün ilaçları", "tur e pastianan"). */
const ALL_PILLS = pattern(
  "wszystkie ~ tabletk*|wszystkie ~ leki|wszystkie ~ pigulk*|cale opakowanie|opakowanie ~ tabletek|opakowanie ~ lekow|za duzo ~ tabletek|za duzo ~ lekow|garsc ~ tabletek|" +
    "butun ~ ilac*|tum ~ ilac*|ilac* ~ hepsi*|hap* ~ hepsi*|hepsi ~ ilac*|butun ~ hap*|tum ~ hap*|cok fazla ~ ilac*|cok fazla ~ hap*|bir kutu ~ ilac*|bir kutu ~ hap*|kutu ~ ilac*|kutu ~ hap*|" +
    "tur ~ pastia*|hopi pastia*|tur e remedi*",
);

export const LANGUAGE_RULES: readonly Rule[] = [
  rule("suicide.other-language", {
    all: [
      // Polish
      "chce umrzec|chcialbym umrzec|chcialabym umrzec|chce zie zabic|zabije zie|zabic zie|zabijam zie|samobojstw*|samobojcz*|odebrac sobie zycie|odbiore sobie zycie|skonczyc ze soba|skoncze ze soba|skoncze z tym wszystkim|mam dosc zycia|rzuce zie pod pociag|skocze z mostu|powiesze zie|" +
        // Turkish
        "olmek istiyorum|olmek isti*|intihar*|kendimi oldur*|kendimi asaca*|canima kiy*|keske olsem|olsem daha iyi|olsem de kurtulsam|" +
        // Darija, in Latin letters
        "bghit nmout|bghit nmot|bghit nmut|baghi nmout|baghi nmot|bagha nmout|bghit nmout*|nqtel rasi|nqtl rasi|nqtal rasi|ghadi nqtel rasi|" +
        // Papiamento and Sranan
        "mi ke muri|mi kier muri|mi ta bai muri|mata mi mes|suicidio|kiri mi srefi|kiri misrefi",
    ],
    unless: JEST,
  }),
  // The same wish said with its own "no": "nie chcę już żyć", "mi no ke biba mas", "mi no wani libi moro".
  rule("suicide.other-language", {
    all: ["niet chce ~ zyc|niet chce mi zie zyc|niet chcem ~ zyc|yasamak istemiyorum|yasamak istemi*|artik yasamak ist*|mi no ke biba mas|mi no kier biba mas|mi no ke biba ningun|mi no wani libi moro|mi no wan libi moro"],
    negatable: false,
    unless: JEST,
  }),
  rule("selfharm.other-language", {
    all: ["tne zie|tnie zie|pocielam zie|pocialem zie|samookalecz*|robie sobie krzywde|kendimi kes*|kendime zarar*|bilegimi kes*|bileklerimi kes*|mi ta korta mi mes|korta mi mes|koti mi srefi"],
    unless: JEST,
  }),
  rule("overdose.other-language", { all: [TOOK, ALL_PILLS], window: 8, unless: JEST }),
  rule("overdose.other-language", { all: ["przedawkowal*|asiri doz*"], unless: pattern(`${JEST.source}|film|serie|nieuws`) }),
  rule("violence.other-language", {
    all: [
      "bije mnie|mnie bije|pobil mnie|mnie pobil|uderzyl mnie|mnie uderzyl|dusil mnie|kopie mnie|mnie kopie|grozi mi|przemoc domowa|" +
        "beni dov*|beni dovdu|bana vur*|beni tehdit*|dayak yiyorum|dayak atiyor|dayak atti|" +
        "kaydrebni|kaydarbni|kayderbni|kaydrbni|tayderbni|darbni|drebni|drbni|" +
        "ta bati mi|a bati mi|ta bati nos|e fon mi|a fon mi|e naki mi|a naki mi|" +
        // Threats to kill the writer: "on mnie zabije", "beni öldürecek", "ghadi yqtelni", "e lo mata mi".
        "zabije mnie|mnie zabije|chce mnie zabic|beni oldurecek|beni oldurmek ist*|beni oldurmeye|ghadi yqtelni|bgha yqtelni|baghi yqtelni|lo mata mi|ke mata mi|kier mata mi|o kiri mi|wani kiri mi",
    ],
    unless: pattern(`${JEST.source}|srefi|mi mes`),
  }),
  rule("sexual.other-language", {
    all: ["zgwalcil*|zgwalcona|zgwalcony|molestowal*|molestuje mnie|tecavuz*|cinsel istismar*|taciz ediyor|taciz etti|ghtasbni|ightasbni|ghtasboni|viola mi|a viola mi"],
    unless: JEST,
  }),
];
