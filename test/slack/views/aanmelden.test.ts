/**
 * The /aanmelden modal's submission (src/slack/views/aanmelden.ts) with fakes for Bolt, the
 * referral service, the database handle and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { InDraft } from "../../../src/domain/referrals/in.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import type { Member } from "../../../src/domain/members.js";
import { VIEW } from "../../../src/slack/ids.js";
import { registerAanmeldenView } from "../../../src/slack/views/aanmelden.js";
import { bodyOf, contextOf, expectNotMemberRefused, fakeApp, fakeDeps, filledIn, itRegistersOnly, member } from "./fake-bolt.js";

const TEAM = "44444444-4444-4444-8444-444444444444";
const petra = member();

function aanmelden(opts: { fail?: Error; ephemeralFails?: boolean } = {}) {
  const filed: [Member, InDraft][] = [];
  const service: Partial<ReferralService> = {
    fileIn: (m, draft) => {
      if (opts.fail) return Promise.reject(opts.fail);
      filed.push([m, draft]);
      return Promise.resolve({ id: "r1", toOrgId: TEAM }) as ReturnType<ReferralService["fileIn"]>;
    },
  };
  const f = fakeDeps(service, { ...opts, orgNames: { [TEAM]: "Coachteam <Noord> & Zo" } });
  const { app, views } = fakeApp();
  registerAanmeldenView(app, f.deps);
  const submitView = (view: unknown, who: Member | null = petra) => views.get(VIEW.aanmelden)?.({ ack: f.ack, body: bodyOf(), view, client: f.client, context: contextOf(who) });
  return { ...f, filed, submitView, views };
}

const fullView = filledIn({
  team: { selected_option: { value: TEAM } },
  name: { value: "Jan de Vries" },
  contact: { value: "06 8765 4321" },
  need: { value: "Jan wil weer iets doen." },
  wish: { value: "Vrijwilligerswerk" },
  urgency: { selected_option: { value: "soon" } },
  agrees: { selected_options: [{ value: "yes" }] },
});

describe("the /aanmelden modal", () => {
  it("files the referral in with what the partner filled in, answers the modal, and confirms where the command was typed", async () => {
    const f = aanmelden();
    await f.submitView(fullView());
    expect(f.filed).toEqual([
      [petra, { teamOrgId: TEAM, personName: "Jan de Vries", personContact: "06 8765 4321", need: "Jan wil weer iets doen.", wish: "Vrijwilligerswerk", urgency: "soon", personAgrees: true }],
    ]);
    expect(f.rec.acks).toEqual(["ack"]);
    expect(f.rec.ephemeral).toEqual([{ channel: "C123", user: "UPETRA", text: 'referral.done.filedIn {"team":"Coachteam &lt;Noord&gt; &amp; Zo"}' }]);
  });

  it("the person agrees only when the box 'yes' is ticked; a forged value does not count", async () => {
    const agrees = async (options: unknown) => {
      const f = aanmelden();
      await f.submitView(fullView({ agrees: { selected_options: options } }));
      return f.filed[0]?.[1].personAgrees;
    };
    expect(await agrees([{ value: "yes" }])).toBe(true);
    expect(await agrees([])).toBe(false);
    expect(await agrees([{ value: "YES" }, { value: "ja" }])).toBe(false);
    expect(await agrees("yes")).toBe(false);
    expect(await agrees(null)).toBe(false);
  });

  it("fields of the wrong shape reach the domain as empty strings, for it to refuse", async () => {
    const f = aanmelden();
    await f.submitView(fullView({ name: { value: 42 }, team: { selected_option: "x" }, urgency: {} }));
    expect(f.filed[0]?.[1]).toMatchObject({ teamOrgId: "", personName: "", urgency: "" });
  });

  it("without a real channel in the metadata it confirms nothing there (the receipt comes as a direct message)", async () => {
    for (const meta of [{}, { channel: "c123" }, { channel: "C1; DROP" }]) {
      const f = aanmelden();
      await f.submitView(fullView({}, meta));
      expect(f.filed).toHaveLength(1);
      expect(f.rec.ephemeral).toEqual([]);
      expect(f.rec.dms).toEqual([]);
    }
  });

  it("when the app is not in that channel the confirmation comes as a direct message", async () => {
    const f = aanmelden({ ephemeralFails: true });
    await f.submitView(fullView());
    expect(f.rec.dms.map((d) => [d.user, d.text.split(" ")[0]])).toEqual([["UPETRA", "referral.done.filedIn"]]);
  });

  it("the domain's input mistakes are shown inline, all at once, and nothing is confirmed", async () => {
    const f = aanmelden({
      fail: new ReferralRefused("invalid", "referral.error.form", undefined, {}, [
        { field: "name", key: "referral.error.required", vars: {} },
        { field: "need", key: "referral.error.required", vars: {} },
      ]),
    });
    await f.submitView(fullView());
    expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { name: "referral.error.required", need: "referral.error.required" } }]);
    expect(f.rec.ephemeral).toEqual([]);
  });

  it("someone who is no member files nothing: refused under the team, and audited", async () => {
    const f = aanmelden();
    await f.submitView(fullView(), null);
    expect(f.filed).toEqual([]);
    expectNotMemberRefused(f.rec, VIEW.aanmelden, "team");
  });

  itRegistersOnly(VIEW.aanmelden, () => aanmelden().views);
});
