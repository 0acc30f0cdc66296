/**
 * `slack-manifest --url https://…`: prints the Slack app's manifest with every URL filled in, to
 * paste at api.slack.com/apps ("Create New App" → "From a manifest"). YAML, or JSON with --json.
 */
import { parseArgs } from "node:util";
import { manifestYaml, parsePublicUrl, slackManifest } from "./manifest.js";

export const SLACK_MANIFEST_USAGE = `  slack-manifest --url https://<public address> [--json]
                                           print the Slack app's manifest, filled in for that address`;

export function runSlackManifest(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  const { values } = parseArgs({ args, options: { url: { type: "string" }, json: { type: "boolean" } }, strict: true });
  const parsed = parsePublicUrl(values.url);
  if ("problem" in parsed) {
    err(`${parsed.problem}\n`);
    return 2;
  }
  const manifest = slackManifest(parsed.url);
  out(values.json ? `${JSON.stringify(manifest, null, 2)}\n` : manifestYaml(manifest, [`Slack app manifest for Koers at ${parsed.url} (made by: npm run koers -- slack-manifest --url ${parsed.url}).`, "Paste it at https://api.slack.com/apps: Create New App, From a manifest."]));
  return 0;
}
