/**
 * The world of the job tests that follow a client over days: the real engine, flows, job queue
 * and reminder handlers on a fake clock, with a sender that records what would reach Telegram.
 */
import { flowRegistry } from "../../flows/index.js";
import { createEngine } from "../../src/conversation/engine.js";
import type { Database } from "../../src/db/client.js";
import { createJobs, type JobsDeps } from "../../src/jobs/index.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import { silentLogger } from "../../src/log.js";
import { clientInput, nowhere, recordingSender, type FakeClock, type SentMessage } from "./support.js";

/**
 * The engine and the dispatcher on `clock`, the client's input numbered by `next`, and
 * `delivered()`: runs what is due and returns what reached the client since the last call.
 * `extra` adds to or overrides the dispatcher's deps (handlers, limits).
 */
export function jobsWorld(db: Database, clock: FakeClock, next: () => number, extra: Partial<JobsDeps> = {}) {
  const logger = silentLogger();
  const engine = createEngine({ db, flows: flowRegistry, clock: clock.now, logger });
  const sender = recordingSender();
  const { dispatcher } = createJobs({ db, engine, sender, nudges: nowhere, logger, clock: clock.now, limiter: unlimited, silentDays: 7, ...extra });
  const { say, press } = clientInput(engine, next);
  async function delivered(): Promise<SentMessage[]> {
    const before = sender.sent.length;
    await dispatcher.drain();
    return sender.sent.slice(before);
  }
  return { engine, sender, dispatcher, say, press, delivered };
}
