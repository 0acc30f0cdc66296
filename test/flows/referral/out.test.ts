import { describe, expect, it } from "vitest";
import { referralOutMachine } from "../../../flows/referral/out.js";
import type { ReferralEvent } from "../../../flows/referral/setup.js";
import { walker } from "./walker.js";

const m = referralOutMachine;
const { begin, step, walk, state, tellKeys } = walker(m);

const PLAN: ReferralEvent = { type: "partner.planned", at: "2027-03-20T13:30:00.000Z", place: "Buurthuis" };
const TO_SENT: ReferralEvent[] = [{ type: "system.consentAsked" }, { type: "client.consented", items: ["name", "goal"] }];
const TO_PLANNED: ReferralEvent[] = [...TO_SENT, { type: "partner.accepted" }, PLAN];

/** Every open state, with the events that lead there from the start. */
const OPEN: [string, ReferralEvent[]][] = [
  ["filed", []],
  ["awaitingConsent", [{ type: "system.consentAsked" }]],
  ["clientQuestion", [{ type: "system.consentAsked" }, { type: "client.askedCoach" }]],
  ["sent", TO_SENT],
  ["received", [...TO_SENT, { type: "partner.received" }]],
  ["accepted", [...TO_SENT, { type: "partner.accepted" }]],
  ["appointmentPlanned", TO_PLANNED],
  ["firstContact", [...TO_PLANNED, { type: "partner.contactMade", withCoach: true }]],
  ["noShow", [...TO_PLANNED, { type: "partner.noShow" }]],
];

