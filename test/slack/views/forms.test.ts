/**
 * The small forms behind card buttons (src/slack/views/forms.ts), through the listeners they
 * register, with fakes for Bolt, the referral service, the database handle and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { ReferralEvent } from "../../../flows/referral/index.js";
import type { Accepted } from "../../../src/domain/referrals/in.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import type { Member } from "../../../src/domain/members.js";
import { VIEW } from "../../../src/slack/ids.js";
import { registerForms, submit } from "../../../src/slack/views/forms.js";
import { bodyOf, contextOf, fakeApp, fakeDeps, member, viewOf } from "./fake-bolt.js";

const REFERRAL = "33333333-3333-4333-8333-333333333333";
const petra = member();

/** The forms' listeners over a fake service that records `act` and `accept` (or fails as told). */
function forms(opts: { fail?: Error; now?: Date; accepted?: Accepted; botUsername?: string | null; auditFails?: boolean } = {}) {
  const acted: [Member, string, ReferralEvent][] = [];
  const accepted: [Member, string, string][] = [];
  const service: Partial<ReferralService> = {
    act: (m, id, event) => {
      if (opts.fail) return Promise.reject(opts.fail);
      acted.push([m, id, event]);
      return Promise.resolve({}) as ReturnType<ReferralService["act"]>;
    },
    accept: (m, id, coachId) => {
      if (opts.fail) return Promise.reject(opts.fail);
      accepted.push([m, id, coachId]);
      return Promise.resolve(opts.accepted as Accepted);
    },
  };
  const f = fakeDeps(service, { ...opts, orgNames: { "44444444-4444-4444-8444-444444444444": "Wijkteam <Zuid>" } });
  const { app, views } = fakeApp();
  registerForms(app, f.deps);
  const submitView = async (id: string, view: unknown, who: Member | null = petra, body: unknown = bodyOf()) => {
    const listener = views.get(id);
    if (!listener) throw new Error(`no listener for ${id}`);
    await listener({ ack: f.ack, body, view, client: f.client, context: contextOf(who) });
  };
  return { ...f, acted, accepted, views, submitView };
}

const textView = (event: string, text: unknown, referralId: unknown = REFERRAL) => viewOf({ text: { value: text } }, { referralId, event });
const planView = (date: unknown, time: unknown, place: unknown, referralId: unknown = REFERRAL) =>
  viewOf({ date: { selected_date: date }, time: { selected_time: time }, place: { value: place } }, { referralId });

