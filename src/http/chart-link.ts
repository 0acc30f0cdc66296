/**
 * Slack's image block needs a URL it can fetch. A chart of a client's scores is served by the
 * service's own HTTP server at `/charts/score.png`, with a signed, expiring query: the client,
 * the scale, the expiry time and an HMAC-SHA256 over them. The URL is made only after the access
 * rule let a coach open the file (and the opening is audited); whoever holds the link can fetch
 * that one picture for an hour, nothing else. The key is the service's own (`CHART_LINK_SECRET`,
 * or derived from the Slack signing secret), so a link cannot be made without it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ScaleKind } from "../../flows/types.js";
import type { Database } from "../db/client.js";
import type { Route } from "./server.js";
import { renderScoreChart, type ChartLabels } from "../domain/chart.js";
import { chartData } from "../domain/chart-message.js";
import { SCALE_KINDS } from "../domain/client-file.js";

export const CHART_PATH = "/charts/score.png";
export const CHART_LINK_TTL_MS = 3_600_000;

export interface ChartLinks {
  url(clientId: string, scale: ScaleKind, now: Date): string;
}

function sign(secret: string, clientId: string, scale: string, expires: number): string {
  return createHmac("sha256", secret).update(`${clientId}\n${scale}\n${expires}`).digest("base64url");
}

/** The key for chart links from the Slack signing secret, when no key of its own is set. */
export function chartLinkSecret(own: string | undefined, slackSigningSecret: string): string {
  return own ?? createHmac("sha256", slackSigningSecret).update("koers chart links").digest("base64url");
}

export function chartLinks(baseUrl: string, secret: string, ttlMs = CHART_LINK_TTL_MS): ChartLinks {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    url(clientId, scale, now) {
      const e = now.getTime() + ttlMs;
      const q = new URLSearchParams({ c: clientId, k: scale, e: String(e), s: sign(secret, clientId, scale, e) });
      return `${base}${CHART_PATH}?${q.toString()}`;
    },
  };
}

/** The client and scale of a valid, unexpired link; null for anything else. */
export function verifyChartLink(secret: string, query: URLSearchParams, now: Date): { clientId: string; scale: ScaleKind } | null {
  const clientId = query.get("c") ?? "";
  const scale = query.get("k") ?? "";
  const e = Number(query.get("e"));
  const s = Buffer.from(query.get("s") ?? "");
  if (!/^[0-9a-f-]{36}$/.test(clientId) || !(SCALE_KINDS as readonly string[]).includes(scale) || !Number.isSafeInteger(e) || e < now.getTime()) return null;
  const want = Buffer.from(sign(secret, clientId, scale, e));
  if (s.length !== want.length || !timingSafeEqual(s, want)) return null;
  return { clientId, scale: scale as ScaleKind };
}

/** GET /charts/score.png?c&k&e&s: the chart as PNG, drawn from the database now; 403 for a bad or old link. */
export function chartRoute(deps: { db: Database; secret: string; labels: ChartLabels; clock: () => Date }): Route {
  return async (req, res) => {
    const query = new URL(req.url ?? "/", "http://local").searchParams;
    const link = req.method === "GET" ? verifyChartLink(deps.secret, query, deps.clock()) : null;
    if (!link) {
      res.writeHead(403, { "content-type": "application/json" }).end('{"error":"forbidden"}');
      return;
    }
    const data = await deps.db.prisma.$transaction((tx) => chartData(tx, link.clientId, link.scale));
    const png = await renderScoreChart(data, deps.labels, "nl");
    res.writeHead(200, { "content-type": "image/png", "cache-control": "private, max-age=3600", "content-length": String(png.length) }).end(png);
  };
}
