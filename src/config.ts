import path from "node:path";
import { parseAftercareWeeks } from "../flows/closing.js";
import { z } from "zod";
import { parseKeyring } from "./db/sealed.js";

/**
 * The service's configuration. `parseConfig` is the only place that reads environment
 * variables; everything else receives a `Config`.
 */
export type DatabaseConfig =
  | { kind: "embedded"; dataDir: string; dataKey?: string }
  | { kind: "postgres"; url: string; dataKey?: string };

export type TelegramConfig =
  | { mode: "off" }
  | {
      mode: "polling" | "webhook";
      token: string;
      apiRoot: string | undefined;
      botUsername: string | undefined;
      /** Only in webhook mode: the public base URL Telegram posts to, and the secret header. */
      publicUrl: string | undefined;
      webhookSecret: string | undefined;
    };

/** Slack: nudges to coaches (and later the Slack app). Off: nudges are logged. */
export type SlackConfig =
  | { mode: "off" }
  | { mode: "on"; botToken: string; signingSecret: string; /** Web API base URL, ending in `/`. */ apiUrl: string | undefined };

export interface NudgeConfig {
  /** A client who has not written for this many days is reported to the coach. */
  silentDays: number;
  /** A crisis alert nobody confirmed goes to the coach's team after this many minutes. */
  crisisEscalateMinutes: number;
}

export interface Config {
  database: DatabaseConfig;
  telegram: TelegramConfig;
  slack: SlackConfig;
  nudges: NudgeConfig;
  /** Flood control per client: more than `messages` within `seconds` get one calm message (src/conversation/flood.ts). */
  flood: { messages: number; seconds: number };
  /**
   * How long a claimed job stays this instance's (JOB_LEASE_SECONDS): a job held by an instance
   * that crashed is taken over by another, or by the restarted one, after this.
   */
  jobLeaseSeconds: number;
  /** Conversation texts are deleted this many months after the client stopped or the coaching closed. */
  textRetentionMonths: number;
  /** What a referral shared is erased this many months after it ended, unless the partner organisation has its own term. */
  shareRetentionMonths: number;
  port: number;
  host: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  inviteDays: number;
  defaultLanguage: "nl" | "en";
  /** For invite links: TELEGRAM_BOT_USERNAME, else asked from the Bot API when a token is set. */
  botUsername: string | undefined;
  /** Where Slack fetches the client file's chart images: CHART_BASE_URL, else PUBLIC_URL in webhook mode; none: text only. */
  chartBaseUrl: string | undefined;
  /** CHART_LINK_SECRET signs those links; without it a key is derived from SLACK_SIGNING_SECRET. */
  chartLinkSecret: string | undefined;
  /** AFTERCARE_WEEKS ("4,12"): the check-ins after closing, in weeks; absent: the default 4 and 12. */
  aftercareWeeks?: number[];
  /** CLARIFY_AFTER_ONBOARDING (default 1): the client's first words after onboarding start the clarifying talk. */
  clarifyAfterOnboarding?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function intIn(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}, not "${v}".` });
        return z.NEVER;
      }
      return n;
    });
}

function optionalUrl(name: string, protocols: string[]) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        ctx.addIssue({ code: "custom", message: `${name} is not a valid URL: "${v}".` });
        return z.NEVER;
      }
      if (!protocols.includes(u.protocol)) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, not "${u.protocol}//".`,
        });
        return z.NEVER;
      }
      return v.trim();
    });
}

/** A variable that must match `pattern` when set; `what` says what it should look like. */
function optionalMatching(name: string, pattern: RegExp, what: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      if (!pattern.test(v.trim())) {
        ctx.addIssue({ code: "custom", message: `${name} ${what}.` });
        return z.NEVER;
      }
      return v.trim();
    });
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalMatching("SLACK_BOT_TOKEN", /^xoxb-[A-Za-z0-9-]{8,}$/, 'must be the bot token of your Slack app ("xoxb-...", under OAuth & Permissions)'),
  SLACK_SIGNING_SECRET: optionalMatching("SLACK_SIGNING_SECRET", /^[A-Za-z0-9]{16,128}$/, "must be the signing secret of your Slack app (letters and digits, under Basic Information)"),
  SLACK_API_URL: optionalUrl("SLACK_API_URL", ["http:", "https:"]),
  NUDGE_SILENT_DAYS: intIn("NUDGE_SILENT_DAYS", 1, 60, 7),
  CRISIS_ESCALATE_MINUTES: intIn("CRISIS_ESCALATE_MINUTES", 1, 240, 30),
  FLOOD_MESSAGES: intIn("FLOOD_MESSAGES", 2, 1000, 20),
  FLOOD_SECONDS: intIn("FLOOD_SECONDS", 1, 3600, 10),
  JOB_LEASE_SECONDS: intIn("JOB_LEASE_SECONDS", 1, 3600, 60),
  TEXT_RETENTION_MONTHS: intIn("TEXT_RETENTION_MONTHS", 1, 120, 12),
  SHARE_RETENTION_MONTHS: intIn("SHARE_RETENTION_MONTHS", 1, 120, 12),
  DATABASE_URL: optionalUrl("DATABASE_URL", ["postgres:", "postgresql:"]),
  DATA_DIR: z.string().optional(),
  KOERS_DATA_KEY: z.string().optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(v.trim())) {
        ctx.addIssue({
          code: "custom",
          message: 'TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather ("123456:ABC...").',
        });
        return z.NEVER;
      }
      return v.trim();
    }),
  TELEGRAM_API_ROOT: optionalUrl("TELEGRAM_API_ROOT", ["http:", "https:"]),
  TELEGRAM_BOT_USERNAME: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const name = v.trim().replace(/^@/, "");
      if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(name)) {
        ctx.addIssue({ code: "custom", message: `TELEGRAM_BOT_USERNAME is not a valid bot username: "${v}".` });
        return z.NEVER;
      }
      return name;
    }),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      if (!/^[A-Za-z0-9_-]{16,256}$/.test(v)) {
        ctx.addIssue({
          code: "custom",
          message: "TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters: letters, digits, _ and -.",
        });
        return z.NEVER;
      }
      return v;
    }),
  PUBLIC_URL: optionalUrl("PUBLIC_URL", ["https:", "http:"]),
  CHART_BASE_URL: optionalUrl("CHART_BASE_URL", ["https:", "http:"]),
  CHART_LINK_SECRET: z.string().min(16, "CHART_LINK_SECRET must be at least 16 characters.").optional(),
  PORT: intIn("PORT", 0, 65535, 3000),
  HOST: z.string().optional(),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return "info" as const;
      const level = LOG_LEVELS.find((l) => l === v.toLowerCase());
      if (!level) {
        ctx.addIssue({ code: "custom", message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${v}".` });
        return z.NEVER;
      }
      return level;
    }),
  INVITE_DAYS: intIn("INVITE_DAYS", 1, 90, 14),
  DEFAULT_LANGUAGE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return "nl" as const;
      if (v !== "nl" && v !== "en") {
        ctx.addIssue({ code: "custom", message: `DEFAULT_LANGUAGE must be nl or en, not "${v}".` });
        return z.NEVER;
      }
      return v;
    }),
});

