import { getShortestPaths } from "@xstate/graph";
import { createActor, initialTransition, transition, type AnyMachineSnapshot, type Snapshot } from "xstate";
import { describe, expect, it } from "vitest";
import {
  allows,
  FHIR_IN,
  FHIR_OUT,
  FHIR_TASK_STATUSES,
  fhirStatusOf,
  referralInMachine,
  referralMachine,
  referralOutMachine,
  tellsOf,
  type Direction,
  type ReferralEvent,
  type Tell,
} from "../../flows/referral/index.js";
import { localeKeys } from "./graph.js";

/** Every event with valid data, plus the invalid variants the guards must refuse. */
const EVENTS: ReferralEvent[] = [
  { type: "system.consentAsked" },
  { type: "client.consented", items: ["name", "phone"] },
  { type: "client.consented", items: [] },
  { type: "client.declined" },
  { type: "client.askedCoach" },
  { type: "client.withdrewConsent" },
  { type: "coach.cancelled" },
  { type: "partner.received" },
  { type: "partner.accepted" },
  { type: "partner.rejected", reason: "Geen plek" },
  { type: "partner.rejected", reason: "  " },
  { type: "partner.redirected", reason: "Beter bij Humanitas" },
  { type: "partner.planned", at: "2027-03-12T09:00:00.000Z", place: "Stadhuis" },
  { type: "partner.planned", at: "morgen", place: "Stadhuis" },
  { type: "partner.contactMade", withCoach: true },
  { type: "partner.noShow" },
  { type: "partner.completed", outcome: "Schuldhulp gestart" },
  { type: "partner.completed", outcome: "" },
  { type: "partner.closed", reason: "Drie keer niet gekomen" },
  { type: "filer.enteredInError" },
  { type: "team.accepted", coachId: "c1" },
  { type: "team.accepted", coachId: "" },
  { type: "team.askedInfo", question: "Welke schulden?" },
  { type: "partner.answeredInfo", answer: "Huur en zorg" },
  { type: "team.declined", reason: "Woont buiten de wijk" },
  { type: "system.invited" },
  { type: "team.reinvited" },
  { type: "system.contactMade" },
  { type: "team.noContact" },
  { type: "partner.withdrew" },
];

type Step = { snap: AnyMachineSnapshot; tells: Tell[] };

function begin(direction: Direction): Step {
  const [snap] = initialTransition(referralMachine(direction));
  return { snap: snap as AnyMachineSnapshot, tells: [] };
}

function send(direction: Direction, step: Step, event: ReferralEvent): Step {
  const [snap, actions] = transition(referralMachine(direction), step.snap, event);
  return { snap: snap as AnyMachineSnapshot, tells: tellsOf(actions) };
}

function run(direction: Direction, events: ReferralEvent[]): Step[] {
  const steps: Step[] = [];
  let step = begin(direction);
  for (const e of events) steps.push((step = send(direction, step, e)));
  return steps;
}

const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;

function explore(direction: Direction) {
  return getShortestPaths(referralMachine(direction), { events: EVENTS, serializeState: (s) => JSON.stringify(s.value) }).map(
    (p) => p.state as AnyMachineSnapshot,
  );
}

