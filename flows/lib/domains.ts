/**
 * The life domains of the self-reliance matrix (METHOD.md section 4) as the client sees them:
 * plain words with an emoji each (`clarifying.domain.<id>` in locales), never all at once. The
 * ids are ours; the words a client may type for each are below (Dutch and English, chat spelling).
 */
import { normalise } from "./parse.js";

export const DOMAINS = [
  "money",
  "work",
  "housing",
  "home",
  "mind",
  "body",
  "drugs",
  "selfcare",
  "household",
  "network",
  "joining",
  "justice",
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Buttons shown at once; the last row says "meer". */
export const DOMAINS_PER_PAGE = 4;
export const DOMAIN_PAGES = Math.ceil(DOMAINS.length / DOMAINS_PER_PAGE);

const WORDS: Record<Domain, string[]> = {
  money: ["geld", "schuld", "schulden", "rekening", "rekeningen", "uitkering", "betalen", "rood", "money", "debt", "debts", "bills"],
  work: ["werk", "baan", "dagbesteding", "werken", "vrijwilligerswerk", "solliciteren", "job", "work"],
  housing: ["wonen", "woning", "huis", "huur", "dakloos", "kamer", "housing", "house", "rent"],
  home: ["thuis", "relatie", "relaties", "partner", "kinderen", "kind", "gezin", "vriend", "vriendin", "vrouw", "man", "family", "relationship"],
  mind: ["hoofd", "piekeren", "somber", "angst", "bang", "stress", "depressie", "slapen", "mind", "worry", "anxious"],
  body: ["lijf", "lichaam", "gezondheid", "pijn", "ziek", "dokter", "huisarts", "health", "body", "sick"],
  drugs: ["drank", "drugs", "alcohol", "blowen", "wiet", "gokken", "drinken", "roken", "drinking"],
  selfcare: ["zorgen voor mezelf", "voor jezelf zorgen", "voor mezelf zorgen", "eten", "wassen", "douchen", "koken", "selfcare", "self care"],
  household: ["huishouden", "schoonmaken", "opruimen", "post", "papieren", "brieven", "administratie", "boodschappen", "household", "cleaning"],
  network: ["mensen om me heen", "mensen om je heen", "netwerk", "eenzaam", "alleen", "vrienden", "contact", "friends", "lonely"],
  joining: ["meedoen", "buurt", "club", "sport", "vereniging", "activiteit", "activiteiten", "cursus", "join", "joining"],
  justice: ["politie", "justitie", "boete", "boetes", "rechter", "reclassering", "police", "fine", "court"],
};

/** The domain a typed answer names, when it names exactly one; null otherwise. */
export function domainIn(text: string): Domain | null {
  const t = ` ${normalise(text)} `;
  const hits = DOMAINS.filter((d) => WORDS[d].some((w) => t.includes(` ${normalise(w)} `)));
  return hits.length === 1 ? (hits[0] as Domain) : null;
}

export function isDomain(value: unknown): value is Domain {
  return typeof value === "string" && (DOMAINS as readonly string[]).includes(value);
}
