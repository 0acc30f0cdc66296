/**
 * The two referral loops, in and out, through the whole service (`startKoers` with Slack configured against
 * a local fake Web API, clients reached through a recording sender):
 * 1. a partner refers a person in → the team accepts → the coach gets the invite → the person
 *    starts the bot → the partner sees "first contact made";
 * 2. the coach refers that (now onboarded) client out → the client consents → the partner
 *    accepts, plans, reports first contact, completes → coach and client are told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKoers, type Koers } from "../../../src/app.js";
import { memberAdd, orgAdd, orgSetContact } from "../../../src/cli/admin.js";
import { parseConfig } from "../../../src/config.js";
import type { IncomingMessage } from "../../../src/conversation/engine.js";
import { createTranslator } from "../../../src/i18n.js";
import type { OutMessage, TelegramSendPayload } from "../../../src/outbox/messages.js";
import { memoryLogger, templateDataDir } from "../../support/service.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.js";
import { buttonBody, checks, commandBody, day, pick, postSigned, radio, SIGNING_SECRET, submitBody, suggestionBody, text, time } from "./signed.js";

const CHAT = 812_345;
const PETRA = "U0PETRA01";
const FLEUR = "U0FLEUR01";
const AHMED = "U0AHMED01";

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("referrals end to end through the service", () => {
  let slack: FakeSlackApi;
  let koers: Koers;
  let url: string;
  const read: OutMessage[] = [];
  const tr = createTranslator();
  let update = 1;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    const config = parseConfig({
      DATA_DIR: templateDataDir(),
      PORT: "0",
      HOST: "127.0.0.1",
      SLACK_BOT_TOKEN: "xoxb-test-0000-e2e",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      TELEGRAM_BOT_USERNAME: "koers_e2e_bot",
    });
    const sender = { send: async (p: TelegramSendPayload, i: number) => void read.push(p.messages[i] as OutMessage) };
    koers = await startKoers(config, { logger: memoryLogger().logger, sender, dispatcherIdleMs: 30 });
    url = `http://127.0.0.1:${koers.port}/slack/events`;
    const db = koers.db;
    await orgAdd(db, { name: "Coachteam Noord", kind: "team", channel: "C0TEAM001" });
    await orgAdd(db, { name: "Schuldhulp Oost", kind: "partner", channel: "C0SCHULD1", domains: "financien" });
    await memberAdd(db, { org: "Coachteam Noord", name: "Ahmed", role: "coach", slack: AHMED });
    await memberAdd(db, { org: "Coachteam Noord", name: "Fleur", role: "coach", slack: FLEUR });
    await memberAdd(db, { org: "Schuldhulp Oost", name: "Petra", role: "partner", slack: PETRA });
    await memberAdd(db, { org: "Schuldhulp Oost", name: "Bas", role: "partner", slack: "U0BAS0001" });
    await orgSetContact(db, { org: "Schuldhulp Oost", contact: "Petra", backup: "Bas" });
  });
  afterAll(async () => {
    await koers?.stop();
    await slack?.close();
  });

  const dms = (user: string) => slack.of("chat.postMessage").filter((c) => c.params.channel === `D${user}`).map((c) => String(c.params.text));
  const send = (input: IncomingMessage["input"]) => koers.engine.handle({ updateId: update++, chatId: CHAT, input });
  /** Presses a button of a message that arrived after the previous press (older buttons are stale). */
  let answered = 0;
  const pressIn = async (choice: string) => {
    const data = await until(`a "${choice}" button`, () => read.slice(answered).flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.data.endsWith(`:${choice}`))?.data);
    answered = read.length;
    await send({ kind: "button", data });
  };
  const lastCard = (channel: string) => slack.of("chat.update").filter((c) => c.params.channel === channel).at(-1) ?? slack.of("chat.postMessage").find((c) => c.params.channel === channel);

  it("loop 1: refer in, accept, invite, the person starts the bot, the partner sees first contact", async () => {
    await postSigned(url, commandBody("/aanmelden", PETRA));
    const view = await until("the /aanmelden modal", () => slack.of("views.open")[0]?.params.view as { blocks: { block_id: string; element: { initial_option?: { value: string } } }[] } | undefined);
    // The only team is chosen already.
    const teamId = view.blocks.find((b) => b.block_id === "team")?.element.initial_option?.value ?? "";
    const form = { team: pick(teamId), name: text("Jan de Vries"), contact: text("06 8765 4321"), need: text("Jan heeft schulden en zit thuis."), wish: text(""), urgency: radio("soon"), agrees: checks("yes") };
    expect((await postSigned(url, submitBody("ref.aanmelden", PETRA, form))).text).toBe("");
    const card = await until("the card in the team channel", () => slack.of("chat.postMessage").find((c) => c.params.channel === "C0TEAM001"));
    const referralId = JSON.stringify(card.params.blocks).match(/"value":"([0-9a-f-]{36})"/)?.[1] ?? "";

    await postSigned(url, buttonBody("ref.in.accept", referralId, FLEUR, "C0TEAM001"));
    const ahmedId = (await koers.db.prisma.member.findFirstOrThrow({ where: { slackUserId: AHMED } })).id;
    expect((await postSigned(url, submitBody("ref.accept", FLEUR, { coach: pick(ahmedId) }, { referralId }))).text).toBe("");
    const invite = await until("the invite for Ahmed", () => dms(AHMED).find((x) => x.includes("t.me/koers_e2e_bot?start=")));
    const code = /start=([A-Za-z0-9_-]+)/.exec(invite)?.[1] ?? "";

    await send({ kind: "command", command: "start", args: code });
    await until("Petra hears of the first contact", () => dms(PETRA).find((x) => x.includes("heeft contact gemaakt")));
    expect(dms(PETRA)).toHaveLength(3);
    expect(JSON.stringify(lastCard("C0TEAM001")?.params.blocks)).toContain("eerste contact gemaakt");
  });

  it("loop 2: refer the client out, the client consents, the partner works it through; coach and client are told", async () => {
    // Onboarding: consent yes, keep the name, no reminders.
    await pressIn("yes");
    await pressIn("keep");
    await pressIn("no");
    await until("an active client", async () => (await koers.db.prisma.client.findFirst({ where: { telegramChatId: BigInt(CHAT), status: "ACTIVE" } })) ?? undefined);

    await postSigned(url, commandBody("/verwijs", AHMED));
    await until("the /verwijs modal", () => slack.of("views.open").map((c) => c.params.view as { callback_id: string }).find((v) => v.callback_id === "ref.verwijs"));
    // The coach types part of the name in the search selects.
    const search = async (block: string, typed: string) => ((await postSigned(url, suggestionBody("ref.verwijs", block, typed, AHMED))).json().options as { value: string; text: { text: string } }[])[0];
    const client = await search("client", "jan");
    expect(client?.text.text).toBe("Jan de Vries");
    const partner = await search("partner", "schuld");
    const form = {
      client: pick(client?.value ?? ""),
      partner: pick(partner?.value ?? ""),
      domain: pick("financien"),
      need: text("Jan wil hulp om zijn schulden op een rij te krijgen."),
      items: checks("name", "phone"),
      phone: text("06 8765 4321"),
      summary: text(""),
      urgency: radio("normal"),
      joins: checks(),
      date: day(""),
    };
    expect((await postSigned(url, submitBody("ref.verwijs", AHMED, form))).text).toBe("");
    await until("the consent question", () => read.find((m) => m.key === "referralConsent.list"));
    const question = read.find((m) => m.key === "referralConsent.list");
    expect(tr.t("nl", question?.key ?? "", question?.vars)).toContain("• je telefoonnummer: 06 8765 4321");
    expect(slack.of("chat.postMessage").filter((c) => c.params.channel === "C0SCHULD1")).toEqual([]);
    await pressIn("yes");

    const card = await until("the partner card", () => slack.of("chat.postMessage").find((c) => c.params.channel === "C0SCHULD1" && !c.params.thread_ts));
    const referralId = JSON.stringify(card.params.blocks).match(/"value":"([0-9a-f-]{36})"/)?.[1] ?? "";
    await postSigned(url, buttonBody("ref.accept", referralId, PETRA, "C0SCHULD1"));
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    await until("accepted", () => read.find((m) => m.key === "referralNews.accepted"));
    await postSigned(url, submitBody("ref.plan", PETRA, { date: day(tomorrow), time: time("14:00"), place: text("Kantoor Oost, Hoofdstraat 1") }, { referralId }));
    await until("planned", () => read.find((m) => m.key === "referralNews.planned"));
    await postSigned(url, buttonBody("ref.contactAlone", referralId, "U0BAS0001", "C0SCHULD1"));
    await until("first contact reported", () => dms(AHMED).find((x) => x.includes("zonder coach")));
    await postSigned(url, submitBody("ref.text", PETRA, { text: text("Jan zit in het schuldhulptraject.") }, { referralId, event: "partner.completed" }));

    await until("the coach hears the outcome", () => dms(AHMED).find((x) => x.includes("Uitkomst: Jan zit in het schuldhulptraject.")));
    await until("the client hears it is done", () => read.find((m) => m.key === "referralNews.completed"));
    const planned = read.find((m) => m.key === "referralNews.planned");
    expect(planned?.vars?.place).toBe("Kantoor Oost, Hoofdstraat 1");
    const final = await until("the card shows completed", () => {
      const c = JSON.stringify(lastCard("C0SCHULD1")?.params.blocks);
      return c.includes("`completed`") ? c : undefined;
    });
    expect(final).toContain("Jan de Vries");
    expect(final).toContain("<@U0PETRA01>");
    const row = await koers.db.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    const thread = slack.of("chat.postMessage").filter((c) => c.params.thread_ts === row.slackTs).map((c) => String(c.params.text));
    expect(thread).toEqual([
      "De cliënt gaf toestemming om dit te delen. De aanvraag is verstuurd.",
      `Aangenomen door <@${PETRA}>.`,
      expect.stringMatching(/^Afspraak gepland door <@U0PETRA01>: .+ om 14:00, Kantoor Oost, Hoofdstraat 1\.$/),
      "Eerste gesprek gehad, zonder coach (<@U0BAS0001>).",
      `Afgerond door <@${PETRA}>. Uitkomst: Jan zit in het schuldhulptraject.`,
    ]);
  });
});
