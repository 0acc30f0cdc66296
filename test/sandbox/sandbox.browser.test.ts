/**
 * The sandbox page in a real browser (playwright-core driving Debian's Chromium): the real service
 * behind it, its Bot API and Slack Web API answered by the in-process fakes. As client and as
 * professionals: onboarding from the invite link, a GROW talk, a scaling question and a photo, a
 * referral out with the client's consent that the partner accepts and plans, a nudge after a
 * clock jump, the coach's App Home and a client's file. Screenshots of each step go to docs/sandbox/ (the README
 * shows them) when KOERS_SCREENSHOTS=1.
 *
 * Photos and images are the service's own: the progress chart Koers sends after Eva's check-in
 * (her third score of how she feels), and that chart uploaded to Slack with the service's Web API
 * client, shown as a shared file and in an image block.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/** The little of the browser's DOM these callbacks touch (the project compiles without lib "dom"). */
type Img = { naturalWidth: number };
type Doc = { querySelectorAll(s: string): ArrayLike<Img>; querySelector(s: string): { getAttribute(n: string): string | null; tagName: string } | null; activeElement: { tagName: string } | null };
import slackNl from "../../locales/nl/slack.json" with { type: "json" };
import { CHART_WIDTH, renderScoreChart } from "../../src/domain/chart.js";
import { addDays, atLocal, localTime } from "../../src/domain/reminders/schedule.js";
import { SLACK_TOKEN, startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { createWebClient } from "../../src/slack/web.js";
import { memoryLogger, nlText, templateDataDir, type LogLine } from "../support/service.js";

/** A sandbox folder whose database (db/) is a copy of the migrated template. */
function sandboxDir(): string {
  const dir = fs.mkdtempSync(path.join(inject("testTmpDir"), "sandbox-"));
  fs.renameSync(templateDataDir(), path.join(dir, "db"));
  return dir;
}

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  // .ci/run sets this where it found or installed Chromium: there the test must not skip.
  if (process.env.KOERS_REQUIRE_CHROMIUM === "1") throw new Error(`KOERS_REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing`);
  console.log(`[sandbox browser test] SKIPPED: ${CHROMIUM} is missing (install Debian's chromium package to run it)`);
}

/**
 * Where the screenshots go: docs/sandbox/ (shown in the README) when KOERS_SCREENSHOTS=1, so that
 * an ordinary test run does not change files in the repository; a temporary folder otherwise.
 */
const SHOTS = process.env.KOERS_SCREENSHOTS === "1" ? path.resolve(import.meta.dirname, "../../docs/sandbox") : fs.mkdtempSync(path.join(os.tmpdir(), "koers-sandbox-shots-"));

