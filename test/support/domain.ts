/**
 * What the domain tests on the embedded database share: one database for the file (made before
 * its tests, removed after), a client's row read back, and a day in milliseconds.
 */
import { dbForFile, freshEmbeddedDb } from "./db.js";

export const DAY = 86_400_000;

/** Call at the top of a test file. */
export function embeddedFile() {
  const file = dbForFile(freshEmbeddedDb);
  return { file, clientRow: (id: string) => file.db.prisma.client.findUniqueOrThrow({ where: { id } }) };
}
