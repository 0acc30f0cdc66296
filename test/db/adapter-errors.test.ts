/**
 * Database errors through Prisma carry PostgreSQL's SQLSTATE on PGlite as on PostgreSQL: a unique
 * violation is P2002 with 23505 in its driver error, a raw query's failure names its code instead
 * of "Code: N/A".
 */
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, type TestDb } from "../support/db.js";

let t: TestDb | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

interface DriverCause {
  kind: string;
  originalCode?: string;
  originalMessage?: string;
}

function driverCause(err: unknown): DriverCause | undefined {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const d = (err.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined)?.driverAdapterError;
  return d?.cause;
}

const databases = [
  { name: "PGlite", open: () => freshEmbeddedDb(), skip: false },
  { name: "PostgreSQL", open: () => freshPostgresDb(), skip: !pgAvailable() },
];

describe.each(databases)("database errors on $name", ({ open, skip }) => {
  it.skipIf(skip)("a unique violation is P2002 with SQLSTATE 23505, inside and outside a transaction", async () => {
    t = await open();
    const prisma = t.db.prisma;
    await prisma.organisation.create({ data: { name: "Coachteam Noord", kind: "COACH_TEAM" } });

    const plain = await prisma.organisation.create({ data: { name: "Coachteam Noord", kind: "COACH_TEAM" } }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((plain as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(driverCause(plain)).toMatchObject({ kind: "UniqueConstraintViolation", originalCode: "23505" });
    expect(driverCause(plain)?.originalMessage).toContain("Organisation_name_key");

    const inTx = await prisma
      .$transaction(async (tx) => tx.organisation.create({ data: { name: "Coachteam Noord", kind: "COACH_TEAM" } }))
      .catch((e: unknown) => e);
    expect((inTx as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(driverCause(inTx)?.originalCode).toBe("23505");
    expect(await prisma.organisation.count()).toBe(1);
  });

  it.skipIf(skip)("a failing raw query names its SQLSTATE and message", async () => {
    t = await open();
    const err = await t.db.prisma.$executeRawUnsafe("SELECT 1/0").catch((e: unknown) => e);
    expect((err as Prisma.PrismaClientKnownRequestError).code).toBe("P2010");
    expect((err as Error).message).toContain("Code: `22012`");
    expect((err as Error).message).toContain("division by zero");
    expect((err as Error).message).not.toContain("N/A");
  });

  it.skipIf(skip)("a foreign key violation is P2003", async () => {
    t = await open();
    const err = await t.db.prisma.member
      .create({ data: { organisationId: "00000000-0000-4000-8000-000000000000", name: "Petra", role: "PARTNER" } })
      .catch((e: unknown) => e);
    expect((err as Prisma.PrismaClientKnownRequestError).code).toBe("P2003");
    expect(driverCause(err)?.originalCode).toBe("23503");
  });
});
