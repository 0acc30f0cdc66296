/**
 * The buttons in direct messages (src/slack/actions/dm.ts) with fakes for Bolt, the referral
 * service, the database handle and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { ReferralEvent } from "../../../flows/referral/index.js";
import type { Member } from "../../../src/domain/members.js";
import type { Accepted } from "../../../src/domain/referrals/in.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import { registerDmActions } from "../../../src/slack/actions/dm.js";
import { DM_ACTIONS, VIEW } from "../../../src/slack/ids.js";
import { expectListeners, expectNoReferralIdsRefused, fakeApp, fakeDeps, member, pressButton } from "../views/fake-bolt.js";

const REFERRAL = "33333333-3333-4333-8333-333333333333";
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });

function dm(opts: { fail?: Error; askedAgain?: boolean } = {}) {
  const calls: string[] = [];
  const acted: ReferralEvent[] = [];
  const guard = <T>(name: string, value: T) => (calls.push(name), opts.fail ? Promise.reject(opts.fail) : Promise.resolve(value));
  const service: Partial<ReferralService> = {
    reinvite: (m, id) =>
      guard(`reinvite:${m.name}:${id}`, {
        applied: { referral: { id, fromOrgId: "44444444-4444-4444-8444-444444444444", personName: "Jan", personContact: "06" } },
        invite: { code: "NEWCODE", expiresAt: new Date("2027-03-24T09:00:00.000Z") },
        coach: ahmed,
      } as unknown as Accepted),
    act: (m, id, event) => (acted.push(event), guard(`act:${m.name}:${id}`, {})) as ReturnType<ReferralService["act"]>,
    askAgain: (m, id) => guard(`askAgain:${m.name}:${id}`, opts.askedAgain ?? true),
    check: (m, id, type) => guard(`check:${m.name}:${id}:${type}`, {}) as ReturnType<ReferralService["check"]>,
  };
  const f = fakeDeps(service, { orgNames: { "44444444-4444-4444-8444-444444444444": "Wijkteam" }, referralNames: { [REFERRAL]: { client: "Samira & co", toOrg: "Schuldhulp" } } });
  const { app, actions } = fakeApp();
  registerDmActions(app, f.deps);
  const acks: number[] = [];
  const ack = () => (acks.push(1), Promise.resolve());
  const press = (actionId: string, value: unknown = REFERRAL, who: Member | null = ahmed) =>
    pressButton(actions, { actionId, value, who, ack, client: f.client, body: { user: { id: "UAHMED" }, channel: { id: "D777" }, trigger_id: "trig-3" } });
  return { ...f, calls, acted, acks, press, actions };
}

describe("the buttons in direct messages", () => {
  it("listen to every ref.dm. action id, once", () => {
    expectListeners(dm().actions, 1, Object.values(DM_ACTIONS), ["ref.card.accept"]);
  });

  it("'new link' makes a new invite and sends it to the coach", async () => {
    const f = dm();
    await f.press(DM_ACTIONS.reinvite);
    expect(f.acks).toEqual([1]);
    expect(f.calls).toEqual([`reinvite:Ahmed:${REFERRAL}`]);
    expect(f.rec.dms.map((d) => d.user)).toEqual(["UAHMED"]);
    expect(f.rec.dms[0]?.text).toContain("https://t.me/KoersBot?start=NEWCODE");
  });

  it("'no contact' and 'withdraw' are the referral's own events", async () => {
    const f = dm();
    await f.press(DM_ACTIONS.noContact);
    await f.press(DM_ACTIONS.cancel);
    expect(f.acted).toEqual([{ type: "team.noContact" }, { type: "coach.cancelled" }]);
    expect(f.rec.ephemeral).toEqual([]);
  });

  it("'ask again' tells the coach whether the client was asked, by the client's name", async () => {
    const asked = dm();
    await asked.press(DM_ACTIONS.askAgain);
    expect(asked.rec.ephemeral).toEqual([{ channel: "D777", user: "UAHMED", text: 'referral.done.askedAgain {"client":"Samira &amp; co"}' }]);
    const notAsked = dm({ askedAgain: false });
    await notAsked.press(DM_ACTIONS.askAgain);
    expect(notAsked.rec.ephemeral.map((e) => e.text.split(" ")[0])).toEqual(["referral.done.notAsked"]);
  });

  it("'answer' opens the answer form after the same check as the modal's submission", async () => {
    const f = dm();
    await f.press(DM_ACTIONS.answer);
    expect(f.calls).toEqual([`check:Ahmed:${REFERRAL}:partner.answeredInfo`]);
    expect(f.rec.opened.map((o) => [o.trigger_id, o.view.callback_id, JSON.parse(o.view.private_metadata ?? "{}")])).toEqual([["trig-3", VIEW.text, { referralId: REFERRAL, event: "partner.answeredInfo" }]]);
  });

  it("a refusal of the domain is told privately, and nothing is opened or sent", async () => {
    for (const id of Object.values(DM_ACTIONS)) {
      const f = dm({ fail: new ReferralRefused("notNow", "referral.refused.state") });
      await f.press(id);
      expect([id, f.rec.ephemeral.map((e) => e.text)]).toEqual([id, ["referral.refused.state"]]);
      expect(f.rec.opened).toEqual([]);
      expect(f.rec.dms).toEqual([]);
    }
  });

  it("an unexpected error goes on to the error boundary", async () => {
    const f = dm({ fail: new Error("database gone") });
    await expect(f.press(DM_ACTIONS.noContact)).rejects.toThrow("database gone");
  });

  it("an unknown ref.dm. action is refused as malformed, before the referral is read", async () => {
    const f = dm();
    await f.press("ref.dm.delete");
    expect(f.calls).toEqual([]);
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.malformed"]);
    expect(f.rec.audits.map((a) => [a.detail.what, a.detail.why])).toEqual([["ref.dm.delete", "unknownAction"]]);
  });

  it("a value that is no referral id is refused before any query", async () => {
    await expectNoReferralIdsRefused(() => dm(), DM_ACTIONS.noContact, ["", "x", `${REFERRAL} `, null, 7]);
  });

  it("someone unknown gets the not-a-member answer and nothing happens", async () => {
    const f = dm();
    await f.press(DM_ACTIONS.cancel, REFERRAL, null);
    expect(f.acks).toEqual([1]);
    expect(f.calls).toEqual([]);
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notMember"]);
  });
});