describe("the referral out machine (warme overdracht)", () => {
  it("starts filed, with no invites and nothing told", () => {
    const s = begin();
    expect(state(s)).toBe("filed");
    expect(s.snap.context).toEqual({ invites: 0 });
    expect(s.tells).toEqual([]);
  });

  it("the whole way: consent, received, accepted, appointment, first contact, completed, each told to the right people", () => {
    const events: ReferralEvent[] = [...TO_SENT, { type: "partner.received" }, { type: "partner.accepted" }, PLAN, { type: "partner.contactMade", withCoach: false }, { type: "partner.completed", outcome: "Regeling getroffen" }];
    const seen: [string, string[]][] = [];
    events.reduce((s, e) => {
      const next = step(s, e);
      seen.push([state(next), tellKeys(next)]);
      return next;
    }, begin());
    expect(seen).toEqual([
      ["awaitingConsent", []],
      ["sent", ["coach:referral.dm.out.consented"]],
      ["received", ["coach:referral.dm.out.received"]],
      ["accepted", ["coach:referral.dm.out.accepted", "client:referralNews.accepted"]],
      ["appointmentPlanned", ["coach:referral.dm.out.planned", "client:referralNews.planned"]],
      ["firstContact", ["coach:referral.dm.out.contactMade"]],
      ["completed", ["coach:referral.dm.out.completed", "client:referralNews.completed"]],
    ]);
  });

  it("nothing reaches the partner before the client consents: partner events do nothing until then", () => {
    for (const at of ["filed", "awaitingConsent", "clientQuestion"]) {
      const from = walk(OPEN.find(([s]) => s === at)?.[1] ?? []);
      for (const e of [{ type: "partner.received" }, { type: "partner.accepted" }, PLAN, { type: "partner.rejected", reason: "nee" }] as ReferralEvent[]) {
        const s = step(from, e);
        expect([at, e.type, state(s), s.tells]).toEqual([at, e.type, at, []]);
      }
    }
  });

  it("consent with no items shared is no consent", () => {
    const s = walk([{ type: "system.consentAsked" }, { type: "client.consented", items: [] }]);
    expect(state(s)).toBe("awaitingConsent");
    expect(s.tells).toEqual([]);
  });

  it("the client may decline, or ask the coach first; the coach may then ask again", () => {
    const declined = walk([{ type: "system.consentAsked" }, { type: "client.declined" }]);
    expect([state(declined), declined.snap.status, tellKeys(declined)]).toEqual(["declinedByClient", "done", ["coach:referral.dm.out.declined"]]);
    const question = walk([{ type: "system.consentAsked" }, { type: "client.askedCoach" }]);
    expect([state(question), tellKeys(question)]).toEqual(["clientQuestion", ["coach:referral.dm.out.askedCoach"]]);
    expect(state(step(question, { type: "system.consentAsked" }))).toBe("awaitingConsent");
  });

  it("the partner may reject or redirect, with a reason, while sent, received or accepted", () => {
    for (const at of ["sent", "received", "accepted"]) {
      const from = walk(OPEN.find(([s]) => s === at)?.[1] ?? []);
      const rejected = step(from, { type: "partner.rejected", reason: "Geen plek" });
      expect([at, state(rejected), tellKeys(rejected)]).toEqual([at, "rejected", ["coach:referral.dm.out.rejected", "client:referralNews.rejected"]]);
      const redirected = step(from, { type: "partner.redirected", reason: "Beter bij de gemeente" });
      expect([at, state(redirected), tellKeys(redirected)]).toEqual([at, "redirected", ["coach:referral.dm.out.redirected", "client:referralNews.redirected"]]);
    }
  });

  it("an empty or blank reason, outcome or place changes nothing", () => {
    const accepted = walk([...TO_SENT, { type: "partner.accepted" }]);
    for (const reason of ["", "   ", "\n\t"]) {
      expect(state(step(accepted, { type: "partner.rejected", reason }))).toBe("accepted");
      expect(state(step(accepted, { type: "partner.redirected", reason }))).toBe("accepted");
    }
    expect(state(step(accepted, { ...PLAN, place: "  " } as ReferralEvent))).toBe("accepted");
    expect(state(step(accepted, { ...PLAN, at: "volgende week" } as ReferralEvent))).toBe("accepted");
    const contact = walk([...TO_PLANNED, { type: "partner.contactMade", withCoach: true }]);
    expect(state(step(contact, { type: "partner.completed", outcome: " " }))).toBe("firstContact");
    const noShow = walk([...TO_PLANNED, { type: "partner.noShow" }]);
    expect(state(step(noShow, { type: "partner.closed", reason: "" }))).toBe("noShow");
  });

  it("an appointment may be moved, and planned again after a no-show", () => {
    const planned = walk(TO_PLANNED);
    const moved = step(planned, { ...PLAN, at: "2027-03-21T09:00:00.000Z" } as ReferralEvent);
    expect([state(moved), tellKeys(moved)]).toEqual(["appointmentPlanned", ["coach:referral.dm.out.planned", "client:referralNews.planned"]]);
    const noShow = step(planned, { type: "partner.noShow" });
    expect([state(noShow), tellKeys(noShow)]).toEqual(["noShow", ["coach:referral.dm.out.noShow", "client:referralNews.noShow"]]);
    expect(state(step(noShow, PLAN))).toBe("appointmentPlanned");
    const failed = step(noShow, { type: "partner.closed", reason: "Niet bereikt" });
    expect([state(failed), failed.snap.status, tellKeys(failed)]).toEqual(["failed", "done", ["coach:referral.dm.out.failed"]]);
  });

  it("from every open state the client may take back consent, the coach may cancel, and the filer may undo", () => {
    for (const [at, path] of OPEN) {
      const from = walk(path);
      expect(state(from)).toBe(at);
      const withdrawn = step(from, { type: "client.withdrewConsent" });
      expect([at, state(withdrawn), tellKeys(withdrawn)]).toEqual([at, "consentWithdrawn", ["coach:referral.dm.out.withdrawn"]]);
      const cancelled = step(from, { type: "coach.cancelled" });
      expect([at, state(cancelled), tellKeys(cancelled)]).toEqual([at, "cancelledByCoach", ["client:referralNews.cancelled"]]);
      const error = step(from, { type: "filer.enteredInError" });
      expect([at, state(error), error.tells]).toEqual([at, "enteredInError", []]);
    }
  });

  it("a closed referral never changes again, not even by the events every open state accepts", () => {
    const closed = walk([...TO_SENT, { type: "partner.rejected", reason: "Geen plek" }]);
    expect(closed.snap.status).toBe("done");
    for (const e of [{ type: "client.withdrewConsent" }, { type: "coach.cancelled" }, { type: "filer.enteredInError" }, { type: "partner.accepted" }, PLAN] as ReferralEvent[]) {
      const s = step(closed, e);
      expect([e.type, state(s), s.tells]).toEqual([e.type, "rejected", []]);
    }
  });

  it("events of the other direction do nothing", () => {
    const sent = walk(TO_SENT);
    for (const e of [{ type: "team.accepted", coachId: "c1" }, { type: "system.invited" }, { type: "partner.withdrew" }] as ReferralEvent[]) {
      expect(state(step(sent, e))).toBe("sent");
    }
  });
});
