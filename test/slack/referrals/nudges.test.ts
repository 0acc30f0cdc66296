/**
 * Coach nudge buttons and the coach's caseload in the App Home, over real signed requests.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { openWeekOldNudge, useSlackHarness } from "./harness.js";
import { actionsBody, button, homeOpenedBody, inMessage } from "./signed.js";

/** A button in a nudge message (with the message's ts). */
const nudgeButton = (actionId: string, value: string, user: string, channel: string) =>
  actionsBody(user, inMessage(channel, "1700000000.000100", "nudge"), button(actionId, value, `nudge:${value}`));
const homeOpened = (user: string, n: number) => homeOpenedBody(user, `EvN${n}`, n);

describe("coach nudges in Slack", () => {
  const { t, h } = useSlackHarness();
  let nudgeId: string;
  beforeEach(async () => {
    nudgeId = await openWeekOldNudge(t.db, h.w);
    await t.db.prisma.scaleScore.create({ data: { clientId: h.w.client.id, kind: "WELLBEING", score: 4 } });
  });

  const coach = () => h.w.coach.slackUserId ?? "";
  const dm = () => `D${coach()}`;
  const nudge = () => t.db.prisma.nudge.findUniqueOrThrow({ where: { id: nudgeId } });
  const lastEphemeral = () => String(h.slack.of("chat.postEphemeral").at(-1)?.params.text);

  it("the coach presses 'klaar': the nudge is done, the message says so, and it is audited", async () => {
    expect((await h.post(nudgeButton("nudge.done", nudgeId, coach(), dm()))).status).toBe(200);
    expect((await nudge()).status).toBe("DONE");
    const update = h.slack.of("chat.update").at(-1);
    expect(update?.params.channel).toBe(dm());
    expect(update?.params.ts).toBe("1700000000.000100");
    expect(String(update?.params.text)).toBe("✅ Sam: klaar.");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "nudge.done", actorId: h.w.coach.id, clientId: h.w.client.id } })).toBe(1);
  });

  it("someone else's press, a forged id and a nudge about a client who left change nothing", async () => {
    await h.post(nudgeButton("nudge.done", nudgeId, h.w.colleague.slackUserId ?? "", dm()));
    expect(lastEphemeral()).toContain("voor de coach van deze cliënt");
    await h.post(nudgeButton("nudge.snooze", "00000000-0000-4000-8000-000000000000", coach(), dm()));
    expect(lastEphemeral()).toContain("bestaat niet");
    await h.post(nudgeButton("nudge.contact", "not-a-uuid'; --", coach(), dm()));
    expect(lastEphemeral()).toContain("bestaat niet");
    await t.db.prisma.client.update({ where: { id: h.w.client.id }, data: { status: "CLOSED" } });
    await h.post(nudgeButton("nudge.done", nudgeId, coach(), dm()));
    expect(lastEphemeral()).toContain("doet niet meer mee");
    expect((await nudge()).status).toBe("OPEN");
    expect(h.slack.of("chat.update")).toHaveLength(0);
    expect(await t.db.prisma.auditEvent.count({ where: { action: { startsWith: "nudge." } } })).toBe(0);
  });

  it("the coach's App Home lists their own clients with the nudge buttons, audited; a partner sees no clients", async () => {
    await h.post(homeOpened(coach(), 1), { contentType: "application/json" });
    await h.post(homeOpened(h.w.partnerMember.slackUserId ?? "", 2), { contentType: "application/json" });
    await h.post(homeOpened(h.w.colleague.slackUserId ?? "", 3), { contentType: "application/json" });
    const [mine, partner, colleague] = h.slack.of("views.publish").map((c) => JSON.stringify(c.params.view));
    expect(mine).toContain("Mijn cliënten");
    expect(mine).toContain("*Sam*");
    expect(mine).toContain("4 (hoe het gaat)");
    expect(mine).toContain("Open meldingen: 1");
    for (const id of ["nudge.contact", "nudge.snooze", "nudge.done"]) expect(mine).toContain(id);
    expect(mine).toContain(nudgeId);
    expect(partner).not.toContain("Sam");
    expect(partner).not.toContain("nudge.");
    expect(colleague).not.toContain("*Sam*");
    expect(colleague).not.toContain(nudgeId);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "caseload.viewed", actorId: h.w.coach.id, clientId: h.w.client.id } })).toBe(1);
    // Why the coach sees it is in the row: the own caseload.
    expect((await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "caseload.viewed", actorId: h.w.coach.id } })).detail).toMatchObject({ via: "slack.home", why: "caseload" });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "caseload.viewed", actorId: { not: h.w.coach.id } } })).toBe(0);
  });
});
