/**
 * Rules for danger to oneself: suicide (thoughts, a wish to be dead, plans, farewells),
 * self-harm and an overdose taken. In normalised spelling (normalise.ts).
 */
import {
  AT_HAND,
  DEAD,
  EVERYDAY_USE,
  MEANS,
  MEDIA,
  NO_MORE,
  POISON,
  QUANTITY,
  SUBSTANCE,
  TAKEN,
  WANT,
} from "./lexicon.js";
import { pattern } from "./match.js";
import { rule, type Rule } from "./rule.js";

/** Another person, not the writer, is the one who dies ("ik wil dat die kat dood gaat"). */
const SOMEONE_ELSE = pattern(
  "dat die|dat de|dat het|dat hij|dat zij|dat ze|dat mijn|dat jij|dat je|dat zijn|dat haar|dat deze|dat dat|dat iemand|dood van|" +
    "overlijden van|verwerken|rouw*|begrafenis|crematie|uitvaart|dood ~ gegaan|dood ~ gereden",
);

/** "een eind maken aan" something that is not a life. */
const NOT_A_LIFE = pattern(
  "relatie|ruzie|gedoe|schuld*|contract|abonnement|verslaving|drank|roken|blowen|gezeik|gezeur|situatie|vriendschap|huwelijk|" +
    "samenwerking|baan|werk|studie|opleiding|discussie|pesten|overlast|lawaai|onzin|chaos|rommel|probleem|problemen|armoede|" +
    "achterstand|traject|cursus|uitkering|huur|drugs|gokken|relation*|debt*|job",
);

/** Accidents and sayings with a hurting word ("ik sneed me bij het koken", "ik kan mezelf wel voor mijn kop slaan"). */
const NOT_SELFHARM = pattern(
  "per ongeluk|ongeluk|ongelukje|koken|kook|groente|uien|ui|brood|papier|scheren|pan|oven|strijkijzer|fornuis|thee|koffie|kaars|" +
    "zon|zonnebrand|gevallen|viel|sporten|sport|fitness|tillen|voor mijn kop|voor mijn hoofd|voor de kop|voor m kop|kan mezelf wel|" +
    "accidentally|kitchen|cooking|shaving|tattoo|tatoeage|piercing|scheerde|vinger|in slaap|in de vingers|gek|suf|rot|dood|" +
    "slaap|overeind|voor gek|lachen|kapot|bij elkaar|over|erdoor|door",
);

const SELF = "mezelf|myself|mijn arm*|mijn pols*|mijn been|mijn benen|mijn huid|mijn buik|mijn dij*|my arm*|my wrist*|my leg*|my skin";

const HARM_VERB =
  "snij|snijd|snijdt|sneed|gesneden|snijden|snee|kras*|gekrast|brand|brandde|gebrand|verbrand*|sla|sloeg|geslagen|slaan|" +
  "bonk*|beuk*|bijt|beet|gebeten|krab*|prik*|cut*|burn*|scratch*|hit|hitting|hurt|hurting|harm|harming|open ~ gehaald|" +
  "opengehaald|opengesneden|opensnij*|pijn ~ doen|pijn ~ gedaan|pijn doe|pijn aan ~ doen|pijnig*|straf*|verwond*|beschadig*";

