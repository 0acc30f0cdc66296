/**
 * Word classes the crisis rules are built from, in normalised spelling (see normalise.ts):
 * Dutch as clients write it, and English. Each is a `pattern` (match.ts): "|" between
 * alternatives, "*" for a stem, "~" for a short gap.
 */
import { pattern } from "./match.js";

const alt = (...parts: string[]) => parts.join("|");

/** The people who hurt someone at home (or anywhere): pronouns, family, partners. */
export const PERSON_WORDS =
  "hij|zij|ze|man|vrouw|vriend|vriendin|partner|ex|vader|moeder|pa|ma|papa|mama|stiefvader|stiefmoeder|stiefpa|stiefma|" +
  "broer|zus|zoon|dochter|oom|tante|opa|oma|schoonvader|schoonmoeder|schoonzoon|vriendje|huisgenoot|buurman|buurvrouw|" +
  "baas|collega|iemand|eigenaar|verhuurder|pooier|loverboy|vent|jongen|he|she|husband|wife|boyfriend|girlfriend|dad|father|" +
  "mother|mom|mum|stepdad|stepfather|brother|sister|son|uncle|someone|somebody|they|guy|man|neighbour|neighbor";
export const PERSON = pattern(PERSON_WORDS);

/** Who is hurt: me, us, the children, a part of my body. */
export const VICTIM = pattern(
  alt(
    "me|mij|ons|us|haar|hem|her|him|mijn kleine|mijn nicht*|mijn neef*|zijn vrouw|zijn vriendin|haar man|haar vriend|zijn kind*|haar kind*|mijn kinderen|mijn oma|mijn opa|zijn dochter|zijn zoon|haar dochter|haar zoon|my wife|my little",
    "mijn kind*|mijn zoon*|mijn dochter*|mijn baby|mijn broer*|mijn zus*|mijn moeder|mijn vriendin|mijn vrouw|mijn ma|mijn mam|mijn mama|mama|mijn pa|mijn papa|papa",
    "de kinderen|de kids|de kleine|onze kinderen|onze zoon|onze dochter|zijn kinderen|haar kinderen|kinderen|kind|baby|kindje",
    "my kids|the kids|my son|my daughter|the children|my children|my mom|my mother|my arm*|my leg*|my nose|my ribs",
    "mijn hoofd|mijn gezicht|mijn buik|mijn rug|mijn arm*|mijn keel|mijn nek|mijn oog|mijn ogen|mijn haar|mijn lijf|mijn lichaam|mijn hals",
    "mijn knie*|mijn been|mijn benen|mijn botten|mijn vingers|mijn ribben|my knees|my ribs|my fingers",
    "my face|my head|my neck|my throat|his wife|his girlfriend|her husband|his kids|her kids|his son|his daughter|her son|her daughter",
  ),
);

/** Hitting, kicking, choking, threatening. */
export const HIT = pattern(
  alt(
    "gedrukt|drukte|tegen de muur|omgedraaid|geklopt|klopt|klopte|afgetuigd|aftuigen|getuigd|in elkaar ~ geslagen",
    "sla|slaat|sloeg|sloegen|slaan|geslagen|slagen|schop|schopt|schopte|schopten|geschopt|stomp|stompt|stompte|gestompt",
    "trap|trapt|trapte|getrapt|duw|duwt|duwde|geduwd|knijp|knijpt|kneep|geknepen|wurg*|gewurgd|mishandel*|bedreig*",
    "mep|mept|mepte|gemept|klap|klappen|tik|tikken|tikt|rammen|ramt|ramde|bijt|beet|gebeten|sleur*|gesleurd|sleept|sleepte",
    "smijt|smeet|gooit|gooide|gegooid|pakt ~ keel|greep ~ keel|vast ~ keel|hits|hit|hitting|beats|beat|beating|beaten",
    "kicks|kicked|kicking|punch*|chok*|strangl*|slap|slaps|slapped|slapping|push*|shov*|abus*|threat*|hurts|hurt|threw|throws|thrown|slammed|slams|dragged|drags|grabbed",
  ),
);

