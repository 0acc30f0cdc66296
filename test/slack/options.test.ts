/**
 * The search selects' choices (src/slack/options.ts), through the listener it registers, with
 * fakes for Bolt, the referral service and the database handle (audit rows).
 */
import type { Context } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { ReferralService } from "../../src/domain/referrals/service.js";
import { ReferralRefused } from "../../src/domain/referrals/types.js";
import type { Member } from "../../src/domain/members.js";
import { VIEW } from "../../src/slack/ids.js";
import { registerOptions } from "../../src/slack/options.js";
import { contextOf, fakeDeps, member } from "./views/fake-bolt.js";

const REFERRAL = "33333333-3333-4333-8333-333333333333";
const TEAM = "44444444-4444-4444-8444-444444444444";
const ahmed = member({ id: "55555555-5555-4555-8555-555555555555", name: "Ahmed", role: "COACH", slackUserId: "UAHMED" });
const petra = member();

type Listener = (args: { ack: (r: unknown) => Promise<void>; body: unknown; context: Context }) => Promise<void>;

function options(opts: { checkFails?: Error; many?: number } = {}) {
  const asked: string[] = [];
  const rows = (prefix: string, query: string) => Array.from({ length: opts.many ?? 2 }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${query} ${i}` }));
  const service: Partial<ReferralService> = {
    caseload: (m, query = "") => (asked.push(`caseload:${m.name}:${query}`), Promise.resolve(rows("client", query))) as ReturnType<ReferralService["caseload"]>,
    receivers: (kind, query = "") => (asked.push(`receivers:${kind}:${query}`), Promise.resolve(rows(kind, query))) as ReturnType<ReferralService["receivers"]>,
    check: (m, id, type) => {
      asked.push(`check:${m.name}:${id}:${type}`);
      return opts.checkFails ? Promise.reject(opts.checkFails) : (Promise.resolve({ id, toOrgId: TEAM }) as ReturnType<ReferralService["check"]>);
    },
    coachesOf: (orgId, query = "") => (asked.push(`coachesOf:${orgId}:${query}`), Promise.resolve(rows("coach", query))) as ReturnType<ReferralService["coachesOf"]>,
  };
  const f = fakeDeps(service);
  let listener: Listener | undefined;
  let constraint: unknown;
  const app = { options: (c: unknown, l: Listener) => ((constraint = c), (listener = l)) } as unknown as Parameters<typeof registerOptions>[0];
  registerOptions(app, f.deps);
  const suggest = async (body: Record<string, unknown>, who: Member | null) => {
    const answers: unknown[] = [];
    await listener?.({ ack: (r) => (answers.push(r), Promise.resolve()), body: { user: { id: who?.slackUserId ?? "UNOBODY" }, action_id: "v", value: "sam", ...body }, context: contextOf(who) });
    return answers;
  };
  const labels = (answers: unknown[]) => (answers[0] as { options: { text: { text: string }; value: string }[] }).options.map((o) => [o.value, o.text.text]);
  return { ...f, asked, suggest, labels, constraint: () => constraint };
}

const of = (view: string, block: string, meta?: unknown) => ({ view: { callback_id: view, ...(meta === undefined ? {} : { private_metadata: typeof meta === "string" ? meta : JSON.stringify(meta) }) }, block_id: block });

describe("the search selects' choices", () => {
  it("listens to block suggestions", () => {
    expect(options().constraint()).toEqual({ type: "block_suggestion" });
  });

  it("a coach finds their own clients by the typed text for /verwijs, and partner organisations", async () => {
    const o = options();
    expect(o.labels(await o.suggest(of(VIEW.verwijs, "client"), ahmed))).toEqual([
      ["client-0", "client sam 0"],
      ["client-1", "client sam 1"],
    ]);
    expect(o.labels(await o.suggest(of(VIEW.verwijs, "partner"), ahmed))).toEqual([
      ["PARTNER-0", "PARTNER sam 0"],
      ["PARTNER-1", "PARTNER sam 1"],
    ]);
    expect(o.asked).toEqual(["caseload:Ahmed:sam", "receivers:PARTNER:sam"]);
    expect(o.rec.audits).toEqual([]);
  });

  it("a partner finds coach teams for /aanmelden", async () => {
    const o = options();
    expect(o.labels(await o.suggest(of(VIEW.aanmelden, "team"), petra))).toEqual([
      ["COACH_TEAM-0", "COACH_TEAM sam 0"],
      ["COACH_TEAM-1", "COACH_TEAM sam 1"],
    ]);
  });

  it("a partner gets no clients and a coach no teams: no options, and a 'notAllowed' audit row", async () => {
    const o = options();
    expect(await o.suggest(of(VIEW.verwijs, "client"), petra)).toEqual([{ options: [] }]);
    expect(await o.suggest(of(VIEW.verwijs, "partner"), petra)).toEqual([{ options: [] }]);
    expect(await o.suggest(of(VIEW.aanmelden, "team"), ahmed)).toEqual([{ options: [] }]);
    expect(o.asked).toEqual([]);
    expect(o.rec.audits.map((a) => [a.detail.surface, a.detail.what, a.detail.why])).toEqual([
      ["options", "ref.verwijs:client", "notAllowed"],
      ["options", "ref.verwijs:partner", "notAllowed"],
      ["options", "ref.aanmelden:team", "notAllowed"],
    ]);
  });

  it("the coaches of the receiving team, after the same check as the accept button", async () => {
    const o = options();
    expect(o.labels(await o.suggest(of(VIEW.accept, "coach", { referralId: REFERRAL }), ahmed))).toEqual([
      ["coach-0", "coach sam 0"],
      ["coach-1", "coach sam 1"],
    ]);
    expect(o.asked).toEqual([`check:Ahmed:${REFERRAL}:team.accepted`, `coachesOf:${TEAM}:sam`]);
  });

  it("a refused check gives no coaches, without an audit row of its own; another error is passed on", async () => {
    const o = options({ checkFails: new ReferralRefused("forbidden", "referral.refused.notYours") });
    expect(await o.suggest(of(VIEW.accept, "coach", { referralId: REFERRAL }), petra)).toEqual([{ options: [] }]);
    expect(o.rec.audits).toEqual([]);
    const broken = options({ checkFails: new Error("database gone") });
    await expect(broken.suggest(of(VIEW.accept, "coach", { referralId: REFERRAL }), ahmed)).rejects.toThrow("database gone");
  });

  it("accept metadata without a well-formed referral id is refused before any query", async () => {
    for (const meta of [{}, { referralId: "x" }, { referralId: 5 }, "not json", "[1,2]", "null", undefined]) {
      const o = options();
      expect(await o.suggest(of(VIEW.accept, "coach", meta), ahmed), JSON.stringify(meta)).toEqual([{ options: [] }]);
      expect(o.asked).toEqual([]);
      expect(o.rec.audits.map((a) => a.detail.why)).toEqual(["notAllowed"]);
    }
  });

  it("a list we do not have, or another action id, is an 'unknownList' refusal", async () => {
    for (const body of [of(VIEW.verwijs, "domain"), of("ref.other", "client"), of(VIEW.verwijs, "__proto__"), { view: { callback_id: "constructor" }, block_id: "" }, { ...of(VIEW.verwijs, "client"), action_id: "w" }, { block_id: "client" }]) {
      const o = options();
      expect(await o.suggest(body, ahmed)).toEqual([{ options: [] }]);
      expect(o.asked).toEqual([]);
      expect(o.rec.audits.map((a) => a.detail.why)).toEqual(["unknownList"]);
    }
  });

  it("someone who is no member gets nothing: 'notMember'", async () => {
    const o = options();
    expect(await o.suggest(of(VIEW.verwijs, "client"), null)).toEqual([{ options: [] }]);
    expect(o.asked).toEqual([]);
    expect(o.rec.audits.map((a) => [a.actorKind, a.detail.why])).toEqual([["SYSTEM", "notMember"]]);
  });

  it("answers at most 100 choices, with labels escaped and cut to Slack's 75 characters", async () => {
    const o = options({ many: 150 });
    const all = o.labels(await o.suggest({ ...of(VIEW.verwijs, "client"), value: `<b>&${"x".repeat(100)}` }, ahmed));
    expect(all).toHaveLength(100);
    const label = all[0]?.[1] ?? "";
    expect(label.startsWith("client &lt;b&gt;&amp;xxx")).toBe(true);
    expect(label.length).toBeLessThanOrEqual(75);
  });

  it("the typed text is cut to 100 characters, and one that is no string is empty", async () => {
    const o = options();
    await o.suggest({ ...of(VIEW.verwijs, "client"), value: "a".repeat(300) }, ahmed);
    await o.suggest({ ...of(VIEW.verwijs, "client"), value: { $ne: "" } }, ahmed);
    expect(o.asked).toEqual([`caseload:Ahmed:${"a".repeat(100)}`, "caseload:Ahmed:"]);
  });

  it("the audited list name is at most 64 characters", async () => {
    const o = options();
    await o.suggest(of("x".repeat(100), "client"), ahmed);
    expect(String(o.rec.audits[0]?.detail.what)).toHaveLength(64);
  });
});