type Tree = { [key: string]: string | Tree };
function slackText(key: string, vars: Record<string, string> = {}): string {
  let node: string | Tree = slackNl as Tree;
  for (const part of key.split(".")) node = (node as Tree)[part] as string | Tree;
  if (typeof node !== "string") throw new Error(`no Slack text ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? "");
}

describe.skipIf(!hasChromium)("the sandbox page in Chromium", () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let logLines: LogLine[];
  let logger: Logger;

  beforeAll(async () => {
    dataDir = sandboxDir();
    const memory = memoryLogger("warn");
    logger = memory.logger;
    logLines = memory.lines;
    // The story starts at the next 13:00 in Amsterdam, whenever the test runs: its jumps of whole
    // days then end after the morning (09:00-12:00), where the demo clients' reminders fall (a run
    // at night ended them at night, a run at 10:00 before a reminder slot of 10:30).
    const today = localTime(new Date()).day;
    const one = atLocal(today, 13 * 60) > new Date() ? atLocal(today, 13 * 60) : atLocal(addDays(today, 1), 13 * 60);
    sandbox = await startSandbox({ dataDir, port: 0, host: "127.0.0.1", logger, startAt: one });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20_000);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.goto(sandbox.url);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const chat = () => page.locator("#chat");
  const botBubbles = () => chat().locator(".bubble.bot");
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  /** Does something and waits until the bot says `text` once more than before. */
  async function expectBot(action: () => Promise<unknown>, ...texts: string[]): Promise<void> {
    const before = await Promise.all(texts.map((t) => botBubbles().getByText(t, { exact: true }).count()));
    await action();
    for (const [i, t] of texts.entries()) {
      const all = botBubbles().getByText(t, { exact: true });
      await all.nth(before[i] ?? 0).waitFor();
    }
  }
  const say = (text: string) => async () => {
    await page.getByLabel("Bericht", { exact: true }).fill(text);
    await page.getByLabel("Bericht", { exact: true }).press("Enter");
  };
  const press = (label: string) => () => botBubbles().filter({ has: page.getByRole("button", { name: label, exact: true }) }).last().getByRole("button", { name: label, exact: true }).click();
  const asClient = (name: string) => page.getByLabel("You are client").selectOption({ label: name });
  const asPerson = (value: string) => page.getByLabel("You are", { exact: true }).selectOption(value);
  const place = (name: string) => page.locator("#places").getByRole("button", { name, exact: false }).click();
  const surface = () => page.locator("#surface");
  const modal = () => page.getByRole("dialog");
  const field = (block: string): Locator => modal().locator(`[data-block="${block}"]`);

  it("Jan opens his invite link and goes through onboarding", async () => {
    await asClient("Jan de Vries");
    await expectBot(() => page.getByRole("button", { name: /^Open t\.me\/KoersSandboxBot\?start=/ }).click(), nlText("onboarding.welcome"), nlText("onboarding.consent.ask"));
    await expectBot(press(nlText("onboarding.consent.yes")), nlText("onboarding.name.ask"));
    await expectBot(say("jan"), nlText("onboarding.reminders.ask", { name: "Jan" }));
    await expectBot(press(nlText("onboarding.reminders.no")), nlText("onboarding.done", { name: "Jan", coach: "Ahmed" }));
    await page.locator("#client-status", { hasText: "active" }).waitFor();
    await shot("1-onboarding");
  });

  it("Sam finishes the GROW talk her coach started, then a scaling question", { timeout: 60_000 }, async () => {
    await asClient("Samira El Amrani");
    // "ik wil werk vinden" says enough: GROW goes on to where Sam is now (a short goal would get "by when?").
    await botBubbles().getByText(nlText("grow.reality.now"), { exact: true }).waitFor();
    await expectBot(say("Slecht"), nlText("grow.reality.helps"));
    await expectBot(say("Mijn buurman helpt soms met brieven"), nlText("grow.options.ask"));
    await expectBot(say("Bellen, mailen of langsgaan bij winkels"), nlText("grow.options.favourite"));
    // GROW follows the answers: the way named becomes the step to plan, a 7 asks what could get
    // in the way and what Sam does then, and the plan is summed up in our words.
    await expectBot(say("Langsgaan bij winkels"), nlText("grow.will.step"));
    await expectBot(say("Bij drie winkels in de wijk vragen of ze iemand zoeken"), nlText("grow.will.when"));
    await expectBot(say("vrijdag"), nlText("grow.will.sure"));
    await expectBot(press("7"), nlText("grow.will.obstacle", { score: 7 }));
    await expectBot(say("Als ik het eng vind"), nlText("grow.will.fallbackIf"));
    await press(nlText("grow.will.retry"))();
    await botBubbles().getByText(/Klopt dat\?/).last().waitFor();
    await expectBot(say("ja hoor"), nlText("grow.saved", { name: "Sam", coach: "Ahmed" }));
    await shot("2-grow");
    await expectBot(press(nlText("grow.next.yes")), nlText("scaling.ask.progress"));
    await expectBot(say("een 6 of zo"), nlText("scaling.how.plain", { score: 6 }));
    await expectBot(say("Ik heb mijn cv al klaar"), nlText("scaling.higher", { next: 7 }));
    await expectBot(say("Dan heb ik een gesprek gehad"), nlText("scaling.step"));
    await expectBot(say("De bieb bellen voor hulp met mijn brief"), nlText("scaling.end", { name: "Sam" }));
    const goal = await sandbox.koers.db.prisma.goal.findFirstOrThrow({ where: { client: { telegramChatId: 700_002n } }, include: { steps: true } });
    expect(goal.text).toBe("ik wil werk vinden");
    expect(goal.steps.map((s) => s.what)).toEqual(["Bij drie winkels in de wijk vragen of ze iemand zoeken"]);
  });

  it("coach Ahmed refers Sam out with /verwijs; Sam agrees; partner Petra accepts and plans it", { timeout: 60_000 }, async () => {
    await asPerson("U0AHMED01");
    await place("Koers (berichten)");
    await page.getByLabel("Slash command").fill("/verwijs");
    await page.getByLabel("Slash command").press("Enter");
    await modal().waitFor();
    // The keyboard stays in the modal: the page behind it is inert.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: { tagName: string; closest(s: string): unknown } | null } }).document.activeElement;
        return active?.closest('[role="dialog"]') ? "modal" : (active?.tagName ?? "none");
      });
      expect(["modal", "BODY"]).toContain(where);
    }
    await field("client").locator("select").selectOption({ label: "Samira El Amrani" });
    await field("partner").locator("select").selectOption({ label: "Schuldhulp Oost" });
    await field("domain").locator("select").selectOption("financien");
    await field("need").locator("textarea").fill("Sam wil hulp om haar post en rekeningen op een rij te krijgen.");
    await field("items").locator('input[value="phone"]').check();
    // Submitting without the phone number: the service's own inline error comes back.
    await modal().getByRole("button", { name: slackText("referral.modal.verwijs.submit") }).click();
    await field("phone").locator(".bk-error").waitFor();
    await field("phone").locator("input").fill("06 1234 5678");
    await shot("4-verwijs-modal");
    await modal().getByRole("button", { name: slackText("referral.modal.verwijs.submit") }).click();
    await modal().waitFor({ state: "detached" });
    await asClient("Samira El Amrani");
    const question = botBubbles().locator(".text").filter({ hasText: "Ahmed wil dit aan Schuldhulp Oost geven" });
    await question.filter({ hasText: "je telefoonnummer: 06 1234 5678" }).waitFor();
    await expectBot(press(nlText("referralConsent.yes")), nlText("referralConsent.yesDone", { partner: "Schuldhulp Oost" }));

    await asPerson("U0PETRA01");
    await place("schuldhulp-oost");
    const card = surface().locator(".msg").filter({ hasText: "Samira El Amrani" }).last();
    await card.getByRole("button", { name: slackText("referral.button.accept") }).click();
    await card.getByRole("button", { name: slackText("referral.button.plan") }).click();
    await modal().waitFor();
    const tomorrow = new Date(sandbox.now().getTime() + 36 * 3600_000).toISOString().slice(0, 10);
    await field("date").locator("input").fill(tomorrow);
    await field("time").locator("input").fill("14:00");
    await field("place").locator("input").fill("Kantoor Oost, Hoofdstraat 1");
    await modal().getByRole("button", { name: slackText("referral.modal.submit") }).click();
    await modal().waitFor({ state: "detached" });
    await card.locator(".thread").getByText(/Afspraak gepland door @Petra/).first().waitFor();
    await shot("5-partner-card");
    const planned = await sandbox.koers.db.prisma.referral.findFirstOrThrow({ where: { client: { telegramChatId: 700_002n } }, include: { appointments: true } });
    expect(planned.status).toBe("accepted");
    expect(planned.consentedItems).toEqual(expect.arrayContaining(["phone"]));
    expect(planned.appointments.map((a) => a.place)).toEqual(["Kantoor Oost, Hoofdstraat 1"]);
    await botBubbles().locator(".text").filter({ hasText: "Je hebt een afspraak bij Schuldhulp Oost." }).waitFor();
  });

  it("an image Koers posts in Slack (an uploaded file, an image block of it) shows in the panel", async () => {
    // The service's own Web API client, as a chart or client file in Slack would use it.
    const web = createWebClient({ token: SLACK_TOKEN, apiUrl: sandbox.slack.url, logger });
    const chart = await renderScoreChart({ scale: "PROGRESS", points: [3, 4, 4, 6].map((score, i) => ({ at: new Date(Date.UTC(2026, 10, 2 + 7 * i, 9)).toISOString(), score })), steps: [] }, { score: "Cijfer", step: "stap" }, "nl");
    const uploaded = await web.filesUploadV2({ channel_id: "DU0AHMED01", file: chart, filename: "eva.png", title: "Voortgang Eva", initial_comment: "Eva's cijfers" });
    const id = (uploaded.files[0] as { files?: { id?: string }[] } | undefined)?.files?.[0]?.id ?? "";
    expect(id).toMatch(/^F/);
    await web.chat.postMessage({ channel: "DU0AHMED01", text: "Grafiek", blocks: [{ type: "image", slack_file: { id }, alt_text: "Grafiek van Eva" }] });
    await asPerson("U0AHMED01");
    await place("Koers (berichten)");
    for (const name of ["Voortgang Eva", "Grafiek van Eva"]) {
      const img = surface().getByRole("img", { name, exact: true });
      await img.waitFor();
      await page.waitForFunction((n) => Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll(`#surface img[alt="${n}"]`)).some((i) => i.naturalWidth > 0), name);
      expect(await img.evaluate((i) => (i as unknown as Img).naturalWidth)).toBe(CHART_WIDTH);
    }
  });

  /** Presses a clock button and waits until the page shows the service's clock moved on. */
  async function jump(label: string, ms: number): Promise<void> {
    const before = Date.parse((await page.locator("#now").getAttribute("datetime")) ?? "");
    await page.getByRole("button", { name: label }).click();
    await page.waitForFunction(([b, d]) => Date.parse((globalThis as unknown as { document: Doc }).document.querySelector("#now")?.getAttribute("datetime") ?? "") >= b + d, [before, ms - 60_000] as const);
  }

  it("three days on, Eva gets the reminder of the step that falls due", { timeout: 60_000 }, async () => {
    await asClient("Eva Jansen");
    expect(await botBubbles().count()).toBe(0);
    for (let i = 0; i < 3; i++) await jump("+1 day", 86_400_000);
    const reminder = botBubbles().filter({ hasText: nlText("reminders.step.text", { name: "Eva", what: "Met de buurvrouw mee naar de koffieochtend" }) });
    await reminder.first().waitFor({ timeout: 30_000 });
    await shot("6-reminder");
  });

  it("in those days Mo's first check-in after closing came; he says it is not good, and his coach Fleur is told", { timeout: 60_000 }, async () => {
    await asClient("Mo Bakker");
    await botBubbles().getByText(nlText("aftercare.hello", { name: "Mo", weeks: 4 }), { exact: true }).waitFor({ timeout: 30_000 });
    await expectBot(press(nlText("aftercare.notGood")), nlText("aftercare.lowWhat", { coach: "Fleur" }));
    await expectBot(say("mn uitkering is gestopt en ik slaap slecht"), nlText("aftercare.lowEnd", { name: "Mo", coach: "Fleur" }));
    await asPerson("U0FLEUR01");
    await place("Koers (berichten)");
    const nudge = surface().locator(".msg").filter({ hasText: /Mo zegt in de nazorg-check-in \(4 weken na de afsluiting\) dat het niet goed gaat/ });
    await nudge.first().waitFor({ timeout: 30_000 });
    await shot("11-aftercare");
    const mo = await sandbox.koers.db.prisma.client.findFirstOrThrow({ where: { telegramChatId: 700_004n } });
    expect(mo.phase).toBe("AFTERCARE");
    const relapse = await sandbox.koers.db.prisma.nudge.findMany({ where: { clientId: mo.id, cause: "aftercare_relapse" } });
    expect(relapse).toHaveLength(1);
    // Opened at the service's time (days ahead of the wall clock), as the nudge's "Sinds" says.
    expect(Math.abs(relapse[0]!.openedAt.getTime() - sandbox.now().getTime())).toBeLessThan(3_600_000);
  });

  it("a week later coach Ahmed gets nudges in his messages, and his App Home shows his clients", async () => {
    await asPerson("U0AHMED01");
    await place("Koers (berichten)");
    await jump("+1 week", 7 * 86_400_000);
    const nudge = surface().locator(".msg").filter({ hasText: /Eva heeft al \d+ dagen niets laten horen/ });
    await nudge.first().waitFor({ timeout: 30_000 });
    await shot("7-nudge");
    await nudge.first().getByRole("button", { name: slackText("nudge.button.contact") }).click();
    await surface().getByText(slackText("nudge.chosen.contact", { name: "Eva" })).first().waitFor();

    await place("Home");
    const home = surface();
    await home.getByRole("heading", { name: slackText("referral.home.caseload.title"), exact: true }).waitFor();
    for (const name of ["Eva", "Jan", "Sam"]) await home.locator(".bk-text").filter({ hasText: new RegExp(`^${name} · `) }).waitFor();
    await home.getByText(/Laatste cijfer: 6 \(voortgang\)/).first().waitFor();
    await shot("8-app-home");
    const viewed = await sandbox.koers.db.prisma.auditEvent.count({ where: { action: { contains: "caseload" } } });
    expect(viewed).toBeGreaterThan(0);
  });

  it("the next morning Eva gets her check-in and answers it; Koers sends her progress chart as a photo", { timeout: 60_000 }, async () => {
    await asClient("Eva Jansen");
    // Her check-in fell due in the week's jump; when that ended in the evening, it waits for the
    // morning she chose.
    if ((await botBubbles().getByText(nlText("checkin.mood"), { exact: true }).count()) === 0) await jump("+1 day", 86_400_000);
    await botBubbles().getByText(nlText("checkin.mood"), { exact: true }).last().waitFor({ timeout: 30_000 });
    await expectBot(press("7"), nlText("checkin.rise.ask", { from: 5, to: 7 }));
    await expectBot(say("ik ben 2 keer naar de koffieochtend geweest"), nlText("checkin.rise.thanks"));
    // Her step reminder has a "Gedaan" button too: press the one under the check-in's question.
    const stepAsk = botBubbles().filter({ hasText: /koffieochtend\. Hoe ging dat\?/ }).last();
    await stepAsk.waitFor();
    await expectBot(() => stepAsk.getByRole("button", { name: nlText("checkin.step.done"), exact: true }).click(), nlText("checkin.step.nextAsk"));
    await expectBot(say("zelf een keer alleen gaan"), nlText("checkin.end", { name: "Eva" }));
    const scores = await sandbox.koers.db.prisma.scaleScore.findMany({ where: { client: { telegramChatId: 700_003n }, kind: "WELLBEING" }, orderBy: { at: "asc" } });
    expect(scores.map((s) => s.score)).toEqual([4, 5, 7]);
    // The photo is the service's own chart, sent through the Bot API, not one made here.
    // It is drawn and sent after the closing words (the first chart also loads the chart library),
    // so it may arrive a moment later.
    const photos = () => sandbox.telegram.state.messages.filter((m) => m.chatId === 700_003 && m.file?.kind === "photo");
    await expect.poll(() => photos().length, { timeout: 30_000 }).toBe(1);
    const img = chat().locator(".bubble.bot img").last();
    await img.waitFor();
    await page.waitForFunction(() => Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll("#chat .bubble.bot img")).every((i) => i.naturalWidth > 0));
    expect(await img.evaluate((i) => (i as unknown as Img).naturalWidth)).toBe(CHART_WIDTH);
    expect(await img.getAttribute("alt")).not.toBe("");
    await shot("3-chart");
  });

  it("coach Ahmed opens Sam's client file from his App Home; the opening is audited", { timeout: 60_000 }, async () => {
    await asPerson("U0AHMED01");
    await place("Home");
    const buttons = surface().getByRole("button", { name: slackText("file.open"), exact: true });
    await buttons.first().waitFor();
    const before = await sandbox.koers.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed" } });
    let found = false;
    for (let i = 0; i < (await buttons.count()) && !found; i++) {
      await buttons.nth(i).click();
      await modal().waitFor();
      if ((await modal().getByText(slackText("file.title", { name: "Sam" })).count()) > 0) found = true;
      else {
        await modal().getByRole("button", { name: slackText("file.close"), exact: true }).last().click();
        await modal().waitFor({ state: "detached" });
      }
    }
    expect(found).toBe(true);
    await shot("10-client-file");
    expect(await sandbox.koers.db.prisma.auditEvent.count({ where: { action: "clientFile.viewed" } })).toBeGreaterThan(before);
    await modal().getByRole("button", { name: slackText("file.close"), exact: true }).last().click();
    await modal().waitFor({ state: "detached" });
  });

  it("keeps to the keyboard and a phone's width, and logged no errors", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const panes = await page.locator(".pane").evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().left));
    expect(new Set(panes.map(Math.round)).size).toBe(1);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.tagName)).toBe("BUTTON");
    await shot("9-phone");
    expect(logLines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
