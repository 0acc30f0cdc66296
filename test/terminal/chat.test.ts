/**
 * The terminal chat (src/terminal/chat.ts): the real engine, flows, outbox and dispatcher on an
 * embedded database of its own, with the terminal's sender writing what the client reads. The
 * first start links a demo client and begins onboarding; a later start does not make another; a
 * typed number presses that button of the latest question, anything else is said as text, and
 * /commands are commands.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { createEngine } from "../../src/conversation/engine.js";
import { createTranslator } from "../../src/i18n.js";
import { createJobs } from "../../src/jobs/index.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import { silentLogger } from "../../src/log.js";
import { createTerminalChat, outboxSettled, TERMINAL_CHAT_ID } from "../../src/terminal/chat.js";
import { sink } from "../support/cli.js";
import { dbForFile, freshEmbeddedDb } from "../support/db.js";
import { nowhere } from "../jobs/support.js";

const file = dbForFile(freshEmbeddedDb);
const translator = createTranslator();

function terminal() {
  const out = sink();
  const chat = createTerminalChat({ translator, output: out });
  const engine = createEngine({ db: file.db, flows: flowRegistry, clock: () => new Date(), logger: silentLogger() });
  const jobs = createJobs({ db: file.db, engine, sender: chat.sender, nudges: nowhere, logger: silentLogger(), limiter: unlimited, silentDays: 7 });
  const flush = () => outboxSettled(file.db, () => jobs.dispatcher.drain(), 5_000);
  /** Types these lines, then closes the input; resolves when every line was answered. */
  const type = async (...lines: string[]) => {
    const input = new PassThrough();
    const done = chat.run(engine, flush, input);
    input.end(lines.map((l) => `${l}\n`).join(""));
    await done;
  };
  return { out, chat, engine, flush, type };
}

const terminalClient = () => file.db.prisma.client.findUnique({ where: { telegramChatId: BigInt(TERMINAL_CHAT_ID) }, include: { coach: { include: { organisation: true } } } });
/** The numbered buttons of the last question shown: label -> number. */
function lastButtons(text: string): Map<string, string> {
  const line = text.trimEnd().split("\n").filter((l) => /^\s+\[1\] /.test(l)).at(-1) ?? "";
  return new Map([...line.matchAll(/\[(\d+)\] (.+?)(?=\s{3}\[|$)/g)].map((m) => [m[2]?.trim() ?? "", m[1] ?? ""]));
}

describe("the terminal chat", () => {
  it("links a demo client on the first start and begins onboarding; a second start makes no second client", async () => {
    const { out, chat, engine, flush } = terminal();
    await chat.begin(file.db, engine, 14);
    await flush();
    const client = await terminalClient();
    expect(client).toMatchObject({ name: "Alex", status: "ONBOARDING", coach: { name: "Sam", role: "COACH", organisation: { name: "Demo-team", kind: "COACH_TEAM" } } });
    const text = out.text();
    expect(text.startsWith("\nKoers: ")).toBe(true);
    expect(lastButtons(text).size).toBeGreaterThanOrEqual(2);
    // Continuation lines are indented under "Koers: ".
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("Koers: "))) expect(line.startsWith("       ")).toBe(true);

    await chat.begin(file.db, engine, 14);
    await flush();
    expect(await file.db.prisma.client.count({ where: { name: "Alex" } })).toBe(1);
    expect(await file.db.prisma.invite.count({ where: { clientId: client?.id ?? "" } })).toBe(1);
  });

  it("a typed number presses that button; a number with no button, a blank line and words are not presses", async () => {
    const { out, type } = terminal();
    const before = await terminalClient();
    expect(before?.status).toBe("ONBOARDING");
    await type("");
    expect(out.text()).toBe("");
    const count = async () => file.db.prisma.flowAnswer.count({ where: { clientId: before?.id ?? "" } });
    const answers = await count();
    // 99 is no button: the question stays (it is said as text, and asked again).
    await type("99");
    expect(out.text()).toContain("Koers: ");
    expect(await file.db.prisma.consentRecord.count({ where: { clientId: before?.id ?? "" } })).toBe(0);
    const shown = lastButtons(out.text());
    const yes = [...shown.entries()].find(([label]) => /^ja/i.test(label))?.[1];
    expect(yes).toBeDefined();
    await type(yes ?? "");
    const consent = await file.db.prisma.consentRecord.findFirst({ where: { clientId: before?.id ?? "", subject: "data" } });
    expect(consent?.decision).toBe("GIVEN");
    expect(await count()).toBeGreaterThanOrEqual(answers);
  });

  it("a /command is a command, whatever its case: /HULP shows the help", async () => {
    const { out, type } = terminal();
    await type("/HULP");
    expect(out.text()).toContain(translator.t("nl", "help.text").split("\n")[0]?.slice(0, 30) ?? "?");
  });

  it("a line that fails is answered with the calm error, and the next line is still handled", async () => {
    const { out, chat, engine, flush } = terminal();
    let failures = 1;
    const input = new PassThrough();
    const done = chat.run(engine, async () => (failures-- > 0 ? Promise.reject(new Error("outbox down")) : flush()), input);
    input.end("/hulp\n/hulp\n");
    await done;
    const text = out.text();
    expect(text).toContain(`Koers: ${translator.t("nl", "common.error")}\n(outbox down)\n`);
    expect(text.indexOf("(outbox down)")).toBeLessThan(text.lastIndexOf("Koers: "));
  });
});
