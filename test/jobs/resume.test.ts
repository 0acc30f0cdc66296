/**
 * `conversation.resume` (src/jobs/resume.ts) with a fake engine: when a parked topic comes back.
 */
import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import { localTime, nextSlot } from "../../src/domain/reminders/schedule.js";
import { resumeHandler } from "../../src/jobs/resume.js";
import type { ClaimedJob, JobContext } from "../../src/jobs/types.js";

const RUN = "88888888-8888-4888-8888-888888888888";

function resume(outcome: "resumed" | "busy" | "gone", now: string) {
  const asked: string[] = [];
  const handler = resumeHandler({ resumeParked: (id: string) => (asked.push(id), Promise.resolve(outcome)) });
  const job = { id: "j1", kind: "conversation.resume", payload: { flowRunId: RUN }, attempts: 1, maxAttempts: 8, clientId: "c1", idempotencyKey: "k", recovered: false, dueAt: new Date(now) } as ClaimedJob;
  const ctx: JobContext = { db: undefined as never, now: () => new Date(now), logger: {} as Logger, savePayload: () => Promise.resolve() };
  return { run: () => handler(job, ctx), asked };
}

describe("the conversation.resume handler", () => {
  it("brings the parked topic back during the day, and is then done", async () => {
    const r = resume("resumed", "2027-03-15T09:00:00.000Z");
    expect(await r.run()).toBeUndefined();
    expect(r.asked).toEqual([RUN]);
  });

  it("at night it does not resume: it comes back in the client's morning slot", async () => {
    for (const now of ["2027-03-15T21:30:00.000Z", "2027-03-15T05:00:00.000Z", "2027-03-15T20:00:00.000Z"]) {
      const r = resume("resumed", now);
      const outcome = (await r.run()) as { retryAt: Date; reason: string };
      expect(r.asked, now).toEqual([]);
      expect(outcome).toEqual({ retryAt: nextSlot(new Date(now), "morning", RUN), reason: "quiet hours" });
      const at = localTime(outcome.retryAt).minutes;
      expect(at >= 9 * 60 && at < 12 * 60, now).toBe(true);
      expect(outcome.retryAt.getTime()).toBeGreaterThan(new Date(now).getTime());
    }
  });

  it("a client in another conversation is asked again an hour later", async () => {
    const r = resume("busy", "2027-03-15T09:00:00.000Z");
    expect(await r.run()).toEqual({ retryAt: new Date("2027-03-15T10:00:00.000Z"), reason: "the client is busy" });
  });

  it("when an hour later is night, it waits for the morning slot instead", async () => {
    // 20:30 in Amsterdam: an hour later is 21:30
    const r = resume("busy", "2027-03-15T19:30:00.000Z");
    const later = new Date("2027-03-15T20:30:00.000Z");
    expect(await r.run()).toEqual({ retryAt: nextSlot(later, "morning", RUN), reason: "the client is busy" });
    expect(localTime(nextSlot(later, "morning", RUN)).day).toEqual({ y: 2027, m: 3, d: 16 });
  });

  it("a run that is gone (ended, or the client forgotten) ends the job without trying again", async () => {
    const r = resume("gone", "2027-03-15T09:00:00.000Z");
    expect(await r.run()).toBeUndefined();
    expect(r.asked).toEqual([RUN]);
  });
});
