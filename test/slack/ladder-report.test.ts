/**
 * The participation ladder and the team report in Slack, over real signed requests to Bolt with
 * the Web API on a local fake: the rung chosen in the client file's modal is saved (audited as
 * the coach or colleague), the modal is updated and shows it with its source; a partner or a
 * forged value is refused; "Vraag het de cliënt" sends the button question to Telegram (own
 * coach only) and the client's answer lands in the file as theirs. The App Home's report buttons
 * send the team report as a direct message, audited; a partner gets no report.
 */
import { describe, expect, it } from "vitest";
import { buttonData, message } from "../domain/referrals-world.js";
import { useSlackHarness, type SlackHarness } from "./referrals/harness.js";
import { actionsBody, homeButtonBody, homeOpenedBody, inView } from "./referrals/signed.js";

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; action_id: string; value?: string; initial_option?: { value: string }; options?: { text: { text: string }; value: string }[] }[];
}

interface ModalView {
  type: string;
  private_metadata?: string;
  blocks: Block[];
}

let presses = 0;
/** A press in a modal: Slack sends the view's id, hash and metadata along. */
const modalAction = (user: string, view: { id: string; metadata: string }, action: Record<string, unknown>) =>
  actionsBody(user, inView({ id: view.id, hash: `h${++presses}`, type: "modal", private_metadata: view.metadata, callback_id: "" }), { block_id: "clientFile.ladder", action_ts: "1.2", ...action });

const select = (rung: string) => ({ type: "static_select", action_id: "clientFile.ladder.set", selected_option: { value: rung, text: { type: "plain_text", text: rung } } });
const ask = (clientId: string) => ({ type: "button", action_id: "clientFile.ladder.ask", value: clientId });
const ladderBlock = (view: ModalView) => view.blocks.find((b) => b.block_id === "clientFile.ladder");
const dmText = (h: SlackHarness) => JSON.stringify(h.slack.of("chat.postMessage").at(-1)?.params ?? {});