/**
 * Parses the environment into a `Config`. Throws a `ConfigError` with one plain sentence per
 * problem, so the caller can print them without a stack trace.
 */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  // Checks across variables read the raw values, so they are reported with the problems above.
  const isSet = (v: string | undefined) => v !== undefined && v.trim() !== "";
  if (isSet(env.TELEGRAM_BOT_TOKEN) && isSet(env.PUBLIC_URL) && !env.TELEGRAM_WEBHOOK_SECRET) {
    problems.push(
      "PUBLIC_URL is set, so the bot uses a webhook: also set TELEGRAM_WEBHOOK_SECRET (16+ letters and digits) so only Telegram can post to it.",
    );
  }
  if (isSet(env.SLACK_BOT_TOKEN) !== isSet(env.SLACK_SIGNING_SECRET)) {
    problems.push("Set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect Slack, or neither (nudges are then logged).");
  }
  if (isSet(env.SLACK_API_URL) && !isSet(env.SLACK_BOT_TOKEN)) {
    problems.push("SLACK_API_URL is set, but SLACK_BOT_TOKEN is not: set the token too, or remove SLACK_API_URL.");
  }
  if (isSet(env.KOERS_DATA_KEY)) {
    try {
      parseKeyring(env.KOERS_DATA_KEY as string);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  } else if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL?.trim() ?? "")) {
    problems.push('KOERS_DATA_KEY is required with PostgreSQL: client texts are encrypted with it. Make one with: echo "k1:$(openssl rand -base64 32)" (see README, Data at rest).');
  }
  let aftercareWeeks: number[] = [];
  try {
    aftercareWeeks = parseAftercareWeeks(env.AFTERCARE_WEEKS);
  } catch (err) {
    problems.push(`AFTERCARE_WEEKS: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataKey = e.KOERS_DATA_KEY?.trim() ? { dataKey: e.KOERS_DATA_KEY.trim() } : {};

  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: "postgres", url: e.DATABASE_URL, ...dataKey }
    : { kind: "embedded", dataDir: path.resolve(cwd, e.DATA_DIR?.trim() || "data"), ...dataKey };

  let telegram: TelegramConfig = { mode: "off" };
  if (e.TELEGRAM_BOT_TOKEN) {
    const webhook = e.PUBLIC_URL !== undefined;
    telegram = {
      mode: webhook ? "webhook" : "polling",
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      botUsername: e.TELEGRAM_BOT_USERNAME,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    };
  }

  const slack: SlackConfig =
    e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
      ? { mode: "on", botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL?.replace(/\/*$/, "/") }
      : { mode: "off" };

  return {
    database,
    telegram,
    slack,
    nudges: { silentDays: e.NUDGE_SILENT_DAYS, crisisEscalateMinutes: e.CRISIS_ESCALATE_MINUTES },
    flood: { messages: e.FLOOD_MESSAGES, seconds: e.FLOOD_SECONDS },
    jobLeaseSeconds: e.JOB_LEASE_SECONDS,
    textRetentionMonths: e.TEXT_RETENTION_MONTHS,
    shareRetentionMonths: e.SHARE_RETENTION_MONTHS,
    port: e.PORT,
    host: e.HOST?.trim() || "0.0.0.0",
    logLevel: e.LOG_LEVEL,
    inviteDays: e.INVITE_DAYS,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    botUsername: e.TELEGRAM_BOT_USERNAME,
    chartBaseUrl: e.CHART_BASE_URL?.replace(/\/+$/, "") ?? e.PUBLIC_URL?.replace(/\/+$/, ""),
    chartLinkSecret: e.CHART_LINK_SECRET,
    aftercareWeeks,
    clarifyAfterOnboarding: !["0", "false", "no", "off"].includes((env.CLARIFY_AFTER_ONBOARDING ?? "").trim().toLowerCase()),
  };
}
