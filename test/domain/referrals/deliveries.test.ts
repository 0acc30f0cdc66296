/**
 * Who hears of a referral change (src/domain/referrals/deliveries.ts), on the embedded database,
 * one for the file: the partner's card only once the client agreed to share something, the
 * thread line and direct messages with who did it, the client's Telegram message (not when they
 * stopped, not about a plan without its time), and a referrer who reads only the name they wrote.
 * The changes themselves are driven in out.test.ts and in.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { ReferralEvent, Tell } from "../../../flows/referral/index.js";
import { deliverChange, enqueueSlack, hasCard, SLACK_REFERRAL_JOB, type SlackReferralPayload } from "../../../src/domain/referrals/deliveries.js";
import { initialReferral } from "../../../src/domain/referrals/lifecycle.js";
import type { Referral } from "../../../src/generated/prisma/client.js";
import type { TelegramSendPayload } from "../../../src/outbox/messages.js";
import { dbForFile, freshEmbeddedDb } from "../../support/db.js";
import { referralWorld, type ReferralWorld } from "../referrals-world.js";

const file = dbForFile(freshEmbeddedDb);
const NOW = new Date("2027-03-10T09:00:00.000Z");
let eventId = 1000n;

/** A referral as filed: out from the team to the partner by the coach, or in from the partner by its member. */
async function filed(w: ReferralWorld, direction: "OUT" | "IN", over: Partial<Referral> = {}): Promise<Referral> {
  const init = initialReferral(direction);
  const out = direction === "OUT";
  return file.db.prisma.referral.create({
    data: {
      direction,
      clientId: w.client.id,
      fromOrgId: out ? w.team.id : w.partner.id,
      toOrgId: out ? w.partner.id : w.team.id,
      filedByMemberId: out ? w.coach.id : w.partnerMember.id,
      status: init.status,
      machineVersion: init.machineVersion,
      snapshot: init.snapshot,
      need: out ? "Schulden" : "Werk",
      personName: out ? "Samira" : "Jan de Vries",
      ...(over as object),
    },
  });
}
const outReferral = (w: ReferralWorld, over: Partial<Referral> = {}) => filed(w, "OUT", over);
const inReferral = (w: ReferralWorld) => filed(w, "IN");

async function deliver(referral: Referral, event: ReferralEvent, tells: Tell[], actor = "<@UPETRA>") {
  const id = ++eventId;
  await file.db.prisma.$transaction((tx) => deliverChange(tx, { referral, from: "a", to: "b", event, eventId: id, tells }, actor, NOW));
  const job = await file.db.prisma.job.findUnique({ where: { idempotencyKey: `${SLACK_REFERRAL_JOB}:${referral.id}:${id}` } });
  return { job, payload: job?.payload as unknown as SlackReferralPayload | undefined, id };
}

const telegram = async (clientId: string) =>
  (await file.db.prisma.job.findMany({ where: { clientId, kind: "telegram.send" }, orderBy: { id: "asc" } })).flatMap((j) => (j.payload as unknown as TelegramSendPayload).messages);

describe("hasCard", () => {
  it("a referral in always has one; a referral out only once the client agreed to share something", () => {
    const base = { consentedItems: [] } as unknown as Referral;
    expect(hasCard({ ...base, direction: "IN" })).toBe(true);
    expect(hasCard({ ...base, direction: "OUT" })).toBe(false);
    expect(hasCard({ ...base, direction: "OUT", consentedItems: ["name"] })).toBe(true);
  });
});