describe("the forms behind card buttons", () => {
  it("register the text, appointment and accept modals", () => {
    expect([...forms().views.keys()].sort()).toEqual([VIEW.accept, VIEW.plan, VIEW.text].sort());
  });

  describe("the text form", () => {
    it.each([
      ["partner.rejected", { type: "partner.rejected", reason: "Wij doen geen schulden" }],
      ["partner.redirected", { type: "partner.redirected", reason: "Wij doen geen schulden" }],
      ["partner.closed", { type: "partner.closed", reason: "Wij doen geen schulden" }],
      ["team.declined", { type: "team.declined", reason: "Wij doen geen schulden" }],
      ["partner.completed", { type: "partner.completed", outcome: "Wij doen geen schulden" }],
      ["team.askedInfo", { type: "team.askedInfo", question: "Wij doen geen schulden" }],
      ["partner.answeredInfo", { type: "partner.answeredInfo", answer: "Wij doen geen schulden" }],
    ])("%s: hands the trimmed text to the domain as the event's own field, then closes the modal", async (event, expected) => {
      const f = forms();
      await f.submitView(VIEW.text, textView(event, "  Wij doen geen schulden \n"));
      expect(f.acted).toEqual([[petra, REFERRAL, expected]]);
      expect(f.rec.acks).toEqual(["ack"]);
      expect(f.rec.audits).toEqual([]);
    });

    it("an empty or blank text is an inline error under the field, and nothing happens", async () => {
      for (const text of ["", "   \n ", undefined, 42]) {
        const f = forms();
        await f.submitView(VIEW.text, textView("partner.rejected", text));
        expect(f.acted).toEqual([]);
        expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.error.required" } }]);
      }
    });

    it("a reason over 500 characters is refused with the limit; an answer may be 1000", async () => {
      const f = forms();
      await f.submitView(VIEW.text, textView("partner.rejected", "a".repeat(501)));
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: 'referral.error.tooLong {"max":500}' } }]);
      await f.submitView(VIEW.text, textView("partner.rejected", "a".repeat(500)));
      await f.submitView(VIEW.text, textView("partner.answeredInfo", "a".repeat(1000)));
      await f.submitView(VIEW.text, textView("partner.answeredInfo", "a".repeat(1001)));
      expect(f.acted.map(([, , e]) => e.type)).toEqual(["partner.rejected", "partner.answeredInfo"]);
      expect(f.rec.acks.at(-1)).toEqual({ response_action: "errors", errors: { text: 'referral.error.tooLong {"max":1000}' } });
    });

    it.each(["partner.accepted", "team.accepted", "constructor", "__proto__", "toString", "hasOwnProperty", ""])(
      "an event %j the text modal never has is a forgery: refused inline and audited, the domain never sees it",
      async (event) => {
        const f = forms();
        await f.submitView(VIEW.text, textView(event, "iets"));
        expect(f.acted).toEqual([]);
        expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.refused.malformed" } }]);
        expect(f.rec.audits).toEqual([
          expect.objectContaining({ action: "slack.refused", actorKind: "PARTNER", actorId: petra.id, detail: { surface: "view", what: VIEW.text, why: "unknownEvent", slackUser: "UPETRA" } }),
        ]);
      },
    );

    it("metadata that names no referral is refused before any query, and audited", async () => {
      for (const referralId of [null, "", "not-a-uuid", `${REFERRAL}x`, "' OR 1=1 --", 12]) {
        const f = forms();
        await f.submitView(VIEW.text, textView("partner.rejected", "reden", referralId));
        expect(f.acted).toEqual([]);
        expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.refused.unknown" } }]);
        expect(f.rec.audits.map((a) => a.detail.why)).toEqual(["malformedId"]);
      }
    });

    it("metadata that is no JSON at all reads as no referral", async () => {
      const f = forms();
      await f.submitView(VIEW.text, viewOf({ text: { value: "reden" } }, "{not json"));
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.refused.unknown" } }]);
    });

    it("someone who is no member is refused and audited without an actor, before anything is read", async () => {
      const f = forms();
      await f.submitView(VIEW.text, textView("partner.rejected", "reden"), null);
      expect(f.acted).toEqual([]);
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.refused.notMember" } }]);
      expect(f.rec.audits).toEqual([expect.objectContaining({ actorKind: "SYSTEM", actorId: null, detail: { surface: "view", what: VIEW.text, why: "notMember", slackUser: "UPETRA" } })]);
    });

    it("a body without a real-looking Slack user is refused, even with a member on the context", async () => {
      for (const body of [{}, null, { user: {} }, bodyOf("petra"), bodyOf("U<script>"), bodyOf(""), { user_id: ["UPETRA"] }]) {
        const f = forms();
        await f.submitView(VIEW.text, textView("partner.rejected", "reden"), petra, body);
        expect(f.acted).toEqual([]);
        expect(f.rec.audits.map((a) => [a.actorKind, a.detail.why, a.detail.slackUser])).toEqual([["SYSTEM", "notMember", null]]);
      }
    });

    it("the domain's refusal is shown inline: under the field it names, else under the text", async () => {
      const state = forms({ fail: new ReferralRefused("notNow", "referral.refused.state", undefined, { state: "closed" }) });
      await state.submitView(VIEW.text, textView("partner.rejected", "reden"));
      expect(state.rec.acks).toEqual([{ response_action: "errors", errors: { text: 'referral.refused.state {"state":"closed"}' } }]);
      expect(state.rec.audits).toEqual([]);
      const field = forms({ fail: new ReferralRefused("invalid", "referral.error.required", "reason") });
      await field.submitView(VIEW.text, textView("partner.rejected", "reden"));
      expect(field.rec.acks).toEqual([{ response_action: "errors", errors: { reason: "referral.error.required" } }]);
    });

    it("an unexpected error is not swallowed and the modal is not answered", async () => {
      const f = forms({ fail: new Error("database gone") });
      await expect(f.submitView(VIEW.text, textView("partner.rejected", "reden"))).rejects.toThrow("database gone");
      expect(f.rec.acks).toEqual([]);
    });

    it("a refusal whose audit row cannot be written is still answered; the failure is logged", async () => {
      const f = forms({ auditFails: true });
      await f.submitView(VIEW.text, textView("partner.rejected", "reden"), null);
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { text: "referral.refused.notMember" } }]);
      expect(f.rec.errors).toEqual(["could not audit a refused Slack request"]);
    });
  });

  describe("the appointment form", () => {
    it("plans the appointment at that day and time in Amsterdam, with the place trimmed", async () => {
      const f = forms();
      await f.submitView(VIEW.plan, planView("2027-03-12", "14:30", "  Buurthuis De Pijp "));
      await f.submitView(VIEW.plan, planView("2027-07-01", "09:05", "Kantoor"));
      expect(f.acted.map(([, , e]) => e)).toEqual([
        { type: "partner.planned", at: "2027-03-12T13:30:00.000Z", place: "Buurthuis De Pijp" },
        { type: "partner.planned", at: "2027-07-01T07:05:00.000Z", place: "Kantoor" },
      ]);
      expect(f.rec.acks).toEqual(["ack", "ack"]);
    });

    it("today is allowed, but only at a time still to come", async () => {
      // now: 10 March 2027, 10:00 in Amsterdam
      const f = forms();
      await f.submitView(VIEW.plan, planView("2027-03-10", "10:01", "Kantoor"));
      expect(f.acted).toHaveLength(1);
      await f.submitView(VIEW.plan, planView("2027-03-10", "10:00", "Kantoor"));
      await f.submitView(VIEW.plan, planView("2027-03-10", "08:00", "Kantoor"));
      expect(f.acted).toHaveLength(1);
      expect(f.rec.acks.slice(1)).toEqual([
        { response_action: "errors", errors: { time: "referral.error.pastDate" } },
        { response_action: "errors", errors: { time: "referral.error.pastDate" } },
      ]);
    });

    it("a day before today, or no day, is an error under the date", async () => {
      const f = forms();
      await f.submitView(VIEW.plan, planView("2027-03-09", "14:00", "Kantoor"));
      await f.submitView(VIEW.plan, planView("", "14:00", "Kantoor"));
      await f.submitView(VIEW.plan, planView("12-03-2027", "14:00", "Kantoor"));
      await f.submitView(VIEW.plan, planView("2027-13-01", "14:00", "Kantoor"));
      // A day that does not exist, which the date parser would roll into March.
      await f.submitView(VIEW.plan, planView("2027-02-30", "14:00", "Kantoor"));
      expect(f.acted).toEqual([]);
      expect(f.rec.acks).toEqual([
        { response_action: "errors", errors: { date: "referral.error.pastDate" } },
        { response_action: "errors", errors: { date: "referral.error.date" } },
        { response_action: "errors", errors: { date: "referral.error.date" } },
        { response_action: "errors", errors: { date: "referral.error.date" } },
        { response_action: "errors", errors: { date: "referral.error.date" } },
      ]);
    });

    it("a time that is not hh:mm is an error under the time", async () => {
      for (const time of ["", "9:30", "14.30", "14:30:00", "1430", 1430, "24:00", "25:99", "14:60"]) {
        const f = forms();
        await f.submitView(VIEW.plan, planView("2027-03-12", time, "Kantoor"));
        expect(f.acted, String(time)).toEqual([]);
        expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { time: "referral.error.time" } }]);
      }
    });

    it("an appointment without a place is an error under the place", async () => {
      const f = forms();
      await f.submitView(VIEW.plan, planView("2027-03-12", "14:00", "   "));
      expect(f.acted).toEqual([]);
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { place: "referral.error.required" } }]);
    });

    it("a forged referral id is refused under the place, and audited", async () => {
      const f = forms();
      await f.submitView(VIEW.plan, planView("2027-03-12", "14:00", "Kantoor", "../../etc"));
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { place: "referral.refused.unknown" } }]);
      expect(f.rec.audits.map((a) => [a.detail.what, a.detail.why])).toEqual([[VIEW.plan, "malformedId"]]);
    });
  });

  describe("the accept form", () => {
    const coach = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });
    const accepted = (over: Partial<Member> = {}): Accepted =>
      ({
        applied: { referral: { id: REFERRAL, fromOrgId: "44444444-4444-4444-8444-444444444444", personName: "Jan & co", personContact: null } },
        invite: { code: "K-YS1OM", expiresAt: new Date("2027-03-24T09:00:00.000Z") },
        coach: { ...coach, ...over },
      }) as unknown as Accepted;
    const acceptView = (coachId: unknown) => viewOf({ coach: { selected_option: { value: coachId } } }, { referralId: REFERRAL });

    it("accepts with the chosen coach, answers the modal, then sends the coach the invite link by direct message", async () => {
      const f = forms({ accepted: accepted() });
      await f.submitView(VIEW.accept, acceptView(coach.id));
      expect(f.accepted).toEqual([[petra, REFERRAL, coach.id]]);
      expect(f.rec.acks).toEqual(["ack"]);
      expect(f.rec.dms).toHaveLength(1);
      const dm = f.rec.dms[0];
      expect(dm?.user).toBe("UAHMED");
      expect(dm?.text).toContain('"link":"https://t.me/KoersBot?start=K-YS1OM"');
      // names from Slack users are escaped, a missing contact is a dash
      expect(dm?.text).toContain('"client":"Jan &amp; co"');
      expect(dm?.text).toContain('"from":"Wijkteam &lt;Zuid&gt;"');
      expect(dm?.text).toContain('"contact":"-"');
      expect(JSON.stringify(dm?.blocks)).toContain('"action_id":"ref.dm.reinvite"');
      expect(JSON.stringify(dm?.blocks)).toContain('"action_id":"ref.dm.noContact"');
    });

    it("without a bot username the coach gets the /start command instead of a link", async () => {
      const f = forms({ accepted: accepted(), botUsername: null });
      await f.submitView(VIEW.accept, acceptView(coach.id));
      expect(f.rec.dms[0]?.text).toContain('"link":"/start K-YS1OM"');
    });

    it("a coach without Slack: the member who accepted gets the invite to pass on", async () => {
      const f = forms({ accepted: accepted({ slackUserId: null }) });
      await f.submitView(VIEW.accept, acceptView(coach.id));
      expect(f.rec.dms.map((d) => d.user)).toEqual(["UPETRA"]);
    });

    it("a refused accept sends no invite", async () => {
      const f = forms({ fail: new ReferralRefused("invalid", "referral.error.coach", "coach") });
      await f.submitView(VIEW.accept, acceptView("someone"));
      expect(f.rec.acks).toEqual([{ response_action: "errors", errors: { coach: "referral.error.coach" } }]);
      expect(f.rec.dms).toEqual([]);
    });
  });
});

