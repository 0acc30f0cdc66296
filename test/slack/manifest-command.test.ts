import { describe, expect, it } from "vitest";
import { runSlackManifest, SLACK_MANIFEST_USAGE } from "../../src/slack/manifest-command.js";

function runWith(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSlackManifest(args, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join(""), err: err.join("") };
}

describe("the slack-manifest command", () => {
  it("prints the manifest as YAML for the given address, with a comment saying how it was made", () => {
    const r = runWith(["--url", "https://koers.example.org/"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("https://koers.example.org/slack/events");
    expect(r.out).not.toContain("https://koers.example.org//");
    expect(r.out).toContain("npm run koers -- slack-manifest --url https://koers.example.org");
    expect(r.out.endsWith("\n")).toBe(true);
  });

  it("with --json prints the same manifest as JSON", () => {
    const r = runWith(["--url", "https://koers.example.org/pad", "--json"]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.out) as { display_information: { name: string }; settings: { event_subscriptions: { request_url: string } } };
    expect(manifest.display_information.name).toBe("Koers");
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://koers.example.org/pad/slack/events");
  });

  it.each([
    [[], "Give the service's public address"],
    [["--url", "  "], "Give the service's public address"],
    [["--url", "koers"], "is not a web address"],
    [["--url", "http://koers.example.org"], "Slack only sends to https://"],
    [["--url", "https://koers.example.org/?x=1"], "without a query, fragment or password"],
    [["--url", "https://user:pw@koers.example.org"], "without a query, fragment or password"],
  ])("refuses %j with exit code 2 and says why", (args, problem) => {
    const r = runWith(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(problem);
    expect(r.err.endsWith("\n")).toBe(true);
  });

  it("an option it does not know is an error, not ignored", () => {
    expect(() => runWith(["--url", "https://koers.example.org", "--yaml"])).toThrow();
  });

  it("its usage line names the command and its options", () => {
    expect(SLACK_MANIFEST_USAGE).toContain("slack-manifest --url https://");
    expect(SLACK_MANIFEST_USAGE).toContain("[--json]");
  });
});
