/**
 * Rules for danger from others: violence and abuse at home (also against children), sexual
 * violence, and danger right now (an attacker at the door, a fire, someone not breathing).
 * In normalised spelling (normalise.ts).
 */
import { HIT, HIT_IDIOM, MEDIA, PERSON, PERSON_WORDS, SOON, VICTIM, WANT } from "./lexicon.js";
import { pattern, seq } from "./match.js";

/** The writer's own children. */
const MY_CHILD = "mijn kind|mijn kinderen|mijn kindje|mijn zoon|mijn zoontje|mijn dochter|mijn dochtertje|mijn baby|de kinderen|de baby|mijn kleine|my kids|my baby|my son|my daughter";
import { rule, type Rule } from "./rule.js";

/** The people at home who hurt someone: partner, family, ex (not "iemand" on the street). */
const HOME_PERSON = pattern(
  "hij|zij|ze|hem|haar|mijn man|mijn vrouw|mijn vriend|mijn vriendin|mijn partner|mijn ex|mijn vader|mijn moeder|mijn stiefvader|" +
    "mijn stiefmoeder|mijn broer|mijn zus|mijn zoon|mijn dochter|mijn oom|mijn schoonvader|mijn schoonmoeder|mijn pa|mijn ma|" +
    "haar vriend|zijn vriendin|mijn vriendje|mijn huisgenoot|he|she|him|her|my husband|my wife|my boyfriend|my girlfriend|my ex|" +
    "my partner|my dad|my father|my mother|my mom|my stepdad|my brother",
);

/** Hurt, in the passive ("ik word geslagen", "I was beaten"). */
const HURT_DONE =
  "geslagen|mishandeld|bedreigd|gewurgd|geschopt|getrapt|gestompt|geduwd|opgesloten|geknepen|gebeten|gemept|in elkaar geslagen|" +
  "bont en blauw|beaten|abused|threatened|choked|kicked|strangled|punched|slapped|locked in";

/** Killing and badly hurting, as a threat. */
const KILL = pattern(
  "knieen breken|knie* ~ breken|breken ~ mijn|burn my house|burn ~ house|steekt ~ huis ~ in brand|huis in brand|doodt|in de fik ~ steekt|in de fik ~ steken|met mij erin|met mij er in|gaan pakken|komt ~ pakken|te pakken nemen|pakt me|me pakt|een lesje leren|lesje ~ leren|teach me a lesson|break my|breek ~ mijn|breekt ~ mijn|benen breken|botten breken|" +
    "aandoet|wat aandoet|iets aandoet|wat aan ~ doen|kapot maakt|kapotmaakt|in brand ~ steekt|in brand ~ steken|afmaakt|dood te maken|dood ~ maken|doodmaakt|doodschiet|neersteekt|" +
    "vermoord*|doodmaken|dood maken|doden|dood ~ steken|doodsteken|afmaken|af ~ maken|kapot ~ maken|kapotmaken|iets aandoen|iets ~ aan ~ doen|" +
    "pijn ~ doen|neersteken|neerschieten|kill|killing|hurt|murder",
);

/** Said in jest or about a little thing: "mijn moeder vermoordt me als ze dit ziet". */
const JEST = pattern(
  "als ze dit ~ ziet|als hij dit ~ ziet|als ze dat ~ ziet|als hij dat ~ ziet|als ze dit ~ hoort|als hij dit ~ hoort|als ze dat ~ hoort|als hij dat ~ hoort|" +
    "als ze hoort dat ik|als hij hoort dat ik|als ze ziet dat ik|als ze merkt dat ik|als hij merkt dat ik|als ze ~ dit ~ weet|als hij ~ dit ~ weet|als ze ~ dat ~ merkt|als hij ~ dat ~ merkt|als ik ~ te laat|als ze ziet dat ik|als hij ziet dat ik|" +
    "haha|hahaha|lol|grapje|geintje|grap|xd|if she ~ finds out|if he ~ finds out|if she sees this|if he sees this|joking|kidding",
);

/** A weapon in someone's hand. */
const WEAPON = pattern("mes|messen|keukenmes|pistool|wapen|geweer|vuurwapen|bijl|hamer|honkbalknuppel|knuppel|schaar|knife|gun|weapon|axe|bat");

/** Someone is here, at the door, in the house, coming. */
const HERE = pattern(
  "in mijn gang|in de woonkamer|in mijn woonkamer|in mijn kamer|in mijn slaapkamer|op de gang|in de hal|in mijn hal|binnen gekomen|binnengekomen|is binnen|" +
    "banging on the door|on the door|at my door|in my house|in my home|in my room|" +
    "aan mijn deur|bij mijn deur|op mijn deur|in mijn tuin|in de tuin|op mijn balkon|bij mijn raam|voor mijn raam|aan mijn raam|op mijn raam|rond mijn huis|om mijn huis|voor mijn huis|" +
    "voor de deur|voor mijn deur|aan de deur|bij de deur|bij mijn deur|op de stoep|in huis|in mijn huis|in de gang|in de keuken|binnen|" +
    "komt ~ binnen|komt eraan|komt er aan|staat ~ hier|is hier|zijn hier|beneden|boven|buiten|in het trappenhuis|probeert ~ binnen|" +
    "breekt ~ in|bonkt|bonst|ramt ~ deur|trapt ~ deur|at the door|outside my door|in the house|inside|coming|is here|downstairs|breaking in",
);

/** Sex and the body, for the rules on sexual violence. */
const SEX =
  "geen maagd meer|maagdelijkheid|maagd|filmpjes ~ maken|" +
  "seks|sex|neuken|geneukt|naar bed|pijpen|beffen|porno|naakt|uitkleden|kleren uit|in bed|aan mijn lichaam|aan mijn borsten|" +
  "aan mijn kruis|tussen mijn benen|in mijn broek|onder mijn kleren|intiem|sexual|sexually|naked|undress";

/** Not able to talk or call right now. */
const CANNOT_TALK = pattern(
  "kan niet praten|kan ~ niet ~ praten|kan niet bellen|kan ~ niet ~ bellen|kan niet spreken|kan ~ niet ~ spreken|kan niet hardop|kan ~ niet ~ opnemen|durf ~ niet ~ te bellen|durf ~ niet ~ te praten|mag niet praten|mag niet bellen|cannot talk|cant talk|cannot call|cant call|cannot speak",
);

/** Someone (he, she, they, a partner, an ex) here, inside, at the door or on the way. */
export const SOMEONE_HERE = pattern(
  "hij is hier|ze is hier|zij is hier|ze zijn hier|hij is er|hij is binnen|ze is binnen|ze zijn binnen|hij is in huis|hij is thuis|hij zit ~ naast me|hij staat ~ deur|ze staat ~ deur|staat voor de deur|staat voor mijn deur|staat aan de deur|hij hoort ~ alles|hij luistert ~ mee|hij kijkt ~ mee|hij komt eraan|hij komt er aan|ze komt eraan|ze komt er aan|ze komen eraan|ze komen er aan|hij komt ~ terug|hij komt ~ binnen|hij is ~ onderweg|ze is ~ onderweg|ze zijn ~ onderweg|hij zoekt me|hij hoort me|hij kijkt|hij kijkt mee|hij leest mee|ex is hier|mijn ex is hier|hij is terug|hij is ~ terug|is bijna hier|hij is bijna|zijn binnengekomen|zijn binnen gekomen|is binnengekomen|hij staat ~ bij ~ raam|staat ~ bij mijn raam|hij weet waar ik ben|he is watching|he is back|he is here|she is here|they are here|he is home|he is inside|he is coming|she is coming|they are coming|he is listening|he can hear",
);

/** The writer is busy, or the visit is a happy one: no danger in not talking now. */
export const BUSY = pattern(
  `${MEDIA.source}|werk|op het werk|vergadering|meeting|in de trein|in de bus|in de auto|rij|rijden|les|school|college|dokter|huisarts|tandarts|afspraak|later|straks|bel je|bel ik|bel me|app je|app ik|sms|keelpijn|stem kwijt|schor|verkouden|baby slaapt|kind* slaapt|kleine slaapt|haha|hahaha|lol|xd|feest|verjaardag|visite|bezoek|op bezoek|gasten|eten|koken|opruimen|rommel|puinhoop|nog niet klaar|niet klaar|te laat|schoonmoeder|schoonouders|mijn ouders|oma|opa|kerst|cadeau|verrassing|examen|toets|deadline|pakket*|postbode|bezorger|monteur|loodgieter|kapper|date|vakantie|reis|boodschappen|van school`,
);

/** What children hit each other with at play: a pillow, a cuddly toy, snowballs. */
const PLAY_THINGS = pattern("met een kussen|met kussens|met zijn kussen|met haar kussen|kussengevecht|met een knuffel|met zijn knuffel|met haar knuffel|met speelgoed|met nerf*|sneeuwbal*|plastic zwaard|met een plastic|speelgoedzwaard|lichtzwaard|with a pillow|pillow fight");