describe("referral out (warme overdracht)", () => {
  it("runs the whole road: consent, received, accepted, planned, first contact with the coach, completed", () => {
    const steps = run("OUT", [
      { type: "system.consentAsked" },
      { type: "client.consented", items: ["name", "goal"] },
      { type: "partner.received" },
      { type: "partner.accepted" },
      { type: "partner.planned", at: "2027-03-12T09:00:00.000Z", place: "Stadhuis" },
      { type: "partner.contactMade", withCoach: true },
      { type: "partner.completed", outcome: "Schuldhulp gestart" },
    ]);
    expect(steps.map((s) => s.snap.value)).toEqual(["awaitingConsent", "sent", "received", "accepted", "appointmentPlanned", "firstContact", "completed"]);
    expect(steps.map((s) => fhirStatusOf("OUT", s.snap.value as string))).toEqual([
      "on-hold", "requested", "requested", "accepted", "accepted", "in-progress", "completed",
    ]);
    expect(steps[4]?.tells).toEqual([{ to: "coach", key: "referral.dm.out.planned" }, { to: "client", key: "referralNews.planned" }]);
    expect(last(steps).snap.status).toBe("done");
  });

  it("reaches the partner only after consent: partner events before it change nothing", () => {
    const waiting = run("OUT", [{ type: "system.consentAsked" }]);
    for (const e of EVENTS.filter((x) => x.type.startsWith("partner."))) {
      const next = send("OUT", last(waiting), e);
      expect(next.snap.value, e.type).toBe("awaitingConsent");
      expect(next.tells).toEqual([]);
    }
  });

  it("refuses consent without any item, a rejection without a reason and a plan without a real date", () => {
    const waiting = last(run("OUT", [{ type: "system.consentAsked" }]));
    expect(send("OUT", waiting, { type: "client.consented", items: [] }).snap.value).toBe("awaitingConsent");
    const sent = send("OUT", waiting, { type: "client.consented", items: ["name"] });
    expect(send("OUT", sent, { type: "partner.rejected", reason: " " }).snap.value).toBe("sent");
    const accepted = send("OUT", sent, { type: "partner.accepted" });
    expect(send("OUT", accepted, { type: "partner.planned", at: "morgen", place: "hier" }).snap.value).toBe("accepted");
  });

  it("lets the client decline (cancelled, the coach hears it) or ask the coach first (on hold, asked again later)", () => {
    const declined = run("OUT", [{ type: "system.consentAsked" }, { type: "client.declined" }]);
    expect(last(declined).snap.value).toBe("declinedByClient");
    expect(last(declined).tells).toEqual([{ to: "coach", key: "referral.dm.out.declined" }]);
    const asked = run("OUT", [{ type: "system.consentAsked" }, { type: "client.askedCoach" }, { type: "system.consentAsked" }]);
    expect(asked.map((s) => s.snap.value)).toEqual(["awaitingConsent", "clientQuestion", "awaitingConsent"]);
  });

  it("lets the client withdraw consent at any open moment", () => {
    const prefixes: ReferralEvent[][] = [
      [],
      [{ type: "system.consentAsked" }],
      [{ type: "system.consentAsked" }, { type: "client.consented", items: ["name"] }, { type: "partner.accepted" }],
    ];
    for (const prefix of prefixes) {
      const s = last(run("OUT", [...prefix, { type: "client.withdrewConsent" }]));
      expect(s.snap.value).toBe("consentWithdrawn");
      expect(fhirStatusOf("OUT", "consentWithdrawn")).toBe("cancelled");
    }
  });

  it("after a no-show can plan again, or close as failed with a reason", () => {
    const toNoShow: ReferralEvent[] = [
      { type: "system.consentAsked" },
      { type: "client.consented", items: ["name"] },
      { type: "partner.accepted" },
      { type: "partner.planned", at: "2027-03-12T09:00:00.000Z", place: "Stadhuis" },
      { type: "partner.noShow" },
    ];
    expect(last(run("OUT", [...toNoShow, { type: "partner.planned", at: "2027-03-19T09:00:00.000Z", place: "Stadhuis" }])).snap.value).toBe("appointmentPlanned");
    expect(last(run("OUT", [...toNoShow, { type: "partner.closed", reason: "Niet meer gekomen" }])).snap.value).toBe("failed");
  });
});