describe("submit", () => {
  it("gives back the user, the member and the result once the modal is answered", async () => {
    const f = fakeDeps({});
    const out = await submit(f.deps, f.ack, bodyOf(), contextOf(petra), { view: "v", block: "b" }, (m) => Promise.resolve(m.name.length));
    expect(out).toEqual({ user: "UPETRA", member: petra, result: 5 });
    expect(f.rec.acks).toEqual(["ack"]);
  });

  it("puts a refusal without fields under the form's block; with fields, under each of them", async () => {
    const f = fakeDeps({});
    const refusal = new ReferralRefused("invalid", "referral.error.form", undefined, {}, [
      { field: "need", key: "referral.error.required", vars: {} },
      { field: "phone", key: "referral.error.phone", vars: { max: 20 } },
    ]);
    expect(await submit(f.deps, f.ack, bodyOf(), contextOf(petra), { view: "v", block: "b" }, () => Promise.reject(refusal))).toBeUndefined();
    expect(await submit(f.deps, f.ack, bodyOf(), contextOf(petra), { view: "v", block: "b" }, () => Promise.reject(new ReferralRefused("forbidden", "referral.refused.notYours")))).toBeUndefined();
    expect(f.rec.acks).toEqual([
      { response_action: "errors", errors: { need: "referral.error.required", phone: 'referral.error.phone {"max":20}' } },
      { response_action: "errors", errors: { b: "referral.refused.notYours" } },
    ]);
  });
});