export const SELF_RULES: readonly Rule[] = [
  // --- suicide
  rule("suicide.word", {
    all: ["zelfmoord*|suicid*|zelfdoding|levensmoe*|doodswens*|doodsgedacht*|doodsverlangen|euthanasie|zelf doden"],
    unless: MEDIA,
    reach: 10,
  }),
  rule("suicide.wish-dead", { all: [WANT, DEAD], window: 7, unless: SOMEONE_ELSE }),
  rule("suicide.going-to-die", { all: ["ik ga ~ dood|ik ~ dood gaan|ga ik ~ dood|i am going to die|i will die"], unless: SOMEONE_ELSE }),
  rule("suicide.better-dead", {
    all: ["was ik maar ~ dood|ware ik maar dood|liever ~ dood|beter ~ dood|dood ~ beter|dood zijn ~ fijn|better off dead|rather be dead|rather die|wish i was dead|wish i were dead"],
    unless: SOMEONE_ELSE,
  }),
  rule("suicide.not-live", {
    all: [NO_MORE, "leven|levend|leef|bestaan|besta|ademen|wakker|live|living|exist|alive|wake up"],
    window: 5,
    unless: "leven van|leef van|leven in|wakker van|wakker blijven|wekker|rondkomen|betalen",
    reach: 2,
    negatable: false,
  }),
  rule("suicide.not-live", {
    all: ["wil ~ niet ~ leven|wil ~ niet ~ bestaan|want ~ not ~ live|do not want to be alive|do not want to be here|not want to exist"],
    negatable: false,
  }),
  rule("suicide.not-be-here", {
    all: ["er ~ niet meer ~ zijn|er ~ niet meer ~ ben|er ~ niet meer ~ bent|er niet meer ~ te zijn|er ~ niet meer was|er ~ nooit meer ~ zijn|er niet meer ~ wil ~ zijn|not be here|not being here|be gone"],
    negatable: false,
  }),
  rule("suicide.cannot-go-on", {
    all: ["wil|kan|wou|zie", "niet meer|nooit meer|geen zin meer|geen kracht meer", "verder|door|doorgaan|verder gaan"],
    window: 5,
    unless: "met|op school|werk|werken|cursus|studie|opleiding|baan",
    reach: 3,
    negatable: false,
  }),
  rule("suicide.end-it", {
    all: ["er", "eind|einde", "maak*|maken|gemaakt|maakte|aan"],
    window: 7,
    unless: NOT_A_LIFE,
    reach: 6,
  }),
  rule("suicide.end-life", {
    all: ["eind|einde|end|beeindig*|beindig*|stoppen met|stop met|ending", "leven|life|alles|mezelf|bestaan|it all|everything|myself|it"],
    window: 6,
    unless: NOT_A_LIFE,
    reach: 3,
  }),
  rule("suicide.want-it-over", {
    all: [WANT, "dat het ~ ophoudt|dat alles ~ ophoudt|dat het ~ stopt|dat alles ~ stopt|dat het ~ voorbij ~ is|dat alles ~ voorbij|it to end|it all to end|everything to end|it to be over|it to stop"],
    window: 8,
    unless: "lawaai|herrie|geluid|regen|ruzie|gezeur|gedoe|overlast|verbouwing|bouw|feest|muziek|noise",
    reach: 6,
  }),
  rule("suicide.kill-self", {
    all: [
      "mezelf|me|mij|myself",
      "doden|dood|vermoorden|vermoord|ombrengen|ombreng|van kant|kill|killing|aandoen|aan ~ doen|vergiftig*|vergassen|verdrinken|ophangen|opgehangen|hang|hangen|ophang|verhang*|neerschieten|overdose|take my life|end my life",
    ],
    window: 5,
    unless: "ik ~ schrik|nergens|lachen|verhuizing|dood moe|was ~ ophangen",
    reach: 1,
  }),
  rule("suicide.leave-life", {
    all: ["uit het leven ~ stappen|uit het leven ~ gaan|uit het leven ~ stap|van het leven ~ beroven|er ~ uit ~ stappen|ik stap er uit|stap er ~ uit|take my own life|take my life|end my life"],
    unless: "bij|uit de|uit het|uit die|uit deze|van de|groep|club|app|cursus|traject|bus|trein|auto|tram|metro",
    reach: 3,
  }),
  rule("suicide.method-jump", {
    all: [
      "spring*|jump*|gooi ~ me|gooi ~ mezelf|laat ~ vallen|werp ~ me|voor de trein|voor een trein|onder de trein|onder een trein|voor de metro",
      "brug|dak|flat|balkon|viaduct|raam|gebouw|toren|parkeergarage|roof|bridge|building|window|trein|metro|spoor|rails|water|gracht|kanaal|zee|snelweg|tracks|train",
    ],
    window: 8,
    unless: "zwem*|zwembad|duik*|trampoline|blij*|vreugde|zomer|afkoelen|warm|parachute|bungee|swim*|dive|diving",
    reach: 10,
  }),
  rule("suicide.method-train", {
    all: ["voor de trein|voor een trein|voor de metro|onder de trein|onder een trein|op het spoor|op de rails|naar het spoor|langs het spoor|bij het spoor|in front of ~ train|on the tracks"],
    unless: "werk*|baan|station|vertraging|storing|aanrijding|iemand|persoon|vertrek*|overstap*|kaartje|ov|reis|reizen",
    reach: 8,
  }),
  rule("suicide.method-ready", {
    all: [MEANS, AT_HAND],
    window: 7,
    unless: EVERYDAY_USE,
    reach: 6,
    acute: "always",
  }),
  rule("suicide.method-gas", {
    all: ["gaskraan ~ open|gas ~ open ~ gezet|gas ~ open ~ draaien|koolmonoxide|uitlaatgassen|houtskool ~ binnen|kolen ~ branden"],
    acute: "always",
  }),
  rule("suicide.method-pills", {
    all: [SUBSTANCE, "innemen|in ~ nemen|slikken|opeten|op ~ eten|take|swallow|nemen", QUANTITY],
    window: 8,
    unless: "dokter|arts|huisarts|moet|voorgeschreven|kuur|recept|zoals|elke dag|per dag|ochtend|avond|vergeten|vergeet",
    reach: 6,
  }),
  rule("suicide.farewell", {
    all: ["afscheidsbrief*|afscheid ~ genomen|afscheid ~ nemen|vaarwel|mijn laatste bericht|laatste berichtje|mijn laatste woorden|goodbye forever|farewell|suicide note|suicide brief|laatste ~ groet|testament ~ geschreven|voor als ik er niet ~ ben"],
    unless: "oma|opa|moeder|vader|begrafenis|crematie|uitvaart|collega|collegas|baan|werk|huis|vandaag|week|morgen|tot|avond|vakantie|school|groep|team",
    reach: 5,
  }),
  rule("suicide.giving-away", {
    all: [
      "spullen|bezittingen|alles|sieraden|things|stuff|belongings|al mijn|mijn kat|mijn hond|mijn huisdier*|mijn dieren",
      "weggegeven|weg ~ gegeven|weggeven|weg ~ geven|geef ~ weg|gaf ~ weg|given away|giving away|give away|gave away|verdeeld",
    ],
    window: 6,
    unless: "kringloop|marktplaats|goede doel|verhuiz*|verhuis*|oude|oud|te klein|opruim*|vinted|voedselbank|buren|zolder|kerst|omdat|want|allergie|allergisch|gratis|kleding|kleren|vintage|speelgoed",
    reach: 10,
  }),
  rule("suicide.nobody-misses", {
    all: [
      "niemand|nobody|no one|geen mens|geen hond|geen kip|wie",
      "merk*|mist|missen|mis|gemist|notice|miss|care|opvallen|valt op",
      "weg|dood|als ik|if i|gone|er niet|wanneer ik|zou|zal|gaat|would|will",
    ],
    window: 9,
    unless: "feest|verjaardag|afspraak|les|werk|school|cursus|vergadering|vakantie",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.better-without-me", {
    all: ["beter|better|blijer|gelukkiger|makkelijker|lichter", "zonder mij|zonder me|without me|als ik er niet|als ik weg|als ik dood|als ik er niet meer"],
    window: 6,
    unless: "app|groep|team|feest|cursus|werk|vergadering|uitje|wedstrijd",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.burden", { all: ["een last voor|tot last|ben ~ een last|a burden|burden to|burden on|blok aan ~ been"], negatable: false }),
  rule("suicide.no-way-out", {
    all: ["het leven ~ niet ~ zitten|zie het ~ niet meer ~ zitten|geen uitweg|no way out|zie ~ geen toekomst|heb ~ geen toekomst|no future|no reason to live|geen reden ~ leven|geen reden om te leven"],
    unless: "met|om|voor|bij|die|dat|deze|brief|werk|gesprek|afspraak|morgen|even|wedstrijd|weekend|feest|vakantie|verjaardag|uit de|uit die|uit mijn|schuld*|in dit|in deze|in nederland|land|baan|bedrijf|relatie|studie",
    reach: 4,
  }),
  rule("suicide.no-point", {
    all: ["geen zin|geen nut|zin meer|nut meer|wat ~ voor zin|wat ~ zin|no point|zinloos|nutteloos|waardeloos|geen doel", "leven|bestaan|alles|life|living|mijn leven|anything|everything"],
    window: 7,
    unless: "zin in|heb ~ zin ~ in ~ eten|schoonmaken|opruimen|solliciteren|sporten|cursus|afspraak|brief|werk|school",
    reach: 2,
    negatable: false,
  }),
  rule("suicide.tired-of-life", {
    all: ["zat|moe|gehad|beu|klaar|tired|sick|done|genoeg", "het leven|mijn leven|dit leven|living|of life|with life|leven"],
    window: 5,
    unless: "zoals het|veranderen|verbeteren|anders|nieuw|nieuwe|beginnen|opnieuw|leven van|leven in|druk|zwaar|duur",
    reach: 4,
  }),
  rule("suicide.disappear", {
    all: ["voor altijd ~ verdwijnen|verdwijnen ~ voor altijd|voorgoed ~ weg|voorgoed ~ verdwijnen|niet meer ~ bestaan|nooit geboren|never been born|disappear forever|never wake up|nooit meer wakker|not wake up"],
    negatable: false,
  }),
  rule("suicide.english", {
    all: ["want to die|wanna die|wants to die|ready to die|going to die|kill myself|killing myself|suicidal|end it all|end my life|take my own life|better off dead|do not want to live|dont want to live|no reason to live"],
  }),
  // --- self-harm
  rule("selfharm.word", {
    all: ["zelfbeschadig*|zelfverwond*|automutil*|selfharm|self harm|zelf beschadig*|zelf verwond*|cutten|cutting|zelfharm|krassen|kras|gekrast|kraste"],
    unless: "auto|lak|deur|fiets|muur|op de|op mijn|op het|scratch|kras op|krassen op|bril|scherm|telefoon|tafel|vloer|lp|plaat|cd|loterij|lot|lootjes|kat|poes|kater",
    reach: 3,
  }),
  rule("selfharm.hurt-self", {
    all: [SELF, HARM_VERB],
    window: 5,
    unless: NOT_SELFHARM,
    reach: 6,
  }),
  rule("selfharm.hurt-me", {
    all: ["ik|i", "me|mij|my|mijn arm*|mijn pols*|mijn been|mijn benen|mijn huid", HARM_VERB],
    window: 5,
    unless: NOT_SELFHARM,
    reach: 6,
    notInside: "hij|zij|ze|hem|haar|he|she|him|her|they|iemand|man|vriend|vader|moeder|ex|partner",
  }),
  rule("selfharm.head", {
    all: ["ik|i", "hoofd|kop|head", "bonk*|beuk*|bang*|ram|ramde|sla ~ hard|sloeg ~ hard"],
    window: 6,
    unless: NOT_SELFHARM,
    reach: 6,
    notInside: "hij|zij|ze|he|she|iemand",
  }),
  // --- overdose
  rule("overdose.word", { all: ["overdosis|overdose|overdosering|od|overdoseren|overdosed"], unless: "bang voor|risico|voorkomen|nieuws|film", reach: 4 }),
  rule("overdose.taken", { all: [SUBSTANCE, TAKEN, QUANTITY], window: 9 }),
  rule("overdose.poison", { all: [POISON, TAKEN], window: 6, unless: "gedronken ~ water|schoonmaken|poetsen|wc|badkamer", reach: 3 }),
];
