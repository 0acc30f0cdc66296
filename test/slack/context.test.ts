/**
 * What every Slack listener shares (src/slack/context.ts): who asks and where, private answers,
 * refusals with their audit rows, the member middleware, and refusals as modal errors. Over fakes
 * for Bolt, the referral service, the database handle and the Web API.
 */
import type { Context } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { Member } from "../../src/domain/members.js";
import type { ReferralService } from "../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../src/domain/referrals/types.js";
import { askingMember, directMessage, memberFor, memberMiddleware, memberOf, modalErrors, onMemberButton, orRefuse, placeOf, refuse, tellUser } from "../../src/slack/context.js";
import { contextOf, fakeApp, fakeDeps, member, pressButton } from "./views/fake-bolt.js";

const petra = member();
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });
const asked = { surface: "action" as const, what: "ref.accept" };

describe("placeOf", () => {
  it("finds the user and the channel of a button press or a slash command", () => {
    expect(placeOf({ user: { id: "UPETRA" }, channel: { id: "C123" } })).toEqual({ user: "UPETRA", channel: "C123" });
    expect(placeOf({ user_id: "UPETRA", channel_id: "C123" })).toEqual({ user: "UPETRA", channel: "C123" });
    expect(placeOf({ user: { id: "UPETRA" } })).toEqual({ user: "UPETRA" });
  });

  it("leaves out a channel that does not look real, and is null without a real user", () => {
    expect(placeOf({ user: { id: "UPETRA" }, channel: { id: "c<script>" } })).toEqual({ user: "UPETRA" });
    for (const body of [null, {}, { user: { id: "petra" } }, { user_id: 42 }, { user: "UPETRA" }]) expect(placeOf(body), JSON.stringify(body)).toBeNull();
  });
});

describe("private answers", () => {
  it("tellUser answers where the person is, ephemerally", async () => {
    const f = fakeDeps({});
    await tellUser(f.client as never, { user: "UPETRA", channel: "C1" }, "Klaar");
    expect(f.rec.ephemeral).toEqual([{ channel: "C1", user: "UPETRA", text: "Klaar" }]);
    expect(f.rec.dms).toEqual([]);
  });

  it("tellUser sends a direct message without a channel, or when the app is not in it", async () => {
    const f = fakeDeps({}, { ephemeralFails: true });
    await tellUser(f.client as never, { user: "UPETRA", channel: "C1" }, "a");
    await tellUser(f.client as never, { user: "UAHMED" }, "b");
    expect(f.rec.dms.map((d) => [d.user, d.text])).toEqual([
      ["UPETRA", "a"],
      ["UAHMED", "b"],
    ]);
  });

  it("directMessage sends blocks when given", async () => {
    const f = fakeDeps({});
    await directMessage(f.client as never, "UPETRA", "tekst", [{ type: "divider" }]);
    expect(f.rec.dms).toEqual([{ user: "UPETRA", text: "tekst", blocks: [{ type: "divider" }] }]);
  });

  it("refuse tells the person calmly and writes the audit row, with the member", async () => {
    const f = fakeDeps({});
    await refuse(f.deps, f.client as never, { user: "UPETRA", channel: "C1" }, { ...asked, why: "notYours", member: petra, referralId: "33333333-3333-4333-8333-333333333333" }, "referral.refused.notYours", { n: 1 });
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(['referral.refused.notYours {"n":1}']);
    expect(f.rec.audits).toEqual([
      expect.objectContaining({ action: "slack.refused", actorKind: "PARTNER", actorId: petra.id, referralId: "33333333-3333-4333-8333-333333333333", detail: { surface: "action", what: "ref.accept", why: "notYours", slackUser: "UPETRA" } }),
    ]);
  });

  it("a refusal that cannot be told or audited is logged, and never thrown at the person", async () => {
    const f = fakeDeps({}, { auditFails: true });
    const broken = { chat: { postEphemeral: () => Promise.reject(new Error("x")), postMessage: () => Promise.reject(new Error("y")) }, conversations: { open: () => Promise.reject(new Error("z")) } };
    await expect(refuse(f.deps, broken as never, { user: "UPETRA", channel: "C1" }, { ...asked, why: "notYours" }, "k")).resolves.toBeUndefined();
    expect(f.rec.errors.sort()).toEqual(["could not audit a refused Slack request", "could not tell a Slack user their request was refused"]);
  });
});