describe("referral in (aanmelding)", () => {
  it("accepted with a coach, invited, first contact: the referrer hears each step", () => {
    const steps = run("IN", [{ type: "team.accepted", coachId: "c1" }, { type: "system.invited" }, { type: "team.reinvited" }, { type: "system.contactMade" }]);
    expect(steps.map((s) => s.snap.value)).toEqual(["accepted", "invited", "invited", "contactMade"]);
    expect(steps.map((s) => fhirStatusOf("IN", s.snap.value as string))).toEqual(["accepted", "in-progress", "in-progress", "completed"]);
    expect(steps[2]?.snap.context.invites).toBe(2);
    expect(steps[0]?.tells).toEqual([{ to: "referrer", key: "referral.dm.in.accepted" }]);
    expect(last(steps).tells.map((t) => t.to)).toEqual(["referrer", "coach"]);
  });

  it("asks for more information and goes back to the team when the partner answers", () => {
    const steps = run("IN", [{ type: "team.askedInfo", question: "Welke schulden?" }, { type: "partner.answeredInfo", answer: "Huur" }]);
    expect(steps.map((s) => s.snap.value)).toEqual(["infoRequested", "filed"]);
    expect(fhirStatusOf("IN", "infoRequested")).toBe("on-hold");
  });

  it("declines only with a reason; no contact after attempts fails", () => {
    expect(last(run("IN", [{ type: "team.declined", reason: "" }])).snap.value).toBe("filed");
    expect(last(run("IN", [{ type: "team.declined", reason: "Buiten de wijk" }])).snap.value).toBe("declined");
    expect(last(run("IN", [{ type: "team.accepted", coachId: "c1" }, { type: "system.invited" }, { type: "team.noContact" }])).snap.value).toBe("noContact");
  });
});

describe.each(["OUT", "IN"] as const)("referral %s, all paths", (direction) => {
  const machine = referralMachine(direction);
  const table: Record<string, string> = direction === "OUT" ? FHIR_OUT : FHIR_IN;
  const reached = explore(direction);

  it("maps every state, and only existing states, to a FHIR Task status", () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(machine.root.states).sort());
  });

  it("reaches every state and every FHIR status", () => {
    expect(reached.map((s) => s.value as string).sort()).toEqual(Object.keys(machine.root.states).sort());
    expect(new Set(reached.map((s) => fhirStatusOf(direction, s.value as string)))).toEqual(new Set(FHIR_TASK_STATUSES));
  });

  it("allows no action from a final state", () => {
    const finals = reached.filter((s) => s.status === "done");
    expect(finals.length).toBeGreaterThanOrEqual(5);
    for (const snap of finals) {
      for (const e of EVENTS) {
        expect(allows(snap, e), `${String(snap.value)} + ${e.type}`).toBe(false);
        const [next, actions] = transition(machine, snap, e);
        expect(next.value).toBe(snap.value);
        expect(actions).toEqual([]);
      }
    }
  });

  it("leaves no open state without a way forward", () => {
    for (const snap of reached.filter((s) => s.status !== "done")) expect(EVENTS.some((e) => allows(snap, e)), String(snap.value)).toBe(true);
  });

  it("tells with keys that exist in both languages", () => {
    const slack = { nl: localeKeys("nl", "slack"), en: localeKeys("en", "slack") };
    const client = { nl: localeKeys("nl"), en: localeKeys("en") };
    const missing: string[] = [];
    for (const snap of reached.filter((s) => s.status !== "done")) {
      for (const e of EVENTS) {
        for (const tell of tellsOf(transition(machine, snap, e)[1])) {
          const keys = tell.to === "client" ? client : slack;
          if (!keys.nl.has(tell.key) || !keys.en.has(tell.key)) missing.push(tell.key);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("survives a JSON round trip of its persisted snapshot", () => {
    const snap = reached.find((s) => s.status !== "done" && s.value !== "filed") as AnyMachineSnapshot;
    const json: unknown = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snap)));
    const restored = createActor(machine, { snapshot: json as Snapshot<unknown> }).getSnapshot() as AnyMachineSnapshot;
    expect(restored.value).toEqual(snap.value);
    expect(restored.context).toEqual(snap.context);
  });
});

describe("the two machines", () => {
  it("are distinct machines", () => {
    expect(referralOutMachine.id).toBe("referralOut");
    expect(referralInMachine.id).toBe("referralIn");
    expect(() => fhirStatusOf("IN", "sent")).toThrow(/no FHIR status/);
  });
});
