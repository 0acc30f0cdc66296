/**
 * The Slack app manifest as `npm run koers -- slack-manifest --url https://…` prints it, checked
 * against Slack's documented rules (https://docs.slack.dev/reference/app-manifest and its JSON
 * schema, github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json): the required
 * fields, lengths, https URLs (Slack sends only to https), command names and scopes; every URL is
 * the given address's /slack/events; anything but an https address is refused with one calm
 * sentence; slack/manifest.yaml is the same manifest for https://koers.example.org.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSlackManifest } from "../../src/slack/manifest-command.js";
import { EXAMPLE_URL, slackManifest, type ManifestValue } from "../../src/slack/manifest.js";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** Slack's documented constraints; returns every rule broken, with where. */
function slackRulesBroken(m: Obj): string[] {
  const broken: string[] = [];
  const rule = (ok: boolean, what: string) => void (ok || broken.push(what));
  const str = (v: unknown, min: number, max: number, where: string) => rule(typeof v === "string" && [...v].length >= min && [...v].length <= max, `${where}: a string of ${min}-${max} characters`);
  const onlyKeys = (o: Obj, keys: string[], where: string) => {
    for (const k of Object.keys(o)) rule(keys.includes(k), `${where}: unknown field ${k}`);
  };
  const httpsUrl = (v: unknown, max: number, where: string) => rule(typeof v === "string" && v.length <= max && /^https:\/\/[^\s<>]+$/.test(v) && URL.canParse(v), `${where}: an https:// URL of at most ${max} characters`);
  const bool = (o: Obj, k: string, where: string) => rule(!(k in o) || typeof o[k] === "boolean", `${where}.${k}: a boolean`);

  onlyKeys(m, ["_metadata", "display_information", "features", "oauth_config", "settings"], "manifest");
  const meta = obj(m._metadata);
  rule(meta.major_version === undefined || meta.major_version === 1 || meta.major_version === 2, "_metadata.major_version: 1 or 2");
  rule("display_information" in m, "display_information is required");
  const d = obj(m.display_information);
  onlyKeys(d, ["name", "description", "background_color", "long_description"], "display_information");
  str(d.name, 1, 35, "display_information.name");
  if ("description" in d) str(d.description, 1, 140, "display_information.description");
  if ("background_color" in d) rule(typeof d.background_color === "string" && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(d.background_color), "display_information.background_color: #rgb or #rrggbb");
  if ("long_description" in d) str(d.long_description, 175, 4000, "display_information.long_description");

  const f = obj(m.features);
  onlyKeys(f, ["app_home", "bot_user", "shortcuts", "slash_commands", "unfurl_domains", "workflow_steps", "functions", "assistant_view"], "features");
  const home = obj(f.app_home);
  for (const k of Object.keys(home)) bool(home, k, "features.app_home");
  const bot = obj(f.bot_user);
  str(bot.display_name, 1, 80, "features.bot_user.display_name");
  bool(bot, "always_online", "features.bot_user");
  const commands = Array.isArray(f.slash_commands) ? (f.slash_commands as unknown[]) : [];
  rule(commands.length >= 1 && commands.length <= 50, "features.slash_commands: 1-50 commands");
  const names = new Set<string>();
  commands.forEach((c, i) => {
    const cmd = obj(c);
    const at = `features.slash_commands[${i}]`;
    onlyKeys(cmd, ["command", "url", "description", "usage_hint", "should_escape"], at);
    str(cmd.command, 2, 32, `${at}.command`);
    // Slack: a command starts with "/", is lower case and has no spaces.
    rule(typeof cmd.command === "string" && /^\/[a-z0-9_-]+$/.test(cmd.command), `${at}.command: "/" and lower-case letters, digits, - or _`);
    rule(!names.has(String(cmd.command)), `${at}.command: used twice`);
    names.add(String(cmd.command));
    httpsUrl(cmd.url, 3000, `${at}.url`);
    str(cmd.description, 1, 2000, `${at}.description`);
    if ("usage_hint" in cmd) str(cmd.usage_hint, 1, 1000, `${at}.usage_hint`);
    bool(cmd, "should_escape", at);
  });

  const scopes = obj(obj(m.oauth_config).scopes);
  onlyKeys(obj(m.oauth_config), ["scopes", "redirect_urls", "token_management_enabled", "pkce_enabled"], "oauth_config");
  onlyKeys(scopes, ["bot", "user", "bot_optional", "user_optional"], "oauth_config.scopes");
  const botScopes = Array.isArray(scopes.bot) ? (scopes.bot as unknown[]) : [];
  rule(botScopes.length <= 255 && new Set(botScopes).size === botScopes.length, "oauth_config.scopes.bot: at most 255, no repeats");
  for (const s of botScopes) rule(typeof s === "string" && s.length <= 50 && /^[a-z_]+(:[a-z_.]+)?$/.test(s), `oauth_config.scopes.bot: "${String(s)}" is no scope name`);

  const s = obj(m.settings);
  onlyKeys(s, ["allowed_ip_address_ranges", "event_subscriptions", "incoming_webhooks", "interactivity", "org_deploy_enabled", "socket_mode_enabled", "is_hosted", "token_rotation_enabled", "siws_links", "function_runtime"], "settings");
  for (const k of ["org_deploy_enabled", "socket_mode_enabled", "is_hosted", "token_rotation_enabled"]) bool(s, k, "settings");
  const ev = obj(s.event_subscriptions);
  onlyKeys(ev, ["request_url", "bot_events", "user_events", "metadata_subscriptions"], "settings.event_subscriptions");
  httpsUrl(ev.request_url, 3500, "settings.event_subscriptions.request_url");
  const events = Array.isArray(ev.bot_events) ? (ev.bot_events as unknown[]) : [];
  rule(events.length <= 100 && new Set(events).size === events.length && events.every((e) => typeof e === "string" && e.length <= 50), "settings.event_subscriptions.bot_events: at most 100 distinct names of at most 50 characters");
  const inter = obj(s.interactivity);
  onlyKeys(inter, ["is_enabled", "request_url", "message_menu_options_url"], "settings.interactivity");
  rule(typeof inter.is_enabled === "boolean", "settings.interactivity.is_enabled is required");
  httpsUrl(inter.request_url, 3500, "settings.interactivity.request_url");
  if ("message_menu_options_url" in inter) httpsUrl(inter.message_menu_options_url, 3500, "settings.interactivity.message_menu_options_url");
  // Socket mode off: Slack needs the request URLs to reach us at all.
  rule(s.socket_mode_enabled !== true, "settings.socket_mode_enabled: Koers takes HTTP requests");
  return broken;
}