describe("the member behind a request", () => {
  it("memberMiddleware looks the member up once, by the request's Slack user, before the listeners", async () => {
    const looked: string[] = [];
    const middleware = memberMiddleware({ service: { member: (u: string) => (looked.push(u), Promise.resolve(u === "UPETRA" ? petra : null)) } as unknown as ReferralService });
    const context = {} as Context;
    let nextCalled = 0;
    await middleware({ body: { user: { id: "UPETRA" } }, context, next: () => (nextCalled++, Promise.resolve()) } as never);
    expect(memberOf(context)).toBe(petra);
    const stranger = {} as Context;
    await middleware({ body: { user_id: "UOTHER" }, context: stranger, next: () => Promise.resolve() } as never);
    expect(memberOf(stranger)).toBeNull();
    const noUser = {} as Context;
    await middleware({ body: { user: { id: "not real" } }, context: noUser, next: () => (nextCalled++, Promise.resolve()) } as never);
    expect(memberOf(noUser)).toBeNull();
    expect(looked).toEqual(["UPETRA", "UOTHER"]);
    expect(nextCalled).toBe(2);
  });

  it("memberOf is null on a context the middleware never saw", () => {
    expect(memberOf({} as Context)).toBeNull();
  });

  it("memberFor refuses someone unknown privately, and audits it", async () => {
    const f = fakeDeps({});
    expect(await memberFor(f.deps, f.client as never, { user: "UX" }, asked, contextOf(null))).toBeNull();
    expect(f.rec.dms.map((d) => d.text)).toEqual(["referral.refused.notMember"]);
    expect(f.rec.audits.map((a) => a.detail.why)).toEqual(["notMember"]);
    expect(await memberFor(f.deps, f.client as never, { user: "UPETRA" }, asked, contextOf(petra))).toBe(petra);
  });

  it("askingMember: a body without a user is only audited; a member of the wrong role is told and audited", async () => {
    const f = fakeDeps({});
    expect(await askingMember(f.deps, f.client as never, {}, asked, contextOf(petra))).toBeNull();
    expect(f.rec.audits.map((a) => [a.detail.why, a.detail.slackUser])).toEqual([["noUser", null]]);
    expect(f.rec.ephemeral.length + f.rec.dms.length).toBe(0);
    const need = { role: "COACH" as const, why: "notCoach", key: "referral.refused.notCoach" };
    expect(await askingMember(f.deps, f.client as never, { user: { id: "UPETRA" }, channel: { id: "C1" } }, asked, contextOf(petra), need)).toBeNull();
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notCoach"]);
    expect(f.rec.audits.at(-1)).toMatchObject({ actorId: petra.id, detail: { why: "notCoach" } });
    expect(await askingMember(f.deps, f.client as never, { user: { id: "UAHMED" }, channel: { id: "C1" } }, asked, contextOf(ahmed), need)).toEqual({ place: { user: "UAHMED", channel: "C1" }, member: ahmed });
  });
});

describe("onMemberButton", () => {
  function pressWith(who: Member | null, actionId: string) {
    const f = fakeDeps({});
    const { app, actions } = fakeApp();
    const handled: { id: string; what: string; member: string }[] = [];
    let acked = 0;
    onMemberButton(app, f.deps, /^ref\./, (p) => (handled.push({ id: p.id, what: p.asked.what, member: p.member.name }), Promise.resolve()));
    const run = () => pressButton(actions, { actionId, value: "v", who, ack: () => (acked++, Promise.resolve()), client: f.client, body: { user: { id: "UPETRA" } } });
    return { f, handled, run, acked: () => acked };
  }

  it("acks at once and hands an active member's press to the handler", async () => {
    const p = pressWith(petra, "ref.accept");
    await p.run();
    expect(p.acked()).toBe(1);
    expect(p.handled).toEqual([{ id: "ref.accept", what: "ref.accept", member: "Petra" }]);
  });

  it("an action id over 64 characters is cut to 64 before anyone reads it", async () => {
    const long = `ref.${"x".repeat(100)}`;
    const p = pressWith(petra, long);
    await p.run();
    expect(p.handled[0]?.id).toBe(long.slice(0, 64));
  });

  it("someone unknown is acked and refused; the handler never runs", async () => {
    const p = pressWith(null, "ref.accept");
    await p.run();
    expect(p.acked()).toBe(1);
    expect(p.handled).toEqual([]);
    expect(p.f.rec.audits.map((a) => [a.detail.surface, a.detail.why])).toEqual([["action", "notMember"]]);
  });
});

describe("refusals from the domain", () => {
  it("orRefuse turns a refusal into a private message and lets other errors through", async () => {
    const f = fakeDeps({});
    await orRefuse(f.deps, f.client as never, { user: "UPETRA", channel: "C1" }, () => Promise.reject(new ReferralRefused("notNow", "referral.refused.state", undefined, { state: "closed" })));
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(['referral.refused.state {"state":"closed"}']);
    await expect(orRefuse(f.deps, f.client as never, { user: "UPETRA" }, () => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
    await orRefuse(f.deps, f.client as never, { user: "UPETRA" }, () => Promise.resolve());
    expect(f.rec.ephemeral).toHaveLength(1);
  });

  it("modalErrors shows every wrong field under itself, or the whole refusal under the fallback block", () => {
    const { deps } = fakeDeps({});
    const problems = new ReferralRefused("invalid", "referral.error.form", undefined, {}, [
      { field: "need", key: "referral.error.required", vars: {} },
      { field: "phone", key: "referral.error.tooLong", vars: { max: 20 } },
    ]);
    expect(modalErrors(deps, problems, "client")).toEqual({ response_action: "errors", errors: { need: "referral.error.required", phone: 'referral.error.tooLong {"max":20}' } });
    expect(modalErrors(deps, new ReferralRefused("invalid", "referral.error.date", "date"), "client")).toEqual({ response_action: "errors", errors: { date: "referral.error.date" } });
    expect(modalErrors(deps, new ReferralRefused("forbidden", "referral.refused.notYours"), "client")).toEqual({ response_action: "errors", errors: { client: "referral.refused.notYours" } });
  });
});
