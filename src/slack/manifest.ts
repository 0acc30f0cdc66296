/**
 * The Slack app's manifest (https://docs.slack.dev/reference/app-manifest), filled in for one
 * public URL. Everything Slack sends (slash commands, buttons, modals, the options of external
 * selects, events) arrives at one path, `<url>/slack/events`. `npm run koers -- slack-manifest
 * --url https://…` prints it; slack/manifest.yaml is the same for https://koers.example.org.
 */
import { SLACK_EVENTS_PATH } from "./receiver.js";

export type ManifestValue = string | number | boolean | ManifestValue[] | { [key: string]: ManifestValue };
export type Manifest = { [key: string]: ManifestValue };

export const EXAMPLE_URL = "https://koers.example.org";

/** The base URL, or the reason it cannot be one: Slack sends only to https. */
export function parsePublicUrl(given: string | undefined): { url: string } | { problem: string } {
  if (!given?.trim()) return { problem: "Give the service's public address: --url https://koers.example.org" };
  let url: URL;
  try {
    url = new URL(given.trim());
  } catch {
    return { problem: `"${given}" is not a web address. Give the service's public address, e.g. https://koers.example.org` };
  }
  if (url.protocol !== "https:") return { problem: `Slack only sends to https:// addresses, and "${given}" is not one. Give the public https:// address of the service.` };
  if (url.search || url.hash || url.username || url.password) return { problem: `Give the address without a query, fragment or password: https://${url.host}${url.pathname.replace(/\/+$/, "")}` };
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

export function slackManifest(publicUrl: string): Manifest {
  const events = `${publicUrl}${SLACK_EVENTS_PATH}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Koers",
      description: "Warme overdracht en aanmeldingen tussen coaches en partnerorganisaties",
      background_color: "#1d4e5f",
      long_description:
        "Koers verbindt coaches en partnerorganisaties (schuldhulp, wonen, zorg). Met /verwijs vraagt een coach een cliënt om toestemming om gegevens met een partner te delen; pas na die toestemming ziet de partner een kaart met precies wat de cliënt goedvond. Met /aanmelden meldt een partner iemand aan bij een coachteam. Elke stap komt terug bij de coach, de aanmelder en, waar het hem of haar aangaat, de cliënt.",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: "Koers", always_online: true },
      slash_commands: [
        { command: "/verwijs", url: events, description: "Warme overdracht van een cliënt naar een partnerorganisatie", should_escape: false },
        { command: "/aanmelden", url: events, description: "Iemand aanmelden bij een coachteam", should_escape: false },
      ],
    },
    oauth_config: {
      scopes: {
        // commands: /verwijs and /aanmelden; chat:write: cards, threads, updates and private
        // refusals in the organisations' channels; im:write: direct messages (conversations.open).
        bot: ["commands", "chat:write", "im:write"],
      },
    },
    settings: {
      event_subscriptions: { request_url: events, bot_events: ["app_home_opened"] },
      // The options load URL serves the external selects (clients and partners beyond 100).
      interactivity: { is_enabled: true, request_url: events, message_menu_options_url: events },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

const plainKey = /^[a-z_][a-z0-9_]*$/;

/** YAML for the manifest: every string double-quoted (a JSON string is a YAML string), so nothing is read as another type. */
export function manifestYaml(manifest: Manifest, header: string[] = []): string {
  const lines = header.map((h) => `# ${h}`);
  const scalar = (v: string | number | boolean) => (typeof v === "string" ? JSON.stringify(v) : String(v));
  const emit = (value: ManifestValue, indent: string, key: string | null): void => {
    const prefix = key === null ? indent : `${indent}${plainKey.test(key) ? key : JSON.stringify(key)}:`;
    if (typeof value !== "object") {
      lines.push(`${prefix}${key === null ? "" : " "}${scalar(value)}`);
    } else if (Array.isArray(value)) {
      if (key !== null) lines.push(prefix);
      for (const item of value) {
        if (typeof item === "object" && !Array.isArray(item)) {
          const [first, ...rest] = Object.entries(item);
          if (!first) continue;
          const inner: string[] = [];
          const before = lines.length;
          emit(first[1], `${indent}  `, first[0]);
          inner.push(...lines.splice(before));
          lines.push(`${indent}- ${inner[0]?.trimStart() ?? ""}`, ...inner.slice(1));
          for (const [k, v] of rest) emit(v, `${indent}  `, k);
        } else {
          lines.push(`${indent}- ${scalar(item as string | number | boolean)}`);
        }
      }
    } else {
      if (key !== null) lines.push(prefix);
      for (const [k, v] of Object.entries(value)) emit(v, key === null ? indent : `${indent}  `, k);
    }
  };
  emit(manifest, "", null);
  return `${lines.join("\n")}\n`;
}