/** Every string in the manifest that looks like a URL. */
function urlsOf(v: ManifestValue): string[] {
  if (typeof v === "string") return /^[a-z]+:\/\//.test(v) ? [v] : [];
  if (typeof v !== "object") return [];
  return (Array.isArray(v) ? v : Object.values(v)).flatMap(urlsOf);
}

/** Reads back the YAML our printer writes (maps, "- " lists, JSON scalars), to check it says what the JSON says. */
function readOurYaml(text: string): unknown {
  const lines = text.split("\n").filter((l) => l.trim() && !l.trimStart().startsWith("#"));
  let i = 0;
  const scalar = (s: string): unknown => JSON.parse(s);
  const block = (indent: number): unknown => {
    if (lines[i]?.slice(indent).startsWith("- ")) {
      const list: unknown[] = [];
      while (i < lines.length && lines[i]!.startsWith(`${" ".repeat(indent)}- `)) {
        const rest = lines[i]!.slice(indent + 2);
        if (/^[a-z_]+:/.test(rest)) {
          lines[i] = `${" ".repeat(indent + 2)}${rest}`;
          list.push(block(indent + 2));
        } else {
          list.push(scalar(rest));
          i++;
        }
      }
      return list;
    }
    const map: Obj = {};
    while (i < lines.length) {
      const line = lines[i]!;
      const lead = line.length - line.trimStart().length;
      if (lead !== indent || line.slice(indent).startsWith("- ")) break;
      const m = /^([a-z_]+):(?: (.*))?$/.exec(line.slice(indent));
      if (!m) throw new Error(`not our YAML: ${line}`);
      i++;
      if (m[2] !== undefined) map[m[1]!] = scalar(m[2]);
      else {
        const next = lines[i] ?? "";
        const nextLead = next.length - next.trimStart().length;
        map[m[1]!] = block(nextLead);
      }
    }
    return map;
  };
  return block(0);
}

