import { describe, expect, it } from "vitest";
import { CHART_LINK_TTL_MS, CHART_PATH, chartLinkSecret, chartLinks, verifyChartLink } from "../../src/http/chart-link.js";

const CLIENT = "0b6f1c2e-6f1d-4b1e-9a57-2c1d3e4f5a6b";
const SECRET = "a test key, not a secret";
const NOW = new Date("2026-12-03T08:00:00Z");

/** The query of a link made now. */
function queryOf(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe("chartLinks", () => {
  it("makes a link to the chart path on the base URL, without a double slash", () => {
    const url = chartLinks("https://koers.example/", SECRET).url(CLIENT, "PROGRESS", NOW);
    expect(url.startsWith(`https://koers.example${CHART_PATH}?`)).toBe(true);
    const q = queryOf(url);
    expect(q.get("c")).toBe(CLIENT);
    expect(q.get("k")).toBe("PROGRESS");
    expect(q.get("e")).toBe(String(NOW.getTime() + CHART_LINK_TTL_MS));
    expect(q.get("s")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("signs the same link the same way, and another client, scale or time differently", () => {
    const links = chartLinks("https://k", SECRET);
    const s = (c: string, k: "PROGRESS" | "WELLBEING", at: Date) => queryOf(links.url(c, k, at)).get("s");
    expect(s(CLIENT, "PROGRESS", NOW)).toBe(s(CLIENT, "PROGRESS", NOW));
    expect(s(CLIENT, "WELLBEING", NOW)).not.toBe(s(CLIENT, "PROGRESS", NOW));
    expect(s(CLIENT.replace("0b", "0c"), "PROGRESS", NOW)).not.toBe(s(CLIENT, "PROGRESS", NOW));
    expect(s(CLIENT, "PROGRESS", new Date(NOW.getTime() + 1))).not.toBe(s(CLIENT, "PROGRESS", NOW));
  });
});

describe("verifyChartLink", () => {
  const link = (ttl?: number) => queryOf(chartLinks("https://k", SECRET, ttl).url(CLIENT, "CONFIDENCE", NOW));

  it("gives the client and scale of a link it made, until it expires", () => {
    expect(verifyChartLink(SECRET, link(), NOW)).toEqual({ clientId: CLIENT, scale: "CONFIDENCE" });
    expect(verifyChartLink(SECRET, link(), new Date(NOW.getTime() + CHART_LINK_TTL_MS))).toEqual({ clientId: CLIENT, scale: "CONFIDENCE" });
  });

  it("refuses a link one millisecond after it expired", () => {
    expect(verifyChartLink(SECRET, link(), new Date(NOW.getTime() + CHART_LINK_TTL_MS + 1))).toBeNull();
    expect(verifyChartLink(SECRET, link(1000), new Date(NOW.getTime() + 1001))).toBeNull();
  });

  it("refuses a link signed with another key", () => {
    expect(verifyChartLink("another key", link(), NOW)).toBeNull();
  });

  it("refuses a link whose client, scale or expiry was changed", () => {
    for (const [key, value] of [
      ["c", CLIENT.replace("0b", "0c")],
      ["k", "PROGRESS"],
      ["e", String(NOW.getTime() + 10 * CHART_LINK_TTL_MS)],
    ] as const) {
      const q = link();
      q.set(key, value);
      expect(verifyChartLink(SECRET, q, NOW), key).toBeNull();
    }
  });

  it("refuses a malformed link: no signature, a short one, an unknown scale, a client that is no id, a non-number expiry", () => {
    const without = (key: string) => {
      const q = link();
      q.delete(key);
      return q;
    };
    expect(verifyChartLink(SECRET, without("s"), NOW)).toBeNull();
    expect(verifyChartLink(SECRET, without("e"), NOW)).toBeNull();
    expect(verifyChartLink(SECRET, without("c"), NOW)).toBeNull();
    const short = link();
    short.set("s", (short.get("s") ?? "").slice(0, 10));
    expect(verifyChartLink(SECRET, short, NOW)).toBeNull();
    const bad = (key: string, value: string) => {
      const q = link();
      q.set(key, value);
      return verifyChartLink(SECRET, q, NOW);
    };
    expect(bad("k", "SECRET_SCALE")).toBeNull();
    expect(bad("c", "../../etc/passwd")).toBeNull();
    expect(bad("e", "1e20")).toBeNull();
    expect(bad("e", "soon")).toBeNull();
    expect(verifyChartLink(SECRET, new URLSearchParams(), NOW)).toBeNull();
  });
});

describe("chartLinkSecret", () => {
  it("uses the service's own key when there is one", () => {
    expect(chartLinkSecret("own key", "slack signing secret")).toBe("own key");
  });

  it("else derives a key from the Slack signing secret: stable, and not the signing secret itself", () => {
    const a = chartLinkSecret(undefined, "slack signing secret");
    expect(a).toBe(chartLinkSecret(undefined, "slack signing secret"));
    expect(a).not.toContain("slack signing secret");
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(chartLinkSecret(undefined, "another signing secret")).not.toBe(a);
  });
});
