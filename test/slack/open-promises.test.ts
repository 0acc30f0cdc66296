/**
 * Open promises: a step still open two weeks after its day reaches the coach once, through the
 * real recurring `nudges.detect` job on a fake clock and the Slack nudge sink on a local fake of
 * the Web API. Not before the two weeks, not again for the same step (also after "klaar"), not
 * for a step that was done; the next overdue step of the same client comes after that.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { actOnNudge } from "../../src/domain/nudges.js";
import { createJobs } from "../../src/jobs/index.js";
import { unlimited } from "../../src/jobs/rate-limit.js";
import { silentLogger } from "../../src/log.js";
import { createSlackTranslator } from "../../src/i18n-slack.js";
import { createSlackNudgeSink } from "../../src/slack/nudge-sink.js";
import { createWebClient } from "../../src/slack/web.js";
import { activeClient, backends, fakeClock, recordingSender, useDb, type FakeClock } from "../jobs/support.js";
import { startFakeSlack, type FakeSlack } from "./fake-slack.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
let slack: FakeSlack;
beforeAll(async () => (slack = await startFakeSlack()));
afterAll(() => slack.close());

function jobs(db: Database, clock: FakeClock) {
  const nudges = createSlackNudgeSink({ web: createWebClient({ token: "xoxb-test-token", apiUrl: slack.url, logger: silentLogger() }), t: createSlackTranslator("nl") });
  const engine = { withClient: async () => undefined as never, resumeParked: async () => "gone" as const, reask: async () => "not needed" as const };
  return createJobs({ db, engine, sender: recordingSender(), nudges, logger: silentLogger(), clock: clock.now, limiter: unlimited, silentDays: 60 });
}

describe.each(backends)("open promises on %s", (_name, fresh, available) => {
  const newDb = useDb(fresh);

  it.runIf(available)("a step open two weeks after its day nudges the coach once, as the hourly detector finds it", { timeout: 60_000 }, async () => {
    const db = await newDb();
    const clock = fakeClock("2027-02-01T09:00:00Z");
    const { clientId, coachId } = await activeClient(db, { name: "Samira El Amrani", coach: { slackUserId: "UPROMISE" }, remindersWanted: false, lastClientMessageAt: clock.now() });
    const due = new Date(clock.now().getTime() - 13 * DAY);
    const goal = await db.prisma.goal.create({ data: { clientId, text: "Werk vinden" } });
    const late = await db.prisma.step.create({ data: { goalId: goal.id, what: "Het uitzendbureau bellen", dueAt: due } });
    const later = await db.prisma.step.create({ data: { goalId: goal.id, what: "Cv sturen", dueAt: new Date(due.getTime() + 6 * HOUR), status: "PARTLY" } });
    await db.prisma.step.create({ data: { goalId: goal.id, what: "Boodschappen", dueAt: new Date(due.getTime() - 5 * DAY), status: "DONE", doneAt: due } });
    const { dispatcher, ensureRecurring } = jobs(db, clock);
    await ensureRecurring();
    const promises = () => db.prisma.nudge.findMany({ where: { clientId, cause: "open_promise" }, orderBy: { openedAt: "asc" } });
    // The clock jumps; each jump runs the detector's slot that came due (a run queues the next slot after now).
    const runHours = async (hours: number) => {
      clock.advance(hours * HOUR);
      await dispatcher.drain();
    };

    // Day 13 after the step's day: an overdue step (the 24-hour nudge), but no open promise yet.
    await runHours(2);
    expect(await promises()).toHaveLength(0);
    expect(await db.prisma.nudge.count({ where: { clientId, cause: "step_overdue" } })).toBe(1);

    // Past day 14: the detector's next runs find it, once.
    await runHours(24);
    const [first] = await promises();
    expect(await promises()).toHaveLength(1);
    expect(first).toMatchObject({ coachId, status: "OPEN", detail: { ref: late.id, since: due.toISOString() } });
    expect(first?.notifiedAt).not.toBeNull();
    const dm = slack.posts().find((p) => String(p.params.text).includes("twee weken"));
    expect(dm?.params.channel).toBe("DUPROMISE");
    expect(dm?.params.text).toBe("Samira heeft een stap die al twee weken over tijd is. Samen kijken of die stap nog past?");
    // The step's words are not in the nudge (they are the client's, sealed at rest).
    expect(JSON.stringify(first?.detail)).not.toContain("uitzendbureau");

    // Still open a day later: no second nudge for it.
    await runHours(24);
    expect(await promises()).toHaveLength(1);

    // The coach closes it: the same step never comes back; the next overdue step (partly done) does.
    await db.prisma.$transaction((tx) => actOnNudge(tx, { nudgeId: first?.id ?? "", memberId: coachId, action: "done", now: clock.now() }));
    await runHours(2);
    const after = await promises();
    expect(after.map((n) => (n.detail as { ref?: string }).ref)).toEqual([late.id, later.id]);
    await db.prisma.$transaction((tx) => actOnNudge(tx, { nudgeId: after[1]?.id ?? "", memberId: coachId, action: "done", now: clock.now() }));
    await runHours(48);
    expect(await promises()).toHaveLength(2);
  });
});
