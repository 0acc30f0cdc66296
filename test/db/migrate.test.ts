import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, onTestFinished, test } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { freshEmbeddedDb, freshPostgresDb, pgAvailable, pgSkipReason, type FreshDbOptions, type TestDb } from "../support/db.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The migrations on disk, oldest first, with the checksum Prisma records: sha256 of the file. */
const MIGRATIONS = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
  .sort()
  .map((name) => ({
    name,
    checksum: createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
  }));
const NAMES = MIGRATIONS.map((m) => m.name);

interface Backend {
  name: string;
  available: boolean;
  fresh(options?: FreshDbOptions): Promise<TestDb>;
}

const backends: Backend[] = [
  { name: "embedded PGlite", available: true, fresh: freshEmbeddedDb },
  { name: "PostgreSQL", available: pgAvailable(), fresh: freshPostgresDb },
];

/** A fresh database that is removed when the test finishes. */
async function use<T extends TestDb>(made: Promise<T>): Promise<T> {
  const t = await made;
  onTestFinished(() => t.cleanup());
  return t;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const selectMigrationRows = `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
  FROM "_prisma_migrations" ORDER BY migration_name`;

test("there is at least one migration", () => {
  expect(NAMES.length).toBeGreaterThan(0);
});

describe.each(backends)("$name", (backend) => {
  const title = backend.available ? "migrations" : `migrations (skipped: ${pgSkipReason()})`;

  describe.skipIf(!backend.available)(title, () => {
    test("apply on an empty database", async () => {
      const { db } = await use(backend.fresh({ migrated: false }));
      const tables = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables[0]?.n).toBe(0);

      expect(await db.migrate()).toEqual({ applied: NAMES, alreadyApplied: 0 });
      expect(await db.prisma.organisation.count()).toBe(0);
    });

    test("a second run applies nothing", async () => {
      const { db } = await use(backend.fresh());
      expect(await db.migrate()).toEqual({ applied: [], alreadyApplied: NAMES.length });
      expect(await db.sql.query(selectMigrationRows)).toHaveLength(NAMES.length);
    });

    test("_prisma_migrations holds the checksums Prisma computes (sha256 of migration.sql)", async () => {
      const { db } = await use(backend.fresh());
      const rows = await db.sql.query<MigrationRow>(selectMigrationRows);
      expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(MIGRATIONS);
      for (const row of rows) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    });

    test("a migration changed after it was applied is refused", async () => {
      const { db } = await use(backend.fresh());
      const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "migrations-"));
      onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
      fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const first = MIGRATIONS[0]!.name;
      fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited afterwards\n");

      await expect(applyMigrations(db.sql, dir)).rejects.toThrow(
        `Migration ${first} was changed after it was applied. Add a new migration instead.`,
      );
      const rows = await db.sql.query<MigrationRow>(selectMigrationRows);
      expect(rows.map((r) => r.checksum)).toEqual(MIGRATIONS.map((m) => m.checksum));
    });

    /** A folder of migrations named like Prisma's, made for one test. */
    function migrationDir(migrations: Record<string, string>): string {
      const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "migrations-"));
      onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
      for (const [name, sql] of Object.entries(migrations)) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
      }
      return dir;
    }

    const MOOD_A = `CREATE TYPE "Mood" AS ENUM ('CALM');`;
    const MOOD_B = `ALTER TYPE "Mood" ADD VALUE 'GLAD';`;
    const MOOD_C = `CREATE TABLE "Feeling" ("id" SERIAL PRIMARY KEY, "mood" "Mood" NOT NULL DEFAULT 'GLAD');
INSERT INTO "Feeling" ("mood") VALUES ('GLAD');`;

    test("each migration commits on its own: a later one uses the enum value an earlier one added", async () => {
      const { db } = await use(backend.fresh({ migrated: false }));
      const dir = migrationDir({ "20260101000000_a": MOOD_A, "20260101000001_b": MOOD_B, "20260101000002_c": MOOD_C });

      expect(await applyMigrations(db.sql, dir)).toEqual({
        applied: ["20260101000000_a", "20260101000001_b", "20260101000002_c"],
        alreadyApplied: 0,
      });
      expect(await db.sql.query(`SELECT mood::text AS mood FROM "Feeling"`)).toEqual([{ mood: "GLAD" }]);
      expect(await applyMigrations(db.sql, dir)).toEqual({ applied: [], alreadyApplied: 3 });
    });

    test("a failing migration is rolled back alone, named in the error; the earlier ones stay applied", async () => {
      const { db } = await use(backend.fresh({ migrated: false }));
      const dir = migrationDir({
        "20260101000000_a": MOOD_A,
        "20260101000001_b": MOOD_B,
        "20260101000002_broken": `CREATE TABLE "Half" ("id" INT);\nSELECT * FROM "NoSuchTable";`,
        "20260101000003_d": `CREATE TABLE "Later" ("id" INT);`,
      });

      await expect(applyMigrations(db.sql, dir)).rejects.toThrow(
        /^Migration 20260101000002_broken failed and was rolled back \(applied before it: 20260101000000_a, 20260101000001_b\): .*NoSuchTable/,
      );
      const rows = await db.sql.query<MigrationRow>(selectMigrationRows);
      expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_a", "20260101000001_b"]);
      const tables = await db.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Half', 'Later')`,
      );
      expect(tables).toEqual([]);
      const labels = await db.sql.query<{ v: string }>(`SELECT unnest(enum_range(NULL::"Mood"))::text AS v`);
      expect(labels.map((l) => l.v)).toEqual(["CALM", "GLAD"]);

      // Fixed, the next run goes on from the failed one.
      fs.writeFileSync(path.join(dir, "20260101000002_broken", "migration.sql"), `CREATE TABLE "Half" ("id" INT);`);
      expect(await applyMigrations(db.sql, dir)).toEqual({ applied: ["20260101000002_broken", "20260101000003_d"], alreadyApplied: 2 });
    });

    test("prisma round trip: organisation, member and client with a 64-bit chat id", async () => {
      const { db } = await use(backend.fresh());
      const chatId = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a JS number
      const org = await db.prisma.organisation.create({
        data: { kind: "COACH_TEAM", name: "Team Noord", domains: ["financien", "werk"] },
      });
      const coach = await db.prisma.member.create({
        data: { organisationId: org.id, name: "Sanne", role: "COACH", slackUserId: "U123" },
      });
      const client = await db.prisma.client.create({
        data: { name: "Jan", coachId: coach.id, telegramChatId: chatId },
      });

      const back = await db.prisma.client.findUniqueOrThrow({
        where: { telegramChatId: chatId },
        include: { coach: { include: { organisation: true } } },
      });
      expect(back.id).toBe(client.id);
      expect(back.telegramChatId).toBe(chatId);
      expect(back.status).toBe("INVITED");
      expect(back.language).toBe("nl");
      expect(back.createdAt).toBeInstanceOf(Date);
      expect(back.coach.name).toBe("Sanne");
      expect(back.coach.nudgeMode).toBe("SINGLE");
      expect(back.coach.organisation).toMatchObject({ name: "Team Noord", kind: "COACH_TEAM", domains: ["financien", "werk"] });
    });
  });
});

