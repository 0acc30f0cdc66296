/**
 * Aanmelding over real signed requests: /aanmelden → the team's card → accept with a coach →
 * the coach's invite link → the person starts the bot → the referrer hears "first contact".
 */
import { describe, expect, it } from "vitest";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import { message } from "../../domain/referrals-world.js";
import { useSlackHarness } from "./harness.js";
import { buttonBody, checks, homeOpenedBody, pick, radio, submitBody, suggestionBody, text } from "./signed.js";

describe("referral in through Slack", () => {
  const { t, h } = useSlackHarness();

  const petra = () => h.w.partnerMember.slackUserId ?? "";
  const fleur = () => h.w.colleague.slackUserId ?? "";
  const coach = () => h.w.coach.slackUserId ?? "";
  const dmsTo = (user: string) => h.slack.of("chat.postMessage").filter((c) => c.params.channel === `D${user}`).map((c) => String(c.params.text));

  const aanmelden = (over: Record<string, Record<string, unknown>> = {}) =>
    submitBody("ref.aanmelden", petra(), {
      team: pick(h.w.team.id),
      name: text("Jan de Vries"),
      contact: text("06 8765 4321"),
      need: text("Jan zit al lang thuis."),
      wish: text("Iets doen in de buurt"),
      urgency: radio("normal"),
      agrees: checks("yes"),
      ...over,
    }, { channel: "CWHERE1" });

  async function filed(): Promise<string> {
    expect((await h.post(aanmelden())).text).toBe("");
    await h.drain();
    return (await t.db.prisma.referral.findFirstOrThrow({ where: { direction: "IN" } })).id;
  }

  it("refuses a referral without the person's agreement, inline, and files one with it", async () => {
    const refused = await h.post(aanmelden({ agrees: checks(), name: text("") }));
    expect(refused.json()).toEqual({
      response_action: "errors",
      errors: { name: "Vul dit in.", agrees: "Meld iemand alleen aan als die persoon ervan weet en ermee instemt." },
    });
    const id = await filed();
    const card = h.slack.of("chat.postMessage").find((c) => c.params.channel === "CTEAM");
    expect(JSON.stringify(card?.params.blocks)).toContain("Jan de Vries");
    expect(JSON.stringify(card?.params.blocks)).toContain("ref.in.accept");
    expect(dmsTo(petra())).toEqual([`Je aanmelding van Jan de Vries is ontvangen door ${h.w.team.name}.`]);
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Je aanmelding is verstuurd");
    expect(stateOf(await t.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).toBe("filed");
  });

  it("team accepts with a coach; the coach gets the link; the person starts the bot; the referrer sees each step", async () => {
    const id = await filed();
    await h.post(buttonBody("ref.in.accept", id, fleur(), "CTEAM"));
    const view = h.slack.of("views.open").at(-1)?.params.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("ref.accept");
    const coaches = await h.post(suggestionBody("ref.accept", "coach", "", fleur(), JSON.parse(view.private_metadata) as object));
    expect((coaches.json().options as { value: string }[]).map((o) => o.value).sort()).toEqual([h.w.coach.id, h.w.colleague.id].sort());
    // Only who may accept sees the team's coaches.
    const partner = await h.post(suggestionBody("ref.accept", "coach", "", petra(), { referralId: id }));
    expect(partner.json().options).toEqual([]);
    expect((await h.post(submitBody("ref.accept", fleur(), { coach: pick(h.w.coach.id) }, { referralId: id }))).text).toBe("");
    const invite = dmsTo(coach()).at(-1) ?? "";
    const code = /start=([A-Za-z0-9_-]+)/.exec(invite)?.[1] ?? "";
    expect(invite).toContain("https://t.me/koers_test_bot?start=");
    await h.drain();
    await h.w.engine.handle(message(555_001, { kind: "command", command: "start", args: code }));
    await h.drain();

    expect(dmsTo(petra())).toEqual([
      `Je aanmelding van Jan de Vries is ontvangen door ${h.w.team.name}.`,
      `${h.w.team.name} neemt de aanmelding van Jan de Vries aan. Een coach nodigt de persoon uit.`,
      `Jan de Vries heeft contact gemaakt met ${h.w.team.name}. De begeleiding is gestart.`,
    ]);
    // Nothing else reaches the referrer: not the coach, not the invite.
    expect(dmsTo(petra()).join(" ")).not.toContain("Ahmed");
    expect(dmsTo(coach()).at(-1)).toContain("heeft de uitnodiging geopend");
    const card = JSON.stringify(h.slack.of("chat.update").at(-1)?.params.blocks);
    expect(card).toContain("eerste contact gemaakt");
    expect(card).toContain("`completed`");
  });

  it("only the receiving team acts on its card; the referrer answers a question from a direct message", async () => {
    const id = await filed();
    await h.post(buttonBody("ref.in.accept", id, petra(), "CTEAM"));
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Dit is niet aan jou");
    await h.post(buttonBody("ref.in.askInfo", id, fleur(), "CTEAM"));
    await h.post(submitBody("ref.text", fleur(), { text: text("Heeft Jan schulden?") }, { referralId: id, event: "team.askedInfo" }));
    await h.drain();
    const question = h.slack.of("chat.postMessage").filter((c) => c.params.channel === `D${petra()}`).at(-1);
    expect(JSON.stringify(question?.params.blocks)).toContain("ref.dm.answer");
    await h.post(buttonBody("ref.dm.answer", id, h.w.otherMember.slackUserId ?? "", `D${petra()}`));
    expect(String(h.slack.of("chat.postEphemeral").at(-1)?.params.text)).toContain("Dit is niet aan jou");
    await h.post(buttonBody("ref.dm.answer", id, petra(), `D${petra()}`));
    await h.post(submitBody("ref.text", petra(), { text: text("Nee, geen schulden.") }, { referralId: id, event: "partner.answeredInfo" }));
    await h.drain();
    expect(stateOf(await t.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).toBe("filed");
    expect(h.slack.of("chat.postMessage").filter((c) => c.params.thread_ts).map((c) => String(c.params.text))).toEqual([
      `<@${fleur()}> vraagt de aanmelder: Heeft Jan schulden?`,
      `Antwoord van <@${petra()}>: Nee, geen schulden.`,
    ]);
  });

  it("the App Home shows each member only their own slice, and every view is audited", async () => {
    const id = await filed();
    await h.post(homeOpenedBody(h.w.otherMember.slackUserId ?? "", "Ev1", 1), { contentType: "application/json" });
    await h.post(homeOpenedBody(fleur(), "Ev2", 2), { contentType: "application/json" });
    const [other, team] = h.slack.of("views.publish").map((c) => JSON.stringify(c.params.view));
    expect(other).not.toContain("Jan de Vries");
    expect(team).toContain("Jan de Vries");
    expect(await t.db.prisma.auditEvent.count({ where: { action: "referral.viewed", referralId: id, actorId: h.w.colleague.id } })).toBe(1);
    expect((await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "referral.viewed", referralId: id, actorId: h.w.colleague.id } })).detail).toMatchObject({ why: "referredIn" });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "referral.viewed", actorId: h.w.otherMember.id } })).toBe(0);
  });
});
