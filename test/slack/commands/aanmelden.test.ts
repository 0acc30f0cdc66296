/**
 * /aanmelden (src/slack/commands/aanmelden.ts) with fakes for Bolt, the referral service, the
 * database handle (audit rows) and the Web API.
 */
import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/domain/members.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";
import { registerAanmelden } from "../../../src/slack/commands/aanmelden.js";
import { VIEW } from "../../../src/slack/ids.js";
import { contextOf, fakeApp, fakeDeps, member } from "../views/fake-bolt.js";

const petra = member();
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });

function aanmelden(teams: { id: string; name: string }[]) {
  const asked: [string, string, number | undefined][] = [];
  const service: Partial<ReferralService> = {
    receivers: (kind, query = "", take) => (asked.push([kind, query, take]), Promise.resolve(teams)) as ReturnType<ReferralService["receivers"]>,
  };
  const f = fakeDeps(service);
  const { app, commands } = fakeApp();
  registerAanmelden(app, f.deps);
  const acks: number[] = [];
  const type = (who: Member | null, body: Record<string, unknown> = {}) =>
    commands.get("/aanmelden")?.({ ack: () => (acks.push(1), Promise.resolve()), body: { user_id: who?.slackUserId ?? "UNOBODY", channel_id: "C123", trigger_id: "trig-1", ...body }, client: f.client, context: contextOf(who) });
  return { ...f, asked, acks, type, commands };
}

/** The team select of an opened modal. */
const teamSelect = (opened: { view: { blocks?: unknown[] } } | undefined) =>
  (opened?.view.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[] | undefined)?.find((b) => b.block_id === "team")?.element;
const meta = (opened: { view: { private_metadata?: string } } | undefined) => JSON.parse(opened?.view.private_metadata ?? "{}") as Record<string, unknown>;

describe("/aanmelden", () => {
  it("registers the one command", () => {
    expect([...aanmelden([]).commands.keys()]).toEqual(["/aanmelden"]);
  });

  it("a partner gets the modal, opened with the command's trigger, remembering the channel", async () => {
    const f = aanmelden([{ id: "t1", name: "Noord" }, { id: "t2", name: "Zuid" }]);
    await f.type(petra);
    expect(f.acks).toEqual([1]);
    expect(f.asked).toEqual([["COACH_TEAM", "", 2]]);
    expect(f.rec.opened).toHaveLength(1);
    expect(f.rec.opened[0]?.trigger_id).toBe("trig-1");
    expect(f.rec.opened[0]?.view.callback_id).toBe(VIEW.aanmelden);
    expect(meta(f.rec.opened[0])).toMatchObject({ channel: "C123" });
    expect(teamSelect(f.rec.opened[0])).toBeDefined();
    expect(teamSelect(f.rec.opened[0])?.initial_option).toBeUndefined();
  });

  it("with only one coach team, that team is chosen already", async () => {
    const f = aanmelden([{ id: "t1", name: "Coachteam Noord" }]);
    await f.type(petra);
    expect(teamSelect(f.rec.opened[0])?.initial_option?.value).toBe("t1");
  });

  it("with no coach team at all the partner is told so, and no modal opens", async () => {
    const f = aanmelden([]);
    await f.type(petra);
    expect(f.rec.opened).toEqual([]);
    expect(f.rec.ephemeral).toEqual([{ channel: "C123", user: "UPETRA", text: "referral.refused.noTeams" }]);
  });

  it("a coach may not use it: told privately and audited, nothing is read", async () => {
    const f = aanmelden([{ id: "t1", name: "Noord" }]);
    await f.type(ahmed);
    expect(f.asked).toEqual([]);
    expect(f.rec.opened).toEqual([]);
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notPartner"]);
    expect(f.rec.audits.map((a) => [a.detail.surface, a.detail.what, a.detail.why])).toEqual([["command", "/aanmelden", "notPartner"]]);
  });

  it("someone unknown is told so; a body without a user is only audited", async () => {
    const unknown = aanmelden([{ id: "t1", name: "Noord" }]);
    await unknown.type(null);
    expect(unknown.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.notMember"]);
    expect(unknown.rec.audits.map((a) => a.detail.why)).toEqual(["notMember"]);
    const noUser = aanmelden([{ id: "t1", name: "Noord" }]);
    await noUser.type(petra, { user_id: "not a user" });
    expect(noUser.acks).toEqual([1]);
    expect(noUser.rec.ephemeral).toEqual([]);
    expect(noUser.rec.audits.map((a) => a.detail.why)).toEqual(["noUser"]);
    expect(noUser.rec.opened).toEqual([]);
  });
});