function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = runSlackManifest(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe("the Slack app manifest", () => {
  it.each([EXAMPLE_URL, "https://coaching.gemeente-noord.nl/koers", "https://koers.example.org:8443"])("for %s keeps Slack's documented rules, every URL filled in", (url) => {
    const m = slackManifest(url);
    expect(slackRulesBroken(m)).toEqual([]);
    const urls = urlsOf(m);
    expect(urls.length).toBe(5); // two commands, events, interactivity, options load URL
    for (const u of urls) expect(u).toBe(`${url}/slack/events`);
    expect(JSON.stringify(m)).not.toMatch(/<|PUBLIC_URL/);
  });

  it("the checker itself refuses what Slack refuses", () => {
    const m = slackManifest(EXAMPLE_URL) as Obj;
    const broken = (change: (x: Obj) => void) => {
      const copy = JSON.parse(JSON.stringify(m)) as Obj;
      change(copy);
      return slackRulesBroken(copy);
    };
    expect(broken((x) => ((obj(x.settings).event_subscriptions as Obj).request_url = "<PUBLIC_URL>/slack/events"))).toHaveLength(1);
    expect(broken((x) => ((obj(x.settings).interactivity as Obj).request_url = "http://koers.example.org/slack/events"))).toHaveLength(1);
    expect(broken((x) => (obj(x.display_information).name = "K".repeat(36)))).toHaveLength(1);
    expect(broken((x) => (obj(x.display_information).long_description = "Te kort."))).toHaveLength(1);
    expect(broken((x) => ((obj(x.features).slash_commands as Obj[])[0]!.command = "/Verwijs nu"))).toHaveLength(1);
    expect(broken((x) => delete x.display_information).length).toBeGreaterThan(0);
  });

  it("asks for a scope for every Web API method Koers calls", () => {
    const needs: Record<string, string> = {
      "chat.postMessage": "chat:write",
      "chat.update": "chat:write",
      "chat.delete": "chat:write",
      "chat.postEphemeral": "chat:write",
      "conversations.open": "im:write",
      "views.open": "",
      "views.update": "",
      "views.push": "",
      "views.publish": "",
    };
    const src = ["src/slack", "src/jobs"].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => fs.readFileSync(path.join(dir, f), "utf8")));
    const used = new Set(src.flatMap((s) => [...s.matchAll(/\b(?:client|web)\.(chat|conversations|views|users|reactions|files)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`)));
    expect(used.size).toBeGreaterThan(3);
    const scopes = (obj(obj(slackManifest(EXAMPLE_URL).oauth_config).scopes).bot ?? []) as string[];
    for (const method of used) {
      expect(method in needs, `${method}: which scope does it need?`).toBe(true);
      if (needs[method]) expect(scopes, method).toContain(needs[method]);
    }
    expect(scopes).toContain("commands");
  });

  it("is printed by the CLI as YAML (and JSON) that says the same; slack/manifest.yaml is the example", () => {
    const yaml = cli(["--url", "https://koers.example.org/"]);
    expect(yaml.code).toBe(0);
    expect(yaml.err).toBe("");
    expect(readOurYaml(yaml.out)).toEqual(slackManifest(EXAMPLE_URL));
    const json = cli(["--url", EXAMPLE_URL, "--json"]);
    expect(JSON.parse(json.out)).toEqual(slackManifest(EXAMPLE_URL));
    expect(fs.readFileSync("slack/manifest.yaml", "utf8")).toBe(yaml.out);
  });

  it.each([
    ["http://koers.example.org", /only sends to https:\/\//],
    ["koers.example.org", /not a web address/],
    ["ftp://koers.example.org", /only sends to https:\/\//],
    ["https://koers.example.org/?x=1", /without a query/],
    ["", /Give the service's public address/],
  ])("refuses %j with one calm sentence and exit code 2", (url, why) => {
    const r = cli(url ? ["--url", url] : []);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(why);
    expect(r.err).not.toMatch(/Error|at .*\.ts|undefined/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("works through `npm run koers`'s entry point, without any configuration", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "slack-manifest", "--url", "https://koers.example.org"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(out).toBe(fs.readFileSync("slack/manifest.yaml", "utf8"));
  });
});
