/**
 * The /verwijs modal's submission (src/slack/views/verwijs.ts) with fakes for Bolt, the referral
 * service, the database handle and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { OutDraft } from "../../../src/domain/referrals/out.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import type { Member } from "../../../src/domain/members.js";
import { VIEW } from "../../../src/slack/ids.js";
import { registerVerwijsView } from "../../../src/slack/views/verwijs.js";
import { bodyOf, contextOf, expectNotMemberRefused, fakeApp, fakeDeps, filledIn, itRegistersOnly, member } from "./fake-bolt.js";

const CLIENT = "66666666-6666-4666-8666-666666666666";
const PARTNER = "77777777-7777-4777-8777-777777777777";
const REFERRAL = "33333333-3333-4333-8333-333333333333";
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });

function verwijs(opts: { fail?: Error; asked?: boolean; ephemeralFails?: boolean; clientName?: string | null } = {}) {
  const calls: string[] = [];
  const filed: [Member, OutDraft][] = [];
  const asked: [string, string][] = [];
  const service: Partial<ReferralService> = {
    fileOutOnly: (m, draft) => {
      calls.push("file");
      if (opts.fail) return Promise.reject(opts.fail);
      filed.push([m, draft]);
      return Promise.resolve({ id: REFERRAL }) as ReturnType<ReferralService["fileOutOnly"]>;
    },
    askConsent: (referralId, coachId) => {
      calls.push("ask");
      asked.push([referralId, coachId]);
      return Promise.resolve(opts.asked ?? true);
    },
  };
  const f = fakeDeps(service, { ...opts, referralNames: { [REFERRAL]: { client: opts.clientName === undefined ? "Samira <3" : opts.clientName, toOrg: "Schuldhulp & Zo" } } });
  const ack = (r?: unknown) => (calls.push("ack"), f.ack(r));
  const { app, views } = fakeApp();
  registerVerwijsView(app, f.deps);
  const submitView = (view: unknown, who: Member | null = ahmed) => views.get(VIEW.verwijs)?.({ ack, body: bodyOf("UAHMED"), view, client: f.client, context: contextOf(who) });
  return { ...f, calls, filed, asked, submitView, views };
}

const fullView = filledIn({
  client: { selected_option: { value: CLIENT } },
  partner: { selected_option: { value: PARTNER } },
  domain: { selected_option: { value: "financien" } },
  need: { value: "Samira heeft schulden." },
  items: { selected_options: [{ value: "name" }, { value: "phone" }] },
  phone: { value: "06 1234 5678" },
  summary: { value: "" },
  urgency: { selected_option: { value: "normal" } },
  joins: { selected_options: [{ value: "yes" }] },
  date: { selected_date: "2027-03-20" },
});

describe("the /verwijs modal", () => {
  it("files the referral, answers the modal, and only then asks the client and tells the coach", async () => {
    const f = verwijs();
    await f.submitView(fullView());
    expect(f.filed).toEqual([
      [
        ahmed,
        { clientId: CLIENT, partnerOrgId: PARTNER, lifeDomain: "financien", need: "Samira heeft schulden.", items: ["name", "phone"], phone: "06 1234 5678", summary: "", urgency: "normal", coachJoins: true, wishedDate: "2027-03-20" },
      ],
    ]);
    expect(f.calls).toEqual(["file", "ack", "ask"]);
    expect(f.asked).toEqual([[REFERRAL, ahmed.id]]);
    expect(f.rec.ephemeral).toEqual([{ channel: "C123", user: "UAHMED", text: 'referral.done.filedOut {"client":"Samira &lt;3","partner":"Schuldhulp &amp; Zo"}' }]);
  });

  it("without a wished date the draft has none (not an empty string)", async () => {
    const f = verwijs();
    await f.submitView(fullView({ date: {} }));
    expect(f.filed[0]?.[1].wishedDate).toBeUndefined();
    expect(f.filed[0]?.[1].coachJoins).toBe(true);
  });

  it("the coach joins only when 'yes' is ticked", async () => {
    for (const [options, joins] of [[[], false], [[{ value: "no" }], false], [[{ value: "yes" }], true]] as const) {
      const f = verwijs();
      await f.submitView(fullView({ joins: { selected_options: options } }));
      expect(f.filed[0]?.[1].coachJoins).toBe(joins);
    }
  });

  it("when the client could not be asked the coach hears that instead", async () => {
    const f = verwijs({ asked: false });
    await f.submitView(fullView());
    expect(f.rec.ephemeral.map((e) => e.text.split(" ")[0])).toEqual(["referral.done.notAsked"]);
  });

  it("a referral without a client's name says so with an empty name", async () => {
    const f = verwijs({ clientName: null });
    await f.submitView(fullView());
    expect(f.rec.ephemeral[0]?.text).toBe('referral.done.filedOut {"client":"","partner":"Schuldhulp &amp; Zo"}');
  });

  it("without a real channel, or when the app is not in it, the coach gets a direct message", async () => {
    const noChannel = verwijs();
    await noChannel.submitView(fullView({}, { channel: "not a channel" }));
    expect(noChannel.rec.ephemeral).toEqual([]);
    expect(noChannel.rec.dms.map((d) => [d.user, d.text.split(" ")[0]])).toEqual([["UAHMED", "referral.done.filedOut"]]);
    const notIn = verwijs({ ephemeralFails: true });
    await notIn.submitView(fullView());
    expect(notIn.rec.dms.map((d) => d.user)).toEqual(["UAHMED"]);
  });

  it("a refused referral is shown inline and the client is not asked", async () => {
    const f = verwijs({ fail: new ReferralRefused("forbidden", "referral.refused.notYourClient") });
    await f.submitView(fullView());
    expect(f.calls).toEqual(["file", "ack"]);
    expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { client: "referral.refused.notYourClient" } }]);
    expect(f.asked).toEqual([]);
    expect(f.rec.ephemeral).toEqual([]);
  });

  it("someone who is no member files nothing and asks nobody", async () => {
    const f = verwijs();
    await f.submitView(fullView(), null);
    expect(f.calls).toEqual(["ack"]);
    expectNotMemberRefused(f.rec, VIEW.verwijs, "client");
  });

  itRegistersOnly(VIEW.verwijs, () => verwijs().views);
});
