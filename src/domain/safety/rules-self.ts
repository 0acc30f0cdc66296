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
import { pattern, seq } from "./match.js";

/** Someone else who could be the one doing harm ("als hij dit ziet is het klaar met mij"). */
const PERSON_NEAR = "als hij|als ze|als mijn|if he|if she|hij|zij|mijn man|mijn vriend|mijn ex|mijn vader|mijn broer";
import { rule, type Rule } from "./rule.js";

/** Another person, not the writer, is the one who dies ("ik wil dat die kat dood gaat"). */
const SOMEONE_ELSE = pattern(
  "dat die|dat de|dat het|dat hij|dat zij|dat ze|dat mijn|dat jij|dat je|dat zijn|dat haar|dat deze|dat dat|dat iemand|dood van|" +
    "overlijden van|verwerken|rouw*|begrafenis|crematie|uitvaart|dood ~ gegaan|dood ~ gereden",
);

/** "een eind maken aan" something that is not a life. */
/** A pill given to the cat or the dog: "ik heb het medicijn aan mijn kat gegeven, de hele pil". */
const FOR_A_PET = "aan mijn kat|aan de kat|aan mijn hond|aan de hond|aan mijn poes|aan de poes|ontworm*|dierenarts|to my cat|to my dog|to the cat|to the dog";
/** A single dose, and "veel" said of the pain: "veel pijn in mijn been, ik neem één paracetamol". */
export const ONE_DOSE = "veel pijn|zoveel pijn|zo veel pijn|een paracetamol|een pil|een tablet|een ibuprofen|een pijnstiller|1 paracetamol|1 pil|1 tablet|1 ibuprofen|one pill|one tablet|one paracetamol";
export const NOT_A_LIFE = pattern(
  "relatie|ruzie|gedoe|schuld*|contract|abonnement|verslaving|drank|roken|blowen|gezeik|gezeur|situatie|vriendschap|huwelijk|" +
    "samenwerking|baan|werk|studie|opleiding|discussie|pesten|overlast|lawaai|onzin|chaos|rommel|probleem|problemen|armoede|" +
    "achterstand|traject|cursus|uitkering|huur|drugs|gokken|relation*|debt*|job|stapel|papieren|paperassen|troep|inbox|bedoel ik",
);

/** Accidents and sayings with a hurting word ("ik sneed me bij het koken", "ik kan mezelf wel voor mijn kop slaan"). */
const NOT_SELFHARM = pattern(
  "per ongeluk|ongeluk|ongelukje|koken|kook|groente|uien|ui|brood|papier|scheren|pan|oven|strijkijzer|fornuis|thee|koffie|kaars|" +
    "zon|zonnebrand|gevallen|viel|sporten|sport|fitness|tillen|voor mijn kop|voor mijn hoofd|voor de kop|voor m kop|kan mezelf wel|" +
    "accidentally|kitchen|cooking|shaving|tattoo|tatoeage|piercing|scheerde|vinger|in slaap|in de vingers|gek|suf|rot|dood|" +
    "slaap|overeind|voor gek|lachen|kapot|bij elkaar|over|erdoor|door|doorheen|erdoorheen|blikje|pleister|aan een|aan het|aan de|papiertje|onions|onion|chopping|finger|vinger*|nothing serious|niks ernstigs|niets ernstigs",
);

/** Saying goodbye, settling things, asking to pass a message on. */
export const FAREWELL = pattern(
  "sorry voor alles|bedankt voor alles|dank voor alles|dank je voor alles|zeg ~ dat ik ~ hou|zeg tegen ~ dat|zeg ~ dat ik van ~ hou|vaarwel|afscheid ~ van iedereen|" +
    "afscheid ~ genomen|neem ~ afscheid|afscheidsbrie*|goodbye|said goodbye|say goodbye|tell ~ i love|tell my|het is niet ~ schuld|niet jouw schuld|niet haar schuld|" +
    "niet zijn schuld|niet jullie schuld|not your fault|dag allemaal|doei allemaal|alles ~ geregeld|testament|krijgt de sleutels|krijgt mijn|krijgen mijn|hou van jullie|" +
    "love you all|take care of my|zorg ~ voor mijn|pas ~ op mijn|dit is afscheid|dit is mijn afscheid|vergeet me niet|niet zijn schuld was|niet haar schuld was|" +
    "dank jullie wel voor alles|dank jullie voor alles|bedankt allemaal|het is goed zo|ik ben op $|not your fault|thanks for trying|thank you for trying|thank you for everything|thanks for everything|this is goodbye|bedankt voor het proberen|om gedag te zeggen|gedag ~ zeggen|nu kan ik gaan|i can go now|als ~ vraagt waarom|if ~ asks why",
);

const SELF = "mezelf|myself|mijn arm*|mijn pols*|mijn been|mijn benen|mijn huid|mijn buik|mijn dij*|my arm*|my wrist*|my leg*|my skin";

const HARM_VERB =
  "stomp|stompen|snij|snijd|snijdt|sneed|gesneden|snijden|snee|kras*|gekrast|brand|brandde|gebrand|verbrand*|sla|sloeg|geslagen|slaan|" +
  "bonk*|beuk*|bijt|beet|gebeten|krab*|prik*|cut*|burn*|scratch*|hit|hitting|hurt|hurting|harm|harming|open ~ gehaald|" +
  "opengehaald|opengesneden|opensnij*|pijn ~ doen|pijn ~ gedaan|pijn doe|pijn aan ~ doen|pijnig*|straf*|verwond*|beschadig*";