/** Hit-words in everyday sayings that hurt nobody ("dat slaat nergens op", "ik sla het over"). */
export const HIT_IDIOM = pattern(
  alt(
    "slaat op|sloeg op|sla ~ over|slaat ~ over|sloeg ~ over|slaan ~ over|slaat nergens|sloeg nergens|nergens op|slaat alarm|sloeg alarm",
    "slaat door|sloeg door|slaat toe|sloeg toe|sla ~ toe|slaat ~ aan|sloeg ~ aan|spijker*|de klok|munt|slag|ineen|handen",
    "herrie|keet|stennis|lawaai|bal|tennis|drum*|trommel|piano|room|eieren|deur dicht|met de deur|gooit ~ weg|gooide ~ weg",
    "gooit ~ uit|gooide ~ uit|gooit ~ er uit|weggooien|ontslag|met ontslag|afpakken|rechter|advocaat|rechtszaak|boete|incasso",
    "deurwaarder|huur|kar|wagen|rolstoel|kinderwagen|schommel|knop|dreigt ~ met",
    // Things hit or thrown in play or by accident, and skipped things ("slaat haar huiswerk steeds over").
    "kussen|kussens|stoeien|ravotten|kietel*|op tafel|op de tafel|handje|handjes|dicht geslagen|dichtgeslagen|dicht ~ geslagen|dichtslaan|dicht slaan|sloeg ~ dicht|slaat ~ dicht",
    "schop onder|onder ~ kont|met ~ eten|speelgoed|blokjes|zand|sneeuwbal*|huiswerk|ontbijt|lunch|maaltijd|hoofdstuk|beurt",
  ),
);

/** Films, games, the news: violence there is not violence at home. */
export const MEDIA = pattern(
  "film|films|radio|politieserie|misdaadserie|dramaserie|tvserie|netflixserie|misdaadfilm|actiefilm|horrorfilm|speelfilm|oorlogsfilm|tvprogramma|nieuwsbericht*|krantenartikel*|scene|scenes|spreekbeurt|werkstuk|paper|bronnen|gekeken|schietspel*|spelletje*|schietspelletje*|bokstraining|boksen|serie|series|nieuws|journaal|krant|boek|roman|documentaire|docu|game|games|spel|spelletje|netflix|movie|show|" +
    "tv|televisie|aflevering|soap|fortnite|gta|call of duty|videoclip|liedje|song|podcast|artikel|news|video|youtube|tiktok|" +
    "verhaal|thriller|detective|horror|acteur|actrice|personage|speler|wedstrijd|boks*|kickboks*|mma|judo|karate|voetbal|potje|level|" +
    "fifa|xbox|playstation|ps5|minecraft|mario|schaak*|monopoly|uno|kaarten|padel|pingpong|tafeltennis",
);

/** Wanting, wishing, hoping. English "want" only with its subject or object: Dutch "want" is "because". */
export const WANT = pattern(
  "wil|wou|wilde|willen|wens|wenst|wenste|zou ~ willen|hoop|hoopte|verlang*|liefst|liever|wish|i want|want to|wanna|want it|want everything|wanted|wants",
);

/** Being dead (Dutch; English has its own rules: Dutch "die" is not dying). */
export const DEAD = pattern("dood|sterven|overlijden|overleden|begraven");

/** "niet meer", "nooit meer", "niet langer", "no longer". */
export const NO_MORE = pattern("niet meer|nooit meer|niet langer|geen zin meer|geen zin|no longer|not any more|never again");

/** A time soon: the danger is now. */
export const SOON = pattern(
  "vannacht|vanavond|zometeen|zo meteen|zo direct|zo dadelijk|straks|meteen|direct|vandaag|morgen|dit weekend|over een uur|" +
    "nu|now|right now|tonight|today|tomorrow|op dit moment|binnenkort|net|zojuist|just|bloedt|bloed ~ stopt niet|zit ~ te|zit weer te|de hele avond|bleeding",
);

