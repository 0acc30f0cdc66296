/**
 * /verwijs (src/slack/commands/verwijs.ts) with fakes for Bolt, the referral service, the
 * database handle (audit rows) and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/domain/members.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { registerVerwijs } from "../../../src/slack/commands/verwijs.js";
import { VIEW } from "../../../src/slack/ids.js";
import { contextOf, fakeApp, fakeDeps, member } from "../views/fake-bolt.js";

const petra = member();
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });

function verwijs(has: { clients: number; partners: number }, ephemeralFails = false) {
  const asked: string[] = [];
  const service: Partial<ReferralService> = {
    caseload: (m, query = "", take) => (asked.push(`caseload:${m.name}:${query}:${take}`), Promise.resolve(Array.from({ length: has.clients }, (_, i) => ({ id: `c${i}`, name: `C${i}` })))) as ReturnType<ReferralService["caseload"]>,
    receivers: (kind, query = "", take) => (asked.push(`receivers:${kind}:${query}:${take}`), Promise.resolve(Array.from({ length: has.partners }, (_, i) => ({ id: `p${i}`, name: `P${i}` })))) as ReturnType<ReferralService["receivers"]>,
  };
  const f = fakeDeps(service, { ephemeralFails });
  const { app, commands } = fakeApp();
  registerVerwijs(app, f.deps);
  const type = (who: Member | null, body: Record<string, unknown> = {}) =>
    commands.get("/verwijs")?.({ ack: () => Promise.resolve(), body: { user_id: who?.slackUserId ?? "UNOBODY", channel_id: "C123", trigger_id: "trig-2", ...body }, client: f.client, context: contextOf(who) });
  return { ...f, asked, type, commands };
}

describe("/verwijs", () => {
  it("registers the one command", () => {
    expect([...verwijs({ clients: 0, partners: 0 }).commands.keys()]).toEqual(["/verwijs"]);
  });

  it("a coach with a client and a partner to send to gets the modal, remembering the channel", async () => {
    const f = verwijs({ clients: 1, partners: 1 });
    await f.type(ahmed);
    expect(f.asked).toEqual(["caseload:Ahmed::1", "receivers:PARTNER::1"]);
    expect(f.rec.opened.map((o) => [o.trigger_id, o.view.callback_id, JSON.parse(o.view.private_metadata ?? "{}")])).toEqual([["trig-2", VIEW.verwijs, { channel: "C123" }]]);
  });

  it("a modal from a command without a real channel remembers none", async () => {
    const f = verwijs({ clients: 1, partners: 1 });
    await f.type(ahmed, { channel_id: "nope" });
    expect(JSON.parse(f.rec.opened[0]?.view.private_metadata ?? "{}")).toEqual({});
  });

  it("a coach without clients, or with no partner organisation, is told why and gets no modal", async () => {
    const noClients = verwijs({ clients: 0, partners: 3 });
    await noClients.type(ahmed);
    expect(noClients.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.noClients"]);
    const noPartners = verwijs({ clients: 2, partners: 0 });
    await noPartners.type(ahmed);
    expect(noPartners.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.noPartners"]);
    expect([...noClients.rec.opened, ...noPartners.rec.opened]).toEqual([]);
  });

  it("where the app is not in the channel, the refusal comes as a direct message", async () => {
    const f = verwijs({ clients: 0, partners: 0 }, true);
    await f.type(ahmed);
    expect(f.rec.dms.map((d) => [d.user, d.text])).toEqual([["UAHMED", "referral.refused.noClients"]]);
  });

  it("a partner may not use it: told privately and audited, nothing is read", async () => {
    const f = verwijs({ clients: 1, partners: 1 });
    await f.type(petra);
    expect(f.asked).toEqual([]);
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notCoach"]);
    expect(f.rec.audits.map((a) => [a.actorKind, a.detail.what, a.detail.why])).toEqual([["PARTNER", "/verwijs", "notCoach"]]);
  });
});
