/**
 * The one-time invite link to the assigned coach (src/slack/invite.ts), over fakes for the Web
 * API and the database handle (the referring organisation's name).
 */
import { describe, expect, it } from "vitest";
import type { Accepted } from "../../src/domain/referrals/in.js";
import type { Member } from "../../src/domain/members.js";
import { DM_ACTIONS } from "../../src/slack/ids.js";
import { sendInvite } from "../../src/slack/invite.js";
import { fakeDeps, member } from "./views/fake-bolt.js";

const FROM = "44444444-4444-4444-8444-444444444444";
const REFERRAL = "33333333-3333-4333-8333-333333333333";
const petra = member();
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });

const accepted = (coach: Member, referral: Record<string, unknown> = {}): Accepted =>
  ({
    applied: { referral: { id: REFERRAL, fromOrgId: FROM, personName: "Jan <de> Vries", personContact: "06 8765 4321", ...referral } },
    invite: { code: "AbC-123_x", expiresAt: new Date("2027-03-24T09:00:00.000Z") },
    coach,
  }) as unknown as Accepted;

const vars = (text: string | undefined) => JSON.parse((text ?? "").replace(/^referral\.dm\.in\.invite /, "")) as Record<string, string>;

describe("sendInvite", () => {
  it("sends the coach the link, the person, where they come from, their contact and until when the link works", async () => {
    const f = fakeDeps({}, { orgNames: { [FROM]: "Schuldhulp & Zo" } });
    await sendInvite(f.deps, f.client as never, accepted(ahmed), petra);
    expect(f.rec.dms.map((d) => d.user)).toEqual(["UAHMED"]);
    expect(f.rec.dms[0]?.text.startsWith("referral.dm.in.invite ")).toBe(true);
    expect(vars(f.rec.dms[0]?.text)).toEqual({ client: "Jan &lt;de&gt; Vries", from: "Schuldhulp &amp; Zo", contact: "06 8765 4321", until: "2027-03-24T09:00:00.000Z", link: "https://t.me/KoersBot?start=AbC-123_x" });
  });

  it("carries the buttons for a new link and for 'no contact', both with the referral's id", async () => {
    const f = fakeDeps({}, { orgNames: { [FROM]: "Schuldhulp" } });
    await sendInvite(f.deps, f.client as never, accepted(ahmed), petra);
    const blocks = f.rec.dms[0]?.blocks as { type: string; elements?: { action_id: string; value: string; style?: string }[] }[];
    expect(blocks.map((b) => b.type)).toEqual(["section", "actions"]);
    expect(blocks[1]?.elements?.map((e) => [e.action_id, e.value, e.style])).toEqual([
      [DM_ACTIONS.reinvite, REFERRAL, undefined],
      [DM_ACTIONS.noContact, REFERRAL, "danger"],
    ]);
  });

  it("without a bot name the coach gets the /start command; a missing name and contact read as empty and a dash", async () => {
    const f = fakeDeps({}, { orgNames: { [FROM]: "Schuldhulp" }, botUsername: null });
    await sendInvite(f.deps, f.client as never, accepted(ahmed, { personName: null, personContact: null }), petra);
    expect(vars(f.rec.dms[0]?.text)).toMatchObject({ link: "/start AbC-123_x", client: "", contact: "-" });
  });

  it("a coach without Slack: the member who accepted gets it; when neither has Slack nobody does", async () => {
    const f = fakeDeps({}, { orgNames: { [FROM]: "Schuldhulp" } });
    await sendInvite(f.deps, f.client as never, accepted({ ...ahmed, slackUserId: null }), petra);
    expect(f.rec.dms.map((d) => d.user)).toEqual(["UPETRA"]);
    await sendInvite(f.deps, f.client as never, accepted({ ...ahmed, slackUserId: null }), { ...petra, slackUserId: null });
    expect(f.rec.dms).toHaveLength(1);
  });

  it("a very long contact never makes the message longer than Slack takes", async () => {
    const f = fakeDeps({}, { orgNames: { [FROM]: "Schuldhulp" } });
    await sendInvite(f.deps, f.client as never, accepted(ahmed, { personContact: "x".repeat(5000) }), petra);
    expect(f.rec.dms[0]?.text.length).toBeLessThanOrEqual(3000);
  });
});
