import { describe, expect, it } from "vitest";
import { useSlackHarness } from "./harness.js";
import { commandBody, sign, SIGNING_SECRET, suggestionBody } from "./signed.js";

describe("/slack/events on our HTTP server", () => {
  const { t, h } = useSlackHarness({ once: true });

  it("answers Slack's url_verification challenge", async () => {
    const res = await h.post(JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" }), { contentType: "application/json" });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: "abc123" });
  });

  it("refuses unsigned, wrongly signed, old and replayed requests with 401, before any listener", async () => {
    const body = commandBody("/verwijs", h.w.coach.slackUserId ?? "");
    const now = Math.floor(Date.now() / 1000);
    expect((await h.post(body, { signature: null })).status).toBe(401);
    expect((await h.post(body, { secret: "not-the-secret-0000000000000000" })).status).toBe(401);
    expect((await h.post(body, { signature: sign(SIGNING_SECRET, now, `${body}&x=1`) })).status).toBe(401);
    expect((await h.post(body, { ts: now - 6 * 60 })).status).toBe(401);
    expect((await h.post(body, { ts: now + 6 * 60 })).status).toBe(401);
    const replayTs = now - 10;
    const first = await h.post(body, { ts: replayTs });
    expect(first.status).toBe(200);
    expect((await h.post(body, { ts: replayTs })).status).toBe(401);
    // Only the one good request reached a listener: it opened one modal.
    expect(h.slack.of("views.open")).toHaveLength(1);
    expect(h.logLines.filter((l) => l.msg === "Slack request refused")).toHaveLength(6);
  });

  it("answers 405 to anything but POST and 404 elsewhere", async () => {
    expect((await fetch(h.url)).status).toBe(405);
    expect((await fetch(h.url.replace("/slack/events", "/slack/other"), { method: "POST" })).status).toBe(404);
  });

  it("tells someone who is not a member, privately, and opens nothing", async () => {
    const before = h.slack.of("views.open").length;
    const res = await h.post(commandBody("/verwijs", "USTRANGER", "CGENERAL"));
    expect(res.status).toBe(200);
    const ephemeral = h.slack.of("chat.postEphemeral").at(-1);
    expect(ephemeral?.params).toMatchObject({ channel: "CGENERAL", user: "USTRANGER" });
    expect(String(ephemeral?.params.text)).toContain("nog niet bekend in Koers");
    expect(h.slack.of("views.open")).toHaveLength(before);
  });

  it("/verwijs opens the modal; its client search offers only the coach's own chatting clients; /aanmelden refuses a coach", async () => {
    await h.post(commandBody("/verwijs", h.w.coach.slackUserId ?? ""));
    const view = h.slack.of("views.open").at(-1)?.params.view as { callback_id: string; blocks: { block_id: string; element: { type: string } }[] };
    expect(view.callback_id).toBe("ref.verwijs");
    expect(view.blocks.find((b) => b.block_id === "client")?.element.type).toBe("external_select");
    const found = await h.post(suggestionBody("ref.verwijs", "client", "", h.w.coach.slackUserId ?? ""));
    expect((found.json().options as { value: string }[]).map((o) => o.value)).toEqual([h.w.client.id]);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clients.listed", actorId: h.w.coach.id } })).toBeGreaterThan(0);
    const colleague = await h.post(suggestionBody("ref.verwijs", "client", "", h.w.colleague.slackUserId ?? ""));
    expect(colleague.json().options).toEqual([]);
    await h.post(commandBody("/aanmelden", h.w.coach.slackUserId ?? ""));
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Alleen medewerkers van partnerorganisaties");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "slack.refused", actorId: h.w.coach.id } })).toBe(1);
  });
});
