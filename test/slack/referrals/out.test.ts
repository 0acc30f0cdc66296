/**
 * Warme overdracht over real signed requests: /verwijs → the client consents in Telegram → the
 * partner's card → accept, plan, first contact, complete; wrong people and forged buttons.
 */
import { describe, expect, it } from "vitest";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import { buttonData, message } from "../../domain/referrals-world.js";
import { useSlackHarness } from "./harness.js";
import { buttonBody, checks, day, pick, radio, submitBody, text, time } from "./signed.js";

const blocksOf = (call: { params: Record<string, unknown> } | undefined) => JSON.stringify(call?.params.blocks ?? []);
const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);

describe("referral out through Slack", () => {
  const { t, h } = useSlackHarness();

  const coach = () => h.w.coach.slackUserId ?? "";
  const petra = () => h.w.partnerMember.slackUserId ?? "";

  function verwijs(over: Record<string, Record<string, unknown>> = {}) {
    return submitBody(
      "ref.verwijs",
      coach(),
      {
        client: pick(h.w.client.id),
        partner: pick(h.w.partner.id),
        domain: pick("financien"),
        need: text("Samira wil hulp bij haar schulden."),
        items: checks("name", "phone", "goal"),
        phone: text("06 1234 5678"),
        summary: text(""),
        urgency: radio("soon"),
        joins: checks("yes"),
        date: day(tomorrow()),
        ...over,
      },
      { channel: "CWHERE1" },
    );
  }

  /** Files through the modal; the client takes the phone number out and agrees. */
  async function fileAndConsent(alreadyFiled = false): Promise<string> {
    if (!alreadyFiled) expect((await h.post(verwijs())).text).toBe("");
    const referral = await t.db.prisma.referral.findFirstOrThrow({ where: { clientId: h.w.client.id } });
    await h.drain();
    const question = h.telegram.get(h.w.client.id) ?? [];
    expect(question.at(-1)?.key).toBe("referralConsent.list");
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(question, "remove") }));
    const remove = await h.w.db.prisma.job.findMany({ where: { clientId: h.w.client.id, kind: "telegram.send", status: "PENDING" } });
    await h.drain();
    expect(remove.length).toBe(1);
    const which = h.telegram.get(h.w.client.id) ?? [];
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(which, "phone") }));
    await h.drain();
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(h.telegram.get(h.w.client.id) ?? [], "yes") }));
    await h.drain();
    return referral.id;
  }

  it("nothing reaches the partner before consent; then a card with only the consented items", async () => {
    await h.post(verwijs());
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Gevraagd aan Samira");
    await h.drain();
    expect(h.slack.of("chat.postMessage").filter((c) => c.params.channel === "CPARTNER")).toEqual([]);
    const second = await h.post(verwijs());
    expect(second.status).toBe(200);
    expect(second.json()).toEqual({ response_action: "errors", errors: { client: "Deze cliënt heeft nog een open vraag over delen. Wacht eerst op dat antwoord." } });
    const id = await fileAndConsent(true);
    const card = h.slack.of("chat.postMessage").find((c) => c.params.channel === "CPARTNER" && !c.params.thread_ts);
    expect(blocksOf(card)).toContain("Samira");
    expect(blocksOf(card)).toContain("Rust in mijn hoofd over geld");
    expect(blocksOf(card)).not.toContain("06 1234 5678");
    expect(blocksOf(card)).toContain("ref.accept");
    const row = await t.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect([stateOf(row), row.slackChannel, row.slackTs]).toEqual(["sent", "CPARTNER", (card?.params.ts as string | undefined) ?? row.slackTs]);
    expect(row.slackTs).toMatch(/^\d+\.000100$/);
    const dm = h.slack.of("chat.postMessage").find((c) => c.params.channel === `D${coach()}`);
    expect(String(dm?.params.text)).toContain("Samira gaf toestemming");
  });

  it("accept, plan, first contact with the coach, complete: card updated, thread, coach and client told", async () => {
    const id = await fileAndConsent();
    const before = (h.telegram.get(h.w.client.id) ?? []).length;
    await h.post(buttonBody("ref.accept", id, petra()));
    await h.drain();
    const update = h.slack.of("chat.update").at(-1);
    expect(blocksOf(update)).toContain("aangenomen");
    expect(blocksOf(update)).toContain("ref.plan");
    expect(String(h.slack.of("chat.postMessage").filter((c) => c.params.thread_ts).at(-1)?.params.text)).toBe(`Aangenomen door <@${petra()}>.`);

    await h.post(buttonBody("ref.plan", id, petra()));
    expect((h.slack.of("views.open").at(-1)?.params.view as { callback_id: string }).callback_id).toBe("ref.plan");
    const past = await h.post(submitBody("ref.plan", petra(), { date: day("2020-01-01"), time: time("10:00"), place: text("Stadhuis") }, { referralId: id }));
    expect(past.json()).toEqual({ response_action: "errors", errors: { date: "Deze datum ligt in het verleden." } });
    const ok = await h.post(submitBody("ref.plan", petra(), { date: day(tomorrow()), time: time("10:30"), place: text("Stadhuis, loket 3") }, { referralId: id }));
    expect(ok.text).toBe("");
    await h.post(buttonBody("ref.contactWithCoach", id, petra()));
    await h.post(buttonBody("ref.complete", id, petra()));
    await h.post(submitBody("ref.text", petra(), { text: text("Schuldhulp is gestart.") }, { referralId: id, event: "partner.completed" }));
    await h.drain();

    const row = await t.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect([stateOf(row), row.status]).toEqual(["completed", "completed"]);
    const news = (h.telegram.get(h.w.client.id) ?? []).slice(before).map((m) => m.key);
    expect(news).toEqual(["referralNews.accepted", "referralNews.planned", "referralNews.completed"]);
    const coachDms = h.slack.of("chat.postMessage").filter((c) => c.params.channel === `D${coach()}`).map((c) => String(c.params.text));
    expect(coachDms.some((x) => x.includes("samen met jou"))).toBe(true);
    expect(coachDms.at(-1)).toContain("Uitkomst: Schuldhulp is gestart.");
    expect(blocksOf(h.slack.of("chat.update").at(-1))).not.toContain("ref.");
  });

  it("a wrong person's click or a forged button gets a private refusal and changes nothing", async () => {
    const id = await fileAndConsent();
    const olaf = h.w.otherMember.slackUserId ?? "";
    await h.post(buttonBody("ref.accept", id, olaf, "CPARTNER"));
    expect(h.slack.of("chat.postEphemeral").at(-1)?.params).toMatchObject({ user: olaf, channel: "CPARTNER" });
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Dit is niet aan jou");
    await h.post(buttonBody("ref.accept", "00000000-0000-4000-8000-000000000000", petra()));
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("niet (meer) te vinden");
    await h.post(buttonBody("ref.complete", id, petra()));
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("kan nu niet meer");
    const forgedSubmit = await h.post(submitBody("ref.text", olaf, { text: text("weg ermee") }, { referralId: id, event: "partner.rejected" }));
    expect(forgedSubmit.json()).toMatchObject({ response_action: "errors" });
    const row = await t.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(stateOf(row)).toBe("sent");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "referral.refused" } })).toBe(4);
  });

  it("pressing accept twice changes the state once; the second press is told", async () => {
    const id = await fileAndConsent();
    await Promise.all([h.post(buttonBody("ref.accept", id, petra())), h.post(buttonBody("ref.accept", id, h.w.partnerBackup.slackUserId ?? ""))]);
    expect(await t.db.prisma.referralEvent.count({ where: { referralId: id, type: "partner.accepted" } })).toBe(1);
    expect(h.slack.of("chat.postEphemeral").filter((c) => String(c.params.text).includes("kan nu niet meer"))).toHaveLength(1);
  });

  it("shows modal errors inline: missing fields, a past date, text over the limit", async () => {
    const missing = await h.post(verwijs({ need: text(""), items: checks(), phone: text("") }));
    expect(missing.json()).toEqual({ response_action: "errors", errors: { items: "Kies minstens één ding om te delen.", need: "Vul dit in." } });
    const past = await h.post(verwijs({ date: day("2020-01-01") }));
    expect(past.json()).toEqual({ response_action: "errors", errors: { date: "Deze datum ligt in het verleden." } });
    const long = await h.post(verwijs({ need: text("x".repeat(1001)) }));
    expect(long.json()).toEqual({ response_action: "errors", errors: { need: "Dit is te lang: maximaal 1000 tekens." } });
    const noItems = await h.post(verwijs({ items: checks() }));
    expect(noItems.json()).toEqual({ response_action: "errors", errors: { items: "Kies minstens één ding om te delen." } });
    expect(await t.db.prisma.referral.count()).toBe(0);
  });

  it("withdrawn consent: the partner card says so and hides the items", async () => {
    const id = await fileAndConsent();
    await h.w.engine.handle(message(h.w.chatId, { kind: "command", command: "verwijzingen", args: "" }));
    await h.drain();
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(h.telegram.get(h.w.client.id) ?? [], "r1") }));
    await h.drain();
    await h.w.engine.handle(message(h.w.chatId, { kind: "button", data: buttonData(h.telegram.get(h.w.client.id) ?? [], "yes") }));
    await h.drain();
    const card = blocksOf(h.slack.of("chat.update").at(-1));
    expect(card).toContain("toestemming ingetrokken");
    expect(card).not.toContain("Samira");
    expect(card).not.toContain("Rust in mijn hoofd");
    expect(stateOf(await t.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).toBe("consentWithdrawn");
  });
});
