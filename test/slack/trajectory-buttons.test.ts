/**
 * The trajectory from the coach's client file, over real signed Slack requests to Bolt with the
 * Web API at a local fake: the file's modal carries the three buttons; "announce closing" pushes
 * a date picker over it; the submitted day moves the client to closing, plans the talk and sends
 * the client the announcement with the real period; a day gone by, or someone else's client, is
 * an inline error and changes nothing.
 */
import { describe, expect, it } from "vitest";
import { useSlackHarness } from "./referrals/harness.js";
import { actionsBody, button, day, inView, submitBody } from "./referrals/signed.js";

const fileButton = (actionId: string, value: string, user: string, inModal: boolean) =>
  actionsBody(user, inView(inModal ? { id: "VFILE", type: "modal" } : { id: "VHOME", type: "home" }), button(actionId, value, "trajectory"));

/** YYYY-MM-DD, `days` from today in Amsterdam. */
function inDays(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
}

describe("the trajectory buttons of the client file", () => {
  const { t, h } = useSlackHarness();

  it("the file shows the buttons; 'announce closing' with a day two weeks on tells the client and plans the talk", { timeout: 60_000 }, async () => {
    const clientId = h.w.client.id;
    const coach = h.w.coach.slackUserId ?? "";
    await h.post(fileButton("clientFile.open", clientId, coach, false));
    const file = h.slack.of("views.open")[0]?.params.view as { blocks: { type: string; elements?: { action_id?: string }[] }[] };
    const actions = file.blocks.find((b) => b.type === "actions" && b.elements?.some((e) => e.action_id?.startsWith("trajectory.")));
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(["trajectory.evaluateNow", "trajectory.planEvaluation", "trajectory.announceClosing"]);

    await h.post(fileButton("trajectory.announceClosing", clientId, coach, true));
    const pushed = h.slack.of("views.push")[0]?.params.view as { callback_id: string; private_metadata: string };
    expect(pushed.callback_id).toBe("trajectory.closingDate");

    // A day gone by: an inline error, nothing planned.
    const past = await h.post(submitBody("trajectory.closingDate", coach, { date: day(inDays(-2)) }, JSON.parse(pushed.private_metadata) as object));
    expect(past.json()).toMatchObject({ response_action: "errors" });
    expect(await t.db.prisma.job.count({ where: { clientId, kind: "trajectory.closing" } })).toBe(0);

    const ok = await h.post(submitBody("trajectory.closingDate", coach, { date: day(inDays(14)) }, JSON.parse(pushed.private_metadata) as object));
    expect((ok.text ? ok.json() : {})).toMatchObject({ response_action: "clear" });
    const client = await t.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(client.phase).toBe("CLOSING");
    const job = await t.db.prisma.job.findFirstOrThrow({ where: { clientId, kind: "trajectory.closing", status: "PENDING" } });
    expect(job.payload).toMatchObject({ coachId: h.w.coach.id, aftercareWeeks: [4, 12] });
    await h.drain();
    const sent = h.telegram.get(clientId) ?? [];
    expect(sent.map((m) => [m.key, m.vars?.["n"]])).toEqual([["closing.announce.weeks", 2]]);
    expect(await t.db.prisma.auditEvent.count({ where: { clientId, action: "trajectory.closingAnnounced", actorId: h.w.coach.id } })).toBe(1);
  });

  it("someone who is not the client's coach team gets an inline error, and nothing changes", { timeout: 60_000 }, async () => {
    const clientId = h.w.client.id;
    const team = await t.db.prisma.organisation.create({ data: { kind: "COACH_TEAM", name: "Ander team" } });
    await t.db.prisma.member.create({ data: { organisationId: team.id, name: "Kim", role: "COACH", slackUserId: "UOTHER01" } });
    const res = await h.post(submitBody("trajectory.evaluationDate", "UOTHER01", { date: day(inDays(3)) }, { clientId }));
    expect(res.json()).toMatchObject({ response_action: "errors" });
    expect(await t.db.prisma.job.count({ where: { clientId, kind: "trajectory.evaluation" } })).toBe(0);
  });
});
