/**
 * The progress chart: a real PNG of the right size whose pixels show the scores (a rising line
 * is higher on the right), the step days in orange, Dutch month names, and a plain-Dutch alt
 * text. And through the offline bot: after a third score of a kind the client gets it with
 * sendPhoto, never before.
 */
import { describe, expect, it } from "vitest";
import { InputFile } from "grammy";
import { CHART_HEIGHT, CHART_WIDTH, LINE_COLOUR, renderScoreChart, scoreChartSvg, STEP_COLOUR, type ScoreChartData } from "../../src/domain/chart.js";
import { chartCaption } from "../../src/domain/chart-message.js";
import { createTranslator } from "../../src/i18n.js";
import type { Database } from "../../src/db/client.js";
import { textUpdate } from "../fixtures/updates.js";
import { offlineBotPerFile, type OfflineBot } from "../support/offline-bot.js";
import { onboarded } from "../support/offline-journeys.js";
import { decodePng } from "../support/png.js";

const labels = { score: "Cijfer", step: "stap" };
const rising: ScoreChartData = {
  scale: "CONFIDENCE",
  points: [
    { at: "2026-11-02T09:00:00Z", score: 2 },
    { at: "2026-11-09T09:00:00Z", score: 5 },
    { at: "2026-11-23T09:00:00Z", score: 9 },
  ],
  steps: [{ at: "2026-11-16T11:00:00Z" }],
};

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const near = (px: number[], colour: number[]) => px.slice(0, 3).every((v, i) => Math.abs(v - (colour[i] ?? 0)) <= 12);

/** The topmost row in column x whose pixel has this colour, or -1. */
function topOf(png: ReturnType<typeof decodePng>, x: number, colour: number[]): number {
  for (let y = 0; y < png.height; y++) if (near(png.at(x, y), colour)) return y;
  return -1;
}

describe("score chart", () => {
  it("is a 640 × 320 PNG whose line rises from left to right, with the step day in orange and a white background", async () => {
    const bytes = await renderScoreChart(rising, labels, "nl");
    expect(bytes.length).toBeGreaterThan(3_000);
    expect(bytes.length).toBeLessThan(100_000);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.at(2, 2).slice(0, 3)).toEqual([255, 255, 255]);
    const line = hex(LINE_COLOUR);
    const columns = Array.from({ length: png.width }, (_, x) => x).filter((x) => topOf(png, x, line) >= 0);
    expect(columns.length).toBeGreaterThan(300);
    const left = topOf(png, columns[5]!, line);
    const right = topOf(png, columns[columns.length - 6]!, line);
    expect(right).toBeLessThan(left - 100);
    const orange = hex(STEP_COLOUR);
    const stepColumns = Array.from({ length: png.width }, (_, x) => x).filter((x) => topOf(png, x, orange) >= 0);
    expect(stepColumns.length).toBeGreaterThan(0);
    // The step (16 Nov) lies between the second (9 Nov) and the third point (23 Nov).
    expect(stepColumns[0]!).toBeGreaterThan(columns[0]! + (columns[columns.length - 1]! - columns[0]!) / 3);
  });

  it("names the days in Dutch, or in English for an English client", async () => {
    const nl = await scoreChartSvg(rising, labels, "nl");
    expect(nl).toMatch(/>\d{1,2} nov</);
    expect(nl).toContain(">Cijfer<");
    const en = await scoreChartSvg(rising, { score: "Number", step: "step" }, "en");
    expect(en).toMatch(/>\d{1,2} Nov</);
  });

  it("has an alt text in plain Dutch with the first and the latest score", () => {
    const t = createTranslator();
    const caption = chartCaption(rising);
    const text = [caption, ...(caption.lines ?? [])].map((m) => t.t("nl", m.key, m.vars)).join("\n");
    expect(text).toBe("Dit zijn je cijfers voor je vertrouwen. De eerste was een 2, op 2 november. Nu is het een 9.\nDe oranje strepen zijn de dagen van je stappen.");
  });
});

let db: Database;
let ob: OfflineBot;
offlineBotPerFile((file) => ({ db, ob } = file));

async function scaling(chat: number, clientId: string, score: string) {
  await ob.engine.startConversation(clientId, "scaling", { scale: "CONFIDENCE" });
  return ob.deliver(textUpdate(chat, score), textUpdate(chat, "gwoon gedaan"), textUpdate(chat, "meer slaap"), textUpdate(chat, "morgen bellen"));
}

describe("the chart in Telegram", () => {
  it("comes with sendPhoto after the third confidence score, not after the second", async () => {
    const c = await onboarded(db, ob, 73_001);
    await db.prisma.scaleScore.create({ data: { clientId: c.clientId, kind: "CONFIDENCE", score: 4, at: new Date(Date.now() - 14 * 86_400_000) } });
    expect((await scaling(c.chat, c.clientId, "5")).filter((x) => x.method === "sendPhoto")).toEqual([]);
    const calls = await scaling(c.chat, c.clientId, "een 7");
    const photos = calls.filter((x) => x.method === "sendPhoto");
    expect(photos).toHaveLength(1);
    const call = photos[0]!;
    expect(call.payload.caption).toMatch(/^Dit zijn je cijfers voor je vertrouwen\. De eerste was een 4, op \d{1,2} [a-z]+\. Nu is het een 7\.$/);
    expect(calls.at(-1)).toBe(call);
    const file = call.payload.photo as InputFile;
    expect(file).toBeInstanceOf(InputFile);
    const raw = await file.toRaw();
    expect(raw).toBeInstanceOf(Uint8Array);
    const png = decodePng(raw as Uint8Array);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});