/** A means at hand, or being at the place: the danger is now. */
export const AT_HAND = pattern(
  "op mijn pols|tegen mijn pols|op mijn arm|tegen mijn keel|op mijn keel|on my wrist|against my wrist|" +
    "klaarliggen|klaar liggen|klaarstaan|klaar staan|klaargelegd|klaar ~ gelegd|klaar|liggen ~ klaar|ligt ~ klaar|naast me|in mijn hand|bij me|gekocht|verzameld|gespaard|opgespaard|" +
    "sta op|zit op|lig op|ben op|sta bij|zit bij|ben bij|sta aan|zit aan de rand|loop ~ naar|rijd ~ naar|onderweg|ga ~ naar|" +
    "ready|bought|in my hand|standing|sitting on|on the edge|on my way",
);

/** The ways to end one's life that are at hand in a home. */
export const MEANS = pattern(
  "touw|strop|scheermes*|mesje*|mes|pillen|pil|tabletten|slaappil*|slaaptablet*|medicijnen|medicatie|gif|rattengif|pistool|" +
    "wapen|geweer|vuurwapen|rope|noose|pills|razor*|gun|blade*",
);

/** A means that is there for everyday use, not ready to be used against oneself. */
export const EVERYDAY_USE = pattern(
  "keuken|koken|kook|groente|vlees|brood|bestek|apotheek|dokter|huisarts|arts|recept|herhaalrecept|voorgeschreven|tuin|was|" +
    "waslijn|kamperen|jacht|sport|zoals|elke dag|per dag|ochtend|avond|kuur|klussen|scheren|benen|baard|supermarkt|kitchen|cooking|" +
    "medicijndoos|pillendoos|weekdoos|baxter*|niet vergeet|vergeet|vergeten|tent|camping|washing line|laundry|swing|garden|hiking|prescribed|pharmacy",
);

/** Pills, medicines and drugs that can be taken all at once. */
export const SUBSTANCE = pattern(
  "pil|pillen|pilletjes|tablet*|slaappil*|slaaptablet*|ijzertablet*|ijzerpil*|ilac*|leki|lekow|paracetamol|ibuprofen|oxazepam|diazepam|temazepam|lorazepam|alprazolam|" +
    "seroquel|quetiapine|lithium|medicijn*|medicatie|antidepressiv*|insuline|methadon*|morfine|oxycodon*|tramadol|fentanyl|xanax|" +
    "valium|xtc|coke|cocaine|heroine|ghb|drugs|pills|meds|medication|tablets|slaapmiddel*|sleeping pills|kalmeringsmiddel*|" +
    "hoestdrank|pijnstillers|pijnstiller|slaapmedicatie|oxy|benzo*|opiaten|" +
    "codeine|zolpidem|amitriptyline|mirtazapine|sertraline|citalopram|strip|strips|" +
    "zopiclon*|lormetazepam|nitrazepam|clonazepam|rivotril|pregabaline|lyrica|gabapentine|promethazine|olanzapine|venlafaxine|paroxetine|fluoxetine|prozac|ritalin|methylfenidaat|ketamine|mdma",
);

/** Things nobody should drink. */
export const POISON = pattern(
  "wc eend|wc reiniger|ontkalker|afwasmiddel|wasverzachter|chloortablet*|gootsteenontstopper|spiritus|aceton|" +
    "bleek|bleekmiddel|chloor|gif|rattengif|ontstopper|wasmiddel|antivries|lampolie|terpentine|wasbenzine|ammoniak|bleach|poison|antifreeze",
);

/** Took (past): the overdose has happened. */
export const TAKEN = pattern(
  "ingespoten|gepakt|leeggegeten|leeg gegeten|leeggedronken|leeg gedronken|achterover geslagen|weggeslikt|naar binnen gewerkt|ingeslikt|leeg gemaakt|leeggemaakt|opgemaakt|gegeten|op ~ gemaakt|slik|slikken|gesnoven|" +
    "ingenomen|genomen|geslikt|opgegeten|op ~ gegeten|opgedronken|op ~ gedronken|gedronken|gespoten|slikte|nam|innam|" +
    "nam ~ in|took|taken|swallowed|ate|drank|had|heb ~ op|gebruikt",
);

/** Many at once. */
export const QUANTITY = pattern(
  "#many|te veel|teveel|al mijn|alle|al ~ mijn|de hele|een hele|heel veel|veel|handvol|een paar strips|dubbel*|too many|a lot|all my|all the|" +
    "bunch|overdosis|allemaal|massa|een zak|zakje",
);
