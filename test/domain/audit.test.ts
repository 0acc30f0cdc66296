/**
 * The audit log (src/domain/audit.ts) on the embedded database: a row is written with the
 * caller's transaction, so it is there when the action commits and absent when it does not;
 * what a forged request carries is stored well formed; a refused Slack request is one
 * `slack.refused` row and one count in the metric.
 */
import { describe, expect, it } from "vitest";
import { audit, auditSlackRefusal } from "../../src/domain/audit.js";
import { createMetrics, withMetrics } from "../../src/metrics.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { inviteClient } from "../support/world.js";

const file = dbForFile(freshEmbeddedDb);

describe("audit", () => {
  it("writes who did what to which client, and nothing else", async () => {
    const { coachId, clientId } = await inviteClient(file.db);
    await file.db.prisma.$transaction((tx) => audit(tx, { actorKind: "COACH", actorId: coachId, action: "client.viewed", clientId, detail: { via: "slack" } }));
    const rows = await file.db.prisma.auditEvent.findMany({ where: { clientId, action: "client.viewed" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "COACH", actorId: coachId, referralId: null, detail: { via: "slack" } });
  });

  it("is absent when the action it belongs to does not commit", async () => {
    const { clientId } = await inviteClient(file.db);
    await expect(
      file.db.prisma.$transaction(async (tx) => {
        await audit(tx, { actorKind: "SYSTEM", action: "client.exported", clientId });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect(await file.db.prisma.auditEvent.count({ where: { clientId, action: "client.exported" } })).toBe(0);
  });

  it("stores what jsonb refuses (NUL, a lone surrogate) as the replacement character, keys too", async () => {
    const nul = String.fromCharCode(0);
    await file.db.prisma.$transaction((tx) =>
      audit(tx, { actorKind: "SYSTEM", action: "audit.test.forged", detail: { actionId: `x${nul}y`, [`k\ud800`]: "\udc00z", n: 3, ok: true, none: null } }),
    );
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.test.forged" } });
    expect(row.detail).toEqual({ actionId: "x\ufffdy", "k\ufffd": "\ufffdz", n: 3, ok: true, none: null });
    expect([row.actorId, row.clientId]).toEqual([null, null]);
  });
});

describe("auditSlackRefusal", () => {
  it("a refusal of a known member is audited as that member, and counted by reason", async () => {
    const { coachId } = await inviteClient(file.db);
    const metrics = createMetrics();
    await withMetrics(metrics, () =>
      auditSlackRefusal(file.db, { why: "notOwnClient", member: { id: coachId, role: "COACH" }, referralId: null, detail: { action: "file.open", clientId: null } }),
    );
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "slack.refused", actorId: coachId } });
    expect(row).toMatchObject({ actorKind: "COACH", detail: { action: "file.open", clientId: null } });
    const counted = (await metrics.slackRefused.get()).values.find((v) => v.labels.reason === "notOwnClient");
    expect(counted?.value).toBe(1);
  });

  it("a refusal of someone who is no member is the system's, with no actor", async () => {
    await auditSlackRefusal(file.db, { why: "notMember", member: null, referralId: null, detail: { user: "USTRANGER" } });
    const row = await file.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "slack.refused", detail: { path: ["user"], equals: "USTRANGER" } } });
    expect([row.actorKind, row.actorId]).toEqual(["SYSTEM", null]);
  });
});
