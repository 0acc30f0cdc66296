/**
 * Progress as a picture: the scores of one kind over time (0-10), with the agreed step dates
 * marked, drawn with vega-lite into SVG and rendered to PNG by resvg, on the server. Dates are
 * Dutch (or English) and in Amsterdam time; the font comes from the `dejavu-fonts-ttf` package,
 * never from the system. Pure: data in, PNG out, so the outbox can render it again on a retry.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { ScoreChartData } from "../outbox/messages.js";

export type { ScoreChartData };

export interface ChartLabels {
  /** The y axis: "Cijfer". */
  score: string;
  /** The marks of the steps: "stap". */
  step: string;
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;
/** The line and its points: the colour a pixel test can look for. */
export const LINE_COLOUR = "#1f6f8b";
export const STEP_COLOUR = "#e07a1f";

const require = createRequire(import.meta.url);
const FONT_FILE = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");
const FONT = "DejaVu Sans";

const MONTHS = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const SHORT_MONTHS = {
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
const DAYS = {
  nl: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const SHORT_DAYS = { nl: ["zo", "ma", "di", "wo", "do", "vr", "za"], en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] };

/** vega's time-format locale (d3-time-format) for the chart's language. */
function timeLocale(language: string) {
  const l = language === "en" ? "en" : "nl";
  return {
    dateTime: "%A %e %B %Y %X",
    date: "%d-%m-%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"] as [string, string],
    days: DAYS[l] as [string, string, string, string, string, string, string],
    shortDays: SHORT_DAYS[l] as [string, string, string, string, string, string, string],
    months: MONTHS[l] as [string, string, string, string, string, string, string, string, string, string, string, string],
    shortMonths: SHORT_MONTHS[l] as [string, string, string, string, string, string, string, string, string, string, string, string],
  };
}

const AMSTERDAM = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** The Amsterdam wall-clock time of an instant, as the same digits in UTC (the chart draws in UTC). */
function wallClock(iso: string): number {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts["year"]), Number(parts["month"]) - 1, Number(parts["day"]), Number(parts["hour"]), Number(parts["minute"]));
}

/** The vega-lite specification of a score chart. */
export function scoreChartSpec(data: ScoreChartData, labels: ChartLabels): TopLevelSpec {
  const points = data.points.map((p) => ({ t: wallClock(p.at), score: p.score }));
  const steps = data.steps.map((s) => ({ t: wallClock(s.at), label: labels.step }));
  const x = { field: "t", type: "temporal" as const, scale: { type: "utc" as const }, axis: { title: null, format: "%-d %b", labelFontSize: 13, tickCount: 5, grid: false } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: "fit", contains: "padding" },
    padding: 12,
    background: "#ffffff",
    config: { font: FONT, view: { stroke: null } },
    layer: [
      ...(steps.length
        ? [
            {
              data: { values: steps },
              mark: { type: "rule" as const, color: STEP_COLOUR, strokeDash: [6, 4], strokeWidth: 2 },
              encoding: { x },
            },
            {
              data: { values: steps },
              mark: { type: "text" as const, color: STEP_COLOUR, dy: -4, baseline: "bottom" as const, fontSize: 12 },
              encoding: { x, y: { datum: 10, type: "quantitative" as const }, text: { field: "label" } },
            },
          ]
        : []),
      {
        data: { values: points },
        mark: { type: "line" as const, color: LINE_COLOUR, strokeWidth: 4, point: { filled: true, size: 120, color: LINE_COLOUR } },
        encoding: {
          x,
          y: { field: "score", type: "quantitative" as const, scale: { domain: [0, 10] }, axis: { title: labels.score, values: [0, 2, 4, 6, 8, 10], labelFontSize: 13, titleFontSize: 13 } },
        },
      },
    ],
  };
}

/** The chart as SVG (for tests and for a look at it in a browser). */
export async function scoreChartSvg(data: ScoreChartData, labels: ChartLabels, language: string): Promise<string> {
  // Loaded on the first chart, not at start: vega and vega-lite take about a second to import.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const spec = compile(scoreChartSpec(data, labels)).spec;
  // vega-view reads `locale: { number, time }` as format specifications; its typings name the built formatters.
  const options = { renderer: "none", locale: { time: timeLocale(language) } } as unknown as vega.ViewOptions;
  const view = new vega.View(vega.parse(spec), options);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes, 640 × 320 pixels. */
export async function renderScoreChart(data: ScoreChartData, labels: ChartLabels, language: string): Promise<Buffer> {
  const svg = await scoreChartSvg(data, labels, language);
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
    fitTo: { mode: "width", value: CHART_WIDTH },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

/** A chart is worth sending from this many scores of one kind. */
export const CHART_MIN_SCORES = 3;