describe.skipIf(!pgAvailable())(`PostgreSQL only${pgAvailable() ? "" : ` (skipped: ${pgSkipReason()})`}`, () => {
  test("three instances migrating at once apply each migration exactly once", async () => {
    const first = await use(freshPostgresDb({ migrated: false }));
    const others = await Promise.all([1, 2].map(() => openDatabase({ kind: "postgres", url: first.url , dataKey: process.env.KOERS_DATA_KEY ?? "" })));
    onTestFinished(() => Promise.all(others.map((d) => d.close())).then(() => undefined));

    const results = await Promise.all([first.db, ...others].map((d) => d.migrate()));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(NAMES);
    for (const r of results) expect(r.applied.length + r.alreadyApplied).toBe(NAMES.length);
    const rows = await first.db.sql.query<MigrationRow>(selectMigrationRows);
    expect(rows.map((r) => r.migration_name)).toEqual(NAMES);
  });

  test("prisma migrate status (the real CLI, through prisma.config.ts) agrees", async () => {
    const { db, url } = await use(freshPostgresDb({ migrated: false }));
    const status = () =>
      promisify(execFile)(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "status"], {
        cwd: ROOT,
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      });

    // Before: the CLI really looks at this database and finds it behind.
    const before = await status().then(
      () => ({ code: 0, stdout: "" }),
      (err: { code?: number; stdout?: string }) => ({ code: err.code, stdout: err.stdout ?? "" }),
    );
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("have not yet been applied");
    expect(before.stdout).toContain(NAMES[0]);

    await db.migrate();
    const after = await status();
    expect(after.stdout).toContain(`${NAMES.length} migration${NAMES.length === 1 ? "" : "s"} found in prisma/migrations`);
    expect(after.stdout).toContain("Database schema is up to date!");
  });
});