describe("deliverChange", () => {
  it("before consent the partner sees nothing: no card, no thread line, only the coach's message", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w);
    const { job, payload } = await deliver(referral, { type: "client.declined" }, [{ to: "coach", key: "referral.dm.out.declined" }]);
    expect(payload?.card).toBe(false);
    expect(payload?.thread).toBeUndefined();
    expect(payload?.dms.map((d) => [d.memberId, d.line.key])).toEqual([[w.coach.id, "referral.dm.out.declined"]]);
    // An OUT job carries the client, so their messages keep their order.
    expect(job?.clientId).toBe(w.client.id);
  });

  it("after consent: the card, a thread line with the event's facts and who did it, and the client told of the plan", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w, { consentedItems: ["name"] });
    const at = "2027-03-20T13:30:00.000Z";
    const { payload, id } = await deliver(referral, { type: "partner.planned", at, place: "Wijkcentrum Oost" }, [
      { to: "coach", key: "referral.dm.out.planned" },
      { to: "client", key: "referralNews.planned" },
    ]);
    expect(payload?.card).toBe(true);
    expect(payload?.thread).toEqual({
      key: "referral.thread.partner.planned",
      vars: { partner: w.partner.name, team: w.partner.name, from: w.team.name, client: "Samira", coach: `<@${w.coach.slackUserId}>`, when: at, place: "Wijkcentrum Oost", actor: "<@UPETRA>" },
    });
    expect(payload?.dms).toEqual([{ memberId: w.coach.id, line: { key: "referral.dm.out.planned", vars: payload?.thread?.vars } }]);
    const [told] = await telegram(w.client.id);
    // The client reads names, never a Slack mention.
    expect(told).toEqual({ key: "referralNews.planned", vars: { partner: w.partner.name, team: w.partner.name, from: w.team.name, client: "Samira", coach: "Ahmed", when: at, place: "Wijkcentrum Oost" } });
    const job = await file.db.prisma.job.findFirstOrThrow({ where: { clientId: w.client.id, kind: "telegram.send" } });
    expect(job.idempotencyKey).toBe(`telegram.send:referral:${referral.id}:${id}:referralNews.planned`);
  });

  it("the client is not told about a plan without its time, nor anything once they stopped", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w, { consentedItems: ["name"] });
    await deliver(referral, { type: "partner.accepted" }, [{ to: "client", key: "referralNews.planned" }]);
    expect(await telegram(w.client.id)).toEqual([]);
    await file.db.prisma.client.update({ where: { id: w.client.id }, data: { status: "STOPPED" } });
    const { payload } = await deliver(referral, { type: "partner.completed", outcome: "Regeling getroffen" }, [{ to: "client", key: "referralNews.completed" }]);
    expect(await telegram(w.client.id)).toEqual([]);
    // The card still follows the referral.
    expect(payload?.thread?.vars.outcome).toBe("Regeling getroffen");
  });

  it("a referral in: the referrer reads the name they wrote, never the client's record; its job carries no client", async () => {
    const w = await referralWorld(file.db);
    const referral = await inReferral(w);
    const { job, payload } = await deliver(referral, { type: "team.askedInfo", question: "Welke dagen?" }, [{ to: "referrer", key: "referral.dm.in.infoRequested" }], "<@UCOACH>");
    expect(job?.clientId).toBeNull();
    expect(payload?.card).toBe(true);
    expect(payload?.dms).toEqual([{ memberId: w.partnerMember.id, line: expect.objectContaining({ key: "referral.dm.in.infoRequested" }), controls: "answerInfo" }]);
    const vars = payload?.dms[0]?.line.vars;
    expect(vars).toMatchObject({ client: "Jan de Vries", question: "Welke dagen?", actor: "<@UCOACH>" });
    expect(JSON.stringify(payload)).not.toContain(w.client.name);
  });

  it("the coach's message after the client wanted to talk first carries the button to ask again; contact made says with whom", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w, { consentedItems: ["phone"] });
    const asked = await deliver(referral, { type: "client.askedCoach" }, [{ to: "coach", key: "referral.dm.out.askedCoach" }]);
    expect(asked.payload?.dms[0]?.controls).toBe("askAgain");
    const made = await deliver(referral, { type: "partner.contactMade", withCoach: true }, [{ to: "coach", key: "referral.dm.out.contactMade" }]);
    expect(made.payload?.dms[0]).not.toHaveProperty("controls");
    expect(made.payload?.thread?.vars.context).toBe("withCoach");
    const alone = await deliver(referral, { type: "partner.contactMade", withCoach: false }, []);
    expect(alone.payload?.thread?.vars.context).toBe("alone");
  });

  it("with no card and no one to tell, no job is queued", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w);
    const { job } = await deliver(referral, { type: "system.consentAsked" }, []);
    expect(job).toBeNull();
  });
});

describe("enqueueSlack", () => {
  it("queues a key once, as a retried transaction would; an empty payload not at all", async () => {
    const w = await referralWorld(file.db);
    const referral = await outReferral(w);
    const payload: SlackReferralPayload = { referralId: referral.id, card: true, dms: [] };
    await file.db.prisma.$transaction((tx) => enqueueSlack(tx, payload, null, "k1", NOW));
    await file.db.prisma.$transaction((tx) => enqueueSlack(tx, { ...payload, dms: [{ memberId: w.coach.id, line: { key: "x", vars: {} } }] }, null, "k1", NOW));
    await file.db.prisma.$transaction((tx) => enqueueSlack(tx, { referralId: referral.id, card: false, dms: [] }, null, "k2", NOW));
    const jobs = await file.db.prisma.job.findMany({ where: { idempotencyKey: { in: [`${SLACK_REFERRAL_JOB}:k1`, `${SLACK_REFERRAL_JOB}:k2`] } } });
    expect(jobs.map((j) => [j.idempotencyKey, j.payload, j.dueAt])).toEqual([[`${SLACK_REFERRAL_JOB}:k1`, payload, NOW]]);
  });
});
