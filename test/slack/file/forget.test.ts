/**
 * Forgetting a client from the Slack file (src/slack/file/forget.ts), its real listeners on an
 * embedded database of its own, with a Web API client that records what would reach Slack: the
 * button, a confirmation that names the client, the erasure only on its submission and only by
 * the client's own coach; a colleague, a stranger or a forged value is refused, told so, and
 * audited (the refusal says "Dit is vastgelegd"). The way through the whole app is in
 * test/slack/client-file.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/generated/prisma/client.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { silentLogger } from "../../../src/log.js";
import type { SlackDeps } from "../../../src/slack/context.js";
import { forgetButton, registerClientForget } from "../../../src/slack/file/forget.js";
import { FILE_FORGET, FILE_FORGET_CONFIRM } from "../../../src/slack/ids.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { referralWorld, type ReferralWorld } from "../../domain/referrals-world.js";
import { contextOf, fakeApp, listenersFor } from "../views/fake-bolt.js";

const file = dbForFile(freshEmbeddedDb);
const t = createSlackTranslator("nl");
const NOW = new Date("2027-03-10T09:00:00.000Z");

function harness(w: ReferralWorld) {
  const { app, views, actions } = fakeApp();
  const deps: SlackDeps = { service: w.service, db: file.db, t, logger: silentLogger(), clock: () => NOW, botUsername: async () => null };
  registerClientForget(app, deps);
  const told: { user: string; text: string }[] = [];
  const pushed: { callback_id: string; private_metadata: string; blocks: { text: { text: string } }[] }[] = [];
  const acks: unknown[] = [];
  const client = {
    chat: { postMessage: async (m: { channel: string; text: string }) => (told.push({ user: m.channel.replace(/^D/, ""), text: m.text }), { ok: true, ts: "1.1" }), postEphemeral: async () => ({ ok: true }) },
    conversations: { open: async ({ users }: { users: string }) => ({ ok: true, channel: { id: `D${users}` } }) },
    views: { push: async ({ view }: { view: (typeof pushed)[number] }) => (pushed.push(view), { ok: true }) },
  };
  const ack = async (r?: unknown) => void acks.push(r ?? "ack");
  const press = async (who: Member | null, value: unknown, user: unknown = who?.slackUserId) => {
    for (const l of listenersFor(actions, FILE_FORGET)) await l({ ack, body: { user: { id: user }, trigger_id: "trig" }, action: { action_id: FILE_FORGET, value }, client, context: contextOf(who) });
  };
  const confirm = async (who: Member | null, clientId: unknown) => {
    const listener = views.get(FILE_FORGET_CONFIRM);
    if (!listener) throw new Error("no confirmation listener");
    await listener({ ack, body: { user: { id: who?.slackUserId ?? "UNOBODY" } }, view: { state: { values: {} }, private_metadata: JSON.stringify({ client: clientId }) }, client, context: contextOf(who) });
  };
  return { press, confirm, told, pushed, acks };
}

const client = (w: ReferralWorld) => file.db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } });
const audits = (actorId: string) => file.db.prisma.auditEvent.findMany({ where: { actorId }, orderBy: { id: "asc" } });

describe("forgetButton", () => {
  it("is one red button that carries the client's id", () => {
    expect(forgetButton({ t }, "c-1")).toMatchObject({ type: "actions", elements: [{ type: "button", action_id: FILE_FORGET, style: "danger", text: { type: "plain_text", text: t("file.forget.button") }, value: "c-1" }] });
  });
});

describe("the forget button", () => {
  it("shows the own coach a confirmation naming the client, and forgets nothing yet", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    await h.press(w.coach, w.client.id);
    expect(h.pushed).toHaveLength(1);
    expect(h.pushed[0]?.callback_id).toBe(FILE_FORGET_CONFIRM);
    expect(JSON.parse(h.pushed[0]?.private_metadata ?? "{}")).toEqual({ client: w.client.id });
    expect(h.pushed[0]?.blocks[0]?.text.text).toContain("*Sam*");
    expect((await client(w)).status).toBe("ACTIVE");
  });

  it("a colleague is told it is only for the own coach, and the attempt is audited", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    await h.press(w.colleague, w.client.id);
    expect(h.pushed).toEqual([]);
    expect(h.told).toEqual([{ user: w.colleague.slackUserId, text: t("file.forget.notYours") }]);
    expect((await audits(w.colleague.id)).map((a) => [a.action, a.clientId, a.detail])).toEqual([["client.forgetRefused", w.client.id, { via: "slack", what: "ask" }]]);
  });

  it("a forged value is refused like a colleague, and audited too, as the answer says", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    for (const value of ["not-a-uuid", 42, null, `${w.client.id} `]) await h.press(w.coach, value);
    expect(h.pushed).toEqual([]);
    expect(h.told.map((x) => x.text)).toEqual(Array(4).fill(t("file.forget.notYours")));
    expect(await file.db.prisma.auditEvent.count({ where: { actorId: w.coach.id } })).toBe(4);
    expect((await client(w)).status).toBe("ACTIVE");
  });

  it("someone who is no member, or a body without a user, is audited and shown nothing", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    await h.press(null, w.client.id, "USTRANGER");
    await h.press(w.coach, w.client.id, "not a slack id");
    expect([h.pushed, h.told]).toEqual([[], []]);
    const rows = await file.db.prisma.auditEvent.findMany({ where: { action: "slack.refused", actorId: null, detail: { path: ["what"], equals: FILE_FORGET } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => (r.detail as { why: string }).why)).toEqual(["notMember", "noUser"]);
  });
});

describe("the confirmation", () => {
  it("forgets the client for the own coach, closes every modal and says it is done; a second submission is refused", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    await h.confirm(w.coach, w.client.id);
    expect(h.acks).toEqual([{ response_action: "clear" }]);
    expect(h.told).toEqual([{ user: w.coach.slackUserId, text: t("file.forget.done", { name: "Sam" }) }]);
    expect(await client(w)).toMatchObject({ status: "FORGOTTEN", telegramChatId: null });
    expect(await file.db.prisma.auditEvent.count({ where: { actorId: w.coach.id, actorKind: "COACH", clientId: w.client.id, action: { startsWith: "client.forg" } } })).toBeGreaterThanOrEqual(1);
    await h.confirm(w.coach, w.client.id);
    expect(h.told.at(-1)?.text).toBe(t("file.forget.notYours"));
  });

  it("a colleague's or a forged submission forgets nothing and is audited", async () => {
    const w = await referralWorld(file.db);
    const h = harness(w);
    await h.confirm(w.colleague, w.client.id);
    await h.confirm(w.coach, "../etc/passwd");
    await h.confirm(null, w.client.id);
    expect(h.acks).toEqual(["ack", "ack", "ack"]);
    expect((await client(w)).status).toBe("ACTIVE");
    expect((await audits(w.colleague.id)).map((a) => a.detail)).toEqual([{ via: "slack", what: "confirm" }]);
    expect(await file.db.prisma.auditEvent.count({ where: { actorId: w.coach.id } })).toBe(1);
  });
});
