/**
 * The buttons on a referral card (src/slack/actions/card.ts) with fakes for Bolt, the referral
 * service, the database handle and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { ReferralEvent } from "../../../flows/referral/index.js";
import type { Member } from "../../../src/domain/members.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import { registerCardActions } from "../../../src/slack/actions/card.js";
import { CARD_ACTIONS as A, DM_ACTIONS, VIEW } from "../../../src/slack/ids.js";
import { expectListeners, expectNoReferralIdsRefused, fakeApp, fakeDeps, member, pressButton } from "../views/fake-bolt.js";

const REFERRAL = "33333333-3333-4333-8333-333333333333";
const petra = member();

function card(fail?: Error) {
  const calls: string[] = [];
  const acted: ReferralEvent[] = [];
  const service: Partial<ReferralService> = {
    act: (m, id, event) => (calls.push(`act:${m.name}:${id}`), acted.push(event), fail ? Promise.reject(fail) : Promise.resolve({})) as ReturnType<ReferralService["act"]>,
    check: (m, id, type) => (calls.push(`check:${m.name}:${id}:${type}`), fail ? Promise.reject(fail) : Promise.resolve({})) as ReturnType<ReferralService["check"]>,
  };
  const f = fakeDeps(service);
  const { app, actions } = fakeApp();
  registerCardActions(app, f.deps);
  const press = (actionId: string, value: unknown = REFERRAL, who: Member | null = petra) =>
    pressButton(actions, { actionId, value, who, client: f.client, body: { user: { id: "UPETRA" }, channel: { id: "CPARTNER" }, trigger_id: "trig-9" } });
  const opened = () => f.rec.opened.map((o) => [o.trigger_id, o.view.callback_id, JSON.parse(o.view.private_metadata ?? "{}")]);
  return { ...f, calls, acted, press, actions, opened };
}

describe("the buttons on a referral card", () => {
  it("listen to every card button, and not to the buttons in direct messages", () => {
    expectListeners(card().actions, 1, Object.values(A), Object.values(DM_ACTIONS));
  });

  it.each([
    [A.received, { type: "partner.received" }],
    [A.accept, { type: "partner.accepted" }],
    [A.contactWithCoach, { type: "partner.contactMade", withCoach: true }],
    [A.contactAlone, { type: "partner.contactMade", withCoach: false }],
    [A.noShow, { type: "partner.noShow" }],
  ])("%s changes the referral at once", async (id, event) => {
    const c = card();
    await c.press(id);
    expect(c.acted).toEqual([event]);
    expect(c.calls).toEqual([`act:Petra:${REFERRAL}`]);
    expect(c.rec.opened).toEqual([]);
    expect(c.rec.ephemeral).toEqual([]);
  });

  it.each([
    [A.reject, "partner.rejected"],
    [A.redirect, "partner.redirected"],
    [A.close, "partner.closed"],
    [A.complete, "partner.completed"],
    [A.askInfo, "team.askedInfo"],
    [A.declineIn, "team.declined"],
  ])("%s first checks that %s is allowed, then opens the text form for it", async (id, type) => {
    const c = card();
    await c.press(id);
    expect(c.calls).toEqual([`check:Petra:${REFERRAL}:${type}`]);
    expect(c.acted).toEqual([]);
    expect(c.opened()).toEqual([["trig-9", VIEW.text, { referralId: REFERRAL, event: type }]]);
  });

  it("the appointment and the accept-in buttons open their own forms after the same check", async () => {
    const plan = card();
    await plan.press(A.plan);
    expect(plan.calls).toEqual([`check:Petra:${REFERRAL}:partner.planned`]);
    expect(plan.opened()).toEqual([["trig-9", VIEW.plan, { referralId: REFERRAL }]]);
    const accept = card();
    await accept.press(A.acceptIn);
    expect(accept.calls).toEqual([`check:Petra:${REFERRAL}:team.accepted`]);
    expect(accept.opened()).toEqual([["trig-9", VIEW.accept, { referralId: REFERRAL }]]);
  });

  it("a refused check opens no form; the refusal is told privately", async () => {
    for (const id of [A.reject, A.plan, A.acceptIn, A.accept]) {
      const c = card(new ReferralRefused("forbidden", "referral.refused.notYours"));
      await c.press(id);
      expect([id, c.rec.opened, c.rec.ephemeral.map((e) => e.text)]).toEqual([id, [], ["referral.refused.notYours"]]);
    }
  });

  it("an unknown card button is refused as malformed, and audited, whatever its value", async () => {
    for (const value of [REFERRAL, "x"]) {
      const c = card();
      await c.press("ref.delete", value);
      expect(c.calls).toEqual([]);
      expect(c.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.malformed"]);
      expect(c.rec.audits.map((a) => [a.detail.what, a.detail.why])).toEqual([["ref.delete", "unknownAction"]]);
    }
  });

  it("a value that is no referral id is refused before any query", async () => {
    await expectNoReferralIdsRefused(() => card(), A.accept, ["", "1 OR 1=1", null, { id: REFERRAL }]);
  });

  it("someone unknown changes nothing", async () => {
    const c = card();
    await c.press(A.accept, REFERRAL, null);
    expect(c.calls).toEqual([]);
    expect(c.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notMember"]);
  });

  it("an unexpected error goes on to the error boundary", async () => {
    await expect(card(new Error("database gone")).press(A.received)).rejects.toThrow("database gone");
  });
});
