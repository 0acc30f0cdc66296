/**
 * The re-seal job (src/jobs/reseal.ts) on the embedded database, one for the file: which rows it
 * takes for stale (plain client words, yes; a payload or detail with no sealed key, a JSON null or
 * an empty field, no), that it seals them so they still read the same, leaves the plain parts of
 * a payload plain, and finds nothing the second time. A key rotation on PostgreSQL, end to end,
 * is in test/db/at-rest.test.ts.
 */
import { describe, expect, it } from "vitest";
import { SEALED_FIELDS } from "../../src/db/sealed.js";
import { resealBatch, staleWhere } from "../../src/jobs/reseal.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { activeClient } from "./support.js";

const file = dbForFile(freshEmbeddedDb);
const sql = <T extends object>(text: string, params: unknown[] = []) => file.db.sql.query<T>(text, params);
const staleIds = async (model: string) => (await sql<{ id: string }>(`SELECT id::text AS id FROM "${model}" WHERE ${staleWhere(model, file.db.keyring.current)}`)).map((r) => r.id);
const drain = async () => {
  const rounds: Record<string, number>[] = [];
  for (let i = 0; i < 20; i++) {
    const done = await resealBatch(file.db, 2);
    rounds.push(done);
    if (!Object.keys(done).length) break;
  }
  return rounds;
};

describe("staleWhere", () => {
  it("has a condition for every sealed model, and none for a model without sealed fields", () => {
    for (const model of Object.keys(SEALED_FIELDS)) expect(staleWhere(model, "k")).not.toBe("");
    expect(staleWhere("Organisation", "k")).toBe("");
  });

  it("quotes the key's LIKE wildcards and quotes, so another key's seal never passes for the current one", () => {
    const where = staleWhere("Goal", "k_1%'x");
    expect(where).toContain(String.raw`'k\_1\%''x:v1:%'`);
  });

  it("what the service writes now is sealed already; a plain row from before sealing is stale", async () => {
    const { clientId } = await activeClient(file.db, { callName: "Sam" });
    const goal = await file.db.prisma.goal.create({ data: { clientId, text: "Rust in mijn hoofd", steps: { create: [{ what: "Bellen" }] } } });
    expect(await staleIds("Goal")).not.toContain(goal.id);
    expect(await staleIds("Client")).not.toContain(clientId);
    await sql(`UPDATE "Goal" SET text = 'oud en onversleuteld' WHERE id = $1::uuid`, [goal.id]);
    expect(await staleIds("Goal")).toContain(goal.id);
  });

  it("a payload or detail without a sealed key, or with it null, is not stale; a plain sealed key is", async () => {
    const { clientId, coachId } = await activeClient(file.db);
    const [plainJob] = await sql<{ id: string }>(`INSERT INTO "Job" (kind, payload, "idempotencyKey") VALUES ('coach.nudge', '{"nudgeId":"x"}', 'reseal-a') RETURNING id::text AS id`);
    const [nullJob] = await sql<{ id: string }>(`INSERT INTO "Job" (kind, payload, "idempotencyKey") VALUES ('telegram.send', '{"messages":null,"sent":0}', 'reseal-b') RETURNING id::text AS id`);
    const [oldJob] = await sql<{ id: string }>(
      `INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId") VALUES ('telegram.send', '{"messages":[{"key":"a","vars":{"goal":"mijn doel"}}],"sent":1}', 'reseal-c', $1::uuid) RETURNING id::text AS id`,
      [clientId],
    );
    const [quiet] = await sql<{ id: string }>(`INSERT INTO "Nudge" (id, "coachId", "clientId", cause, detail) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'silent', '{"since":"x"}') RETURNING id::text AS id`, [coachId, clientId]);
    const jobs = await staleIds("Job");
    expect(jobs).toContain(oldJob?.id);
    expect(jobs).not.toContain(plainJob?.id);
    expect(jobs).not.toContain(nullJob?.id);
    expect(await staleIds("Nudge")).not.toContain(quiet?.id);
  });
});

describe("resealBatch", () => {
  it("seals what was plain, in batches, so it reads the same; the plain counters stay plain; then nothing is left", async () => {
    const { clientId } = await activeClient(file.db);
    const [job] = await sql<{ id: string }>(
      `INSERT INTO "Job" (kind, payload, "idempotencyKey", "clientId") VALUES ('telegram.send', '{"messages":[{"key":"a","vars":{"goal":"mijn plan"}}],"sent":1,"chatId":"42"}', 'reseal-d', $1::uuid) RETURNING id::text AS id`,
      [clientId],
    );
    for (const note of ["notitie een", "notitie twee", "notitie drie"]) {
      await sql(`INSERT INTO "ScaleScore" (id, "clientId", kind, score, note) VALUES (gen_random_uuid(), $1::uuid, 'WELLBEING', 5, $2)`, [clientId, note]);
    }
    await sql(`INSERT INTO "ScaleScore" (id, "clientId", kind, score, note) VALUES (gen_random_uuid(), $1::uuid, 'COPING', 5, NULL)`, [clientId]);

    const rounds = await drain();
    expect(rounds.at(-1)).toEqual({});
    expect(rounds.every((r) => Object.values(r).every((n) => n <= 2))).toBe(true);
    expect(rounds.reduce((n, r) => n + (r.ScaleScore ?? 0), 0)).toBeGreaterThanOrEqual(3);
    expect(await staleIds("ScaleScore")).toEqual([]);
    expect(await staleIds("Job")).toEqual([]);

    const raw = await sql<{ note: string | null }>(`SELECT note FROM "ScaleScore" WHERE "clientId" = $1::uuid ORDER BY note NULLS FIRST`, [clientId]);
    expect(raw[0]?.note).toBeNull();
    for (const r of raw.slice(1)) expect(r.note?.startsWith(`${file.db.keyring.current}:v1:`)).toBe(true);
    const notes = (await file.db.prisma.scaleScore.findMany({ where: { clientId, kind: "WELLBEING" } })).map((s) => s.note).sort();
    expect(notes).toEqual(["notitie drie", "notitie een", "notitie twee"]);

    const [rawJob] = await sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM "Job" WHERE id = $1::bigint`, [job?.id]);
    expect(rawJob?.payload).toMatchObject({ sent: 1, chatId: "42" });
    expect(JSON.stringify(rawJob?.payload)).not.toContain("mijn plan");
    expect((await file.db.prisma.job.findUniqueOrThrow({ where: { id: BigInt(job?.id ?? "0") } })).payload).toEqual({ messages: [{ key: "a", vars: { goal: "mijn plan" } }], sent: 1, chatId: "42" });
  });
});
