/**
 * Strings as PostgreSQL and Prisma can take them. A JSON body can carry escapes no real client
 * sends: a lone UTF-16 surrogate ("\ud800") makes Prisma's query compiler refuse the whole query
 * ("JSON Error: lone leading surrogate"), and NUL is refused by PostgreSQL's text and jsonb. Both
 * become U+FFFD, the replacement character, at the edges (Telegram updates, Slack requests) and
 * in audit rows.
 */
const NOT_STORABLE = new RegExp(`${String.fromCharCode(0)}|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`, "g");

export function wellFormed(text: string): string {
  return text.replace(NOT_STORABLE, "\ufffd");
}

/** The same value with every string in it (keys too) well formed; other values untouched. */
export function wellFormedDeep<T>(value: T, depth = 0): T {
  if (typeof value === "string") return wellFormed(value) as T;
  if (depth > 64 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormedDeep(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedDeep(v, depth + 1)])) as T;
}