describe("the ladder and the team report in Slack", () => {
  const { t, h } = useSlackHarness();

  const openFile = async (user: string): Promise<ModalView> => {
    await h.post(homeButtonBody("clientFile.open", h.w.client.id, user));
    return h.slack.of("views.open").at(-1)?.params.view as ModalView;
  };

  it("the coach picks a rung in the file: saved as theirs, audited, and the modal shows it with its source", async () => {
    const coach = h.w.coach.slackUserId ?? "";
    const view = await openFile(coach);
    expect(view.private_metadata).toBe(h.w.client.id);
    const controls = ladderBlock(view);
    const options = controls?.elements?.[0]?.options ?? [];
    expect(options.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(options.map((o) => o.text.text)).toEqual([
      "1 · geïsoleerd, weinig contact buiten huis",
      "2 · sociale contacten buiten de deur",
      "3 · doet mee aan georganiseerde activiteiten",
      "4 · onbetaald werk of vrijwilligerswerk",
      "5 · betaald werk met ondersteuning",
      "6 · betaald werk",
    ]);
    expect(controls?.elements?.[0]?.initial_option).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain("Nog niet ingevuld.");

    await h.post(modalAction(coach, { id: "VFILE1", metadata: h.w.client.id }, select("3")));
    const rows = await t.db.prisma.ladderRung.findMany({ where: { clientId: h.w.client.id } });
    expect(rows.map((r) => [r.rung, r.source, r.memberId])).toEqual([[3, "COACH", h.w.coach.id]]);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "ladder.recorded", actorKind: "COACH", actorId: h.w.coach.id, clientId: h.w.client.id } })).toBe(1);
    const update = h.slack.of("views.update").at(-1)?.params as { view_id: string; hash: string; view: ModalView };
    expect(update.view_id).toBe("VFILE1");
    expect(update.hash).toMatch(/^h\d+$/);
    expect(ladderBlock(update.view)?.elements?.[0]?.initial_option?.value).toBe("3");
    expect(JSON.stringify(update.view.blocks)).toMatch(/3 · doet mee aan georganiseerde activiteiten · coach Ahmed · \d+ \w+/);
    expect(JSON.stringify(h.slack.of("chat.postEphemeral").concat(h.slack.of("chat.postMessage")).at(-1)?.params)).toContain("Sam: trede 3 (doet mee aan georganiseerde activiteiten) is opgeslagen.");

    // A colleague of the same team may record too, as themselves, in the file they opened with a reason.
    const colleague = h.w.colleague.slackUserId ?? "";
    await h.post(modalAction(colleague, { id: "VFILE2", metadata: `${h.w.client.id}:vervanging` }, select("4")));
    expect(JSON.stringify(h.slack.of("chat.postEphemeral").concat(h.slack.of("chat.postMessage")).at(-1)?.params)).toContain("Sam: trede 4");
    expect((h.slack.of("views.update").at(-1)?.params as { view_id: string }).view_id).toBe("VFILE2");
    // Without a reason (a forged or stale modal) nothing is saved, and they are told why.
    await h.post(modalAction(colleague, { id: "VFILE3", metadata: h.w.client.id }, select("5")));
    expect(dmText(h)).toContain("Kies eerst een reden");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "ladder.refused", actorId: h.w.colleague.id, detail: { path: ["why"], equals: "noReason" } } })).toBe(1);
    expect((await t.db.prisma.ladderRung.findMany({ where: { clientId: h.w.client.id }, orderBy: { at: "asc" } })).map((r) => [r.rung, r.memberId])).toEqual([
      [3, h.w.coach.id],
      [4, h.w.colleague.id],
    ]);
  });

  it("a partner, a rung that is no rung and a forged client are refused, nothing saved", async () => {
    const partner = h.w.partnerMember.slackUserId ?? "";
    await h.post(modalAction(partner, { id: "VX", metadata: h.w.client.id }, select("2")));
    expect(await t.db.prisma.auditEvent.count({ where: { action: "ladder.refused", actorId: h.w.partnerMember.id } })).toBe(1);
    expect(dmText(h)).toContain("alleen voor de coach van deze cliënt");
    const coach = h.w.coach.slackUserId ?? "";
    for (const [rung, metadata] of [["9", h.w.client.id], ["0", h.w.client.id], ["3", "not-a-uuid"], ["3", "00000000-0000-4000-8000-000000000000"]] as const) {
      await h.post(modalAction(coach, { id: "VX", metadata }, select(rung)));
    }
    expect(await t.db.prisma.ladderRung.count()).toBe(0);
    expect(h.slack.of("views.update")).toHaveLength(0);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "slack.refused", detail: { path: ["what"], equals: "clientFile.ladder.set" } } })).toBe(3);
  });

  it("'Vraag het de cliënt' sends the button question; the client's answer is in the file as theirs; only the own coach may ask", async () => {
    await h.post(modalAction(h.w.colleague.slackUserId ?? "", { id: "VF", metadata: h.w.client.id }, ask(h.w.client.id)));
    expect(dmText(h)).toContain("Alleen de eigen coach van Sam kan deze vraag sturen.");
    await h.drain();
    expect(h.telegram.get(h.w.client.id) ?? []).toEqual([]);

    await h.post(modalAction(h.w.coach.slackUserId ?? "", { id: "VF", metadata: h.w.client.id }, ask(h.w.client.id)));
    expect(dmText(h)).toContain("Sam krijgt de vraag in Telegram. Het antwoord komt in het dossier.");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "conversation.started", actorId: h.w.coach.id, detail: { path: ["flowId"], equals: "ladder" } } })).toBe(1);
    await h.drain();
    const sent = h.telegram.get(h.w.client.id) ?? [];
    expect(sent.map((m) => m.key)).toEqual(["ladder.intro", "ladder.ask"]);
    expect(sent[1]?.buttons?.flat().map((b) => b.label)).toEqual(["ladder.rung.1", "ladder.rung.2", "ladder.rung.3", "ladder.rung.4", "ladder.rung.5", "ladder.rung.6", "ladder.skip"]);
    // Typed words are not an answer; the button is.
    await h.w.engine.handle(message(h.w.chatId, { kind: "text", text: "ik doe vrijwilligerswerk bij de voedselbank" }));
    expect(await t.db.prisma.ladderRung.count()).toBe(0);
    await h.drain();
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(h.telegram.get(h.w.client.id) ?? [], "4") }));
    const rows = await t.db.prisma.ladderRung.findMany({ where: { clientId: h.w.client.id } });
    expect(rows.map((r) => [r.rung, r.source, r.memberId])).toEqual([[4, "CLIENT", null]]);
    const view = await openFile(h.w.coach.slackUserId ?? "");
    expect(JSON.stringify(view.blocks)).toMatch(/4 · onbetaald werk of vrijwilligerswerk · de cliënt zelf · /);
    expect(JSON.stringify(view.blocks)).toContain("Vraag over meedoen");
  });

  it("the App Home offers the team report to coaches; a press sends it as a DM, audited; a partner gets none", async () => {
    const coach = h.w.coach.slackUserId ?? "";
    const homeEvent = (user: string, n: number) => homeOpenedBody(user, `EvR${n}`, n);
    await h.post(homeEvent(coach, 1), { contentType: "application/json" });
    const home = h.slack.of("views.publish").at(-1)?.params.view as { blocks: Block[] };
    const buttons = home.blocks.find((b) => b.block_id === "report.team")?.elements ?? [];
    expect(buttons.map((b) => b.action_id)).toEqual(["report.team.last", "report.team.current"]);
    expect(buttons.every((b) => /^\d{4}-\d{2}$/.test(b.value ?? ""))).toBe(true);
    await h.post(homeEvent(h.w.partnerMember.slackUserId ?? "", 2), { contentType: "application/json" });
    const partnerHome = h.slack.of("views.publish").at(-1)?.params.view as { blocks: Block[] };
    expect(partnerHome.blocks.some((b) => b.block_id === "report.team")).toBe(false);

    await t.db.prisma.ladderRung.create({ data: { clientId: h.w.client.id, rung: 2, source: "COACH", memberId: h.w.coach.id, at: new Date("2026-11-10T10:00:00Z") } });
    const before = h.slack.of("chat.postMessage").length;
    await h.post(homeButtonBody("report.team.last", "2026-11", coach));
    const posts = h.slack.of("chat.postMessage");
    expect(posts.length).toBe(before + 1);
    const dm = posts.at(-1)?.params as { channel: string; text: string; blocks: Block[] };
    expect(dm.channel).toBe(`D${coach}`);
    expect(dm.text).toBe(`Teamrapport ${h.w.team.name} · november 2026`);
    const fields = dm.blocks.flatMap((b) => (b.fields ?? []).map((f) => f.text));
    expect(fields).toContain("voor het eerst\n*&lt;5*");
    const all = JSON.stringify(dm);
    for (const secret of ["Samira", "Sam ", "Ahmed", "Rust in mijn hoofd", h.w.client.id]) expect(all).not.toContain(secret);
    expect(await t.db.prisma.auditEvent.findMany({ where: { action: "report.viewed" }, select: { actorKind: true, actorId: true, detail: true } })).toEqual([
      { actorKind: "COACH", actorId: h.w.coach.id, detail: { team: h.w.team.id, month: "2026-11", via: "slack" } },
    ]);

    await h.post(homeButtonBody("report.team.last", "2026-11", h.w.partnerMember.slackUserId ?? ""));
    expect(dmText(h)).toContain("Het teamrapport is alleen voor coaches en beheerders van een coachteam.");
    await h.post(homeButtonBody("report.team.current", "2026-13", coach));
    expect(await t.db.prisma.auditEvent.count({ where: { action: "report.viewed" } })).toBe(1);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "slack.refused", detail: { path: ["what"], equals: "report.team" } } })).toBe(2);
  });
});