export const OTHER_RULES: readonly Rule[] = [
  // --- violence and abuse at home
  rule("violence.hits", {
    all: [PERSON, HIT, VICTIM],
    window: 9,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|${PLAY_THINGS.source}|over een vrouw die|over een man die|over een meisje dat|over een jongen die|about a woman who|about a man who`),
    reach: 6,
    notInside: "ik sla|ik sloeg|ik schop|ik schopte|ik duw|ik duwde|ik wurg|ik wurgde|i hit|i kicked|i pushed|ik zou ~ kunnen|ik zou hem|ik zou haar|dat ik haar zou|dat ik hem zou|i could",
  }),
  rule("violence.hits", {
    all: ["slaat me|slaat mij|sloeg me|sloeg mij|schopt me|schopte me|duwt me|duwde me|bedreigt me|bedreigde me|hits me|hit me|beats me|kicked me|pushed me|threatens me|slapped me|punched me|choked me"],
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|blij|verbaasd|verrast|versteld|alarm|dood ~ van|voor de kop|op mijn schouder|schouderklop*|schouder`),
    reach: 5,
  }),
  rule("violence.hurt-done", {
    all: ["ik|wij|we|i|mijn kind*|mijn zoon|mijn dochter|de kinderen|onze kinderen|mijn baby|the kids|my kids|my son|my daughter", `word|wordt|werd|werden|ben|is|zijn|was|worden|get|got|am|was|were|been|being|weer`, HURT_DONE],
    window: 8,
    unless: pattern(`${MEDIA.source}|bal|wedstrijd|training|sport|kickboks*|boks*|sparring*|knock out|per ongeluk|mug|muggen|wesp|bij de tandarts|op school ~ gepest|schoolplein|ingegrepen|hij is oke|ze is oke|vroeger|toen ik ~ klein|jaren geleden|homerun|honkbal|tennis|golf|record|doelpunt|goal|geslaagd|examen|kussen|kussengevecht|stoeien|stoeiden|knuffel|over een vrouw die|over een man die|over een meisje dat|over een jongen die|about a woman who|about a man who`),
    reach: 6,
  }),
  // The subject left out, home named: "wordt thuis geslagen".
  rule("violence.hurt-done", {
    all: ["thuis|at home", "word|wordt|werd|worden", pattern(HURT_DONE)],
    window: 5,
    unless: pattern(`${MEDIA.source}|vroeger|toen ik ~ klein|jaren geleden|iemand|als ze|als hij|als je|vraag het|voor een collega|voor een vriendin|waar kan`),
    reach: 6,
  }),
  rule("violence.hurt-done", {
    all: [pattern(HURT_DONE), "door mijn|door hem|door haar|door mijn man|door mijn vriend|door mijn ex|door mijn vader|door mijn moeder|door mijn partner|by my|by him|by her"],
    window: 6,
    unless: MEDIA,
    reach: 6,
  }),
  rule("violence.threat-kill", {
    all: [pattern(`${PERSON_WORDS}|mannen|gasten|jongens`), "dreigt|dreigde|dreigen|dreigden|bedreigt|bedreigde|zegt|zei|zeiden|zeggen|gezegd|schreeuwt|schreeuwde|gaat|wil|zal|geappt|appt|appte|gestuurd|stuurt|schrijft|schreef|om me|om mij|threatens|said|says|will|going to", KILL, VICTIM],
    window: 20,
    unless: pattern(`${JEST.source}|${MEDIA.source}`),
    reach: 6,
    notInside: "ik ~ vermoord|ik ga ~ vermoorden|ik wil ~ vermoorden|i will kill|i am going to kill",
  }),
  rule("violence.threat-kill", {
    all: ["vermoordt me|vermoordt mij|vermoord me|maakt me dood|maakt mij dood|steekt me dood|schiet me dood|kills me|will kill me|going to kill me|gonna kill me|kill me"],
    unless: pattern(`${JEST.source}|${MEDIA.source}|mijn rug|mijn hoofd|mijn knie|mijn knieen|mijn voeten|mijn benen|mijn nek|mijn kiezen|mijn tanden|mijn buik|mijn maag|mijn schouder|migraine|my back|my head|my feet|gemeente|uwv|belastingdienst|instantie*|brieven|formulieren|papierwerk|rekening*|energie*|huur|prijzen|boete*|schulden|met hun|met al die|dit liedje|deze hitte|hitte|warmte|buikpijn|hoofdpijn|verveling|stress|pijn|lachen|this song|heat|boredom|formulier*|vragenlijst|papieren|wachten|wachtrij|in de wacht|koffie|pizza|eten`),
    reach: 8,
  }),
  rule("violence.weapon-threat", {
    also: ["danger"],
    acute: "always",
    all: [PERSON, WEAPON, "dreigt|dreigde|bedreigt|bedreigde|zwaait|zwaaide|hield|houdt|richt|richtte|op mij|tegen mij|tegen mijn keel|op mijn keel|threatens|pointed|held"],
    window: 10,
    unless: MEDIA,
    reach: 6,
  }),
  rule("violence.throat", {
    all: [HOME_PERSON, "pakt ~ keel ~ vast|pakte ~ keel ~ vast|keel ~ vastgepakt|grijpt ~ keel|greep ~ keel|knijpt ~ keel|kneep ~ keel|snijdt ~ keel|snijdt mijn keel|keel doorsnijden|keel ~ door ~ snijden|grabs my throat|grabbed my throat|cut my throat|zag ~ zwart|zwart voor ~ ogen|blacked out"],
    window: 16,
    unless: pattern(`${MEDIA.source}|verslikt|keelpijn|dokter|huisarts|griep|verkouden`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.choke", {
    all: ["hands around my neck|handen om mijn nek|handen om mijn keel|hands around my throat|naar mijn keel|om mijn keel|om mijn nek|keel ~ dicht|keel dichtgeknepen|dichtgeknepen|gewurgd|wurgde|wurgt|wurgen|kreeg geen lucht|kon niet ademen|by the throat|choked|choking me|strangled"],
    unless: pattern(`${MEDIA.source}|${JEST.source}|verslikt|slikken|astma|allergie|eten|snoep|benauwd|paniek|paniekaanval|angstaanval|hooikoorts|verkouden|griep`),
    reach: 6,
  }),
  // Kicked or hit on the body: "bleef hij schoppen tegen mijn rug".
  rule("violence.hits", {
    all: [PERSON, "schop*|trap*|stompt|stompte|stompen|slaat|sloeg|slaan", "tegen mijn|in mijn|op mijn|against my|in my", "rug|buik|hoofd|gezicht|ribben|been|benen|borst|nek|keel|back|stomach|head|face|ribs"],
    window: 9,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|bal|voetbal|fiets|auto|deur|kast|muur|bank|schouder*`),
    reach: 4,
  }),
  // An elderly parent neglected or robbed by family or carers.
  rule("violence.neglect", {
    all: ["oma|opa|moeder|vader|ouders|schoonmoeder|schoonvader|bejaarde*|grandma|grandpa", "eigen poep|eigen plas|eigen ontlasting|vieze luier*|krijgt ~ geen eten|krijgt bijna geen eten|geen eten ~ krijgt|pakt haar geld|pakt zijn geld|pakt ~ pensioen|pakt ~ aow|steelt ~ pensioen|steelt haar geld|steelt zijn geld"],
    window: 16,
    unless: MEDIA,
    reach: 6,
  }),
  rule("violence.locked-in", {
    all: [HOME_PERSON, "sluit ~ op|sloot ~ op|opgesloten|op slot|laat ~ niet ~ naar buiten|laat ~ niet ~ weg|mag ~ niet ~ naar buiten|mag ~ niet ~ de deur uit|pakt ~ telefoon af|pakte ~ telefoon af|locked me|locks me|wont let me leave|will not let me leave"],
    window: 10,
    unless: pattern(`${MEDIA.source}|fiets|auto|sleutel kwijt|per ongeluk|buitengesloten|kat|hond`),
    notInside: "zichzelf|hemzelf|haarzelf",
    reach: 6,
    // Kept in by someone at home is danger now as well: no way out, no help coming.
    also: ["danger"],
  }),
  rule("violence.afraid-at-home", {
    all: ["durf ~ niet ~ naar huis|durf ~ niet ~ thuis|durf niet meer naar huis|durf ~ niet ~ terug|bang om naar huis|bang ~ naar huis|scared to go home|afraid to go home|not safe at home|niet veilig thuis|thuis ~ niet veilig|niet veilig ~ thuis|onveilig thuis|thuis ~ onveilig"],
    unless: "donker|fiets|verlichting|buurt|bus|trein|avond|nacht|straat|bellen|te bellen|op te bellen|appen|te appen|vertellen|te vertellen|zeggen",
    reach: 4,
    negatable: false,
  }),
  rule("violence.afraid-of", {
    all: ["bang voor|doodsbang voor|angst voor|afraid of|scared of|terrified of", HOME_PERSON, "hij|zij|ze|slaat|sloeg|woede|boos|driftig|agressief|dronken|drinkt|thuis|komt|doet|he|she|angry|drunk"],
    window: 10,
    unless: "onweer|donder|bliksem|storm|vuurwerk|hoogte|vliegen|naalden|prikken|insecten|wespen|slangen|clowns|spin*|hond|honden|muis|muizen|deurwaarder|tandarts|dokter|gesprek|uitslag|examen|toets|reactie|oordeel|boos ~ op mij ~ omdat|teleurstellen|teleurgesteld",
    reach: 6,
  }),
  rule("violence.bruises", {
    all: ["lip is open|lip ~ open|lip ~ kapot|oog ~ dicht|blauwe plek*|blauw oog|blauwe ogen|bloedneus|gescheurde lip|kapotte lip|bruise*|black eye|bloody nose|split lip", "van hem|van haar|door hem|door haar|van mijn|door mijn|hij|zij|he|she|him|her|from him|from her|verbergen|verstoppen|make up|hide"],
    window: 9,
    unless: pattern("van de trap|met de fiets|gestoten|stootte|fiets|voetbal*|sport*|hockey*|turn*|training*|wedstrijd*|tegen de deur|tegen de kast|fell|bumped|hond|kat|bloedverdunner*"),
    reach: 8,
    negatable: false,
  }),
  rule("violence.home-word", {
    all: ["huiselijk geweld|mishandeling|mishandelt|mishandelde|kindermishandeling|domestic violence|domestic abuse|partnergeweld|eergerelateerd*|eerwraak|uithuwelijk*|gedwongen ~ trouwen|forced marriage|loverboy|mensenhandel"],
    unless: pattern(`${MEDIA.source}|folder|cursus|training|voorlichting|campagne|dieren|dier|hond|kat|paard|gevangenis|in de cel|veroordeeld|rechtszaak|zit vast voor|zat vast voor|taakstraf|prison|jail|convicted`),
    reach: 8,
  }),
  rule("violence.children", {
    all: ["de kinderen|mijn kind*|mijn zoon|mijn dochter|onze kinderen|de kleine|de baby|mijn baby|the kids|my kids|my son|my daughter", "slaat|sloeg|schopt|schopte|knijpt|kneep|gooit|gooide|sleurt|sleurde|door elkaar|geschud|schudt|schudde|hits|hit|shakes|shook", HOME_PERSON],
    window: 10,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|${PLAY_THINGS.source}|bal|spelen|speelt|met de deur`),
    reach: 6,
  }),
  // --- sexual violence
  rule("sexual.word", {
    all: ["verkracht*|aangerand|aanranding|aanrander|seksueel misbruik*|seksueel geweld|seksueel ~ misbruikt|misbruikt|misbruikte|misbruik|ontucht|incest|rape*|raped|sexual assault|sexually assaulted|sexually abused|molest*|groped|assaulted me"],
    unless: pattern(`${MEDIA.source}|misbruik van|misbruik ~ maken|misbruik gemaakt|maakt ~ misbruik|misbruik ~ vertrouwen|vertrouwen|gegevens|identiteit|naam|account|pas|bankpas|digid|uitkering|regeling|fraude|macht|positie|alcohol|drank|middelen|drugs|misbruikt ~ mijn ~ goedheid|goedheid|goedgelovigheid|data|identity`),
    reach: 5,
  }),
  rule("sexual.forced", {
    all: ["dwingt|dwong|gedwongen|dwingen|moest|moet|forces|forced|made me|makes me|zet ~ onder druk|onder druk", pattern(SEX)],
    window: 8,
    unless: pattern(`${MEDIA.source}|voorlichting|les|school|dokter|huisarts|onderzoek|uitstrijkje`),
    reach: 6,
  }),
  rule("sexual.no-consent", {
    all: ["ik zei nee|zei ~ nee|ik wilde niet|wilde ~ niet|ik wou niet|wou ~ niet|said no|did not want|didnt want|sliep|slaap|dronken|bewusteloos|asleep|drunk", "toch|ging door|deed ~ toch|kept going|anyway|still", pattern(SEX)],
    window: 14,
    unless: MEDIA,
    reach: 6,
    negatable: false,
  }),
  rule("sexual.touched", {
    all: [PERSON, "aan ~ gezeten|aangezeten|zit ~ aan me|zat ~ aan me|zit ~ aan mij|zat ~ aan mij|betast*|raakt ~ aan|raakte ~ aan|touched me|touches me|grabbed my|grabs my", pattern(SEX)],
    window: 10,
    unless: MEDIA,
    reach: 6,
  }),
  rule("sexual.touched", {
    all: ["aan ~ gezeten|aangezeten|betast*|touched me|groped|zat ~ aan ~ mij|zat ~ aan ~ me|zit ~ aan ~ mij|zit ~ aan ~ me|handen ~ niet thuis houden|handen ~ niet ~ thuishouden", "toen ik ~ klein|als kind|vroeger|ongewenst|zonder te vragen|against my will|tegen mijn wil|steeds|elke keer|weer|kept|when i was|ik wil dat niet|niet gewild|oom|stiefvader|opa|buurman|baas|collega|leraar|trainer|pa|vader"],
    window: 12,
    unless: pattern(`${MEDIA.source}|tas|spullen|telefoon|eten|computer|fiets|auto|mijn haar ~ knippen|kapper|dokter|arts`),
    reach: 6,
  }),
  rule("sexual.body", {
    all: ["mijn borsten|mijn borst|mijn billen|mijn kruis|mijn kont|tussen mijn benen|mijn intieme|my breasts|my chest|my butt|my ass|between my legs", "raakt|raakte|aanraken|aangeraakt|betast*|grijpt|greep|knijpt|kneep|zit ~ aan|zat ~ aan|gezeten|wrijft|streelt|touches|touched|grabs|grabbed|gropes|groped"],
    window: 6,
    unless: pattern(`${MEDIA.source}|dokter|arts|onderzoek|huisarts|ziekenhuis|verpleeg*|borstonderzoek|mammografie|knobbel|pijn op|pijn in|doctor|exam`),
    reach: 6,
  }),
  rule("sexual.no-means-no", {
    all: ["nee zeg|nee zei|nee gezegd|zeg dat ik niet wil|zei dat ik niet wilde|zeg ik nee|zei ik nee|say no|said no|tell him no|told him no", "doet hij het toch|doet hij ~ toch|deed hij het toch|deed hij ~ toch|gaat hij ~ door|ging hij ~ door|gaat ~ toch door|ging ~ toch door|toch ~ doorgegaan|does it anyway|did it anyway|keeps going|kept going|doesnt stop|did not stop|didnt stop"],
    window: 14,
    unless: pattern(`${MEDIA.source}|zoon|dochter|kind*|kinderen|kids|snoep|tv|game*|gamen|telefoon|hond|kat|eten|opruimen|huiswerk|schoenen|computer|roken|drinken|bier|geld|lenen|uitgeven|auto|rijden|muziek|herrie`),
    reach: 10,
    negatable: false,
  }),
  rule("sexual.exploitation", {
    all: ["huisbaas|verhuurder|landlord|baas|boss|dealer|hij|he|man|vent|eigenaar|owner", pattern(SEX), "huur|rent|schuld*|debt*|betalen|betaal|pay|terugbetalen|in ruil|in exchange|geld|money|woning|kamer|room|kwijtschelden"],
    window: 12,
    unless: MEDIA,
    reach: 6,
    negatable: false,
  }),
  rule("sexual.images", {
    all: ["naaktfoto*|naakt foto*|naaktbeeld*|naakte foto*|naakt filmpje*|sexfilm*|seksfilm*|nudes|nude pics|sexting|sextortion|intieme foto*|filmpje van mij ~ bed", "verspreid*|rondgestuurd|doorgestuurd|online|op internet|gepost|posten|delen|gedeeld|chanteert|chantage|dreigt|dreigde|sturen|spread|shared|share|posted|leaked|blackmail*|threaten*"],
    window: 12,
    reach: 6,
  }),
  // An adult sending a child sexual messages or showing them his body: "de trainer van mijn zoon
  // stuurt hem seksuele berichten", "mijn buurman laat steeds zijn piemel zien aan de kinderen".
  rule("sexual.child", {
    all: ["seksuele berichten|seksberichten|sexberichten|sexy berichten|seksuele foto*|naaktfoto*|naakt foto*|piemel|geslachtsdeel|penis|dick pic*|nudes|sexual messages", "stuurt|stuurde|gestuurd|laat|liet|laten|vraagt om|vroeg om|sends|sent|shows|showed|asks for|asked for", "kind*|kinderen|zoon|dochter|minderjarig*|meisje*|jongetje*|dochtertje|zoontje|my son|my daughter|kids|children|child"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|voorlichting|les|school ~ les|dokter|huisarts|arts|waar ~ vandaan|uitleggen|leg ~ uit|vraagt waarom|vroeg waarom|broertje|zusje|in bad|luier`),
    reach: 12,
    also: ["violence"],
    negatable: false,
  }),
  // --- danger right now
  rule("danger.attacker-here", {
    all: [WEAPON, HERE],
    window: 10,
    unless: pattern(`${MEDIA.source}|keuken ~ schoonmaken|snijden|snijd|groente|vlees|brood|koken|kook|aanrecht|la|lade|slijpen|geslepen|klussen|timmeren|kopen|gekocht|kwijt|eten|afwas|vaatwasser|cadeau|kerst*|diner|keuken`),
    reach: 8,
    acute: "always",
  }),
  rule("danger.attacker-here", {
    all: [pattern(PERSON_WORDS), HERE, "dreigt|bedreigt|schreeuwt|bonkt|bonst|trapt|ramt|slaat|sloeg|wil ~ binnen|probeert|agressief|dronken|woedend|gek|ingetrapt|ingeslagen|kapot|threatens|screaming|banging|kicking|drunk|angry|trying"],
    window: 10,
    unless: pattern(`${MEDIA.source}|pakketje|postbode|bezorger|buren ~ feest|muziek|verbouwing|klussen|boormachine|hond|blaft|kind ~ huilt|baby ~ huilt|op school|op het werk|op de muur|tegen de muur|kinderen spelen|word ~ gek|maken me gek|maakt me gek|maken mij gek|maakt mij gek|gek van|drive me crazy|driving me crazy|het regent|regenachtig`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.fire", {
    all: ["help ~ brand|brand ~ help|^ brand $|in brand|brand in|brand uitgebroken|er is brand|het brandt|brandt het|fik|in de fik|vlammen|vuur in ~ gang|vuur in ~ huis|vuur in ~ flat|vuur in ~ gebouw|vuur in ~ trappenhuis|deur ~ heet|deur is heet|huis vol rook|overal rook|rook ~ overal|rookmelder|on fire|fire in|house is burning|smoke everywhere"],
    unless: pattern(`${MEDIA.source}|gelezen|nieuws ~ over|gewond|niemand gewond|in amsterdam|in rotterdam|in de stad|krant|mond|tong|keel|lippen|lip|ogen|oren|voeten|maag|pittig|peper|sambal|spicy|dreigt|gezegd|zegt|zei|steekt ~ me|steken|wereld|zet ~ wereld|oefening|test|testen|batterij|piept|vorige week|vorig jaar|gisteren|vroeger|laatst|kaars|haard|open haard|bbq|barbecue|kampvuur|vreugdevuur|gourmet|maagzuur|zon|sigaret ~ uit|brandweer ~ geweest|was ~ brand|toen|wensen|vlammetje|fan|slecht in koken|kopen|gekocht|ophangen|opgehangen|getest|aangebrand|pizza|tosti|toast|pannenkoek*|hoop iedereen|hoop dat iedereen|hoop ~ niemand gewond`),
    reach: 8,
    acute: "always",
  }),
  rule("danger.emergency", {
    negatable: false,
    all: ["stikt|stikken|schuim uit ~ mond|epileptische aanval|choking|seizure|convulsing|in elkaar gezakt|mond hangt scheef|scheve mond|praat ~ raar ~ mond|arm ~ slap|collapsed|face drooping|slurred|ademt niet goed|ademt ~ niet goed|wordt blauw|wordt ~ blauw|ademt niet|ademt ~ niet meer|haalt geen adem|reageert niet|reageert ~ niet meer|bewusteloos|buiten bewustzijn|niet wakker ~ krijgen|krijg ~ niet wakker|is flauwgevallen|ligt op de grond|bloedt heel erg|bloedt ~ erg|veel bloed|blauw aangelopen|not breathing|unconscious|will not wake up|wont wake up|bleeding a lot|lots of blood"],
    unless: pattern(`${MEDIA.source}|wat moet je doen|wat doe je bij|voor mijn werk|ehbo|cursus|hoe werkt|telefoon|computer|laptop|app|website|scherm|mail|brief|gemeente|uwv|instantie|coach|sam|niemand reageert|reageert niet op|bloedprik|bloed geprikt|donor|ongesteld|menstruatie|neus ~ bloedt|bloedneus|tandvlees|gisteren|kip|slachten|vis schoonmaken|vlees|in stukken`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.followed", {
    all: ["stapt ~ uit waar ik|overal ~ waar ik ~ ga|loopt ~ achter me aan|achter me aan|volgt me|volgt mij|achtervolgt|achtervolgd|word gevolgd|wordt gevolgd|loopt ~ achter me|rijdt ~ achter me|is following me|following me|being followed"],
    unless: pattern(`${MEDIA.source}|instagram|tiktok|insta|twitter|facebook|online|op social|volgers|cursus|les|traject|coach|volgt ~ cursus|volgt ~ les|volgt ~ opleiding|hond|kat|poes|geluk|pech|wesp|wespen|bijen|mug|muggen|vlieg|vliegen|meeuw*|bleek|bleek ~ een|turned out|reclame|advertentie*|algoritme|lmao|ads|nachtmerrie*|droom|droomde|gedroomd|nightmare*|dream*`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.call-police", {
    all: ["bel ~ politie|bel ~ 112|belt ~ politie|call ~ police|call 911|call 112|help ~ me|help help|hulp ~ nodig|red me|save me|help us", "nu|snel|alsjeblieft|alstublieft|asap|now|quick|please|dringend|kan niet praten|kan ~ niet ~ praten|cant talk|cannot talk|hij|ze|mes|slaat|dreigt|binnen|deur|bang|doodsbang|komt|here"],
    window: 6,
    unless: pattern(`${MEDIA.source}|brief|formulier|snap|begrijp|invullen|aanvraag|website|app|inloggen|digid|computer|laptop|telefoon|printer|lawaai|herrie|geluid|fiets|gestolen|auto|melding|aangifte|boete|diefstal|huiswerk|sollicitatie|cv|verhuizing|verhuizen|boodschappen|koken|schoonmaken|tuin|kast|belasting|toeslag|schuld*|rekening|mail|afspraak|zoeken|vinden|kiezen|uitleggen|logeren|logeert|op bezoek|bezoek|visite|verjaardag|feestje|onderdoor`),
    reach: 10,
    acute: "always",
  }),
  rule("violence.klappen", {
    all: ["krijg ~ klappen|krijg ~ een klap|krijg ~ slaag|kreeg ~ klappen|kreeg ~ een klap|kreeg ~ slaag|klappen ~ krijg|klappen ~ gekregen|klap ~ gekregen|slaag gekregen|pak slaag|pak rammel|get hit|got hit|get beaten|got beaten|krijg ik ~ klap*|krijg ik ~ slaag"],
    unless: pattern(`${MEDIA.source}|${JEST.source}|kaarten|spel|won|verloren|potje|sport|boks*|wedstrijd|ontslag|financ*|harde klap|flinke klap|klap ~ verwerken|nieuws|economisch*|bericht|uitslag|diagnose|van de deur|van een deur|van de bal|van een bal|van de schommel|van een tak|van de kast|van het raam`),
    reach: 5,
  }),
  rule("violence.grab", {
    all: ["bij mijn keel|bij de keel|bij mijn nek|bij mijn haar|bij mijn haren|aan mijn haren|aan mijn haar|bij de haren|by the throat|by my hair|by my neck|mijn arm ~ omgedraaid|arm op mijn rug", "gegrepen|gepakt|getrokken|vastgepakt|greep|pakte|grabbed|pulled|sleurde|gesleurd|trok|trekt|pakt|grijpt|vast"],
    window: 6,
    unless: MEDIA,
    reach: 4,
  }),
  rule("violence.threat-kill", {
    all: [PERSON, "me ~ doodt|mij ~ doodt|me ~ vermoordt|mij ~ vermoordt|me ~ iets aandoet|me ~ wat aandoet|me ~ kapot maakt|me ~ kapotmaakt|me ~ in brand steekt|me ~ dood maakt|me ~ doodmaakt|mij ~ iets aandoet|mij ~ wat aandoet|familie ~ wat aandoet|familie ~ iets aandoet|kinderen ~ iets aandoet|kinderen ~ wat aandoet|me ~ doodsteekt|me ~ neersteekt|me ~ afmaakt|kill me|kills me|hurt me|hurts me|hurt my"],
    window: 12,
    unless: pattern(`${JEST.source}|${MEDIA.source}|gemeente|uwv|belastingdienst|instantie*|brieven|formulieren|papierwerk|bureaucratie|met hun|met die|met al die|met haar gezeur|met zijn gezeur|gezeur|vragen|hitte|stress|werk|buikpijn|hoofdpijn|rugpijn|back|heat|feet|voeten|schoenen`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.threat-message", {
    all: ["weet waar je woont|weet waar jij woont|i know where you live|je bent dood|ben je dood|jij bent dood|you are dead|you are going to die|je gaat eraan|je gaat er aan|je gaat dood|jij gaat dood|ik maak je af|ik maak je dood|ik steek je|ik vermoord je|i will kill you"],
    unless: pattern(`${JEST.source}|${MEDIA.source}|als mama|als papa|als je ~ vergeet|als je ~ verraadt|spel|potje|als je dat eet|als je dit eet|peper|pittig|sambal|spicy|zeg ik je|barbie|speelgoed|lego|afstandsbediening|kinderen he|tegen haar broer|tegen zijn zus|tegen zijn broer|tegen haar zus|broertje|zusje`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.control", {
    all: ["mag van mijn man niet|mag van hem niet|mag van mijn vriend niet|mag ~ niet ~ praten|mag niemand|mag ~ niet ~ met ~ praten|takes my phone|takes my ~ card|houdt ~ uitkering in|houdt mijn ~ in|krijg ~ alleen geld als|mag ~ niet ~ naar buiten|mag ~ niet ~ de deur uit|mag ~ geen eigen geld|mag ~ geen ~ geld|geen eigen geld|afgepakt|pakt ~ af|paspoort ~ afgepakt|sluit ~ me op|sloot ~ me op|opgesloten|vastgebonden|vast ~ gebonden|vastgeketend|tied me|tied ~ up|controleert ~ mijn telefoon|mag niemand ~ zien|mag ~ niemand ~ bellen|mag ~ niet ~ werken van|laat ~ me ~ niet ~ gaan", "anders|als ik|dreigt|klap*|boos|slaat|gebeurt|straf|van hem|van haar|van mijn man|van mijn vriend|mijn man|mijn vriend|hij|zij|ze|thuis|nergens heen|me|mij|he|she"],
    window: 14,
    unless: pattern(`${MEDIA.source}|fiets|auto|sleutel kwijt|per ongeluk|buitengesloten|kat|hond|corona|quarantaine|ziek|dokter|rijbewijs|politie|boete|deurwaarder|beslag|bank|gemeente|uwv|school|telefoon ~ kwijt|gestolen|om te leren|leren|studeren|huiswerk|tentamen|examen|luid|herrie`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.i-hurt-child", {
    all: ["ik|i", `${seq("sla|sloeg|schop|schopte|knijp|kneep|schud|schudde|slaan|hit|shake|shook|hurt|geslagen|door elkaar geschud", MY_CHILD)}|${seq(MY_CHILD, "iets aandoe|wat aandoe|iets aan ~ doe|geslagen|geschopt|door elkaar ~ geschud|pijn ~ gedaan|pijn doe")}|haar al door elkaar|hem al door elkaar`],
    window: 10,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|grapje|haha|speel*|kietel*|knuffel*`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.parent-risk", {
    all: [
      "sla|sloeg|geslagen|schud|schudde|geschud|gepakt|knijp|kneep|iets aandoe|wat aandoe|pijn doe|hurt|shake|shook|hit",
      `${MY_CHILD}|de kleine|haar|hem|her|him`,
      "te hard|zo hard|bang dat ik|bang van mezelf|weet dat het niet mag|plekken|blauwe plekken|niet ophoudt met huilen|als ik boos ben|kwaad|ik ben bang|afraid i|scared i|dat ik het weer doe|lose control|verlies ~ controle",
    ],
    scope: "message",
    together: 2,
    window: 10,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|grapje|haha|speel*|kietel*|knuffel*|bal`),
    reach: 6,
    negatable: false,
  }),
  rule("violence.threatened", {
    all: [PERSON, "dreigt|bedreigt|dreigde|bedreigde|threatens|threatened", "ons|me|mij|de kinderen|mijn kinderen|us|me|my kids"],
    window: 6,
    unless: "rechtszaak|advocaat|incasso|deurwaarder|boete|met ontslag|ontslag|uitzetting|huur|met de politie|politie|met een brief|aangifte",
    reach: 6,
  }),
  rule("violence.threat-implied", {
    all: [PERSON, "is het klaar met mij|is het afgelopen met mij|ben ik ~ dood ~ als|dan ben ik de sjaak|gaan ~ me ~ pakken|komen ~ me ~ pakken|i am dead if|he will kill me|she will kill me|dat ik de volgende ben|ik ben de volgende|ben ik de volgende|jij bent de volgende|je bent de volgende|you are next|i am next"],
    unless: pattern(`${JEST.source}|baas|werk|school|juf|meester|leraar|cijfer|rapport|ontslag*|ontslagen|promotie|aan de beurt|wachtrij|kapper|dokter|huisarts|loting|gesprek`),
    reach: 8,
    negatable: false,
  }),
  rule("violence.forced-marriage", {
    all: ["niet met ~ trouw|moet ~ trouwen|trouwen met ~ moet|wil dat ik ~ trouw|willen dat ik ~ trouw|laten trouwen|met iemand die ik niet ken|uithuwelijk*|uit ~ huwelijken|forced to marry|make me marry", "pakken|vermoord*|slaan|dreig*|doden|anders|verstoten|opsluiten|als ik weiger|weiger|niet meer terug*|achterlaten|paspoort|kill|hurt"],
    window: 14,
    negatable: false,
  }),
  rule("violence.stalking", {
    all: ["stalkt|stalken|stalker|gestalkt|stalks|stalking|achtervolgt me|staat ~ elke dag ~ voor mijn deur|wacht ~ me op|wacht me op", "me|mij|ik|hij|zij|ex|vriend|man|he|she|ex"],
    window: 8,
    unless: MEDIA,
    reach: 6,
  }),
  // --- sexual violence (more)
  rule("sexual.touched", {
    all: ["aangeraakt|aanraakt|raakt ~ aan|raakte ~ aan|zit ~ aan|zat ~ aan|gezeten|betast*|vingers|handen|touched|touches|comes into my room|komt ~ mijn kamer|kruipt ~ bed|in mijn bed", "terwijl ik sliep|toen ik sliep|in mijn slaap|onder mijn|daar onder|daar beneden|mijn kruis|mijn borsten|mijn billen|piemel|plassertje|vagina|kont|intiem|private*|onder ~ kleren|in mijn broek|ongewenst|zonder ~ vragen|tegen mijn wil|stiekem|at night|s nachts|snachts|nacht|'s nachts"],
    window: 12,
    unless: pattern(`${MEDIA.source}|dokter|arts|onderzoek|kapper|massage|tandarts|huisarts|ziekenhuis|verpleeg*|muggen|mug|spin|kat|hond|poes`),
    reach: 6,
  }),
  rule("sexual.child", {
    negatable: false,
    all: ["aan me zitten|aan mij zitten|aan me ~ zitten|zit ~ aan mij|zit steeds aan mij|zit aan mij|kwam aan me|keeps grabbing me|grabbing me|grabs me|raakt me aan ~ niet mag|op een manier die niet mag|doet dingen ~ niet wil|dingen die ik niet wil|dingen die ~ niet mogen|does things to me|things i do not want|aan haar zit|aan hem zit|aan haar ~ gezeten|aan hem ~ gezeten|aan zijn ~ gezeten|aan haar ~ zat|zit aan haar|zat aan haar|zit aan hem|zat aan hem|aan mijn ~ gezeten|aan me ~ gezeten|aan mij ~ gezeten|aan haar ~ lichaam|aan zijn ~ lichaam"],
    unless: pattern(`${MEDIA.source}|haar ~ knippen|kapper|vlechten|haar ~ kammen|dokter|arts|verkleden|luier|in bad|wassen|spullen|telefoon|computer|tas|fiets|niemand zit|niemand komt|niemand raakt|nobody touches`),
    reach: 5,
  }),
  rule("sexual.drugged", {
    all: ["iets in mijn drankje|in mijn drankje gedaan|in mijn drank gedaan|drankje ~ gedrogeerd|gedrogeerd|drugged|spiked|wakker ~ naakt|wakker ~ geen kleren|geen kleren aan ~ wakker|geen kleren aan ~ wist|wist ~ niets meer ~ kleren"],
    unless: MEDIA,
    reach: 5,
  }),
  rule("sexual.forced", {
    all: ["dwingt me|dwong me|heeft me ~ gedwongen|heeft mij ~ gedwongen|forces me|forced me|forced himself|forced herself|drong zich ~ op|dwong zich|opgedrongen|verplicht me|moet ~ van hem|moest ~ van hem|had to|moest|moet", "filmpjes|verkoopt|verkopen|films|elke nacht|in bed|als ik nee zeg|nee zeg|slapen met|met hem ~ slapen|met ~ mannen ~ slapen|te slapen met|sleep with|naar bed ~ met|seks|sex|aanraken|doen wat hij wil|voor geld|klanten|prostitu*|tippelen|escort|on me|voor een dak|for a roof|to keep a roof|om ~ te mogen blijven"],
    window: 12,
    unless: pattern(`${MEDIA.source}|slapen met het licht|slapen met ~ knuffel|met de kinderen|met mijn kinderen|met de hond|met oordopjes`),
    reach: 6,
    negatable: false,
  }),
  rule("sexual.no-consent", {
    all: ["nee gezegd|zei nee|nee zei|nee zeg|said no|told him no|told her no|stop gezegd|zei stop|zei dat ik niet wilde|zei dat ik het niet wilde", "ging ~ door|ging gewoon door|deed het toch|deed ~ toch|bleef ~ doorgaan|bleef doorgaan|kept going|did it anyway|didnt stop|did not stop|hield niet op|stopte niet|luisterde niet|toch ~ gedaan"],
    window: 10,
    unless: pattern(`${MEDIA.source}|koffie|thee|eten|taart|schenken|praten|kletsen|bellen|zingen|muziek`),
    reach: 6,
    negatable: false,
  }),
  rule("sexual.pressure", {
    scope: "message",
    together: 2,
    all: [PERSON, pattern(SEX), "wil het niet|wil dat niet|wilde ~ niet|ik wil niet|wil ik niet|dont want|do not want|maar hij|wordt boos|werd boos|dreigt|anders|onder druk|moet van hem|dwingt|pushes"],
    window: 14,
    unless: MEDIA,
    reach: 6,
    negatable: false,
  }),
  rule("sexual.images", {
    all: ["filmpje*|film|foto*|video*|beelden|pics|pictures|nudes|naakt*", "delen|te delen|sturen|versturen|verstuurd|verstuurt|contacten|send them|send|op een site|site|website|gaan ~ rond|rond|circulate|online gezet|online|op internet|rondgestuurd|rond gestuurd|doorgestuurd|groepsapp|gedeeld|verspreid|naar iedereen|posten|gepost|leaked|shared|sends ~ everyone", "seks|sex|naakt|nudes|intiem|douche|stiekem|zonder ~ toestemming|wilde dat niet|ik wilde ~ niet|tegen mijn wil|geld|anders|chant*|betalen|betaal|euro|dreigt|blackmail*|pay|money|naam en adres|met mijn naam|adres erbij|sportschool"],
    window: 16,
    unless: pattern(`${MEDIA.source}|vakantie|verjaardag|bruiloft|feest|kinderen ~ school|gemeente`),
    reach: 6,
    negatable: false,
  }),
  rule("sexual.images", {
    all: ["blackmailing me|blackmail* ~ nude|nude ~ pictures|nude pics|chanteert ~ foto*|chanteert ~ filmpje*|chanteert me|stiekem gefilmd|stiekem ~ gefilmd|gefilmd ~ douche|gefilmd ~ zonder|secretly filmed|filmed me ~ without|camera ~ badkamer|camera ~ douche|nudes ~ groepsapp|nudes ~ online|mijn nudes|my nudes"],
    unless: MEDIA,
    reach: 5,
  }),
  rule("sexual.exploited", {
    all: ["slapen|seks|sex|naar bed|mee ~ moet|moet ~ mee|werken ~ huis|komen mannen|mannen ~ komen|sleep with", "andere mannen|die mannen|met mannen|klanten|voor geld|zijn vrienden|voor de baas|mannen ~ komen|komen mannen|prostitu*|verschuldigd|other men|for money|clients"],
    window: 14,
    unless: pattern(`${MEDIA.source}|feest|werkfeest|voetbal|kroeg|verjaardag|bruiloft|uitje|collega*`),
    reach: 6,
    negatable: false,
  }),
  rule("sexual.exploited", {
    all: ["huur ~ anders ~ betalen|anders kan betalen|in natura|pay ~ another way|pay ~ with my body|voor seks ~ geld|geld ~ voor seks|seks ~ voor ~ eten|seks ~ voor ~ dak|sex for money|sex for a place"],
    reach: 6,
    negatable: false,
  }),
  rule("sexual.asleep", {
    all: ["als ik slaap|terwijl ik slaap|terwijl ik sliep|toen ik sliep|in mijn slaap|asleep|while i slept|while i was sleeping", "neemt me|is al bezig|al bezig|aan me|aan mij|aangeraakt|gezeten|seks|sex|in mij|touch*|on me|does things|doet dingen"],
    scope: "message",
    negatable: false,
  }),
  rule("sexual.secret", {
    all: ["aan ~ zitten|aan mij|aan me|raakt ~ aan|touch*|grab*|betast*|zoenen|kussen", "mag ~ niks zeggen|mag ~ niets zeggen|ons geheim*|geheimpje|niemand ~ geloven|nobody will believe|dont tell|do not tell anyone|niemand ~ vertellen"],
    scope: "message",
    unless: "verjaardag|cadeau|surprise|verrassing|feest",
    reach: 10,
    negatable: false,
  }),
  rule("sexual.grooming", {
    all: ["dochter van|zoon van|kind van|meisje van|jongen van|mijn dochter|mijn zoon|mijn kind|my daughter|my son", "wil foto*|vraagt ~ foto*|om foto* ~ vraagt|om foto* ~ vroeg|om foto* ~ gevraagd|foto ~ van haar|fotos van haar|fotos van hem|naaktfoto*|pics of her|vriendje van 2*|vriendje van 3*|oudere mannen|oudere man ~ berichtjes|nieuwe telefoon en geld|cadeaus ~ van ~ man|stuurt ~ berichtjes ~ man|man ~ stuurt ~ berichtjes"],
    scope: "message",
    unless: "school|oma|opa|tante|oom ~ verjaardag|vakantie|pasfoto|schoolfoto",
    reach: 8,
    negatable: false,
  }),
  rule("sexual.forced", {
    all: ["gedwongen|dwong me|forced me|verkracht*", pattern(SEX)],
    scope: "message",
    negatable: false,
  }),
  // --- danger right now (more)
  rule("danger.intruder", {
    all: ["slaat de deur in|trapt de deur in|deur in ~ trappen|breekt de deur|slaat ~ deur in|kicking the door in|breaking down the door|deur ~ ingetrapt|probeert ~ open te breken|open te breken|raam ~ open ~ breken|raam ingegooid|ruit ingegooid|trying to break in|break the window|a man in my house|man in my house|iemand in mijn huis|een man in mijn huis|iemand ~ beneden|hoor ~ beneden|hear him downstairs|hear someone|binnengedrongen|binnen gedrongen|dringt binnen|dringen binnen|er is iemand in mijn huis|iemand in ~ huis|iemand ~ binnen|inbreker*|breekt in|breken in|broke in|breaking in|break in|someone in my house|someone ~ in the house|deur open ~ breken|deur ~ open te breken|forceert ~ deur|morrelt ~ aan|probeert ~ deur|probeert ~ binnen|ingebroken ~ nog|nog ~ in huis|is still here|still in the house"],
    unless: pattern(`${MEDIA.source}|gisteren|vorige week|afgelopen|verzekering|aangifte|politie is geweest|was ingebroken|schuur|fiets|kelder|box|auto|vakantie|monteur|loodgieter|schoonmaker|huisbaas|verhuurder|aangekondigd|afspraak|thuiszorg|sleutel vergeten|sleutel kwijt|sleutel ~ vergeten|slotenmaker|gemeente|balie|loket|kantoor|wachtkamer|spreekuur|formulier`),
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("danger.armed", {
    all: ["hij|ze|zij|iemand|een man|een vent|gasten|jongens|he|she|someone|a man|mijn ex|mijn man|mijn vriend|mijn vader", "heeft een|met een|met|has a|with a|pakt|pakte|grabbed|haalt|trekt", WEAPON],
    window: 5,
    unless: pattern(`${MEDIA.source}|snijdt|snijden|groente|brood|keuken|koken|vlees|gekocht|kopen|cadeau|slijpen|klussen|timmer*|tuin|hout|vissen|jacht*|schietvereniging|vergunning|kerst|verjaardag|eten|aardappel*|kaas`),
    reach: 8,
    acute: "always",
  }),
  rule("danger.child", {
    all: ["mijn kind*|mijn zoon*|mijn dochter*|de baby|mijn baby|mijn kleine|de kleine|peuter|dreumes|kindje|mijn kinderen|de kinderen|my kid*|my son|my daughter|my baby|the baby|toddler", "fell off|fell from|is not moving|beweegt niet|gevallen van|van het balkon gevallen|uit het raam gevallen|op het balkon|op de reling|bij het open raam|raam ~ open|aan de rand|bij de sloot|bij het water|is weg|kwijt|vermist|nergens ~ vinden|kan ~ niet ~ vinden|ademt niet|ademt ~ niet goed|wordt blauw|blauw aangelopen|blauwe lippen|lippen ~ blauw|reageert niet|bewusteloos|in de sloot|in het water|in de vijver|in de gracht|gevallen ~ water|uit het raam|op de vensterbank|op het dak|stikt|verslikt|krijgt geen lucht|stuip*|meegenomen|ontvoerd|rijdt dronken|dronken ~ auto|van de brug|missing|not breathing|choking|fell in"],
    window: 12,
    unless: pattern(`${MEDIA.source}|speelgoed|knuffel|sok|sokken|schoen*|telefoon|sleutel*|tas|jas|boek|huiswerk|weg naar|logeren|op kamp|bij oma|bij opa|bij zijn vader|bij haar vader|school|gisteren|vorige week|gelukkig|weer gevonden|teruggevonden|gevonden|vonden|was even kwijt|even kwijt|zwemles|zwemmen|zwembad|bal|tanden|tand|vriendjes|afspraak|bleek|minuten kwijt|minuutje kwijt`),
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  rule("danger.gas", {
    all: ["ruikt ~ naar gas|ruikt ~ gas|koolmonoxide ~ melder|koolmonoxidemelder ~ piept|melder piept|co melder ~ piept|vonkt|rookt|smeult|smeulen|brandlucht|smells like burning|rook onder de deur|rook ~ onder ~ deur|rook ~ uit ~ raam|rook ~ uit ~ woning|smoke under the door|ruikt naar gas|gaslucht|gaslek|gas lek|gas ~ ruiken|ruik gas|smell gas|smells like gas|smells of gas|koolmonoxide ~ alarm|co melder|co-melder|koolmonoxidemelder|rook uit|vonken|knettert|kortsluiting ~ rook|smoke coming"],
    unless: pattern(`${MEDIA.source}|gisteren|opgelost|monteur ~ geweest|vorige week|vorig jaar|batterij|test|sigaret|schoorsteen ~ rook|bbq|barbecue|fabriek|kopen|gekocht|ophangen|hangen|hoe werkt|wat moet je doen als|wat doe je als|als je|vroeg het|waar kan ik|wiet|sigaret*|joint*|shisha|waterpijp|vape*|sigaar|pijp|roken|monteur komt|raam open`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.stranger-home", {
    all: ["man|vent|iemand|someone|a man|een vreemde|onbekende|stranger|vrouw|jongen|gasten", "in mijn woonkamer|in mijn huis|in huis|in mijn kamer|in de woonkamer|in mijn slaapkamer|in my house|in my room|in my home|binnen", "ken ~ niet|niet ken|vreemd*|onbekend*|wil niet weg|gaat niet weg|do not know|dont know|wont leave|will not leave|stranger"],
    window: 14,
    unless: pattern(`${MEDIA.source}|monteur|loodgieter|thuiszorg|schoonmaker|afspraak|huisbaas|gemeente|bezoek|visite|verjaardag|feest|vrienden van|vriend van`),
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  rule("danger.outside", {
    all: ["mannen|man|iemand|gasten|jongens|mensen|ze|zij|hij|men|someone|they", HERE, "bivakmuts*|gemaskerd*|masker*|rammen|rammen op|bonken|bonzen|roepen|schreeuwen|slaan|trappen|proberen|kijken naar binnen|masks|banging|shouting"],
    window: 12,
    unless: pattern(`${MEDIA.source}|carnaval|halloween|feest|kinderen ~ spelen|verbouwing|glazenwasser|bezorger|postbode|sinterklaas|pieten`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.order-broken", {
    all: ["straatverbod|contactverbod|gebiedsverbod|restraining order|huisverbod", "voor mijn huis|voor de deur|voor mijn deur|hier|staat|zit|komt|bij mijn|in de straat|outside|here|is at"],
    window: 16,
    unless: "aangevraagd|aanvragen|rechter|advocaat|zitting|verlengd|verlengen",
    reach: 6,
    acute: "always",
    also: ["violence"],
  }),
  rule("danger.injury", {
    negatable: false,
    all: [
      "schok ~ gekregen|kreeg ~ schok|onder stroom|geelektrocuteerd|gebeten ~ diep|heel diep|huid komt los|vet over|kokend water over|brandwond ~ groot|verbrand ~ erg|help brand|brand brand|het brandt|staat in brand|bloedt ~ niet stoppen|stopt niet met bloeden|electric shock|deep bite|on fire",
      "ligt ~ op de grond|ligt nu|reageert niet|diep|heel|erg|help|nu|arm|gezicht|huid|hoofd|kind|zoon|dochter|man|vrouw|baby",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|gisteren|vorige week|vorig jaar|geleden|genezen|hersteld|ehbo|cursus|wat moet je doen`),
    reach: 12,
    acute: "always",
  }),
  rule("danger.medical", {
    negatable: false,
    all: [
      "pijn op mijn borst|pijn op de borst|druk op mijn borst|drukkend gevoel ~ borst|steek in mijn borst|chest pain|pain in my chest|keel ~ dik|keel zwelt|tong ~ dik|zwelt op|opgezwollen ~ gezicht|krijg ~ geen lucht|krijg ~ moeilijk lucht|moeilijk lucht|geen adem|kan ~ niet ademen|cant breathe|cannot breathe|arm ~ doof|arm voelt ~ doof|arm ~ slap|tintelt ~ arm|half ~ gezicht ~ hangt",
      "nu|net|ineens|opeens|plots|plotseling|sinds ~ minuten|sinds ~ uur|na ~ pinda|na ~ noten|na ~ eten|na ~ steek|na ~ wesp|erge|heel erg|heel erge|ergste|arm|kaak|zweet|misselijk|duizelig|suddenly|right now|really bad",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|gisteren|vorige week|vorig jaar|dokter ~ gezegd|huisarts ~ geweest|onderzocht|spierpijn|sporten|gesport|hooikoorts|verkouden|griep|corona|hoest|lachen|gelachen`),
    reach: 12,
    acute: "always",
  }),
  rule("danger.someone-jumping", {
    all: ["staat op de brug|staat op het dak|staat op de rand|op de rand van de brug|zit op de rand|is on the bridge|is on the roof|zit op het dak|staat op het balkon|op de reling|aan de rand|standing on the bridge|on the roof|on the ledge", "springt|springen|spring|wil ~ springen|gaat ~ springen|jump|jumping|wil niet luisteren|luistert niet|wil niet naar beneden|komt niet naar beneden|reageert niet|wont listen|will not come down"],
    window: 14,
    scope: "message",
    unless: MEDIA,
    reach: 6,
    acute: "always",
    negatable: false,
  }),
  rule("danger.witness", {
    all: ["schreeuwt om hulp|roept om hulp|gilt om hulp|schreeuwen om hulp|roepen om hulp|screaming for help|hoor ~ klappen ~ gillen|hoor ~ gillen|hoor ~ klappen|hoor ~ slaan|hoor ~ iemand ~ slaan|hoor ~ vechten"],
    unless: pattern(`${MEDIA.source}|tv|televisie|kinderen ~ spelen|deuren|vuurwerk|feest|muziek|verbouwing|timmeren|klussen|buren ~ klussen`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.hiding", {
    also: ["violence"],
    all: ["verstopt|verstop ~ me|heb me verstopt|hide|hiding|hid|opgesloten in|sloten ~ de wc|in de wc|in de badkamer ~ op slot", "hij zoekt|zoekt me|zoekt mij|komt|is binnen|is boos|is hier|he is looking|looking for me|is coming|tiert|schreeuwt|schreeuwen|staat ~ voor|staat er voor|woedend"],
    window: 10,
    unless: pattern(`${MEDIA.source}|spel|verstoppertje|kinderen|surprise|cadeau|sinterklaas`),
    reach: 6,
    acute: "always",
  }),
  rule("danger.call-for-help", {
    all: ["help me|help|hulp|red me|please", "kan niet bellen|kan ~ niet ~ bellen|hij is hier|ze is hier|hij is binnen|he is here|cant call|cannot call|kan niet praten|cannot talk|cant talk"],
    scope: "message",
    acute: "always",
    negatable: false,
  }),
  // Cannot talk, or calls for help, because someone is here or on his way: short acute messages
  // ("kan nie praten hij is hier", "help hij komt eraan"). Not when the writer is just busy
  // ("kan nu niet praten, ben op werk", "help ze komen eraan en het eten is niet klaar").
  rule("danger.cannot-talk", {
    all: [CANNOT_TALK, SOMEONE_HERE],
    scope: "message",
    unless: BUSY,
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  rule("danger.call-for-help", {
    all: ["^ help|help me|help mij|help ~ alsjeblieft|help help|hulp ~ nodig|red me|sos|please help|help ~ please", SOMEONE_HERE],
    scope: "message",
    unless: BUSY,
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone here, back or almost here, said with a word of fear or hurry: "sst hij is binnen",
  // "snel hij is bijna hier", "niet terugbellen, hij kijkt".
  rule("danger.someone-here", {
    all: [SOMEONE_HERE, "sst|ssst|shh|snel|help|bang|doodsbang|niet terugbellen|niet ~ bellen|bel ~ niet|fluister*|stil zijn|112|politie|scared|quick|hurry|onder ~ bed|in de kast|verstopt"],
    scope: "message",
    unless: BUSY,
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone known to be a danger (an ex, a stalker, the man who hit me) here, at the door or
  // coming: danger now, where "hij komt zo thuis" or "mijn man is er" alone are no danger.
  rule("danger.known-danger-here", {
    all: [
      "mijn ex|ex|exman|ex man|exvriend|ex vriend|expartner|ex partner|exvrouw|ex vrouw|exvriendin|ex vriendin|stalker|belager|pooier|loverboy|" +
        "die me ~ sloeg|die me ~ slaat|die mij ~ sloeg|die mij ~ slaat|die me ~ heeft ~ geslagen|die me ~ mishandel*|die mij ~ mishandel*|die me ~ verkracht*|die mij ~ verkracht*|die me ~ heeft ~ verkracht|die me ~ bedreig*|die me ~ aangerand|" +
        "my ex|my stalker|who hit me|who hurt me|who raped me|who beat me",
      "is hier|is binnen|is in huis|is in de gang|staat ~ deur|staat buiten|staat beneden|staat hier|staat ~ voor ~ huis|staat voor de flat|staat op de stoep|staat ~ bij ~ raam|staat in de gang|staat ~ op de galerij|" +
        "wacht ~ buiten|wacht ~ beneden|wacht ~ bij ~ deur|komt eraan|komt er aan|komt ~ hierheen|komt binnen|probeert ~ binnen|belt ~ aan|bonkt|bonst|rammelt|loopt ~ achter me|volgt me|" +
        "is here|is outside|at the door|at my door|is coming|is inside|is downstairs|following me",
    ],
    window: 8,
    unless: pattern(`${BUSY.source}|kinderen|kind|kids|de kleine|ophalen|brengen|halen|omgang*|spullen|gezellig|koffie|vrienden|goed contact|samen|geweest|gisteren|vorige week|vroeger|collega*|klasgenoot|baas|schoon*|ex collega|ex buur*`),
    reach: 8,
    acute: "always",
  }),
  // A weapon in someone's hand or brought: "hij heeft pistool", "abi is gekomen met bijl".
  rule("danger.armed", {
    all: [WEAPON, "liet me|liet mij|laat me|laat mij|liet ons|zwaaide met|zwaait met|zwaaien met|showed me|showed us|waving|waved|in zijn hand|in zn hand|in haar hand|in his hand|in her hand|heeft ~ bij zich|gekomen met|gekom met|kwam met|staat met|has a|hij heeft|ze heeft|zij heeft"],
    window: 6,
    unless: pattern(`${MEDIA.source}|snijdt|snijden|groente|brood|keuken|koken|vlees|gekocht|kopen|cadeau|slijpen|klussen|timmer*|tuin|hout|vissen|jacht*|schietvereniging|vergunning|kerst|verjaardag|eten|aardappel*|kaas|taart|speelgoed|water ~ pistool|waterpistool|nerf|carnaval|kostuum|verkleed*`),
    reach: 8,
    acute: "always",
  }),
  // Someone kicking or banging at the writer's door, with a call for help or a word of fear:
  // "they are kicking my door, please", "ze trappen tegen mijn deur, help".
  rule("danger.at-door", {
    all: ["ramt ~ op ~ deur|rammen ~ op ~ deur|ramt ~ tegen ~ deur|rammen ~ tegen ~ deur|kicking ~ door|banging ~ door|bashing ~ door|pounding ~ door|trapt ~ tegen ~ deur|trappen ~ tegen ~ deur|schopt ~ tegen ~ deur|schoppen ~ tegen ~ deur|bonkt ~ op ~ deur|bonken ~ op ~ deur|beukt ~ op ~ deur|beuken ~ op ~ deur|slaat ~ op ~ deur|slaan ~ op ~ deur", "please|help|bang|doodsbang|snel|sst|politie|112|scared|hurry|pls|plz|kom|come"],
    scope: "message",
    unless: pattern(`${BUSY.source}|buren ~ feest|muziek|herrie|lawaai|irritant|vervelend|annoying|noise|party`),
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  // Hiding from someone, or not daring to open: "ik zit verstopt, hij is binnen", "hij zegt dat
  // hij binnenkomt als ik niet opendoe, hij heeft een sleutel".
  rule("danger.hiding", {
    also: ["violence"],
    all: ["zit verstopt|heb me verstopt|verstop me|ik verstop|zit opgesloten in|heb me opgesloten|doe ~ niet open|durf ~ niet ~ open|niet ~ opendoe|niet ~ open doe|niet ~ opendoen|niet ~ open doen|hiding from|hide from|will not open|wont open|lig onder ~ bed|zit onder ~ bed|zit in de kast|lig onder het bed|under the bed|in the closet|in the wardrobe", `${SOMEONE_HERE.source}|kamer ernaast|kamer hiernaast|ze zijn in de kamer|hij is in de kamer|next room|other room|binnenkomt|binnen komt|komt ~ binnen|binnen ~ komen|sleutel|deur ~ in ~ trappen|intrap*|in ~ trappen|inbreken|breekt ~ in|bonkt|bonst|ramt|schreeuwt|tiert|zoekt me|zoekt mij`],
    scope: "message",
    unless: pattern(`${BUSY.source}|verstoppertje|spel|surprise|verrassing|cadeau|sinterklaas|pakket*|postbode|bezorger|monteur|colporteur|verkoper|jehova*|huisbaas|verhuurder|woningbouw|thuiszorg|meterstand`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone else on the edge of a bridge, a roof or on the rails, now: danger, whatever they mean to do.
  rule("danger.someone-on-edge", {
    all: [
      "er staat|er zit|er loopt|er ligt|er hangt|er klimt|staat er|zit er|loopt er|buurjongen|buurmeisje|buurman|buurvrouw|my girlfriend|my boyfriend|my sister|my brother|my son|my daughter|een meisje|een jongen|een man|een vrouw|een kind|iemand|mijn vriend*|mijn broer|mijn zus|mijn zoon|mijn dochter|mijn moeder|mijn vader|mijn man|mijn vrouw|mijn partner|mijn ex|hij|zij|ze|someone|a girl|a boy|a man|a woman|my friend|he|she",
      "rand van de brug|rand van het dak|rand van het balkon|rand van de flat|op de rand|op de reling|over de reling|buitenkant van de brug|aan de buitenkant|verkeerde kant van|op het spoor|op de rails|tussen de rails|langs het spoor|over het spoor|on the ledge|on the edge|on the railing|over the railing|on the tracks",
    ],
    window: 12,
    unless: pattern(`${MEDIA.source}|reparatie|dakgoot|schoonmaken|antenne|zonnepanelen|werk|werkt|werken|prorail|monteur|uitzicht|foto*|zonsondergang|vuurwerk|vissen|hengel|kat|poes|vogel*|duif|duiven|meeuw*|trein ~ vertraging|vertraging|storing|stoel|bank|bed|tafel|stoeprand|bad|zwembad|bushalte|perron|station ~ wachten|gisteren|vorige week|vroeger|geleden|ik sta|ik zit|ik loop|ik ben`),
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  rule("danger.ex-coming", {
    all: ["mijn ex|mijn man|mijn vriend|hij|he|my ex", "rijdt ~ de straat in|staat ~ voor ~ deur|staat ~ bij ~ deur|komt ~ eraan|komt er aan|is ~ onderweg|komt naar ~ huis|on his way|bij mijn deur|voor mijn deur|staat ~ te wachten", "dreigde|gedreigd|bedreigd|heeft gezegd dat hij me|bang|alleen ~ met de baby|alleen thuis|straatverbod|slaat|sloeg|pakt|vermoord*|threatened|scared|me ~ komt halen|komt ~ me ~ halen|meent het|niet meer leef|niet meer leven|afmaken|kill"],
    scope: "message",
    together: 2,
    window: 10,
    unless: "verjaardag|eten|boodschappen|kinderen ophalen|halen ~ kinderen|oppassen|cadeau",
    reach: 8,
    acute: "always",
    also: ["violence"],
  }),
  rule("danger.locked-out", {
    all: ["buitengesloten|buiten gesloten|locked out|buiten gezet|op straat gezet|buiten ~ gezet", "door mijn vriend|door hem|door mijn man|door haar|in de kou|zonder jas|met de kleine|met de baby|kinderen|by him|in the cold"],
    window: 12,
    unless: "sleutel vergeten|sleutel kwijt|slotenmaker|per ongeluk|deur viel dicht",
    reach: 8,
    acute: "always",
    also: ["violence"],
  }),
  rule("danger.child-abuse-now", {
    all: ["nu ~ op ~ kamer van mijn|op de kamer van mijn|in de kamer van mijn|op haar kamer|bij haar in bed|in her room|in my sisters room|op zijn kamer|bij hem in bed", "huilt|gilt|schreeuwt|crying|screaming|deur op slot|doet de deur ~ dicht|nu"],
    window: 14,
    unless: "speelt|spelen|voorlezen|huiswerk|oppassen|troosten",
    reach: 6,
    acute: "always",
    also: ["sexual"],
  }),
  rule("danger.waiting-at-door", {
    all: ["bij mijn deur|voor mijn deur|staat ~ deur|wacht ~ deur|staat ~ bij ~ huis|voor mijn huis|outside my house|at my door", "gedreigd|dreigde|bedreigd|pakt|vermoord*|threatened|will get me|gaat pakken"],
    scope: "message",
    unless: "pakketje|postbode|bezorger|monteur",
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("danger.threat-children", {
    all: ["dreigt|dreigde|threatens|zegt dat hij|zei dat hij", "van de brug|te rijden|tegen een boom|mee te nemen|meenemen|kinderen ~ iets|kinderen ~ wat|de kinderen ~ pijn|kids|the children|mijn kinderen ~ af|kinderen ~ af ~ pakken"],
    window: 12,
    unless: MEDIA,
    reach: 6,
    also: ["violence"],
  }),

  // --- the writer threatens to hurt someone: a deed, its target, and what makes it meant
  // (a weapon, a time, "ik meen het", "wallah"); games, food and jokes are not threats
  rule("violence.my-threat", {
    all: [
      "ik|i|k",
      "neersteken|neer ~ steken|steek ~ neer|steek ~ dood|doodsteken|dood ~ steken|afmaken|maak ~ af|kapot ~ maken|maak ~ kapot|kapotmaken|sloop|slopen|in elkaar ~ slaan|sla ~ in elkaar|sla ~ kop in|slaan ~ kop in|schiet ~ neer|neerschieten|vermoorden|vermoord|wat aandoen|iets aandoen|in brand ~ steken|in de fik ~ steken|steek ~ ~ in de fik|steek ~ ~ in brand|pakken|te pakken|stab|kill|shoot|hurt|beat ~ up|is hij dood|is ze dood|is die dood|ben je dood|knieen breken|benen breken",
      "hem|haar|hen|hun|ze|die|dat|zijn|jullie|iedereen|him|her|them|that|everyone",
      "ik meen het|meen het|meen ik het|ik zweer|zweer het|zweer op|zweer ik|wallah|wollah|swear|i mean it|fr|vandaag|vanavond|vannacht|morgen|straks|tonight|tomorrow|today|mes|messen|wapen|pistool|knuppel|honkbalknuppel|al mensen gebeld|weet waar ~ woont|als hij slaapt|als ze slaapt|met hem erin|met haar erin|als ik hem zie|als ik haar zie|als ik ~ tegenkom|knife|gun|nog een keer|nog 1 keer|nog eens|deze keer|nagedacht|weet ook wie|heel rustig|rustig onder",
    ],
    scope: "message",
    together: 3,
    window: 9,
    unless: pattern(`${JEST.source}|${MEDIA.source}|pizza|eten|taart|hamburger|patat|bord|keuken|muur|kast|badkamer|verbouw*|vloer|tegels|oude|deal|examen|toets|opdracht|project|klus|huiswerk|record|wedstrijd|competitie|in het spel|op de bank|de kinderen ophalen|ophalen|op te halen|de bus|de trein|de fiets|op school ~ ophalen|boodschappen|pakketje|post|cadeau|muziek|herrie|lawaai|geblaf|blaft|maakt me gek`),
    reach: 8,
  }),
  rule("violence.my-threat", {
    all: ["ik|i", "met een mes|met mijn mes|met een knuppel|met een honkbalknuppel|met een wapen|met een pistool|mes mee|knuppel mee|wapen mee|pistool mee|with a knife|with a gun|bring a knife|knife to", "naartoe|langs|naar|kom|ga|neem|mee|to|voor die|voor hem|voor haar"],
    window: 10,
    unless: pattern(`${MEDIA.source}|keuken|kamp|kamperen|hout|snijden|snijd|koken|vissen|picknick|brood|fruit|meloen|taart|groente|vlees|kaas|tuin|klussen|slijpen|zakmes|padvinder*|scouting|cadeau`),
    reach: 8,
  }),
  rule("violence.my-threat", {
    all: ["ik kom|kom ik|ik ga|ga ik|i will come|i am coming|i come", "spijt ~ hebben|spijt ~ krijgen|spijt van krijgen|zullen boeten|zal boeten|gaan boeten|gaat boeten|will regret|will pay|zullen het ~ voelen|zal het ~ voelen"],
    scope: "message",
    unless: pattern(`${JEST.source}|${MEDIA.source}|feest|verjaardag|taart|eten|film|vakantie|niet meegaat|niet meekomen|niet mee ~ gaat|niet komt|gemist`),
    reach: 10,
  }),
  rule("violence.my-threat", {
    all: [
      "steek ik|sla ik|maak ik|schiet ik|pak ik",
      "in de fik|in brand|neer|dood|kapot|af|in elkaar|kop in",
      "hem|haar|hen|hun|ze|die|dat|zijn|jullie|iedereen",
      "ik meen het|meen het|ik zweer|zweer het|wallah|wollah|swear|vandaag|vanavond|vannacht|morgen|straks|mes|wapen|pistool|knuppel|als hij slaapt|als ze slaapt|met hem erin|met haar erin|als ik hem zie|als ik haar zie|als hij ~ niet|nog een keer|nog 1 keer|nog eens|deze keer|nagedacht|weet ook wie|heel rustig|rustig onder",
    ],
    scope: "message",
    together: 3,
    window: 9,
    unless: pattern(`${JEST.source}|${MEDIA.source}|pizza|eten|taart|werk|klus|huiswerk|project|opdracht|muur|kast|keuken|vloer|de afwas|de was|de tuin|mijn huiswerk|record|wedstrijd|competitie`),
    reach: 8,
  }),
  // fear of someone's moods at home, walking on eggshells
  rule("violence.afraid-of", {
    all: ["bang voor zijn|bang voor haar|doodsbang voor zijn|angst voor zijn|afraid of his|scared of his|op ~ tenen ~ lopen|loop ~ op ~ tenen|walk on eggshells|walking on eggshells", "buien|woede*|driftbui*|humeur|moods|temper|agressie|uitbarsting*|hij|thuis|he|at home"],
    window: 10,
    unless: "dansen|ballet|schoenen|blaren|pijn|baby slaapt|slaapt|wakker|hond|kat|examen|baas|werk|leraar|juf",
    reach: 6,
  }),
  // coercive control, listed: "ik mag van hem niet werken, geen vrienden, geen geld"
  rule("violence.control", {
    all: ["mag van hem niet|mag van haar niet|mag van mijn man niet|mag van mijn vriend niet|mag niet van hem|he doesnt let me|he does not let me|hij laat me niet|laat me niet", "werken|vrienden|geld|bankrekening|pinpas|familie|naar buiten|de deur uit|bellen|mijn ouders|alleen weg|see my family|work|friends|money"],
    window: 8,
    unless: pattern(`${MEDIA.source}|taart|snoep|roken|drinken|gamen|laat op|vet|chips|alcohol|bier|koffie|dokter|rijden|auto|uitslapen|betalen|zelf betalen|trakteren|afwassen|helpen|meebetalen`),
    reach: 6,
    negatable: false,
  }),
  // the writer afraid of hurting a partner or someone at home
  rule("violence.urge-to-hurt", {
    all: [
      "bang dat ik|gevoel dat ik|angst dat ik|ik ben bang|afraid i|scared i|i might|niet meer onder controle|kan me ~ niet ~ inhouden|kan mezelf ~ niet ~ inhouden",
      "mijn vrouw|mijn man|mijn vriendin|mijn vriend|mijn partner|mijn moeder|mijn vader|haar|hem|my wife|my husband|my girlfriend|my boyfriend|her|him",
      "iets ~ aandoe|iets ga aandoen|iets ~ aan ~ doe|wat aandoe|ga slaan|zal slaan|ga ~ slaan|sla|slaan|pijn ~ doe|hurt|hit",
    ],
    window: 12,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|${JEST.source}|teleurstel*|kwets*|verdriet|pijn ~ doe ~ met woorden|gevoelens`),
    reach: 6,
  }),
  // marks someone else makes, hidden ("de plekken die hij maakt")
  rule("violence.bruises", {
    all: ["plekken|striemen|sporen|marks|bruises", "die hij ~ maakt|die ze ~ maakt|die hij ~ gemaakt|die hij ~ geeft|van zijn handen|van zijn riem|van zijn vuist|he made|he leaves|from him|van hem|door hem"],
    window: 8,
    unless: pattern(`${MEDIA.source}|verf|vlekken|koffie|wijn|tapijt|bank|muur|auto|kleding|kleren|broek`),
    reach: 6,
    negatable: false,
  }),
  // --- sexual violence said through the body and the feeling after ("ik voel me zo vies")
  rule("sexual.after", {
    all: ["voel me ~ vies|voel me ~ smerig|voel me ~ gebruikt|voel ik me ~ vies|voel ik me ~ smerig|voel ik me ~ gebruikt|voel ~ vies|feel dirty|feel used|feel so dirty", "vastgepakt|tegen me aan|tegen mij aan|aan me gezeten|aan mij gezeten|aangeraakt|betast*|op slot ~ gedaan|deur op slot|zoende me|kuste me|touched me|grabbed me|pinned me"],
    scope: "message",
    unless: "vuilnis|afval|poep|kots|modder|zweet|sporten|gesport|douchen|ziek|griep|hond|kat|baby|luier",
    reach: 10,
    negatable: false,
  }),
  rule("sexual.child-touched", {
    all: [
      "stiefvader|stiefpa|oom|opa|vader|pa|buurman|vriend van ~ moeder|vriend van mama|vriend van mijn moeder|stepdad|uncle|grandpa|trainer|leraar|docent|meester|begeleider|oppas|leider|scoutingleider|teacher|coach",
      "aanraakt|aangeraakt|raakt ~ aan|raakte ~ aan|zit ~ aan ~ haar|zit ~ aan ~ hem|zat ~ aan|aan ~ gezeten|betast*|touches|touched",
      "ze is ~ #many|hij is ~ #many|is pas|kind|kindje|meisje|jongetje|nichtje|neefje|dochter|dochtertje|zoon|zoontje|ik ben ~ #many|girl|boy|son|daughter",
    ],
    scope: "message",
    together: 2,
    window: 8,
    unless: pattern(`${MEDIA.source}|schouder|hand|arm ~ vast|knuffel*|troost*|aai*|haar ~ vlecht*|kapper|verband|pleister`),
    reach: 6,
    negatable: false,
  }),
  // Said no, and he went on: "ik had nee gezegd. meerdere keren", "i said no but he didnt stop".
  rule("sexual.said-no", {
    all: [
      "ik had nee gezegd|ik zei nee|ik heb nee gezegd|nee gezegd|zei ~ nee|i said no|told him no",
      "meerdere keren|steeds|toch|maar hij|hij ging door|ging ~ door|hield ~ niet op|stopte niet|luisterde niet|deed het toch|he didnt stop|did not stop|kept going|anyway|again and again",
      "hij|mijn baas|baas|mijn man|mijn vriend|mijn ex|die man|die jongen|die avond|die nacht|he|him|my boss|that night",
    ],
    scope: "message",
    together: 1,
    window: 14,
    unless: pattern(`${MEDIA.source}|geld|lenen|vraagt ~ steeds|snapt|begrijpt|accepteert|respecteert|uitnodiging|feest|feestje|werk aanbod|aanbod|baan|dienst|overwerk|extra uren|vakantie|geld lenen|lenen|koffie|eten|alcohol|drinken|roken|sigaret*|drugs|kopen|verkoper|telefoon|bellen|afspraak|solliciteren`),
    reach: 10,
    negatable: false,
  }),
  // Sex "work" forced for a debt: "ik moet voor de man waar ik schuld bij heb 'werken' op zijn feestjes".
  rule("sexual.exploited", {
    all: [
      "schuld|schulden|debt|afbetalen|terugbetalen|terug betalen|geld ~ terug|owe",
      "werken op ~ feestjes|op zijn feestjes|met zijn vrienden ~ slapen|met mannen|met ~ mannen ~ mee|wat voor werk|snap* ~ wel wat|weten wel wat ik bedoel|weet wel wat ik bedoel|met ~ klanten ~ naar bed|seks|sex|slapen met|naar bed met|you know what kind of work|sleep with",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|schuldhulp|budgetcoach|bewind*|regeling|gemeente|uwv|sollicit*|baan|vacature|horeca|schoonmaak|uitzendbureau|contract|salaris`),
    reach: 14,
    negatable: false,
    also: ["violence"],
  }),
  // --- danger now (more)
  rule("danger.shooting", {
    also: ["violence"],
    all: ["er wordt geschoten|wordt geschoten|schieten op|schiet op ~ mensen|schiet ~ iemand|schoten|geschoten|knallen|shooting|gunshots|shots fired", "straat|buiten|hier|voor de deur|voor mijn deur|voor mijn huis|in mijn|portiek|galerij|flat|buurt|trappenhuis|street|outside|here"],
    window: 10,
    unless: pattern(`${MEDIA.source}|vuurwerk|oud en nieuw|oudjaar|nieuwjaar|gaatjes|oren|voet|jacht|jager|schietvereniging|schietbaan|kermis|foto*|filmpje|voetbal|doel|goal|penalty|schiet ~ op|opschieten|schiet ~ niet op|te binnen|schieten ~ tekort|tekort|wortel|gisteren|vorige week|vorig jaar|geleden|krant|nieuws`),
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  rule("danger.missing-person", {
    all: ["dementie|alzheimer|dement*|verward|in de war|autisme|autistisch|gehandicapt|beperking|epilepsie|suikerziekte|diabetes", "weggelopen|vermist|kwijt|niet ~ vinden|is weg|dwaalt|zoek*|missing|wandered off"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|gevonden|terug|teruggevonden|gisteren|vorige week|vorig jaar|sleutel*|bril|telefoon|portemonnee|pas|tas|alsof|voelt alsof|herkent me niet|herkent mij niet|feels like`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  rule("danger.gas", {
    all: ["geiser|cv ketel|cv|ketel|kachel|gaskachel|boiler|verwarming|fornuis|heater", "duizelig|misselijk|hoofdpijn|suf|slaperig|flauw|dizzy|nauseous|headache"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|monteur ~ geweest|gisteren|vorige week|griep|verkouden|corona|zwanger|migraine|kater|gedronken|rekening|kosten|duur|energie*`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // A call for help and nothing else, urgent: "help snel aub", "HELP HELP", "help nu". A bare
  // "help" is asked about (crisisDoubt); "help snel, dat formulier moet vandaag in" is no danger.
  rule("danger.help-now", {
    all: ["^ help|^ hulp|^ sos|^ helpp*", "snel $|nu $|aub $|alsjeblieft $|alstublieft $|please $|pls $|plz $|dringend $|asap $|help $|hulp $|now $"],
    window: 4,
    acute: "always",
    negatable: false,
  }),
  // Hiding or locked in, in chat words without a verb, while someone is in or at the door: "deur
  // kapot gemaakt. man binnen. ik in kast", "zit in wc op slot die vent slaat op de deur".
  rule("danger.hiding-from", {
    also: ["violence"],
    all: [
      "ik in ~ kast|ik in de kast|ik ~ onder ~ bed|ik in ~ wc|ik in ~ badkamer|in ~ wc ~ op slot|wc op slot|op slot ~ in ~ wc|badkamer ~ op slot|op slot ~ in ~ badkamer|kamer ~ op slot ~ gedaan|deur ~ op slot ~ gedaan|locked myself in|locked in the bathroom",
      "binnen|deur ~ kapot|deur ~ ingetrapt|deur ~ open gebroken|slaat ~ op ~ deur|slaat ~ tegen ~ deur|ramt|bonkt|bonst|trapt|schopt|beukt|schreeuwt|tiert|zoekt ~ me|zoekt ~ mij|ken ~ niet|ken ~ nie|vreemde|inbreker*|banging|kicking|is inside|he is in",
    ],
    scope: "message",
    unless: pattern(`${BUSY.source}|verstoppertje|spel|surprise|verrassing|cadeau|sinterklaas|kinderen|kids|de kleine|hond|kat|poes|mama|papa|mam|pap|oefening`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone in the house of one who lives alone, heard now: "ik hoor voetstappen op zolder en ik
  // woon alleen", "there is someone downstairs and i am home alone".
  rule("danger.intruder-heard", {
    all: [
      "voetstappen|gestommel|gerommel|hoor iemand|hoor ~ iemand ~ lopen|hoor ~ lopen|hoor ~ beneden|iemand ~ beneden|iemand ~ op zolder|iemand ~ in de gang|iemand ~ in huis|iemand in mijn huis|raam ~ kapot ~ beneden|deur ~ beneden ~ open|footsteps|someone downstairs|someone in the house",
      "woon alleen|ben alleen|alleen thuis|niemand thuis|niemand anders thuis|niemand anders|live alone|home alone|alone at home|nobody else",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|buren|bovenburen|benedenburen|buurman|buurvrouw|kat|poes|hond|muis|muizen|ratten|duiven|wind|droom|gedroomd|gisteren|vorige week|vroeger|bleek|was de|was het|verwarming|leidingen|cv|spoken|spook`),
    reach: 14,
    acute: "always",
    negatable: false,
  }),
  // Men waiting outside with a threat: "drie mannen in een auto voor mn huis, ze zeiden ik moet
  // betalen of anders". Debt collectors of the street, an ex's friends.
  rule("danger.threat-waiting", {
    all: [
      "voor mijn huis|voor mijn deur|voor de deur|voor de flat|voor mijn flat|bij mijn huis|in de straat|beneden ~ wachten|staan ~ buiten|zitten ~ buiten|wachten ~ buiten|outside my house|outside my door|outside",
      "of anders|anders ~ pakken ze|anders ~ doen ze|anders ~ maken ze|anders ~ steken ze|moet betalen|betalen of|dreig*|bedreig*|or else|pay or|threaten*",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|deurwaarder|incasso*|brief|rekening|gemeente|belasting*|uwv|huurachterstand|parkeer*|bekeuring|boete|gisteren ~ weg|zijn weg|weggegaan`),
    reach: 14,
    acute: "always",
    negatable: false,
  }),
  // A child gone since yesterday, phone off: "mijn zoon is niet thuis sinds gisteren, hij is 13".
  rule("danger.child-missing", {
    all: [
      "mijn zoon|mijn dochter|mijn kind|mijn jongste|mijn oudste|onze zoon|onze dochter|my son|my daughter|my kid",
      "niet thuis|niet thuisgekomen|niet thuis gekomen|niet ~ thuis gekomen|niet naar huis gekomen|is weg|vermist|kwijt|komt niet thuis|weggelopen|not home|missing|ran away",
      "sinds gisteren|sinds vannacht|sinds vanochtend|hele nacht|al ~ dagen|al ~ uur|telefoon ~ uit|neemt ~ niet op|geen contact|since yesterday|all night|phone ~ off",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|logeren|logeert|bij oma|bij opa|bij vriend*|schoolreis|kamp|op kamp|bij zijn vader|bij haar vader|bij zijn moeder|bij haar moeder|weet waar|weten waar|gelukkig|teruggevonden|gevonden|is terug|is thuisgekomen|toch thuisgekomen|weer thuis|sleutel*|telefoon kwijt|fiets`),
    reach: 16,
    acute: "always",
    negatable: false,
  }),
  // Someone at the door handle or the lock, seen through the spyhole: "random man die steeds aan
  // mn deurklink zit".
  rule("danger.trying-door", {
    all: ["aan ~ deurklink|deurklink|aan ~ slot ~ zit|aan de deur ~ morrel*|morrelt|morrelen|rammelt|rammelen|rammelde|probeert ~ deur ~ open|probeert ~ binnen te komen|probeert ~ binnen ~ komen|trying ~ door|door handle|trying to get in", "man|vent|iemand|vreemde|onbekende|someone|stranger|random|gast|jongen|hij|he"],
    scope: "message",
    unless: pattern(`${BUSY.source}|postbode|bezorger|pakket*|kinderen|kind|zoon|dochter|mijn man|mijn vrouw|sleutel vergeten|sleutel kwijt|slotenmaker|monteur|huisbaas|verhuurder|woningbouw|kat|hond|wind|storm|waait|tocht`),
    reach: 14,
    acute: "always",
    negatable: false,
  }),
  rule("danger.held", {
    also: ["violence"],
    all: ["paspoort|passport|papieren|id kaart|identiteitskaart|verblijfsvergunning|telefoon", "mag ~ niet ~ uit|mag ~ niet ~ weg|mag ~ niet ~ naar buiten|niet weg|weet niet waar ik ben|opgesloten|locked|not allowed to leave|cant leave|cannot leave|moet ~ werken ~ voor ~ hen|laten me niet gaan"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|verlopen|aanvragen|gemeente|ophalen|vernieuwen|kwijt|vergeten|quarantaine|corona|ziek|huisarrest`),
    reach: 10,
    acute: "always",
    negatable: false,
  }),
  // --- kinds added from set 20 (on phrasings of their own)
  // Someone with a weapon near the writer: "man met mes in portiek", "er loopt een gast met een pistool in de gang".
  rule("danger.armed-near", {
    all: ["man|vent|jongen|gast|gozer|kerel|iemand|vreemde|mannen|jongens|guy|someone|men", "met ~ mes|met ~ pistool|met ~ wapen|met ~ bijl|met ~ knuppel|met ~ machete|met ~ honkbalknuppel|heeft een mes|heeft een pistool|with a knife|with a gun|has a knife|has a gun", "portiek|voor de deur|voor mijn deur|in de gang|in het trappenhuis|op de galerij|beneden|in huis|binnen|in de tuin|bij mijn|achter me|achter mij|hier|in mijn|bij de deur|outside my|in my|behind me"],
    scope: "message",
    together: 2,
    window: 4,
    unless: pattern(`${MEDIA.source}|keuken|koken|snijd*|groente|brood|slager|kok|fruit|appel|schillen|gezien|gelezen|opgepakt|gearresteerd|vroeger|gisteren|vorige week|jaar geleden`),
    reach: 14,
    acute: "always",
    negatable: false,
  }),
  // A call for help with someone inside: "hlp er is ene man binnen", "help er is iemand in mijn huis".
  rule("danger.intruder", {
    all: [pattern(`${SOMEONE_HERE.source}|er is ~ man ~ binnen|er is iemand ~ binnen|iemand in mijn huis|iemand in huis|man in mijn huis|man in huis|inbreker*|breekt in|breken in|someone in my house|intruder`), "help|hlp|hulp|sos|112|bel de politie|bel ~ politie"],
    scope: "message",
    unless: pattern(`${BUSY.source}|formulier|vraag|uitleg|hoe moet|how do|gemeente|balie|loket|kantoor|wachtkamer|spreekuur`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Hiding from someone angry or drunk, with a call for help: "help hij is boos zit in wc".
  rule("violence.hiding", {
    also: ["danger"],
    all: ["help|hlp|sos|bang|scared", "boos|dronken|woedend|agressief|angry|drunk", "zit ~ in ~ wc|zit ~ op ~ wc|zit in de badkamer|zit ~ op slot|verstopt|verstop me|opgesloten|hiding|locked myself"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|kind|kinderen|zoon|dochter|peuter|kleuter|kat|hond|verstoppertje`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone at home hurting someone, told by a child or plainly: "papa doet mama pijn", "hij doet me pijn".
  rule("violence.hurts", {
    all: [PERSON, VICTIM, "pijn doet|pijn deed|doet ~ pijn|deed ~ pijn"],
    window: 5,
    unless: pattern(`${MEDIA.source}|knie|rug|hoofdpijn|tand*|buik|spier*|sporten|gevallen|per ongeluk|massage|prik|spuit|dokter|tandarts|fysio*|pijn om|pijn dat|verdriet|woorden|opmerking|niet expres`),
    notInside: "het doet|dat doet|het deed|dat deed",
    reach: 4,
  }),
  // Money kept from the writer by a partner: "ik krijg geen geld van hem, zelfs niet voor luiers", "hij heeft mijn uitkering op zijn rekening laten storten".
  rule("violence.money-control", {
    all: ["krijg geen geld van hem|krijg geen geld van mijn man|krijg geen cent van hem|geeft me geen geld|geeft mij geen geld|geeft me geen cent|ik zie er niks van|ik zie er niets van|moet ~ vragen om geld|moet ~ om geld vragen|moet ~ geld vragen|houdt ~ mijn geld|pakt mijn pinpas|mijn pinpas afgepakt|heeft mijn pinpas|mijn uitkering ~ op zijn rekening|mijn loon ~ op zijn rekening|alles gaat naar zijn rekening|he keeps my money|he takes my money", "zijn rekening|hij|hem|mijn man|mijn vriend|mijn partner|mijn ex|luiers|tampons|maandverband|eten|he|him|my husband"],
    scope: "message",
    unless: "gemeente|uwv|bewindvoerder|bewind*|budgetbeheer|budgetcoach|schuldhulp|bank|zakgeld|voedselbank|werkgever|baas|toeslag*|belasting*|zoon|dochter|kinderen vragen",
    reach: 16,
    acute: "never",
    negatable: false,
  }),
  // Marks hidden: "make-up over mn oog gedaan, als u iets ziet vraag er niet naar", "een sjaal want anders zien ze het in mn nek".
  rule("violence.marks-hidden", {
    all: ["maken up ~ oog|make up ~ oog|makeup ~ oog|concealer|camoufl*|sjaal|coltrui|zonnebril ~ binnen", "anders zien ze|zodat ~ niet ziet|zodat ~ niet zien|zodat niemand ~ ziet|vraag er ~ niet naar|niet naar vragen|niemand mag ~ zien|in mijn nek|op mijn nek|in mijn hals|blauw*|plekken|plek"],
    scope: "message",
    unless: "koud|kou|winter|verkouden|keelpijn|zuigzoen*|tattoo|tatoeage|piercing|acne|puist*|eczeem|litteken*|kras*|snij*|feest|bruiloft|carnaval|halloween|allergie|ontstoken|wesp*|gevallen|stoot|gestoten",
    reach: 14,
    acute: "never",
    negatable: false,
  }),
  // Cut off after a fight: "na de ruzie heeft hij de wifi en mijn simkaart weggehaald".
  rule("violence.cut-off", {
    all: ["simkaart|telefoon|mobiel|wifi|internet|sleutels|paspoort|pinpas|bankpas", "weggehaald|afgepakt|afgenomen|kapot gemaakt|kapotgemaakt|verstopt|pakt ~ af|pakte ~ af", "na de ruzie|ruzie|mijn man|mijn vriend|mijn partner|mijn ex|my husband|my boyfriend"],
    scope: "message",
    together: 2,
    unless: "zoon|dochter|kinderen|kind|straf|huisarrest|school|gamen|juf|meester|gestolen|beroofd|zakkenroller|storing|kwijt|provider|kpn|ziggo|odido",
    reach: 16,
    acute: "never",
    negatable: false,
  }),
  // A child in the water: "kind in het water bij de gracht".
  rule("danger.child-water", {
    all: ["kind|kindje|zoontje|dochtertje|mijn zoon|mijn dochter|de kleine|peuter|baby|jongetje|meisje|child|kid|toddler", "in het water|in de gracht|in de sloot|in het kanaal|in de vijver|in de rivier|in zee|verdrink*|drowning|kopje onder|onder water"],
    window: 6,
    unless: pattern(`${MEDIA.source}|zwem*|zwemles|zwembad|zwemdiploma|speelt|spelen|pootje*|strand|badje|bad|douche|boot|zwembandjes|bandjes|vissen|eendjes|brood`),
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  // A child lost now: "zoontje kwijt in winkelcentrum".
  rule("danger.child-lost", {
    all: ["zoontje|dochtertje|kindje|mijn kind|mijn zoon|mijn dochter|de kleine|peuter|kleuter|kleinzoon|kleindochter|kleinkind|my son|my daughter|my kid|my grandson|my granddaughter", "kwijt|vermist|zoek $|is zoek|kan ~ niet ~ vinden|nergens te vinden|zie hem nergens|zie haar nergens|deur uit gelopen|weggelopen|lost|missing|cant find"],
    window: 8,
    unless: pattern(`${MEDIA.source}|was ~ kwijt|was even|even kwijt|gevonden|teruggevonden|stond ~ gewoon|weer terug|is terug|gelukkig|knuffel|speen|sok*|schoen*|jas|tas|telefoon|sleutel*|tand|melktand|baan|werk|geld|uitkering|fiets|pas|portemonnee|bril|huiswerk|boek|ticket|found`),
    reach: 8,
    acute: "always",
    negatable: false,
  }),
  // Sex demanded to pay off a debt: "ik heb met die man moeten slapen om mijn schuld af te lossen".
  rule("sexual.exploited", {
    all: ["moeten slapen|moest ~ slapen met|met ~ naar bed ~ moeten|moest met ~ naar bed|moet met ~ naar bed|moet met ~ slapen|had to sleep with", "schuld|schulden|af te lossen|aflossen|afbetalen|huur|geld|drugs|debt|rent"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|schuldhulp|bewind*|gemeente|logeren|logeer|op de bank|op de grond|bij vrienden|bij mijn moeder|bij mijn zus|hotel|slaapzak|couch`),
    reach: 12,
    negatable: false,
  }),
  // --- kinds added from set 22 (on phrasings of their own)
  // A child not home hours after school or late at night: "mijn dochter van 9 is niet uit school gekomen, het is nu 6 uur".
  rule("danger.child-not-home", {
    all: ["mijn dochter|mijn zoon|mijn kind*|dochtertje|zoontje|my daughter|my son|my kid", "niet uit school gekomen|niet thuisgekomen|niet thuis gekomen|is niet thuis|niet teruggekomen|nog niet thuis|is not come home|not come home|not home|didnt come home|hasnt come home"],
    scope: "message",
    together: 1,
    unless: pattern(`${MEDIA.source}|logeert|logeren|bij oma|bij opa|bij een vriendin|bij een vriend|bij zijn vader|bij haar vader|schoolreis|kamp|op kamp|geappt|appte|belde|heeft gebeld|weet waar|in de trein|op weg|onderweg|is er al|gelukkig|concert|feest|training|voetbal`),
    reach: 16,
    acute: "always",
    negatable: false,
  }),
  rule("danger.child-not-home", {
    all: ["mijn dochter|mijn zoon|mijn kind*|dochtertje|zoontje|my daughter|my son|my kid", "niet uit school gekomen|niet thuisgekomen|niet thuis gekomen|niet teruggekomen|nog niet thuis|is not come home|not come home|didnt come home|hasnt come home", "uur|nacht|telefoon uit|telefoon staat uit|neemt niet op|weet ~ niks|weten ~ niks|niemand weet|at night|phone off|not answering"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|logeert|logeren|bij oma|bij opa|schoolreis|kamp|op kamp|geappt|appte|heeft gebeld|weet waar|in de trein|op weg|onderweg|is er al|gelukkig`),
    reach: 16,
    acute: "always",
    negatable: false,
  }),
  // Someone in the shed or the garden now: "er zit iemand in mijn schuur, ik zie een zaklamp bewegen".
  rule("danger.someone-outside", {
    all: ["iemand ~ in ~ schuur|iemand ~ in de tuin|iemand ~ in mijn tuin|iemand ~ op ~ balkon|iemand op mijn balkon|iemand in de gang|someone ~ in my shed|someone ~ in my garden|someone ~ in the garden", "zaklamp|zie ~ bewegen|zie ~ iemand|hoor ~ iemand|hoor ~ gerommel|nu|net|ben alleen|alleen thuis|flashlight|right now|moving|i am alone|home alone"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|buurman|tuinman|hovenier|klusjesman|monteur|mijn man|mijn zoon|mijn dochter|kat|hond|vos|egel|gisteren|vorige week|aangifte`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Someone with the writer who cannot breathe and turns blue: "mijn moeder is heel benauwd en wordt blauw".
  rule("danger.cant-breathe", {
    all: ["benauwd|krijgt geen lucht|krijg ~ geen lucht|geen adem|stikt|stikken|kan niet ademen|kan ~ niet ~ ademen|cant breathe|choking", "blauw|wordt blauw|weurt blauw|valt flauw|bewusteloos|reageert niet|turning blue|passed out"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|gaat ~ beter|weer goed|pufje ~ geholpen|gisteren|vorige week|vroeger|hardlopen|gesport|trap`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Sex demanded at work or for money as being "nice": "ik kan mijn contract wel vergeten als ik niet 'lief' ben".
  rule("sexual.be-nice", {
    all: ["als ik niet ~ lief ben|als ik lief ben|als ik ~ lief ~ ben ~ voor hem|lief voor hem|lief ~ voor hem ~ ben|if i am nice to him|if im nice to him|if i am not nice", "contract|baan|werk|geld|huur|schuld*|uitkering|vast|kamer|woning|promotie|job|rent|money"],
    scope: "message",
    unless: "zus|broer|moeder|vader|oma|opa|kind*|zoon|dochter|kat|hond|juf|meester|sint|kerstman",
    reach: 16,
    negatable: false,
  }),
  // --- kinds added from set 21 (on phrasings of their own)
  // Drunk again, and afraid: "hij is weer dronken. ik ben bang."
  rule("violence.drunk-fear", {
    all: ["hij is ~ dronken|hij is weer dronken|ze is ~ dronken|hij heeft ~ gedronken|hij zuipt|he is drunk|he is wasted", "ik ben bang|ben ~ bang|ik durf niet|durf niet|scared|afraid"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|bang dat hij ~ valt|bang om hem|voor hem|rijdt|rijden|auto|ziek|overgeven|kots*|ziekenhuis|zoon|dochter|zijn vrienden|feest|kroeg|worried about him`),
    reach: 12,
    acute: "soon",
    negatable: false,
  }),
  // Sex owed for what he pays: "hij zegt dat ik het verschuldigd ben omdat hij de huur betaalt. dus ik doe het maar".
  rule("sexual.owed", {
    all: ["verschuldigd|ben het ~ verplicht|als tegenprestatie|omdat hij ~ betaalt|omdat hij de huur|omdat hij ~ boodschappen|because he pays|i owe him", "dus ik doe het maar|ik doe het maar|ik doe het ~ dan maar|laat het ~ gebeuren|laat het maar|geef ~ toe|i just do it|let it happen|so i do it"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|afwas|schoonmaken|koken|de was|strijken|stofzuigen|oppassen|klusjes|boodschappen doen|huishouden|dishes|cleaning`),
    reach: 12,
    negatable: false,
  }),
  // A child told to keep a secret about things done to them: "mijn zoon zei dat de buurjongen hem dingen laat doen die geheim moeten blijven".
  rule("sexual.child-secret", {
    all: ["mijn zoon|mijn dochter|mijn kind*|zoontje|dochtertje|de kleine|mijn nichtje|mijn neefje|my son|my daughter|my kid", "geheim|niet vertellen|mag ~ niet ~ zeggen|secret", "dingen ~ laat doen|laat ~ dingen doen|aan ~ zitten|zit ~ aan|aangeraakt|aanraken|piemel|plasser|billen|touch*"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|verjaardag|cadeau|verrassing|surprise|sinterklaas|kerst|feest|moederdag|vaderdag|wachtwoord|pincode`),
    reach: 12,
    negatable: false,
  }),
  // What they did to me, still there: "ik word nog steeds wakker van wat die jongens met me deden", "ik denk aan wat hij deed, de politie zegt woord tegen woord".
  rule("sexual.what-they-did", {
    all: ["wat ~ met me deden|wat ~ met mij deden|wat ~ met me deed|wat ~ met mij deed|wat ~ met me gedaan|what ~ did to me", "nachtmerrie*|nog steeds|elke nacht|flashback*|vergeten|denk ~ aan|politie|aangifte|nightmare*|still|every night"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|kapper|tandarts|dokter|arts|operatie|ziekenhuis|verpleging|gemeente|uwv|schuldhulp|bank|leuk|lief|gezellig|verrassing|feest|geholpen|hielpen`),
    reach: 12,
    negatable: false,
  }),
  rule("sexual.what-they-did", {
    all: ["wat hij ~ deed|wat hij me aandeed|wat hij mij aandeed|wat ze me aandeden|what he did", "politie|aangifte|woord tegen|rechter|zedenpolitie|zeden*|police"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|fiets|auto|gestolen|inbraak|ingebroken|diefstal|beroofd|oplichting|opgelicht|boete|verkeer|ongeluk|parkeer*`),
    reach: 12,
    negatable: false,
  }),
  // A no that was not listened to, said in other words: "ik wilde niet en hij ging toch door".
  rule("sexual.said-no", {
    all: ["ik wilde niet|ik wou niet|ik wilde het niet|ik wou het niet|didnt want to|did not want to", "ging ~ toch door|ging gewoon door|stopte niet|bleef doorgaan|hield niet op|deed het toch|kept going|did not stop|didnt stop", "hij|die jongen|die man|mijn man|mijn vriend|mijn ex|he|him|vastgepakt|vast gepakt"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|praten|zeuren|zeurde|bellen|belde|appen|vragen|over geld|discussie|ruzie over|de tv|muziek|stofzuigen|boren|verbouwen`),
    reach: 8,
    negatable: false,
  }),
  // Sleeping outside in the cold, feet gone numb: "ik slaap op straat, mijn voeten ik voel niet meer".
  rule("danger.cold", {
    all: ["slaap op straat|slaap buiten|op straat geslapen|buiten geslapen|buiten slapen|op straat slapen|dakloos|geen dak|sleeping outside|sleep on the street", "koud|vriest|vriezen|ijskoud|voel ~ niet meer|voel ~ voeten ~ niet|voel ~ handen ~ niet|bevroren|onderkoeld|cold|freezing"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|kamperen|tent|festival|vroeger|jaren geleden|vorige winter|opvang ~ geregeld|nachtopvang`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // On ice that cracks: "ik ben het ijs op gegaan om de hond te halen en het kraakt".
  rule("danger.ice", {
    all: ["op het ijs|ijs op|het ijs|door het ijs|on the ice|through the ice", "kraakt|breekt|gebroken|erdoor|zak ~ erdoor|gezakt|cracking|cracks|durf niet te bewegen|kan niet ~ terug"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|ijsje|ijsjes|schaatsbaan|ijsbaan|vriezer|diepvries|ijsblokjes|koelkast|ijskast|gisteren|vroeger|haha|gevallen|uitgegleden|gebroken|gips|gekneusd|fell|slipped`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // Locked in for a long time, nobody hearing: "ik zit al 2 uur opgesloten in de wc van het station, niemand hoort me", "zit opgesloten in de kelder".
  rule("danger.locked-long", {
    all: ["opgesloten|zit vast|kom er niet uit|kan er niet uit|locked in|stuck", "niemand hoort|niemand ~ hoort me|al ~ uur|uren|kelder|kofferbak|container|vriescel|koelcel|nobody hears|for hours"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|haha|lol|escape|escaperoom|collega ~ haalt|conciërge ~ komt|komt eraan|slotenmaker ~ komt|is onderweg|file|in de file|in de trein|trein staat stil|lift ~ monteur|storing|sneeuw|huisarrest|quarantaine|vroeger`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  // The marks of what he did, still to be seen: "dan kan je aan mijn gezicht nog zien wat hij gedaan heeft".
  rule("violence.marks-seen", {
    all: ["aan mijn gezicht|op mijn gezicht|aan mijn arm*|op mijn arm*|aan mijn lichaam|op mijn lichaam|aan mijn oog|aan mijn nek|on my face|on my arm*", "wat hij ~ gedaan|wat hij heeft gedaan|wat hij deed|wat zij ~ gedaan|wat ze ~ gedaan|what he did|what he has done"],
    window: 12,
    unless: pattern(`${MEDIA.source}|make up|schmink*|tattoo|tatoeage|kapper|botox|tandarts|operatie|chirurg|dokter|huisarts|arts|schoonheidsspecialist*|pedicure|nagels`),
    reach: 8,
    acute: "never",
  }),
  // A child told of a grown-up touching their private parts: "de buurman zit aan zijn plassertje als hij daar speelt".
  rule("sexual.child-touched", {
    also: ["violence"],
    all: ["aan zijn plasser*|aan haar plasser*|aan zijn piemel*|aan zijn geslachtsdeel|aan haar geslachtsdeel|aan haar poes*|aan haar vagina|aan zijn penis|tussen haar benen|in haar broek|in zijn broek|aan haar borst*|his private parts|her private parts"],
    unless: pattern(`${MEDIA.source}|dokter|arts|huisarts|consultatiebureau|verschon*|luier|wassen|in bad|plassen|wc|zindelijk|potje|zelf|zichzelf|ontdekt|ontdekken|nieuwsgierig|onderzoek|ontstoken|jeuk|pijn bij het plassen|rits`),
    reach: 8,
    negatable: false,
  }),
  // Sex for a place to sleep: "ik heb voor een slaapplek met iemand moeten slapen".
  rule("sexual.for-shelter", {
    all: ["voor een slaapplek|voor een slaapplaats|voor onderdak|voor een bed|voor een dak|om te mogen blijven|om te mogen slapen|for a place to sleep|for a bed|for a roof", "met ~ moeten slapen|moeten slapen met|met ~ slapen|met ~ naar bed|seks|sex|sleep with"],
    scope: "message",
    unless: "kind|kinderen|dochter|zoon|baby|hond|kat|knuffel|logeer*|logeren|bank|matras|slaapzak|zus|broer|moeder|vader|oma|opa|vriendin ~ bank",
    reach: 12,
    negatable: false,
  }),
  // Someone lying and not moving, or hit and on the road: "my neighbour is lying in the snow not moving", "aangereden en lig op de weg".
  rule("danger.lying-still", {
    all: ["ligt ~ beweegt niet|ligt ~ ~ beweegt niet|ligt ~ niet meer bewegen|beweegt niet meer|lying ~ not moving|lying ~ ~ not moving|lying ~ ~ ~ not moving|is not moving|aangereden|ben aangereden|word aangereden|hit by a car", "ligt|lig|op de weg|op straat|in de sneeuw|op de grond|kan niet opstaan|kan niet meer opstaan|lying|on the road|in the snow|cannot get up|buurman|buurvrouw|iemand|een man|een vrouw|mijn vader|mijn moeder|neighbour|neighbor|someone|a man|a woman"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|vorige week|vorig jaar|geleden|gisteren|toen|hond|kat|konijn|vogel|egel|hert|speelt|slaapt ~ gewoon|sneeuwengel|zonnebaden|yoga|oefening|ehbo|cursus`),
    reach: 16,
    acute: "always",
    negatable: false,
  }),
  // A child attacked by a dog now: "een hond valt mijn kind aan in het park".
  rule("danger.dog-attack", {
    all: ["hond ~ valt ~ ~ aan|hond ~ vliegt ~ aan|dog ~ attacking|dog is attacking|is being attacked by a dog"],
    unless: pattern(`${MEDIA.source}|vorige week|vorig jaar|geleden|gisteren|vroeger|speelt|spelen|speels|knuffel|bal|speelgoed|postbode|bezorger|brief|boete|aangifte|verzekering|training|cursus|bang dat`),
    reach: 12,
    acute: "always",
    negatable: false,
  }),
  rule("danger.dog-attack", {
    all: ["hond ~ bijt|gebeten door ~ hond|hond heeft ~ gebeten|dog ~ biting|dog bit", "help|nu|bloedt|bloed|ambulance|112|stopt niet|blood|bleeding"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|vorige week|vorig jaar|geleden|gisteren|vroeger|speelt|spelen|speels|knuffel|bal|speelgoed|puppy ~ bijt|tandjes|postbode|bezorger|brief|boete|aangifte|verzekering`),
    reach: 16,
    acute: "always",
    negatable: false,
  }),
  // Sex demanded for a job or a contract: "ik krijg mijn contract als ik met hem naar bed ga".
  rule("sexual.for-a-job", {
    all: ["als ik met hem naar bed ga|als ik met hem slaap|als ik seks met hem|als ik met hem ~ naar bed|if i sleep with him|if i have sex with him", "contract|baan|werk|baas|werkgever|huur|huisbaas|promotie|job|boss|rent|landlord"],
    scope: "message",
    reach: 16,
    negatable: false,
  }),
  // Robbers here now, the writer hiding: "er zijn overvallers in de winkel, ik zit in het magazijn verstopt".
  rule("danger.robbery", {
    all: ["overvallers|overvaller|overval ~ bezig|worden overvallen|word overvallen|wordt overvallen|gewapende man*|robbers|being robbed|armed man|armed men", "verstopt|verstop|hiding|hide|nu|help|112|politie|binnen|in de winkel|hier"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|gisteren|vorige week|vorig jaar|geleden|vroeger|aangifte|verzekering|getuige|rechtszaak`),
    reach: 14,
    acute: "always",
    negatable: false,
  }),
  // Kept from family, the phone taken along: "ik mag geen contact met mijn familie, hij neemt mijn telefoon mee".
  rule("violence.control", {
    // The rare pattern first: a rule whose first pattern is nowhere costs nothing more.
    all: ["neemt mijn telefoon ~ mee|neemt ~ telefoon mee|pakt mijn telefoon af|houdt mijn telefoon|mag geen contact|mag niemand zien|mag niet naar buiten|mag mijn familie niet|mag mijn vriendinnen niet|sluit me op|sluit mij op|typ dit stiekem|schrijf dit stiekem|stiekem op de laptop|mag niet weten dat ik|takes my phone|not allowed to see|locks me in", "hij|mijn man|mijn vriend|mijn partner|he|my husband|my boyfriend"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|straf|huisarrest|huiswerk|school|gamen|juf|meester|mijn vader|mijn moeder|corona|quarantaine|ziekenhuis|dokter|oplader|verrassing|cadeau|kado|kapot|de zijne|zijn eigen|lenen|leent|opladen|repareren|reparatie`),
    reach: 16,
    acute: "never",
    negatable: false,
  }),
  // Hurt told by its marks, and by who did it: "mijn vingers zijn nog gezwollen van toen hij de deur erop dichtsloeg".
  rule("violence.injured-by", {
    all: ["gezwollen|blauw|gebroken|kapot|dik|gekneusd|bloedt|bloedde|swollen|bruised|broken|bleeding", "vingers|vinger|hand|arm|armen|lip|oog|neus|ribben|pols|gezicht|kaak|tand|tanden|fingers|eye|nose|ribs|wrist|face", "van toen hij|toen hij|door hem|hij heeft|hij deed|dichtsloeg|dicht sloeg|when he|because he"],
    scope: "message",
    together: 2,
    unless: pattern(`${MEDIA.source}|gevallen|viel|val|bal|sport|voetbal|training|ongeluk|fiets|tandarts|operatie|dokter|mijn zoon|mijn dochter|de hond|de kat|hij viel|speelde|spelen|wesp|bij`),
    reach: 16,
    acute: "never",
  }),
  // Hurt by him again: "hij heeft me weer pijn gedaan".
  rule("violence.hurts", {
    all: ["heeft me ~ pijn gedaan|heeft mij ~ pijn gedaan|doet me ~ pijn|deed me ~ pijn|hurt me again|hurts me|hurt me", "hij|mijn man|mijn vriend|mijn ex|mijn vader|mijn partner|he|my husband|my boyfriend"],
    window: 8,
    unless: pattern(`${MEDIA.source}|tandarts|fysio*|dokter|arts|masseur|kapper|met wat hij zei|met zijn woorden|woorden|gevoelens|verdriet|toen hij wegging|uit elkaar|vreemdgegaan|vreemd gegaan|per ongeluk|spelen|stoeien|tackle|heart|feelings`),
    reach: 6,
    acute: "never",
  }),
  // Forced, told after the fact with what followed: "ik ben naar de huisarts geweest voor een soa test. hij heeft me die avond toch gedwongen".
  rule("sexual.forced-told", {
    all: ["heeft me ~ gedwongen|heeft mij ~ gedwongen|heeft me ~ ~ gedwongen|heeft mij ~ ~ gedwongen|dwong me|dwong mij|forced me", "soa*|soa test|soatest|morning after*|morningafterpil|zwangerschapstest|condoom|seks|sex|verkracht*|misbruikt"],
    scope: "message",
    unless: pattern(`${MEDIA.source}|sollicit*|te werken|naar school|te eten|op te ruimen|huiswerk|sporten|te stoppen|stoppen met|hulp te zoeken|naar de dokter`),
    reach: 12,
    negatable: false,
  }),
  // The police called on us, then played down: "de buren hebben de politie gebeld vanwege ons. het was niet zo erg als het klonk".
  rule("violence.police-minimised", {
    all: [
      "politie|agenten|wijkagent|police",
      "vanwege ons|om ons|over ons|bij ons|op ons|because of us|on us",
      "niet zo erg|viel ~ mee|valt ~ mee|stelde niks voor|stelde niets voor|was niks|was niets|niks aan de hand|niets aan de hand|overdreven|overdrijven|klonk ~ erger|not that bad|nothing happened",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|feest*|muziek|verjaardag|party|barbecue|bbq|hond|blaf*|verbouwing|klussen|boren|auto|parkeren|fiets|vuurwerk|inbraak|ingebroken|gestolen|diefstal|getuige*|gezien|vragen of|vroeg of|buurtonderzoek|vermist*|ongeluk|aanrijding|music|dog`),
    reach: 30,
    negatable: false,
  }),
  // An injury kept from questions: "mijn lip is gescheurd en ik wil niet dat mensen vragen gaan stellen".
  rule("violence.injury-hidden", {
    all: [
      "lip ~ gescheurd|lip ~ kapot|lip ~ dik|gescheurde lip|dikke lip|blauw oog|blauwe ogen|oog ~ dicht|blauwe plekken|blauwe plek|bont en blauw|gezicht ~ dik|wang ~ dik|gezicht ~ zag er niet uit|gezicht ~ ziet er niet uit|gezicht ~ zag er ~ uit|split lip|black eye|bruises",
      "vragen ~ stellen|vragen gaan stellen|niet dat ~ ziet|niet dat ~ zien|niet dat mensen|mag niemand ~ zien|niemand mag ~ zien|laat ~ niet zien|make up ~ over|make up op|camoufl*|verbergen|verbergt|verstoppen|zonnebril ~ op|ask questions|nobody can see|no one can see",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|voetbal*|wedstrijd|bal|fiets*|trap|tandarts|operatie|ziekenhuis|allergie|wesp|mug|boksen|kickboks*|judo|hockey*|rugby|sport*|training|schmink*|halloween|carnaval|toneel|puist*|herpes|koortslip`),
    reach: 30,
    negatable: false,
  }),
  // Not let to work or have one's own account: "is het normaal dat je man je niet laat werken en dat je geen eigen rekening mag hebben".
  rule("violence.control", {
    // The rare pattern first: a rule whose first pattern is nowhere costs nothing more.
    all: [
      "niet laat werken|laat ~ niet werken|mag ~ niet werken|geen eigen rekening|geen eigen bankrekening|geen eigen pinpas|mag ~ geen ~ rekening|mag ~ geen ~ pinpas|neemt ~ pinpas af|pakt ~ loon af|pakt ~ salaris af|houdt ~ salaris|not let me work|own bank account",
      "man|vriend|partner|echtgenoot|schoonfamilie|schoonmoeder|hij|husband|boyfriend|he",
    ],
    window: 14,
    unless: pattern(`${MEDIA.source}|baas|werkgever|uwv|gemeente|bewind*|budgetbeheer|schuldhulp|minderjarig|ziek|zwanger|verlof|arts|dokter|rugklachten|rug`),
    reach: 8,
    negatable: false,
  }),
  // Kept from sleeping: "hij laat me niet slapen, elke nacht maakt hij me wakker".
  rule("violence.control", {
    all: ["laat me niet slapen|laat mij niet slapen|mag ~ niet slapen van|houdt me ~ wakker ~ nacht|houdt me ~ wakker ~ nachten|maakt me ~ wakker ~ schreeuw*|does not let me sleep|keeps me awake", pattern(PERSON_WORDS)],
    window: 10,
    unless: pattern(`${MEDIA.source}|baby|kind|kindje|zoontje|dochtertje|tandjes|koffie|cola|zorgen|piekeren|gedachten|hond|kat|buren|muziek|feest|snurk*|snoring|teething`),
    reach: 8,
    negatable: false,
  }),
  // Punished at home: "als ik te laat thuis ben dan krijg ik het thuis".
  rule("violence.punished-home", {
    all: ["krijg ik het ~ thuis|krijg ik ervan langs|krijg ik er van langs|krijg ik klappen|krijg ik slaag|krijg ik een pak slaag|krijg ik op mijn donder ~ thuis|i get it at home|i get beaten|i will get hit"],
    unless: "preek|huisarrest|zakgeld|inleveren|snoep|cadeau|pakketje|post|bezorgd|gezellig|eten",
    reach: 8,
    negatable: false,
  }),
  // Said half, the sentence broken off: "mannen hebben mij... je weet wel".
  rule("sexual.unsaid", {
    all: [
      "mannen hebben mij $|mannen hebben me $|man heeft mij $|man heeft me $|hij heeft mij $|hij heeft me $|ze hebben mij $|ze hebben me $|heeft hij mij $|heeft hij me $|men ~ me $|he ~ me $",
      "^ je weet wel|^ je snapt het wel|^ je begrijpt het wel|^ snap je|^ weet je wel|^ you know",
    ],
    scope: "message",
    unless: "geholpen|gebeld|geappt|geld|geleend|betaald|gebracht|opgehaald|uitgenodigd|meegenomen|gevraagd|helped|called",
    reach: 20,
    negatable: false,
  }),
  // Touched where one should not be: "de fysio deed zijn hand waar het niet hoort".
  rule("sexual.touched-where", {
    all: ["hand ~ waar ~ niet hoort|hand ~ waar ~ niet mag|hand ~ waar ~ niet hoorde|hand ~ waar ~ niet mocht|handen ~ waar ~ niet horen|handen ~ waar ~ niet mogen|aan me ~ waar ~ niet|aan mij ~ waar ~ niet|aangeraakt waar|raakte me aan waar|raakt me aan waar|raakte mij aan waar|zat aan ~ waar|zit aan ~ waar|touched me where|hands where they should not"],
    unless: "per ongeluk|ongeluk|sorry zei|excuses|massage ~ rug",
    reach: 8,
    negatable: false,
  }),
  // Armed men coming: "de jongens van de dealer komen vanavond langs voor het geld. ze hebben een pistool laten zien".
  rule("danger.armed-threat", {
    all: [
      "pistool ~ laten zien|pistool ~ zien|liet ~ pistool|lieten ~ pistool|pistool ~ getoond|toonde ~ pistool|vuurwapen ~ laten zien|wapen ~ laten zien|liet ~ wapen|lieten ~ wapen|wapen ~ getoond|mes ~ laten zien|liet ~ mes|lieten ~ mes|trok ~ mes|trokken ~ mes|trok ~ pistool|trokken ~ pistool|zwaaide ~ met ~ mes|zwaaide ~ met ~ pistool|zwaaiden ~ met|showed ~ gun|showed ~ knife|pulled ~ gun|pulled ~ knife",
      "komen ~ langs|komen ~ terug|komt ~ langs|komt ~ terug|komen ~ halen|komt ~ halen|vanavond|vannacht|morgen|straks|voor het geld|schuld|dreig*|coming|tonight",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|waterpistool|speelgoed*|nerf|airsoft|paintball|schietvereniging|jacht|jager|museum|open dag|agent|beveiliger|leger|militair|keuken|koken|groente|cadeau|vissen|kamperen|zakmes|verzameling|collectie|toy`),
    reach: 30,
    negatable: false,
  }),
  // Sex demanded for work, said as going along somewhere: "ik krijg contract als ik met hem mee ga naar hotel", "ik moet bij hem komen 's avonds anders geen werk".
  rule("sexual.for-a-job", {
    all: [
      "als ik bij hem kom slapen|als ik bij hem blijf slapen|als ik bij hem slaap|if i sleep at his|mee ga naar ~ hotel|mee naar ~ hotel|mee ga naar zijn ~ auto|mee naar zijn ~ auto|mee ga naar zijn huis|mee naar zijn huis|bij hem komen ~ avonds|bij hem komen ~ nacht|bij hem kom ~ avonds|naar zijn huis komen ~ avonds|to his hotel|to his car",
      "contract|baan|werk|uren|geld|anders geen|helpen|help|brieven|schuld*|papieren|huur|job|hours|money",
    ],
    scope: "message",
    unless: "verhuizen|verhuizing|klussen|klus|sleutel*|feest|verjaardag|vergadering|training|cursus|collega*|met zijn vrouw|zijn vrouw|helpen",
    reach: 20,
    negatable: false,
  }),
  // Sex demanded with a threat: "hij zegt als ik niet met hem slaap, hij belt IND".
  rule("sexual.coerced", {
    all: ["als ik niet met hem slaap|als ik niet met hem naar bed|als ik niet met hem ~ naar bed ga|als ik geen seks|als ik niet ~ seks met hem|als ik niet wil slapen met|if i do not sleep with him|if i dont sleep with him"],
    unless: "grapje|haha",
    reach: 4,
    negatable: false,
  }),
  // Said half, of a camp or a journey: "in het kamp in Libië mannen hebben... ik kan niet slapen nog steeds".
  rule("sexual.unsaid", {
    all: [
      "mannen hebben $|mannen hebben mij $|mannen hebben me $|soldaten hebben $|smokkelaars hebben $|bewakers hebben $|ze hebben mij $|ze hebben me $|men ~ me $|they ~ me $",
      "kamp|gevangenis|op de reis|onderweg|libie|libya|smokkel*|soldaten|bewakers|grens|camp|prison|journey",
    ],
    scope: "message",
    unless: "geholpen|gebeld|geld|geleend|betaald|gebracht|opgehaald|meegenomen|gered|eten gegeven|helped|saved",
    reach: 20,
    negatable: false,
  }),
  // A goal that he stops hitting: "doel: dat mijn man niet meer slaat".
  rule("violence.wished-stopped", {
    all: ["dat mijn man ~ niet meer ~ slaat|dat hij ~ niet meer ~ slaat|dat hij ~ stopt met slaan|dat mijn man ~ stopt met slaan|dat hij ~ ophoudt met slaan|dat mijn man ~ niet meer ~ schopt|dat hij ~ niet meer ~ schopt|dat hij me niet meer ~ pijn doet|dat mijn man ~ me niet meer ~ pijn doet|stops hitting me|stop hitting me"],
    unless: "op school|voetbal|andere kinderen|klasgenoot|tennis|golf|bal",
    reach: 6,
    negatable: false,
  }),
  // Messages without end and waiting where one works: "mijn ex stuurt 50 berichten per dag en staat bij mijn werk".
  rule("violence.stalking", {
    all: [
      "#many berichten|berichten per dag|#many keer ~ gebeld|belt ~ de hele dag|appt ~ de hele dag|blijft ~ appen|blijft ~ bellen|messages a day|texts ~ all day",
      "staat bij|staat ~ voor|wacht ~ bij|wacht ~ op mij|wacht me op|volgt me|staat ~ elke dag|stands outside|waits for me|follows me",
    ],
    scope: "message",
    unless: "werkgever|baas|klantmanager|gemeente|deurwaarder|incasso*|bank|reclame|spam|groepsapp|groep|collega*|pakketje|bezorger",
    reach: 20,
    negatable: false,
  }),
  // Frisian: "ik woe it net, mar hy die it dochs" (I did not want it, but he did it all the same).
  rule("sexual.frisian", {
    all: ["woe it net ~ die it dochs|woe it net ~ dochs|woe net ~ die it dochs|wou it net ~ die it dochs"],
    reach: 4,
    acute: "never",
    negatable: false,
  }),
  // A hand raised to a child, afraid of oneself: "ik heb mijn hand opgeheven naar mijn dochter. niet geslagen. maar het scheelde weinig".
  rule("violence.i-hurt-child", {
    all: [
      "mijn dochter|mijn zoon|mijn kind*|de kinderen|mijn kleine|my daughter|my son|my kid*",
      "hand ~ opgeheven|hand ~ geheven|bijna geslagen|bijna ~ geslagen|bijna een klap|bijna een tik|bijna een mep|scheelde weinig|scheelde niet veel|bang voor mezelf|afraid of myself|almost hit",
    ],
    scope: "message",
    unless: "gehad|kreeg|gekregen|bal|fiets|viel|gevallen|auto|voetbal|op school|klasgenoot|juf|meester|high five|zwaaien|gezwaaid|vinger ~ opgestoken",
    reach: 20,
    negatable: false,
  }),
  // Children who hide when their father comes home: what they hide from is violence at home.
  rule("violence.children-hide", {
    all: [
      `${MY_CHILD}|de kinderen|mijn kinderen|de kids|de kleintjes|de kleine|my kids|the kids|the children`,
      "onder de tafel|onder tafel|onder het bed|onder bed|in de kast|verstoppen|verstopt|verstoppen zich|kruipen weg|wegkruipen|kruipen ~ onder|hide|hiding",
      "als papa ~ thuis*|als hij ~ thuis*|als mijn man ~ thuis*|als hun vader ~ thuis*|als hun papa ~ thuis*|als hij binnenkomt|als papa binnenkomt|als hij dronken|als hij boos|als hij schreeuwt|when dad ~ home|when daddy ~ home|when he comes home|when he gets home",
    ],
    scope: "message",
    together: 2,
    unless: "verstoppertje|spelletje|spel|spelen|cadeau*|verrassing|surprise|hide and seek|sinterklaas|pakjes|verjaardag|grapje|lachen",
    reach: 20,
    negatable: false,
  }),
  // A threat to kill said as a name: "mijn ex zei dat ik een dode vrouw ben".
  rule("violence.threat-kill", {
    all: ["een dode vrouw|een dode man|ben je dood|dead woman|dead man walking", "zei|zegt|zeggen|dreigt|dreigde|riep|schreeuwde|appte|appt|stuurde|said|says|texted"],
    window: 12,
    unless: pattern(`${MEDIA.source}|${JEST.source}|boek|film|serie|game|spel`),
    reach: 8,
    negatable: false,
  }),
  // A gun found in the home: "mijn zoon heeft een pistool in zijn kamer liggen".
  rule("danger.weapon-found", {
    all: [
      "pistool|vuurwapen|revolver|geweer|gun|handgun",
      "in zijn kamer|in haar kamer|tussen zijn kleren|tussen haar kleren|in zijn tas|in haar tas|onder zijn bed|onder haar bed|in de kast|gevonden|vond|found",
      "mijn zoon|mijn dochter|mijn kind|mijn man|mijn vriend|mijn broer|my son|my husband|my brother",
    ],
    scope: "message",
    unless: pattern(`${MEDIA.source}|speelgoed*|nerf|waterpistool|airsoft|plastic|game|fortnite|schietvereniging|jacht|jager|nep|carnaval|toy|lijmpistool|verfpistool|kitpistool|nietpistool`),
    reach: 20,
    acute: "always",
    negatable: false,
  }),
  // A child drawn into secret games: "de buurman geeft mn dochter van 6 snoep ... hij leert haar 'geheime spelletjes'".
  rule("sexual.grooming", {
    also: ["violence"],
    all: [
      "geheime spelletjes|geheim spelletje|geheime spelletje|ons geheimpje|ons geheim|mag het niet vertellen|niet aan mama vertellen|niet aan papa vertellen|secret games|our secret",
      "mijn dochter|mijn zoon|mijn kind*|mijn meisje|haar|hem|kinderen|my daughter|my son",
      "buurman|oom|opa|trainer|meester|man|oppas|vriend van|hij|stiefvader|stiefopa|stiefbroer|neighbour|uncle|he|him|stepfather|stepdad|grandpa|coach",
    ],
    scope: "message",
    unless: "verjaardag|verrassing|cadeau*|sinterklaas|surprise|kerst*|feestje|taart|speurtocht|escape room|birthday|surprise party",
    reach: 24,
    negatable: false,
  }),
  // Strangled: "hij heeft mijn keel dichtgeknepen". Laughter does not lighten it (STRANGLED in detect.ts).
  rule("violence.strangled", {
    all: [pattern(PERSON_WORDS), "mijn keel ~ dichtgeknepen|mijn keel ~ dicht ~ geknepen|mijn keel ~ dichtgedrukt|handen om mijn keel|hand om mijn keel|mijn keel ~ vastgepakt|mijn keel ~ vast gepakt|me ~ gewurgd|mij ~ gewurgd|wurgde me|wurgde mij|wurgt me|wurgt mij|choked me|strangled me|chokes me"],
    window: 10,
    unless: pattern(`${MEDIA.source}|kickboks*|judo|jiu jitsu|mma|worstel*|training|sparring*|verslikt|snoepje|hapje|keelpijn|angina|allergie|paniekaanval`),
    reach: 6,
  }),
  // A parent who wants to hurt a small child and is frightened by it: "ik word gek van die kleine, soms wil ik hem echt pijn doen en dan schrik ik".
  rule("violence.parent-urge", {
    all: [
      WANT,
      "hem|haar|het|him|her|it",
      "pijn doen|pijn ~ doen|slaan|iets aandoen|wat aandoen|door elkaar schudden|door elkaar ~ schudden|hurt|shake|hit",
      `${MY_CHILD}|die kleine|de kleine|dat kind|mijn jongste|mijn oudste|the baby|the little one`,
      "schrik|schrok|eng|bang|afraid|scared|frightens me|weet niet wat ik doe|word gek|gek van|ik kan niet meer|cannot take it",
    ],
    scope: "message",
    together: 3,
    window: 6,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|grapje|haha|speel*|kietel*|knuffel*|bal|kussen*|wespen|mug*|vlieg`),
    reach: 30,
    negatable: false,
  }),
  // Hit, counted as if it were little: "een 3. wat het geen 2 maakt is dat hij deze week maar 1 keer heeft geslagen".
  rule("violence.hits-counted", {
    all: ["hij|zij|mijn man|mijn vrouw|mijn vriend|mijn vriendin|mijn partner|mijn ex|he|she", "maar ~ keer ~ geslagen|maar 1 keer ~ geslagen|maar een keer ~ geslagen|minder ~ geslagen|weer ~ geslagen|keer ~ geslagen deze week|deze week ~ keer ~ geslagen|only hit me once|hit me ~ times"],
    window: 10,
    unless: pattern(`${HIT_IDIOM.source}|${MEDIA.source}|klok|slag|tennis|golf|bal|munt|alarm|op de vlucht|toe|beslag|wedstrijd|boks*|kickboks*|training|trommel|drum*|piano|hamer|spijker`),
    reach: 8,
    negatable: false,
  }),
];

/** Words that make a violence or sexual-violence message danger now: 112 first. */
export const DANGER_NOW = pattern(
  `${SOON.source}|${HERE.source}|hier|gisteravond|vanochtend|last night|this morning|komt terug|komt ~ thuis|komt ~ naar huis|op weg|onderweg|on his way|on her way|typ stiekem|stiekem ~ typ*|stiekem ~ app*|stiekem ~ bericht*|typing secretly|secretly typing|hij slaapt nu|terwijl hij slaapt|fluister*`,
);
