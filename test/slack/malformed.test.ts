/**
 * Signed Slack requests that Slack never sends, found by test/fuzz/fuzz.test.ts: a payload whose
 * `user` is null (Bolt read `user.id` and answered 500), a team id with a lone surrogate (every Web
 * API call of the request threw "URI malformed", so not even the refusal reached the person), and
 * a modal we never opened whose callback id holds NUL or a lone surrogate (jsonb refused the audit
 * row). Each now answers 200, is audited, and whoever can be told is told, privately and calmly.
 */
import { describe, expect, it } from "vitest";
import { boltCanRead } from "../../src/slack/receiver.js";
import { useSlackHarness } from "./referrals/harness.js";
import { actionsBody, button, inMessage } from "./referrals/signed.js";

const { t: tdb, h } = useSlackHarness();

let n = 0;
const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify({ api_app_id: "A1", token: "legacy", trigger_id: `trig-malformed-${++n}`, ...payload }) }).toString();
const press = (over: Record<string, unknown>) => actionsBody("USTRANGER1", { ...inMessage("CPARTNER"), ...over }, button("ref.close", "not-a-uuid", "x"));
const refusals = () => tdb.db.prisma.auditEvent.findMany({ where: { action: "slack.refused" }, orderBy: { at: "asc" } });

describe("signed requests Slack never sends", () => {
  it("a button press whose user is null: 200, audited as malformed, no error", async () => {
    const res = await h.post(press({ user: null }));
    expect(res.status).toBe(200);
    expect((await refusals()).map((r) => r.detail)).toEqual([{ surface: "action", what: "ref.close", why: "malformed", slackUser: null }]);
    expect(h.logLines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("a team id with a lone surrogate: the person is still told, privately", async () => {
    expect((await h.post(press({ team: { id: "T\udeb6" } }))).status).toBe(200);
    const told = h.slack.of("chat.postEphemeral");
    expect(told.map((c) => [c.params.user, c.params.text])).toEqual([["USTRANGER1", "Dit verzoek klopt niet. Er is niets veranderd."]]);
    expect((await refusals()).map((r) => (r.detail as { why: string }).why)).toEqual(["malformed"]);
    expect(h.logLines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([]);
  });

  it("a modal we never opened, its callback id with NUL and a lone surrogate: audited, and the person gets a direct message", async () => {
    const body = interaction({ type: "view_submission", user: { id: h.w.otherMember.slackUserId }, team: { id: "T1" }, view: { id: "V1", type: "modal", callback_id: "\u0003@here\u0000🔔\udc5f", private_metadata: "", state: { values: {} }, hash: "h" } });
    expect((await h.post(body)).status).toBe(200);
    const rows = await refusals();
    expect(rows.map((r) => r.detail)).toEqual([{ surface: "view", what: "\u0003@here\ufffd🔔\ufffd", why: "unhandled", slackUser: h.w.otherMember.slackUserId }]);
    expect(rows[0]?.actorId).toBe(h.w.otherMember.id);
    const dm = h.slack.of("chat.postMessage").filter((c) => c.params.channel === `D${h.w.otherMember.slackUserId ?? ""}`);
    expect(dm.map((c) => c.params.text)).toEqual(["Dit verzoek klopt niet. Er is niets veranderd."]);
    expect(h.logLines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("tells what Bolt cannot route from what it can", () => {
    const ok = { type: "block_actions", user: { id: "U1" }, team: { id: "T1" }, actions: [{ action_id: "a" }] };
    expect(boltCanRead(ok)).toBe(true);
    expect(boltCanRead({ ...ok, team: null })).toBe(true);
    expect(boltCanRead({ command: "/verwijs", user_id: "U1", team_id: "T1" })).toBe(true);
    expect(boltCanRead({ type: "event_callback", team_id: "T1", event: { type: "app_home_opened", user: "U1" } })).toBe(true);
    for (const bad of [
      { ...ok, user: null },
      { ...ok, user: "U1" },
      { ...ok, channel: null },
      { ...ok, actions: [null] },
      { ...ok, team: { id: "t-1" } },
      { type: "view_submission", user: { id: "U1" }, view: "x" },
      { type: "event_callback", event: null },
      { type: "event_callback", event: { type: "reaction_added", item: "x" } },
      { command: "/verwijs", team_id: "T\ud800" },
    ]) expect(boltCanRead(bad as Record<string, unknown>), JSON.stringify(bad)).toBe(false);
  });
});
