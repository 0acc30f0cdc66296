/**
 * The service's metrics for `GET /metrics` (Prometheus text format, prom-client). Each service
 * has its own registry, so several in one process (the tests) never collide. Labels carry only
 * fixed words (outcomes, categories, reasons), never client data.
 *
 * Code anywhere can count through `countCrisisSignal` and `countSlackRefused`: they count into
 * the metrics of the service whose request or update is being handled (an async context set by
 * the HTTP server and the update handler), or of the last service started.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "./db/client.js";

/** How one Telegram update ended. */
export type UpdateOutcome =
  /** handled by the engine (or answered directly to an unknown chat) */
  | "handled"
  /** seen before: not handled again */
  | "duplicate"
  /** malformed or of a kind we do not handle: answered 200, nothing changed */
  | "ignored"
  /** not an update at all (webhook: 400) */
  | "refused"
  /** failed while the database was unreachable: not confirmed, comes again */
  | "retried"
  /** failed with the database up: tried again, up to a limit */
  | "failed"
  /** failed too often: the client got a calm answer and the update was let go */
  | "given_up";

export interface Metrics {
  registry: Registry;
  updates: Counter<"outcome">;
  updateSeconds: Histogram;
  telegramRateLimited: Counter;
  slackRefused: Counter<"reason">;
  crisisSignals: Counter<"category">;
  /** The Prometheus text of every metric (the body of `GET /metrics`). */
  scrape(): Promise<string>;
  contentType: string;
}

const storage = new AsyncLocalStorage<Metrics>();
let lastCreated: Metrics | null = null;

/** Only fixed words as label values: anything else becomes "other". */
function labelValue(v: string): string {
  return /^[a-z][a-z0-9_.-]{0,40}$/i.test(v) ? v : "other";
}

/**
 * New metrics for one service. With a database, the outbox and job gauges are read from it at
 * each scrape (a failing read leaves them out rather than failing the scrape).
 */
export function createMetrics(db?: Database, clock: () => Date = () => new Date()): Metrics {
  const registry = new Registry();
  const updates = new Counter({ name: "koers_telegram_updates_total", help: "Telegram updates, by how they ended", labelNames: ["outcome"], registers: [registry] });
  const updateSeconds = new Histogram({
    name: "koers_telegram_update_duration_seconds",
    help: "Time to handle one Telegram update (engine transaction included)",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const telegramRateLimited = new Counter({ name: "koers_telegram_rate_limited_total", help: "Bot API calls answered 429 Too Many Requests", registers: [registry] });
  const slackRefused = new Counter({ name: "koers_slack_requests_refused_total", help: "Slack requests refused, by reason", labelNames: ["reason"], registers: [registry] });
  const crisisSignals = new Counter({ name: "koers_crisis_signals_total", help: "Crisis signals in client messages, by category", labelNames: ["category"], registers: [registry] });

  if (db) {
    // A gauge read at each scrape; a failing read leaves it out rather than failing the scrape.
    const gauge = (name: string, help: string, read: () => Promise<number>) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          const n = await read().catch(() => null);
          if (n !== null) this.set(n);
        },
      });
    gauge("koers_outbox_depth", "Messages to clients waiting in the outbox (pending or being sent)", () =>
      db.prisma.job.count({ where: { kind: "telegram.send", status: { in: ["PENDING", "RUNNING"] } } }),
    );
    gauge("koers_jobs_due", "Jobs of any kind that are due and not yet done", () => db.prisma.job.count({ where: { status: "PENDING", dueAt: { lte: clock() } } }));
    gauge("koers_jobs_oldest_due_lateness_seconds", "How long the oldest due job has been waiting past its due time (0 when none is due)", async () => {
      const now = clock();
      // A failing read shows 0 here, as when no job is due.
      const oldest = await db.prisma.job.findFirst({ where: { status: "PENDING", dueAt: { lte: now } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }).catch(() => null);
      return oldest ? Math.max(0, (now.getTime() - oldest.dueAt.getTime()) / 1000) : 0;
    });
    gauge("koers_jobs_dead", "Jobs parked as dead after their last attempt", () => db.prisma.job.count({ where: { status: "DEAD" } }));
    gauge("koers_clients_unreachable", "Clients Telegram cannot reach (they blocked the bot)", () => db.prisma.client.count({ where: { status: "UNREACHABLE" } }));
  }

  const metrics: Metrics = {
    registry,
    updates,
    updateSeconds,
    telegramRateLimited,
    slackRefused,
    crisisSignals,
    scrape: () => registry.metrics(),
    contentType: registry.contentType,
  };
  lastCreated = metrics;
  return metrics;
}

/** Runs `fn` with `metrics` as the ones `countCrisisSignal` and `countSlackRefused` count into. */
export function withMetrics<T>(metrics: Metrics, fn: () => T): T {
  return storage.run(metrics, fn);
}

function current(): Metrics | null {
  return storage.getStore() ?? lastCreated;
}

/** Counts a crisis signal by its category (e.g. "suicide"); never the words. */
export function countCrisisSignal(category: string): void {
  current()?.crisisSignals.inc({ category: labelValue(category) });
}

/** Counts a refused Slack request by a short reason (e.g. "signature", "replay", "not_allowed"). */
export function countSlackRefused(reason: string): void {
  current()?.slackRefused.inc({ reason: labelValue(reason) });
}

const updateNotes = new AsyncLocalStorage<{ duplicate: boolean }>();

/** Runs the handling of one update with `note`, which `markDuplicateUpdate` may set. */
export function withUpdateNote<T>(note: { duplicate: boolean }, fn: () => T): T {
  return updateNotes.run(note, fn);
}

/** Marks the update being handled as one seen before: it is counted "duplicate", not "handled". */
export function markDuplicateUpdate(): void {
  const note = updateNotes.getStore();
  if (note) note.duplicate = true;
}

/** Counts a Bot API call answered 429. */
export function countTelegramRateLimited(metrics?: Metrics): void {
  (metrics ?? current())?.telegramRateLimited.inc();
}
