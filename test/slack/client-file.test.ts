/**
 * The coach's client file in Slack, over real signed requests to Bolt with the Web API on a local
 * fake: the App Home's "Dossier" button opens a modal within Block Kit's limits, with the chart at
 * a signed link the service itself serves; the access rule (own coach or team) and the audit row;
 * and an App Home for 200 clients that stays under 100 blocks with alerts first.
 */
import { describe, expect, it } from "vitest";
import { CHART_PATH, chartLinks, chartRoute } from "../../src/http/chart-link.js";
import { openNudge } from "../../src/domain/nudges.js";
import { decodePng } from "../support/png.js";
import { useSlackHarness } from "./referrals/harness.js";
import { homeButtonBody, homeOpenedBody, radio, submitBody } from "./referrals/signed.js";

const SECRET = "test-chart-link-secret-0123456789";
const homeOpened = (user: string, n: number) => homeOpenedBody(user, `EvF${n}`, n);

interface Block {
  type: string;
  text?: { text: string };
  image_url?: string;
  alt_text?: string;
  accessory?: { action_id: string; value: string };
  elements?: { text?: string }[];
}

describe("the client file in Slack", () => {
  const { t, h } = useSlackHarness({
    harness: (db) => ({
      chartLinks: (base) => chartLinks(base, SECRET),
      routes: new Map([[CHART_PATH, chartRoute({ db, secret: SECRET, labels: { score: "Cijfer", step: "stap" }, clock: () => new Date() })]]),
    }),
  });

  it("the coach opens their client's file: goal, scores with a chart Slack can fetch, answers; within limits; audited", async () => {
    const clientId = h.w.client.id;
    for (const [score, days] of [[4, 20], [6, 10], [7, 1]] as const) {
      await t.db.prisma.scaleScore.create({ data: { clientId, kind: "CONFIDENCE", score, at: new Date(Date.now() - days * 86_400_000) } });
    }
    const run = await t.db.prisma.flowRun.create({ data: { clientId, flowId: "scaling", machineVersion: 1, snapshot: {}, status: "DONE", endedAt: new Date(), outcome: { state: "done", context: { kind: "CONFIDENCE", score: 7 }, parks: 0 } } });
    await t.db.prisma.flowAnswer.create({ data: { flowRunId: run.id, clientId, state: "how", promptKey: "scaling.how.plain", promptVars: { score: 7 }, text: "Ik heb <@U999> gebeld & het ging goed" } });
    await h.post(homeButtonBody("clientFile.open", clientId, h.w.coach.slackUserId ?? ""));
    const opened = h.slack.of("views.open");
    expect(opened).toHaveLength(1);
    const view = opened[0]!.params.view as { type: string; blocks: Block[] };
    expect(view.type).toBe("modal");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain("Dossier van Sam");
    expect(all).toContain("Rust in mijn hoofd over geld");
    expect(all).toContain("4 (");
    // The client's words are shown, escaped: no mention of someone else.
    expect(all).toContain("Ik heb &lt;@U999&gt; gebeld &amp; het ging goed");
    expect(all).toContain("Wat maakt dat het een 7 is");
    const image = view.blocks.find((b) => b.type === "image");
    expect(image?.alt_text).toContain("vertrouwen");
    const res = await fetch(image!.image_url!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([640, 320]);
    // A link that was changed (another client) or has run out is refused.
    const forged = image!.image_url!.replace(/c=[^&]+/, `c=${h.w.colleague.id}`);
    expect((await fetch(forged)).status).toBe(403);
    const old = new URL(image!.image_url!);
    old.searchParams.set("e", String(Date.now() - 1000));
    expect((await fetch(old)).status).toBe(403);
    expect(await t.db.prisma.auditEvent.findFirst({ where: { action: "clientFile.viewed", actorId: h.w.coach.id, clientId } })).toMatchObject({ detail: { via: "slack.file", why: "caseload" } });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", actorId: h.w.coach.id, clientId } })).toBe(1);
    expect(all).toContain("Je opent dit dossier als coach van deze cliënt.");
  });

  it("a colleague of the same team picks a reason first, then may open it (audited as theirs, with the reason); a partner may not (audited as refused)", async () => {
    const clientId = h.w.client.id;
    const colleague = h.w.colleague.slackUserId ?? "";
    await h.post(homeButtonBody("clientFile.open", clientId, colleague));
    expect(h.slack.of("views.open")).toHaveLength(1);
    // Not their own client: first the question why, nothing of the file.
    const ask = h.slack.of("views.open")[0]!.params.view as { callback_id: string; blocks: Block[] };
    expect(ask.callback_id).toBe("clientFile.reason");
    const asked = JSON.stringify(ask.blocks);
    expect(asked).toContain("is een cliënt van Ahmed, niet van jou");
    for (const r of ["vervanging", "crisis", "overdracht"]) expect(asked).toContain(`"value":"${r}"`);
    expect(asked).not.toContain("Rust in mijn hoofd over geld");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", actorId: h.w.colleague.id } })).toBe(0);
    // A forged reason opens nothing.
    const forged = await h.post(submitBody("clientFile.reason", colleague, { reason: radio("nieuwsgierig") }, { client: clientId }));
    expect(forged.json()).toMatchObject({ response_action: "errors" });
    const sent = await h.post(submitBody("clientFile.reason", colleague, { reason: radio("vervanging") }, { client: clientId }));
    const body = sent.json() as { response_action: string; view: { blocks: Block[] } };
    expect(body.response_action).toBe("update");
    const file = JSON.stringify(body.view.blocks);
    expect(file).toContain("Dossier van Sam");
    expect(file).toContain("Rust in mijn hoofd over geld");
    expect(file).toContain("Je opent dit dossier als vervanger van de coach.");
    expect(await t.db.prisma.auditEvent.findFirst({ where: { action: "clientFile.viewed", actorId: h.w.colleague.id, clientId } })).toMatchObject({ detail: { via: "slack.file", why: "vervanging" } });
    await h.post(homeButtonBody("clientFile.open", clientId, h.w.partnerMember.slackUserId ?? ""));
    expect(h.slack.of("views.open")).toHaveLength(1);
    expect(JSON.stringify(h.slack.of("chat.postMessage").at(-1)?.params)).toContain("alleen voor de coach van deze cliënt");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", actorId: h.w.colleague.id, clientId } })).toBe(1);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.refused", actorId: h.w.partnerMember.id, clientId } })).toBe(1);
    // A partner is audited as a partner, not as a coach.
    expect((await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "clientFile.refused", actorId: h.w.partnerMember.id } })).actorKind).toBe("PARTNER");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed", actorId: h.w.partnerMember.id } })).toBe(0);
  });

  it("the own coach forgets the client on their request: a button in the file, a confirmation that says so, then the same erasure as /vergeet; a colleague is refused (audited)", async () => {
    const clientId = h.w.client.id;
    const coach = h.w.coach.slackUserId ?? "";
    const colleague = h.w.colleague.slackUserId ?? "";
    await h.post(homeButtonBody("clientFile.open", clientId, coach));
    const file = h.slack.of("views.open")[0]!.params.view as { blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
    const button = file.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "clientFile.forget");
    expect(button?.value).toBe(clientId);

    // A colleague (who may read the file with a reason) may not forget; the attempt is audited.
    await h.post(homeButtonBody("clientFile.forget", clientId, colleague));
    expect(h.slack.of("views.push")).toHaveLength(0);
    expect(JSON.stringify(h.slack.of("chat.postMessage").at(-1)?.params)).toContain("Alleen de eigen coach");
    const forged = await h.post(submitBody("clientFile.forgetConfirm", colleague, {}, { client: clientId }));
    expect(forged.status).toBe(200);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "client.forgetRefused", actorId: h.w.colleague.id, clientId } })).toBe(2);
    expect((await t.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } })).status).toBe("ACTIVE");

    await h.post(homeButtonBody("clientFile.forget", clientId, coach));
    const confirm = h.slack.of("views.push")[0]!.params.view as { callback_id: string; blocks: Block[] };
    expect(confirm.callback_id).toBe("clientFile.forgetConfirm");
    const explained = JSON.stringify(confirm.blocks);
    expect(explained).toContain("als *Sam* je dat zelf gevraagd heeft");
    expect(explained).toContain("Dit kan niet ongedaan worden gemaakt");
    const sent = await h.post(submitBody("clientFile.forgetConfirm", coach, {}, { client: clientId }));
    expect(sent.json()).toMatchObject({ response_action: "clear" });
    const forgotten = await t.db.prisma.client.findUniqueOrThrow({ where: { id: clientId } });
    expect([forgotten.status, forgotten.callName, forgotten.telegramChatId]).toEqual(["FORGOTTEN", null, null]);
    expect(await t.db.prisma.goal.count({ where: { clientId } })).toBe(0);
    expect(await t.db.prisma.auditEvent.findFirst({ where: { action: "client.forgotten", clientId } })).toMatchObject({ actorKind: "COACH", actorId: h.w.coach.id, detail: { via: "slack" } });
    // The client's last message is queued for their old chat.
    const goodbye = await t.db.prisma.job.findFirstOrThrow({ where: { clientId, kind: "telegram.send", idempotencyKey: { contains: "forget:" } } });
    expect(JSON.stringify(goodbye.payload)).toContain("forget.doneByCoach");
    // Pressing it again forgets nothing twice.
    await h.post(submitBody("clientFile.forgetConfirm", coach, {}, { client: clientId }));
    expect(await t.db.prisma.auditEvent.count({ where: { action: "client.forgotten", clientId } })).toBe(1);
  });

  it("an App Home for 200 clients stays under 100 blocks, and the client with a crisis alert and those with nudges come first", async () => {
    const coachId = h.w.coach.id;
    await t.db.prisma.client.createMany({ data: Array.from({ length: 199 }, (_, i) => ({ name: `Client ${String(i).padStart(3, "0")}`, coachId, status: "ACTIVE" as const })) });
    const late = await t.db.prisma.client.findFirstOrThrow({ where: { name: "Client 150" } });
    const nudged = await t.db.prisma.client.findFirstOrThrow({ where: { name: "Client 120" } });
    await t.db.prisma.crisisAlert.create({ data: { clientId: late.id, coachId, category: "danger", rule: "test", acute: false, messageText: "..." } });
    await t.db.prisma.$transaction((tx) => openNudge(tx, { clientId: nudged.id, coachId, cause: "silent", now: new Date() }));
    await h.post(homeOpened(h.w.coach.slackUserId ?? "", 1), { contentType: "application/json" });
    const home = h.slack.of("views.publish").at(-1)?.params.view as { blocks: Block[] };
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    const files = home.blocks.filter((b) => b.accessory?.action_id === "clientFile.open").map((b) => b.accessory?.value);
    expect(files.slice(0, 2)).toEqual([late.id, nudged.id]);
    expect(files.length).toBe(20);
    const next = home.blocks.flatMap((b) => (b.type === "actions" ? ((b as unknown as { elements: { action_id: string; value: string }[] }).elements ?? []) : [])).find((e) => e.action_id === "home.page.next");
    expect(next?.value).toBe("20");
    await h.post(homeButtonBody("home.page.next", "20", h.w.coach.slackUserId ?? ""));
    const page2 = h.slack.of("views.publish").at(-1)?.params.view as { blocks: Block[] };
    const files2 = page2.blocks.filter((b) => b.accessory?.action_id === "clientFile.open").map((b) => b.accessory?.value);
    expect(files2).toHaveLength(20);
    expect(files2.some((id) => files.includes(id))).toBe(false);
    expect(JSON.stringify(page2.blocks)).toContain("Cliënten 21-40 van 200");
  });
});