export const SELF_RULES: readonly Rule[] = [
  // --- suicide
  rule("suicide.word", {
    all: ["zelfmoord*|suicid*|zelfdoding|levensmoe*|doodswens*|doodsgedacht*|doodsverlangen|euthanasie|zelf doden"],
    unless: pattern(`${MEDIA.source}|gepleegd|pleegde|van mijn|van haar|van zijn|zijn zelfmoord|haar zelfmoord|sterfdag|overleden|begrafenis|nee joh|nee hoor|zo erg ~ niet|niet zo erg|preventie|voorkomen|lezing|voorlichting|dit weer|regen|file|verkeer`),
    reach: 5,
  }),
  rule("suicide.wish-dead", { all: [WANT, DEAD], window: 7, unless: pattern(`${SOMEONE_ELSE.source}|later|als ik oud ben|op hoge leeftijd|in mijn land|in mijn eigen land|begraven worden in|pensioen|testament|donor*|lichaam ~ wetenschap`) }),
  rule("suicide.going-to-die", {
    all: ["ik ga ~ dood|ik ~ dood gaan|ga ik ~ dood|i am going to die|i will die"],
    unless: pattern(`${SOMEONE_ELSE.source}|trap*|boodschappen|rekening*|energie*|huur|prijzen|schulden|belasting*|hitte|warm|heet|honger|dorst|sporten|fitness|lachen|zenuwen|spanning|verveling|file|examen|toets|sollicitatie|gesprek|kou|koud|schaamte|jeuk|buikpijn|kramp*|spierpijn|lol|haha|omg|heat|hungry|spin|spinnen|muis|muizen|rat|ratten|wesp|wespen|kakkerlak*|slang|eng|griezelig|schrik|spider|mouse|scary|koffie|pizza|eten|lekker|zo goed|chaos|gehuild|dacht ~ echt|coffee|food`),
    reach: 8,
  }),
  rule("suicide.better-dead", {
    all: ["was ik maar ~ dood|ware ik maar dood|liever ~ dood|beter ~ dood|dood ~ beter|dood zijn ~ fijn|better off dead|rather be dead|rather die|wish i was dead|wish i were dead"],
    unless: SOMEONE_ELSE,
  }),
  rule("suicide.not-live", {
    all: [NO_MORE, "leven|levend|leef|bestaan|besta|ademen|wakker|live|living|exist|alive|wake up"],
    window: 5,
    // Waking without it: "dat ik niet meer zo moe wakker word".
    notInside: "moe|gestrest|bang|angstig|boos|verdrietig|somber|huilend|zenuwachtig|met pijn|met stress|met zorgen|tired|stressed|scared|sad",
    unless: "leven van|leef van|leven in|wakker van|wakker blijven|wekker|rondkomen|betalen|zo leven|zo ~ leven|zoals nu|zoals ik nu|zoals dit|zoals nu leef|van maand tot maand|op deze manier|van een uitkering|van de uitkering|van uitkering|van bijstand|van de bijstand|van de gemeente|van het uwv|van weinig|in dit land|in nederland|in deze stad|in dit huis|in deze buurt|in deze wijk|terug naar|live in this|live here",
    reach: 2,
    negatable: false,
  }),
  rule("suicide.not-live", {
    all: ["wil ~ niet ~ leven|wil ~ niet ~ bestaan|want ~ not ~ live|do not want to be alive|do not want to be here|not want to exist"],
    // "zo leven" is suicide.not-live's own kind below, with its exceptions; living off benefits is no dying.
    unless: "in dit land|in nederland|in deze stad|in dit huis|in deze buurt|in deze wijk|terug naar|live in this|live here|zo leven|op deze manier|van een uitkering|van de uitkering|van uitkering|van bijstand|van de bijstand|van de gemeente|van het uwv|van weinig|on benefits|on welfare",
    reach: 3,
    negatable: false,
  }),
  rule("suicide.not-be-here", {
    all: ["of ik er ~ nog ben|of ik er ~ nog zal zijn|of ik er ~ nog ~ ben|if i will still be here|if i am still here|if i will still be around|er ~ niet meer ~ zijn|er ~ niet meer ~ ben|er ~ niet meer ~ bent|er niet meer ~ te zijn|er ~ niet meer was|er ~ nooit meer ~ zijn|er niet meer ~ wil ~ zijn|ben er ~ niet meer|ben ik er ~ niet meer|ben er ~ ~ niet meer|not be here|not being here|be gone|will not be here|wont be here|not going to be here|not gonna be here|not be around|not going to be around"],
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
      "mezelf|jezelf|myself|mijn polsen|mijn pols|my wrists",
      "doorsnijden|door ~ snijden|slit|doden|dood|vermoorden|vermoord|ombrengen|ombreng|van kant|kill|killing|aandoen|aan ~ doen|vergiftig*|vergassen|verdrinken|ophangen|ophangt|opgehangen|hang|hangen|hing|ophang|verhang*|opknopen|neerschieten|overdose|take my life|end my life",
    ],
    window: 5,
    unless: "ik ~ schrik|nergens|lachen|verhuizing|dood moe|onions|chopping|finger|als ik nog ~ keer|nog een keer ~ hoor|if i hear|if i have to",
    reach: 12,
  }),
  rule("suicide.kill-self", {
    all: ["me|mij", "van kant|ophangen|verhangen|opknopen|vergiftigen|verdrinken|ombrengen|iets aan ~ doen|iets aandoen|wat aandoen|van het leven beroven"],
    window: 4,
    unless: "als ik nog ~ keer|nog een keer ~ hoor|if i hear|if i have to",
    reach: 12,
  }),
  rule("suicide.leave-life", {
    all: ["uit het leven ~ stappen|uit het leven ~ gaan|uit het leven ~ stap|van het leven ~ beroven|er ~ uit ~ stappen|ik stap er uit|stap er ~ uit|take my own life|take my life|end my life"],
    unless: "bij|uit de|uit het|uit die|uit deze|van de|groep|club|app|cursus|traject|bus|trein|auto|tram|metro",
    reach: 3,
  }),
  // A means taken up now, without a word of wanting: at the window high up, into the water, at
  // speed into a tree, a gun picked up.
  rule("suicide.method-now", {
    all: ["sta op brug|zit op brug|benen buiten|op de vensterbank ~ verdieping|vensterbank ~ verdieping|ga ~ het water in|loop ~ het water in|rij ~ naar een boom|rij ~ tegen een boom|rij ~ tegen de vangrail|met 180 ~ boom|geweer ~ gepakt|pistool ~ gepakt|gepakt ~ geweer|drive into a tree"],
    unless: "zwem*|zwembad|strand|zomer|zonnen|afkoelen|surf*|kano|boot|vissen|hond|kerstboom|boom planten|jacht*|schietvereniging|speelgoed|waterpistool|film|game|gta",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("suicide.method-jump", {
    all: [
      "spring*|gesprong*|sprong|jump*|smijt ~ me|smijten|smijt ~ mezelf|mij ~ smijten|gooi ~ me|gooi ~ mezelf|laat ~ vallen|werp ~ me|voor de trein|voor een trein|onder de trein|onder een trein|voor de metro",
      "brug|dak|flat|balkon|viaduct|raam|gebouw|toren|parkeergarage|roof|bridge|building|window|trein|metro|spoor|rails|water|gracht|kanaal|zee|snelweg|tracks|train",
    ],
    window: 8,
    unless: pattern(`${MEDIA.source}|grapje|haha|als ik nog ~ keer|zwem*|zwembad|duik*|trampoline|blij*|vreugde|zomer|afkoelen|warm|parachute|bungee|swim*|dive|diving|on the train|just in time|op de trein|gehaald|missed|gemist|net op tijd`),
    reach: 10,
  }),
  rule("suicide.method-train", {
    all: ["voor ~ vrachtwagen ~ stap*|voor ~ vrachtwagen ~ spring*|voor ~ bus ~ stap*|voor ~ bus ~ spring*|voor ~ tram ~ stap*|voor ~ tram ~ spring*|voor ~ auto ~ spring*|voor ~ auto ~ stap*|voor een truck|in front of ~ truck|in front of ~ bus|voor de trein|voor een trein|voor de metro|onder de trein|onder een trein|op het spoor|op de rails|naar het spoor|langs het spoor|bij het spoor|in front of ~ train|on the tracks"],
    unless: "werk*|baan|station|vertraging|storing|aanrijding|iemand|persoon|vertrek*|overstap*|kaartje|ov|reis|reizen",
    reach: 8,
  }),
  rule("suicide.method-train", {
    all: ["overweg|spoorwegovergang|spoorwegovergangen|het spoor|de rails|spoorlijn|railway|level crossing", "laatste ~ trein|laatste intercity|laatste sprinter|hoe laat ~ trein|hoe laat ~ intercity|hoe laat ~ sprinter|goederentrein*|intercity|sprinter|dienstregeling|opgezocht|langs komt|langskomt|voorbij komt|voorbijkomt|hard rijden|timetable|freight"],
    window: 14,
    unless: pattern("werk|naar mijn werk|afspraak|station ~ naar|vertraging|storing|kaartje|ov chip|ovchip|reis|reizen|overstap*|op tijd|te laat|ophalen|bezoek|oma|opa|verjaardag|school|sollicitatie|gesprek"),
    reach: 8,
  }),
  rule("suicide.method-rope", {
    all: ["touw|strop|rope|noose|sjaal|riem|kabel|snoer|verlengsnoer|scarf|belt", "gewicht|mijn gewicht|houdt ~ gewicht|sterk genoeg|sterk touw|strong enough|hold my weight|hoe knoop|hoe maak ~ strop|welke knoop|knoop ~ leggen|how to tie"],
    window: 10,
    unless: pattern("verhuiz*|boot|zeil*|klimmen|tent|kamperen|tillen|aanhanger|schommel|hangmat|zware dozen|meubels|kast|waslijn|hond|paard|sport|turnen|touwtje springen|knutsel*|moving|boat|climbing"),
    reach: 6,
    acute: "always",
  }),
  rule("suicide.end-it-myself", {
    all: ["zelf ~ beeindigen|zelf ~ beindigen|zelf ~ eindigen|zelf ~ een eind aan|zelf ~ een einde aan|regel ik het zelf|regel het zelf|doe ik het zelf|ik doe het zelf wel|do it myself|end it myself|take care of it myself"],
    unless: pattern(`${MEDIA.source}|huur|contract|abonnement|relatie|verkering|schulden|schuld|brief|formulier|aanvraag|belasting|toeslag|afspraak|verhuizing|klus|boodschappen|bellen|mailen|opzeggen|subscription|lease`),
    reach: 10,
    negatable: false,
  }),
  rule("suicide.last-day", {
    all: ["goede dag om te gaan|mooie dag om te gaan|dag om te gaan|vandaag ga ik $|tijd om te gaan|het is tijd $|deze keer niet $|deze keer lukt het $|deze keer wel $|dood binnenkort|binnenkort dood|naar de hemel ~ nu|nu naar de hemel|wil zo vertrekken|ga zo vertrekken|good day to go|time to go|this time it will work"],
    unless: pattern(`${MEDIA.source}|vakantie|reis|trein|vlucht|vliegtuig|bus|werk|school|winkel|boodschappen|naar huis|afspraak|feest|strand|wandelen|fietsen|uitje|opa|oma|kerk|moskee`),
    reach: 8,
    negatable: false,
  }),
  rule("suicide.stop-eating-drinking", {
    all: ["gestopt met eten en drinken|stop met eten en drinken|stoppen met eten en drinken|niet meer eten en drinken|eet en drink niet meer|stopped eating and drinking|versterven"],
    unless: pattern(`${MEDIA.source}|oma|opa|vader|moeder|hospice|palliatief|dokter zegt|arts zegt`),
    reach: 10,
    negatable: false,
  }),
  rule("suicide.method-question", {
    all: ["welke kant ~ snijden|hoe diep ~ snijden|om het echt te laten werken|zodat het echt werkt|zodat het lukt|dat zou snel zijn|zou snel gaan|gaat dat snel|which way to cut|how deep to cut"],
    unless: pattern(`${MEDIA.source}|vlees|brood|taart|groente|hout|stof|papier|haar|pizza|kip`),
    reach: 10,
    negatable: false,
  }),
  rule("suicide.keeping-pills", {
    all: [SUBSTANCE, "bewaar|bewaren|spaar|sparen|verzamel|verzamelen|houd ~ over|hou ~ over|neem ze niet|keeping|saving|hoarding", "begrijpt wel waarvoor|weet wel waarvoor|weet waarvoor|voor later|voor als|voor het geval|voor de dag dat|you know what for|for when|for later"],
    scope: "message",
    window: 20,
    negatable: false,
    reach: 40,
  }),
  rule("suicide.thinking-more", {
    all: ["begrafenis|dood|er niet ~ zijn|niet meer ~ zijn|brug|spoor|pillen|einde|eind|smijten|springen", "serieus ~ denk ~ er|denk er ~ steeds ~ meer ~ over|denk ~ daar ~ elke dag aan|denk er ~ elke dag aan|denk ~ er ~ vaker ~ aan|denk ~ er ~ serieus ~ over|i think about it every day|thinking about it more"],
    scope: "message",
    together: 1,
    unless: MEDIA,
    reach: 40,
    negatable: false,
  }),
  rule("suicide.attempt-again", {
    all: ["al eens geprobeerd|eerder geprobeerd|ooit geprobeerd|vorige keer ~ geprobeerd|heb het ~ geprobeerd|poging|pogingen|tried before|tried it before|attempt", "gevoel ~ weer|weer ~ gevoel|is ~ terug|komt ~ terug|weer zo ver|weer zover|nu weer|weer daar|nog sterker|sterker dan toen|again|back again|coming back"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|stoppen met roken|roken|afvallen|dieet|rijbewijs|examen|sollicit*|baan|werk|school|opleiding|cursus|te stoppen|stop met|bellen|gebeld|mailen|gemaild|aanvraag|formulier`),
    reach: 40,
    negatable: false,
  }),
  rule("selfharm.blood", {
    all: ["mes bloed|bloed mes|weer bloed|bloed weer|bloed gisteren|^ bloed $|bloed ~ drang|drang ~ drang|mouw niet ~ opstropen|mouwen niet ~ opstropen|mouw ~ niet ~ omhoog|wil alleen maar snijden|alleen maar ~ snijden"],
    unless: pattern(`${NOT_SELFHARM.source}|neus|bloedneus|ongesteld|menstruatie|tandvlees|bloedprik|donor|bloed geprikt|koud|warm|vlees`),
    reach: 6,
    negatable: false,
  }),
  rule("selfharm.starve", {
    all: ["eet ~ niks|eet ~ niets|eet ~ niet|niet ~ eten|niks ~ gegeten|niets ~ gegeten|niet ~ gegeten|honger ~ mezelf|mezelf ~ uithongeren|laat ~ eten staan|not eating|starve myself|starving myself|verdien ~ geen eten|verdien het niet om te eten|dont deserve food", "expres|met opzet|als straf|straf mezelf|verdien|verdien ~ geen|verdien ~ niet|on purpose|punish|deserve"],
    window: 12,
    scope: "message",
    unless: pattern("vasten|ramadan|ramadam|dieet|afvallen|geen geld|geld|misselijk|ziek|griep|buikgriep|operatie|nuchter|bloedprik|tandarts|geen tijd|druk|fasting|diet"),
    reach: 40,
    negatable: false,
  }),
  rule("suicide.method-ready", {
    all: [pattern(`${MEANS.source}|${SUBSTANCE.source}`), AT_HAND],
    window: 7,
    unless: pattern(`${EVERYDAY_USE.source}|vitamine*|visolie|ijzertabletten|ijzerpillen|multivitamine*|magnesium|naast het ontbijt|bij het ontbijt|voor mijn man|voor mijn vrouw|voor mijn vader|voor mijn moeder|voor oma|voor opa|van mijn moeder|van mijn vader|van mijn man|van mijn vrouw|van mijn oma|van mijn opa|weekdoos*|medicijndoos*|pillendoos*|dagdoos*|medicijnbox*|pillenbox*|weekbox*|doseerbox*|doseerdoos*|baxter*|cadeau|kado|terugbrengen|ruilen|bon|kruidvat|etos|winkel|verkeerde|voor in de keuken|voor de keuken|keukenmes*|zitten muizen|muizen in de|muizenplaag|last van muizen|zitten ratten|ratten in de|last van ratten|tegen ongedierte|mollen in de|wespennest`),
    // The box is what was bought: "een medicijnbox voor me gekocht met de dagen erop".
    notInside: "medicijnbox*|weekbox*|doseerbox*|medicijndoos*|weekdoos*|doseerdoos*",
    reach: 6,
    acute: "always",
  }),
  // A rope already hung or tied up ("ik heb touw op zolder gehangen"): the means in place.
  rule("suicide.method-hung", {
    all: ["touw|strop|rope|noose", "opgehangen|gehangen|vastgemaakt|vastgeknoopt|geknoopt|aan de balk|aan een balk|aan het plafond|aan de trap|hung|tied"],
    window: 6,
    unless: "was|wasgoed|waslijn|schommel|hangmat|bokszak|boks*|tent|lamp|lampje*|kerst*|versiering|slinger*|plant*|vlag|lijn|fiets|boot|klimmen|klim*|camping|kamperen|tuin|hond|paard|knoop ~ les|scouting|swing|hammock|laundry|washing|decoration*|boat|climbing",
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  rule("suicide.method-gas", {
    all: ["gaskraan ~ open|gaskraan ~ opengezet|gaskraan ~ opengedraaid|gaskraan ~ open gedraaid|gas ~ open ~ gezet|gas ~ open ~ draaien|koolmonoxide|uitlaatgassen|houtskool ~ binnen|kolen ~ branden"],
    unless: "melder|alarm|piept|monteur|cv ketel|ketel|storing|lek|suf",
    reach: 6,
    acute: "always",
  }),
  rule("suicide.method-pills", {
    all: [SUBSTANCE, "innemen|in ~ nemen|slikken|opeten|op ~ eten|take|swallow|nemen|neem|neemt|pakken", pattern(`${QUANTITY.source}|alles|de rest`)],
    window: 14,
    unless: "dokter|arts|huisarts|moet|voorgeschreven|kuur|recept|zoals|elke dag|per dag|ochtend|avond|ontbijt|breakfast|vergeten|vergeet|mag ik|mag je|hoeveel mag|hoe veel mag|maximaal|max|bijsluiter|apotheek|tandpijn|pijn tand|kiespijn|hoofdpijn|koorts|rugpijn|may i|how many can",
    reach: 6,    // One pill for the pain is no overdose: "veel pijn in mijn been, ik neem één paracetamol".
    notInside: ONE_DOSE,
  }),
  rule("suicide.farewell", {
    all: ["afscheidsbrief*|afscheid ~ genomen|afscheid ~ nemen|neem ~ afscheid|afscheid van iedereen|afscheid van jullie|afscheid ~ van ~ allemaal|goodbye letter*|goodbye note*|said goodbye|say goodbye to everyone|vaarwel|mijn laatste bericht|laatste berichtje|my last message|my final message|my last text|this is my last|mijn laatste woorden|goodbye forever|farewell|suicide note|suicide brief|laatste ~ groet|testament ~ geschreven|voor als ik er niet ~ ben"],
    unless: "leave for|back in|be back|see you|holiday|vacation|trip|flight|reis|terug over|ben terug|ben weer terug|oma|opa|moeder|vader|begrafenis|crematie|uitvaart|collega|collegas|baan|werk|huis|vandaag|week|morgen|tot|avond|vakantie|school|groep|team|lol|haha|speech|laatste dag|laatste werkdag|notaris|laten maken|laten opstellen|gaat het goed|gaat goed met me|beroep|vak|carriere|loopbaan|job|club|vereniging|de drank|alcohol|roken|sigaret*|verslaving|oude leven|oude ik",
    reach: 8,
    acute: "always",
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
    all: ["beter|better|blijer|gelukkiger|makkelijker|lichter", "zonder mij|zonder me|without me|als ik er niet|als ik weg|als ik dood|als ik er niet meer|als ik verdwijn|dat ik verdwijn|als ik ~ verdwijn"],
    window: 6,
    unless: "app|groep|team|feest|cursus|werk|vergadering|uitje|wedstrijd",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.burden", {
    all: ["een last voor|tot last|ben ~ een last|een last ben|last ben|a burden|burden to|burden on|blok aan ~ been|zonder mij ~ goedkoper|goedkoper uit ~ zonder|kost alleen maar|heeft niks aan me|heeft niets aan mij|heeft niets aan me|heeft niks aan mij|maak het makkelijk voor ze|waste of space|waste of money|sta ~ alleen maar in de weg|niemand ~ last van me|niemand ~ last van mij|niemand meer last"],
    unless: "boodschappen|tas|tassen|rug|knie|koffer|verhuizing|zwaar ~ tillen|app|abonnement|auto|telefoon|sportschool|het kost|dat kost|die kost|dat ding|naar het ziekenhuis ~ brengen|naar de dokter ~ brengen|rijden",
    reach: 4,
    negatable: false,
  }),
  rule("suicide.no-way-out", {
    all: ["het leven ~ niet ~ zitten|zie het ~ niet meer ~ zitten|geen uitweg|no way out|zie ~ geen toekomst|heb ~ geen toekomst|no future"],
    unless: "met|voor|bij|die|dat|deze|brief|werk|gesprek|afspraak|morgen|even|wedstrijd|weekend|feest|vakantie|verjaardag|uit de|uit die|uit mijn|schuld*|in dit|in deze|in nederland|land|baan|bedrijf|relatie|studie",
    reach: 4,
  }),
  rule("suicide.no-reason", {
    all: ["geen reden ~ om door te gaan|geen reden ~ door te gaan|no reason to go on|no reason to keep going|no reason to live|geen reden ~ leven|geen reden om te leven|geen reden ~ om te leven|geen reden meer ~ leven|niets meer om voor te leven|nothing to live for|niks om voor te leven|niets om voor te leven"],
    negatable: false,
  }),
  rule("suicide.not-live", {
    all: ["niet meer zo leven|niet langer zo leven|niet meer zo ~ leven|niet meer op deze manier ~ leven|not live like this"],
    unless: "schuld*|hulp|veranderen|anders|daarom|zoeken|aanpakken|oplossen|werk|baan|huis",
    reach: 12,
    negatable: false,
  }),
  rule("suicide.method-question", {
    all: ["doet ~ pijn|pijn doen|pijnloos|hurt|hurts|snel|lang", "verdrinken|ophangen|springen|pillen|snijden|dood gaan|sterven|stikken|overdosis|drowning|hanging|to die"],
    window: 8,
    unless: pattern(`${MEDIA.source}|tand*|bevalling|prik|operatie|tattoo|piercing|kat|hond|dier*|vis|vissen|kreeft|plant*|mug*|op werk|op mijn werk|slachthuis|slager*|fysio*|hand doet pijn|pols doet pijn|arm doet pijn|pijn van het`),
    reach: 6,
  }),
  rule("suicide.dead-relief", {
    all: ["dood gaan|dood zijn|sterven|dood|dying|death|being dead", "opluchting|verlossing|rust ~ vinden|eindelijk rust|bevrijding|relief|peace|lijkt me fijn|lijkt me ~ fijn|lijkt me heerlijk|zou fijn zijn|would be nice|sounds nice"],
    window: 6,
    unless: pattern(`${SOMEONE_ELSE.source}|voor hem|voor haar|voor opa|voor oma|voor mijn moeder|voor mijn vader|lijden|ziek|kanker|euthanasie`),
    reach: 6,
    negatable: false,
  }),
  rule("suicide.no-point", {
    all: ["geen zin|geen nut|zin meer|nut meer|wat ~ voor zin|nog voor zin|nog ~ voor zin|heeft het ~ nog zin|heeft het nog wel zin|wat ~ zin|no point|zinloos|nutteloos|waardeloos|geen doel", "leven|bestaan|alles|life|living|mijn leven|anything|everything"],
    window: 7,
    unless: "zin in|heb ~ zin ~ in ~ eten|schoonmaken|opruimen|solliciteren|sporten|cursus|afspraak|brief|werk|school",
    reach: 2,
    negatable: false,
  }),
  rule("suicide.tired-of-life", {
    all: ["zat|moe|gehad|beu|klaar|tired|sick|done|genoeg", "het leven|mijn leven|dit leven|living|of life|with life|leven"],
    window: 5,
    unless: "zoals het|veranderen|verbeteren|anders|nieuw|nieuwe|beginnen|opnieuw|leven van|leven in|druk|zwaar|duur|geef niet op|ik ga door|zet door|hou vol|houd vol|will not give up|wont give up|oude leven|vorige leven|old life",
    reach: 14,
  }),
  rule("suicide.disappear", {
    all: ["voor altijd ~ verdwijnen|verdwijnen ~ voor altijd|verdwijnen ~ voorgoed|voorgoed ~ weg|voorgoed ~ verdwijnen|niet meer ~ bestaan|nooit geboren|never been born|disappear forever|never wake up|nooit meer wakker|not wake up"],
    negatable: false,
  }),
  rule("suicide.never-existed", {
    all: ["had ik maar|was ik maar|wou dat ik|wilde dat ik|zou willen dat ik|ik wens dat ik|i wish i|wish i had|wished i|if only i had", "nooit ~ bestaan|nooit ~ geboren|never ~ born|never ~ existed|never ~ exist|niet ~ geboren|niet ~ bestaan|er nooit ~ geweest|er niet ~ geweest"],
    window: 8,
    unless: MEDIA,
    reach: 4,
    negatable: false,
  }),
  rule("suicide.english", {
    all: ["want to die|wanna die|i want die|i want dead|i want to dead|i want be dead|want to be dead|wanna be dead|wants to die|ready to die|going to die|kill myself|killing myself|suicidal|end it all|end my life|take my own life|better off dead|do not want to live|dont want to live|no reason to live"],
    // "i want die hard on dvd": the film.
    unless: "hard|diehard",
    reach: 1,
  }),
  rule("suicide.passive", {
    all: ["hoeft ~ niet meer ~ voor mij|hoeft voor mij niet meer|hoeft voor mij ~ niet meer|voor mij hoeft het niet meer|hoop ~ niet ~ wakker|hoop dat ik ~ niet ~ wakker|hoop dat ik ~ dood|niet ~ wakker ~ worden ~ morgen|morgen ~ niet ~ wakker|hope i ~ not wake up|hope i ~ do not wake up|eeuwige rust|rust ~ voorgoed|voorgoed ~ rust|voor altijd ~ rust|rust ~ voor altijd|eeuwig slapen|slapen ~ voor altijd|voor altijd slapen|sleep forever|mijn tijd zit er ~ op|stekker er uit|licht ~ uit ~ doen ~ voorgoed|klaar met alles|klaar ~ met alles ~ en iedereen|done with everything|het hoeft niet meer"],
    unless: "telefoon|laptop|computer|tv|televisie|wasmachine|koelkast|werk|baan|cursus|school|studie|traject|relatie|vriendschap|project|app|groep|feest|vakantie|dienst|ploeg|contract|stage|voor vandaag|weekend|vrije dag|uitgezet|uit gezet|uitgedaan|uit gedaan|oven|magnetron|kachel|waterkoker|kortsluiting|brandlucht",
    reach: 5,
    negatable: false,
  }),
  // Regret at waking up again: "iedere ochtend baal ik dat ik weer wakker ben".
  rule("suicide.passive", {
    all: ["baal ~ dat ik ~ wakker|balen dat ik ~ wakker|jammer dat ik ~ wakker|teleurgesteld dat ik ~ wakker|helaas ~ weer wakker|weer wakker ~ helaas|sorry that i woke|disappointed ~ woke up"],
    unless: "wekker|te laat|vroeg|om 5|om 6|kinderen|baby|buren|herrie|lawaai|kat|hond",
    reach: 5,
  }),
  // A wish put as feeling like it: "ik heb zin om dood te gaan".
  rule("suicide.wish-dead", {
    all: ["zin om ~ dood|zin ~ dood te gaan|zin om te sterven|zin ~ te sterven|feel like dying|zin in de dood"],
    unless: "lachen|hitte|verveling|haha|lol",
    reach: 5,
  }),
  // Voices or the head telling the writer to jump or die.
  rule("suicide.voices", {
    all: ["stem|stemmen|hoofd zegt|hoofd ~ zegt|hoofd blijft ~ zeggen|voices|voice", "spring|springen|dood|jump|kill yourself|maak je ~ dood|maak ~ een eind|doe het ~ nou"],
    window: 8,
    unless: "stem ~ op|stemmen op|verkiezing*|stembureau|zang*|koor|muziek|liedje|film|serie",
    reach: 6,
  }),
  rule("suicide.accident-wish", {
    all: ["kreeg ~ maar ~ ongeluk|krijg ~ maar ~ ongeluk|was ik maar ~ aangereden|werd ik maar ~ aangereden|onder een auto ~ kwam|kwam ~ maar ~ onder|als ik nou eens ~ ongeluk|hoop ~ ongeluk ~ krijg|ziek ~ worden ~ en ~ dood|maar ~ kanker|niet ~ meer ~ wakker ~ worden|would get hit by|hit by a car ~ wish|wish ~ hit by"],
    negatable: false,
  }),
  rule("suicide.disappear", {
    all: [WANT, "verdwijnen|weg zijn|er niet zijn|niet bestaan|niet meer bestaan|nooit ~ geboren|disappear|vanish|not exist|cease to exist"],
    window: 4,
    unless: "even|vakantie|eiland|weekend|weekje|naar|onder de dekens|onder een deken|uit de groep|uit de app|van de aardbodem ~ schaam|schaam|voor de klas|presentatie|spreekbeurt|door de grond|de grond in|oplossen ~ schuld*|oplossen ~ probleem|problemen oplossen|schulden oplossen|for a while|for a bit|holiday",
    reach: 5,
  }),
  rule("suicide.dead-family", {
    all: [WANT, "bij mijn overleden|bij ~ overleden|naar mijn overleden|bij ~ moeder ~ in de hemel|bij ~ vader ~ in de hemel|bij ~ boven|naar ~ boven|be with my ~ mom ~ heaven|be with my late|join my"],
    window: 8,
    unless: "graf|begraafplaats|kerkhof|foto|herdenking|zondag|bezoeken|langs|bloemen|verjaardag",
    reach: 6,
  }),
  rule("suicide.last-time", {
    all: ["laatste keer ~ van me hoort|laatste keer dat ~ van me ~ hoort|hoort ~ nooit meer ~ van me|nooit meer ~ van mij horen|nooit meer iets van me|will never hear from me|never hear from me again|laatste berichtje|mijn laatste woorden"],
    negatable: false,
    acute: "always",
  }),
  rule("suicide.plan", {
    all: ["weet ~ al ~ hoe ik het ~ ga doen|weet al hoe ik het doe|weet al ~ wanneer ik het ~ doe|heb ~ datum ~ gekozen ~ voor|datum ~ geprikt|plan ~ klaar ~ om|ik heb een plan ~ om ~ er|know how i ~ do it|picked a date|have a plan to end"],
    negatable: false,
  }),
  rule("suicide.english", {
    negatable: false,
    all: ["wish i could ~ not exist|wish ~ not exist|wish i could ~ disappear|plan to end it|going to end it|want to end it|gonna end it|end it tonight|end it now|end it all|take the easy way out|no point in living|no point living|cannot go on|cant go on|cannot do this anymore ~ die|not worth living|life is not worth|want to disappear forever"],
  }),
  rule("suicide.why-alive", {
    all: ["waarom ik nog hier ben|waarom ik nog leef|snap ~ waarom ik nog|waarom ben ik niet dood|waarom ~ niet dood gegaan|why didnt i die|why did i not die|why did i survive|waarom heb ik het overleefd|mag ik ~ dood|mag ik ~ sterven|can i just die|waarom leef ik ~ nog|waarom ben ik ~ nog ~ hier|waarom ben ik ~ nog ~ op ~ wereld|waarom besta ik|waarom ~ nog ~ leven|waarom zou ik ~ nog ~ doorgaan|waarom ~ nog ~ doorgaan|why ~ go on|why keep going|wat doe ik hier nog|why am i ~ alive|why am i still here|why do i ~ exist|waarom ~ geboren"],
    negatable: false,
  }),
  rule("suicide.leave-world", {
    all: ["weg van deze wereld|weg uit deze wereld|van deze aarde|deze wereld ~ verlaten|uit deze wereld|leave this world|weg ~ voor altijd|voor altijd ~ weg|voorgoed weg|weg ~ voorgoed|nooit meer terug ~ komen|kom ~ niet ~ terug ~ voor altijd|gone forever|leave forever"],
    unless: "vakantie|verhuiz*|verhuis*|land|stad|buitenland|emigr*|turkije|marokko|suriname|spanje|holiday|move",
    reach: 8,
    negatable: false,
  }),
  // Thinking out how to do it, night after night ("ik bedenk elke nacht hoe ik t zou doen"): a method in mind, even with "lol".
  rule("suicide.method-thinking", {
    all: ["bedenk|bedenken|bedacht|denk ~ na|nadenken|fantaseer*|pieker*|think|thinking|figure out|figuring out", "hoe ik het ~ zou doen|hoe ik het zou kunnen doen|hoe ik het ~ ga doen|hoe ik t ~ zou doen|hoe ik t ~ ga doen|how i would do it|how id do it|how i would end it|how to do it"],
    window: 8,
    unless: "verhuiz*|verhuis*|sollicit*|gesprek|brief|opruimen|uitleggen|vertellen|zeggen|betalen|regelen|aanpak*|aanpakken|budget|schulden|boodschappen|tegen hem|tegen haar|aan mijn|aan de|loterij|win|winnen|rijk|tell|explain|pay|move|lottery",
    reach: 6,
    negatable: false,
  }),
  // Not belonging in this world, the world itself named ("ik hoor hier niet. op deze wereld bedoel ik").
  rule("suicide.not-belong", {
    all: ["hoor niet|hoor er niet|hoor hier niet|hoor ik niet|hier niet hoor|niet hier hoor|nergens hoor|hoor nergens|niet thuis voel|voel ~ niet thuis|pas ~ niet|dont belong|do not belong|never belonged", "op deze wereld|op deze aarde|in deze wereld|op de wereld|op aarde|in this world|on this earth|on earth"],
    scope: "message",
    together: 1,
    unless: "land|nederland|stad|wijk|buurt|groep|klas|familie|club|werk|country|town|city|team|school",
    reach: 8,
    negatable: false,
  }),
  rule("suicide.not-belong", {
    all: ["niet op deze wereld hoor|niet op deze aarde hoor|niet op de wereld hoor|niet op aarde hoor|niet op deze wereld thuis|niet in deze wereld thuis|niet ~ thuis op deze wereld"],
    negatable: false,
  }),
  rule("suicide.god-take-me", {
    all: ["god|allah|de heer|jezus|here|hemel|heaven|jannah|paradijs|de overkant|engeltjes", "mag me ~ halen|haal me|kom me ~ halen|komt me ~ halen|neem me|naar ~ toe|bij ~ zijn|take me|halen|wil ~ naar|wil ~ bij|ga ~ naar|to be with"],
    window: 8,
    unless: "kerk|moskee|bidden voor|gebed|zondag|vrijdag|de dienst|ramadan|feest|les|koran|bijbel|ooit|later|oud",
    reach: 6,
  }),
  rule("suicide.how-to-die", {
    all: ["hoe|welke|hoeveel|how|which|googel*|gegoogeld|gegoogled|opgezocht|op ~ gezocht|gekeken|zoek*|internet", "overleeft|overleef|overleven|survive|strop|noose|touw|dosis|hoe ~ het ~ ga doen|dood gaat|dood gaan|dood te|dood zijn|ophangt|ophang*|opknopen|springt|springen|dodelijk*|sterven|sterft|verdrinken|verdrinkt|zelfmoord|pijnloos|lethal|to die|kill yourself|kill myself|overdose|snel dood|hoog ~ springen"],
    window: 10,
    unless: pattern(`${MEDIA.source}|plant*|vis|vissen|kat|hond|konijn|dier*|bacterie*|virus|cellen|opa|oma|vader|moeder|oorlog|muggen|mieren|onkruid|batterij|accu|euro|geld|maand|budget|boodschappen|salaris|uitkering|loon|examen|feestdagen|winter|hitte`),
    reach: 6,
  }),
  rule("suicide.thoughts", {
    all: ["denk|dacht|denken|gedachten|gedachtes|fantaseer*|droom|thinking|think", "aan ~ dood gaan|aan ~ dood|aan ~ sterven|aan ~ dood zijn|aan ~ er niet ~ zijn|over ~ dood gaan|about dying|about death|about killing|of dying|aan de dood"],
    window: 8,
    unless: pattern(`${SOMEONE_ELSE.source}|de dood van|aan ~ dood ~ van|angst|bang|examen`),
    reach: 4,
  }),
  rule("suicide.dead-alone", {
    all: ["^ ~ dood $|^ ~ dood zijn $|^ ~ dood gaan $|^ ~ sterven $|^ ~ dood willen $|^ ~ dood ~ is mijn doel|mijn doel ~ dood|^ dead $|^ to die $|^ ~ wil niet meer $|^ ~ wil niet meer ~ echt $|^ ~ i do not want to anymore $|^ ~ dat het ~ ophoudt $|^ ~ dat alles ~ ophoudt $|^ ~ dat het ~ stopt $|^ ~ dat alles ~ stopt $|^ ~ dat het ~ voorbij is $|^ ~ for it to end $|^ ~ for it to stop $"],
    // "veel mensen dood", "de kat dood": someone else is dead, the writer does not want to be.
    unless: pattern(`${MEDIA.source}|mensen|soldaten|oorlog|slachtoffers|doden|bid|bidden|kat|hond|poes|vis|vissen|plant*|trap|trappen|boodschappen|gefietst|gelopen|gesport|sporten|werkdag|dienst|gym|training|verhuizing|verhuisd|geklust|bekaf|kapot gewerkt`),
    notInside: "mensen|soldaten|slachtoffers|kat|hond|poes|vis|vissen|plant*|hij|zij|ze|iedereen|niemand|nobody|gelukkig",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.want-it-over", {
    all: ["dat mijn leven ~ stopt|dat mijn leven ~ ophoudt|dat mijn leven ~ voorbij|dat mijn leven ~ eindigt|dat ~ mijn hart ~ stopt|my life to end|dat ik ~ niet meer wakker"],
    negatable: false,
  }),
  rule("suicide.end-life", {
    all: ["met leven|met het leven|met mijn leven|with life|with living", "stop*|klaar|ophouden|kap*|done|ermee|er mee|quit"],
    window: 9,
    unless: "verder ~ met|door ~ met|begin*|opnieuw|nieuw|sociaal|normaal|gezond",
    reach: 3,
  }),
  rule("suicide.dead-relief", {
    all: ["dan ben ik dood|ben ik dood|then i am dead|als ik dood ben|wanneer ik dood ben|als ik er niet meer ben|als ik er niet ~ ben|na mijn dood|when i am dead|when i am gone|as ik dood ben", "eindelijk|rust|stil|beter|opgelost|niemand|last|klaar|vrij|verlost|blij|peace|finally|better|nobody"],
    window: 10,
    unless: "testament|erfenis|huis|later|oud|ooit|begraven|cremeren|crematie|uitvaart|verzekering|pensioen",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.farewell-letter", {
    all: ["afscheidsbrie*|goodbye letter*|suicide note|afscheidsbriefje*|laatste brief*"],
    unless: "collega*|werk|baan|school|juf|meester|vrijwilliger*|cursus|groep|team|verkocht|oud huis|verhuiz*|klas|vereniging|club",
    reach: 8,
    acute: "always",
  }),
  rule("suicide.method-other", {
    all: ["kist uitzoeken|mijn kist|doodskist ~ mij|grafsteen ~ mij|mijn grafsteen|coffin|had ~ maar ~ moeten springen|was ik ~ maar ~ gesprongen|had ik het maar gedaan|had ~ maar ~ dood|mijn hoofd zegt ~ moet|stemmen ~ zeggen ~ moet|stem ~ zegt ~ moet|voices ~ tell me|datum in mijn hoofd|heb ~ al ~ datum|wie wat krijgt|wie ~ krijgt ~ spullen|mijn spullen ~ verdelen|verdeel ~ mijn spullen|better i die|better if i die|better if i was dead|het leven uit $|wil ~ het leven uit|niet meer ~ op aarde|niet meer ~ hier op aarde|op deze aarde ~ niet meer|doodschieten|dood ~ schieten|doodsteken ~ mezelf"],
    unless: "oma|opa|moeder|vader|tante|oom|uitvaart van|verhuiz*|opruim*|werk|baan|film|serie|game|in nederland|in deze stad|wonen|erfenis|testament",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.one-step", {
    all: ["one step|een stap ~ naar voren|just one step|een stapje|een stap $|een stap maar", "train|trein|spoor|rand|edge|brug|bridge|tracks|balkon|dak"],
    scope: "message",
    unless: "sollicit*|cursus|werk|baan|doel|volgende stap|eerste stap|coach|plan|traject",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.done-with-me", {
    all: ["dan is het klaar met mij|is het klaar met mij|is het over met mij|is het afgelopen met mij|then it is over for me"],
    unless: pattern(`${PERSON_NEAR}`),
    reach: 8,
    negatable: false,
  }),
  rule("suicide.farewell", {
    all: [FAREWELL, FAREWELL],
    scope: "message",
    negatable: false,
    acute: "always",
  }),
  rule("suicide.farewell", {
    all: [FAREWELL, "dit is het einde|het is op|het is klaar|het is voorbij|is het klaar|it is over|this is the end|this is it|tot ooit|tot nooit|laatste keer|laatste bericht|er ~ niet meer|voor altijd|niet meer nodig|waar ik heen ga|vannacht|vanavond|bijna niet meer"],
    scope: "message",
    negatable: false,
    acute: "always",
  }),
  rule("suicide.giving-away", {
    all: ["gegeven|geef|geeft|gaf|krijgt|krijgen|verdeeld|geregeld|gebracht|weggedaan|gave|given|giving|spullen|spaargeld|sleutels|bankpas|huisdier*|hond|kat", "niet meer nodig|als ik weg ben|als ik er niet ~ meer ~ ben|als ik dood ben|waar ik heen ga|ik er niet meer|ik ~ er niet meer|ben er ~ niet meer|na mijn dood|when i am gone|will not need|wont need|dont need ~ anymore|do not need ~ anymore|nieuw baasje|nieuwe baas|nieuw huis ~ als ik"],
    window: 16,
    unless: "kringloop|marktplaats|goede doel|verhuiz*|verhuis*|te klein|opruim*|vinted|voedselbank|zolder|vakantie|ziekenhuis|opname|kliniek|reis|op reis|blaft|blaffen|jankt|janken|miauwt|uitlaten|oppas*|werk|boodschappen|klagen",
    reach: 12,
    negatable: false,
  }),
  rule("suicide.place", {
    all: ["sta op het dak|op het dak van|sta op de brug|op de brug ~ sta|op de rand|over de rand|over de reling|over het hek|op de reling|aan de rand van|sta ~ op ~ balkon|zit ~ op ~ balkon ~ rand|op het spoor|op de rails|standing on the ~ bridge|on the roof|on the ledge|on the edge|over the railing|at the edge"],
    unless: "reparatie|dakgoot|schoonmaken|antenne|zonnepanelen|werk|werkt|prorail|vacature*|monteur|uitzicht|foto*|zonsondergang|vuurwerk|bbq|feest|kijken naar|bank|stoel|bed|tafel|burn out|ravijn ~ financ*|faillissement|schulden|financieel|geld|chaos|instorten|wacht op mijn|wachten op mijn|te wachten op mijn|wacht op een vriend*|shoppen|winkelen|afgesproken|waiting for my|dakgoot|schoon te maken|schoonmaken|repareren|antenne|zonnepanelen|kan ik je ~ bellen",
    reach: 8,
    acute: "always",
  }),
  rule("suicide.method-jump", {
    all: [WANT, "springen|jump"],
    window: 5,
    unless: "zwem*|zwembad|duik*|trampoline|blij*|vreugde|zomer|afkoelen|parachute|bungee|swim*|dive|diving|paard|touwtje|hoog ~ springen|ver ~ springen|dansen|lucht",
    reach: 8,
  }),
  rule("suicide.method-car", {
    all: ["stuur omgooien|stuur ~ omgooien|tegen een pijler|tegen de pijler|tegen de vangrail|frontaal ~ tegen|tegen een boom|tegen de boom|tegen een vrachtwagen|tegen een muur ~ rijden|voor een vrachtwagen|voor een auto|onder een vrachtwagen|onder een auto|de snelweg op|van de brug ~ rijden|van de dijk|het water in ~ rijden|rij ~ ergens tegenaan|rijd ~ ergens tegenaan|ergens tegenaan ~ rijden|rij ~ te pletter|rijd ~ te pletter|rij me dood|rijd me dood|crash ~ the car|crash ~ my car|drive ~ into ~ wall|motor aan|motor ~ draaien|uitlaat*|into a tree|in front of a truck|in front of a car", "ik|me|mezelf|rij|rijd|ga|loop|zit|i|myself|drive"],
    window: 14,
    unless: "ongeluk|gisteren ~ iemand|buurman|nieuws|file|bijna ~ ongeluk|monteur|garage ~ gebracht|apk|kapot|warm ~ laten|laten ~ warm",
    reach: 6,
    acute: "always",
  }),
  rule("suicide.method-water", {
    all: ["in het water gelopen|water in gelopen|het water in gelopen|tot mijn middel|tot mijn nek|kom me ~ niet zoeken|zoek me niet|ga me niet zoeken|do not look for me|lig ~ in de vaart|lig ~ in het water|in de vaart|in het kanaal|loop ~ het water in|het water in ~ lopen|water in ~ lopen|in het water ~ springen|de zee in ~ lopen|de zee in|het kanaal in|de gracht in|laat me ~ zinken|laat me ~ verdrinken|verdrink ~ mezelf|walk into the sea|walk into the water|drown myself"],
    unless: "zwem*|zwembad|afkoelen|warm|zomer|pootje|strand ~ met|surf*|kinderen|swim",
    reach: 8,
  }),
  rule("suicide.method-rope", {
    all: ["touw|strop|riem|kabel|snoer|noose|rope", "hangt $|hangt klaar|hangt al|bos|naar het bos|in het bos|gereden|vastgemaakt|vast ~ gemaakt|vastgeknoopt|balk|zolderbalk|haak|plafond|geknoopt|knoop|tied|hanging|trapleuning|deurklink|om mijn nek|around my neck"],
    window: 8,
    unless: "waslijn|was|schommel|hangmat|boot|tent|klimmen|tuin|verhuiz*|fiets|lamp|kerst|plant|hond|vlag|gordijn*|tillen|aanhanger|auto",
    reach: 6,
    acute: "always",
  }),
  rule("suicide.saving-pills", {
    all: [SUBSTANCE, "spaar*|opgespaard|opspaar*|opsparen|gespaard|verzamel*|hamster*|stockpil*|saving|bewaar ~ voor als|voor als het ~ niet meer|voor als ik"],
    window: 8,
    unless: "vakantie|reis|voorraad ~ apotheek|apotheek ~ dicht",
    reach: 4,
  }),
  rule("suicide.english", {
    negatable: false,
    all: ["wani dede|wan dede|mi wan dede|wil ~ dede|rather not exist|wish i ~ not exist|wish i ~ never ~ born|want it all to stop|want everything to stop|not want to wake up|dont want to wake up|do not want to wake up|done with life|done with living|ending it|end things"],
  }),
  // --- suicide, as people say it without the word
  rule("suicide.let-it-come", {
    all: ["als ik ~ ongeluk|onder een bus|onder een auto|onder de trein|niet meer op ~ sta|niet meer wakker|in slaap val|als het mijn hart|als ik ziek word|als ik doodga|als ik dood ga|if i ~ accident|if i ~ hit by|if i ~ not wake up", "is dat ook goed|is dat goed|dan is het klaar|was het klaar|tenminste klaar|niet erg|maakt ~ niet uit|mag van mij|dan is het maar zo|is het maar zo|prima|goed zo|dan is het over|was het over|fine by me|would not mind|wouldnt mind|dan ben ik ervan af|dan ben ik er van af"],
    window: 16,
    negatable: false,
  }),
  rule("suicide.let-me-die", {
    all: ["laat ~ me ~ maar ~ dood gaan|laat ~ mij ~ maar ~ dood gaan|laat me maar gaan|laat mij maar gaan|laat me ~ maar ~ sterven|let me die|just let me go|mag het ~ ophouden|mag alles ~ ophouden|wanneer is het ~ eindelijk ~ over|wanneer is het ~ eindelijk ~ voorbij|wacht ~ op het einde|wacht ~ op mijn einde|wacht alleen nog op|geen leven meer|dit is geen leven|het enige wat me ~ tegenhoudt|enige ~ wat me nog ~ tegenhoudt|only thing keeping me|only reason i am still here|waiting to die|wachten tot ik dood"],
    unless: "bus|trein|tram|uitslag|brief|uwv|gemeente|pakket|antwoord|vakantie|weekend|afspraak|les|vergadering|film|serie|werkdag|dienst",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.metaphor", {
    all: ["eeuwige slaap|genoeg geleefd|game over voor mij|laatste bladzijde|laatste hoofdstuk ~ mijn|mijn tijd is gekomen|mijn tijd zit er ~ op|niet meer opladen|punt achter mezelf|punt ~ achter ~ mezelf|punt achter mijn leven|echte rust|onder de grond|six feet under|het licht ~ uit ~ voor altijd|ik ben klaar met ~ dunya|klaar met deze wereld|klaar met deze dunya|done with this world|done with life|kiri mi srefi|kiri mi"],
    unless: "kelder|metro|parkeergarage|tunnel|mijnwerker|boek ~ uit|uitgelezen|serie|film|game|spel ~ verloren|telefoon|laptop|accu|auto|fiets",
    reach: 6,
    negatable: false,
  }),
  rule("suicide.metaphor", {
    all: ["licht uitdoen|licht ~ uitdoen|licht uit doen|licht ~ uit ~ doen|punt ~ achter ~ zetten|punt achter ~ zet|stekker ~ er uit|doek ~ laten vallen|mooi geweest|het is op|het spel moe|ik geef op|game over|wil gaan|ik ga $|ben weg $|wil ~ weg", "ben het zat|het zat|ben ~ moe|kan niet meer|kan het niet meer|hou het niet ~ vol|klaar mee|geen zin meer|heeft geen zin|zinloos|uitzichtloos|hopeloos|voor altijd|voorgoed|nooit meer|achter mezelf|mijn leven|voor mij|genoeg geleefd|i give up|cannot do this|tired of"],
    scope: "message",
    unless: "cursus|werk|baan|school|studie|traject|relatie|vriendschap|project|verhuiz*|vakantie|weekend|naar huis|slapen|naar bed|boodschappen|winkel|feest|groep|app|club|vereniging|sport|training|dieet|roken|lampen|lamp",
    reach: 8,
    negatable: false,
  }),
  rule("suicide.rest-forever", {
    all: ["wil rust|wil ~ rust|rust willen|want peace|want rest", "voorgoed|voor altijd|eeuwig|echte rust|onder de grond|nooit meer wakker|forever|for good"],
    scope: "message",
    negatable: false,
  }),
  rule("suicide.done-with-life", {
    all: ["klaar|kappen|stoppen|zat|beu|done|ophouden|stop", "^ ~ met het leven $|^ ~ met leven $|^ ~ met mijn leven $|met ademhalen|met ademen|met bestaan|with breathing|with life $"],
    scope: "message",
    negatable: false,
  }),
  rule("suicide.follow-the-dead", {
    all: [pattern(`${WANT.source}|ga|gaan|volg|follow|go`), "bij mijn|naar haar toe|naar hem toe|bij haar ~ zijn|bij hem ~ zijn|to her|to him|be with|achterna|volgen|follow"],
    window: 6,
    unless: "graf|begraafplaats|kerkhof|foto|herdenking|bezoeken|langs|bloemen|verjaardag|op visite|logeren|eten|koffie|winkel|stad|werk|vakantie|weekend|morgen|zaterdag|zondag|cursus|opleiding|les|lessen|training|workshop|therapie|traject|studie|advies|dieet|regels|route|bbq*|barbecue*|feest|feestje|etentje|gourmet*|spelen|voetbal|kijken",
    reach: 6,
  }),
  rule("suicide.follow-the-dead", {
    all: ["volg|volgen|follow|achterna|achter hem aan|achter haar aan|met hem mee|met haar mee|wil ~ mee|wil ~ ook ~ dood|wil ~ ook ~ gaan|wil ~ naar ~ toe|wil ~ bij ~ zijn|wil ~ bij ~ zijn|bij hem zijn|bij haar zijn|be with him|be with her|join him|join her|want to go ~ too", "gegaan|is gegaan|is er ~ niet meer|overleden|gestorven|daarboven|in de hemel|died|passed away|is dead|sinds ~ dood|zelf gedaan"],
    scope: "message",
    together: 1,
    unless: "graf|begraafplaats|kerkhof|foto|herdenking|bezoeken|langs|bloemen|verjaardag|rouw*|verwerken|missen|mis|uitvaart|begrafenis|crematie|condoleance|afscheidsdienst|funeral|instagram|insta|tiktok|facebook|youtube|twitter|online|social media",
    reach: 6,
  }),
  rule("suicide.god-take-me", {
    all: ["god|allah|de heer|jezus|here|hemel|heaven|jannah", "neem mij|haal mij|mij ~ halen|mij ~ mee|neem ~ me ~ mee|take me"],
    window: 8,
    reach: 6,
  }),
  rule("suicide.copy", {
    all: ["zelf gedaan|het ook gedaan|zelf ~ leven ~ genomen|heeft zich ~ opgehangen|voor de trein ~ gesprongen|killed himself|killed herself|took his own life|took her own life", "ik ~ ook ~ doen|ga ~ het ook|het ook ga doen|achterna|do the same|ik ook|me too"],
    scope: "message",
    negatable: false,
  }),
  rule("suicide.unstoppable", {
    all: ["niemand kan me ~ tegenhouden|niemand houdt me ~ tegen|niemand ~ tegenhouden|nothing can stop me|no one can stop me|lang genoeg ~ nagedacht|nu is het moment|het moment is daar|het is tijd ~ om te gaan"],
    unless: "sollicit*|solliciteren|cursus|verhuiz*|rijbewijs|examen|sporten|dieet|afvallen|roken|vakantie|verbouwing|school|werk|baan|opleiding",
    reach: 8,
    negatable: false,
  }),
  rule("suicide.when-found", {
    all: ["als ze me vinden|wanneer ze me vinden|vinden me ~ pas|ze vinden me ~ na|when they find me|find my body|mijn lichaam ~ vinden|mijn lichaam vindt|als ik gevonden word"],
    unless: "verstoppertje|spel|verdwaald|kwijt",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.funeral", {
    all: ["mijn begrafenis|mijn uitvaart|mijn eigen begrafenis|mijn crematie|my funeral", "als ik ga|niemand|vooraf|straks|lastig maken|binnenkort|who would come|wie zou|zou er ~ komen"],
    scope: "message",
    together: 1,
    unless: "verzekering|uitvaartverzekering|oud|ouder|later|notaris|ooit|pensioen",
    reach: 12,
    negatable: false,
  }),
  rule("suicide.method-research", {
    all: ["hoe hoog ~ flat|hoe hoog ~ springen|hoe hoog ~ brug|strop ~ maakt|strop ~ maken|strop ~ knopen|hoe je ~ strop|how to tie a noose|hoeveel ~ nodig ~ dood|how many ~ would it take|how much ~ would be enough|would it take|would be enough|kan je dood gaan van|kun je dood gaan van|ga je dood van|can you die from|can i die from|is het dodelijk|dodelijke dosis|lethal dose|treinen ~ hardst|trein ~ hardst|hardst rijden ~ trein*|hardst ~ langs"],
    unless: pattern(`${MEDIA.source}|plant*|vis|vissen|kat|hond|konijn|dier*|paddenstoel*|bessen|nieuwsgierig ~ quiz|quiz|opa|oma|vader|moeder`),
    reach: 6,
  }),
  rule("suicide.method-research", {
    all: ["hoeveel|how many|how much|welke|which", SUBSTANCE, "nodig|genoeg|enough|take|dodelijk|lethal|dood|die|overleef*|survive"],
    window: 10,
    unless: "per dag|voorgeschreven|mag ik|mag je|voor de pijn|tegen de pijn|dokter|apotheek|bijsluiter|kind|kinderen|hond|kat",
    reach: 6,
  }),
  rule("suicide.plan", {
    all: ["uitgedacht|uitgestippeld|alles ~ gepland|welke dag en hoe|wanneer en hoe|hoe en wanneer|welke brug|welk spoor|welke flat|welke trein|which bridge|hoe ik het ga doen|hoe ik het ~ doe|how i will do it|how i am going to do it|de datum staat vast|datum ~ gekozen|datum ~ geprikt"],
    unless: "verhuizing|verhuiz*|feest|bruiloft|verjaardag ~ vieren|vakantie|sollicitatie|cursus|presentatie|examen|afspraak|zitting|rechtszaak|reis|route|fietsen|wandel*|werk|school|opleiding",
    reach: 10,
    negatable: false,
  }),
  rule("suicide.giving-away", {
    all: ["weggegeven|weg ~ gegeven|weggedaan|gegeven aan|naar ~ asiel|naar ~ dierenwinkel|ondergebracht|voor altijd bij|gave ~ to|given ~ to|gave away|nieuw baasje|wrote ~ letters|brieven ~ geschreven|brief ~ geschreven ~ voor", "niet meer nodig|hoef ~ voor niemand meer|als ik weg ben|als er iets ~ met mij ~ gebeurt|als ik er niet ~ ben|will not need|wont need|anymore|any more|in de la|in the drawer|voor als|for when|liggen klaar|op tafel|on the table|beter voor ze zorgen"],
    scope: "message",
    unless: "kringloop|marktplaats|goede doel|verhuiz*|verhuis*|te klein|opruim*|vinted|voedselbank|zolder|vakantie|ziekenhuis|opname|kliniek|reis|allergi*|nieuwe|opgeruimd|kleding|kleren|speelgoed|sollicitatie|gemeente|uwv|woningbouw|advocaat|rechter",
    reach: 12,
    negatable: false,
  }),
  rule("suicide.not-needed-soon", {
    all: ["niet meer nodig|hoef ~ niet meer|hoeft ~ niet meer ~ voor me|will not need|wont need", "na deze week|na zondag|na vrijdag|na zaterdag|na vandaag|na morgen|binnenkort|straks|after this week|after friday|after sunday|soon"],
    window: 14,
    unless: "opname|ziekenhuis|verhuiz*|nieuwe baan|werk|vakantie|operatie|contract|uitkering ~ stopt",
    reach: 8,
    negatable: false,
  }),
  rule("suicide.decided-calm", {
    all: ["besluit genomen|besloten|ik weet wat ik ga doen|weet nu hoe het afloopt|weet ~ hoe het ~ afloopt|decided|made up my mind|have decided|ik weet wat me te doen staat", "rustig|kalm|vrede|opgelucht|calm|peace|relieved|na zondag|na vrijdag|after friday|after sunday|hoeft niemand|geen zorgen|do not worry about me|dont worry about me|niemand ~ meer druk"],
    scope: "message",
    unless: "roken|drinken|blowen|baan|werk|cursus|verhuiz*|scheiden|relatie|solliciteren|opleiding|school|smoking|job|afvallen|dieet|sporten|vakantie|huis kopen|huur|auto",
    reach: 12,
    negatable: false,
  }),
  rule("suicide.with-them-gone", {
    all: ["als ~ er niet meer ~ is|als ~ dood ~ is|als ~ overlijdt|als ~ overleden is|when she is gone|when he is gone|when she dies|when he dies", "stop ik ook|ga ik ook|dan ga ik ook|dan stop ik ook|dan wil ik ook|i go too|i will go too|ik ~ ook ~ dood"],
    window: 12,
    negatable: false,
  }),
  rule("suicide.nobody-misses", {
    all: ["niemand mist mij|niemand mist me|niemand zou me missen|niemand zou mij missen|nobody would miss me|no one would miss me|nobody misses me|niemand zal me missen"],
    unless: "werk|feest|les|cursus|vergadering|vakantie|verjaardag|afspraak|school|op het werk",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.point", {
    all: ["point of going on|point in going on|reason to go on|why go on|why keep going|why bother living|reden ~ door te gaan|reden ~ om door te gaan|waarom ~ doorgaan|waarom zou ik ~ doorgaan|waarom nog ~ doorgaan"],
    unless: "cursus|werk|baan|school|studie|traject|solliciteren|relatie|sport|dieet|met die|met deze|met dat",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.method-time", {
    all: ["vannacht|vanavond|straks|nu|vandaag|morgen|tonight|today|zometeen|tomorrow", "doe ik het|ga ik het doen|ga ~ het ~ doen|ga ik ~ stoppen|ga ~ er mee stoppen|stop ik ~ er mee|stop ik er mee|kan het $|kan het gebeuren|do it|doing it|ga ik $"],
    scope: "message",
    together: 2,
    window: 10,
    reach: 6,
  }),
  rule("suicide.at-the-place", {
    all: ["van het balkon ~ af|van het dak ~ af|van de brug ~ af|van de flat ~ af|ik spring ~ nu|spring nu|ik spring $|ik ga springen $|i will jump|i am jumping|voor de eerste trein|voor de ~ trein $|sta ~ op de brug|sta ~ op het dak|sta ~ op het spoor|ben ~ op de brug|zit ~ op de brug|ben ~ bij de brug|ben ~ bij het spoor|sta ~ bij het spoor|sta ~ bij de brug|sta ~ bij de rails|stap ~ voor de ~ trein|voor de volgende trein|spring ~ er af|spring ik er ~ af|er af springen|spring ~ er ~ af|on the bridge|at the bridge|on the tracks|loop ~ naar het water|ga ~ naar het water|kom ~ niet ~ terug ~ nooit|i am not coming back|never coming back|kom niet terug|kom ik niet ~ terug"],
    unless: "binnen|even|langs|op de fiets|in de auto|werk|foto*|uitzicht|vissen|hengel|wandel*|hond uitlaten|met de hond|fiets|zwem*|vakantie|verhuiz*|emigr*|land|familie|marokko|turkije|suriname|cursus|groep|club|school|winkel|vertraging|wacht op de trein|trein ~ vertraging|wacht op mijn|wachten op mijn|te wachten op mijn|wacht op een vriend*|shoppen|winkelen|afgesproken|waiting for my|dakgoot|schoon te maken|schoonmaken|repareren|antenne|zonnepanelen|kan ik je ~ bellen",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("suicide.electricity", {
    all: ["fohn|haardroger|broodrooster|hairdryer|toaster|stekker ~ in ~ bad", "bad|in bad|bath|badkuip|water"],
    window: 8,
    acute: "always",
  }),
  rule("suicide.ambiguous-notes", {
    all: ["pincode*|wachtwoord*|bankpas*|sleutels|testament|verzekeringspapieren|papieren", "voor mijn broer|voor mijn zus|voor mijn moeder|voor mijn kinderen|voor als|staan in|liggen ~ klaar|hij weet het wel|zij weet het wel|alles ~ geregeld"],
    scope: "message",
    unless: "vakantie|ziekenhuis|opname|reis|notaris|verhuiz*|oppas|logeren|vergeten|kwijt|nieuwe|aanvragen",
    reach: 10,
    negatable: false,
  }),
  rule("suicide.weary", {
    all: ["moe van wakker worden|moe van ~ wakker worden|moe van zijn|moe van bestaan|moe van vechten|tired of waking up|tired of being alive|tired of existing|tired of being here|geen zin meer in morgen|geen zin in morgen|of ooit $|dit was het $|er is geen volgende stap|geen volgende stap ~ meer|there is no next step|cannot keep living|cant keep living|keep living like this|to not exist|not to exist|not exist $"],
    unless: "werk|baan|cursus|school|studie|sport|training|wedstrijd|de file|vakantie|weekend|feestje",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.metaphor", {
    all: ["mezelf uit te zetten|mezelf uitzetten|uitknop ~ mezelf|switch myself off|turn myself off|mijn laatste winter|mijn laatste kerst|my last winter|my last christmas|van de aardbodem verdwijnen|spook dat ~ rondloopt|ben een spook|levende dode|wil ~ alles verlaten|alles ~ achter ~ laten ~ voorgoed|de wereld draait ~ door zonder mij|wereld ~ beter ~ zonder mij|world ~ without me|beter opgeruimd|afval van de maatschappij|ben afval"],
    unless: "kerstboom|kerstpakket|winterjas|winterband*|vakantie|verhuiz*|werk|baan|film|serie|boek|game",
    reach: 5,
    negatable: false,
  }),
  rule("suicide.last-time", {
    all: ["geknuffeld|gezien|gebeld|gezoend|kus*|hugged|kissed|vastgehouden", "voor de laatste keer|for the last time|een laatste keer"],
    window: 10,
    negatable: false,
    acute: "always",
  }),
  rule("suicide.plan", {
    all: ["plan en een datum|een plan ~ een datum|einde ~ plannen|mijn einde ~ plan*|planning my end|planning the end|om het daar te doen|plek gevonden ~ om het|place to do it|waar niemand komt ~ om|ga het nu doen|i am going to do it|papieren op orde|zaken op orde|alles op orde ~ zodat|niet hoeft te zoeken|sleutel ~ onder de mat|zodat ze het ~ netjes vinden|netjes ~ vinden ~ zodat|niemand hoeft me te onthouden|hoeft me niet te onthouden|niemand heeft me nodig ~ ik ga|nobody needs me ~ i go|duurt niet lang meer ~ voor het geval|voor het geval ~ duurt niet lang"],
    unless: "verhuizing|verhuiz*|vakantie|sollicitatie|cursus|examen|afspraak|belasting*|aangifte|toeslag*|gemeente|uwv|huiswerk|werk|opleiding|schoonmaak*|visite|bezoek|verjaardag|feest",
    reach: 8,
    negatable: false,
  }),
  rule("suicide.means-and-will", {
    all: [pattern(`${MEANS.source}|${SUBSTANCE.source}|touw`), "ik ga het doen|ga het doen|ga het nu doen|ga ik het doen|i am going to do it|going to do it|doe het nu|do it now"],
    scope: "message",
    unless: "voorgeschreven|dokter|huisarts|apotheek|schoonmaken|klussen|koken",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("suicide.at-the-place", {
    all: ["loop ~ naar het viaduct|naar het viaduct|loop ~ naar de brug|rij ~ naar de brug|bij het raam ~ verdieping|open raam ~ verdieping|verdieping ~ raam ~ open|raam is open ~ verdieping|verdieping ~ raam is open"],
    unless: "werk|station|bus|winkel|school|fiets|wandel*|hond|uitzicht|schoonmaken|ramen lappen|glazenwasser",
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  // --- self-harm
  rule("selfharm.word", {
    all: ["zelfbeschadig*|zelfverwond*|automutil*|selfharm|self harm|zelf beschadig*|zelf verwond*|cutten|cutting|zelfharm|krassen|kras|gekrast|kraste"],
    unless: "jaar zonder|jaren zonder|maanden zonder|year without|years without|months without|vegetables|dinner|food|bread|onion*|hair|grass|paper|coupons|class|corners|uien|groente|auto|lak|deur|fiets|muur|op de|op mijn|op het|scratch|kras op|krassen op|bril|scherm|telefoon|tafel|vloer|lp|plaat|cd|loterij|lot|lootjes|kat|poes|kater",
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
    // "hij heeft me geslagen, ik bloed": someone else did it; the "ik" after it is another clause's.
    unless: pattern(`${NOT_SELFHARM.source}|hij heeft|zij heeft|ze heeft|hij had|zij had|he has|she has|he had|she had`),
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
  rule("selfharm.cutting", {
    all: ["snij|snijd|snijdt|sneed|gesneden|snijden|snijwond*|sneetje*|snee|sneeen|sneden|opengekrast|opengehaald|opengesneden|open te halen|open ~ halen|open gehaald|openhalen|cut|cutting|cuts|relapse*|bewerkt", "ik|i|me|mezelf|weer|nog|nu|helpt|drang|begonnen|wil|clean|arm*|pols*|been|benen|bovenbeen|dij*|huid|buik|bloed*|diep|stoppen|gestopt|again|mesje*|scherven|scherf|myself"],
    window: 8,
    unless: pattern(`${NOT_SELFHARM.source}|uien|ui|groente*|brood|vlees|kaas|taart|appel*|tomaat|tomaten|knoflook|pizza|paprika|komkommer|wortel*|aardappel*|kip|worst|stukken|stukjes|plakjes|blokjes|salade|fruit|meloen|ananas|papier|karton|haar|gras|heg|hout|stof|stoffen|patroon|bocht|afsnijden|onderwerp|budget|kosten|bezuinig*|blikje|pleister|mes ~ uitgeschoten|uitgeschoten|vegetables|dinner|food|bread|paper|onion|hair|corners|class|school|line|prijzen|uitkering|korting|schapenvlees|lamsvlees|rundvlees|offerfeest|slachten|slachthuis`),
    reach: 8,
  }),
  rule("selfharm.cutting", {
    all: ["mesje*|scheermesje*|scheermes*|blade*|razor*|scherven|scherf|naald|paperclip|passer|glas", "mijn arm*|mijn huid|mijn pols*|mijn been|mijn benen|mijn dij*|over mijn|in mijn arm*|op mijn pols*|tegen mijn huid|in de badkamer|onder mijn bed|onder mijn kussen|verstopt|voor als het moet|voor als|uit ~ scheermes|gehaald|my arm*|my wrist*|my skin"],
    window: 12,
    unless: pattern("scheren|baard|benen scheren|oksels|knutsel*|naaien|borduren|insuline|diabet*|vaccin*|bloedprik|dokter|opruimen|opgeruimd|vegen|stofzuig*|gevallen|kapot ~ gevallen|splinter|verwijder*|tattoo|piercing|prullenbak|weggegooid|weg ~ gegooid|shaving|glass of|glas water|glas wijn|glas melk"),
    reach: 8,
  }),
  rule("selfharm.blade-again", {
    all: ["mesje*|scheermesje*|scheermes*|blade*|razor*", "gepakt|pakken|pak|gebruikt|gebruiken|vastgehouden|picked up|used|grabbed", "weer|opnieuw|again|nog steeds|toch weer"],
    window: 6,
    unless: pattern("scheren|baard|benen scheren|oksels|knutsel*|doos|dozen|pakket|open ~ maken|openmaken|tape|behang|vloer|tapijt|shaving|box"),
    reach: 6,
  }),
  rule("selfharm.burn", {
    all: ["brand*|verbrand*|brandwond*|heet|hete|gloeiend*|aansteker|sigaret*|kaars|strijkbout|strijkijzer|kookplaat|kachel|fornuis|lighter|burn*|cigarette*", "mijn arm*|mijn hand|mijn huid|mijn been|mijn benen|mijn pols*|mijn buik|mijn dij*|tegen mijn|op mijn huid|op mijn arm*|mezelf|zelf gedaan|met opzet|expres|my arm*|my skin|my hand|myself"],
    window: 10,
    unless: pattern("per ongeluk|perongeluk|zon|zonnebrand|zonnebank|koken|kook|pan|thee|koffie|soep|oven|ongeluk|oeps|stom|bbq|barbecue|accident*|zalf|creme|brandnetel*|kwal|haard|cv|verwarming ~ kapot|vlees|dekentje|plaid|warm ~ houden|deken|kruik|warm|strijkbout|strijkijzer|brandblaar"),
    reach: 8,
  }),
  rule("selfharm.on-purpose", {
    all: ["met opzet|expres|bewust|on purpose|zelf gedaan|zelf ~ gedaan|dat heb ik zelf|did it myself|did this to myself|doe ~ mezelf ~ aan|doe het mezelf aan|doe ik ~ mezelf aan", "arm*|hand|huid|been|benen|pols*|hoofd|buik|brandwond*|wond*|bloed|pijn|snij*|gesneden|brand*|kras*|sla|sloeg|stomp*|skin|wrist|blood|burn*|cut*|bruise*|blauwe plek*|mezelf"],
    window: 12,
    unless: "brief|vergeten|laat|te laat|afspraak|gemist|mail|niet gedaan|huiswerk|schoonmaken|opgeruimd",
    reach: 6,
  }),
  rule("selfharm.hit-self", {
    negatable: false,
    all: ["stomp mezelf|sla mezelf|mezelf te slaan|mezelf slaan|mezelf ~ stompen|sla mijn hoofd|sloeg mijn hoofd|hoofd tegen de|kop tegen de|hoofd ~ bonk*|hoofd bonken|hoofdbonken|vuist ~ tegen de muur|vuisten ~ tegen de muur|knokkels ~ kapot|knokkels ~ bloed*|tegen de muur ~ tot|punch ~ wall|bang my head|hit myself|punch myself"],
    unless: "per ongeluk|ongeluk|gevallen|viel|sporten|sport|voor mijn kop|voor mijn hoofd|kan mezelf wel|accidentally|spijker|schilderij|boren|niet echt|bij wijze van spreken|figuurlijk|grammatica|not really",
    reach: 4,
  }),
  rule("selfharm.punish", {
    all: ["verdien ~ pijn|verdien ~ straf|straf mezelf|mezelf ~ straffen|mezelf ~ gestraft|doe ~ mezelf ~ pijn|pijn ~ mezelf|i deserve ~ pain|punish myself|punishing myself|nagels ~ er uit|haren ~ uit ~ trek*|haar ~ uit ~ trek*|trek ~ haren uit|wondjes ~ open|korstjes ~ open|wonden ~ open|peuter ~ open|krab ~ open|open ~ krabben|bijt mezelf|bijt ~ tot ~ bloed"],
    unless: "kapper|wenkbrauw*|epileren|harsen|dokter|wond ~ dicht|genezen",
    reach: 4,
  }),
  rule("selfharm.want", {
    all: [WANT, "snijden|krassen|branden|mezelf pijn|pijn doen|cut|hurt myself|harm myself|mezelf ~ verwonden|mezelf beschadigen"],
    window: 5,
    unless: pattern(`${NOT_SELFHARM.source}|uien|groente*|brood|vlees|haar|gras|taart|avocado|vinger|broodmes|hechtingen|per ongeluk`),
    reach: 6,
  }),
  rule("selfharm.marks", {
    all: ["littekens|snijwond*|wondjes|striemen|korstjes|scars|cuts", "nieuwe|weer|gisteren|lange mouwen|verbergen|verstoppen|niemand ~ ziet|new|again|hide|long sleeves|overal"],
    scope: "message",
    unless: "operatie|ongeluk|keizersnede|brand ~ vroeger|acne|puistjes|eczeem|kat|hond|poes|krab ~ kat|vallen|gevallen|fiets|oude littekens|al jaren niet meer|jaren niet meer|niet meer gedaan|van vroeger|jaar geleden|jaren geleden",
    reach: 10,
    negatable: false,
  }),
  rule("selfharm.blade-ready", {
    all: ["mesje*|scheermesje*|blade*|razor*|scherf|scherven|schaar", "in mijn la|vond de mesjes|vond mijn mesjes|found my blades|voor als het ~ moet|voor als het weer|als het weer moet|for when i need|ga het weer doen|in mijn arm*|in mijn pols*|used them|under my bed|onder mijn bed|altijd bij me|in mijn tas"],
    scope: "message",
    unless: "scheren|baard|knutsel*|naaien|haar knippen|nagels knippen|pakketje|tape|karton|kapper|school|werk|shaving",
    reach: 8,
    negatable: false,
  }),
  rule("selfharm.hurt-body", {
    all: ["vuist ~ tegen de deur|vuist ~ tegen de muur|tegen de deur ~ tot|knokkels ~ open|knokkels ~ kapot|elastiekje ~ pols|knal ~ tot|tot er striemen|bijt in mijn ~ arm|bijt ~ in ~ eigen arm|tot er bloed komt|tot het bloedt|until i bleed|until it bleeds|nagels in mijn arm*|nagels ~ in ~ huid|tot er wondjes|kras ~ in mijn|kras ~ naald|trek ~ haren ~ er uit|haren ~ er uit ~ trek*|trek ~ haar ~ er uit|kale plekken|hit my head|head against the wall|bang my head|hoofd ~ tegen de muur|scratch ~ until"],
    unless: "kat|hond|poes|muggenbult*|jeuk|eczeem|per ongeluk|kapper|wenkbrauw*|niet echt|bij wijze van spreken|figuurlijk|grammatica|not really",
    reach: 6,
    negatable: false,
  }),
  rule("selfharm.on-purpose", {
    all: ["met opzet|expres|bewust|on purpose|zelf gedaan|did it myself|it has to hurt|moet pijn doen|het moet pijn", "sloeg|sla|snij|gesneden|brand*|kras*|knokkels|arm*|hoofd|huid|pols*|bloed|hit|cut|burn*|punched|knal"],
    scope: "message",
    unless: "brief|vergeten|laat|te laat|afspraak|gemist|mail|huiswerk|schoonmaken|opgeruimd",
    reach: 6,
    negatable: false,
  }),
  // --- overdose
  rule("overdose.word", {
    all: ["overdosis|overdose|overdosering|od|overdoseren|overdosed"],
    unless: "koffie|thee|suiker|chocola|snoep|zon|tv|netflix|haha|bang voor|bang dat|risico|voorkomen|nieuws|film|kijk|keek|gekeken|serie|aflevering|anatomy|tiktok|youtube|hij|zij|ze|mijn broer|mijn vriend|mijn zus|mijn moeder|mijn vader|mijn zoon|mijn dochter|overleden|rouw*|verslaafd|aan een overdosis|he|she|my brother|my friend|jaar geleden|jaren geleden|destijds|years ago",
    reach: 6,
  }),
  // Not a pill given to the cat or the dog ("de hele pil, ze heeft hem opgegeten in een stukje kaas").
  rule("overdose.taken", { all: [SUBSTANCE, TAKEN, QUANTITY], window: 9, unless: FOR_A_PET, reach: 8, notInside: "kat|hond|poes|cat|dog" }),
  rule("overdose.poison", { all: [POISON, pattern(`${TAKEN.source}|gegeten|ingeslikt|opgegeten`)], window: 6, unless: "gedronken ~ water|schoonmaken|poetsen|wc schoonmaken|badkamer ~ schoonmaken", reach: 3 }),
  rule("overdose.taken", {
    all: [pattern(`${SUBSTANCE.source}|stuks|doos|doosje|strip|strips|potje|pot|fles|flesje|alles ~ medicijnkast|medicijnkast|hoestdrank|g|ghb|speed|ketamine|keta`), TAKEN, "toch|sorry|niet boos|doei|alles|allemaal|veel|te veel|teveel|leeg|hele|zojuist|net|tegelijk|in 1 keer|in een keer|ineens|met wodka|met drank|met alcohol|wodka|bier|wijn|dubbel|zoveel|meer dan|dan mag|#many"],
    window: 12,
    unless: `voorgeschreven|zoals ~ dokter|zoals ~ arts|zoals ~ huisarts|vergeten|vergeet|elke ochtend|elke avond ~ zoals|gewoon ~ genomen|op tijd|keurig|mijn dosis|normale dosis|netjes|apotheek|soorten|controleren|medicatiecheck|medicijnrol|${FOR_A_PET}`,
    reach: 6,
  }),
  rule("overdose.too-much", {
    all: ["te veel|teveel|too many|too much|meer dan ~ mag|meer ~ dan ~ mag|meer ~ dan toegestaan|meer ~ dan voorgeschreven|more ~ than ~ allowed|dubbel zoveel|drie keer zoveel|meer dan voorgeschreven|meer dan ~ bijsluiter|meer dan toegestaan|more than ~ allowed|more than ~ prescribed", "genomen|geslikt|ingenomen|slik|slikken|neem|gebruikt|gebruik|gesnoven|gespoten|taken|took|swallowed|take|snorted"],
    window: 11,
    unless: pattern("koffie|suiker|eten|gegeten|snoep|hooi|tijd|werk|hooi ~ vork|risico|kilo|calorie*|drankjes|gedronken|bier|wijn|biertjes|on my plate|hooi op mijn vork|verantwoordelijkheid|taken ~ op me|hooi"),
    reach: 5,
  }),
  rule("selfharm.blade-bought", {
    all: ["mesjes|mesje|scheermesjes|scheermesje|blades|razor blades", "gekocht|gehaald|besteld|bought|weet wel waarvoor|voor als"],
    window: 8,
    unless: "scheren|baard|knutsel*|stanley|behang*|tapijt|karton|klussen|shaving",
    reach: 6,
  }),
  // Pills saved up or gathered: the means of an overdose laid by, a plan to die as well.
  rule("overdose.hoarded", {
    all: [SUBSTANCE, "gespaard|opgespaard|verzameld|gehamsterd|bewaard voor|saved up|stockpiled|hoarded|collected"],
    window: 6,
    unless: pattern(`${EVERYDAY_USE.source}|zegel*|punten|spaarkaart|korting|inleveren|ingeleverd|weggebracht|weggegooid|over datum`),
    reach: 6,
    also: ["suicide"],
  }),
  // Drink and many pills together, told without a verb: "bier en 10 diazepam".
  rule("overdose.mixed", {
    all: ["bier|biertjes|wijn|wodka|whisky|rum|drank|alcohol|beer|wine|vodka|booze", QUANTITY, SUBSTANCE],
    window: 8,
    unless: pattern(`${EVERYDAY_USE.source}|mag ik|mag je|mag dat|kan ik|kan je|kun je|mogen|samen ~ nemen|bijsluiter|gevaarlijk|niet goed|is dat|geen alcohol|geen drank|voorraad|in huis`),
    reach: 8,
  }),
  rule("overdose.count", {
    all: ["#many", SUBSTANCE, "op en|op met|met ~ rum|met ~ wodka|met drank|met alcohol|op $|op ~ $|genomen|geslikt|ingenomen|gegeten|gebruikt|gehad|taken|took|swallowed|binnen"],
    window: 8,
    unless: "voorraad|in huis|gekocht|recept|apotheek|per dag|elke dag|mg|milligram|gram",
    reach: 4,
  }),
  rule("overdose.intent", {
    all: [SUBSTANCE, "geslikt|genomen|ingenomen|ingeslikt|op|took|swallowed|taken", "om ~ dood|om te sterven|nooit meer wakker|om er ~ uit|om ~ eind|to die|to end|to not wake up|never wake up"],
    window: 14,
    negatable: false,
  }),
  rule("overdose.finished", {
    all: ["heb|have", QUANTITY, SUBSTANCE, "op $|leeg $|op ~ $|leeg|finished"],
    window: 12,
    unless: "apotheek|herhaalrecept|recept|halen|bestellen|nieuwe|kopen",
    reach: 8,
  }),
  rule("overdose.taken", {
    all: [SUBSTANCE, TAKEN, "veel|te veel|teveel|allemaal|alles|#many|niet boos|sorry|doei|vaarwel|bye|a lot|all of them"],
    scope: "message",
    together: 2,
    window: 5,
    unless: "voorgeschreven|vergeten|vergeet|op tijd|keurig|mijn dosis|normale dosis|netjes",
    reach: 6,
  }),
  rule("overdose.full-of", {
    all: ["zit vol ~ met|zit vol|vol gegooid ~ met|volgegooid ~ met|vol met|vol ~ gestopt|volgestopt|full of|stuffed with", SUBSTANCE],
    window: 6,
    unless: "vitamine*|koffie|suiker|eten|snoep|chips|bier",
    reach: 4,
    negatable: false,
  }),
  rule("overdose.not-mine", {
    all: [SUBSTANCE, "van mijn buurman|van mijn buurvrouw|van mijn moeder|van mijn vader|van mijn oma|van mijn opa|van mijn vriend|van mijn vriendin|van mijn zus|van mijn broer|van iemand anders|van een ander|niet van mij|niet voor mij|someone elses|my mums|my moms|my dads", TAKEN],
    window: 12,
    unless: "opgehaald|ophalen|halen|gebracht|brengen|apotheek|weggegooid|weggooien|inleveren|ingeleverd|bewaard|opgeruimd",
    reach: 6,
    negatable: false,
  }),
  rule("overdose.double-dose", {
    all: [SUBSTANCE, "twee keer ~ genomen|2 keer ~ genomen|twee keer ~ ingenomen|2 keer ~ ingenomen|dubbel ~ genomen|dubbel ~ ingenomen|extra ~ genomen|nog een paar extra|een paar extra|twice|double dose|extra ones", "gevaarlijk|erg|kwaad|kan dat|moet ik|wat nu|dangerous|bad|what now|should i"],
    window: 16,
    scope: "message",
    unless: "vergeten|vergat|forgot|vitamine*",
    reach: 40,
    negatable: false,
  }),
  rule("overdose.did-it", {
    all: ["heb het gedaan|ik heb het gedaan|het is gedaan|i did it|done it", SUBSTANCE, "doei|dag|bye|vaarwel|sorry|niet boos|goodbye"],
    scope: "message",
    negatable: false,
  }),
  rule("overdose.at-once", {
    all: [QUANTITY, SUBSTANCE, "in een keer|in 1 keer|tegelijk|ineens|at once|binnen|al binnen|all at once"],
    window: 10,
    // "ik heb ze niet allemaal tegelijk genomen, ze zitten in de weekdoos"
    notInside: "niet allemaal|niet alles|niet alle|not all",
    // The morning's pills together, as prescribed: "ik neem al mijn pillen in een keer bij het ontbijt".
    unless: "bij het ontbijt|ontbijt|s ochtends|elke ochtend|iedere ochtend|elke dag|iedere dag|handig|makkelijk|scheelt|voorgeschreven|breakfast|every morning",
    reach: 8,
    negatable: false,
  }),
  rule("overdose.symptoms", {
    negatable: false,
    all: [pattern(`${SUBSTANCE.source}|drank en pillen|pillen en drank|drugs|hoestdrank|genomen|geslikt|ingenomen|gespoten|gesnoven|gebruikt`), "hart gaat ~ snel|hart ~ snel|hartkloppingen|heart racing|zie alles draaien|geen lucht|zie dubbel|alles draait|suf|suffer|hart ~ bonkt|hartslag|hart ~ raast|kan niet ~ ademen|moeilijk ademen|bewusteloos|flauw|out gegaan|bijna out|bijna dood|trillen|tril|krampen|overgeven|kots*|blauwe lippen|cannot breathe|cant breathe|passing out|passed out|dizzy"],
    window: 14,
    unless: "bijwerking*|bijsluiter|nieuwe medicijnen|nieuwe pillen|sinds|wennen|side effect*|griep|corona|verkouden|migraine|ongesteld|altijd|elke keer|iedere keer|steeds|always",
    reach: 8,
  }),
  // What was taken told by its effect, now: "ik kan nie meer goed praten de pillen werken".
  rule("overdose.working", {
    all: [SUBSTANCE, "werken|werkt|beginnen te werken|begint te werken|werkt al|werken al|kicking in|kick in|working", "kan ~ niet ~ meer ~ praten|kan ~ niet ~ goed ~ praten|kan ~ niet ~ praten|praten gaat ~ niet|lal*|tong ~ dubbel|tong ~ zwaar|kan ~ niet ~ meer ~ lopen|kan ~ niet ~ meer ~ staan|kan ~ ogen ~ niet ~ open|cant talk|cant speak|can not talk|cant walk|cant stand"],
    scope: "message",
    unless: "bijwerking*|bijsluiter|nieuwe medicijnen|nieuwe pillen|wennen|side effect*|tandarts|verdoving|operatie|keel|griep|verkouden",
    reach: 8,
    negatable: false,
  }),
  // A plan to take them all, tonight or tomorrow (the 113 answer; an overdose too): "vanavond neem ik ze allemaal", "morgen haal ik
  // mn medicatie voor een maand en die neem ik in 1 keer".
  rule("suicide.pills-plan", {
    all: ["vanavond|vannacht|morgen|straks|zo meteen|zometeen|dit weekend|tonight|tomorrow|later today", "neem ik ze allemaal|slik ik ze allemaal|ze allemaal ~ innemen|ze allemaal ~ in nemen|ze allemaal ~ slikken|neem ~ in 1 keer|neem ~ in een keer|in 1 keer ~ in|in een keer ~ in|slik ~ in 1 keer|slik ~ in een keer|take them all|swallow them all|take all of them", pattern(`${SUBSTANCE.source}|apotheek|doos|doosje|strip|strips|voorraad|pharmacy`)],
    scope: "message",
    unless: "mee|meenemen|mee nemen|op vakantie|terug|inleveren|weggooien|vitamine*|zoals ~ dokter|zoals ~ arts|voorgeschreven|bijsluiter|mag dat|mag ik|kan ik|is dat",
    reach: 6,
    acute: "soon",
    also: ["overdose"],
    negatable: false,
  }),
  rule("overdose.child", {
    all: ["mijn kind*|mijn zoon*|mijn dochter*|de baby|mijn baby|mijn kleine|de kleine|peuter|dreumes|kind|kindje|my kid|my son|my daughter|toddler", pattern(`${SUBSTANCE.source}|${POISON.source}|batterij*|knoopcel*|schoonmaakmiddel|vaatwastablet*|wastablet*|wasmiddel|pods|sigaret*|chemicalien|afwasmiddel|tabak`), "gegeten|ingeslikt|opgegeten|gedronken|in de mond|geslikt|binnen gekregen|ate|swallowed|drank"],
    window: 12,
    unless: "bijna|gelukkig niet|net op tijd|vitamine*",
    reach: 4,
    also: ["danger"],
  }),
  // --- more kinds of sentence
  rule("suicide.end-life", {
    all: ["mijn leven ~ stoppen|mijn leven ~ beeindigen|mijn leven ~ afmaken|mijn leven ~ opgeven|mijn leven ~ stopzetten|mijn ~ leven ~ nemen|neem ~ mijn ~ leven|stop ~ mijn leven|end my life|take my ~ life"],
    unless: NOT_A_LIFE,
    reach: 3,
  }),
  rule("suicide.not-waiting", {
    all: ["beter wordt|beter worden|beter gaat|wordt ~ beter|gets better|will get better|get better", "ga ~ niet ~ afwachten|wacht ~ niet ~ af|niet meer ~ wachten|not going to wait|wont wait|niet op ~ wachten|kan ~ niet ~ wachten tot"],
    scope: "message",
    unless: "bel|huisarts|dokter|afspraak|zelf ~ actie|regel|gemeente|solliciteer|doe ik zelf|ga ik zelf|begin ik",
    reach: 10,
    negatable: false,
  }),
  rule("suicide.method-time", {
    all: ["touw|strop|noose", "vanavond|vannacht|straks|vandaag|tonight|today|nu|now"],
    window: 3,
    unless: pattern(`${EVERYDAY_USE.source}|tent|boot|springtouw|klimmen|verhuiz*|vastbinden|aanhanger|schommel|hond|paard|kopen|halen|ophalen`),
    reach: 6,
    acute: "always",
  }),
  rule("suicide.last-time", {
    all: ["besloten|dit is|dit wordt|wordt ~ dit|is dit|decided|this is|will be", "mijn laatste week|mijn laatste dag|mijn laatste nacht|mijn laatste avond|mijn laatste maand|my last day|my last week|my last night"],
    window: 6,
    unless: "werk|stage|vakantie|school|baan|contract|proefplaatsing|cursus|opleiding|huis|woning|traject|bij|op|verhuiz*|voor de|job|work",
    reach: 5,
    negatable: false,
    acute: "always",
  }),
  rule("suicide.means-and-will", {
    all: [pattern(`${MEANS.source}|${SUBSTANCE.source}|touw`), "om het te doen|genoeg ~ om het|genoeg ~ om ~ dood|enough ~ to do it|enough ~ to end"],
    window: 10,
    unless: "voorgeschreven|dokter|huisarts|apotheek|schoonmaken|klussen|koken|tot ~ volgende|recept",
    reach: 8,
    acute: "always",
  }),
  rule("suicide.means-on-self", {
    all: [pattern(`${MEANS.source}|het|hem|die`), "op mezelf ~ gebruiken|gebruiken op mezelf|te gebruiken op mezelf|op mezelf ~ richten|richten op mezelf|tegen mezelf ~ gebruiken|use it on myself|turn it on myself|on myself"],
    scope: "message",
    together: 2,
    window: 10,
    unless: pattern(`${MEDIA.source}|creme|zalf|shampoo|make up|parfum|oefenen|proberen ~ eerst`),
    reach: 6,
  }),
  rule("suicide.means-counted", {
    all: ["#many stuks|#many ~ pillen|#many tabletten|#many ~ strips", "liggen|ligt|voor me|naast me|klaar|hier"],
    window: 8,
    unless: pattern(`${EVERYDAY_USE.source}|stickers|kaarten|postzegels|boeken|flessen|blikjes|winkel|markt|verkopen|te koop`),
    reach: 6,
    acute: "always",
  }),
  rule("suicide.method-wrists", {
    also: ["selfharm"],
    all: ["polsen|pols|wrists|wrist", "messen|mes|scheermes*|mesje*|knife|knives|blade*|razor*", "klaar|dood|einde|over|ophouden|stoppen|voorbij|end|doorsnijden|door ~ snijden|open ~ snijden"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|${NOT_SELFHARM.source}|horloge|armband|polsband|gips|verstuikt|blessure|kapper`),
    reach: 8,
  }),
  rule("suicide.place", {
    all: ["ik ga ~ naar de brug|ga ik ~ naar de brug|ik ga ~ naar het spoor|ga ik ~ naar het spoor|ik loop ~ naar de brug|ik loop ~ naar het spoor|i am going to the bridge|going to the tracks"],
    unless: "werk|station|afspraak|fiets|vissen|wandel*|hond|uitzicht|foto*|met de kinderen|met mijn|vriend*|markt",
    reach: 8,
    acute: "always",
  }),
  // --- self-harm said briefly or in other words
  rule("selfharm.fresh-marks", {
    all: ["littekens|snijwond*|sneetjes|sneden|wondjes|krassen|scars|cuts|wonden", "nieuwe|vers|verse|deze week|gisteren|vannacht|vanochtend|new|fresh|nog open|erbij gemaakt|bij gemaakt|er bij ~ gemaakt"],
    scope: "message",
    unless: pattern(`${NOT_SELFHARM.source}|al jaren niet meer|jaren niet meer|niet meer gedaan|van vroeger|jaar geleden|jaren geleden|nieuwe baan|nieuw werk|nieuwe baas|nieuwe collega*|operatie|keizersnede|ongeluk|gevallen|val|kat|poes|hond|rozen|braam|doornen|acne|puistjes|tattoo|tatoeage|piercing|nieuwe schoenen|schoenen|auto|fiets|meubel*|vloer|tafel|lak|verf|scherm|telefoon`),
    reach: 10,
    negatable: false,
  }),
  rule("selfharm.cutting", {
    all: ["^ gesneden|^ gekrast|gesneden $|gekrast $|^ gecut|cut again", "weer|opnieuw|again|relapse"],
    scope: "message",
    unless: NOT_SELFHARM,
    reach: 6,
    negatable: false,
  }),
  rule("selfharm.blood", {
    all: ["weer ~ gedaan|weer gebeurd|opnieuw gedaan|did it again|relapse*", "bloed|bloedt|bleeding|blood"],
    window: 4,
    unless: pattern(`${NOT_SELFHARM.source}|neus|bloedneus|ongesteld|menstruatie|tandvlees|bloedprik|donor|bloed geprikt|bloeddruk|bloedsuiker|vlees`),
    reach: 6,
    negatable: false,
  }),
  rule("selfharm.tool-on-body", {
    all: ["schaar|mesje*|scheermes*|passer|naald|glas|scherf|scherven|mes", pattern(SELF), "gezeten|gekrast|bezig|gedaan|gesneden|gekerfd|ingesneden|open"],
    window: 8,
    unless: pattern(`${NOT_SELFHARM.source}|kapper|knippen|haar|nagels|pleister|verband|splinter|tattoo|piercing|prik|vaccin|bloedprik*|infuus|dokter|huisarts|verpleeg*`),
    reach: 6,
    negatable: false,
  }),
  // Cut with scissors or carved, in oneself or a part of the body ("geknipt in mezelf", "in mijn
  // arm gekerfd"); "ik heb mezelf geknipt" alone is a haircut.
  rule("selfharm.cutting", {
    all: ["knip|knipt|knipte|knipten|geknipt|knippen|kerf|kerft|kerfde|gekerfd|kerven|ingekerfd|gesneden|snij|sneed|gekrast|kras|kraste", "in mezelf|in me zelf|in mijn arm*|in me arm*|in mijn pols*|in me pols*|in mijn been|in mijn benen|in mijn huid|in mijn dij*|in mijn buik|in mijn bovenbeen|in mijn hand|into myself|into my arm*|into my skin"],
    window: 6,
    unless: pattern(`${NOT_SELFHARM.source}|haar|pony|nagels|kapper|papier|patroon|stof|knutsel*|kaart*|foto*|vinger*|duim`),
    reach: 6,
  }),
  rule("selfharm.hurt-self", {
    all: ["maak pijn|maakte pijn|pijn maken|pijn ~ maak|doe pijn", "mijn lichaam|mijn lijf|mezelf|mijn arm*|mijn been|mijn benen|my body|myself"],
    window: 6,
    unless: NOT_SELFHARM,
    reach: 5,
  }),
  // --- an overdose said without naming the pills
  rule("overdose.finished", {
    all: ["doosjes|doosje|strips|strip|potjes|potje|flesje|pakjes|blisters|verpakkingen|de hele pot|bottle", "leeg|op|empty"],
    scope: "message",
    together: 2,
    window: 4,
    unless: pattern(`apotheek|herhaalrecept|bijbestellen|ophalen|halen|kopen|nieuwe|bestellen|vergeten|kwijt|vitamine*|snoep|koekjes|chips|melk|bier|wijn|drinken|parfum|shampoo|zeep|afwasmiddel|batterij|printer`),
    reach: 10,
    negatable: false,
  }),
  rule("overdose.finished", {
    all: ["doosjes|doosje|strips|potjes|pakjes|blisters|verpakkingen", "leeg|op|empty", "het is ~ gebeurd|al gebeurd|ik ga ~ liggen|ik ga ~ slapen|het is gedaan|it is done|te laat|sorry|ingenomen|geslikt|genomen"],
    scope: "message",
    together: 2,
    window: 4,
    unless: pattern(`apotheek|herhaalrecept|bijbestellen|ophalen|halen|kopen|nieuwe|bestellen|vergeten|kwijt|vitamine*|snoep|koekjes|chips|melk|bier|wijn`),
    reach: 10,
    negatable: false,
  }),
  rule("overdose.too-much", {
    all: ["genomen|ingenomen|geslikt|innemen|took|taken|swallowed", "veel te veel|te veel|teveel|too many|too much|extra", "slapen|wakker|duf|suf|misselijk|duizelig|hart|zodat|help|dood|bang|sleep|dizzy"],
    scope: "message",
    together: 2,
    window: 8,
    unless: pattern(`koffie|suiker|eten|gegeten|snoep|hooi|tijd|werk|risico|kilo|calorie*|drankjes|gedronken|bier|wijn|verantwoordelijkheid|vrij|vakantie|foto*|hooi ~ vork|taken|vitamine*|afstand|moeite`),
    reach: 6,
  }),
  rule("overdose.taken", {
    all: ["ze allemaal|ze alle|alles|ze ~ #many|#many ~ al|al ~ #many|een voor een|een na een|een voor ~ een|one by one|all of them", "ingenomen|genomen|geslikt|innemen|aan het innemen|slik|slikken|taken|took|swallowed"],
    window: 8,
    unless: pattern(`${EVERYDAY_USE.source}|vitamine*|snoep*|koekjes|chips|foto*|lessen|stappen|maatregelen|beslissingen|besluiten|tijd|vragen|mee ~ genomen|meegenomen|afscheid|examens|toetsen|telefoon|boodschappen`),
    reach: 6,
  }),
  // --- kinds from the eighteenth set (written blind): an overdose told by what is left of the
  // box or by how the body feels, a goodbye letter to family, a life event one will not see.
  // A box, a strip or the medicine cabinet emptied: "doos is leeg, die van de huisarts voor
  // slapen", "toen thuis alles uit de medicijnkast op". Not when it is to be filled again.
  rule("overdose.emptied", {
    all: [
      "doos ~ leeg|doosje ~ leeg|strip ~ leeg|strips ~ leeg|potje ~ leeg|flesje ~ leeg|pot ~ leeg|medicijnkast ~ leeg|alles uit de medicijnkast|alles uit ~ medicijnkast|hele medicijnkast|leeg gegeten|leeggegeten|empty box|emptied the box|whole box",
      pattern(`${SUBSTANCE.source}|slapen|slaap|huisarts|dokter|psychiater|apotheek ~ gekregen|op $|genomen|geslikt|ingenomen|taken|swallowed`),
    ],
    scope: "message",
    unless: pattern(`voorgeschreven|zoals ~ dokter|zoals ~ huisarts|nieuwe|bestellen|besteld|halen|ophalen|kopen|herhaal*|recept|opruim*|opgeruimd|schoonmaken|uitgezocht|sorteren|morgen ~ apotheek|naar de apotheek|moet ~ apotheek|weggegooid|weggooien|inleveren|ingeleverd|over datum|opgeruimd|opruimen|koekjes|cornflakes|chips|snoep`),
    reach: 14,
    negatable: false,
  }),
  // How the body feels after the pills, now: "ben gaan liggen na die pillen kan mn armen nie goed
  // voelen", "paracetamol 30 stuks. nu buikpijn", "alle ilac genomen, hoofd draait".
  rule("overdose.feels", {
    all: [
      pattern(`na ~ pillen|na die pillen|na de pillen|na ~ tabletten|na ~ medicijnen|na ~ slaappil*|after ~ pills|#many stuks|${seq(SUBSTANCE.source, "#many")}|${seq("#many|alle", SUBSTANCE.source)}`),
      "kan ~ niet ~ voelen|kan ~ nie ~ voelen|voel ~ niet meer|voel ik mijn ~ niet|voel ~ mijn benen ~ niet|voel ~ mijn armen ~ niet|gevoelloos|armen ~ doof|benen ~ doof|kan ~ niet ~ bewegen|kan ~ niet ~ opstaan|ogen ~ vallen ~ dicht|zie ~ wazig|wazig|hoofd draait|alles draait|draait ~ alles|buikpijn|maagpijn|misselijk|duizelig|suf|slaperig|overgeven|kotsen|moet spugen|spugen|trillen|raar gevoel|voel ~ raar|cant feel|numb|dizzy|drowsy|throwing up",
    ],
    scope: "message",
    unless: pattern(`keuken|koken|vlees|brood|kuur|vergeten|vergeet|vergat|niet ingenomen|aangepast|minder|bijwerking*|bijsluiter|nieuwe medicijnen|nieuwe pillen|sinds ~ dagen|sinds ~ weken|wennen|side effect*|altijd|elke keer|iedere keer|steeds|elke dag|per dag|griep|corona|verkouden|migraine|ongesteld|zwanger|mag ik|moet ik|hoeveel|voorgeschreven|huisarts ~ gezegd|dokter ~ gezegd|verhoogd|verhoogt|opgehoogd|eerste dagen|eerste week|nieuwe dosis`),
    reach: 14,
    negatable: false,
  }),
  // A letter for the family that is finished: "mijn brief voor mijn dochter is klaar", "the letters
  // for my kids are written". Not a birthday card or a letter to an office.
  rule("suicide.letter-for-family", {
    all: [
      "brief|brieven|briefje|briefjes|letter|letters",
      "voor mijn dochter|voor mijn zoon|voor mijn kind*|voor de kinderen|voor mijn moeder|voor mijn vader|voor mijn ouders|voor mijn vrouw|voor mijn man|voor mijn vriend*|voor mijn zus|voor mijn broer|voor iedereen|for my daughter|for my son|for my kids|for my children|for my mum|for my mom|for my wife|for my husband|for everyone",
      "klaar|geschreven|af $|ligt ~ klaar|liggen ~ klaar|op tafel|in de la|ready|written|done|finished",
    ],
    window: 12,
    unless: pattern(`${MEDIA.source}|verjaardag|jarig|kaart|kaartje|sinterklaas|kerst|valentijn|moederdag|vaderdag|school|juf|meester|gemeente|uwv|advocaat|rechter|sollicitatie|cv|huur|belasting|excuus*|excuses|bedankt|bedankje|oefening|huiswerk|taal|nederlands|cursus|vakantie|opsturen|posten|versturen|later|als ze ~ groot|als ze 18|18 wordt|18 is|toekomst`),
    reach: 10,
    negatable: false,
  }),
  // A day ahead one will not live to see: "morgen ben ik jarig en die haal ik nie", "kerst maak ik
  // niet meer mee". Not a deadline, a train or a bus.
  rule("suicide.wont-see", {
    all: [
      "jarig|verjaardag|kerst|oud en nieuw|nieuwjaar|de zomer|volgend jaar|volgende week|mijn birthday|my birthday|christmas|next year",
      "die haal ik ~ niet|die haal ik ~ nie|dat haal ik ~ niet|dat haal ik ~ nie|haal ik niet $|haal ik nie $|ga ik ~ niet ~ halen|ga ik ~ nie ~ halen|maak ik ~ niet ~ mee|maak ik ~ nie ~ mee|ben ik er ~ niet meer|ben ik er ~ nie meer|ben ik ~ niet meer|will not make it to|wont make it to|not be here for|wont be here for",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|deadline|trein|bus|tram|vlucht|afspraak|op tijd|te laat|werk|school|cadeau|taart|feest ~ geven|geld|betalen|salaris|uitkering|vakantie|thuis|bij ~ oma|bij ~ familie|niet vieren|vier ik niet|geen zin in|ziekenhuis|opname|werken|dienst`),
    reach: 14,
    negatable: false,
    acute: "soon",
  }),
  // Better off without a mother or father like me: "mijn kinderen zijn beter zonder zo een moeder
  // als ik", "my kids deserve a better mum than me".
  rule("suicide.better-without-me", {
    all: ["beter ~ zonder ~ moeder als ik|beter ~ zonder ~ vader als ik|beter ~ zonder ~ mama als ik|beter ~ zonder ~ papa als ik|beter ~ zonder ~ moeder zoals ik|beter ~ zonder ~ vader zoals ik|better off without ~ mum like me|better off without ~ mom like me|better off without ~ dad like me|verdienen ~ betere moeder|verdienen ~ betere vader|deserve a better mum|deserve a better mom|deserve a better dad"],
    unless: "app|groep|team|cursus|werk|school",
    reach: 5,
    negatable: false,
  }),
  // A goodbye to everyone: "sorry voor alles. doei", "im done. goodbye everyone".
  rule("suicide.goodbye-all", {
    all: [
      "sorry voor alles|sorry for everything|vergeef me|forgive me|im done|i am done|ik ben klaar ~ met alles|ik ben er klaar mee ~ met alles|dag allemaal|doei allemaal|goodbye everyone|bye everyone|vaarwel",
      "doei $|dag $|doeg $|bye $|goodbye|vaarwel|doei allemaal|dag allemaal|everyone $|iedereen $|adios|later $",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|tot morgen|tot straks|tot later|tot zo|tot volgende|tot maandag|tot dinsdag|tot woensdag|tot donderdag|tot vrijdag|tot ziens|see you|slaap lekker|welterusten|ga slapen|ga naar bed|werk|school|vakantie|verhuis*|verhuiz*|groep|app|whatsapp|chat|haha|lol|xd|vergadering|afspraak|bedankt|dankje|dank je|thanks|fijne avond|fijn weekend|fijne dag`),
    reach: 14,
    negatable: false,
    acute: "always",
  }),
  // Back to the blade, or scratching till it bleeds and not being able to stop.
  rule("selfharm.relapse", {
    all: ["teruggevallen|terugval|terug gevallen|weer begonnen|relapse*|relapsed", "scheermes*|mesje*|snijden|gesneden|krassen|gekrast|branden|cutting|blade*|razor*|mezelf ~ pijn"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|roken|sigaret*|drinken|alcohol|drank|gokken|snoep|eten|dieet|scheren|baard|jaar geleden|jaren geleden|vroeger|al ~ jaar ~ niet|clean`),
    reach: 14,
    negatable: false,
  }),
  rule("selfharm.scratch-bleed", {
    all: ["krab ~ tot ~ bloed*|krabben ~ tot ~ bloed*|gekrabd ~ tot ~ bloed*|kras ~ tot ~ bloed*|scratch ~ until ~ bleed*|scratch ~ till ~ bleed*", "kan ~ niet ~ stoppen|kan ~ nie ~ stoppen|moet ~ van mezelf|verdien|straf|expres|met opzet|cant stop|can not stop|on purpose|weer|again"],
    scope: "message",
    unless: "eczeem|jeuk|muggenbult*|mug|muggen|allergie|uitslag|huidarts|dermatoloog|zalf|creme|waterpokken|kat|hond|poes|vlooien|luizen",
    reach: 14,
    negatable: false,
  }),
  // Hurt to feel something, not to die: self-harm first ("nie om dood te gaan, gwn om iets te voelen").
  rule("selfharm.to-feel", {
    all: ["polsen ~ opengehaald|pols ~ opengehaald|opengehaald|gesneden|snij|kras*|gekrast|gebrand|cut|cutting", "om iets te voelen|om wat te voelen|to feel something|om ~ iets ~ voelen|niet om dood te gaan|nie om dood te gaan|not to die"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|uien|groente*|brood|vlees|vinger ~ per ongeluk|per ongeluk`),
    reach: 12,
    negatable: false,
  }),
  // --- kinds from the nineteenth set (written blind)
  // Putting one's affairs in order "before I do it": "wat gebeurt er met mn schulden als ik dood
  // ben, wil het weten voor ik het doe".
  rule("suicide.before-i-do-it", {
    all: ["voor ik het doe|voordat ik het doe|voor ik het ga doen|voordat ik het ga doen|before i do it|before i do this", "als ik dood ben|als ik er niet meer ben|als ik weg ben|na mijn dood|na mijn overlijden|mijn begrafenis|testament|when i am dead|after i die|after i am gone"],
    scope: "message",
    unless: MEDIA,
    reach: 14,
    negatable: false,
    acute: "soon",
  }),
  // Pills taken and lost count of: "ik heb er vandaag al best veel op, ben de tel kwijt".
  rule("overdose.lost-count", {
    all: [SUBSTANCE, "ben de tel kwijt|tel kwijt|weet niet meer hoeveel|weet ~ niet ~ hoeveel ~ genomen|weet ~ niet ~ hoeveel ~ op|lost count|dont know how many ~ taken|do not know how many"],
    scope: "message",
    unless: "voorgeschreven|per dag|weekdoos*|medicijndoos*|baxter*|apotheek ~ vragen|vergeten|vergeet|vergat",
    reach: 14,
    negatable: false,
  }),
  // The whole stock from the pharmacy taken at once: "hele voorraad van de apotheek in een keer opgemaakt".
  rule("overdose.at-once", {
    all: ["voorraad van de apotheek|voorraad ~ apotheek|alles van de apotheek|alles ~ van de apotheek|hele voorraad|al mijn medicatie|al mijn medicijnen", "in een keer|in 1 keer|tegelijk|ineens|allemaal ~ op|opgemaakt|ingenomen|geslikt|genomen|at once"],
    scope: "message",
    unless: "ophalen|opgehaald|halen|gehaald|inleveren|ingeleverd|weggegooid|weggooien|bestellen|besteld|mee ~ op vakantie|meegenomen",
    reach: 10,
    negatable: false,
  }),
  rule("overdose.regret", {
    all: ["ik|i", SUBSTANCE, TAKEN, "help|spijt|wil ~ niet meer dood|wil ~ niet dood|wil toch niet|wil ~ leven|do not want to die|dont want to die|112|ambulance|bel ~ iemand"],
    scope: "message",
    together: 3,
    window: 6,
    unless: pattern(`${EVERYDAY_USE.source}|voorgeschreven|vergeten|vergeet|te laat ingenomen|nuchter`),
    reach: 6,
  }),
  // --- kinds added from set 20 (on phrasings of their own)
  // A number of pills "op" or thrown in: "6 van die slaappillen op", "40 ibuprofen in gegooid".
  rule("overdose.count", {
    all: ["#many", SUBSTANCE, "op $|op ~ $|op is|op en|op met|in gegooid|ingegooid|erin gegooid|achterover|weggewerkt"],
    window: 6,
    unless: "voorraad|recept|apotheek|per dag|voorgeschreven|mee|op tafel|op het aanrecht|op de kast|opgehaald|op vakantie|op school|op werk|in de kast",
    reach: 6,
    negatable: false,
  }),
  // Asking whether a number is a lot, having taken them: "is 30 diazepam veel? heb ze al op".
  rule("overdose.count", {
    all: ["#many", SUBSTANCE, "heb ze ~ op|ze al op|al op $|heb ~ al ~ op|al ingenomen|al genomen|al geslikt|al binnen"],
    scope: "message",
    together: 2,
    window: 3,
    unless: "voorgeschreven|per dag|apotheek|recept|weekdoos*|medicijndoos*|baxter*",
    reach: 10,
    negatable: false,
  }),
  // A stock or a box emptied with drink or a sleepy body: "hele voorraad zopiclon op met wijn",
  // "opa heeft zn pillendoos twee keer leeg gemaakt en is heel suf".
  rule("overdose.at-once", {
    all: ["hele voorraad|al mijn voorraad", "op met|op en|op $|suf|slaperig|niet wakker|krijg ~ niet wakker|twee keer|2 keer|wijn|bier|wodka|drank"],
    scope: "message",
    unless: "ophalen|opgehaald|halen|gehaald|inleveren|ingeleverd|weggegooid|weggooien|bestellen|besteld|opruim*|opgeruimd|vergeten|vergeet|vullen|bijvullen|apotheek ~ vult",
    reach: 10,
    negatable: false,
  }),
  rule("overdose.emptied", {
    all: ["pillendoos|medicijndoos|weekdoos|baxterrol*", "leeg gemaakt|leeggemaakt|leeg gegeten|leeggegeten|helemaal leeg|in een keer leeg", "suf|slaperig|niet wakker|krijg ~ niet wakker|twee keer|2 keer|raar|verward|wijn|bier|drank"],
    scope: "message",
    unless: "opruim*|opgeruimd|vergeten|vergeet|vullen|bijvullen|apotheek ~ vult|nieuwe|bestellen|besteld|ophalen",
    reach: 10,
    negatable: false,
  }),
  // What was taken told by its effect, in a few words: "kan niet goed meer praten pillen", "mn lippen worden blauw na die methadon".
  rule("overdose.symptoms", {
    all: [SUBSTANCE, "kan ~ niet ~ praten|kan niet goed ~ praten|kan ~ niet goed meer praten|lippen ~ blauw|blauwe lippen|lippen worden blauw|adem ~ langzaam|ademen ~ moeilijk|cant talk|lips ~ blue"],
    scope: "message",
    unless: "bijwerking*|bijsluiter|nieuwe medicijnen|nieuwe pillen|sinds|wennen|side effect*|tandarts|verdoving|keel|griep|verkouden|koud|kou|zwemmen|ijs",
    reach: 10,
    negatable: false,
  }),
  // The end wanted today rather than tomorrow: "ik zie het einde liever vandaag dan morgen".
  rule("suicide.end-soon", {
    all: ["het einde|mijn einde|dood|sterven", "liever vandaag dan morgen|liever vandaag|hoe eerder hoe beter|kan niet snel genoeg|the sooner the better"],
    window: 8,
    unless: pattern(`${MEDIA.source}|project|contract|traject|cursus|baan|week|vakantie|verbouwing|schuld*|de maand`),
    reach: 6,
  }),
  // Been at the place before, going through with it now: "gisteren heb ik aan het water gestaan. vandaag ga ik er wel in".
  rule("suicide.back-to-the-place", {
    all: ["aan het water ~ gestaan|bij het water ~ gestaan|op de brug ~ gestaan|bij de brug ~ gestaan|bij het spoor ~ gestaan|aan het spoor ~ gestaan|stond ~ aan het water|stond ~ op de brug|stond ~ bij het spoor|op het dak ~ gestaan|stood ~ on the bridge", "ga ik er ~ in|ga er ~ in|ga ik erin|spring ik|ga ik springen|ga ik ~ verder|doe ik het|deze keer ~ wel|vandaag ~ wel|this time"],
    scope: "message",
    unless: "zwem*|vissen|hengel|foto*|uitzicht|wandel*|met de hond|met de kinderen|zonsondergang",
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  // Going nowhere any more, with a goodbye: "ik ga morgen niet naar de afspraak. ik ga nergens meer naartoe. dag".
  rule("suicide.nowhere-more", {
    all: ["ga nergens meer naartoe|ga nergens meer heen|ik ga nergens meer|ga nooit meer ergens heen|going nowhere anymore", pattern(`dag $|doei $|bye $|sorry|vaarwel|afscheid|voor altijd|${FAREWELL.source}`)],
    scope: "message",
    unless: "knie|heup|rolstoel|rollator|ziek|corona|geen geld|betalen|bus|trein|auto kapot|benzine|lopen|been|voet",
    reach: 10,
    negatable: false,
  }),
  // --- kinds added from set 22 (on phrasings of their own)
  // A self-harm streak broken, and the wound felt: "day 0 again, streak weg, en het prikt".
  rule("selfharm.streak", {
    all: ["day 0|dag 0|dag nul|teller ~ op 0|teller ~ op nul|streak ~ weg|streak ~ kwijt|streak ~ voorbij|streak broken|lost my streak|back to day", "prikt|bloed*|brandt|schrijnt|arm|pols|been|benen|pleister*|mesje*|litteken*|wond*|snij*|kras*|stings|bleeding|bleed|wrist"],
    scope: "message",
    unless: "duolingo|snapchat|snap|game|app|taal|spaans|engels|les|sport*|fitness|roken|sigaret*|drank|alcohol|gokken|suiker",
    reach: 12,
    negatable: false,
  }),
  // An urge with a blade at hand, in English: "the urge is screaming tonight, i've got the blade out".
  rule("selfharm.urge-blade", {
    all: ["the urge|urges|urge to|drang|de drang", "blade|razor|blades|mesje*|scheermes*"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|scheren|shave|shaving|baard|benen scheren|koken|cooking`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Methadone or pills doubled with drink, and breathing slow: "i doubled up on the methadone and had a few beers, breathing feels slow".
  rule("overdose.symptoms", {
    all: [SUBSTANCE, "breathing ~ slow|breathing ~ kind of slow|slow breathing|ademhaling ~ langzaam|adem ~ traag|ademhaling ~ traag|can barely breathe|doubled up|double dose|took double|dubbele dosis|dubbel ~ genomen"],
    scope: "message",
    unless: "voorgeschreven|zoals ~ dokter|zoals ~ arts|op advies|prescribed|as told",
    reach: 10,
    negatable: false,
  }),
  // A birthday or a Christmas that will be the last: "verjaardag volgende week. wordt de laatste."
  rule("suicide.last-occasion", {
    all: ["verjaardag|kerst|oud en nieuw|sinterklaas|zomer|birthday|christmas", "wordt de laatste|wordt mijn laatste|de laatste ~ $|is de laatste $|mijn laatste $|will be my last|will be the last|my last one"],
    scope: "message",
    unless: "als twintiger|als dertiger|in dit huis|hier|voor de verhuizing|verhuiz*|in nederland|op school|op het werk|bij dit werk|als student|in de twintig|single|vrijgezel|met deze baan|met dit team",
    reach: 12,
    negatable: false,
  }),
  // --- kinds added from set 21 (on phrasings of their own)
  // Dead and nobody sad, as a wish or a miracle: "wonder: ik ben dood en niemand is verdrietig".
  rule("suicide.dead-unmissed", {
    all: ["ik ben dood|ik ben er niet meer|ik zou dood zijn|als ik dood ben|i am dead|i was dead", "niemand ~ verdrietig|niemand ~ huilt|niemand ~ mist|niemand ~ merkt|niemand ~ rouwt|nobody ~ sad|nobody ~ cries|nobody ~ misses|no one ~ misses"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|haha|lol|moe|bekaf|kapot|level`),
    reach: 10,
    negatable: false,
  }),
  // Something yet to live to see, and nothing needed after it: "dat feestje wil ik nog meemaken, daarna hoeft het voor mij niet meer".
  rule("suicide.after-that", {
    all: ["nog meemaken|wil ik nog ~ meemaken|wil ik nog ~ zien|nog ~ mee ~ maken", "daarna hoeft het ~ niet meer|daarna hoeft ~ niet meer|dan hoeft het ~ niet meer|daarna mag ik gaan|daarna kan ik gaan|daarna ben ik klaar|daarna ~ vrede mee|after that i can go"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|cursus|werk|baan|traject|vakantie|verhuiz*|school|opleiding|contract|kringloop ~ stop`),
    reach: 8,
    negatable: false,
  }),
  // Someone found lying with empty pill containers by them: "mijn buurman ligt in de gang, er liggen lege pillenpotjes naast hem".
  rule("overdose.found", {
    also: ["danger"],
    all: ["ligt|lag|liggen|gevonden|vond|lying|found", "lege ~ pillen*|lege ~ potjes|lege ~ doosjes|lege ~ strips|lege ~ medicijn*|lege pillenpotjes|pillenpotjes|lege ~ blisters|empty ~ pill*|empty ~ bottles"],
    scope: "message",
    unless: "opruim*|opgeruimd|inleveren|apotheek ~ terug|recyclen|afval|prullenbak ~ leeg",
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  // Too many pills with a call for help, in a few words: "te veel pillen. help", "teveel genomen, help me".
  rule("overdose.help", {
    also: ["danger"],
    all: ["te veel pillen|teveel pillen|te veel genomen|teveel genomen|te veel ingenomen|te veel geslikt|too many pills|took too many", "help|hulp|alsjeblieft|112|ambulance|kom ~ snel|bel ~ iemand"],
    scope: "message",
    unless: "voorgeschreven|voorschrijft|huisarts zegt|dokter zegt|apotheek zegt|slikt hij|slikt ze|vroeger|geleden",
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  // A goal to cut less: the cutting goes on ("mijn doel: minder vaak snijden, vorige week 4 keer").
  rule("selfharm.less", {
    all: ["snijden|krassen|kras|branden|mezelf pijn ~ doen|mezelf ~ slaan|zelfbeschadiging|cutten|cutting|cut|self harm|hurting myself", "minder|less"],
    window: 3,
    unless: "vlees|groente|brood|uien|haar|gras|kosten|budget|uitgaven|prijzen|snoep|snoepen|eten|roken|drinken|tijd|korting",
    reach: 4,
  }),
  // Things left to others and nothing planned after: "mijn kat gaat naar de buurvrouw en mijn spullen mogen weg".
  rule("suicide.giving-away", {
    all: ["spullen mogen ~ weg|spullen mogen weg|mag ~ mijn spullen hebben|mogen mijn spullen hebben|mijn spullen ~ weggeven", "kat|poes|hond|konijn|sleutel*|afscheid|als ik er niet|niet meer nodig|doorgeven|regelen|geregeld|voor als"],
    scope: "message",
    unless: "verhuis*|opruim*|kringloop|marktplaats|zolder|schuur|nieuwe huis|nieuw huis|opknappen|vakantie|op vakantie|logeren|scheiding|uit elkaar",
    reach: 20,
    negatable: false,
  }),
  // No next week needed: "maak maar geen afspraak voor volgende week. ik heb geen volgende week nodig".
  rule("suicide.no-next", {
    all: ["geen volgende week nodig|geen volgende week meer|er komt geen volgende week|er is geen volgende week|geen volgende keer nodig|heb geen ~ week ~ nodig|no next week|there is no next week|will not need next week"],
    unless: "vakantie|weg ~ volgende week|ben ~ weg|ziek|opgenomen ~ ziekenhuis|operatie|verhuis*",
    reach: 12,
    negatable: false,
  }),
  // "dan zien zij het niet": the act hidden from the children, when they are away (without them named, it may be leaving him).
  rule("suicide.hidden-act", {
    all: ["doe ik het|ga ik het doen|doe ik t|ga ik t doen|i will do it|i do it", "zien ~ het niet|zien zij het niet|zien ze het niet|ziet ~ het niet|ziet zij het niet|ziet ze het niet|ziet hij het niet|hoeven ~ het niet te zien|niet ~ zien|vinden ~ niet|vindt ~ me niet|will not see|cannot see it", "kinderen|kind|kids|dochter|zoon|dochtertje|zoontje|children|daughter|son"],
    scope: "message",
    unless: "verrassing|cadeau|kado|verjaardag|taart|opruimen|schoonmaken|huiswerk|surprise",
    reach: 20,
    acute: "always",
    negatable: false,
  }),
  // A question how it feels to die a way: "denk jij dat het pijn doet als je verdrinkt? of gaat het snel".
  rule("suicide.method-question", {
    all: ["verdrink*|verdrinken|ophang*|ophangen|springen|spring|doodbloeden|dood bloeden|overdosis|verstikken|drown*|hanging|bleed out", "doet het pijn|pijn doet|gaat het snel|duurt het lang|hoe lang duurt|is het snel|voel je ~ iets|does it hurt|how long does it take|is it quick"],
    window: 10,
    unless: "zwemles|zwemmen leren|zwemdiploma|bungee|parachute|vliegtuig|film|serie|documentaire|boek|bijsluiter|vaccin*|prik|bloedprik|tattoo|piercing|oorbel*",
    reach: 10,
    negatable: false,
  }),
  // Stepping out of life, decided: "als ze mijn uitkering stopzetten dan stap ik eruit, dat heb ik al besloten".
  rule("suicide.step-out", {
    all: ["stap ik er uit|ik stap er uit|stap ik er ~ uit|er uit stappen|uit het leven stappen|uit het leven te stappen", "besloten|voorgoed|voor altijd|uit het leven|klaar|afscheid|niet meer verder|dan is het over"],
    scope: "message",
    unless: "traject|cursus|groep|groepsapp|app|club|vereniging|project|auto|bus|trein|tram|bad|bed|relatie|contract|baan|werk|school|opleiding|studie|team|spel|bestuur|zaak",
    reach: 16,
    negatable: false,
  }),
  // Long sleeves over this week's wounds: "lange mouwen naar de afspraak want mn armen zijn een zooi van deze week".
  rule("selfharm.sleeves", {
    all: ["lange mouwen|mouwen|long sleeves|sleeves", "armen zijn ~ zooi|armen ~ kapot|armen ~ vol ~ krassen|armen ~ vol ~ sneetjes|wondjes|sneetjes|krassen|verse ~ littekens|littekens ~ vers|van deze week|van gisteren|van vannacht"],
    scope: "message",
    unless: "koud|kou|winter|zon|zonnebrand|verbrand door de zon|eczeem|psoriasis|tattoo|tatoeage|muggen|muggenbulten|kat|poes|vroeger|oud|oude littekens|jaren|tuin|rozen|braam|bramen|brandnetels",
    reach: 20,
    negatable: false,
  }),
  // Too much of a medicine said with what it does now: "ik kan mn ogen nt open houden. te veel oxy".
  rule("overdose.too-much", {
    all: ["te veel|teveel|too much|too many", SUBSTANCE],
    window: 4,
    unless: "niet te veel|mag niet|pas op|let op|waarschuw*|hoeveel|bang dat|mag je|kan je|is dat|dokter|huisarts|voorgeschreven|apotheek|krijg|schrijft|vroeger|geleden",
    reach: 8,
    acute: "always",
  }),
  // A whole stock swallowed: "heb mn hele voorraad quetiapine erin gegooid".
  rule("overdose.stock", {
    all: ["hele voorraad|mijn voorraad|de voorraad|voorraad|hele strip|hele doos|hele pot|hele potje|whole stock|whole supply", SUBSTANCE, "er in gegooid|in gegooid|naar binnen|achterover|weggewerkt|opgegeten|geslikt|ingenomen|genomen|taken|swallowed"],
    window: 10,
    unless: "apotheek|opgehaald|ophalen|besteld|bestellen|aangevuld|aanvullen|weggegooid|weggebracht|ingeleverd|inleveren|kwijt|verloren|op is|bijna op|herhaalrecept|recept",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  // Twice the insulin or methadone: "per ongeluk twee keer mn insuline gespoten en nu beef ik".
  rule("overdose.double-dose", {
    all: ["insuline|insulin|methadon|morfine|oxycodon|oxy|fentanyl|lithium|digoxine|tramadol", "twee keer|2 keer|2x|dubbel|dubbele|double|twice", "gespoten|genomen|ingenomen|geslikt|gedaan|taken|injected"],
    window: 8,
    unless: "per dag|per week|voorgeschreven|dokter ~ zei|huisarts ~ zei|moet ~ twee keer|moet ~ 2 keer|twee keer per|2 keer per|schema|afgesproken|gisteren|vorige week",
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  // Pills taken one by one, counted: "ik neem ze een voor een, nu zit ik op 12".
  rule("overdose.one-by-one", {
    all: ["een voor een|1 voor 1|een na een|one by one|de een na de ander", "zit ik ~ op|ben ik ~ bij|ben ik ~ op|ik zit ~ op|ik ben ~ bij|ik ben ~ op|al op|nu op|nu bij|heb ik er|had ik er|am at|up to|i am on"],
    scope: "message",
    unless: "boodschappen|formulieren|brieven|rekeningen|dozen|klussen|taken|stappen|sollicitaties|vacatures|mails|punten|afspraken|letters|woorden|kamers|puzzel|levels|level",
    reach: 20,
    acute: "always",
    negatable: false,
  }),
  // Drinking on without stopping: "ik drink nu de derde fles wijn en ik stop niet".
  rule("overdose.drinking-on", {
    all: ["derde fles|vierde fles|tweede fles ~ leeg|3e fles|4e fles|third bottle|fourth bottle", "stop niet|kan niet stoppen|ga door|ik drink door|ik stop niet|alles op|tot ik|cannot stop|will not stop"],
    scope: "message",
    unless: "water|cola|fris|limonade|spa|melk|sap|shampoo|wasmiddel",
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Wanting to hurt oneself now, with a call for help: "ik wil me zo graag pijn doen nu. help".
  rule("selfharm.urge-now", {
    all: ["wil me ~ pijn doen|wil mezelf ~ pijn doen|wil me ~ pijn ~ doen|wil mezelf ~ iets aandoen|want to hurt myself|wanna hurt myself", "nu|help|hulp|alsjeblieft|vannacht|right now|now"],
    scope: "message",
    reach: 8,
    negatable: true,
  }),
  // A self-harm goal broken within days: "doel voor deze week: niet snijden. vandaag dag 2 en ik heb het al verpest".
  rule("selfharm.goal-broken", {
    all: ["niet snijden|niet krassen|niet branden|niet meer snijden|no cutting|not cutting", "verpest|toch gedaan|toch weer|weer gedaan|al gedaan|mislukt|gefaald|broke it|failed|relapsed"],
    scope: "message",
    unless: "groente|uien|brood|vlees|haar|gras|budget|kosten",
    reach: 16,
    negatable: false,
  }),
  // Going to a dead loved one soon: "bij het graf van oma gezegd dat ik snel bij haar kom".
  rule("suicide.join-dead", {
    all: [
      "snel bij haar|snel bij hem|gauw bij haar|gauw bij hem|binnenkort bij haar|binnenkort bij hem|straks bij haar|straks bij hem|kom ~ snel|kom ~ gauw|kom ~ binnenkort|haar achterna|hem achterna|wil ~ bij haar zijn|wil ~ bij hem zijn|be with her soon|be with him soon|join her|join him|coming to you soon",
      "graf|begraafplaats|kerkhof|overleden|gestorven|hemel|urn|sterfdag|grave|died|heaven",
    ],
    scope: "message",
    unless: "langs|op bezoek|bezoeken|bloemen|kaarsje|opruimen|schoonmaken|verjaardag|elke week|elke zondag|volgende week weer|visit",
    reach: 12,
    negatable: false,
  }),
  // An attempt of late, the thoughts still there: "na mijn poging ... de gedachten zijn er nog steeds".
  rule("suicide.attempt-recent", {
    all: [
      "na mijn poging|sinds mijn poging|mijn poging van|mijn poging vorige|ik heb een poging gedaan|heb ik een poging gedaan|after my attempt|since my attempt|i made an attempt",
      "gedachten ~ nog|nog steeds ~ gedachten|nog altijd ~ gedachten|weer gedachten|gedachten ~ terug|naar huis gestuurd|uit het ziekenhuis|leeggepompt|crisisdienst|thoughts ~ still|still ~ thoughts|sent home|sent me home",
    ],
    scope: "message",
    unless: "poging tot|poging om|rijexamen|examen|sollicit*|afvallen|dieet|roken|stoppen met|bellen|record|inbraak|reanimatie|taart|recept|bakken|lukte|gelukt|jaar geleden|jaren geleden|maanden geleden|blij dat ik|ben blij|driving|exam|quit|years ago",
    reach: 14,
    negatable: false,
  }),
  // Who or what still keeps one alive: "als mijn hond er niet was ... die houdt me nog hier".
  rule("suicide.kept-here", {
    all: ["houdt me ~ hier $|houdt mij ~ hier $|houden me ~ hier $|houdt me ~ in leven|houden me ~ in leven|houdt mij ~ in leven|enige reden dat ik ~ leef|enige reden dat ik ~ er nog ben|enige reden dat ik nog|keeps me alive|keeps me here|reason i am still alive|reason i am still here"],
    unless: "werk|afspraak|binnen|overuren|wachten|regen|kantoor|file|trein|sneeuw|storm",
    reach: 6,
    negatable: false,
  }),
  // Why stay, at the end of what was lost: "zonder werk, zonder vrouw ... waarom zou ik nog blijven".
  rule("suicide.why-stay", {
    all: ["waarom zou ik ~ nog blijven $|waarom nog blijven $|waarom blijf ik nog $|why should i stay $|why stay $|why am i still here"],
    unless: "hier|nederland|bij hem|bij haar|relatie|baan|werk|bedrijf|club|vereniging|cursus|school|stad|huis|buurt|dorp|feest|groep|app",
    reach: 6,
    negatable: false,
  }),
  // No longer anyone's problem from a day named: "vanaf volgende week ben ik geen probleem meer voor ze".
  rule("suicide.no-burden-soon", {
    all: [
      "geen probleem meer voor|geen last meer van mij|geen last meer van me|niemand ~ nog last van mij|zijn ze ~ van me af|zijn ze ~ van mij af|zijn jullie ~ van me af|zijn jullie ~ van mij af|is iedereen ~ van me af|no longer a problem|will not be a problem for|not be a burden anymore",
      "vanaf|straks|binnenkort|na vandaag|na morgen|volgende week|morgen|na het weekend|gauw|soon|after today|tomorrow|next week",
    ],
    scope: "message",
    unless: "betaald|afbetaald|afgelost|schuld*|regeling|verhuis*|baan|werk|contract|eigen geld|verdien*|inkomen|aow|pensioen|opgelost|vertrek|emigr*|vakantie|reis|job|move|moving",
    reach: 24,
    negatable: false,
  }),
  // Tired of existing itself: "tired of existing", "moe van het bestaan".
  rule("suicide.tired-existing", {
    all: ["tired of existing|sick of existing|done existing|done with existing|tired of being alive|moe van ~ bestaan|klaar met ~ bestaan|het bestaan ~ moe|moe van het leven|het leven moe|levensmoe*"],
    unless: "boek|film|serie|liedje|song|titel|gedicht|book",
    reach: 4,
  }),
  // Wounds hidden: "hoe verberg je wondjes op je pols voor de huisarts".
  rule("selfharm.hiding", {
    all: [
      "verberg*|verstop*|bedekken|bedek|afdekken|wegwerken|mag niemand zien|niemand mag ~ zien|hide|hiding|cover up",
      "wondjes|wondje|wonden|sneetjes|sneden|snijwonden|krassen|littekens|brandwonden|cuts|scars|wounds|burns",
      "pols|polsen|arm|armen|dijen|dij|benen|been|buik|wrist|wrists|arms|thighs|legs",
    ],
    window: 12,
    unless: "tattoo|tatoeage|eczeem|psoriasis|acne|puistjes|muggen*|kat|poes|operatie|keizersnede|ongeluk|oven|strijkijzer|vroeger|oude|jaren geleden|sport|fiets|bramen|rozen|surgery|accident",
    reach: 10,
    negatable: false,
  }),
  // Long sleeves in the heat, said knowingly: "lange mouwen in juli, je snapt het wel".
  rule("selfharm.sleeves", {
    all: [
      "lange mouwen|long sleeves",
      "juli|augustus|juni|zomer|hitte|hittegolf|warm|heet|graden|summer|july|august|heat|hot",
      "je snapt het wel|je weet wel|snap je|weet je wel|je begrijpt het wel|you know why|you get it",
    ],
    scope: "message",
    unless: "zon|zonnebrand|verbrand|eczeem|psoriasis|tattoo|tatoeage|muggen|uniform|kledingvoorschrift|dresscode|geloof|moskee|kerk|hoofddoek|religie|airco|koud op|sunburn",
    reach: 24,
    negatable: false,
  }),
  // All of one's pills at once: "mijn moeder heeft al haar pillen in 1 keer genomen".
  rule("overdose.all-at-once", {
    all: [
      "in 1 keer|in een keer|tegelijk|tegelijkertijd|ineens|in een klap|at once|all at once",
      "al haar|al zijn|al mijn|alle|al die|all her|all his|all my|all the",
      SUBSTANCE,
      "genomen|geslikt|ingenomen|opgegeten|naar binnen|achterover|op gegeten|taken|swallowed|took",
    ],
    window: 12,
    unless: "weggegooid|ingeleverd|apotheek|opgehaald|weekdoos|baxter|medicijndoos|klaargezet|uitgezocht|gesorteerd|gekocht|besteld|ochtend|ochtends|ontbijt|dokter zegt|huisarts zegt|voorgeschreven|elke dag|iedere dag|scheelt|makkelijk|handig|every morning|breakfast",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  // Many times the dose of a sleeping pill or a strong medicine, night after night: "elke avond 4 slaaptabletten in plaats van 1".
  rule("overdose.more-than-prescribed", {
    all: [
      "in plaats van 1|in plaats van een|in plaats van een halve|in plaats van een half|instead of 1|instead of one|meer dan voorgeschreven|meer dan de dokter|meer dan ~ mag van de|more than prescribed|driedubbele|triple",
      "slaaptablet*|slaappil*|slaapmiddel*|slaap tablet*|slaap pil*|slaap middel*|oxazepam|diazepam|temazepam|lorazepam|alprazolam|xanax|oxy*|tramadol|morfine|methadon|fentanyl|codeine|lithium|kalmeringsmiddel*|rustgevers|benzo*|pijnstillers|sleeping pills|painkillers",
    ],
    window: 12,
    unless: "dokter zegt|huisarts zegt|arts zegt|zei de huisarts|zei de dokter|zegt de huisarts|zegt de dokter|heeft de huisarts|heeft de dokter|huisarts ~ gezegd|dokter ~ gezegd|van de dokter|van de huisarts|voorgeschreven door|afgesproken|afbouw*|minder|vitamine*|ijzer|magnesium|doctor said",
    reach: 8,
    acute: "never",
    negatable: false,
  }),
  // Followed after someone close who did it: "mijn broer heeft het ook gedaan ... ik denk ik volg hem".
  rule("suicide.follow", {
    all: [
      "ik volg hem|ik volg haar|ik hem volg|ik haar volg|ik ga hem volgen|ik ga haar volgen|ik wil hem volgen|ik wil haar volgen|volg ik hem|volg ik haar|hem achterna|haar achterna|follow him|follow her",
      "heeft het ~ gedaan|het ook gedaan|zichzelf|zelfmoord|zelfdoding|gedood|overleden|gestorven|begraven|graf|died|killed himself|killed herself|suicide",
    ],
    scope: "message",
    unless: "instagram|tiktok|youtube|twitter|volgen op|cursus|voorbeeld|advies|studie|opleiding|baan|werk|stad|land|verhuis*|on instagram",
    reach: 20,
    negatable: false,
  }),
  // Searched for how, the rest unsaid: "ik heb gezocht op internet hoe. verder niks gedaan".
  rule("suicide.searched-how", {
    all: ["gezocht ~ hoe $|opgezocht ~ hoe $|gegoogeld ~ hoe $|gegoogled ~ hoe $|gegoogelt ~ hoe $|googled ~ how $|searched ~ how $|looked up how $"],
    unless: "recept|cv|formulier|solliciteren|taal|les|route|bus|trein",
    reach: 4,
    negatable: false,
  }),
  // Who finds one who lives alone: "hoe lang duurt het voor iemand gevonden wordt als die alleen woont".
  rule("suicide.found-alone", {
    all: [
      "gevonden wordt|gevonden word|gevonden worden|iemand ~ vindt|mij ~ vinden|me ~ vinden|zou vinden|be found|find me|finds me",
      "alleen woont|alleen woon|alleen wonen|niemand|lives alone|live alone|nobody",
      "hoe lang|wie|wanneer|how long|who|when",
    ],
    scope: "message",
    unless: "kat|hond|poes|sleutel*|telefoon|portemonnee|tas|fiets|paspoort|werk|baan|vacature|woning|huis zoek*|kamer|lost|wallet|job",
    reach: 24,
    negatable: false,
  }),
  // On a roof or a bridge, come down, tomorrow unsure; or standing there a long time: "ik was op het dak ... maar morgen weet ik niet".
  rule("suicide.place-was", {
    all: [
      "op het dak|op de brug|op het spoor|op de rand|op het balkon ~ rand|on the roof|on the bridge|on the tracks",
      "naar beneden gegaan|weer naar beneden|kwam ~ naar beneden|ben ~ teruggegaan|ben ~ terug gelopen|stond ~ lang|stond ~ uren|lang ~ gestaan|lange tijd|uren ~ gestaan|een uur ~ gestaan|keek ~ naar het water|naar het water ~ gekeken|keek ~ naar beneden|naar beneden ~ gekeken|niet ja|morgen weet ik niet|weet ik niet ~ morgen|came down|stood ~ long|for hours",
    ],
    scope: "message",
    unless: "foto*|uitzicht|zonsondergang|vuurwerk|wandel*|fiets*|file|open voor|boot|schepen|vissen|klussen|dakdekker|zonnepanelen|antenne|goot|dakgoot|lekkage|kat|schoorsteen|view|sunset|photo*",
    reach: 24,
    negatable: false,
  }),
  // A scaling question on wanting to live, answered low: "hoe graag ik nog leef? 2".
  rule("suicide.low-on-living", {
    all: ["hoe graag ik ~ leef|hoe graag ~ nog leef|hoe graag ik ~ wil leven|zin in het leven|zin om te leven|how much i want to live", "^ 0 $|^ 1 $|^ 2 $|^ 3 $|^ een 1 $|^ een 2 $|^ een 3 $|^ nul $|^ 0 ~ $|^ 1 ~ $|^ 2 ~ $"],
    scope: "message",
    reach: 4,
    negatable: false,
  }),
  // Life as a weight to put down for ever: "leven is als een zware zak rijst. ik wil hem neerleggen. voor altijd".
  rule("suicide.put-down", {
    all: ["leven|life", "neerleggen|neer leggen|leg ~ neer|put it down|put down", "voor altijd|voorgoed|voor eeuwig|forever|for good"],
    scope: "message",
    unless: "roken|drinken|drank|gokken|werk|baan|telefoon|pen|wapens|ruzie|schuld*|verleden|smoking|drinking",
    reach: 24,
    negatable: false,
  }),
  // A will written young and well: "ik schrijf mijn testament vandaag. ben 34. niet ziek".
  rule("suicide.will", {
    all: ["testament|laatste wil|my will", "niet ziek|nog jong|kerngezond|gezond|not ill|not sick|healthy"],
    scope: "message",
    unless: "notaris|kinderen|voogdij|huis gekocht|koophuis|erfenis|advocaat|trouw*|getrouwd|samenwon*|verzekering|lawyer|children",
    reach: 24,
    negatable: false,
  }),
  // Moroccan Arabic in Latin letters: "3yit mn l7ayat" (tired of life), "bghit nmout" (I want to die).
  rule("suicide.arabizi", {
    all: ["3 yit ~ l 7 ayat|3 yit ~ 7 ayat|3 yit ~ l 7 ya|3 yit ~ dunya|bghit nmout|bghit nmot|bghit n mout|bghit nmoute|bghit nmut"],
    reach: 4,
    negatable: false,
  }),
  // Fresh marks on the arms, said knowingly: "kan ik met korte mouw? mijn armen... je weet wel. verse".
  rule("selfharm.fresh-arms", {
    all: ["mijn armen|mijn arm|mijn polsen|mijn pols|mijn benen|my arms|my wrists", "verse|vers|nieuwe|fresh|new ones", "je weet wel|je snapt het wel|snap je|weet je wel|mouw*|you know|sleeve*"],
    scope: "message",
    unless: "ingesmeerd|creme|zonnebrand|tattoo|tatoeage|henna|verbrand|muggen|eczeem|gips|verband ~ gips|spieren|sporten|sportschool|training|gym|brood|groente",
    reach: 24,
    negatable: false,
  }),
  // A child who cuts: "mijn dochter van 15 snijdt zich". About someone else, and still an alarm (OF_SOMEONE_ELSE).
  rule("selfharm.child", {
    all: ["mijn dochter|mijn zoon|mijn kind|mijn meisje|mijn jongen|onze dochter|onze zoon|my daughter|my son|my kid", "snijdt zich|snijdt zichzelf|krast zich|krast zichzelf|doet zichzelf pijn|beschadigt zichzelf|brandt zich|brandt zichzelf|cuts herself|cuts himself|hurts herself|hurts himself"],
    window: 12,
    unless: "per ongeluk|groente|brood|uien|papier|schaar|knutsel*|accidentally",
    reach: 6,
    negatable: true,
  }),
  // Turkish: "çok ilaç içtim" (I took many medicines), "hap içtim".
  rule("overdose.turkish", {
    all: ["cok ilac ~ ictim|cok ~ ilac ~ ictim|ilaclari ~ ictim|ilaclarin hepsini|cok hap ~ ictim|hap ~ ictim|butun ilaclari|tum ilaclari"],
    reach: 4,
    acute: "always",
    negatable: false,
  }),
  // Frisian: "ik wol net mear libje, it hoecht net mear" (read as "ik wou net meer leven").
  rule("suicide.frisian", {
    all: ["wou net meer leven|wil net meer leven|wou net langer leven|wol dea|wol dea weze|it hoeft net meer|hoeft net meer $"],
    unless: "brouwerij|in huis|in de tent|gezelligheid|actie|drukte",
    reach: 4,
    negatable: false,
  }),
  // An accident prayed for, so as not to do it oneself: "soms bid ik dat ik een ongeluk krijg. dan hoef ik het zelf niet te doen".
  rule("suicide.accident-wished", {
    all: ["hoef ik het zelf niet ~ doen|hoef ik het niet zelf ~ doen|hoef ik ~ niet zelf ~ doen|dan hoef ik het zelf niet|bid dat ik ~ ongeluk|hoop dat ik ~ ongeluk krijg|hoop dat ik ~ aangereden word|hoop dat ik ~ verongeluk|wish i ~ hit by|do not have to do it myself"],
    unless: "boodschappen|afwas|klusje|klus|formulier|belasting|strijken|schoonmaken|koken|stofzuigen|tuin",
    reach: 6,
    negatable: false,
  }),
  // On a named bridge: "ik zit op de erasmusbrug en ik kijk naar beneden".
  rule("suicide.place", {
    all: [
      "op de erasmusbrug|op de brienenoordbrug|op de van brienenoordbrug|op de moerdijkbrug|op de zeelandbrug|op de waalbrug|op de ketelbrug|op de magere brug|op de willemsbrug|op de john frostbrug|op de nijmeegse brug|op het viaduct|op de flat ~ dak|op de galerij ~ rand",
      "kijk naar beneden|kijk ~ naar het water|kijk ~ naar de weg|kijk ~ omlaag|sta ~ aan de rand|zit ~ aan de rand|ga springen|wil springen|looking down",
    ],
    window: 14,
    unless: "fiets*|file|auto|bus|trein|tram|uitzicht|foto*|zonsondergang|vuurwerk|marathon|wandel*|toerist*|boot|schip|schepen|view",
    reach: 8,
    acute: "always",
  }),
  // The way of someone close taken too: "mijn broer heeft het ook gedaan ... ik denk dat ik dezelfde weg ga".
  rule("suicide.follow", {
    all: ["dezelfde weg ga|dezelfde weg kies|dezelfde weg op|zelfde weg ga|zijn weg ga|haar weg ga|same way as|same path as", "heeft het ~ gedaan|het ook gedaan|zichzelf|zelfmoord|zelfdoding|gedood|died|killed himself|killed herself|suicide"],
    scope: "message",
    unless: "opleiding|studie|school|werk|baan|beroep|sport|muziek|voetbal|verslaving ~ gestopt",
    reach: 20,
    negatable: false,
  }),
  // One's own funeral planned: "ik heb mijn eigen begrafenismuziek al uitgekozen". A plan: laughing does not lighten it.
  rule("suicide.ready-funeral", {
    // With thoughts of death: many people arrange their funeral, "ook het liedje", and laugh about it.
    all: ["eigen begrafenis*|mijn begrafenis*|eigen uitvaart*|mijn uitvaart*|my funeral|my own funeral", "uitgekozen|gekozen|geregeld|gepland|klaar|opgeschreven|picked|planned|chosen", "aan dood zijn|aan de dood|denk er ~ veel aan|denk er ~ vaak aan|wil ~ dood|think about ~ death|think about dying"],
    scope: "message",
    unless: "verzekering|notaris|kanker|ziek|ongeneeslijk|terminaal|opa|oma|ouders|moeder|vader|programma|serie|tv|uitvaartverzekering|insurance",
    reach: 10,
    negatable: false,
  }),
  // Self-harm slang: "heb weer lijntjes gezet".
  rule("selfharm.lines", {
    all: ["lijntjes ~ gezet|lijntjes ~ getrokken|lijnen ~ gezet|weer lijntjes|lijntjes op mijn|lines on my"],
    unless: "coke|cocaine|speed|snuif*|tekenen|tekening|liniaal|schrift|kleurplaat|tegels|verf|schilder*|stoep|parkeer*|veld|papier|wiskunde|grafiek",
    reach: 8,
    negatable: false,
  }),
  // A no-cutting goal after a count of times: "mijn doel voor deze week: niet snijden. vorige week 4 keer".
  rule("selfharm.goal-broken", {
    all: ["niet snijden|niet krassen|niet branden|niet meer snijden|no cutting|not cutting", "vorige week ~ keer|deze week ~ al ~ keer|gisteren ~ keer|al ~ keer gedaan|keer gedaan|times last week"],
    scope: "message",
    unless: "groente|uien|brood|vlees|haar|gras|budget|kosten",
    reach: 16,
    negatable: false,
  }),
  // No future to see: "waar ik over 5 jaar sta? nergens. ik zie mezelf niet volgend jaar".
  rule("suicide.no-future", {
    all: ["zie mezelf niet ~ volgend jaar|zie mezelf niet ~ over #many jaar|zie mezelf niet ~ over ~ jaar|zie mezelf niet oud worden|zie mezelf ~ niet meer ~ volgend jaar|zie mezelf niet ~ 30 worden|zie mezelf niet ~ 40 worden|cannot see myself ~ next year|do not see myself ~ next year|cannot see myself ~ in #many years"],
    unless: "in deze baan|bij dit bedrijf|op dit werk|in dit huis|in deze stad|hier wonen|studeren|op school|werken als|als kapper|als ~ werken|in nederland|getrouwd|met hem",
    reach: 6,
    negatable: false,
  }),
  // How much of a medicine is enough, looked up: "ik heb gegoogled hoeveel paracetamol genoeg is".
  rule("suicide.method-question", {
    all: ["hoeveel|how many|how much", SUBSTANCE, "genoeg|dodelijk|fataal|om dood te gaan|teveel is om|enough|lethal|to die"],
    window: 10,
    unless: "hoofdpijn|koorts|griep|pijn|per dag|mag ik|mag je|kind|baby|hond|kat|voor mijn|recept|headache|fever|per day",
    reach: 6,
    negatable: false,
  }),
  // A goodbye the other does not know of: "ik heb al afscheid genomen van mn oma vandaag. ze weet het niet maar ik wel".
  rule("suicide.farewell", {
    all: ["afscheid genomen|afscheid ~ genomen|said goodbye|gedag gezegd", "weet het niet maar ik wel|weten het niet maar ik wel|weet ~ niet ~ maar ik wel|they do not know but i do|she does not know but i do|he does not know but i do"],
    scope: "message",
    reach: 20,
    negatable: false,
  }),
  // Worth more dead: "als ik dood ga krijgt mn moeder geld van de verzekering, dan ben ik eindelijk ergens goed voor".
  rule("suicide.worth-dead", {
    all: ["als ik dood ga|als ik dood ben|als ik er niet meer ben|als ik doodga|if i die|when i am gone", "verzekering|levensverzekering|geld|erfenis|ergens goed voor|beter af|better off|insurance|money"],
    scope: "message",
    unless: "testament|notaris|kinderen ~ verzorgd|voogdij|oud|pensioen|ziek|kanker",
    reach: 20,
    negatable: false,
  }),
  // Self-harm said as lines or a barcode, or as help: "mn armen zien eruit als een barcode, gisteren nieuwe lijnen erbij", "het helpt me echt".
  rule("selfharm.lines", {
    all: ["barcode|nieuwe lijnen erbij|nieuwe lijntjes erbij|nieuwe lijnen ~ arm*|nieuwe lijntjes|new lines|looks like a barcode"],
    unless: "winkel|kassa|scanner|scannen|product*|app|qr|kaartje|ticket|boodschappen|streepjescode",
    reach: 8,
    negatable: false,
  }),
  rule("selfharm.helps", {
    all: ["wonden|wondjes|sneetjes|snijwonden|krassen|littekens|brandwonden|cuts|wounds", "helpt me|helpt echt|helpt wel|het helpt|geeft rust|it helps|helps me"],
    scope: "message",
    unless: "zalf|creme|pleister*|verband|betadine|huisarts ~ verzorgd|genezen|geneest|heelt|kat|hond|ongeluk|operatie|ointment|healing",
    reach: 20,
    negatable: false,
  }),
  // Someone fitting after drugs or drink: "mn vriendin heeft ghb gedaan en ligt nu te schokken op de grond". About someone else, and an alarm (OF_SOMEONE_ELSE).
  rule("overdose.someone-fitting", {
    all: [pattern(`${SUBSTANCE.source}|gedronken|zuipen|comazuipen|drank|alcohol|gebruikt|gesnoven|drunk`), "ligt ~ te schokken|ligt ~ schokken|schokt ~ helemaal|stuipen|krijg ~ niet wakker|wordt niet wakker|buiten westen|bewusteloos|ademt ~ raar|ademt niet|blauwe lippen|seizure|unconscious|not breathing"],
    scope: "message",
    unless: "epilepsie|epileptisch|koortsstuip*|vorige week|vorig jaar|gisteren|weer bij|is ok|is oke|gaat goed|ziekenhuis ~ ontslagen|film|serie",
    reach: 20,
    acute: "always",
    negatable: false,
  }),
  // Standing somewhere high or by the track, in two minds: "op het perron gestaan en getwijfeld of ik zou springen".
  rule("suicide.doubt-jump", {
    all: ["getwijfeld of ik|twijfel of ik|twijfelde of ik|twijfelen of ik|in dubio of ik|nagedacht of ik|dacht erover om|dacht erover na om|denk erover om|denk erover na om|wondered whether to|wondered if i should|thought about", "spring*|jump*|eraf ~ te gaan|er af ~ te gaan"],
    window: 6,
    unless: pattern(`${MEDIA.source}|zwem*|zwembad|duik*|trampoline|parachute|bungee|paraglid*|swim*|dive|diving|sloot|paard|ander werk|andere baan|overstap*|kans`),
    reach: 8,
  }),
  // No future, so no point in plans: "ik heb geen toekomst. dus waarom plannen maken".
  rule("suicide.no-future-why", {
    all: ["geen toekomst|zonder toekomst|no future|zie ~ geen toekomst", "waarom ~ plannen|waarom ~ plan|waarom ~ doel*|waarom ~ nog|waarom zou ik|wat heeft ~ voor zin|heeft ~ geen zin|zinloos|why ~ plan*|why bother|what is the point|no point"],
    scope: "message",
    unless: "in deze baan|in dit werk|bij dit bedrijf|voor het bedrijf|voor die winkel|voor deze relatie|met hem|met haar|in nederland|in dit land|op deze school|in deze stad|in dit dorp|voor de winkel|voor de club|voor de vereniging|voor dat huis",
    reach: 20,
    negatable: false,
  }),
  // A last meal: "ik heb mijn lievelingseten gemaakt, een laatste keer goed eten".
  rule("suicide.last-meal", {
    all: ["laatste keer ~ eten|laatste keer ~ gegeten|laatste maaltijd|mijn galgemaal|galgemaal|last meal|nog 1 keer ~ lievelingseten|nog een keer ~ lievelingseten|lievelingseten ~ laatste keer"],
    unless: pattern(`${MEDIA.source}|dieet|afvallen|lijnen|vasten|ramadan|verhuiz*|vakantie|operatie|nuchter|ziekenhuis|restaurant|snackbar|voor ik vertrek|voor mijn vertrek|voor de bruiloft|bij oma|bij mijn moeder|met kerst|samen|gezellig|voor de zomer|suiker|vet`),
    reach: 10,
    negatable: false,
  }),
  // Everything done, so one can go now: "mn coach bedankt en mn schulden betaald, nu kan ik gaan"; "ff zeggen dat je een goeie coach was. ik ga nu".
  rule("suicide.done-now-go", {
    all: [
      "bedankt|bedank*|schulden ~ betaald|schuld ~ afbetaald|alles ~ geregeld|alles ~ op orde|alles ~ opgeruimd|alles ~ afgerond|goeie coach was|goede coach was|fijne coach was|lieve coach was|was een goeie|was een goede|you were a good|paid ~ debts|everything ~ sorted",
      "nu kan ik gaan $|kan ik nu gaan $|nu kan ik rustig gaan|nu kan ik gerust gaan|dan kan ik gaan $|now i can go $|i can go now $|i can go in peace",
    ],
    scope: "message",
    unless: "naar huis|naar bed|slapen|werken|werk|eten|koken|boodschappen|afspraak|douchen|sporten|wandelen|fietsen|winkel|vakantie|op vakantie|verhuizen|naar ~ toe|met pensioen|solliciteren|beginnen|tot morgen|tot volgende|tot later|doei|later|welterusten|hond|uitlaten|school|ophalen|pauze|home|bed|sleep",
    reach: 20,
    negatable: false,
  }),
  rule("suicide.done-now-go", {
    all: ["goeie coach was|goede coach was|fijne coach was|lieve coach was|je was een goeie|je was een goede|jij was een goeie|jij was een goede|you were a good", "ik ga nu $|nu ga ik $|ik ben weg $|i am going now $|i am off now $|i am going $"],
    scope: "message",
    unless: "naar huis|naar bed|slapen|werk|eten|koken|boodschappen|afspraak|tot morgen|tot volgende|tot later|doei|welterusten|nieuwe coach|andere coach|overgedragen|traject ~ klaar|traject ~ af|traject ~ afgerond|afsluiten|afgesloten|laatste gesprek|laatste afspraak",
    reach: 20,
    negatable: false,
  }),
  // Taking them now, all of them or one after the other: "ik neem al mijn pillen", "ik ben nu pillen aan het innemen. nog 10 te gaan".
  rule("overdose.taking-now", {
    all: [
      SUBSTANCE,
      "ik neem|neem ik|ik slik|slik ik|ben ~ aan het innemen|ben ~ aan het slikken|ben ~ aan het nemen|zit ~ te slikken|zit ~ in te nemen|i am taking|i am swallowing|i take",
      pattern(`${QUANTITY.source}|alles|de rest|nog #many te gaan|nog ~ te gaan|een voor een|een na een|all of them|one by one`),
    ],
    window: 12,
    unless: "dokter|arts|huisarts|moet|voorgeschreven|kuur|recept|zoals|elke dag|per dag|elke ochtend|elke avond|iedere dag|ochtend|avond|ontbijt|breakfast|vergeten|vergeet|mag ik|mag je|hoeveel mag|maximaal|max|bijsluiter|apotheek|tandpijn|kiespijn|hoofdpijn|koorts|rugpijn|vitamine*|every day|every morning|as prescribed|may i",
    reach: 8,
    // One pill for the pain is no overdose: "veel pijn in mijn been, ik neem één paracetamol".
    notInside: ONE_DOSE,
  }),
  rule("overdose.taking-now", {
    all: ["aan het slikken|aan het innemen|am swallowing|am taking", pattern(`${SUBSTANCE.source}|ze|die|them`), "ik ben|ben ik|i am|im"],
    window: 8,
    unless: "dokter|arts|huisarts|voorgeschreven|kuur|recept|zoals|elke dag|per dag|ontbijt|vitamine*|zuigtablet*|keelpijn|snoep*|drop|as prescribed",
    reach: 8,
  }),
  // A plan, said for nothing else, that gives peace: "een 4. wat het een 4 maakt? ik heb een plan en dat geeft rust".
  rule("suicide.plan-peace", {
    all: ["ik heb een plan|heb ik een plan|mijn plan|het plan|i have a plan|besluit genomen|beslissing genomen|made a decision|decided", "geeft ~ rust|geeft me rust|voel ~ rust|voel me rustig|ben ~ rustig|rust gevonden|geeft ~ vrede|feel calm|gives me peace|at peace"],
    scope: "message",
    unless: "voor|om te|om mijn|schuld*|geld|budget|afbetal*|sparen|werk|baan|solliciteer*|solliciteren|huis|verhuiz*|week|dag|morgen|stappen|school|cursus|opleiding|verhuizen|scheiden|scheiding|weggaan bij|bij hem weg|afval*|dieet|sport*|stoppen met roken|coach|hulp|schuldhulp|huisarts|psycholoog|therapie|for my|for the|to pay|to move|job|debt*",
    reach: 30,
    negatable: false,
  }),
  // A day without cutting counted as the good news: "het geen 2 maakt dat ik gisteren niet gesneden heb".
  rule("selfharm.day-without", {
    all: ["gisteren niet ~ gesneden|vandaag ~ niet ~ gesneden|vandaag nog niet ~ gesneden|deze week ~ niet ~ gesneden|gisteren niet ~ gekrast|vandaag ~ niet ~ gekrast|gisteren niet ~ gebrand|vandaag ~ niet ~ gebrand|1 dag niet ~ gesneden|een dag niet ~ gesneden|2 dagen niet ~ gesneden|twee dagen niet ~ gesneden|did not cut yesterday|did not cut today|have not cut today"],
    unless: pattern(`${NOT_SELFHARM.source}|groente|vlees|brood|ui|uien|haar|heg|gras|nagels|taart`),
    reach: 8,
    negatable: false,
  }),
  // Something instead of cutting that did not work: "ijsblokjes vasthouden in plaats van snijden ... maar vanavond lukte het niet, ik heb het toch gedaan".
  rule("selfharm.instead-failed", {
    all: ["in plaats van snijden|in plaats van te snijden|in plaats van krassen|in plaats van mezelf ~ pijn|ipv snijden|instead of cutting|instead of hurting myself", "toch gedaan|toch gesneden|lukte ~ niet|lukt ~ niet|hielp ~ niet|helpt ~ niet|heb het ~ gedaan|did it anyway|did not work|does not work"],
    scope: "message",
    reach: 30,
    negatable: false,
  }),
];
