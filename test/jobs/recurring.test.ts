import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/jobs/dispatcher.js";
import { dailyAt, ensureRecurring, everyMinutes, recurringHandlers, type Recurring } from "../../src/jobs/recurring.js";
import { localTime } from "../../src/domain/reminders/schedule.js";
import { silentLogger } from "../../src/log.js";
import { backends, fakeClock, useDb } from "./support.js";

describe("recurring slots", () => {
  it("every N minutes on the clock, with an offset", () => {
    expect(everyMinutes(10)(new Date("2027-01-01T10:03:00Z")).toISOString()).toBe("2027-01-01T10:10:00.000Z");
    expect(everyMinutes(10)(new Date("2027-01-01T10:10:00Z")).toISOString()).toBe("2027-01-01T10:20:00.000Z");
    expect(everyMinutes(60, 5)(new Date("2027-01-01T10:04:00Z")).toISOString()).toBe("2027-01-01T10:05:00.000Z");
    expect(everyMinutes(60, 5)(new Date("2027-01-01T10:05:00Z")).toISOString()).toBe("2027-01-01T11:05:00.000Z");
  });

  it("daily at a wall-clock time, across the daylight-saving switches", () => {
    const at0830 = dailyAt(8 * 60 + 30);
    const spring = at0830(new Date("2027-03-27T09:00:00Z")); // Saturday, after 08:30
    expect(spring.toISOString()).toBe("2027-03-28T06:30:00.000Z"); // Sunday 08:30 summer time
    const autumn = at0830(new Date("2027-10-30T09:00:00Z"));
    expect(autumn.toISOString()).toBe("2027-10-31T07:30:00.000Z"); // Sunday 08:30 winter time
    expect(localTime(autumn).minutes).toBe(8 * 60 + 30);
  });
});

describe.each(backends)("recurring jobs on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  it.runIf(available)("are queued once by starting instances, and keep going when a run fails", async () => {
    const db = await newDb();
    const clock = fakeClock("2027-01-01T10:03:00Z");
    let runs = 0;
    const list: Recurring[] = [{ kind: "test.every10", next: everyMinutes(10), run: async () => {
      runs++;
      throw new Error("this run fails");
    } }];
    await ensureRecurring(db, list, clock.now());
    await ensureRecurring(db, list, clock.now());
    expect(await db.prisma.job.findMany({ select: { idempotencyKey: true } })).toEqual([{ idempotencyKey: "test.every10@2027-01-01T10:10:00.000Z" }]);
    const dispatcher = createDispatcher({ db, handlers: recurringHandlers(list), logger: silentLogger(), clock: clock.now });
    clock.set("2027-01-01T10:10:00Z");
    await dispatcher.drain();
    expect(runs).toBe(1);
    const next = await db.prisma.job.findUniqueOrThrow({ where: { idempotencyKey: "test.every10@2027-01-01T10:20:00.000Z" } });
    expect(next.status).toBe("PENDING");
  });
});
